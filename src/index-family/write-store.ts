import type pg from 'pg';
import { MatchRule } from '../region/register-matcher';
import { loadRegister } from '../region/register-rows';
import type { IndexFamily } from './index-family';
import { movementSql, type IndexStatus } from './index-status';
import { WritePlan, storedKey, type Placed, type StoredRow } from './write-plan';
import { isRetraction, RejectedBatchError, type FamilyRetraction, type FamilyWriteBase, type WriteOptions, type WriteReport } from './write-report';

/**
 * The I/O half of the write path, shared by every family (records and retractions, from files,
 * syncs and mutations alike). It loads the register rows a batch can match, takes the change log's
 * lock, reads the stored rows the plan (write-plan.ts) checks against, then stages the accepted
 * writes in a temporary table and, in one statement, upserts the records whose values differ,
 * deletes the retracted desa-years and appends one change-log row for each, with who wrote it.
 */

const CHUNK = 5_000;

/**
 * Every family appends to the one change log (idm_change, with its `family` column), so cursors
 * are one sequence whatever was written, and writers of both families take turns on this lock.
 */
export const CHANGE_LOG_LOCK = `select pg_advisory_xact_lock(hashtext('idm_change'))`;

export async function writeFamily<R extends FamilyWriteBase, X>(
  client: pg.ClientBase,
  family: IndexFamily<R, X>,
  writes: readonly (R | FamilyRetraction<X>)[],
  options: WriteOptions,
): Promise<WriteReport> {
  const plan = new WritePlan(family, writes, options.now ?? new Date());
  const candidates = plan.check();
  const register = await loadRegister(client, candidates.map((c) => ({ code: c.publishedCode, names: c.write.names })));
  const { placed, warnings } = plan.place(candidates, register);
  plan.checkScope(placed, options.scope);

  // From here on what is stored matters. Writers take turns (a transaction-level lock) so checks see
  // what they write against, and change ids grow in commit order: a reader that has seen id N can
  // never later meet a smaller id committing (see live/change-log.ts).
  await client.query(CHANGE_LOG_LOCK);
  const stored = await storedRows(client, family, plan.storedWanted(placed));
  const refused = plan.refuse(placed, stored);
  const accepted = placed.filter((p) => !refused.has(p.index));
  const report = plan.report(accepted, warnings, refused, options.dryRun ?? false);
  if (options.allOrNothing && report.rejects.length) throw new RejectedBatchError(report.rejects);

  await stage(client, family, accepted);
  const written = await upsertAndLog(client, family, options.actor);
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
  await family.afterWrite?.(client, written.filter((w) => w.kind === 'written').map((w) => ({ id: w.id, record: byIndex.get(w.idx)!.write as R })));
  await countYears(client, family, written.map((w) => ({ year: byIndex.get(w.idx)!.write.year, delta: w.kind === 'removed' ? -1 : w.inserted ? 1 : 0 })));
  await rememberAliases(client, accepted.filter((p) => p.rule !== MatchRule.CODE && p.rule !== MatchRule.ALIAS && !register.knows(p.publishedCode)));
  return report;
}

/** The stored rows the plan checks against, with the columns a retraction compares. */
async function storedRows<R extends FamilyWriteBase, X>(client: pg.ClientBase, family: IndexFamily<R, X>, wanted: Placed<R | FamilyRetraction<X>>[]): Promise<Map<string, StoredRow>> {
  if (!wanted.length) return new Map();
  const columns = family.expectedColumns.map((c) => `a.${c}`).join(', ');
  const { rows } = await client.query<StoredRow & { village_code: string; year: number }>(
    `select a.village_code, a.year, a.published_code = a.village_code as own, ${columns}
     from ${family.table} a join unnest($1::text[], $2::int[]) as t(code, year) on a.village_code = t.code and a.year = t.year`,
    [wanted.map((p) => p.village.code), wanted.map((p) => p.write.year)],
  );
  return new Map(rows.map((r) => [storedKey(r.village_code, r.year), r]));
}

