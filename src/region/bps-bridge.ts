import { bpsLevelOf, tryParseCode, type RegionLevel } from './region-code';

/**
 * The BPS ↔ Kemendagri bridge as pairs the register can take: pure, so the rules are read and
 * tested apart from the file and the database (src/importers/bps.importer.ts does both). A row is
 * written only when it is unambiguous: its BPS code names one region, its region has one BPS code,
 * and the register holds that region. Nothing is guessed (not from names, not from a parent): a
 * row that fails is rejected with a named reason and listed.
 */

export enum BpsRejectReason {
  /** The BPS code is not 2, 4, 7 or 10 digits, or the Kemendagri code is not one of that level. */
  MALFORMED = 'MALFORMED',
  /** The bridge gives no Kemendagri code (`-` or empty). */
  NO_KEMENDAGRI_CODE = 'NO_KEMENDAGRI_CODE',
  /** The Kemendagri code is not in today's register (a code since renumbered, a new province). */
  UNKNOWN_KEMENDAGRI_CODE = 'UNKNOWN_KEMENDAGRI_CODE',
  /** The bridge maps this BPS code to two regions: neither is written. */
  BPS_CODE_OF_TWO_REGIONS = 'BPS_CODE_OF_TWO_REGIONS',
  /** The bridge gives this region two BPS codes: neither is written. */
  REGION_OF_TWO_BPS_CODES = 'REGION_OF_TWO_BPS_CODES',
}

/** One row of the bridge file, cells as read. */
export interface BridgeRow {
  line: number;
  bpsCode: string;
  bpsName: string;
  kemendagriCode: string;
  kemendagriName: string;
}

/** A BPS code for a region of the register. */
export interface BridgePair {
  level: RegionLevel;
  /** Dotted Kemendagri code. */
  code: string;
  bpsCode: string;
}

export interface BridgeReject {
  row: BridgeRow;
  level: RegionLevel | null;
  reason: BpsRejectReason;
  message: string;
}

export interface BridgePlan {
  pairs: BridgePair[];
  rejects: BridgeReject[];
}

/** A well-formed row: its level and its Kemendagri code in dotted form. */
interface ReadRow {
  row: BridgeRow;
  level: RegionLevel;
  code: string;
}

const DIGITS = '2, 4, 7 or 10 digits';

/**
 * The pairs to write and the rows refused, in file order. `inRegister` says whether the register
 * holds a dotted code at a level. The same pair given twice is one pair; a BPS code given two
 * regions, or a region given two BPS codes, refuses every row of the conflict (listing the others),
 * whether or not the register holds them: the bridge itself is ambiguous there.
 */
export function planBridge(rows: readonly BridgeRow[], inRegister: (level: RegionLevel, code: string) => boolean): BridgePlan {
  const rejects: BridgeReject[] = [];
  const read: ReadRow[] = [];
  for (const row of rows) {
    const level = bpsLevelOf(row.bpsCode);
    if (!level) {
      rejects.push({ row, level: null, reason: BpsRejectReason.MALFORMED, message: `kode_bps "${row.bpsCode}" is not a BPS code (${DIGITS})` });
      continue;
    }
    if (row.kemendagriCode === '' || row.kemendagriCode === '-') {
      rejects.push({ row, level, reason: BpsRejectReason.NO_KEMENDAGRI_CODE, message: `the bridge gives BPS ${row.bpsCode} (${row.bpsName}) no Kemendagri code` });
      continue;
    }
    const code = tryParseCode(row.kemendagriCode, level);
    if (code === undefined) {
      rejects.push({
        row,
        level,
        reason: BpsRejectReason.MALFORMED,
        message: `kode_dagri "${row.kemendagriCode}" is not a ${level} code, as BPS ${row.bpsCode} (${row.bpsCode.length} digits) is; an unquoted comma in a name shifts the columns`,
      });
      continue;
    }
    read.push({ row, level, code });
  }

  const regionsOf = new Map<string, Map<string, ReadRow>>(); // BPS code → region → first row
  const bpsOf = new Map<string, Map<string, ReadRow>>(); // level:region → BPS code → first row
  for (const r of read) {
    const regions = regionsOf.get(r.row.bpsCode) ?? new Map<string, ReadRow>();
    if (!regions.has(r.code)) regions.set(r.code, r);
    regionsOf.set(r.row.bpsCode, regions);
    const key = `${r.level}:${r.code}`;
    const codes = bpsOf.get(key) ?? new Map<string, ReadRow>();
    if (!codes.has(r.row.bpsCode)) codes.set(r.row.bpsCode, r);
    bpsOf.set(key, codes);
  }
  const lines = (rs: Iterable<ReadRow>, show: (r: ReadRow) => string) => [...rs].map((r) => `${show(r)} (line ${r.row.line})`).join(', ');

  const pairs: BridgePair[] = [];
  const seen = new Set<string>();
  for (const r of read) {
    const regions = regionsOf.get(r.row.bpsCode)!;
    const codes = bpsOf.get(`${r.level}:${r.code}`)!;
    if (regions.size > 1) {
      rejects.push({
        row: r.row,
        level: r.level,
        reason: BpsRejectReason.BPS_CODE_OF_TWO_REGIONS,
        message: `BPS ${r.row.bpsCode} names ${regions.size} regions in the bridge: ${lines(regions.values(), (x) => x.code)}; none is written`,
      });
    } else if (codes.size > 1) {
      rejects.push({
        row: r.row,
        level: r.level,
        reason: BpsRejectReason.REGION_OF_TWO_BPS_CODES,
        message: `${r.code} has ${codes.size} BPS codes in the bridge: ${lines(codes.values(), (x) => x.row.bpsCode)}; none is written`,
      });
    } else if (!inRegister(r.level, r.code)) {
      rejects.push({
        row: r.row,
        level: r.level,
        reason: BpsRejectReason.UNKNOWN_KEMENDAGRI_CODE,
        message: `${r.level} ${r.code} (${r.row.kemendagriName}) is not in the register; BPS ${r.row.bpsCode} is not written (a code is never guessed)`,
      });
    } else if (!seen.has(r.row.bpsCode)) {
      seen.add(r.row.bpsCode);
      pairs.push({ level: r.level, code: r.code, bpsCode: r.row.bpsCode });
    }
  }
  rejects.sort((a, b) => a.row.line - b.row.line);
  return { pairs, rejects };
}
