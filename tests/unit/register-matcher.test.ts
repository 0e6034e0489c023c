import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { villageKindOf } from '../../src/region/region-code';
import {
  districtKey,
  kabupatenKey,
  kabupatensNamed,
  MatchRule,
  MatchWarning,
  nameKey,
  placementConflicts,
  Register,
  withinOneEdit,
  type PublishedIdentity,
  type RegisterKabupaten,
  type RegisterVillage,
} from '../../src/region/register-matcher';

/** The real register (idn-area-data 4.0.1), as register-rows.ts would load it. */
const DIR = path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
const read = (file: string) => parse(fs.readFileSync(path.join(DIR, file)), { columns: true }) as Record<string, string>[];
const kabupatens: RegisterKabupaten[] = read('regencies.csv').map((r) => ({ code: r.code!, name: r.name! }));
const districts = new Map(read('districts.csv').map((r) => [r.code!, r.name!]));
const kabupatenNames = new Map(kabupatens.map((k) => [k.code, k.name]));
const villages: RegisterVillage[] = read('villages.csv').map((r) => {
  const kabupatenCode = r.code!.slice(0, 5);
  return {
    code: r.code!,
    name: r.name!,
    kind: villageKindOf(r.code!)!,
    districtCode: r.district_code!,
    districtName: districts.get(r.district_code!)!,
    kabupatenCode,
    kabupatenName: kabupatenNames.get(kabupatenCode)!,
  };
});
const register = new Register(kabupatens, villages);
const byCode = new Map(villages.map((v) => [v.code, v]));

const identity = (code: string, kabupaten?: string, district?: string, village?: string): PublishedIdentity => ({ code, names: { kabupaten, district, village } });
const matched = (i: PublishedIdentity) => {
  const result = register.match(i);
  return result.village ? { code: result.village.code, name: result.village.name, rule: result.rule, warning: result.warning?.reason ?? null } : { rejected: result.message };
};

describe('the register rows these tests use', () => {
  it('are the real ones the cases below rely on', () => {
    expect(villages).toHaveLength(83_762);
    expect(['64.02.19.2005', '64.02.19.2006'].map((c) => byCode.get(c)!.name)).toEqual(['Kota Bangun II', 'Kota Bangun III']);
    expect(byCode.get('93.01.06.2003')!.name).toBe('Waninggap Say');
    expect(byCode.get('91.03.02.3003')!.name).toBe('Desa Adat Ayapo');
    expect(byCode.has('91.03.02.2003')).toBe(false);
    expect(kabupatens.some((k) => k.code === '91.01')).toBe(false); // Merauke moved to 93.01 (Papua Selatan)
    // Sumber Sari is the name of three desa in Kutai Kartanegara; one of them in Kota Bangun Darat.
    expect(villages.filter((v) => v.kabupatenCode === '64.02' && v.name === 'Sumber Sari').map((v) => v.code)).toEqual(['64.02.02.2014', '64.02.07.2007', '64.02.19.2007']);
  });
});

describe('a code the register has, in a kabupaten whose name agrees', () => {
  it('is that desa whatever the desa name says: a response naming the neighbouring "… III" stays on its "… II" code, with a warning', () => {
    expect(matched(identity('64.02.19.2005', 'KUTAI KARTANEGARA', 'KOTA BANGUN DARAT', 'KOTA BANGUN III'))).toEqual({
      code: '64.02.19.2005',
      name: 'Kota Bangun II',
      rule: MatchRule.CODE,
      warning: MatchWarning.NAME_MISMATCH,
    });
    const result = register.match(identity('64.02.19.2005', 'KUTAI KARTANEGARA', 'KOTA BANGUN DARAT', 'KOTA BANGUN III'));
    expect(result.village && result.warning?.message).toBe("published desa name KOTA BANGUN III differs from the register's Kota Bangun II");
  });

  it('takes no warning for names that differ only in case, accents, punctuation, spaces or a desa adat prefix', () => {
    expect(matched(identity('64.02.19.2005', 'KAB. KUTAI KARTANEGARA', 'Kota Bangun Darat', 'KOTA-BANGUN  II'))).toMatchObject({ code: '64.02.19.2005', warning: null });
    expect(matched(identity('91.03.02.3003', 'JAYAPURA', 'SENTANI TIMUR', 'AYAPO'))).toMatchObject({ code: '91.03.02.3003', warning: null });
  });

  it('is that desa when no names are published (the mutations)', () => {
    expect(matched(identity('64.02.08.2005'))).toEqual({ code: '64.02.08.2005', name: 'Kota Bangun Ulu', rule: MatchRule.CODE, warning: null });
  });

  it('stands when the published kabupaten name is a spelling the register does not know, with a warning', () => {
    // The 2024 national file writes "KOTA PADANG SIDEMPUAN" for Kota Padangsidimpuan.
    expect(matched(identity('12.77.06.2002', 'KOTA PADANG SIDEMPUAN', 'PADANGSIDIMPUAN ANGKOLA JULU', 'BATU LAYAN'))).toEqual({
      code: '12.77.06.2002',
      name: 'Batu Layan',
      rule: MatchRule.CODE,
      warning: MatchWarning.NAME_MISMATCH,
    });
  });
});