/** The columns every family's staging table starts with, before its value columns. */
const STAGE_HEAD = [
  ['idx', 'int'],
  ['village_code', 'text'],
  ['published_code', 'text'],
  ['retract', 'boolean'],
  ['year', 'int'],
] as const;
const STAGE_TAIL = [
  ['source_format', 'text'],
  ['source_file', 'text'],
  ['source_line', 'int'],
  ['reason', 'text'],
] as const;

/** The accepted writes into a temporary table, in chunks of array parameters. */
async function stage<R extends FamilyWriteBase, X>(client: pg.ClientBase, family: IndexFamily<R, X>, accepted: Placed<R | FamilyRetraction<X>>[]): Promise<void> {
  const columns = [...STAGE_HEAD, ...family.columns.map((c) => [c.name, c.type] as const), ...STAGE_TAIL];
  await client.query(`create temp table index_stage (
      idx int primary key, village_code text collate "C" not null, published_code text collate "C" not null, retract boolean not null, year int not null,
      ${family.columns.map((c) => `${c.name} ${c.type}`).join(', ')},
      source_format text not null, source_file text not null, source_line int not null, reason text
    ) on commit drop`);
  for (let at = 0; at < accepted.length; at += CHUNK) {
    const rows = accepted.slice(at, at + CHUNK).map((p) => {
      const values = isRetraction(p.write) ? {} : family.values(p.write as R, p.village.code);
      return {
        ...values,
        idx: p.index,
        village_code: p.village.code,
        published_code: p.publishedCode,
        retract: isRetraction(p.write),
        year: p.write.year,
        source_format: p.write.source.format,
        source_file: p.write.source.file,
        source_line: p.write.source.line,
        reason: isRetraction(p.write) ? p.write.reason.trim() : null,
      } as Record<string, unknown>;
    });
    await client.query(
      `insert into index_stage (${columns.map(([name]) => name).join(', ')})
       select * from unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`,
      columns.map(([name]) => rows.map((r) => r[name] ?? null)),
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
  previous_status: IndexStatus | null;
  first_change: string | null;
  last_change: string | null;
  change_count: number;
}

/**
 * The write: records whose values differ are inserted or replaced, retracted desa-years deleted, and
 * each such desa-year gets its change-log row (tagged with the family) with the value it replaced
 * and the family's change detail of the new value, in one statement.
 */
async function upsertAndLog<R extends FamilyWriteBase, X>(client: pg.ClientBase, family: IndexFamily<R, X>, actor: string): Promise<WrittenRow[]> {
  const names = family.columns.map((c) => c.name);
  const detail = family.changeDetail ? `jsonb_build_object(${Object.entries(family.changeDetail).map(([key, column]) => `'${key}', a.${column}`).join(', ')})` : 'null::jsonb';
  const update = (c: IndexFamily<R, X>['columns'][number]) => c.update ?? `excluded.${c.name}`;
  const compared = family.columns.filter((c) => c.compared);
  const t = family.table;
  const { rows } = await client.query<WrittenRow>(
    `with incoming as (
      select s.*, v.district_code, v.kabupaten_code, v.province_code from index_stage s join village v on v.code = s.village_code where not s.retract
    ),
    previous as (
      select a.village_code, a.year, a.score, coalesce(a.status, a.derived_status) as status
      from ${t} a join index_stage s on s.village_code = a.village_code and s.year = a.year
    ),
    written as (
      insert into ${t} as a (village_code, district_code, kabupaten_code, province_code, year, ${names.join(', ')},
        published_code, source_format, source_file, source_line, recorded_by)
      select village_code, district_code, kabupaten_code, province_code, year, ${family.columns.map((c) => c.insert ?? c.name).join(', ')},
        published_code, source_format, source_file, source_line, $1
      from incoming order by village_code, year
      on conflict (village_code, year) do update set
        ${family.columns.map((c) => `${c.name} = ${update(c)}`).join(', ')}, published_code = excluded.published_code,
        source_format = excluded.source_format, source_file = excluded.source_file, source_line = excluded.source_line,
        recorded_by = excluded.recorded_by, recorded_at = now()
      -- The same values from another file or line are not a change: re-imports write nothing.
      where (${compared.map((c) => c.compareAs?.stored ?? `a.${c.name}`).join(', ')})
        is distinct from (${compared.map((c) => c.compareAs?.incoming ?? update(c)).join(', ')})
      returning a.id, a.village_code, a.year, a.score, coalesce(a.status, a.derived_status) as status, (xmax = 0) as inserted, ${detail} as detail
    ),
    removed as (
      delete from ${t} a using index_stage s where s.retract and a.village_code = s.village_code and a.year = s.year
      returning a.id, a.village_code, a.year
    ),
    changes as (
      insert into idm_change (family, village_code, year, previous_score, previous_status, score, status, movement, source_format, source_file,
                              source_line, recorded_by, reason, detail)
      select '${family.id}'::index_family, c.* from (
        select w.village_code, w.year, p.score, p.status, w.score, w.status, ${movementSql('p.status', 'w.status')},
               i.source_format, i.source_file, i.source_line, $1::text, null::text, w.detail
        from written w join incoming i on i.village_code = w.village_code and i.year = w.year
        left join previous p on p.village_code = w.village_code and p.year = w.year
        union all
        select r.village_code, r.year, p.score, p.status, null::float8, null::idm_status, ${movementSql('p.status', 'null::idm_status')},
               s.source_format, s.source_file, s.source_line, $1::text, s.reason, null::jsonb
        from removed r join index_stage s on s.village_code = r.village_code and s.year = r.year
        join previous p on p.village_code = r.village_code and p.year = r.year
      ) c order by 1, 2
      returning id
    ),
    done as (
      select 'written' as kind, w.id, i.idx, w.inserted, null::float8 as previous_score, null::idm_status as previous_status
      from written w join incoming i on i.village_code = w.village_code and i.year = w.year
      union all
      select 'removed', r.id, s.idx, false, p.score, p.status from removed r join index_stage s on s.village_code = r.village_code and s.year = r.year
      join previous p on p.village_code = r.village_code and p.year = r.year
    )
    select d.*, (select min(id) from changes)::text as first_change, (select max(id) from changes)::text as last_change,
           (select count(*) from changes)::int as change_count
    from done d`,
    [actor],
  );
  return rows;
}

/** Keeps the family's per-year counts: exact, since writers take turns under the lock above. */
async function countYears<R extends FamilyWriteBase, X>(client: pg.ClientBase, family: IndexFamily<R, X>, deltas: { year: number; delta: number }[]): Promise<void> {
  const byYear = new Map<number, number>();
  for (const d of deltas) if (d.delta) byYear.set(d.year, (byYear.get(d.year) ?? 0) + d.delta);
  if (byYear.size === 0) return;
  const t = family.yearTable;
  await client.query(
    `insert into ${t} (year, assessed) select * from unnest($1::int[], $2::int[])
     on conflict (year) do update set assessed = ${t}.assessed + excluded.assessed`,
    [[...byYear.keys()], [...byYear.values()]],
  );
  await client.query(`delete from ${t} where assessed = 0`);
}

/** Remember codes the register lacks that names placed, so village(code:) finds the desa by either. */
async function rememberAliases(client: pg.ClientBase, placed: Placed<FamilyWriteBase>[]): Promise<void> {
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
 * The one path every write of a family takes (imports, sync, the mutations): one transaction around
 * `writeFamily` (rolled back for a dry run), then the announcement of the new change-log rows once
 * they are committed.
 */
export async function recordFamily<R extends FamilyWriteBase, X>(
  db: Transactional,
  family: IndexFamily<R, X>,
  writes: readonly (R | FamilyRetraction<X>)[],
  options: WriteOptions & { publisher?: ChangePublisher },
): Promise<WriteReport> {
  const report = await db.transaction((client) => writeFamily(client, family, writes, options), { commit: !options.dryRun });
  // After commit: a crash or a notifier that is down (Redis restarting) delays the news, as the
  // instances also poll the change log; it never loses an event, and never fails a committed write.
  if (!options.dryRun && report.changeIds) await options.publisher?.publish(report.changeIds.last).catch(() => undefined);
  return report;
}
