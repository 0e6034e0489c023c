/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

/** IDM status of a desa (Permendesa PDTT 2/2016), from lowest to highest. */
export type IdmStatus =
  /** Developing (Madya): 0.5989 < IDM ≤ 0.7072. */
  | 'BERKEMBANG'
  /** Developed (Pra-Sembada): 0.7072 < IDM ≤ 0.8155. */
  | 'MAJU'
  /** Independent (Sembada): IDM > 0.8155. */
  | 'MANDIRI'
  /** Very underdeveloped (Pratama): IDM ≤ 0.4907. */
  | 'SANGAT_TERTINGGAL'
  /** Underdeveloped (Pra-Madya): 0.4907 < IDM ≤ 0.5989. */
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
  /** Only villages with one of these codes, dotted ("64.02.08.2005") or not ("6402082005"), at most 500; a code a desa was once published under (an IDM file's older numbering) finds it too. Unknown codes are simply absent; an empty list matches none. */
  codes?: Array<string> | null | undefined;
  /** Only villages in this kecamatan ("64.02.08" or "640208"). */
  districtCode?: string | null | undefined;
  /** Only desa with one of these IDM statuses (official, or derived where none was published) that year. */
  idmStatus?: Array<IdmStatus> | null | undefined;
  /** Year the IDM conditions and score order look at; the latest year present when omitted. */
  idmYear?: number | null | undefined;
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
  | 'IDM_SCORE_DESC';

export type ProvenanceFragment = { provenance: { format: string, file: string, line: number | null, recordedBy: string, recordedAt: string }, source: { publishedCode: string, note: string | null } };

export type SummaryCardFragment = { year: number | null, assessed: number, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, iks: number, ike: number, ikl: number } | null, meanVsParent: { score: number, iks: number, ike: number, ikl: number } | null, meanVsNational: { score: number } | null };

export type PreviousCardFragment = { year: number | null, assessed: number, top: number | null, mean: { score: number, iks: number, ike: number, ikl: number } | null };

export type BinsFragment = { histogram: Array<{ from: number, to: number, count: number, status: IdmStatus }> };

export type RankedFragment = { rank: number, code: string, name: string, value: number, assessed: number };

export type ChildSummaryFragment = { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> };

export type YearsQueryVariables = Exact<{ [key: string]: never; }>;


export type YearsQuery = { idmYears: Array<{ year: number, assessed: number, published: boolean }> };

export type NationalViewQueryVariables = Exact<{
  year: number;
  prev: number;
}>;


export type NationalViewQuery = { cursor: string, years: Array<{ year: number }>, summary: { year: number | null, assessed: number, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, iks: number, ike: number, ikl: number } | null, meanVsParent: { score: number, iks: number, ike: number, ikl: number } | null, meanVsNational: { score: number } | null, histogram: Array<{ from: number, to: number, count: number, status: IdmStatus }> }, previous: { year: number | null, assessed: number, top: number | null, mean: { score: number, iks: number, ike: number, ikl: number } | null }, best: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, worst: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, children: Array<{ code: string, name: string, summary: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> } }> };

export type ProvinceViewQueryVariables = Exact<{
  code: string;
  year: number;
  prev: number;
}>;


export type ProvinceViewQuery = { cursor: string, years: Array<{ year: number }>, region: { code: string, name: string, summary: { year: number | null, assessed: number, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, iks: number, ike: number, ikl: number } | null, meanVsParent: { score: number, iks: number, ike: number, ikl: number } | null, meanVsNational: { score: number } | null, histogram: Array<{ from: number, to: number, count: number, status: IdmStatus }> }, previous: { year: number | null, assessed: number, top: number | null, mean: { score: number, iks: number, ike: number, ikl: number } | null }, best: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, worst: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, children: Array<{ code: string, name: string, summary: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> } }> } | null };

export type KabupatenViewQueryVariables = Exact<{
  code: string;
  year: number;
  prev: number;
}>;


export type KabupatenViewQuery = { cursor: string, years: Array<{ year: number }>, region: { code: string, name: string, province: { code: string, name: string }, summary: { year: number | null, assessed: number, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, iks: number, ike: number, ikl: number } | null, meanVsParent: { score: number, iks: number, ike: number, ikl: number } | null, meanVsNational: { score: number } | null, histogram: Array<{ from: number, to: number, count: number, status: IdmStatus }> }, previous: { year: number | null, assessed: number, top: number | null, mean: { score: number, iks: number, ike: number, ikl: number } | null }, best: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, worst: Array<{ rank: number, code: string, name: string, value: number, assessed: number }>, children: Array<{ code: string, name: string, summary: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> } }> } | null };

