import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { IdmIndicatorRecord, IdmRecord } from '../../src/idm/idm-record';
import { IdmIndex, IdmStatus, statusFromText } from '../../src/idm/idm-status';
import { potentialGain } from '../../src/idm/idm.rules';
import { MEAN_TOLERANCE, RejectReason, validateRecord } from '../../src/idm/idm.validation';

const NO_ACTORS: IdmIndicatorRecord['actors'] = { pusat: null, provinsi: null, kabupaten: null, desa: null, csr: null, lainnya: null };

function indicator(index: IdmIndex, number: number, score = 5): IdmIndicatorRecord {
  return {
    index,
    number,
    name: `${index} ${number}`,
    score,
    description: null,
    activity: null,
    actors: NO_ACTORS,
    potentialGain: potentialGain(index, score),
  };
}

/** All 50 indicators, each scored `score`. */
function allIndicators(score = 5): IdmIndicatorRecord[] {
  const list: IdmIndicatorRecord[] = [];
  for (const [index, count] of [[IdmIndex.IKS, 35], [IdmIndex.IKE, 12], [IdmIndex.IKL, 3]] as const) {
    for (let n = 1; n <= count; n += 1) list.push(indicator(index, n, score));
  }
  return list;
}

/** A minimal valid record as the 2024 spreadsheet gives it (first row of idm-2024.csv). */
function record(overrides: Partial<IdmRecord> = {}): IdmRecord {
  return {
    source: { format: 'spreadsheet-2024', file: 'idm-2024.csv', line: 2 },
    villageCode: '1101012003',
    names: { province: 'ACEH', kabupaten: 'ACEH SELATAN', district: 'BAKONGAN' },
    year: 2024,
    iks: 0.7029,
    ike: 0.6167,
    ikl: 0.5333,
    score: 0.6176,
    status: IdmStatus.BERKEMBANG,
    statusText: 'BERKEMBANG',
    ...overrides,
  };
}

