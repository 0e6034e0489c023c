import { createHash } from 'node:crypto';
import type pg from 'pg';
import { describeSource, isRetraction, type IdmIndicatorRecord, type IdmRecord, type IdmRetraction, type IdmSource, type IdmWrite } from './idm-record';
import { tryParseCode, withinRegions } from '../region/region-code';
import { VillageKind } from '../region/region.enums';
import { MatchRule, placementConflicts, type MatchWarning, type Register, type RegisterVillage } from '../region/register-matcher';
import { loadRegister } from '../region/register-rows';
import type { IdmStatus } from './idm-status';
import { movementSql, potentialGain, scoreToTarget, statusFromScore, targetMinScore, targetStatus } from './idm.rules';
import { RejectReason, validateRecord, validateYear, type RecordRejection } from './idm.validation';
import { buildRumusan, rumusanResidue, type RumusanNames, type RumusanResidue } from './rumusan';

/**
 * The one write path of IDM, shared by the file importers, the live sync and the GraphQL mutations,
 * for records and retractions alike. Each write is validated (idm.validation.ts) and placed on a
 * register desa (region/register-matcher.ts); the accepted ones go to a temporary staging table,
 * and one statement upserts the records whose values differ, deletes the retracted desa-years and
 * appends one idm_change row for each (the outbox the live updates read), with who wrote it.
 */

export interface Reject {
  /** Position of the write in the input (0-based), for the mutations' error messages. */
  index: number;
  source: IdmSource;
  villageCode: string | null;
  year: number | null;
  reason: RejectReason;
  field: string | null;
  message: string;
}

/** A record written to another desa than its published code says, and why. */
export interface Remap {
  index: number;
  source: IdmSource;
  year: number;
  /** The code as published (with or without dots). */
  publishedCode: string;
  /** "KAB / KEC / DESA" as published. */
  publishedNames: string;
  villageCode: string;
  /** "Kabupaten / Kecamatan / Desa" of the register. */
  registerNames: string;
  rule: MatchRule;
}

/** A record written where its code says although a published name disagrees. */
export interface Warning extends Omit<Remap, 'rule'> {
  reason: MatchWarning;
  message: string;
}

export interface WriteReport {
  received: number;
  /** Writes that passed every check and were written, replaced, retracted or found unchanged. */
  accepted: number;
  inserted: number;
  updated: number;
  unchanged: number;
  retracted: number;
  /** Each retracted desa-year with the value taken back. */
  retractions: { index: number; villageCode: string; year: number; previous: { score: number; status: IdmStatus } }[];
  /** Accepted records placed on another desa than their published code (see `remaps`). */
  remapped: number;
  remaps: Remap[];
  warnings: Warning[];
  warnedByReason: Partial<Record<MatchWarning, number>>;
  rejects: Reject[];
  rejectedByReason: Partial<Record<RejectReason, number>>;
  /** Change-log rows written (one per inserted, updated or retracted desa-year). */
  changes: number;
  /** First and last change-log id written, when any. */
  changeIds: { first: string; last: string } | null;
  dryRun: boolean;
}

export interface WriteOptions {
  /** Who writes, stored with every value and change: `token:<subject>` or `cli:<command>:<os user>`. */
  actor: string;
  /** Validate and count, then roll back. */
  dryRun?: boolean;
  /** Refuse the whole batch when any write is rejected (the mutations' contract). */
  allOrNothing?: boolean;
  /** Province and kabupaten codes the writer may touch (an OPERATOR token's); unset for anywhere. */
  scope?: readonly string[];
  /** The clock the year rule reads. @default now */
  now?: Date;
}

/** Raised in all-or-nothing mode; carries every reject so the caller can name them. */
export class RejectedBatchError extends Error {
  constructor(readonly rejects: Reject[]) {
    super(`${rejects.length} write(s) rejected`);
  }
}

/** Raised when a write of the batch lands outside the writer's scope; nothing of the batch is written. */
export class OutOfScopeError extends Error {
  constructor(
    readonly outside: { index: number; village: RegisterVillage }[],
    readonly scope: readonly string[],
  ) {
    super(`${outside.length} desa outside the scope ${scope.join(', ')}`);
  }
}

