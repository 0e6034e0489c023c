/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A box on the map (a viewport): west and east longitudes, south and north latitudes, in degrees (WGS 84). */
export type BoundingBoxInput = {
  /** Eastern edge, -180 to 180, not west of `west` (the API serves no box across the antimeridian: Indonesia lies far from it). */
  east: number;
  /** Northern edge, -90 to 90, not south of `south`. */
  north: number;
  /** Southern edge, -90 to 90. */
  south: number;
  /** Western edge, -180 to 180. */
  west: number;
};

/** The three composite indices of IDM. */
export type IdmIndex =
  /** Indeks Ketahanan Ekonomi: economic resilience, 12 indicators. */
  | 'IKE'
  /** Indeks Ketahanan Lingkungan: ecological resilience, 3 indicators. */
  | 'IKL'
  /** Indeks Ketahanan Sosial: social resilience, 35 indicators. */
  | 'IKS';

/** How a status moved against the one before it (the previous year, or the value a write replaced). */
export type IdmMovement =
  /** A lower status than before. */
  | 'DOWN'
  /** Nothing before to compare with. */
  | 'NEW'
  /** The value was taken back (retractIdmAssessment or import:idm --retract): there is no current value. */
  | 'RETRACTED'
  /** The same status (the score may still have changed). */
  | 'SAME'
  /** A higher status than before. */
  | 'UP';

/** Status of a desa, from lowest to highest: the five names IDM (Permendesa PDTT 2/2016, to 2024) and the Indeks Desa (Permendesa PDTT 9/2024, from 2025) share. Each family has its own thresholds. */
export type IdmStatus =
  /** Developing (Madya): 0.5989 < IDM ≤ 0.7072; 57.38 < Indeks Desa ≤ 69.34. */
  | 'BERKEMBANG'
  /** Developed (Pra-Sembada): 0.7072 < IDM ≤ 0.8155; 69.34 < Indeks Desa ≤ 79.62. */
  | 'MAJU'
  /** Independent (Sembada): IDM > 0.8155; Indeks Desa > 79.62. */
  | 'MANDIRI'
  /** Very underdeveloped (Pratama): IDM ≤ 0.4907; Indeks Desa ≤ 49.48. */
  | 'SANGAT_TERTINGGAL'
  /** Underdeveloped (Pra-Madya): 0.4907 < IDM ≤ 0.5989; 49.48 < Indeks Desa ≤ 57.38. */
  | 'TERTINGGAL';

/** The scope of a summary subscription: at most one of these; none for the whole nation. */
export type IdmSummaryScopeInput = {
  /** A kecamatan ("64.02.08" or "640208"). */
  districtCode?: string | null | undefined;
  /** A kabupaten/kota ("64.02" or "6402"). */
  kabupatenCode?: string | null | undefined;
  /** A program ("desa-cerdas-2022"). */
  programSlug?: string | null | undefined;
  /** A province ("64"). */
  provinceCode?: string | null | undefined;
};

/** Which IDM changes to receive; every given condition must hold. */
export type IdmUpdateFilter = {
  /** Only desa of this kecamatan. */
  districtCode?: string | null | undefined;
  /** Only desa of this kabupaten/kota. */
  kabupatenCode?: string | null | undefined;
  /** Only desa enrolled in this program. */
  programSlug?: string | null | undefined;
  /** Only desa of this province. */
  provinceCode?: string | null | undefined;
  /** Only changes whose status differs from the value they replaced (a first value and a retraction count). */
  statusChanged?: boolean | null | undefined;
  /** Only this desa ("6402082005" or "64.02.08.2005"). */
  villageCode?: string | null | undefined;
};

/** Which Indeks Desa changes to receive; every given condition must hold. */
export type IndeksDesaUpdateFilter = {
  /** Only desa of this kecamatan. */
  districtCode?: string | null | undefined;
  /** Only desa of this kabupaten/kota. */
  kabupatenCode?: string | null | undefined;
  /** Only desa enrolled in this program. */
  programSlug?: string | null | undefined;
  /** Only desa of this province. */
  provinceCode?: string | null | undefined;
  /** Only changes whose status differs from the value they replaced (a first value and a retraction count). */
  statusChanged?: boolean | null | undefined;
  /** Only this desa ("6402082005" or "64.02.08.2005"). */
  villageCode?: string | null | undefined;
};

/** Which index a value belongs to. Scores of the two do not compare (0–1 against 0–100); statuses share names and order. */
export type IndexFamily =
  /** Indeks Desa Membangun (Permendesa PDTT 2/2016): IKS, IKE and IKL, a score in [0, 1]; 2015 to 2024. */
  | 'IDM'
  /** Indeks Desa (Permendesa PDTT 9/2024): six dimensions, a score on 0–100; from 2025. */
  | 'INDEKS_DESA';

/** A level of the Kemendagri register. */
export type RegionLevel =
  /** Kecamatan. */
  | 'DISTRICT'
  /** Kabupaten/kota. */
  | 'KABUPATEN'
  /** Province (provinsi). */
  | 'PROVINCE'
  /** Desa, desa adat or kelurahan. */
  | 'VILLAGE';

/** How a name matched a search (case, accents, punctuation and spaces ignored), best first. */
export type SearchMatch =
  /** The name contains it elsewhere. */
  | 'CONTAINS'
  /** The whole name ("Sidondo I" for "sidondo i" or "sidondoi"). */
  | 'EXACT'
  /** The name starts with it ("Sidondo II" for "sidondo i"). */
  | 'PREFIX'
  /** The name is close to it by trigram similarity (a typo, a variant spelling). */
  | 'SIMILAR'
  /** A later word of the name starts with it ("Kota Bangun" for "bangun"). */
  | 'WORD';

/** Narrows a list of villages. All given conditions must hold. */
export type VillageFilter = {
  /** Only villages with one of these codes, dotted ("64.02.08.2005") or not ("6402082005"), at most 500; a code a desa was once published under (an IDM file's older numbering) finds it too, and so does its 10-digit BPS code where no Kemendagri code of the register reads the same. Unknown codes are simply absent; an empty list matches none. */
  codes?: Array<string> | null | undefined;
  /** Only villages in this kecamatan ("64.02.08" or "640208"). */
  districtCode?: string | null | undefined;
  /** Only desa with one of these IDM statuses (official, or derived where none was published) that year. */
  idmStatus?: Array<IdmStatus> | null | undefined;
  /** Year the IDM conditions and score order look at; the latest year present when omitted. */
  idmYear?: number | null | undefined;
  /** Only desa with a Skor Indeks Desa of at most this (0–100) that year. */
  indeksDesaMaxScore?: number | null | undefined;
  /** Only desa with a Skor Indeks Desa of at least this (0–100) that year. */
  indeksDesaMinScore?: number | null | undefined;
  /** Only desa whose Indeks Desa status that year moved so against the desa's previous assessed year of either family (2025: its IDM 2024 status; NEW: none before). */
  indeksDesaMovement?: Array<IdmMovement> | null | undefined;
  /** Only desa with one of these Indeks Desa statuses (official, or derived where none was published) that year. */
  indeksDesaStatus?: Array<IdmStatus> | null | undefined;
  /** Year (2025 on) the Indeks Desa conditions and order look at; when omitted, the latest published Indeks Desa year of the narrowest region the filter names (the nation when none). */
  indeksDesaYear?: number | null | undefined;
  /** Only villages in this kabupaten/kota ("64.02" or "6402"). */
  kabupatenCode?: string | null | undefined;
  /** Only villages of this kind. */
  kind?: VillageKind | null | undefined;
  /** Only desa with an IDM score of at most this that year. */
  maxScore?: number | null | undefined;
  /** Only desa with an IDM score of at least this that year. */
  minScore?: number | null | undefined;
  /** Only desa whose status that year moved so against the desa's previous assessed year (NEW: none before). */
  movement?: Array<IdmMovement> | null | undefined;
  /** Only villages enrolled in this program ("desa-cerdas-2022"). */
  programSlug?: string | null | undefined;
  /** Only villages in this province ("64"). */
  provinceCode?: string | null | undefined;
  /** Part of the village name, at most 100 characters; case, accents and punctuation are ignored. */
  search?: string | null | undefined;
  /** Only desa whose official status that year differs from the one its score gives (true), or agrees with it (false). */
  statusMismatch?: boolean | null | undefined;
  /** Only villages whose `center` (a point inside the desa's shape) lies in this box, edges included: a map's viewport. Villages without a shape (desa shapes not imported, or not drawn by the source) never match. */
  within?: BoundingBoxInput | null | undefined;
};

