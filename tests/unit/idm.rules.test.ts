import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { IdmIndex, IdmMovement, IdmStatus, statusFromText } from '../../src/idm/idm-status';
import {
  INDICATOR_COUNT,
  STATUS_ORDER,
  STATUS_THRESHOLDS,
  compareStatus,
  idmFromIndices,
  isAssessmentYear,
  lastYear,
  latestPublishedYear,
  movement,
  indexFromScores,
  minScore,
  potentialGain,
  scoreToTarget,
  statusFromScore,
  statusRank,
  targetMinScore,
  targetStatus,
} from '../../src/idm/idm.rules';

const { SANGAT_TERTINGGAL, TERTINGGAL, BERKEMBANG, MAJU, MANDIRI } = IdmStatus;

describe('IDM rules (Permendesa PDTT 2/2016)', () => {
  it('counts 35 IKS, 12 IKE and 3 IKL indicators', () => {
    expect(INDICATOR_COUNT).toEqual({ IKS: 35, IKE: 12, IKL: 3 });
  });

  it('publishes the regulation thresholds as inclusive upper bounds', () => {
    expect(STATUS_THRESHOLDS).toEqual({
      SANGAT_TERTINGGAL: 0.4907,
      TERTINGGAL: 0.5989,
      BERKEMBANG: 0.7072,
      MAJU: 0.8155,
      MANDIRI: Number.POSITIVE_INFINITY,
    });
  });

  describe('statusFromScore', () => {
    it.each([
      [0, SANGAT_TERTINGGAL],
      [0.3, SANGAT_TERTINGGAL],
      [0.4907, SANGAT_TERTINGGAL],
      [0.4908, TERTINGGAL],
      [0.5989, TERTINGGAL],
      [0.599, BERKEMBANG],
      [0.7072, BERKEMBANG],
      [0.7073, MAJU],
      [0.8155, MAJU],
      [0.8156, MANDIRI],
      [1, MANDIRI],
    ])('classifies %d as %s', (score, status) => {
      expect(statusFromScore(score)).toBe(status);
    });

    it('keeps a bound in the lower status despite floating-point noise, but not a real excess', () => {
      // 0.1 + 0.2 style noise: a mean that is 0.4907 in decimal but a few ulps above in binary.
      expect(statusFromScore(0.4907 + 1e-15)).toBe(SANGAT_TERTINGGAL);
      expect(statusFromScore(idmFromIndices(0.4907, 0.4907, 0.4907))).toBe(SANGAT_TERTINGGAL);
      expect(statusFromScore(0.8155 + 1e-12)).toBe(MAJU);
      // Strictly above a bound is the next status (regulation: "> 0.4907"), even below the next 4-decimal step.
      expect(statusFromScore(0.49071)).toBe(TERTINGGAL);
      expect(statusFromScore(0.81551)).toBe(MANDIRI);
    });

    it('derives Maju for the known disagreement 6213062003 (2024: 0.741, officially Berkembang)', () => {
      expect(statusFromScore(0.741)).toBe(MAJU);
      expect(statusFromScore(0.741)).not.toBe(BERKEMBANG);
    });

    it('refuses NaN and infinities instead of calling them Mandiri', () => {
      expect(() => statusFromScore(Number.NaN)).toThrow(RangeError);
      expect(() => statusFromScore(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    });
  });

  describe('targets', () => {
    it('moves each status one step up and keeps Mandiri', () => {
      expect(targetStatus(SANGAT_TERTINGGAL)).toBe(TERTINGGAL);
      expect(targetStatus(TERTINGGAL)).toBe(BERKEMBANG);
      expect(targetStatus(BERKEMBANG)).toBe(MAJU);
      expect(targetStatus(MAJU)).toBe(MANDIRI);
      expect(targetStatus(MANDIRI)).toBe(MANDIRI);
    });

    it('reaches Mandiri from the bottom in four steps and stays there', () => {
      const chain = [SANGAT_TERTINGGAL];
      for (let i = 0; i < 5; i += 1) chain.push(targetStatus(chain[chain.length - 1] as IdmStatus));
      expect(chain).toEqual([SANGAT_TERTINGGAL, TERTINGGAL, BERKEMBANG, MAJU, MANDIRI, MANDIRI]);
    });

    it.each([
      [SANGAT_TERTINGGAL, 0],
      [TERTINGGAL, 0.4908],
      [BERKEMBANG, 0.599],
      [MAJU, 0.7073],
      [MANDIRI, 0.8156],
    ])('the lowest %s score is %d', (status, expected) => {
      expect(minScore(status)).toBe(expected);
      // The lower bound is the first score the classifier puts in that status, and just below is not.
      expect(statusFromScore(expected)).toBe(status);
      if (expected > 0) expect(statusFromScore(expected - 0.0001)).toBe(STATUS_ORDER[statusRank(status) - 1]);
    });

    it.each([
      [SANGAT_TERTINGGAL, '0.4908'],
      [TERTINGGAL, '0.5990'],
      [BERKEMBANG, '0.7073'],
      [MAJU, '0.8156'],
      [MANDIRI, '0.8156'],
    ])('skor minimal of %s is %s', (status, published) => {
      expect(targetMinScore(status)).toBe(Number(published));
    });

    it('computes penambahan from the official status, negative for Mandiri', () => {
      expect(scoreToTarget(0.6331746031746, BERKEMBANG)).toBeCloseTo(0.7073 - 0.6331746031746, 12);
      expect(scoreToTarget(0.70777777777778, MAJU)).toBe(0.10782222222222004);
      expect(scoreToTarget(0.4, SANGAT_TERTINGGAL)).toBeCloseTo(0.0908, 12);
      expect(scoreToTarget(0.9, MANDIRI)).toBeCloseTo(-0.0844, 12);
      expect(scoreToTarget(0.8156, MANDIRI)).toBe(0);
      // 6213062003 in 2024: officially Berkembang, so its target is Maju's 0.7073, which 0.741 already exceeds.
      expect(scoreToTarget(0.741, BERKEMBANG)).toBeCloseTo(-0.0337, 12);
    });
  });

  describe('indicators and indices', () => {
    it('values a missing indicator point by its share of its index and of the IDM', () => {
      expect(potentialGain(IdmIndex.IKS, 0)).toBeCloseTo(1 / 105, 15);
      expect(potentialGain(IdmIndex.IKS, 4)).toBeCloseTo(1 / 525, 15);
      expect(potentialGain(IdmIndex.IKE, 1)).toBeCloseTo(4 / 180, 15);
      expect(potentialGain(IdmIndex.IKL, 0)).toBeCloseTo(1 / 9, 15);
      expect(potentialGain(IdmIndex.IKL, 5)).toBe(0);
      // Values seen in the API, rounded to 8 decimals there.
      expect(potentialGain(IdmIndex.IKS, 0).toFixed(8)).toBe('0.00952381');
      expect(potentialGain(IdmIndex.IKE, 0).toFixed(8)).toBe('0.02777778');
      expect(potentialGain(IdmIndex.IKL, 0).toFixed(8)).toBe('0.11111111');
    });

    it('gains exactly the distance to a perfect IDM when every indicator reaches 5', () => {
      const scores = { IKS: Array<number>(35).fill(2), IKE: Array<number>(12).fill(3), IKL: [0, 4, 5] };
      const idm = idmFromIndices(
        indexFromScores(IdmIndex.IKS, scores.IKS),
        indexFromScores(IdmIndex.IKE, scores.IKE),
        indexFromScores(IdmIndex.IKL, scores.IKL),
      );
      let gain = 0;
      for (const index of [IdmIndex.IKS, IdmIndex.IKE, IdmIndex.IKL]) {
        for (const score of scores[index]) gain += potentialGain(index, score);
      }
      expect(idm + gain).toBeCloseTo(1, 12);
    });

    it('refuses indicator scores outside 0–5', () => {
      expect(() => potentialGain(IdmIndex.IKS, 6)).toThrow(RangeError);
      expect(() => potentialGain(IdmIndex.IKS, -1)).toThrow(RangeError);
      expect(() => potentialGain(IdmIndex.IKS, Number.NaN)).toThrow(RangeError);
    });

    it('computes an index as Σ score / (5 × n) and refuses a wrong number of scores', () => {
      expect(indexFromScores(IdmIndex.IKL, [5, 5, 0])).toBeCloseTo(10 / 15, 15);
      expect(indexFromScores(IdmIndex.IKE, Array<number>(12).fill(5))).toBe(1);
      expect(indexFromScores(IdmIndex.IKS, Array<number>(35).fill(0))).toBe(0);
      expect(() => indexFromScores(IdmIndex.IKL, [5, 5])).toThrow(/IKL needs 3 indicator scores, got 2/);
      expect(() => indexFromScores(IdmIndex.IKL, [5, 5, 7])).toThrow(RangeError);
    });

    it('averages the three indices', () => {
      expect(idmFromIndices(0.78285714285714, 0.45, 0.66666666666667)).toBeCloseTo(0.6331746031746, 12);
      expect(idmFromIndices(0, 0, 0.9)).toBeCloseTo(0.3, 15);
    });
  });

  describe('status order', () => {
    it('ranks statuses 0 to 4 from lowest to highest', () => {
      expect([SANGAT_TERTINGGAL, TERTINGGAL, BERKEMBANG, MAJU, MANDIRI].map(statusRank)).toEqual([0, 1, 2, 3, 4]);
    });

    it('compares and sorts statuses', () => {
      expect(compareStatus(MAJU, BERKEMBANG)).toBeGreaterThan(0);
      expect(compareStatus(TERTINGGAL, MANDIRI)).toBeLessThan(0);
      expect(compareStatus(MAJU, MAJU)).toBe(0);
      expect([MANDIRI, SANGAT_TERTINGGAL, MAJU, TERTINGGAL, BERKEMBANG].sort(compareStatus)).toEqual([
        SANGAT_TERTINGGAL,
        TERTINGGAL,
        BERKEMBANG,
        MAJU,
        MANDIRI,
      ]);
    });

    it('refuses a value that is not a status', () => {
      expect(() => statusRank('PRATAMA' as IdmStatus)).toThrow(RangeError);
    });
  });
});

// ---------------------------------------------------------------------------------------------------
// Every rule against the 480 Kemendes API files (120 desa × 2021–2024) in the shared data folder.

interface ApiRow {
  NO: number | null;
  INDIKATOR: string;
  SKOR: number | string;
  NILAI: string | null;
}

interface ApiFile {
  mapData: {
    SUMMARIES: {
      SKOR_SAAT_INI: number;
      STATUS: string;
      TARGET_STATUS: string;
      SKOR_MINIMAL: string;
      PENAMBAHAN: number;
      TAHUN: number;
    };
    ROW: ApiRow[];
  };
}

interface ApiCase {
  name: string;
  year: number;
  summary: ApiFile['mapData']['SUMMARIES'];
  /** Indicator rows with the index they belong to (rows come in IKS, IKE, IKL order, each closed by a subtotal). */
  indicators: { index: IdmIndex; no: number; score: number; nilai: string }[];
  /** The published IKS/IKE/IKL subtotal rows ("IKS 2024", ...). */
  subtotals: Record<IdmIndex, number>;
  /** The published "IDM 2024" row. */
  idm: number;
}

const API_DIR = path.join(__dirname, '..', '..', '..', 'shared', 'data', 'kemendes-api');
const INDEX_ORDER = [IdmIndex.IKS, IdmIndex.IKE, IdmIndex.IKL];

function loadApiCases(): ApiCase[] {
  const cases: ApiCase[] = [];
  for (const code of readdirSync(API_DIR).sort()) {
    for (const file of readdirSync(path.join(API_DIR, code)).filter((f) => f.endsWith('.json')).sort()) {
      const data = JSON.parse(readFileSync(path.join(API_DIR, code, file), 'utf8')) as ApiFile;
      const indicators: ApiCase['indicators'] = [];
      const subtotals: Partial<Record<IdmIndex, number>> = {};
      let idm = Number.NaN;
      let position = 0;
      for (const row of data.mapData.ROW) {
        const label = row.INDIKATOR.trim();
        if (row.NO === null) {
          const index = INDEX_ORDER[position];
          if (index !== undefined && label.startsWith(`${index} `)) {
            subtotals[index] = Number(row.SKOR);
            position += 1;
          } else if (label.startsWith('IDM ')) {
            idm = Number(row.SKOR);
          }
          continue;
        }
        const index = INDEX_ORDER[position];
        if (index === undefined || row.NILAI === null) throw new Error(`${code}/${file}: unexpected row ${label}`);
        indicators.push({ index, no: row.NO, score: Number(row.SKOR), nilai: row.NILAI });
      }
      if (position !== 3) throw new Error(`${code}/${file}: found ${position} of 3 index subtotals`);
      cases.push({
        name: `${code}/${file}`,
        year: Number(file.replace('.json', '')),
        summary: data.mapData.SUMMARIES,
        indicators,
        subtotals: subtotals as Record<IdmIndex, number>,
        idm,
      });
    }
  }
  return cases;
}

/** Official status text as published ("MAJU", "SANGAT TERTINGGAL"); a test failure if unreadable. */
function officialStatus(text: string, where: string): IdmStatus {
  const status = statusFromText(text);
  if (status === null) throw new Error(`${where}: unknown status ${text}`);
  return status;
}

/**
 * 2024 files whose published IKS subtotal is not Σ indicator scores / 175: each is off by exactly
 * ±4/175 (one indicator's 1↔5), i.e. Kemendes computed the index from an indicator value other than the
 * one it lists. The IDM row still equals the mean of the published subtotals in every file.
 */
const IKS_SUBTOTAL_EXCEPTIONS = [
  '7202052003/2024.json', '7202052005/2024.json', '7202052011/2024.json', '7202072007/2024.json',
  '7202072009/2024.json', '7202082006/2024.json', '7203042003/2024.json', '7203042005/2024.json',
  '7203042008/2024.json', '7203042009/2024.json', '7204012003/2024.json', '7204012007/2024.json',
  '7204012008/2024.json', '7204012009/2024.json', '7204032002/2024.json', '7204032003/2024.json',
  '7204032008/2024.json', '7204032010/2024.json', '7204052010/2024.json', '7205082001/2024.json',
  '7205082007/2024.json', '7205102001/2024.json', '7205102004/2024.json', '7205102005/2024.json',
  '7208042004/2024.json', '7208052007/2024.json', '7208052008/2024.json',
];

describe('IDM rules against the Kemendes API files', () => {
  const cases = loadApiCases();

  it('reads all 480 files (120 desa × 2021–2024), each with 35 + 12 + 3 indicators', () => {
    expect(cases).toHaveLength(480);
    expect(new Set(cases.map((c) => c.year))).toEqual(new Set([2021, 2022, 2023, 2024]));
    for (const c of cases) {
      expect(c.summary.TAHUN).toBe(c.year);
      const counts = INDEX_ORDER.map((index) => c.indicators.filter((i) => i.index === index).length);
      expect(counts).toEqual([35, 12, 3]);
    }
  });

  it('derives the official status from SKOR_SAAT_INI in every file', () => {
    const mismatches = cases
      .filter((c) => statusFromScore(c.summary.SKOR_SAAT_INI) !== officialStatus(c.summary.STATUS, c.name))
      .map((c) => `${c.name}: ${c.summary.SKOR_SAAT_INI} published ${c.summary.STATUS}`);
    expect(mismatches).toEqual([]);
  });

  it('gives TARGET_STATUS, SKOR_MINIMAL and PENAMBAHAN from the official status', () => {
    for (const c of cases) {
      const status = officialStatus(c.summary.STATUS, c.name);
      expect([c.name, targetStatus(status)]).toEqual([c.name, officialStatus(c.summary.TARGET_STATUS, c.name)]);
      expect([c.name, targetMinScore(status)]).toEqual([c.name, Number(c.summary.SKOR_MINIMAL)]);
      expect(scoreToTarget(c.summary.SKOR_SAAT_INI, status)).toBeCloseTo(c.summary.PENAMBAHAN, 9);
    }
  });

  it('finds negative penambahan exactly for the Mandiri desa', () => {
    for (const c of cases) {
      const mandiri = officialStatus(c.summary.STATUS, c.name) === MANDIRI;
      expect([c.name, c.summary.PENAMBAHAN < 0]).toEqual([c.name, mandiri && c.summary.SKOR_SAAT_INI > 0.8156]);
    }
  });

  it('matches every NILAI, which Kemendes rounds to 8 decimals', () => {
    const mismatches: string[] = [];
    let indicatorRows = 0;
    for (const c of cases) {
      for (const indicator of c.indicators) {
        indicatorRows += 1;
        const gain = potentialGain(indicator.index, indicator.score);
        if (Number(gain.toFixed(8)) !== Number(indicator.nilai)) {
          mismatches.push(`${c.name} ${indicator.index} ${indicator.no}: ${gain} vs ${indicator.nilai}`);
        }
      }
    }
    expect(indicatorRows).toBe(480 * 50);
    expect(mismatches).toEqual([]);
  });

  it('recomputes the index subtotals from the indicators, except the known 2024 IKS discrepancies', () => {
    const mismatches: string[] = [];
    for (const c of cases) {
      for (const index of INDEX_ORDER) {
        const scores = c.indicators.filter((i) => i.index === index).map((i) => i.score);
        if (Math.abs(indexFromScores(index, scores) - c.subtotals[index]) > 1e-9) mismatches.push(`${c.name} ${index}`);
      }
    }
    expect(mismatches).toEqual(IKS_SUBTOTAL_EXCEPTIONS.map((name) => `${name} IKS`));
  });

  it('has SKOR_SAAT_INI = IDM row = mean of the published subtotals', () => {
    for (const c of cases) {
      expect(c.idm).toBeCloseTo(c.summary.SKOR_SAAT_INI, 12);
      expect(idmFromIndices(c.subtotals.IKS, c.subtotals.IKE, c.subtotals.IKL)).toBeCloseTo(c.summary.SKOR_SAAT_INI, 9);
    }
  });
});

describe('movement', () => {
  it('compares a status with the one before it by rank', () => {
    expect(movement(BERKEMBANG, MAJU)).toBe(IdmMovement.UP);
    expect(movement(MANDIRI, SANGAT_TERTINGGAL)).toBe(IdmMovement.DOWN);
    expect(movement(MAJU, MAJU)).toBe(IdmMovement.SAME);
  });

  it('is NEW with nothing before and RETRACTED with nothing after', () => {
    expect(movement(null, TERTINGGAL)).toBe(IdmMovement.NEW);
    expect(movement(TERTINGGAL, null)).toBe(IdmMovement.RETRACTED);
    expect(movement(null, null)).toBe(IdmMovement.RETRACTED);
  });
});

describe('years', () => {
  const now = new Date('2026-11-28T12:00:00Z');

  it('runs from 2015, IDM\'s first, to 2024, its last (the Indeks Desa follows)', () => {
    expect(lastYear(now)).toBe(2024);
    expect([2014, 2015, 2024, 2025, 2027, 2024.5].map((y) => isAssessmentYear(y, now))).toEqual([false, true, true, false, false, false]);
  });

  it('publishes the newest year assessed for at least the share of the register\'s desa', () => {
    const counts = [
      { year: 2023, assessed: 75_261 },
      { year: 2024, assessed: 75_252 },
      { year: 2025, assessed: 2 },
      { year: 2027, assessed: 1 },
    ];
    expect(latestPublishedYear(counts, 75_266, 0.5)).toBe(2024);
    expect(latestPublishedYear([...counts, { year: 2025, assessed: 37_633 }], 75_266, 0.5)).toBe(2025);
    expect(latestPublishedYear([...counts, { year: 2025, assessed: 37_632 }], 75_266, 0.5)).toBe(2024);
    expect(latestPublishedYear(counts, 75_266, 1)).toBeNull();
    expect(latestPublishedYear([], 75_266, 0.5)).toBeNull();
    expect(latestPublishedYear(counts, 0, 0.5)).toBeNull();
  });
});