/** A write that passed its own checks, with its code parsed. */
interface Candidate {
  index: number;
  write: IdmWrite;
  publishedCode: string;
}

/** A candidate placed on a register desa. */
interface Placed extends Candidate {
  village: RegisterVillage;
  rule: MatchRule;
}

/** The stored assessment of a desa-year a batch touches. */
interface StoredRow {
  own: boolean;
  iks: number;
  ike: number;
  ikl: number;
  score: number;
  status: string | null;
}

const CHUNK = 5_000;

export async function writeAssessments(client: pg.ClientBase, writes: readonly IdmWrite[], options: WriteOptions): Promise<WriteReport> {
  const rejects: Reject[] = [];
  const reject = (index: number, reason: RejectReason, message: string, field: string | null = 'villageCode') => {
    const write = writes[index]!;
    rejects.push({ index, source: write.source, villageCode: write.villageCode || null, year: Number.isInteger(write.year) ? write.year : null, reason, field, message });
  };

  const candidates = checkEach(writes, options.now ?? new Date(), reject);
  const register = await loadRegister(client, candidates.map((c) => ({ code: c.publishedCode, names: c.write.names })));
  const { placed, warnings } = place(candidates, register, reject);
  if (options.scope) {
    const scope = options.scope;
    const outside = placed.filter((p) => !withinRegions(p.village.code, scope));
    if (outside.length) throw new OutOfScopeError(outside, scope);
  }

  // From here on what is stored matters. Writers take turns (a transaction-level lock) so checks see
  // what they write against, and change ids grow in commit order: a reader that has seen id N can
  // never later meet a smaller id committing (see live/change-log.ts).
  await client.query(`select pg_advisory_xact_lock(hashtext('idm_change'))`);
  const stored = await storedRows(client, placed);
  const refused = new Set([...checkPlacements(placed, stored, reject), ...checkRetractions(placed, stored, reject)]);
  const accepted = placed.filter((p) => !refused.has(p.index));

  const report: WriteReport = {
    received: writes.length,
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
    rejects: rejects.sort((a, b) => a.index - b.index),
    rejectedByReason: {},
    changes: 0,
    changeIds: null,
    dryRun: options.dryRun ?? false,
  };
  report.remapped = report.remaps.length;
  for (const r of rejects) report.rejectedByReason[r.reason] = (report.rejectedByReason[r.reason] ?? 0) + 1;
  for (const w of report.warnings) report.warnedByReason[w.reason] = (report.warnedByReason[w.reason] ?? 0) + 1;
  if (options.allOrNothing && rejects.length) throw new RejectedBatchError(report.rejects);

  await stage(client, accepted);
  const written = await upsertAndLog(client, options.actor);
  report.inserted = written.filter((w) => w.kind === 'written' && w.inserted).length;
  report.updated = written.filter((w) => w.kind === 'written' && !w.inserted).length;
  report.unchanged = report.accepted - written.length;
  const meta = written[0];
  report.changes = meta?.change_count ?? 0;
  report.changeIds = meta?.first_change ? { first: meta.first_change, last: meta.last_change! } : null;

  const byIndex = new Map(accepted.map((p) => [p.index, p]));
  report.retractions = written
    .filter((w) => w.kind === 'removed')
    .map((w) => ({ index: w.idx, villageCode: byIndex.get(w.idx)!.village.code, year: byIndex.get(w.idx)!.write.year, previous: { score: w.previous_score!, status: w.previous_status! } }));
  report.retracted = report.retractions.length;
  await replaceIndicators(client, written.filter((w) => w.kind === 'written').map((w) => ({ id: w.id, record: byIndex.get(w.idx)!.write as IdmRecord })));
  await countYears(client, written.map((w) => ({ year: byIndex.get(w.idx)!.write.year, delta: w.kind === 'removed' ? -1 : w.inserted ? 1 : 0 })));
  await rememberAliases(client, accepted.filter((p) => p.rule !== MatchRule.CODE && p.rule !== MatchRule.ALIAS && !register.knows(p.publishedCode)));
  return report;
}