/** Kind of village, from the first digit of the 4-digit village suffix. */
export type VillageKind =
  /** Village with its own government (suffix 2xxx). */
  | 'DESA'
  /** Customary village (suffix 3xxx). */
  | 'DESA_ADAT'
  /** Urban ward (suffix 1xxx); not assessed by IDM. */
  | 'KELURAHAN';

/** Order of a village list. */
export type VillageOrderBy =
  /** By code (the default). */
  | 'CODE'
  /** By IDM score of the filter year, lowest first (only assessed desa); ties by code. */
  | 'IDM_SCORE_ASC'
  /** By IDM score of the filter year, highest first (only assessed desa); ties by code. */
  | 'IDM_SCORE_DESC'
  /** By Skor Indeks Desa of the filter year, lowest first (only assessed desa); ties by code. */
  | 'INDEKS_DESA_SCORE_ASC'
  /** By Skor Indeks Desa of the filter year, highest first (only assessed desa); ties by code. */
  | 'INDEKS_DESA_SCORE_DESC';

export type ProvenanceFragment = { provenance: { format: string, file: string, line: number | null, recordedBy: string, recordedAt: string }, source: { publishedCode: string, note: string | null } };

export type IdSummaryCardFragment = { year: number | null, assessed: number, coverage: number | null, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number } | null, meanVsParent: { score: number, layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number } | null, meanVsNational: { score: number } | null };

export type IdPreviousCardFragment = { year: number | null, assessed: number, top: number | null, mean: { score: number, layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number } | null };

export type IdBinsFragment = { histogram: Array<{ from: number, to: number, count: number, status: IdmStatus }> };

export type IdOfficialFragment = { officialCounts: { year: number, source: string, total: number, byStatus: Array<{ status: IdmStatus, count: number, share: number }> } | null };

export type IdRankedFragment = { rank: number, code: string, name: string, value: number, assessed: number };

export type IdChildSummaryFragment = { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> };

export type IdNationalViewQueryVariables = Exact<{
  year: number;
  prev: number;
  withPrevious: boolean;
}>;


export type IdNationalViewQuery = { cursor: string, summary: { year: number | null, assessed: number, coverage: number | null, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number } | null, meanVsParent: { score: number, layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number } | null, meanVsNational: { score: number } | null, histogram: Array<{ from: number, to: number, count: number, status: IdmStatus }>, officialCounts: { year: number, source: string, total: number, byStatus: Array<{ status: IdmStatus, count: number, share: number }> } | null }, previous?: { year: number | null, assessed: number, top: number | null, mean: { score: number, layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number } | null }, best: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, worst: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, children: Array<{ code: string, name: string, summary: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> } }> };

export type IdNationalMapQueryVariables = Exact<{
  year: number;
  shapes: boolean;
}>;


export type IdNationalMapQuery = { mapAreas: Array<{ kabupatens: Array<{ code: string, name: string, boundary?: import('geojson').Polygon | import('geojson').MultiPolygon | null, summary: { assessed: number, top: number | null, mean: { score: number } | null } }> }> };

export type IdProvinceViewQueryVariables = Exact<{
  code: string;
  year: number;
  prev: number;
  withPrevious: boolean;
  shapes: boolean;
}>;


export type IdProvinceViewQuery = { cursor: string, region: { code: string, name: string, summary: { year: number | null, assessed: number, coverage: number | null, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number } | null, meanVsParent: { score: number, layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number } | null, meanVsNational: { score: number } | null, histogram: Array<{ from: number, to: number, count: number, status: IdmStatus }> }, previous?: { year: number | null, assessed: number, top: number | null, mean: { score: number, layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number } | null }, best: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, worst: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, children: Array<{ code: string, name: string, boundary?: import('geojson').Polygon | import('geojson').MultiPolygon | null, summary: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> } }> } | null };

export type IdKabupatenViewQueryVariables = Exact<{
  code: string;
  year: number;
  prev: number;
  withPrevious: boolean;
  shapes: boolean;
}>;


export type IdKabupatenViewQuery = { cursor: string, region: { code: string, name: string, province: { code: string, name: string }, summary: { year: number | null, assessed: number, coverage: number | null, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number } | null, meanVsParent: { score: number, layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number } | null, meanVsNational: { score: number } | null, histogram: Array<{ from: number, to: number, count: number, status: IdmStatus }> }, previous?: { year: number | null, assessed: number, top: number | null, mean: { score: number, layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number } | null }, best: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, worst: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, children: Array<{ code: string, name: string, boundary?: import('geojson').Polygon | import('geojson').MultiPolygon | null, summary: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> }, desa: { edges: Array<{ node: { code: string, name: string, boundary?: import('geojson').Polygon | import('geojson').MultiPolygon | null, value: { score: number, status: IdmStatus | null } | null } }> } }> } | null };

export type IdDistrictViewQueryVariables = Exact<{
  code: string;
  year: number;
  prev: number;
  withPrevious: boolean;
  shapes: boolean;
}>;


export type IdDistrictViewQuery = { cursor: string, region: { code: string, name: string, boundary?: import('geojson').Polygon | import('geojson').MultiPolygon | null, desa: { edges: Array<{ node: { code: string, name: string, boundary?: import('geojson').Polygon | import('geojson').MultiPolygon | null, value: { score: number, status: IdmStatus | null } | null } }> }, kabupaten: { code: string, name: string, province: { code: string, name: string } }, summary: { year: number | null, assessed: number, coverage: number | null, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number } | null, meanVsParent: { score: number, layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number } | null, meanVsNational: { score: number } | null, histogram: Array<{ from: number, to: number, count: number, status: IdmStatus }> }, previous?: { year: number | null, assessed: number, top: number | null, mean: { score: number, layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number } | null }, best: { edges: Array<{ node: { code: string, name: string, value: { score: number } | null } }> }, worst: { edges: Array<{ node: { code: string, name: string, value: { score: number } | null } }> } } | null };

export type IdVillageLineFragment = { code: string, name: string, kind: VillageKind, district: { name: string }, kabupaten: { name: string }, value: { score: number, status: IdmStatus | null, statusMismatch: boolean, scoreMismatch: boolean } | null };

export type IdVillageListQueryVariables = Exact<{
  filter: VillageFilter;
  orderBy?: VillageOrderBy | null | undefined;
  after?: string | null | undefined;
  year: number;
}>;


export type IdVillageListQuery = { villages: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string, kind: VillageKind, district: { name: string }, kabupaten: { name: string }, value: { score: number, status: IdmStatus | null, statusMismatch: boolean, scoreMismatch: boolean } | null } }> } };

export type IdProgramViewQueryVariables = Exact<{
  slug: string;
  year: number;
  shapes: boolean;
}>;


export type IdProgramViewQuery = { cursor: string, program: { slug: string, name: string, year: number, agency: string, description: string | null, summary: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> }, loci: Array<{ id: string, quota: number, enrolledCount: number, kabupaten: { code: string, name: string, boundary?: import('geojson').Polygon | import('geojson').MultiPolygon | null, province: { name: string } }, enrolled: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> }, whole: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> } }>, villages: { totalCount: number, edges: Array<{ node: { code: string, name: string, district: { name: string }, kabupaten: { name: string }, value: { score: number, status: IdmStatus | null } | null } }> } } | null };

export type TrackFragment = { year: number, index: IndexFamily, status: IdmStatus, score: number };

export type IdDesaViewQueryVariables = Exact<{
  code: string;
  year?: number | null | undefined;
}>;


export type IdDesaViewQuery = { cursor: string, village: { code: string, compactCode: string, name: string, kind: VillageKind, district: { code: string, name: string, kabupaten: { code: string, name: string, province: { code: string, name: string } } }, indeksDesa: { year: number, score: number, status: IdmStatus | null, derivedStatus: IdmStatus, statusMismatch: boolean, scoreMismatch: boolean, targetStatus: IdmStatus, targetMinScore: number, scoreToTarget: number, dimensions: { layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number }, provenance: { format: string, file: string, line: number | null, recordedBy: string, recordedAt: string } } | null, statusTrack: Array<{ year: number, index: IndexFamily, status: IdmStatus, score: number }> } | null };