describe('a code the register lacks, or whose kabupaten was renumbered, is matched by names', () => {
  it('by kecamatan and desa names, ignoring the desa adat prefix: "Ayapo" (2xxx) is "Desa Adat Ayapo" (3xxx)', () => {
    expect(matched(identity('91.03.02.2003', 'JAYAPURA', 'SENTANI TIMUR', 'AYAPO'))).toEqual({
      code: '91.03.02.3003',
      name: 'Desa Adat Ayapo',
      rule: MatchRule.NAMES,
      warning: null,
    });
  });

  it('by names in the kabupaten the record names when its code is another kabupaten\'s in the register', () => {
    // 2024 Papua Barat Daya numbering: 96.04.21.2004 is Kwesefo (Tambrauw) in the register.
    expect(byCode.get('96.04.21.2004')!.name).toBe('Kwesefo');
    expect(matched(identity('96.04.21.2004', 'SORONG SELATAN', 'KOKODA UTARA', 'BENAWA II'))).toEqual({
      code: '96.02.11.2004',
      name: 'Benawa II',
      rule: MatchRule.NAMES,
      warning: null,
    });
  });

  it('then by the same kecamatan and desa number with a name one edit away: "Waninggap Sai" in renumbered Merauke is "Waninggap Say"', () => {
    expect(matched(identity('91.01.06.2003', 'MERAUKE', 'TANAH MIRING', 'WANINGGAP SAI'))).toEqual({
      code: '93.01.06.2003',
      name: 'Waninggap Say',
      rule: MatchRule.NEAR_NAME,
      warning: null,
    });
    // One edit away but another desa number: not that rule, and no other rule finds it.
    expect(matched(identity('91.01.06.2099', 'MERAUKE', 'TANAH MIRING', 'WANINGGAP SAI'))).toHaveProperty('rejected');
  });

  it('then through a kecamatan split: the old kecamatan "Kota Bangun" is a prefix of "Kota Bangun Darat"', () => {
    expect(matched(identity('64.02.08.2030', 'KUTAI KARTANEGARA', 'KOTA BANGUN', 'SUMBER SARI'))).toEqual({
      code: '64.02.19.2007',
      name: 'Sumber Sari',
      rule: MatchRule.DISTRICT_SPLIT,
      warning: null,
    });
  });

  it('then by the only desa of that name in the kabupaten (a kecamatan spelled otherwise)', () => {
    // The 2024 file writes "PASI RAJA" for Pasie Raja; Pulo Ie II is unique in Aceh Selatan.
    expect(matched(identity('11.01.10.2099', 'ACEH SELATAN', 'PASI RAJA', 'PULO IE II'))).toEqual({
      code: '11.01.10.2020',
      name: 'Pulo Ie II',
      rule: MatchRule.KABUPATEN_NAME,
      warning: null,
    });
  });

  it('otherwise is rejected, naming what was published', () => {
    // Sedulang is a desa of two kecamatan of Kutai Kartanegara: ambiguous without its kecamatan.
    expect(matched(identity('64.02.99.2001', 'KUTAI KARTANEGARA', 'NOWHERE', 'SEDULANG'))).toEqual({
      rejected: 'village code 64.02.99.2001 is not in the register and its names (KUTAI KARTANEGARA / NOWHERE / SEDULANG) match no single desa',
    });
    // The old kecamatan name must be the start of the new one word for word.
    expect(matched(identity('64.02.08.2030', 'KUTAI KARTANEGARA', 'KOTA BANG', 'SUMBER SARI'))).toHaveProperty('rejected');
    expect(matched(identity('96.04.21.2004', 'SORONG SELATAN', 'KOKODA UTARA', 'NOWHERE'))).toEqual({
      rejected: 'village code 96.04.21.2004 is Kwesefo in Kabupaten Tambrauw in the register, but the record names SORONG SELATAN (register 96.02), where its names (SORONG SELATAN / KOKODA UTARA / NOWHERE) match no single desa',
    });
  });

  it('never says "()" when no names were published', () => {
    expect(matched(identity('64.09.01.2999'))).toEqual({ rejected: 'village code 64.09.01.2999 is not in the register' });
  });

  it('never matches a kelurahan by name', () => {
    expect(byCode.get('64.09.01.1001')!.kind).toBe('KELURAHAN');
    expect(matched(identity('64.09.01.2999', 'PENAJAM PASER UTARA', 'PENAJAM', byCode.get('64.09.01.1001')!.name))).toHaveProperty('rejected');
  });

  it('uses a code remembered from an earlier name match before the names', () => {
    const withAlias = new Register(kabupatens, villages, [['96.10.24.2004', '96.05.24.2004']]);
    const result = withAlias.match(identity('96.10.24.2004'));
    expect(result.village && [result.village.code, result.rule]).toEqual(['96.05.24.2004', MatchRule.ALIAS]);
  });
});