type RejectFn = (index: number, reason: RejectReason, message: string, field?: string | null) => void;

/** Rules that need nothing but the write itself. */
function checkEach(writes: readonly IdmWrite[], now: Date, reject: RejectFn): Candidate[] {
  const candidates: Candidate[] = [];
  writes.forEach((write, index) => {
    const publishedCode = tryParseCode(write.villageCode ?? '', 'village');
    if (!publishedCode) return reject(index, RejectReason.MALFORMED, `"${write.villageCode}" is not a 10-digit village code`);
    const problem = isRetraction(write) ? validateRetraction(write, now) : validateRecord(write, now);
    if (problem) return reject(index, problem.reason, problem.message, problem.field);
    candidates.push({ index, write, publishedCode });
  });
  return candidates;
}

function validateRetraction(retraction: IdmRetraction, now: Date): RecordRejection | null {
  if (retraction.reason.trim() === '') return { reason: RejectReason.MALFORMED, field: 'reason', message: 'reason is empty: say why the value is taken back.' };
  return validateYear(retraction.year, now);
}

/** Each candidate's register desa, by the matcher's rules; kelurahan are never assessed. */
function place(candidates: Candidate[], register: Register, reject: RejectFn): { placed: Placed[]; warnings: Warning[] } {
  const placed: Placed[] = [];
  const warnings: Warning[] = [];
  const results = register.matchAll(candidates.map((c) => ({ identity: { code: c.publishedCode, names: c.write.names }, year: c.write.year })));
  for (const [i, c] of candidates.entries()) {
    const result = results[i]!;
    if (!result.village) {
      reject(c.index, RejectReason.UNKNOWN_CODE, result.message);
      continue;
    }
    if (result.village.kind === VillageKind.KELURAHAN) {
      reject(c.index, RejectReason.KELURAHAN, `${result.village.name} (${result.village.code}) is a kelurahan; IDM assesses desa only`);
      continue;
    }
    const p: Placed = { ...c, village: result.village, rule: result.rule };
    placed.push(p);
    if (result.warning) warnings.push({ ...identify(p), reason: result.warning.reason, message: result.warning.message });
  }
  return { placed, warnings };
}