export type IdUpdatesSubscriptionVariables = Exact<{
  where?: IndeksDesaUpdateFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type IdUpdatesSubscription = { indeksDesaUpdated: { cursor: string, year: number, movement: IdmMovement, provenance: { recordedAt: string }, previous: { score: number, status: IdmStatus } | null, current: { score: number, status: IdmStatus } | null, village: { code: string, name: string, district: { name: string }, kabupaten: { name: string } } } };

export type IdSummaryLiveSubscriptionVariables = Exact<{
  scope: IdmSummaryScopeInput;
  year: number;
}>;


export type IdSummaryLiveSubscription = { indeksDesaSummaryUpdated: { year: number | null, assessed: number, coverage: number | null, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number } | null, meanVsParent: { score: number, layananDasar: number, sosial: number, ekonomi: number, lingkungan: number, aksesibilitas: number, tataKelola: number } | null, meanVsNational: { score: number } | null } };

export type IdMapDesaFragment = { code: string, name: string, boundary?: import('geojson').Polygon | import('geojson').MultiPolygon | null, value: { score: number, status: IdmStatus | null } | null };

export type IdMapSummaryFragment = { assessed: number, top: number | null, mean: { score: number } | null };

export type SummaryCardFragment = { year: number | null, assessed: number, coverage: number | null, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, iks: number, ike: number, ikl: number } | null, meanVsParent: { score: number, iks: number, ike: number, ikl: number } | null, meanVsNational: { score: number } | null };

export type PreviousCardFragment = { year: number | null, assessed: number, top: number | null, mean: { score: number, iks: number, ike: number, ikl: number } | null };

export type OfficialFragment = { officialCounts: { year: number, source: string, total: number, byStatus: Array<{ status: IdmStatus, count: number, share: number }> } | null };

export type BinsFragment = { histogram: Array<{ from: number, to: number, count: number, status: IdmStatus }> };

export type RankedFragment = { rank: number, code: string, name: string, value: number, assessed: number };

export type ChildSummaryFragment = { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> };

export type ScopeYearFragment = { index: IndexFamily, year: number };

export type YearsQueryVariables = Exact<{
  code: string;
  province: boolean;
  kabupaten: boolean;
  district: boolean;
}>;


export type YearsQuery = { idmYears: Array<{ year: number, assessed: number, published: boolean }>, publishedYears: Array<{ index: IndexFamily, year: number }>, latestPublishedYear: { index: IndexFamily, year: number } | null, province?: { publishedYears: Array<{ index: IndexFamily, year: number }>, latestPublishedYear: { index: IndexFamily, year: number } | null } | null, kabupaten?: { publishedYears: Array<{ index: IndexFamily, year: number }>, latestPublishedYear: { index: IndexFamily, year: number } | null } | null, district?: { latestPublishedYear: { index: IndexFamily, year: number } | null } | null };

export type NationalViewQueryVariables = Exact<{
  year: number;
  prev: number;
}>;


export type NationalViewQuery = { cursor: string, years: Array<{ year: number }>, summary: { year: number | null, assessed: number, coverage: number | null, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, iks: number, ike: number, ikl: number } | null, meanVsParent: { score: number, iks: number, ike: number, ikl: number } | null, meanVsNational: { score: number } | null, histogram: Array<{ from: number, to: number, count: number, status: IdmStatus }>, officialCounts: { year: number, source: string, total: number, byStatus: Array<{ status: IdmStatus, count: number, share: number }> } | null }, previous: { year: number | null, assessed: number, top: number | null, mean: { score: number, iks: number, ike: number, ikl: number } | null }, best: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, worst: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, children: Array<{ code: string, name: string, summary: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> } }> };

export type NationalMapQueryVariables = Exact<{
  year: number;
  shapes: boolean;
}>;


export type NationalMapQuery = { mapAreas: Array<{ kabupatens: Array<{ code: string, name: string, boundary?: import('geojson').Polygon | import('geojson').MultiPolygon | null, summary: { assessed: number, top: number | null, mean: { score: number } | null } }> }> };

export type ProvinceViewQueryVariables = Exact<{
  code: string;
  year: number;
  prev: number;
  shapes: boolean;
}>;


export type ProvinceViewQuery = { cursor: string, years: Array<{ year: number }>, region: { code: string, name: string, summary: { year: number | null, assessed: number, coverage: number | null, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, iks: number, ike: number, ikl: number } | null, meanVsParent: { score: number, iks: number, ike: number, ikl: number } | null, meanVsNational: { score: number } | null, histogram: Array<{ from: number, to: number, count: number, status: IdmStatus }> }, previous: { year: number | null, assessed: number, top: number | null, mean: { score: number, iks: number, ike: number, ikl: number } | null }, best: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, worst: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, children: Array<{ code: string, name: string, boundary?: import('geojson').Polygon | import('geojson').MultiPolygon | null, summary: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> } }> } | null };

export type KabupatenViewQueryVariables = Exact<{
  code: string;
  year: number;
  prev: number;
  shapes: boolean;
}>;


export type KabupatenViewQuery = { cursor: string, years: Array<{ year: number }>, region: { code: string, name: string, province: { code: string, name: string }, summary: { year: number | null, assessed: number, coverage: number | null, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, iks: number, ike: number, ikl: number } | null, meanVsParent: { score: number, iks: number, ike: number, ikl: number } | null, meanVsNational: { score: number } | null, histogram: Array<{ from: number, to: number, count: number, status: IdmStatus }> }, previous: { year: number | null, assessed: number, top: number | null, mean: { score: number, iks: number, ike: number, ikl: number } | null }, best: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, worst: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, children: Array<{ code: string, name: string, boundary?: import('geojson').Polygon | import('geojson').MultiPolygon | null, summary: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> }, desa: { edges: Array<{ node: { code: string, name: string, boundary?: import('geojson').Polygon | import('geojson').MultiPolygon | null, value: { score: number, status: IdmStatus | null } | null } }> } }> } | null };

export type DistrictViewQueryVariables = Exact<{
  code: string;
  year: number;
  prev: number;
  shapes: boolean;
}>;


export type DistrictViewQuery = { cursor: string, years: Array<{ year: number }>, region: { code: string, name: string, boundary?: import('geojson').Polygon | import('geojson').MultiPolygon | null, desa: { edges: Array<{ node: { code: string, name: string, boundary?: import('geojson').Polygon | import('geojson').MultiPolygon | null, value: { score: number, status: IdmStatus | null } | null } }> }, kabupaten: { code: string, name: string, province: { code: string, name: string } }, summary: { year: number | null, assessed: number, coverage: number | null, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, iks: number, ike: number, ikl: number } | null, meanVsParent: { score: number, iks: number, ike: number, ikl: number } | null, meanVsNational: { score: number } | null, histogram: Array<{ from: number, to: number, count: number, status: IdmStatus }> }, previous: { year: number | null, assessed: number, top: number | null, mean: { score: number, iks: number, ike: number, ikl: number } | null }, best: { edges: Array<{ node: { code: string, name: string, value: { score: number } | null } }> }, worst: { edges: Array<{ node: { code: string, name: string, value: { score: number } | null } }> } } | null };

export type VillageLineFragment = { code: string, name: string, kind: VillageKind, district: { name: string }, kabupaten: { name: string }, value: { score: number, status: IdmStatus | null, statusMismatch: boolean, change: { movement: IdmMovement, scoreDelta: number | null, previousStatus: IdmStatus | null } } | null };

export type VillageListQueryVariables = Exact<{
  filter: VillageFilter;
  orderBy?: VillageOrderBy | null | undefined;
  after?: string | null | undefined;
  year: number;
}>;


export type VillageListQuery = { villages: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string, kind: VillageKind, district: { name: string }, kabupaten: { name: string }, value: { score: number, status: IdmStatus | null, statusMismatch: boolean, change: { movement: IdmMovement, scoreDelta: number | null, previousStatus: IdmStatus | null } } | null } }> } };

export type DesaViewQueryVariables = Exact<{
  code: string;
  year?: number | null | undefined;
}>;


export type DesaViewQuery = { cursor: string, years: Array<{ year: number }>, village: { code: string, compactCode: string, name: string, kind: VillageKind, district: { code: string, name: string, kabupaten: { code: string, name: string, province: { code: string, name: string } } }, idm: { year: number, score: number, status: IdmStatus | null, derivedStatus: IdmStatus, statusMismatch: boolean, targetStatus: IdmStatus, targetMinScore: number, scoreToTarget: number, iks: number, ike: number, ikl: number, change: { movement: IdmMovement, scoreDelta: number | null, previousYear: number | null, previousStatus: IdmStatus | null }, indicators: Array<{ index: IdmIndex, number: number, name: string, score: number, description: string | null, activity: string | null, potentialGain: number, actors: { pusat: string | null, provinsi: string | null, kabupaten: string | null, desa: string | null, csr: string | null, lainnya: string | null } }>, provenance: { format: string, file: string, line: number | null, recordedBy: string, recordedAt: string }, source: { publishedCode: string, note: string | null } } | null, idmHistory: Array<{ year: number, score: number, status: IdmStatus | null, iks: number, ike: number, ikl: number }>, statusTrack: Array<{ year: number, index: IndexFamily, status: IdmStatus, score: number }> } | null };