describe('folding', () => {
  it('ignores case, accents, punctuation, spaces and the Desa Adat, Kampung Adat and Kampung prefixes', () => {
    expect(nameKey('DESA ADAT AYAPO')).toBe('ayapo');
    expect(nameKey('Kampung Adat Sawe Suma')).toBe('sawesuma');
    expect(nameKey('KAMPUNG YOBEH')).toBe(nameKey('Yobeh'));
    expect(nameKey("Soka'an")).toBe(nameKey('SOKÁAN'));
    expect(nameKey('Mulya Sari')).toBe(nameKey('MULYASARI'));
    expect(nameKey('Kampung')).toBe('kampung');
    expect(districtKey('Kampung Laut')).toBe('kampunglaut');
    expect(kabupatenKey('KAB. SORONG')).toBe(kabupatenKey('Kabupaten Sorong'));
    expect(kabupatenKey('KOTA SORONG')).not.toBe(kabupatenKey('Kabupaten Sorong'));
    expect(kabupatenKey('KEP. SIAU TAGULANDANG BIARO')).toBe(kabupatenKey('Kabupaten Kepulauan Siau Tagulandang Biaro'));
  });

  it('counts one edit as one insertion, deletion or substitution', () => {
    expect(withinOneEdit('waninggapsai', 'waninggapsay')).toBe(true);
    expect(withinOneEdit('kotabangunii', 'kotabanguniii')).toBe(true);
    expect(withinOneEdit('kotabanguniii', 'kotabangunii')).toBe(true);
    expect(withinOneEdit('abc', 'abc')).toBe(true);
    expect(withinOneEdit('abc', 'acb')).toBe(false);
    expect(withinOneEdit('kotabangun', 'kotabangunii')).toBe(false);
  });

  it('loads the villages of exactly the kabupaten the records name', () => {
    expect(kabupatensNamed(kabupatens, [identity('1', 'MERAUKE'), identity('2', 'KAB. SORONG'), identity('3')])).toEqual(['93.01', '96.01']);
  });
});

describe('one record per desa-year', () => {
  const none = () => false;
  it('keeps the first record under the desa\'s own code; later ones are duplicates and remaps landing there conflict', () => {
    expect(
      placementConflicts(
        [
          { index: 0, villageCode: 'A', year: 2024, remapped: true },
          { index: 1, villageCode: 'A', year: 2024, remapped: false },
          { index: 2, villageCode: 'A', year: 2024, remapped: false },
          { index: 3, villageCode: 'A', year: 2023, remapped: true },
        ],
        none,
      ),
    ).toEqual([
      { index: 0, reason: 'REMAP_CONFLICT', otherIndex: 1 },
      { index: 2, reason: 'DUPLICATE', otherIndex: 1 },
    ]);
  });

  it('lets the first of several remaps win when the desa has no own record', () => {
    expect(placementConflicts([{ index: 4, villageCode: 'A', year: 2024, remapped: true }, { index: 7, villageCode: 'A', year: 2024, remapped: true }], none)).toEqual([
      { index: 7, reason: 'DUPLICATE', otherIndex: 4 },
    ]);
  });

  it('never lets a remap replace a stored record of the desa\'s own', () => {
    const stored = (code: string, year: number) => code === 'A' && year === 2024;
    expect(placementConflicts([{ index: 0, villageCode: 'A', year: 2024, remapped: true }], stored)).toEqual([{ index: 0, reason: 'REMAP_CONFLICT', otherIndex: null }]);
    expect(placementConflicts([{ index: 0, villageCode: 'A', year: 2024, remapped: false }], stored)).toEqual([]);
  });
});