export type DistrictViewQueryVariables = Exact<{
  code: string;
  year: number;
  prev: number;
}>;


export type DistrictViewQuery = { cursor: string, years: Array<{ year: number }>, region: { code: string, name: string, kabupaten: { code: string, name: string, province: { code: string, name: string } }, summary: { year: number | null, assessed: number, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, iks: number, ike: number, ikl: number } | null, meanVsParent: { score: number, iks: number, ike: number, ikl: number } | null, meanVsNational: { score: number } | null, histogram: Array<{ from: number, to: number, count: number, status: IdmStatus }> }, previous: { year: number | null, assessed: number, top: number | null, mean: { score: number, iks: number, ike: number, ikl: number } | null }, best: { edges: Array<{ node: { code: string, name: string, idm: { score: number } | null } }> }, worst: { edges: Array<{ node: { code: string, name: string, idm: { score: number } | null } }> } } | null };

export type VillageLineFragment = { code: string, name: string, kind: VillageKind, district: { name: string }, kabupaten: { name: string }, idm: { score: number, status: IdmStatus | null, statusMismatch: boolean, change: { movement: IdmMovement, scoreDelta: number | null, previousStatus: IdmStatus | null } } | null };

export type VillageListQueryVariables = Exact<{
  filter: VillageFilter;
  orderBy?: VillageOrderBy | null | undefined;
  after?: string | null | undefined;
  year: number;
}>;


export type VillageListQuery = { villages: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string, kind: VillageKind, district: { name: string }, kabupaten: { name: string }, idm: { score: number, status: IdmStatus | null, statusMismatch: boolean, change: { movement: IdmMovement, scoreDelta: number | null, previousStatus: IdmStatus | null } } | null } }> } };

export type DesaViewQueryVariables = Exact<{
  code: string;
  year?: number | null | undefined;
}>;


export type DesaViewQuery = { cursor: string, years: Array<{ year: number }>, village: { code: string, compactCode: string, name: string, kind: VillageKind, district: { code: string, name: string, kabupaten: { code: string, name: string, province: { code: string, name: string } } }, idm: { year: number, score: number, status: IdmStatus | null, derivedStatus: IdmStatus, statusMismatch: boolean, targetStatus: IdmStatus, targetMinScore: number, scoreToTarget: number, iks: number, ike: number, ikl: number, change: { movement: IdmMovement, scoreDelta: number | null, previousYear: number | null, previousStatus: IdmStatus | null }, indicators: Array<{ index: IdmIndex, number: number, name: string, score: number, description: string | null, activity: string | null, potentialGain: number, actors: { pusat: string | null, provinsi: string | null, kabupaten: string | null, desa: string | null, csr: string | null, lainnya: string | null } }>, provenance: { format: string, file: string, line: number | null, recordedBy: string, recordedAt: string }, source: { publishedCode: string, note: string | null } } | null, idmHistory: Array<{ year: number, score: number, status: IdmStatus | null, iks: number, ike: number, ikl: number }> } | null };

export type ProgramsQueryVariables = Exact<{ [key: string]: never; }>;


export type ProgramsQuery = { programs: Array<{ slug: string, name: string, year: number }> };

export type ProgramViewQueryVariables = Exact<{
  slug: string;
  year: number;
}>;


export type ProgramViewQuery = { cursor: string, years: Array<{ year: number }>, program: { slug: string, name: string, year: number, agency: string, description: string | null, summary: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> }, loci: Array<{ id: string, quota: number, enrolledCount: number, kabupaten: { code: string, name: string, province: { name: string } }, enrolled: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> }, whole: { assessed: number, top: number | null, mean: { score: number } | null, byStatus: Array<{ status: IdmStatus, count: number }> } }>, villages: { totalCount: number, edges: Array<{ node: { code: string, name: string, district: { name: string }, kabupaten: { name: string }, idm: { score: number, status: IdmStatus | null, change: { movement: IdmMovement } } | null } }> } } | null };

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


