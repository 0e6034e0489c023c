import { tryParseCode, withinRegions } from '../region/region-code';
import { VillageKind } from '../region/region.enums';
import { MatchRule, placementConflicts, type Register, type RegisterVillage } from '../region/register-matcher';
import type { IndexFamily } from './index-family';
import { RejectReason, type RecordRejection } from './reject-reason';
import { describeSource, isRetraction, OutOfScopeError, type FamilyRetraction, type FamilyWriteBase, type Mismatch, type Reject, type Remap, type Warning, type WriteReport } from './write-report';

/**
 * The pure half of the write path, shared by every family: which writes pass their own checks,
 * where each lands in the register, whether it lies in the writer's scope, and which are refused
 * against what is stored (duplicates, remap conflicts, retractions of nothing or of a value written
 * since). No I/O: write-store.ts loads the register and the stored rows, and writes the outcome.
 */

/** A write that passed its own checks, with its code parsed. */
export interface Candidate<W> {
  index: number;
  write: W;
  publishedCode: string;
}

/** A candidate placed on a register desa. */
export interface Placed<W> extends Candidate<W> {
  village: RegisterVillage;
  rule: MatchRule;
}

/** The stored assessment of a desa-year a batch touches: whether it is the desa's own, and the expected columns. */
export interface StoredRow extends Record<string, unknown> {
  own: boolean;
  score: number;
}

export const storedKey = (villageCode: string, year: number) => `${villageCode}|${year}`;

export class WritePlan<R extends FamilyWriteBase, X> {
  readonly rejects: Reject[] = [];

  constructor(
    readonly family: IndexFamily<R, X>,
    readonly writes: readonly (R | FamilyRetraction<X>)[],
    readonly now: Date,
  ) {}

  private reject(index: number, reason: RejectReason, message: string, field: string | null = 'villageCode'): void {
    const write = this.writes[index]!;
    this.rejects.push({ index, source: write.source, villageCode: write.villageCode || null, year: Number.isInteger(write.year) ? write.year : null, reason, field, message });
  }

  /** Rules that need nothing but the write itself. */
  check(): Candidate<R | FamilyRetraction<X>>[] {
    const candidates: Candidate<R | FamilyRetraction<X>>[] = [];
    this.writes.forEach((write, index) => {
      const publishedCode = tryParseCode(write.villageCode ?? '', 'village');
      if (!publishedCode) return this.reject(index, RejectReason.MALFORMED, `"${write.villageCode}" is not a 10-digit village code`);
      const problem = isRetraction(write) ? this.validateRetraction(write) : this.family.validate(write as R, this.now);
      if (problem) return this.reject(index, problem.reason, problem.message, problem.field);
      candidates.push({ index, write, publishedCode });
    });
    return candidates;
  }

  private validateRetraction(retraction: FamilyRetraction<X>): RecordRejection | null {
    if (retraction.reason.trim() === '') return { reason: RejectReason.MALFORMED, field: 'reason', message: 'reason is empty: say why the value is taken back.' };
    return this.family.validateYear(retraction.year, this.now);
  }

  /** Each candidate's register desa, by the matcher's rules; kelurahan are never assessed. */
  place(candidates: Candidate<R | FamilyRetraction<X>>[], register: Register): { placed: Placed<R | FamilyRetraction<X>>[]; warnings: Warning[] } {
    const placed: Placed<R | FamilyRetraction<X>>[] = [];
    const warnings: Warning[] = [];
    const results = register.matchAll(candidates.map((c) => ({ identity: { code: c.publishedCode, names: c.write.names }, year: c.write.year })));
    for (const [i, c] of candidates.entries()) {
      const result = results[i]!;
      if (!result.village) {
        this.reject(c.index, RejectReason.UNKNOWN_CODE, result.message);
        continue;
      }
      if (result.village.kind === VillageKind.KELURAHAN) {
        this.reject(c.index, RejectReason.KELURAHAN, `${result.village.name} (${result.village.code}) is a kelurahan; ${this.family.name} assesses desa only`);
        continue;
      }
      const p = { ...c, village: result.village, rule: result.rule };
      placed.push(p);
      if (result.warning) warnings.push({ ...identify(p), reason: result.warning.reason, message: result.warning.message });
    }
    return { placed, warnings };
  }

  /** Nothing of a batch is written when any of it lands outside the writer's scope. */
  checkScope(placed: Placed<unknown>[], scope: readonly string[] | undefined): void {
    if (!scope) return;
    const outside = placed.filter((p) => !withinRegions(p.village.code, scope));
    if (outside.length) throw new OutOfScopeError(outside, scope);
  }

  /** The desa-years whose stored rows the checks against the store need: where remaps land, what retractions take back. */
  storedWanted(placed: Placed<R | FamilyRetraction<X>>[]): Placed<R | FamilyRetraction<X>>[] {
    return placed.filter((p) => p.rule !== MatchRule.CODE || isRetraction(p.write));
  }

