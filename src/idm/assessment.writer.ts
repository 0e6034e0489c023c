import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { IdmIndicatorRecord, IdmRecord, IdmSource } from './idm-record';
import { searchKey, tryParseCode } from '../region/region-code';
import { potentialGain, scoreToTarget, statusFromScore, targetMinScore, targetStatus } from './idm.rules';
import { RejectReason, validateRecord } from './idm.validation';

/**
 * The one write path of IDM assessments, shared by the file importers, the live sync and the
 * GraphQL mutation. Set-based: candidates go to a temporary staging table, codes are matched to
 * the register there, and one INSERT ... ON CONFLICT DO UPDATE writes only the desa-years whose
 * values differ, appending one idm_change row per such desa-year in the same statement (the
 * outbox the live updates read).
 */

export interface Reject {
  /** Position of the record in the input (0-based), for the mutation's error messages. */
  index: number;
  source: IdmSource;
  villageCode: string | null;
  year: number | null;
  reason: RejectReason;
  field: string | null;
  message: string;
}

export interface WriteReport {
  received: number;
  /** Records that passed every check and were written, replaced or found unchanged. */
  accepted: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Accepted records whose published code the register does not have, matched by name or alias. */
  remapped: number;
  rejects: Reject[];
  rejectedByReason: Partial<Record<RejectReason, number>>;
  /** Change-log rows written (one per inserted or updated desa-year). */
  changes: number;
  /** First and last change-log id written, when any. */
  changeIds: { first: string; last: string } | null;
  dryRun: boolean;
}

export interface WriteOptions {
  /** Validate and count, then roll back. */
  dryRun?: boolean;
  /** Refuse the whole batch when any record is rejected (the mutation's contract). */
  allOrNothing?: boolean;
}

/** Raised in all-or-nothing mode; carries every reject so the caller can name them. */
export class RejectedBatchError extends Error {
  constructor(readonly rejects: Reject[]) {
    super(`${rejects.length} record(s) rejected`);
  }
}