export type SummaryLiveSubscription = { idmSummaryUpdated: { year: number | null, assessed: number, movedUp: number, movedDown: number, top: number | null, byStatus: Array<{ status: IdmStatus, count: number, share: number }>, mean: { score: number, iks: number, ike: number, ikl: number } | null, meanVsParent: { score: number, iks: number, ike: number, ikl: number } | null, meanVsNational: { score: number } | null } };

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
export const SummaryCardFragmentDoc = new TypedDocumentString(`
    fragment SummaryCard on IdmSummary {
  year
  assessed
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
  idm(year: $year) {
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
export const YearsDocument = new TypedDocumentString(`
    query Years {
  idmYears {
    year
    assessed
    published
  }
}
    `, {"hash":"sha256:5b21f5d78ee3edaf05328e8b2cf2646e8c4ec33fb3f8df2b12a7bdac2318cec5"}) as unknown as TypedDocumentString<YearsQuery, YearsQueryVariables>;
export const NationalViewDocument = new TypedDocumentString(`
    query NationalView($year: Int!, $prev: Int!) {
  cursor: idmChangeCursor
  years: idmYears {
    year
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
}`, {"hash":"sha256:7a6160c9478d7bfa9aae97d957b038081d80b7aaae36f909d6889267546cb1e0"}) as unknown as TypedDocumentString<NationalViewQuery, NationalViewQueryVariables>;
export const ProvinceViewDocument = new TypedDocumentString(`
    query ProvinceView($code: String!, $year: Int!, $prev: Int!) {
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
      summary: idmSummary(year: $year) {
        ...ChildSummary
      }
    }
  }
}
    fragment SummaryCard on IdmSummary {
  year
  assessed
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
}`, {"hash":"sha256:729d6e0acbd487f08be60e9600b61c168a5bd15af83c01d03b5966d8217fa4c5"}) as unknown as TypedDocumentString<ProvinceViewQuery, ProvinceViewQueryVariables>;
export const KabupatenViewDocument = new TypedDocumentString(`
    query KabupatenView($code: String!, $year: Int!, $prev: Int!) {
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
      summary: idmSummary(year: $year) {
        ...ChildSummary
      }
    }
  }
}
    fragment SummaryCard on IdmSummary {
  year
  assessed
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
}`, {"hash":"sha256:58f6e31a1a3102e2118c1b2bbe6dacdb80be895aa128563e6ebd796b36d3cbd8"}) as unknown as TypedDocumentString<KabupatenViewQuery, KabupatenViewQueryVariables>;
export const DistrictViewDocument = new TypedDocumentString(`
    query DistrictView($code: String!, $year: Int!, $prev: Int!) {
  cursor: idmChangeCursor
  years: idmYears {
    year
  }
  region: district(code: $code) {
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
          idm(year: $year) {
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
          idm(year: $year) {
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
}`, {"hash":"sha256:7fa4edf11b9a7ce5ea55f3b2b75f7c0ed22fc058a716db91d87a4e35ab39bea3"}) as unknown as TypedDocumentString<DistrictViewQuery, DistrictViewQueryVariables>;
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
  idm(year: $year) {
    score
    status
    statusMismatch
    change {
      movement
      scoreDelta
      previousStatus
    }
  }
}`, {"hash":"sha256:9966c9fb4b335476e5b7a7a6d4fc86dd225f814c0cf71b883083478e4117f16e"}) as unknown as TypedDocumentString<VillageListQuery, VillageListQueryVariables>;
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
}`, {"hash":"sha256:14fb92e5a72ee321139c6c10927a11f46e40deab78641a0634e84f0b22796219"}) as unknown as TypedDocumentString<DesaViewQuery, DesaViewQueryVariables>;
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
    query ProgramView($slug: String!, $year: Int!) {
  cursor: idmChangeCursor
  years: idmYears {
    year
  }
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
          idm(year: $year) {
            score
            status
            change {
              movement
            }
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
}`, {"hash":"sha256:d2a6bf8f5fa2e7d5abf1f40d9984620e2c3f3bf1f0e716245d934f47b5b7741e"}) as unknown as TypedDocumentString<ProgramViewQuery, ProgramViewQueryVariables>;
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
}`, {"hash":"sha256:8ee7b2c04925a2a4f9eb518f8f5879cf355dfe3a16b1d811d0d1ad47d8252d54"}) as unknown as TypedDocumentString<SummaryLiveSubscription, SummaryLiveSubscriptionVariables>;