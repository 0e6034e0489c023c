import { registerEnumType } from 'type-graphql';

/** Whether a second-level region is a regency (kabupaten) or a city (kota). */
export enum KabupatenKind {
  KABUPATEN = 'KABUPATEN',
  KOTA = 'KOTA',
}

/** The kind of a village, told by the first digit of its 4-digit suffix (Kemendagri). */
export enum VillageKind {
  /** `1xxx`: an urban ward run by the regency; never assessed by IDM. */
  KELURAHAN = 'KELURAHAN',
  /** `2xxx`: a rural village with its own government and village funds. */
  DESA = 'DESA',
  /** `3xxx`: a customary village (desa adat). */
  DESA_ADAT = 'DESA_ADAT',
}

registerEnumType(KabupatenKind, {
  name: 'KabupatenKind',
  description: 'Whether a kabupaten/kota is a regency (kabupaten) or a city (kota).',
  valuesConfig: {
    KABUPATEN: { description: 'Regency (kabupaten), mostly rural, headed by a bupati.' },
    KOTA: { description: 'City (kota), headed by a wali kota.' },
  },
});

registerEnumType(VillageKind, {
  name: 'VillageKind',
  description: 'Kind of village, from the first digit of the 4-digit village suffix.',
  valuesConfig: {
    KELURAHAN: { description: 'Urban ward (suffix 1xxx); not assessed by IDM.' },
    DESA: { description: 'Village with its own government (suffix 2xxx).' },
    DESA_ADAT: { description: 'Customary village (suffix 3xxx).' },
  },
});

/** A level of the register, as search results name it. */
export enum RegionLevelName {
  PROVINCE = 'PROVINCE',
  KABUPATEN = 'KABUPATEN',
  DISTRICT = 'DISTRICT',
  VILLAGE = 'VILLAGE',
}

registerEnumType(RegionLevelName, {
  name: 'RegionLevel',
  description: 'A level of the Kemendagri register.',
  valuesConfig: {
    PROVINCE: { description: 'Province (provinsi).' },
    KABUPATEN: { description: 'Kabupaten/kota.' },
    DISTRICT: { description: 'Kecamatan.' },
    VILLAGE: { description: 'Desa, desa adat or kelurahan.' },
  },
});

/** How a name matched a search, best first: results are ordered by it. */
export enum SearchMatch {
  EXACT = 'EXACT',
  PREFIX = 'PREFIX',
  WORD = 'WORD',
  CONTAINS = 'CONTAINS',
  SIMILAR = 'SIMILAR',
}

registerEnumType(SearchMatch, {
  name: 'SearchMatch',
  description: 'How a name matched a search (case, accents, punctuation and spaces ignored), best first.',
  valuesConfig: {
    EXACT: { description: 'The whole name ("Sidondo I" for "sidondo i" or "sidondoi").' },
    PREFIX: { description: 'The name starts with it ("Sidondo II" for "sidondo i").' },
    WORD: { description: 'A later word of the name starts with it ("Kota Bangun" for "bangun").' },
    CONTAINS: { description: 'The name contains it elsewhere.' },
    SIMILAR: { description: 'The name is close to it by trigram similarity (a typo, a variant spelling).' },
  },
});