describe('validateRecord', () => {
  it('accepts a valid spreadsheet record', () => {
    expect(validateRecord(record())).toBeNull();
  });

  it('accepts a valid API record with all 50 indicators, in any order', () => {
    expect(validateRecord(record({ iks: 1, ike: 1, ikl: 1, score: 1, status: IdmStatus.MANDIRI, indicators: allIndicators() }))).toBeNull();
    expect(validateRecord(record({ iks: 1, ike: 1, ikl: 1, score: 1, indicators: allIndicators().reverse() }))).toBeNull();
  });

  it('accepts a record without status text: the status is derived later', () => {
    expect(validateRecord(record({ status: null, statusText: null }))).toBeNull();
    expect(validateRecord(record({ status: null, statusText: '  ' }))).toBeNull();
  });

  it('accepts a score that misses the mean of the indices by no more than the tolerance', () => {
    // 2024 worst case: the mean of the rounded indices is 0.000067 from the rounded score.
    expect(validateRecord(record({ score: 0.6176 + 0.00019 }))).toBeNull();
    expect(MEAN_TOLERANCE).toBe(0.0002);
  });

  it('does not reject a status that disagrees with the score (stored and flagged instead)', () => {
    expect(validateRecord(record({ iks: 0.741, ike: 0.741, ikl: 0.741, score: 0.741, status: IdmStatus.BERKEMBANG }))).toBeNull();
  });

  describe.each([2014, 2028, 2099, 2101, 2024.5, Number.NaN])('year %d, with today in 2026', (year) => {
    it('is MALFORMED: a year of neither family', () => {
      expect(validateRecord(record({ year }), new Date('2026-11-28T00:00:00Z'))).toEqual({
        reason: RejectReason.MALFORMED,
        field: 'year',
        message: `year ${year} is not a year of IDM: give a whole year from 2015 to 2024.`,
      });
    });
  });

  describe.each([2025, 2027])('year %d, with today in 2026', (year) => {
    it('is OTHER_FAMILY_YEAR: the Indeks Desa replaced IDM from 2025', () => {
      expect(validateRecord(record({ year }), new Date('2026-11-28T00:00:00Z'))).toEqual({
        reason: RejectReason.OTHER_FAMILY_YEAR,
        field: 'year',
        message: `year ${year} is not a year of IDM (2015 to 2024): ${year} is a year of the Indeks Desa, which replaced IDM from 2025; write it with recordIndeksDesa or npm run import:indeks-desa.`,
      });
    });
  });

  it('accepts 2015 to 2024, whatever the clock', () => {
    const now = new Date('2026-11-28T00:00:00Z');
    expect(validateRecord(record({ year: 2015 }), now)).toBeNull();
    expect(validateRecord(record({ year: 2024 }), now)).toBeNull();
    expect(validateRecord(record({ year: 2024 }), new Date('2030-01-01T00:00:00Z'))).toBeNull();
  });

  it('rejects a record without a score as NO_SCORE', () => {
    // The 4 desa without status in 2024 also have no score and no indices.
    const rejection = validateRecord(record({ score: null, iks: null, ike: null, ikl: null, status: null, statusText: '' }));
    expect(rejection).toEqual({ reason: RejectReason.NO_SCORE, field: 'score', message: expect.stringMatching(/^score is missing/) });
  });

  it.each([
    ['score', 1.2, 'score 1.2 is outside [0, 1].'],
    ['score', -0.1, 'score -0.1 is outside [0, 1].'],
    ['score', Number.NaN, 'score NaN is not a finite number.'],
    ['iks', 1.0001, 'iks 1.0001 is outside [0, 1].'],
    ['ike', Number.POSITIVE_INFINITY, 'ike Infinity is not a finite number.'],
    ['ikl', -1, 'ikl -1 is outside [0, 1].'],
  ] as const)('rejects %s %d as SCORE_OUT_OF_RANGE', (field, value, message) => {
    expect(validateRecord(record({ [field]: value }))).toEqual({ reason: RejectReason.SCORE_OUT_OF_RANGE, field, message });
  });

  it.each(['iks', 'ike', 'ikl'] as const)('rejects a missing %s with a score present as MALFORMED', (field) => {
    expect(validateRecord(record({ [field]: null }))).toEqual({
      reason: RejectReason.MALFORMED,
      field,
      message: `${field} is missing although score 0.6176 is present.`,
    });
  });

  it('rejects a score that is not the mean of the indices as IDM_NOT_MEAN', () => {
    const rejection = validateRecord(record({ score: 0.6179 }));
    expect(rejection).toEqual({
      reason: RejectReason.IDM_NOT_MEAN,
      field: 'score',
      message: 'score 0.6179 is not the mean of iks 0.7029, ike 0.6167 and ikl 0.5333 (0.617633): it differs by 0.000267, more than 0.0002.',
    });
  });

  it('rejects an unrecognised status text as UNKNOWN_STATUS', () => {
    expect(validateRecord(record({ status: null, statusText: 'SANGAT MAJU' }))).toEqual({
      reason: RejectReason.UNKNOWN_STATUS,
      field: 'status',
      message: 'status "SANGAT MAJU" is not a known IDM status.',
    });
  });

  describe('indicators (MALFORMED)', () => {
    const perfect = { iks: 1, ike: 1, ikl: 1, score: 1 };

    it('rejects a score outside 0–5', () => {
      const indicators = allIndicators();
      indicators[3] = { ...indicator(IdmIndex.IKS, 4), score: 6 };
      expect(validateRecord(record({ ...perfect, indicators }))).toEqual({
        reason: RejectReason.MALFORMED,
        field: 'indicators[3].score',
        message: 'indicators[3].score 6 (IKS 4) is outside [0, 5].',
      });
      indicators[3] = { ...indicator(IdmIndex.IKS, 4), score: Number.NaN };
      expect(validateRecord(record({ ...perfect, indicators }))?.field).toBe('indicators[3].score');
    });

    it('rejects a number outside 1..n of its index', () => {
      const indicators = allIndicators();
      indicators[49] = indicator(IdmIndex.IKL, 4);
      expect(validateRecord(record({ ...perfect, indicators }))).toEqual({
        reason: RejectReason.MALFORMED,
        field: 'indicators[49].number',
        message: 'indicators[49].number 4 is not a whole number from 1 to 3 for IKL.',
      });
      indicators[49] = indicator(IdmIndex.IKL, 0);
      expect(validateRecord(record({ ...perfect, indicators }))?.field).toBe('indicators[49].number');
    });

    it('rejects an unknown index', () => {
      const indicators = allIndicators();
      indicators[0] = { ...indicator(IdmIndex.IKS, 1), index: 'IDM' as IdmIndex };
      expect(validateRecord(record({ ...perfect, indicators }))).toEqual({
        reason: RejectReason.MALFORMED,
        field: 'indicators[0].index',
        message: 'indicators[0].index "IDM" is not IKS, IKE or IKL.',
      });
    });

    it('rejects a repeated number', () => {
      const indicators = allIndicators();
      indicators[36] = indicator(IdmIndex.IKE, 1); // position 36 is IKE 2
      expect(validateRecord(record({ ...perfect, indicators }))).toEqual({
        reason: RejectReason.MALFORMED,
        field: 'indicators[36].number',
        message: 'indicators[36] repeats IKE indicator 1.',
      });
    });

    it('rejects a missing indicator and names it', () => {
      const indicators = allIndicators().filter((i) => !(i.index === IdmIndex.IKS && (i.number === 4 || i.number === 20)));
      expect(validateRecord(record({ ...perfect, indicators }))).toEqual({
        reason: RejectReason.MALFORMED,
        field: 'indicators',
        message: 'indicators have 33 of the 35 IKS indicators; missing IKS 4, 20.',
      });
      expect(validateRecord(record({ ...perfect, indicators: [] }))?.field).toBe('indicators');
    });
  });

  it('reports the first problem in the documented order', () => {
    const everythingWrong = record({ year: 1999, score: 2, iks: null, status: null, statusText: 'X', indicators: [] });
    expect(validateRecord(everythingWrong)?.reason).toBe(RejectReason.MALFORMED);
    expect(validateRecord(everythingWrong)?.field).toBe('year');
    expect(validateRecord({ ...everythingWrong, year: 2024 })?.reason).toBe(RejectReason.SCORE_OUT_OF_RANGE);
    expect(validateRecord({ ...everythingWrong, year: 2024, score: 0.5 })?.field).toBe('iks');
    expect(validateRecord(record({ score: 0.9, status: null, statusText: 'X' }))?.reason).toBe(RejectReason.IDM_NOT_MEAN);
    expect(validateRecord(record({ status: null, statusText: 'X', indicators: [] }))?.reason).toBe(RejectReason.UNKNOWN_STATUS);
  });

  it('has a string value equal to its name for every reason', () => {
    expect(Object.entries(RejectReason).every(([name, value]) => name === value)).toBe(true);
    expect(Object.keys(RejectReason)).toEqual([
      'UNKNOWN_CODE', 'KELURAHAN', 'NO_SCORE', 'SCORE_OUT_OF_RANGE', 'IDM_NOT_MEAN', 'UNKNOWN_STATUS', 'OTHER_FAMILY_YEAR', 'MALFORMED', 'DUPLICATE',
      'REMAP_CONFLICT', 'NOT_RECORDED', 'VALUE_DIFFERS',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Every real Kemendes API file, turned into a record the way the API parser does, must pass.

interface ApiRow {
  NO: number | null;
  INDIKATOR: string;
  SKOR: number | string;
  NILAI: string | null;
}

interface ApiFile {
  mapData: {
    SUMMARIES: { SKOR_SAAT_INI: number; STATUS: string; TARGET_STATUS: string; SKOR_MINIMAL: string; PENAMBAHAN: number; TAHUN: number };
    ROW: ApiRow[];
  };
}

const API_DIR = path.join(__dirname, '..', '..', '..', 'shared', 'data', 'kemendes-api');
const INDEX_ORDER = [IdmIndex.IKS, IdmIndex.IKE, IdmIndex.IKL];

function apiRecord(code: string, file: string): IdmRecord {
  const data = JSON.parse(readFileSync(path.join(API_DIR, code, file), 'utf8')) as ApiFile;
  const { SUMMARIES: summary, ROW: rows } = data.mapData;
  const indices: Partial<Record<IdmIndex, number>> = {};
  const indicators: IdmIndicatorRecord[] = [];
  let position = 0;
  for (const row of rows) {
    const index = INDEX_ORDER[position];
    if (row.NO === null) {
      if (index !== undefined && row.INDIKATOR.trim().startsWith(`${index} `)) {
        indices[index] = Number(row.SKOR);
        position += 1;
      }
      continue;
    }
    if (index === undefined) throw new Error(`${code}/${file}: indicator after IKL`);
    indicators.push({ ...indicator(index, row.NO, Number(row.SKOR)), name: row.INDIKATOR.trim(), potentialGain: Number(row.NILAI) });
  }
  return {
    source: { format: 'kemendes-api', file: `${code}/${file}`, line: 1 },
    villageCode: code,
    names: {},
    year: summary.TAHUN,
    iks: indices.IKS ?? null,
    ike: indices.IKE ?? null,
    ikl: indices.IKL ?? null,
    score: summary.SKOR_SAAT_INI,
    status: statusFromText(summary.STATUS),
    statusText: summary.STATUS,
    targetStatus: statusFromText(summary.TARGET_STATUS),
    targetMinScore: Number(summary.SKOR_MINIMAL),
    scoreToTarget: summary.PENAMBAHAN,
    indicators,
  };
}

describe('validateRecord on the Kemendes API files', () => {
  it('accepts all 480 real records', () => {
    const rejected: string[] = [];
    let count = 0;
    for (const code of readdirSync(API_DIR).sort()) {
      for (const file of readdirSync(path.join(API_DIR, code)).filter((f) => f.endsWith('.json'))) {
        count += 1;
        const rejection = validateRecord(apiRecord(code, file));
        if (rejection !== null) rejected.push(`${code}/${file}: ${rejection.message}`);
      }
    }
    expect(count).toBe(480);
    expect(rejected).toEqual([]);
  });
});