interface Candidate {
  index: number;
  record: IdmRecord;
  publishedCode: string;
  derived: ReturnType<typeof derive>;
  indicatorsHash: string | null;
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

function indicatorsHash(indicators: IdmIndicatorRecord[] | undefined): string | null {
  if (!indicators?.length) return null;
  return createHash('sha1').update(JSON.stringify(indicators)).digest('base64url');
}

const CHUNK = 5_000;

/** A kabupaten name reduced for comparison: "KOTA BAUBAU" and "Kota Bau-Bau" agree. */
function compactName(name: string | undefined): string {
  return nameKey(name).replaceAll(' ', '');
}

/** Published names folded for matching: "KAB. SORONG" and "Kabupaten Sorong" both give "sorong". */
function nameKey(name: string | undefined): string {
  return searchKey(name ?? '').replace(/^(kabupaten|kab) /, '');
}

export async function writeAssessments(client: pg.ClientBase, records: IdmRecord[], options: WriteOptions = {}): Promise<WriteReport> {
  const rejects: Reject[] = [];
  const reject = (index: number, record: IdmRecord, reason: RejectReason, message: string, field: string | null = null) =>
    rejects.push({ index, source: record.source, villageCode: record.villageCode || null, year: Number.isInteger(record.year) ? record.year : null, reason, field, message });

  // 1. Rules that need no database.
  const candidates: Candidate[] = [];
  records.forEach((record, index) => {
    const publishedCode = tryParseCode(record.villageCode ?? '', 'village');
    if (!publishedCode) return reject(index, record, RejectReason.MALFORMED, `"${record.villageCode}" is not a 10-digit village code`, 'villageCode');
    const problem = validateRecord(record);
    if (problem) return reject(index, record, problem.reason, problem.message, problem.field);
    candidates.push({ index, record, publishedCode, derived: derive(record), indicatorsHash: indicatorsHash(record.indicators) });
  });

  // 2. Stage the candidates and match their codes: register code, then a known alias.
  await client.query(`create temp table idm_stage (
      idx int primary key, published_code text collate "C", village_code text collate "C", remapped boolean not null default false,
      -- How sure the match is; when two rows land on one desa-year the surer one is kept.
      confidence smallint not null default 3,
      year int, iks float8, ike float8, ikl float8, score float8, status idm_status, derived_status idm_status,
      target_status idm_status, target_min_score float8, score_to_target float8, note text, indicators_hash text,
      source_format text, source_file text, source_line int
    ) on commit drop`);
  for (let at = 0; at < candidates.length; at += CHUNK) {
    const chunk = candidates.slice(at, at + CHUNK);
    const col = <T>(f: (c: Candidate) => T) => chunk.map(f);
    await client.query(
      `insert into idm_stage (idx, published_code, year, iks, ike, ikl, score, status, derived_status, target_status, target_min_score,
                              score_to_target, note, indicators_hash, source_format, source_file, source_line)
       select * from unnest($1::int[], $2::text[], $3::int[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::idm_status[],
                            $9::idm_status[], $10::idm_status[], $11::float8[], $12::float8[], $13::text[], $14::text[], $15::text[], $16::text[], $17::int[])`,
      [
        col((c) => c.index),
        col((c) => c.publishedCode),
        col((c) => c.record.year),
        col((c) => c.record.iks),
        col((c) => c.record.ike),
        col((c) => c.record.ikl),
        col((c) => c.record.score),
        col((c) => c.record.status),
        col((c) => c.derived.derivedStatus),
        col((c) => c.derived.targetStatus),
        col((c) => c.derived.targetMinScore),
        col((c) => c.derived.scoreToTarget),
        col((c) => c.record.note ?? null),
        col((c) => c.indicatorsHash),
        col((c) => c.record.source.format),
        col((c) => c.record.source.file),
        col((c) => c.record.source.line),
      ],
    );
  }
  await client.query(`update idm_stage s set village_code = v.code from village v where v.code = s.published_code`);
  await client.query(
    `update idm_stage s set village_code = a.village_code, remapped = true, confidence = 2 from village_code_alias a where s.village_code is null and a.alias_code = s.published_code`,
  );

  // 3. Codes the register does not know, and codes it knows for another place (renumbered
  //    regions reuse codes: a 2024 Papua Barat Daya code can name a different kabupaten in the
  //    register): take a unique match by published names. A known code whose names match nothing
  //    else keeps its direct match.
  const byIndex = new Map(candidates.map((c) => [c.index, c]));
  const { rows: staged } = await client.query<{ idx: number; kabupaten: string | null; village: string | null }>(
    `select s.idx, k.name as kabupaten, v.name as village from idm_stage s
     left join village v on v.code = s.village_code left join kabupaten k on k.code = v.kabupaten_code`,
  );
  const differs = (published: string | undefined, registered: string) => published !== undefined && published !== '' && compactName(published) !== compactName(registered);
  const unknown = staged.filter((r) => r.kabupaten === null).map((r) => r.idx);
  // Known code, other kabupaten: the code was reused after renumbering.
  const elsewhere = staged.filter((r) => r.kabupaten !== null && differs(byIndex.get(r.idx)!.record.names.kabupaten, r.kabupaten)).map((r) => r.idx);
  // Known code, same kabupaten, other desa name: renumbered within the kabupaten, or a spelling variant.
  const renamed = staged
    .filter((r) => r.kabupaten !== null && !differs(byIndex.get(r.idx)!.record.names.kabupaten, r.kabupaten) && differs(byIndex.get(r.idx)!.record.names.village, r.village!))
    .map((r) => r.idx);
  if (unknown.length || elsewhere.length || renamed.length) {
    const register = await registerNames(client);
    // A spelling variant must not send a row to a namesake elsewhere in its kabupaten, so a known
    // code in the right kabupaten moves only on a full kabupaten + kecamatan + desa match.
    const matches = new Map([
      ...matchByNames(register, [...unknown, ...elsewhere].map((idx) => byIndex.get(idx)!), true),
      ...matchByNames(register, renamed.map((idx) => byIndex.get(idx)!), false),
    ]);
    const matched = [...matches.entries()];
    await client.query(
      `update idm_stage s set village_code = m.code, remapped = s.village_code is distinct from m.code, confidence = 2
       from unnest($1::int[], $2::text[]) as m(idx, code) where s.idx = m.idx`,
      [matched.map(([idx]) => idx), matched.map(([, code]) => code)],
    );
    // Kept on their code although the names disagree: they give way to any better-matched row.
    await client.query(`update idm_stage set confidence = case when idx = any($1::int[]) then 0 else 1 end where idx = any($2::int[])`, [
      elsewhere.filter((idx) => !matches.has(idx)),
      [...elsewhere, ...renamed].filter((idx) => !matches.has(idx)),
    ]);
    for (const idx of unknown) {
      if (matches.has(idx)) continue;
      const c = byIndex.get(idx)!;
      reject(idx, c.record, RejectReason.UNKNOWN_CODE, `village code ${c.record.villageCode} is not in the register and its names (${[c.record.names.kabupaten, c.record.names.district, c.record.names.village].filter(Boolean).join(' / ')}) match no single village`, 'villageCode');
    }
  }

  // 4. Rules that need the register: kelurahan are never assessed; one record per desa-year.
  const { rows: kelurahan } = await client.query<{ idx: number; name: string }>(
    `select s.idx, v.name from idm_stage s join village v on v.code = s.village_code where v.kind = 'KELURAHAN'`,
  );
  for (const k of kelurahan) {
    const c = byIndex.get(k.idx)!;
    reject(k.idx, c.record, RejectReason.KELURAHAN, `${k.name} (${c.record.villageCode}) is a kelurahan; IDM assesses desa only`, 'villageCode');
  }
  // When two rows land on one desa-year, the surer match wins, then the earlier row.
  const { rows: duplicates } = await client.query<{ idx: number; first: number; code: string }>(
    `select idx, first, village_code as code from (
       select idx, village_code, first_value(idx) over (partition by village_code, year order by confidence desc, idx) as first
       from idm_stage where village_code is not null) d
     where idx <> first`,
  );
  for (const d of duplicates) {
    const c = byIndex.get(d.idx)!;
    const first = byIndex.get(d.first)!.record.source;
    reject(d.idx, c.record, RejectReason.DUPLICATE, `village ${c.record.villageCode} (register ${d.code}) already has a record for ${c.record.year} at ${first.file}:${first.line}`, 'villageCode');
  }
  const dropped = [...kelurahan.map((k) => k.idx), ...duplicates.map((d) => d.idx)];
  await client.query(`delete from idm_stage where village_code is null or idx = any($1::int[])`, [dropped]);

  const report: WriteReport = {
    received: records.length,
    accepted: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    remapped: 0,
    rejects: rejects.sort((a, b) => a.index - b.index),
    rejectedByReason: {},
    changes: 0,
    changeIds: null,
    dryRun: options.dryRun ?? false,
  };
  for (const r of rejects) report.rejectedByReason[r.reason] = (report.rejectedByReason[r.reason] ?? 0) + 1;
  if (options.allOrNothing && rejects.length) throw new RejectedBatchError(report.rejects);

  // 5. The write: changed desa-years only, each with its change-log row. Writers take turns here
  //    (a transaction-level lock) so change ids grow in commit order: a reader that has seen id N
  //    can never later meet a smaller id committing (see live/change-log.ts).
  await client.query(`select pg_advisory_xact_lock(hashtext('idm_change'))`);
  const { rows: written } = await client.query<{ id: string; idx: number; inserted: boolean }>(`
    with incoming as (
      select s.*, v.district_code, v.kabupaten_code, v.province_code from idm_stage s join village v on v.code = s.village_code
    ),
    previous as (
      select a.village_code, a.year, a.score, coalesce(a.status, a.derived_status) as status
      from idm_assessment a join incoming i on i.village_code = a.village_code and i.year = a.year
    ),
    written as (
      insert into idm_assessment as a (village_code, district_code, kabupaten_code, province_code, year, iks, ike, ikl, score, status,
        derived_status, target_status, target_min_score, score_to_target, published_code, note, indicators_hash, source_format, source_file, source_line)
      select village_code, district_code, kabupaten_code, province_code, year, iks, ike, ikl, score, status,
        derived_status, target_status, target_min_score, score_to_target, published_code, note, indicators_hash, source_format, source_file, source_line
      from incoming order by village_code, year
      on conflict (village_code, year) do update set
        iks = excluded.iks, ike = excluded.ike, ikl = excluded.ikl, score = excluded.score, status = excluded.status,
        derived_status = excluded.derived_status, target_status = excluded.target_status, target_min_score = excluded.target_min_score,
        score_to_target = excluded.score_to_target, published_code = excluded.published_code, note = excluded.note,
        indicators_hash = coalesce(excluded.indicators_hash, a.indicators_hash), source_format = excluded.source_format,
        source_file = excluded.source_file, source_line = excluded.source_line, recorded_at = now()
      -- The same values from another file or line are not a change: re-imports write nothing.
      where (a.iks, a.ike, a.ikl, a.score, a.status, a.target_status, a.target_min_score, a.score_to_target, a.indicators_hash)
        is distinct from (excluded.iks, excluded.ike, excluded.ikl, excluded.score, excluded.status, excluded.target_status,
                          excluded.target_min_score, excluded.score_to_target, coalesce(excluded.indicators_hash, a.indicators_hash))
      returning a.id, a.village_code, a.year, a.score, coalesce(a.status, a.derived_status) as status, (xmax = 0) as inserted
    ),
    changes as (
      insert into idm_change (village_code, year, previous_score, previous_status, score, status, movement, source_format, source_file)
      select w.village_code, w.year, p.score, p.status, w.score, w.status,
             (case when p.village_code is null then 'NEW' when w.status > p.status then 'UP' when w.status < p.status then 'DOWN' else 'SAME' end)::idm_movement,
             i.source_format, i.source_file
      from written w join incoming i on i.village_code = w.village_code and i.year = w.year
      left join previous p on p.village_code = w.village_code and p.year = w.year
      order by w.village_code, w.year
      returning id
    )
    select w.id, i.idx, w.inserted, (select min(id) from changes) as first_change, (select max(id) from changes) as last_change, (select count(*) from changes)::int as change_count
    from written w join incoming i on i.village_code = w.village_code and i.year = w.year`);

  const { rows: counts } = await client.query<{ accepted: number; remapped: number }>(
    `select count(*)::int as accepted, count(*) filter (where remapped)::int as remapped from idm_stage`,
  );
  report.accepted = counts[0]!.accepted;
  report.remapped = counts[0]!.remapped;
  report.inserted = written.filter((w) => w.inserted).length;
  report.updated = written.length - report.inserted;
  report.unchanged = report.accepted - written.length;
  const meta = written[0] as unknown as { first_change: string | null; last_change: string | null; change_count: number } | undefined;
  report.changes = meta?.change_count ?? 0;
  report.changeIds = meta?.first_change ? { first: meta.first_change, last: meta.last_change! } : null;

  // 6. Indicators of the written assessments that came with them (the API): replaced as a whole.
  const withIndicators = written.filter((w) => byIndex.get(w.idx)!.record.indicators?.length);
  if (withIndicators.length) {
    await client.query(`delete from idm_indicator where assessment_id = any($1::bigint[])`, [withIndicators.map((w) => w.id)]);
    const rows = withIndicators.flatMap((w) => byIndex.get(w.idx)!.record.indicators!.map((ind) => ({ id: w.id, ind })));
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

  // 7. Remember the codes rows were published under, so village(code:) finds them by either.
  await client.query(
    `insert into village_code_alias (alias_code, village_code, source)
     select distinct on (published_code) published_code, village_code, source_file from idm_stage
     where remapped and published_code <> village_code and not exists (select 1 from village v where v.code = idm_stage.published_code)
     on conflict (alias_code) do nothing`,
  );
  return report;
}

interface RegisterNames {
  full: Map<string, string[]>;
  short: Map<string, string[]>;
}

/** The register's desa by folded names, for matching codes it does not know. */
async function registerNames(client: pg.ClientBase): Promise<RegisterNames> {
  const { rows } = await client.query<{ code: string; village: string; district: string; kabupaten: string }>(
    `select v.code, v.name as village, d.name as district, k.name as kabupaten
     from village v join district d on d.code = v.district_code join kabupaten k on k.code = v.kabupaten_code
     where v.kind <> 'KELURAHAN'`,
  );
  const names: RegisterNames = { full: new Map(), short: new Map() };
  const add = (map: Map<string, string[]>, key: string, code: string) => {
    const list = map.get(key);
    list ? list.push(code) : map.set(key, [code]);
  };
  for (const r of rows) {
    add(names.full, `${compactName(r.kabupaten)}|${compactName(r.district)}|${compactName(r.village)}`, r.code);
    add(names.short, `${compactName(r.kabupaten)}|${compactName(r.village)}`, r.code);
  }
  return names;
}

/**
 * Matches records by published names: kabupaten + kecamatan + desa, then (when `loose`)
 * kabupaten + desa; a match counts only when exactly one register desa has those names. Names are
 * compared without case, accents, punctuation or spaces ("MULYA SARI" is "Mulyasari").
 */
function matchByNames(register: RegisterNames, candidates: Candidate[], loose: boolean): Map<number, string> {
  const matches = new Map<number, string>();
  for (const c of candidates) {
    const { kabupaten, district, village } = c.record.names;
    if (!kabupaten || !village) continue;
    const exact = register.full.get(`${compactName(kabupaten)}|${compactName(district)}|${compactName(village)}`);
    const nearby = loose && !exact?.length ? register.short.get(`${compactName(kabupaten)}|${compactName(village)}`) : undefined;
    const code = exact?.length === 1 ? exact[0] : nearby?.length === 1 ? nearby[0] : undefined;
    if (code) matches.set(c.index, code);
  }
  return matches;
}

/** Announces committed changes to every instance; see live/notifier.ts. */
export interface ChangePublisher {
  publish(lastId: string): Promise<void>;
}

/**
 * The one path every IDM write takes (imports, sync, the mutation): one transaction around
 * `writeAssessments`, then the announcement of the new change-log rows once they are committed.
 */
export async function recordAssessments(client: pg.ClientBase, records: IdmRecord[], options: WriteOptions & { publisher?: ChangePublisher }): Promise<WriteReport> {
  let report: WriteReport;
  await client.query('begin');
  try {
    report = await writeAssessments(client, records, options);
    await client.query(options.dryRun ? 'rollback' : 'commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
  // After commit: a crash here delays the news (instances also poll), it never loses an event.
  if (!options.dryRun && report.changeIds) await options.publisher?.publish(report.changeIds.last);
  return report;
}