  /** The indices refused against what is stored: placement conflicts and retractions. */
  refuse(placed: Placed<R | FamilyRetraction<X>>[], stored: Map<string, StoredRow>): Set<number> {
    return new Set([...this.checkPlacements(placed, stored), ...this.checkRetractions(placed, stored)]);
  }

  /** One write per desa-year, and a remap never replaces another desa's own record. */
  private checkPlacements(placed: Placed<R | FamilyRetraction<X>>[], stored: Map<string, StoredRow>): number[] {
    const byIndex = new Map(placed.map((p) => [p.index, p]));
    const conflicts = placementConflicts(
      placed.map((p) => ({ index: p.index, villageCode: p.village.code, year: p.write.year, remapped: p.rule !== MatchRule.CODE })),
      (villageCode, year) => stored.get(storedKey(villageCode, year))?.own ?? false,
    );
    for (const conflict of conflicts) {
      const p = byIndex.get(conflict.index)!;
      const other = conflict.otherIndex === null ? null : byIndex.get(conflict.otherIndex)!;
      const where = other ? `at ${describeSource(other.write.source)}` : 'already stored';
      const desa = `${p.village.name} (${p.village.code})`;
      if (conflict.reason === 'DUPLICATE') {
        this.reject(p.index, RejectReason.DUPLICATE, `${desa} already has a record for ${p.write.year} ${where}`);
      } else {
        this.reject(
          p.index,
          RejectReason.REMAP_CONFLICT,
          `published as ${p.publishedCode} and matched by ${p.rule} to ${desa}, which has its own record for ${p.write.year} ${where}; a remapped record never replaces another desa's own`,
        );
      }
    }
    return conflicts.map((c) => c.index);
  }

  /** A retraction needs a stored value, and (from a file) still the same one. */
  private checkRetractions(placed: Placed<R | FamilyRetraction<X>>[], stored: Map<string, StoredRow>): number[] {
    const refused: number[] = [];
    for (const p of placed) {
      if (!isRetraction(p.write)) continue;
      const row = stored.get(storedKey(p.village.code, p.write.year));
      const desa = `${p.village.name} (${p.village.code})`;
      if (!row) {
        this.reject(p.index, RejectReason.NOT_RECORDED, `${desa} has no ${this.family.name} record for ${p.write.year}; nothing to retract`);
        refused.push(p.index);
        continue;
      }
      const expected = (p.write as FamilyRetraction<X>).expected;
      if (expected && this.family.differs(expected, row)) {
        const published = (expected as { score?: number | null }).score;
        const what = published !== row.score ? `holds score ${row.score}, not this row's ${published}` : `holds other values than this row (both score ${row.score})`;
        this.reject(p.index, RejectReason.VALUE_DIFFERS, `${desa} ${p.write.year} ${what}: it was written since, so it is left alone`, 'score');
        refused.push(p.index);
      }
    }
    return refused;
  }

  /** The report before the store writes: what was accepted, remapped, warned, mismatched and rejected. */
  report(accepted: Placed<R | FamilyRetraction<X>>[], warnings: Warning[], refused: Set<number>, dryRun: boolean): WriteReport {
    const mismatches: Mismatch[] = [];
    for (const p of accepted) {
      if (isRetraction(p.write) || !this.family.mismatches) continue;
      for (const m of this.family.mismatches(p.write as R)) mismatches.push({ index: p.index, source: p.write.source, villageCode: p.village.code, year: p.write.year, ...m });
    }
    const report: WriteReport = {
      received: this.writes.length,
      accepted: accepted.length,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      retracted: 0,
      retractions: [],
      remapped: 0,
      remaps: accepted.filter((p) => p.rule !== MatchRule.CODE).map((p) => ({ ...identify(p), rule: p.rule })),
      warnings: warnings.filter((w) => !refused.has(w.index)),
      warnedByReason: {},
      mismatches,
      rejects: this.rejects.sort((a, b) => a.index - b.index),
      rejectedByReason: {},
      changes: 0,
      changeIds: null,
      dryRun,
    };
    report.remapped = report.remaps.length;
    for (const r of report.rejects) report.rejectedByReason[r.reason] = (report.rejectedByReason[r.reason] ?? 0) + 1;
    for (const w of report.warnings) report.warnedByReason[w.reason] = (report.warnedByReason[w.reason] ?? 0) + 1;
    return report;
  }
}

function identify(p: Placed<FamilyWriteBase>): Omit<Remap, 'rule'> {
  const { names } = p.write;
  return {
    index: p.index,
    source: p.write.source,
    year: p.write.year,
    publishedCode: p.write.villageCode,
    publishedNames: [names.kabupaten, names.district, names.village].map((n) => n ?? '').join(' / '),
    villageCode: p.village.code,
    registerNames: `${p.village.kabupatenName} / ${p.village.districtName} / ${p.village.name}`,
  };
}