function identify(p: Placed): Omit<Remap, 'rule'> {
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

const key = (villageCode: string, year: number) => `${villageCode}|${year}`;

/** The stored rows the checks below look at: where remapped records land, and what retractions take back. */
async function storedRows(client: pg.ClientBase, placed: Placed[]): Promise<Map<string, StoredRow>> {
  const wanted = placed.filter((p) => p.rule !== MatchRule.CODE || isRetraction(p.write));
  if (!wanted.length) return new Map();
  const { rows } = await client.query<StoredRow & { village_code: string; year: number }>(
    `select a.village_code, a.year, a.published_code = a.village_code as own, a.iks, a.ike, a.ikl, a.score, a.status
     from idm_assessment a join unnest($1::text[], $2::int[]) as t(code, year) on a.village_code = t.code and a.year = t.year`,
    [wanted.map((p) => p.village.code), wanted.map((p) => p.write.year)],
  );
  return new Map(rows.map((r) => [key(r.village_code, r.year), r]));
}

/** One write per desa-year, and a remap never replaces another desa's own record; returns the refused indices. */
function checkPlacements(placed: Placed[], stored: Map<string, StoredRow>, reject: RejectFn): number[] {
  const byIndex = new Map(placed.map((p) => [p.index, p]));
  const conflicts = placementConflicts(
    placed.map((p) => ({ index: p.index, villageCode: p.village.code, year: p.write.year, remapped: p.rule !== MatchRule.CODE })),
    (villageCode, year) => stored.get(key(villageCode, year))?.own ?? false,
  );
  for (const conflict of conflicts) {
    const p = byIndex.get(conflict.index)!;
    const other = conflict.otherIndex === null ? null : byIndex.get(conflict.otherIndex)!;
    const where = other ? `at ${describeSource(other.write.source)}` : 'already stored';
    const desa = `${p.village.name} (${p.village.code})`;
    if (conflict.reason === 'DUPLICATE') {
      reject(p.index, RejectReason.DUPLICATE, `${desa} already has a record for ${p.write.year} ${where}`);
    } else {
      reject(
        p.index,
        RejectReason.REMAP_CONFLICT,
        `published as ${p.publishedCode} and matched by ${p.rule} to ${desa}, which has its own record for ${p.write.year} ${where}; a remapped record never replaces another desa's own`,
      );
    }
  }
  return conflicts.map((c) => c.index);
}

/** A retraction needs a stored value, and (from a file) still the same one; returns the refused indices. */
function checkRetractions(placed: Placed[], stored: Map<string, StoredRow>, reject: RejectFn): number[] {
  const refused: number[] = [];
  for (const p of placed) {
    if (!isRetraction(p.write)) continue;
    const row = stored.get(key(p.village.code, p.write.year));
    const desa = `${p.village.name} (${p.village.code})`;
    if (!row) {
      reject(p.index, RejectReason.NOT_RECORDED, `${desa} has no IDM record for ${p.write.year}; nothing to retract`);
      refused.push(p.index);
      continue;
    }
    const e = p.write.expected;
    if (e && (e.iks !== row.iks || e.ike !== row.ike || e.ikl !== row.ikl || e.score !== row.score || (e.status ?? null) !== row.status)) {
      reject(p.index, RejectReason.VALUE_DIFFERS, `${desa} ${p.write.year} holds score ${row.score}, not this row's ${e.score}: it was written since, so it is left alone`, 'score');
      refused.push(p.index);
    }
  }
  return refused;
}

function derive(record: IdmRecord) {
  const score = record.score!;
  const derivedStatus = statusFromScore(score);
  // Targets follow the official status where there is one (that is what Kemendes publishes).
  const basis = record.status ?? derivedStatus;
  return {
    derivedStatus,
    targetStatus: record.targetStatus ?? targetStatus(basis),
    targetMinScore: record.targetMinScore ?? targetMinScore(basis),
    scoreToTarget: record.scoreToTarget ?? scoreToTarget(score, basis),
  };
}

/** The names a record was published under, as the `/rumusan` identity shows them; null when it has none. */
function publishedNames(record: IdmRecord): RumusanNames | null {
  const names = Object.fromEntries(Object.entries(record.names).filter(([, v]) => typeof v === 'string' && v !== '')) as RumusanNames;
  return Object.keys(names).length ? names : null;
}

/**
 * What the API response a record came with holds beyond what `/rumusan` builds from the values
 * stored for it (see rumusan.ts): built here from the record exactly as it is about to be stored,
 * so the reader, building from the stored row, gets the same base and, with the residue, the response.
 */
function publishedResidue(villageCode: string, record: IdmRecord, derived: ReturnType<typeof derive>, names: RumusanNames): RumusanResidue {
  const built = buildRumusan({
    villageCode,
    names,
    assessment: {
      year: record.year,
      iks: record.iks!,
      ike: record.ike!,
      ikl: record.ikl!,
      score: record.score!,
      status: record.status,
      derivedStatus: derived.derivedStatus,
      targetStatus: derived.targetStatus,
      targetMinScore: derived.targetMinScore,
      scoreToTarget: derived.scoreToTarget,
    },
    indicators: (record.indicators ?? []).map((i) => ({ ...i, potentialGain: i.potentialGain ?? potentialGain(i.index, i.score) })),
  });
  return rumusanResidue(built, record.published);
}

function indicatorsHash(indicators: IdmIndicatorRecord[] | undefined): string | null {
  if (!indicators?.length) return null;
  return createHash('sha1').update(JSON.stringify(indicators)).digest('base64url');
}

/** The accepted writes into a temporary table, in chunks of array parameters. */
async function stage(client: pg.ClientBase, accepted: Placed[]): Promise<void> {
  await client.query(`create temp table idm_stage (
      idx int primary key, village_code text collate "C" not null, published_code text collate "C" not null, retract boolean not null,
      year int not null, iks float8, ike float8, ikl float8, score float8, status idm_status, derived_status idm_status,
      target_status idm_status, target_min_score float8, score_to_target float8, note text, indicators_hash text,
      source_format text not null, source_file text not null, source_line int not null, reason text,
      -- JSON as text here; cast where it is stored (json keeps the text, and so the key order, as given).
      published_names text, published_residue text
    ) on commit drop`);
  for (let at = 0; at < accepted.length; at += CHUNK) {
    const rows = accepted.slice(at, at + CHUNK).map((p) => {
      const record = isRetraction(p.write) ? null : p.write;
      const derived = record ? derive(record) : null;
      const names = record ? publishedNames(record) : null;
      const residue = record?.published !== undefined && derived ? publishedResidue(p.village.code, record, derived, names ?? {}) : null;
      return { p, record, derived, names, residue };
    });
    const col = <T>(f: (r: (typeof rows)[number]) => T) => rows.map(f);
    await client.query(
      `insert into idm_stage (idx, village_code, published_code, retract, year, iks, ike, ikl, score, status, derived_status, target_status,
                              target_min_score, score_to_target, note, indicators_hash, source_format, source_file, source_line, reason,
                              published_names, published_residue)
       select * from unnest($1::int[], $2::text[], $3::text[], $4::boolean[], $5::int[], $6::float8[], $7::float8[], $8::float8[], $9::float8[],
                            $10::idm_status[], $11::idm_status[], $12::idm_status[], $13::float8[], $14::float8[], $15::text[], $16::text[],
                            $17::text[], $18::text[], $19::int[], $20::text[], $21::text[], $22::text[])`,
      [
        col((r) => r.p.index),
        col((r) => r.p.village.code),
        col((r) => r.p.publishedCode),
        col((r) => r.record === null),
        col((r) => r.p.write.year),
        col((r) => r.record?.iks ?? null),
        col((r) => r.record?.ike ?? null),
        col((r) => r.record?.ikl ?? null),
        col((r) => r.record?.score ?? null),
        col((r) => r.record?.status ?? null),
        col((r) => r.derived?.derivedStatus ?? null),
        col((r) => r.derived?.targetStatus ?? null),
        col((r) => r.derived?.targetMinScore ?? null),
        col((r) => r.derived?.scoreToTarget ?? null),
        col((r) => r.record?.note ?? null),
        col((r) => indicatorsHash(r.record?.indicators)),
        col((r) => r.p.write.source.format),
        col((r) => r.p.write.source.file),
        col((r) => r.p.write.source.line),
        col((r) => (isRetraction(r.p.write) ? r.p.write.reason.trim() : null)),
        col((r) => (r.names ? JSON.stringify(r.names) : null)),
        col((r) => (r.residue ? JSON.stringify(r.residue) : null)),
      ],
    );
  }
}

interface WrittenRow {
  kind: 'written' | 'removed';
  id: string;
  idx: number;
  inserted: boolean;
  /** The value a retraction took back. */
  previous_score: number | null;
  previous_status: IdmStatus | null;
  first_change: string | null;
  last_change: string | null;
  change_count: number;
}

/**
 * The write: records whose values differ are inserted or replaced, retracted desa-years deleted, and
 * each such desa-year gets its change-log row with the value it replaced, in one statement.
 */
async function upsertAndLog(client: pg.ClientBase, actor: string): Promise<WrittenRow[]> {
  const { rows } = await client.query<WrittenRow>(
    `with incoming as (
      select s.*, v.district_code, v.kabupaten_code, v.province_code from idm_stage s join village v on v.code = s.village_code where not s.retract
    ),
    previous as (
      select a.village_code, a.year, a.score, coalesce(a.status, a.derived_status) as status
      from idm_assessment a join idm_stage s on s.village_code = a.village_code and s.year = a.year
    ),
    written as (
      insert into idm_assessment as a (village_code, district_code, kabupaten_code, province_code, year, iks, ike, ikl, score, status,
        derived_status, target_status, target_min_score, score_to_target, published_code, note, indicators_hash, source_format, source_file,
        source_line, recorded_by, published_names, published_residue)
      select village_code, district_code, kabupaten_code, province_code, year, iks, ike, ikl, score, status, derived_status, target_status,
        target_min_score, score_to_target, published_code, note, indicators_hash, source_format, source_file, source_line, $1,
        published_names::jsonb, published_residue::json
      from incoming order by village_code, year
      on conflict (village_code, year) do update set
        iks = excluded.iks, ike = excluded.ike, ikl = excluded.ikl, score = excluded.score, status = excluded.status,
        derived_status = excluded.derived_status, target_status = excluded.target_status, target_min_score = excluded.target_min_score,
        score_to_target = excluded.score_to_target, published_code = excluded.published_code, note = excluded.note,
        indicators_hash = coalesce(excluded.indicators_hash, a.indicators_hash), source_format = excluded.source_format,
        source_file = excluded.source_file, source_line = excluded.source_line, recorded_by = excluded.recorded_by, recorded_at = now(),
        -- Names describe the desa whichever source wrote last; the residue only holds for the API response it came with.
        published_names = case when excluded.published_residue is not null then excluded.published_names
                               else coalesce(excluded.published_names, a.published_names) end,
        published_residue = excluded.published_residue
      -- The same values from another file or line are not a change: re-imports write nothing. An API
      -- response that says the same in other words (its residue differs) is one: /rumusan serves it.
      where (a.iks, a.ike, a.ikl, a.score, a.status, a.target_status, a.target_min_score, a.score_to_target, a.indicators_hash,
             a.published_residue::text)
        is distinct from (excluded.iks, excluded.ike, excluded.ikl, excluded.score, excluded.status, excluded.target_status,
                          excluded.target_min_score, excluded.score_to_target, coalesce(excluded.indicators_hash, a.indicators_hash),
                          coalesce(excluded.published_residue::text, a.published_residue::text))
      returning a.id, a.village_code, a.year, a.score, coalesce(a.status, a.derived_status) as status, (xmax = 0) as inserted
    ),
    removed as (
      delete from idm_assessment a using idm_stage s where s.retract and a.village_code = s.village_code and a.year = s.year
      returning a.id, a.village_code, a.year
    ),
    changes as (
      insert into idm_change (village_code, year, previous_score, previous_status, score, status, movement, source_format, source_file,
                              source_line, recorded_by, reason)
      select * from (
        select w.village_code, w.year, p.score, p.status, w.score, w.status, ${movementSql('p.status', 'w.status')},
               i.source_format, i.source_file, i.source_line, $1::text, null::text
        from written w join incoming i on i.village_code = w.village_code and i.year = w.year
        left join previous p on p.village_code = w.village_code and p.year = w.year
        union all
        select r.village_code, r.year, p.score, p.status, null::float8, null::idm_status, ${movementSql('p.status', 'null::idm_status')},
               s.source_format, s.source_file, s.source_line, $1::text, s.reason
        from removed r join idm_stage s on s.village_code = r.village_code and s.year = r.year
        join previous p on p.village_code = r.village_code and p.year = r.year
      ) c order by 1, 2
      returning id
    ),
    done as (
      select 'written' as kind, w.id, i.idx, w.inserted, null::float8 as previous_score, null::idm_status as previous_status
      from written w join incoming i on i.village_code = w.village_code and i.year = w.year
      union all
      select 'removed', r.id, s.idx, false, p.score, p.status from removed r join idm_stage s on s.village_code = r.village_code and s.year = r.year
      join previous p on p.village_code = r.village_code and p.year = r.year
    )
    select d.*, (select min(id) from changes)::text as first_change, (select max(id) from changes)::text as last_change,
           (select count(*) from changes)::int as change_count
    from done d`,
    [actor],
  );
  return rows;
}

/** Indicators of the written assessments that came with them (the API): replaced as a whole. */
async function replaceIndicators(client: pg.ClientBase, written: { id: string; record: IdmRecord }[]): Promise<void> {
  const withIndicators = written.filter((w) => w.record.indicators?.length);
  if (!withIndicators.length) return;
  await client.query(`delete from idm_indicator where assessment_id = any($1::bigint[])`, [withIndicators.map((w) => w.id)]);
  const rows = withIndicators.flatMap((w) => w.record.indicators!.map((ind) => ({ id: w.id, ind })));
  for (let at = 0; at < rows.length; at += CHUNK * 4) {
    const chunk = rows.slice(at, at + CHUNK * 4);
    const col = <T>(f: (r: { id: string; ind: IdmIndicatorRecord }) => T) => chunk.map(f);
    await client.query(
      `insert into idm_indicator (assessment_id, index, number, name, score, description, activity, actor_pusat, actor_provinsi,
                                  actor_kabupaten, actor_desa, actor_csr, actor_lainnya, potential_gain)
       select * from unnest($1::bigint[], $2::idm_index[], $3::smallint[], $4::text[], $5::float8[], $6::text[], $7::text[], $8::text[],
                            $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::float8[])`,
      [
        col((r) => r.id),
        col((r) => r.ind.index),
        col((r) => r.ind.number),
        col((r) => r.ind.name),
        col((r) => r.ind.score),
        col((r) => r.ind.description),
        col((r) => r.ind.activity),
        col((r) => r.ind.actors.pusat),
        col((r) => r.ind.actors.provinsi),
        col((r) => r.ind.actors.kabupaten),
        col((r) => r.ind.actors.desa),
        col((r) => r.ind.actors.csr),
        col((r) => r.ind.actors.lainnya),
        // Published NILAI where given; otherwise what the rule gives.
        col((r) => r.ind.potentialGain ?? potentialGain(r.ind.index, r.ind.score)),
      ],
    );
  }
}

/** Keeps idm_year's counts: exact, since writers take turns under the lock above. */
async function countYears(client: pg.ClientBase, deltas: { year: number; delta: number }[]): Promise<void> {
  const byYear = new Map<number, number>();
  for (const d of deltas) if (d.delta) byYear.set(d.year, (byYear.get(d.year) ?? 0) + d.delta);
  if (byYear.size === 0) return;
  await client.query(
    `insert into idm_year (year, assessed) select * from unnest($1::int[], $2::int[])
     on conflict (year) do update set assessed = idm_year.assessed + excluded.assessed`,
    [[...byYear.keys()], [...byYear.values()]],
  );
  await client.query(`delete from idm_year where assessed = 0`);
}

/** Remember codes the register lacks that names placed, so village(code:) finds the desa by either. */
async function rememberAliases(client: pg.ClientBase, placed: Placed[]): Promise<void> {
  const remapped = [...new Map(placed.map((p) => [p.publishedCode, p])).values()];
  if (!remapped.length) return;
  await client.query(
    `insert into village_code_alias (alias_code, village_code, source)
     select * from unnest($1::text[], $2::text[], $3::text[]) on conflict (alias_code) do nothing`,
    [remapped.map((p) => p.publishedCode), remapped.map((p) => p.village.code), remapped.map((p) => p.write.source.file)],
  );
}

/** Announces committed changes to every instance; see live/notifier.ts. */
export interface ChangePublisher {
  publish(lastId: string): Promise<void>;
}

/** What a write runs in: the one transaction helper (src/db/sql.ts), counted or not. */
export interface Transactional {
  transaction<T>(work: (client: pg.ClientBase) => Promise<T>, options?: { commit?: boolean }): Promise<T>;
}

/**
 * The one path every IDM write takes (imports, sync, the mutations): one transaction around
 * `writeAssessments` (rolled back for a dry run), then the announcement of the new change-log rows
 * once they are committed.
 */
export async function recordAssessments(
  db: Transactional,
  writes: readonly IdmWrite[],
  options: WriteOptions & { publisher?: ChangePublisher },
): Promise<WriteReport> {
  const report = await db.transaction((client) => writeAssessments(client, writes, options), { commit: !options.dryRun });
  // After commit: a crash or a notifier that is down (Redis restarting) delays the news, as the
  // instances also poll the change log; it never loses an event, and never fails a committed write.
  if (!options.dryRun && report.changeIds) await options.publisher?.publish(report.changeIds.last).catch(() => undefined);
  return report;
}