export type ProgramsQueryVariables = Exact<{ [key: string]: never; }>;


export type ProgramsQuery = { programs: Array<{ slug: string, name: string, year: number }> };

export type ProgramViewQueryVariables = Exact<{
  slug: string;
  year: number;
  shapes: boolean;
}>;


export type ProgramViewQuery = { cursor: string, program: { slug: string, name: string, year: number, agency: string, description: string | null, summary: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> }, loci: Array<{ id: string, quota: number, enrolledCount: number, kabupaten: { code: string, name: string, boundary?: import('geojson').Polygon | import('geojson').MultiPolygon | null, province: { name: string } }, enrolled: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> }, whole: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> } }>, villages: { totalCount: number, edges: Array<{ node: { code: string, name: string, district: { name: string }, kabupaten: { name: string }, value: { score: number, status: IdmStatus | null } | null } }> } } | null };

export type SearchQueryVariables = Exact<{
  text: string;
}>;


export type SearchQuery = { search: Array<{ level: RegionLevel, code: string, name: string, match: SearchMatch, district: { name: string } | null, kabupaten: { name: string } | null, province: { name: string } }> };

export type UpdatesSubscriptionVariables = Exact<{
  where?: IdmUpdateFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type UpdatesSubscription = { idmUpdated: { cursor: string, year: number, movement: IdmMovement, recordedAt: string, previous: { score: number, status: IdmStatus } | null, current: { score: number, status: IdmStatus } | null, village: { code: string, name: string, district: { name: string }, kabupaten: { name: string } } } };

export type SummaryLiveSubscriptionVariables = Exact<{
  scope: IdmSummaryScopeInput;
  year: number;
}>;


export type SummaryLiveSubscription = { idmSummaryUpdated: { year: number | null, assessed: number, coverage: number | null, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, iks: number, ike: number, ikl: number } | null, meanVsParent: { score: number, iks: number, ike: number, ikl: number } | null, meanVsNational: { score: number } | null } };

export type MapDesaFragment = { code: string, name: string, boundary?: import('geojson').Polygon | import('geojson').MultiPolygon | null, value: { score: number, status: IdmStatus | null } | null };

export type MapSummaryFragment = { assessed: number, top: number | null, mean: { score: number } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ProvenanceFragmentDoc = new TypedDocumentString(`
    fragment Provenance on IdmAssessment {
  provenance {
    format
    file
    line
    recordedBy
    recordedAt
  }
  source {
    publishedCode
    note
  }
}
    `, {"fragmentName":"Provenance"}) as unknown as TypedDocumentString<ProvenanceFragment, unknown>;
export const IdSummaryCardFragmentDoc = new TypedDocumentString(`
    fragment IdSummaryCard on IndeksDesaSummary {
  year
  assessed
  coverage
  movedUp
  movedDown
  byStatus {
    status
    count
    share
  }
  mean {
    score
    layananDasar
    sosial
    ekonomi
    lingkungan
    aksesibilitas
    tataKelola
  }
  top: share(statuses: [MANDIRI, MAJU])
  meanVsParent {
    score
    layananDasar
    sosial
    ekonomi
    lingkungan
    aksesibilitas
    tataKelola
  }
  meanVsNational {
    score
  }
}
    `, {"fragmentName":"IdSummaryCard"}) as unknown as TypedDocumentString<IdSummaryCardFragment, unknown>;
export const IdPreviousCardFragmentDoc = new TypedDocumentString(`
    fragment IdPreviousCard on IndeksDesaSummary {
  year
  assessed
  mean {
    score
    layananDasar
    sosial
    ekonomi
    lingkungan
    aksesibilitas
    tataKelola
  }
  top: share(statuses: [MANDIRI, MAJU])
}
    `, {"fragmentName":"IdPreviousCard"}) as unknown as TypedDocumentString<IdPreviousCardFragment, unknown>;
export const IdBinsFragmentDoc = new TypedDocumentString(`
    fragment IdBins on IndeksDesaSummary {
  histogram(bins: 20) {
    from
    to
    count
    status
  }
}
    `, {"fragmentName":"IdBins"}) as unknown as TypedDocumentString<IdBinsFragment, unknown>;
export const IdOfficialFragmentDoc = new TypedDocumentString(`
    fragment IdOfficial on IndeksDesaSummary {
  officialCounts {
    year
    source
    total
    byStatus {
      status
      count
      share
    }
  }
}
    `, {"fragmentName":"IdOfficial"}) as unknown as TypedDocumentString<IdOfficialFragment, unknown>;
export const IdRankedFragmentDoc = new TypedDocumentString(`
    fragment IdRanked on IndeksDesaRankEntry {
  rank
  code
  name
  value
  assessed
}
    `, {"fragmentName":"IdRanked"}) as unknown as TypedDocumentString<IdRankedFragment, unknown>;
export const IdChildSummaryFragmentDoc = new TypedDocumentString(`
    fragment IdChildSummary on IndeksDesaSummary {
  assessed
  mean {
    score
  }
  top: share(statuses: [MANDIRI, MAJU])
  byStatus {
    status
    count
  }
}
    `, {"fragmentName":"IdChildSummary"}) as unknown as TypedDocumentString<IdChildSummaryFragment, unknown>;
export const IdVillageLineFragmentDoc = new TypedDocumentString(`
    fragment IdVillageLine on Village {
  code
  name
  kind
  district {
    name
  }
  kabupaten {
    name
  }
  value: indeksDesa(year: $year) {
    score
    status
    statusMismatch
    scoreMismatch
  }
}
    `, {"fragmentName":"IdVillageLine"}) as unknown as TypedDocumentString<IdVillageLineFragment, unknown>;
export const TrackFragmentDoc = new TypedDocumentString(`
    fragment Track on StatusTrackEntry {
  year
  index
  status
  score
}
    `, {"fragmentName":"Track"}) as unknown as TypedDocumentString<TrackFragment, unknown>;
export const IdMapDesaFragmentDoc = new TypedDocumentString(`
    fragment IdMapDesa on Village {
  code
  name
  value: indeksDesa(year: $year) {
    score
    status
  }
  boundary @include(if: $shapes)
}
    `, {"fragmentName":"IdMapDesa"}) as unknown as TypedDocumentString<IdMapDesaFragment, unknown>;
export const IdMapSummaryFragmentDoc = new TypedDocumentString(`
    fragment IdMapSummary on IndeksDesaSummary {
  assessed
  mean {
    score
  }
  top: share(statuses: [MANDIRI, MAJU])
}
    `, {"fragmentName":"IdMapSummary"}) as unknown as TypedDocumentString<IdMapSummaryFragment, unknown>;
export const SummaryCardFragmentDoc = new TypedDocumentString(`
    fragment SummaryCard on IdmSummary {
  year
  assessed
  coverage
  movedUp
  movedDown
  byStatus {
    status
    count
    share
  }
  mean {
    score
    iks
    ike
    ikl
  }
  top: share(statuses: [MANDIRI, MAJU])
  meanVsParent {
    score
    iks
    ike
    ikl
  }
  meanVsNational {
    score
  }
}
    `, {"fragmentName":"SummaryCard"}) as unknown as TypedDocumentString<SummaryCardFragment, unknown>;
export const PreviousCardFragmentDoc = new TypedDocumentString(`
    fragment PreviousCard on IdmSummary {
  year
  assessed
  mean {
    score
    iks
    ike
    ikl
  }
  top: share(statuses: [MANDIRI, MAJU])
}
    `, {"fragmentName":"PreviousCard"}) as unknown as TypedDocumentString<PreviousCardFragment, unknown>;
export const OfficialFragmentDoc = new TypedDocumentString(`
    fragment Official on IdmSummary {
  officialCounts {
    year
    source
    total
    byStatus {
      status
      count
      share
    }
  }
}
    `, {"fragmentName":"Official"}) as unknown as TypedDocumentString<OfficialFragment, unknown>;
export const BinsFragmentDoc = new TypedDocumentString(`
    fragment Bins on IdmSummary {
  histogram(bins: 24) {
    from
    to
    count
    status
  }
}
    `, {"fragmentName":"Bins"}) as unknown as TypedDocumentString<BinsFragment, unknown>;
export const RankedFragmentDoc = new TypedDocumentString(`
    fragment Ranked on IdmRankEntry {
  rank
  code
  name
  value
  assessed
}
    `, {"fragmentName":"Ranked"}) as unknown as TypedDocumentString<RankedFragment, unknown>;
export const ChildSummaryFragmentDoc = new TypedDocumentString(`
    fragment ChildSummary on IdmSummary {
  assessed
  mean {
    score
  }
  top: share(statuses: [MANDIRI, MAJU])
  byStatus {
    status
    count
  }
}
    `, {"fragmentName":"ChildSummary"}) as unknown as TypedDocumentString<ChildSummaryFragment, unknown>;
export const ScopeYearFragmentDoc = new TypedDocumentString(`
    fragment ScopeYear on IndexYear {
  index
  year
}
    `, {"fragmentName":"ScopeYear"}) as unknown as TypedDocumentString<ScopeYearFragment, unknown>;
export const VillageLineFragmentDoc = new TypedDocumentString(`
    fragment VillageLine on Village {
  code
  name
  kind
  district {
    name
  }
  kabupaten {
    name
  }
  value: idm(year: $year) {
    score
    status
    statusMismatch
    change {
      movement
      scoreDelta
      previousStatus
    }
  }
}
    `, {"fragmentName":"VillageLine"}) as unknown as TypedDocumentString<VillageLineFragment, unknown>;
export const MapDesaFragmentDoc = new TypedDocumentString(`
    fragment MapDesa on Village {
  code
  name
  value: idm(year: $year) {
    score
    status
  }
  boundary @include(if: $shapes)
}
    `, {"fragmentName":"MapDesa"}) as unknown as TypedDocumentString<MapDesaFragment, unknown>;
export const MapSummaryFragmentDoc = new TypedDocumentString(`
    fragment MapSummary on IdmSummary {
  assessed
  mean {
    score
  }
  top: share(statuses: [MANDIRI, MAJU])
}
    `, {"fragmentName":"MapSummary"}) as unknown as TypedDocumentString<MapSummaryFragment, unknown>;
export const IdNationalViewDocument = new TypedDocumentString(`
    query IdNationalView($year: Int!, $prev: Int!, $withPrevious: Boolean!) {
  cursor: changeCursor
  summary: indeksDesaSummary(year: $year) {
    ...IdSummaryCard
    ...IdBins
    ...IdOfficial
  }
  previous: indeksDesaSummary(year: $prev) @include(if: $withPrevious) {
    ...IdPreviousCard
  }
  best: indeksDesaRanking(year: $year, first: 5) {
    ...IdRanked
  }
  worst: indeksDesaRanking(year: $year, first: 5, direction: BOTTOM) {
    ...IdRanked
  }
  children: provinces {
    code
    name
    summary: indeksDesaSummary(year: $year) {
      ...IdChildSummary
    }
  }
}
    fragment IdSummaryCard on IndeksDesaSummary {
  year
  assessed
  coverage
  movedUp
  movedDown
  byStatus {
    status
    count
    share
  }
  mean {
    score
    layananDasar
    sosial
    ekonomi
    lingkungan
    aksesibilitas
    tataKelola
  }
  top: share(statuses: [MANDIRI, MAJU])
  meanVsParent {
    score
    layananDasar
    sosial
    ekonomi
    lingkungan
    aksesibilitas
    tataKelola
  }
  meanVsNational {
    score
  }
}
fragment IdPreviousCard on IndeksDesaSummary {
  year
  assessed
  mean {
    score
    layananDasar
    sosial
    ekonomi
    lingkungan
    aksesibilitas
    tataKelola
  }
  top: share(statuses: [MANDIRI, MAJU])
}
fragment IdBins on IndeksDesaSummary {
  histogram(bins: 20) {
    from
    to
    count
    status
  }
}
fragment IdOfficial on IndeksDesaSummary {
  officialCounts {
    year
    source
    total
    byStatus {
      status
      count
      share
    }
  }
}
fragment IdRanked on IndeksDesaRankEntry {
  rank
  code
  name
  value
  assessed
}
fragment IdChildSummary on IndeksDesaSummary {
  assessed
  mean {
    score
  }
  top: share(statuses: [MANDIRI, MAJU])
  byStatus {
    status
    count
  }
}`, {"hash":"sha256:2155e270d7f769d1d1faf6c3258fb662469fdcc9023727ff2c4ac16d28d3d999"}) as unknown as TypedDocumentString<IdNationalViewQuery, IdNationalViewQueryVariables>;
export const IdNationalMapDocument = new TypedDocumentString(`
    query IdNationalMap($year: Int!, $shapes: Boolean!) {
  mapAreas: provinces {
    kabupatens {
      code
      name
      boundary(detail: LOW) @include(if: $shapes)
      summary: indeksDesaSummary(year: $year) {
        ...IdMapSummary
      }
    }
  }
}
    fragment IdMapSummary on IndeksDesaSummary {
  assessed
  mean {
    score
  }
  top: share(statuses: [MANDIRI, MAJU])
}`, {"hash":"sha256:ba6baee2a7808c4205e60953c594eafa1258d3e6283d46646e77f5a610ecc835"}) as unknown as TypedDocumentString<IdNationalMapQuery, IdNationalMapQueryVariables>;
export const IdProvinceViewDocument = new TypedDocumentString(`
    query IdProvinceView($code: String!, $year: Int!, $prev: Int!, $withPrevious: Boolean!, $shapes: Boolean!) {
  cursor: changeCursor
  region: province(code: $code) {
    code
    name
    summary: indeksDesaSummary(year: $year) {
      ...IdSummaryCard
      ...IdBins
    }
    previous: indeksDesaSummary(year: $prev) @include(if: $withPrevious) {
      ...IdPreviousCard
    }
    best: indeksDesaRanking(year: $year, first: 5) {
      ...IdRanked
    }
    worst: indeksDesaRanking(year: $year, first: 5, direction: BOTTOM) {
      ...IdRanked
    }
    children: kabupatens {
      code
      name
      boundary @include(if: $shapes)
      summary: indeksDesaSummary(year: $year) {
        ...IdChildSummary
      }
    }
  }
}
    fragment IdSummaryCard on IndeksDesaSummary {
  year
  assessed
  coverage
  movedUp
  movedDown
  byStatus {
    status
    count
    share
  }
  mean {
    score
    layananDasar
    sosial
    ekonomi
    lingkungan
    aksesibilitas
    tataKelola
  }
  top: share(statuses: [MANDIRI, MAJU])
  meanVsParent {
    score
    layananDasar
    sosial
    ekonomi
    lingkungan
    aksesibilitas
    tataKelola
  }
  meanVsNational {
    score
  }
}
fragment IdPreviousCard on IndeksDesaSummary {
  year
  assessed
  mean {
    score
    layananDasar
    sosial
    ekonomi
    lingkungan
    aksesibilitas
    tataKelola
  }
  top: share(statuses: [MANDIRI, MAJU])
}
fragment IdBins on IndeksDesaSummary {
  histogram(bins: 20) {
    from
    to
    count
    status
  }
}
fragment IdRanked on IndeksDesaRankEntry {
  rank
  code
  name
  value
  assessed
}
fragment IdChildSummary on IndeksDesaSummary {
  assessed
  mean {
    score
  }
  top: share(statuses: [MANDIRI, MAJU])
  byStatus {
    status
    count
  }
}`, {"hash":"sha256:d896611610567a424e20e697264497f212fc5af526f2919f06baf8542ac5f6b2"}) as unknown as TypedDocumentString<IdProvinceViewQuery, IdProvinceViewQueryVariables>;
export const IdKabupatenViewDocument = new TypedDocumentString(`
    query IdKabupatenView($code: String!, $year: Int!, $prev: Int!, $withPrevious: Boolean!, $shapes: Boolean!) {
  cursor: changeCursor
  region: kabupaten(code: $code) {
    code
    name
    province {
      code
      name
    }
    summary: indeksDesaSummary(year: $year) {
      ...IdSummaryCard
      ...IdBins
    }
    previous: indeksDesaSummary(year: $prev) @include(if: $withPrevious) {
      ...IdPreviousCard
    }
    best: indeksDesaRanking(year: $year, first: 5) {
      ...IdRanked
    }
    worst: indeksDesaRanking(year: $year, first: 5, direction: BOTTOM) {
      ...IdRanked
    }
    children: districts {
      code
      name
      boundary @include(if: $shapes)
      summary: indeksDesaSummary(year: $year) {
        ...IdChildSummary
      }
      desa: villages(first: 500) {
        edges {
          node {
            ...IdMapDesa
          }
        }
      }
    }
  }
}
    fragment IdSummaryCard on IndeksDesaSummary {
  year
  assessed
  coverage
  movedUp
  movedDown
  byStatus {
    status
    count
    share
  }
  mean {
    score
    layananDasar
    sosial
    ekonomi
    lingkungan
    aksesibilitas
    tataKelola
  }
  top: share(statuses: [MANDIRI, MAJU])
  meanVsParent {
    score
    layananDasar
    sosial
    ekonomi
    lingkungan
    aksesibilitas
    tataKelola
  }
  meanVsNational {
    score
  }
}
fragment IdPreviousCard on IndeksDesaSummary {
  year
  assessed
  mean {
    score
    layananDasar
    sosial
    ekonomi
    lingkungan
    aksesibilitas
    tataKelola
  }
  top: share(statuses: [MANDIRI, MAJU])
}
fragment IdBins on IndeksDesaSummary {
  histogram(bins: 20) {
    from
    to
    count
    status
  }
}
fragment IdRanked on IndeksDesaRankEntry {
  rank
  code
  name
  value
  assessed
}
fragment IdChildSummary on IndeksDesaSummary {
  assessed
  mean {
    score
  }
  top: share(statuses: [MANDIRI, MAJU])
  byStatus {
    status
    count
  }
}
fragment IdMapDesa on Village {
  code
  name
  value: indeksDesa(year: $year) {
    score
    status
  }
  boundary @include(if: $shapes)
}`, {"hash":"sha256:a547496d316a87bb8c80b332d7d2108d910f125fe863e45ca3379193769e4e75"}) as unknown as TypedDocumentString<IdKabupatenViewQuery, IdKabupatenViewQueryVariables>;
export const IdDistrictViewDocument = new TypedDocumentString(`
    query IdDistrictView($code: String!, $year: Int!, $prev: Int!, $withPrevious: Boolean!, $shapes: Boolean!) {
  cursor: changeCursor
  region: district(code: $code) {
    code
    name
    boundary @include(if: $shapes)
    desa: villages(first: 500) {
      edges {
        node {
          ...IdMapDesa
        }
      }
    }
    kabupaten {
      code
      name
      province {
        code
        name
      }
    }
    summary: indeksDesaSummary(year: $year) {
      ...IdSummaryCard
      ...IdBins
    }
    previous: indeksDesaSummary(year: $prev) @include(if: $withPrevious) {
      ...IdPreviousCard
    }
    best: villages(
      filter: {indeksDesaYear: $year}
      orderBy: INDEKS_DESA_SCORE_DESC
      first: 5
    ) {
      edges {
        node {
          code
          name
          value: indeksDesa(year: $year) {
            score
          }
        }
      }
    }
    worst: villages(
      filter: {indeksDesaYear: $year}
      orderBy: INDEKS_DESA_SCORE_ASC
      first: 5
    ) {
      edges {
        node {
          code
          name
          value: indeksDesa(year: $year) {
            score
          }
        }
      }
    }
  }
}
    fragment IdSummaryCard on IndeksDesaSummary {
  year
  assessed
  coverage
  movedUp
  movedDown
  byStatus {
    status
    count
    share
  }
  mean {
    score
    layananDasar
    sosial
    ekonomi
    lingkungan
    aksesibilitas
    tataKelola
  }
  top: share(statuses: [MANDIRI, MAJU])
  meanVsParent {
    score
    layananDasar
    sosial
    ekonomi
    lingkungan
    aksesibilitas
    tataKelola
  }
  meanVsNational {
    score
  }
}
fragment IdPreviousCard on IndeksDesaSummary {
  year
  assessed
  mean {
    score
    layananDasar
    sosial
    ekonomi
    lingkungan
    aksesibilitas
    tataKelola
  }
  top: share(statuses: [MANDIRI, MAJU])
}
fragment IdBins on IndeksDesaSummary {
  histogram(bins: 20) {
    from
    to
    count
    status
  }
}
fragment IdMapDesa on Village {
  code
  name
  value: indeksDesa(year: $year) {
    score
    status
  }
  boundary @include(if: $shapes)
}`, {"hash":"sha256:ec2079e7b9e9a7f5f8e3e9f929acb1818b39495114c28a5632c3fac1cea1fcd5"}) as unknown as TypedDocumentString<IdDistrictViewQuery, IdDistrictViewQueryVariables>;
export const IdVillageListDocument = new TypedDocumentString(`
    query IdVillageList($filter: VillageFilter!, $orderBy: VillageOrderBy, $after: String, $year: Int!) {
  villages(filter: $filter, orderBy: $orderBy, first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...IdVillageLine
      }
    }
  }
}
    fragment IdVillageLine on Village {
  code
  name
  kind
  district {
    name
  }
  kabupaten {
    name
  }
  value: indeksDesa(year: $year) {
    score
    status
    statusMismatch
    scoreMismatch
  }
}`, {"hash":"sha256:3db9fe9f6097e3129f61b29dae19d35171088936d00c9a5a2c18695e0c321357"}) as unknown as TypedDocumentString<IdVillageListQuery, IdVillageListQueryVariables>;
export const IdProgramViewDocument = new TypedDocumentString(`
    query IdProgramView($slug: String!, $year: Int!, $shapes: Boolean!) {
  cursor: changeCursor
  program(slug: $slug) {
    slug
    name
    year
    agency
    description
    summary: indeksDesaSummary(year: $year) {
      ...IdChildSummary
    }
    loci {
      id
      quota
      enrolledCount
      kabupaten {
        code
        name
        province {
          name
        }
        boundary(detail: LOW) @include(if: $shapes)
      }
      enrolled: indeksDesaSummary(year: $year) {
        ...IdChildSummary
      }
      whole: indeksDesaSummary(year: $year, of: KABUPATEN) {
        ...IdChildSummary
      }
    }
    villages(first: 200) {
      totalCount
      edges {
        node {
          code
          name
          district {
            name
          }
          kabupaten {
            name
          }
          value: indeksDesa(year: $year) {
            score
            status
          }
        }
      }
    }
  }
}
    fragment IdChildSummary on IndeksDesaSummary {
  assessed
  mean {
    score
  }
  top: share(statuses: [MANDIRI, MAJU])
  byStatus {
    status
    count
  }
}`, {"hash":"sha256:07299150af47c292fd8cc20aa06624d67c07091742952a153e3c41408662183c"}) as unknown as TypedDocumentString<IdProgramViewQuery, IdProgramViewQueryVariables>;
export const IdDesaViewDocument = new TypedDocumentString(`
    query IdDesaView($code: String!, $year: Int) {
  cursor: changeCursor
  village(code: $code) {
    code
    compactCode
    name
    kind
    district {
      code
      name
      kabupaten {
        code
        name
        province {
          code
          name
        }
      }
    }
    indeksDesa(year: $year) {
      year
      score
      status
      derivedStatus
      statusMismatch
      scoreMismatch
      targetStatus
      targetMinScore
      scoreToTarget
      dimensions {
        layananDasar
        sosial
        ekonomi
        lingkungan
        aksesibilitas
        tataKelola
      }
      provenance {
        format
        file
        line
        recordedBy
        recordedAt
      }
    }
    statusTrack {
      ...Track
    }
  }
}
    fragment Track on StatusTrackEntry {
  year
  index
  status
  score
}`, {"hash":"sha256:1225ce49e3b441bb93556c67964d52b39ba9bbe348ed7e9d670c90f64057a205"}) as unknown as TypedDocumentString<IdDesaViewQuery, IdDesaViewQueryVariables>;
export const IdUpdatesDocument = new TypedDocumentString(`
    subscription IdUpdates($where: IndeksDesaUpdateFilter, $after: String) {
  indeksDesaUpdated(where: $where, after: $after) {
    cursor
    year
    movement
    provenance {
      recordedAt
    }
    previous {
      score
      status
    }
    current {
      score
      status
    }
    village {
      code
      name
      district {
        name
      }
      kabupaten {
        name
      }
    }
  }
}
    `, {"hash":"sha256:ffb74d3802bd609446f59e6a8d69778a157d937790e9cd878cffad74085116a4"}) as unknown as TypedDocumentString<IdUpdatesSubscription, IdUpdatesSubscriptionVariables>;
export const IdSummaryLiveDocument = new TypedDocumentString(`
    subscription IdSummaryLive($scope: IdmSummaryScopeInput!, $year: Int!) {
  indeksDesaSummaryUpdated(scope: $scope, year: $year) {
    ...IdSummaryCard
  }
}
    fragment IdSummaryCard on IndeksDesaSummary {
  year
  assessed
  coverage
  movedUp
  movedDown
  byStatus {
    status
    count
    share
  }
  mean {
    score
    layananDasar
    sosial
    ekonomi
    lingkungan
    aksesibilitas
    tataKelola
  }
  top: share(statuses: [MANDIRI, MAJU])
  meanVsParent {
    score
    layananDasar
    sosial
    ekonomi
    lingkungan
    aksesibilitas
    tataKelola
  }
  meanVsNational {
    score
  }
}`, {"hash":"sha256:08a474288993c33fd93f3ff304c789ba087fc31acc87af11e83ca29af3cfd2e2"}) as unknown as TypedDocumentString<IdSummaryLiveSubscription, IdSummaryLiveSubscriptionVariables>;
export const YearsDocument = new TypedDocumentString(`
    query Years($code: String!, $province: Boolean!, $kabupaten: Boolean!, $district: Boolean!) {
  idmYears {
    year
    assessed
    published
  }
  publishedYears {
    ...ScopeYear
  }
  latestPublishedYear {
    ...ScopeYear
  }
  province(code: $code) @include(if: $province) {
    publishedYears {
      ...ScopeYear
    }
    latestPublishedYear {
      ...ScopeYear
    }
  }
  kabupaten(code: $code) @include(if: $kabupaten) {
    publishedYears {
      ...ScopeYear
    }
    latestPublishedYear {
      ...ScopeYear
    }
  }
  district(code: $code) @include(if: $district) {
    latestPublishedYear {
      ...ScopeYear
    }
  }
}
    fragment ScopeYear on IndexYear {
  index
  year
}`, {"hash":"sha256:bbb8ac4e491105be962eb93a0c6232b1055b1f2b7ec20f6b8f049488e0729141"}) as unknown as TypedDocumentString<YearsQuery, YearsQueryVariables>;
export const NationalViewDocument = new TypedDocumentString(`
    query NationalView($year: Int!, $prev: Int!) {
  cursor: idmChangeCursor
  years: idmYears {
    year
  }
  summary: idmSummary(year: $year) {
    ...SummaryCard
    ...Bins
    ...Official
  }
  previous: idmSummary(year: $prev) {
    ...PreviousCard
  }
  best: idmRanking(year: $year, first: 5) {
    ...Ranked
  }
  worst: idmRanking(year: $year, first: 5, direction: BOTTOM) {
    ...Ranked
  }
  children: provinces {
    code
    name
    summary: idmSummary(year: $year) {
      ...ChildSummary
    }
  }
}
    fragment SummaryCard on IdmSummary {
  year
  assessed
  coverage
  movedUp
  movedDown
  byStatus {
    status
    count
    share
  }
  mean {
    score
    iks
    ike
    ikl
  }
  top: share(statuses: [MANDIRI, MAJU])
  meanVsParent {
    score
    iks
    ike
    ikl
  }
  meanVsNational {
    score
  }
}
fragment PreviousCard on IdmSummary {
  year
  assessed
  mean {
    score
    iks
    ike
    ikl
  }
  top: share(statuses: [MANDIRI, MAJU])
}
fragment Official on IdmSummary {
  officialCounts {
    year
    source
    total
    byStatus {
      status
      count
      share
    }
  }
}
fragment Bins on IdmSummary {
  histogram(bins: 24) {
    from
    to
    count
    status
  }
}
fragment Ranked on IdmRankEntry {
  rank
  code
  name
  value
  assessed
}
fragment ChildSummary on IdmSummary {
  assessed
  mean {
    score
  }
  top: share(statuses: [MANDIRI, MAJU])
  byStatus {
    status
    count
  }
}`, {"hash":"sha256:a612644e4a3a4f9767d3503b63c941ae3672131b03de88acde30cb35ddb510b8"}) as unknown as TypedDocumentString<NationalViewQuery, NationalViewQueryVariables>;
export const NationalMapDocument = new TypedDocumentString(`
    query NationalMap($year: Int!, $shapes: Boolean!) {
  mapAreas: provinces {
    kabupatens {
      code
      name
      boundary(detail: LOW) @include(if: $shapes)
      summary: idmSummary(year: $year) {
        ...MapSummary
      }
    }
  }
}
    fragment MapSummary on IdmSummary {
  assessed
  mean {
    score
  }
  top: share(statuses: [MANDIRI, MAJU])
}`, {"hash":"sha256:1e577d60ff02c31480cac8514c3207c4122b26b681aaa4ae0246c704dab4d57f"}) as unknown as TypedDocumentString<NationalMapQuery, NationalMapQueryVariables>;
export const ProvinceViewDocument = new TypedDocumentString(`
    query ProvinceView($code: String!, $year: Int!, $prev: Int!, $shapes: Boolean!) {
  cursor: idmChangeCursor
  years: idmYears {
    year
  }
  region: province(code: $code) {
    code
    name
    summary: idmSummary(year: $year) {
      ...SummaryCard
      ...Bins
    }
    previous: idmSummary(year: $prev) {
      ...PreviousCard
    }
    best: idmRanking(year: $year, first: 5) {
      ...Ranked
    }
    worst: idmRanking(year: $year, first: 5, direction: BOTTOM) {
      ...Ranked
    }
    children: kabupatens {
      code
      name
      boundary @include(if: $shapes)
      summary: idmSummary(year: $year) {
        ...ChildSummary
      }
    }
  }
}
    fragment SummaryCard on IdmSummary {
  year
  assessed
  coverage
  movedUp
  movedDown
  byStatus {
    status
    count
    share
  }
  mean {
    score
    iks
    ike
    ikl
  }
  top: share(statuses: [MANDIRI, MAJU])
  meanVsParent {
    score
    iks
    ike
    ikl
  }
  meanVsNational {
    score
  }
}
fragment PreviousCard on IdmSummary {
  year
  assessed
  mean {
    score
    iks
    ike
    ikl
  }
  top: share(statuses: [MANDIRI, MAJU])
}
fragment Bins on IdmSummary {
  histogram(bins: 24) {
    from
    to
    count
    status
  }
}
fragment Ranked on IdmRankEntry {
  rank
  code
  name
  value
  assessed
}
fragment ChildSummary on IdmSummary {
  assessed
  mean {
    score
  }
  top: share(statuses: [MANDIRI, MAJU])
  byStatus {
    status
    count
  }
}`, {"hash":"sha256:c1921d0dd400d816f6e63fc73e7f69bea18425d50a630c4cdffa99d4e50612f2"}) as unknown as TypedDocumentString<ProvinceViewQuery, ProvinceViewQueryVariables>;
export const KabupatenViewDocument = new TypedDocumentString(`
    query KabupatenView($code: String!, $year: Int!, $prev: Int!, $shapes: Boolean!) {
  cursor: idmChangeCursor
  years: idmYears {
    year
  }
  region: kabupaten(code: $code) {
    code
    name
    province {
      code
      name
    }
    summary: idmSummary(year: $year) {
      ...SummaryCard
      ...Bins
    }
    previous: idmSummary(year: $prev) {
      ...PreviousCard
    }
    best: idmRanking(year: $year, first: 5) {
      ...Ranked
    }
    worst: idmRanking(year: $year, first: 5, direction: BOTTOM) {
      ...Ranked
    }
    children: districts {
      code
      name
      boundary @include(if: $shapes)
      summary: idmSummary(year: $year) {
        ...ChildSummary
      }
      desa: villages(first: 500) {
        edges {
          node {
            ...MapDesa
          }
        }
      }
    }
  }
}
    fragment SummaryCard on IdmSummary {
  year
  assessed
  coverage
  movedUp
  movedDown
  byStatus {
    status
    count
    share
  }
  mean {
    score
    iks
    ike
    ikl
  }
  top: share(statuses: [MANDIRI, MAJU])
  meanVsParent {
    score
    iks
    ike
    ikl
  }
  meanVsNational {
    score
  }
}
fragment PreviousCard on IdmSummary {
  year
  assessed
  mean {
    score
    iks
    ike
    ikl
  }
  top: share(statuses: [MANDIRI, MAJU])
}
fragment Bins on IdmSummary {
  histogram(bins: 24) {
    from
    to
    count
    status
  }
}
fragment Ranked on IdmRankEntry {
  rank
  code
  name
  value
  assessed
}
fragment ChildSummary on IdmSummary {
  assessed
  mean {
    score
  }
  top: share(statuses: [MANDIRI, MAJU])
  byStatus {
    status
    count
  }
}
fragment MapDesa on Village {
  code
  name
  value: idm(year: $year) {
    score
    status
  }
  boundary @include(if: $shapes)
}`, {"hash":"sha256:6ffad6485d74e2e39340fb287a5520db565ea497c8d78f05565b485b62e7b69a"}) as unknown as TypedDocumentString<KabupatenViewQuery, KabupatenViewQueryVariables>;
export const DistrictViewDocument = new TypedDocumentString(`
    query DistrictView($code: String!, $year: Int!, $prev: Int!, $shapes: Boolean!) {
  cursor: idmChangeCursor
  years: idmYears {
    year
  }
  region: district(code: $code) {
    code
    name
    boundary @include(if: $shapes)
    desa: villages(first: 500) {
      edges {
        node {
          ...MapDesa
        }
      }
    }
    kabupaten {
      code
      name
      province {
        code
        name
      }
    }
    summary: idmSummary(year: $year) {
      ...SummaryCard
      ...Bins
    }
    previous: idmSummary(year: $prev) {
      ...PreviousCard
    }
    best: villages(filter: {idmYear: $year}, orderBy: IDM_SCORE_DESC, first: 5) {
      edges {
        node {
          code
          name
          value: idm(year: $year) {
            score
          }
        }
      }
    }
    worst: villages(filter: {idmYear: $year}, orderBy: IDM_SCORE_ASC, first: 5) {
      edges {
        node {
          code
          name
          value: idm(year: $year) {
            score
          }
        }
      }
    }
  }
}
    fragment SummaryCard on IdmSummary {
  year
  assessed
  coverage
  movedUp
  movedDown
  byStatus {
    status
    count
    share
  }
  mean {
    score
    iks
    ike
    ikl
  }
  top: share(statuses: [MANDIRI, MAJU])
  meanVsParent {
    score
    iks
    ike
    ikl
  }
  meanVsNational {
    score
  }
}
fragment PreviousCard on IdmSummary {
  year
  assessed
  mean {
    score
    iks
    ike
    ikl
  }
  top: share(statuses: [MANDIRI, MAJU])
}
fragment Bins on IdmSummary {
  histogram(bins: 24) {
    from
    to
    count
    status
  }
}
fragment MapDesa on Village {
  code
  name
  value: idm(year: $year) {
    score
    status
  }
  boundary @include(if: $shapes)
}`, {"hash":"sha256:2b6ee2b713ae719b280b99098f4535adea49eec05f12f833ce024157c98cd70a"}) as unknown as TypedDocumentString<DistrictViewQuery, DistrictViewQueryVariables>;
export const VillageListDocument = new TypedDocumentString(`
    query VillageList($filter: VillageFilter!, $orderBy: VillageOrderBy, $after: String, $year: Int!) {
  villages(filter: $filter, orderBy: $orderBy, first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        ...VillageLine
      }
    }
  }
}
    fragment VillageLine on Village {
  code
  name
  kind
  district {
    name
  }
  kabupaten {
    name
  }
  value: idm(year: $year) {
    score
    status
    statusMismatch
    change {
      movement
      scoreDelta
      previousStatus
    }
  }
}`, {"hash":"sha256:a0a9b9632ed3c33042f1ee43f4f96e6f8837f16c2eb7d20832ad4bcf76dd7f9b"}) as unknown as TypedDocumentString<VillageListQuery, VillageListQueryVariables>;
export const DesaViewDocument = new TypedDocumentString(`
    query DesaView($code: String!, $year: Int) {
  cursor: idmChangeCursor
  years: idmYears {
    year
  }
  village(code: $code) {
    code
    compactCode
    name
    kind
    district {
      code
      name
      kabupaten {
        code
        name
        province {
          code
          name
        }
      }
    }
    idm(year: $year) {
      year
      score
      status
      derivedStatus
      statusMismatch
      targetStatus
      targetMinScore
      scoreToTarget
      iks
      ike
      ikl
      change {
        movement
        scoreDelta
        previousYear
        previousStatus
      }
      ...Provenance
      indicators {
        index
        number
        name
        score
        description
        activity
        potentialGain
        actors {
          pusat
          provinsi
          kabupaten
          desa
          csr
          lainnya
        }
      }
    }
    idmHistory {
      year
      score
      status
      iks
      ike
      ikl
    }
    statusTrack {
      ...Track
    }
  }
}
    fragment Provenance on IdmAssessment {
  provenance {
    format
    file
    line
    recordedBy
    recordedAt
  }
  source {
    publishedCode
    note
  }
}
fragment Track on StatusTrackEntry {
  year
  index
  status
  score
}`, {"hash":"sha256:fc2fe40faed1b91794bc79ff775bfbd47dd281ffb1ba31f607d146dc764536d2"}) as unknown as TypedDocumentString<DesaViewQuery, DesaViewQueryVariables>;
export const ProgramsDocument = new TypedDocumentString(`
    query Programs {
  programs {
    slug
    name
    year
  }
}
    `, {"hash":"sha256:fdd82d6da77495e6c44b7f25d53d5bf3c841135d3031e4d46688480d795fcfe3"}) as unknown as TypedDocumentString<ProgramsQuery, ProgramsQueryVariables>;
export const ProgramViewDocument = new TypedDocumentString(`
    query ProgramView($slug: String!, $year: Int!, $shapes: Boolean!) {
  cursor: idmChangeCursor
  program(slug: $slug) {
    slug
    name
    year
    agency
    description
    summary: idmSummary(year: $year) {
      ...ChildSummary
    }
    loci {
      id
      quota
      enrolledCount
      kabupaten {
        code
        name
        province {
          name
        }
        boundary(detail: LOW) @include(if: $shapes)
      }
      enrolled: idmSummary(year: $year) {
        ...ChildSummary
      }
      whole: idmSummary(year: $year, of: KABUPATEN) {
        ...ChildSummary
      }
    }
    villages(first: 200) {
      totalCount
      edges {
        node {
          code
          name
          district {
            name
          }
          kabupaten {
            name
          }
          value: idm(year: $year) {
            score
            status
          }
        }
      }
    }
  }
}
    fragment ChildSummary on IdmSummary {
  assessed
  mean {
    score
  }
  top: share(statuses: [MANDIRI, MAJU])
  byStatus {
    status
    count
  }
}`, {"hash":"sha256:e1255328be889c7f1cdb2b6e1cff88bbf446fbddfa02e24fa6e2a22edb66f7f6"}) as unknown as TypedDocumentString<ProgramViewQuery, ProgramViewQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($text: String!) {
  search(text: $text, first: 8) {
    level
    code
    name
    match
    district {
      name
    }
    kabupaten {
      name
    }
    province {
      name
    }
  }
}
    `, {"hash":"sha256:76baa1804990b5664b4b6d4fe6af28d30d5c3f609c77b50d71d66a335fb5ac93"}) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const UpdatesDocument = new TypedDocumentString(`
    subscription Updates($where: IdmUpdateFilter, $after: String) {
  idmUpdated(where: $where, after: $after) {
    cursor
    year
    movement
    recordedAt
    previous {
      score
      status
    }
    current {
      score
      status
    }
    village {
      code
      name
      district {
        name
      }
      kabupaten {
        name
      }
    }
  }
}
    `, {"hash":"sha256:8d0b205a71a018cd11c4e753512e228a6383f757049ac58677cbd7499f948346"}) as unknown as TypedDocumentString<UpdatesSubscription, UpdatesSubscriptionVariables>;
export const SummaryLiveDocument = new TypedDocumentString(`
    subscription SummaryLive($scope: IdmSummaryScopeInput!, $year: Int!) {
  idmSummaryUpdated(scope: $scope, year: $year) {
    ...SummaryCard
  }
}
    fragment SummaryCard on IdmSummary {
  year
  assessed
  coverage
  movedUp
  movedDown
  byStatus {
    status
    count
    share
  }
  mean {
    score
    iks
    ike
    ikl
  }
  top: share(statuses: [MANDIRI, MAJU])
  meanVsParent {
    score
    iks
    ike
    ikl
  }
  meanVsNational {
    score
  }
}`, {"hash":"sha256:55386b147fe19feb2c150833a5182288fcde85564a2d151b6978130b646b317a"}) as unknown as TypedDocumentString<SummaryLiveSubscription, SummaryLiveSubscriptionVariables>;