import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { IdmIndicatorRecord, IdmRecord, IdmRetraction, IdmWrite } from './idm-record';
import { IndexFamilyId, type IndexFamily } from '../index-family/index-family';
import { recordFamily, writeFamily, type ChangePublisher, type Transactional } from '../index-family/write-store';
import type { WriteOptions, WriteReport } from '../index-family/write-report';
import { potentialGain, scoreToTarget, statusFromScore, targetMinScore, targetStatus } from './idm.rules';
import { validateRecord, validateYear } from './idm.validation';
import { buildRumusan, rumusanResidue, type RumusanNames, type RumusanResidue } from './rumusan';

/**
 * IDM as an index family of the shared write path (src/index-family/write-plan.ts and
 * write-store.ts), used by the file importers, the live sync and the GraphQL mutations: its
 * columns, its derived values, its checks, and its indicators kept beside each written assessment.
 */

export type { ChangePublisher, Transactional } from '../index-family/write-store';
export { OutOfScopeError, RejectedBatchError, type Reject, type Remap, type Warning, type WriteOptions, type WriteReport } from '../index-family/write-report';

const CHUNK = 5_000;

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

export const IDM_FAMILY: IndexFamily<IdmRecord, NonNullable<IdmRetraction['expected']>> = {
  id: IndexFamilyId.IDM,
  name: 'IDM',
  scale: { min: 0, max: 1, decimals: 4 },
  statusFromScore,
  validate: validateRecord,
  validateYear,
  table: 'idm_assessment',
  yearTable: 'idm_year',
  columns: [
    { name: 'iks', type: 'float8', compared: true },
    { name: 'ike', type: 'float8', compared: true },
    { name: 'ikl', type: 'float8', compared: true },
    { name: 'score', type: 'float8', compared: true },
    { name: 'status', type: 'idm_status', compared: true },
    { name: 'derived_status', type: 'idm_status', compared: false },
    { name: 'target_status', type: 'idm_status', compared: true },
    { name: 'target_min_score', type: 'float8', compared: true },
    { name: 'score_to_target', type: 'float8', compared: true },
    { name: 'note', type: 'text', compared: false },
    // A spreadsheet row carries no indicators: it keeps those an API response stored.
    { name: 'indicators_hash', type: 'text', compared: true, update: 'coalesce(excluded.indicators_hash, a.indicators_hash)' },
    // JSON staged as text and cast where it is stored (json keeps the text, and so the key order, as given).
    // Names describe the desa whichever source wrote last; the residue only holds for the API response it came with.
    {
      name: 'published_names',
      type: 'text',
      compared: false,
      insert: 'published_names::jsonb',
      update: 'case when excluded.published_residue is not null then excluded.published_names else coalesce(excluded.published_names, a.published_names) end',
    },
    // An API response that says the same in other words (its residue differs) is a change: /rumusan serves it.
    {
      name: 'published_residue',
      type: 'text',
      compared: true,
      insert: 'published_residue::json',
      compareAs: { stored: 'a.published_residue::text', incoming: 'coalesce(excluded.published_residue::text, a.published_residue::text)' },
    },
  ],
  values(record, villageCode) {
    const derived = derive(record);
    const names = publishedNames(record);
    const residue = record.published !== undefined ? publishedResidue(villageCode, record, derived, names ?? {}) : null;
    return {
      iks: record.iks,
      ike: record.ike,
      ikl: record.ikl,
      score: record.score,
      status: record.status,
      derived_status: derived.derivedStatus,
      target_status: derived.targetStatus,
      target_min_score: derived.targetMinScore,
      score_to_target: derived.scoreToTarget,
      note: record.note ?? null,
      indicators_hash: indicatorsHash(record.indicators),
      published_names: names ? JSON.stringify(names) : null,
      published_residue: residue ? JSON.stringify(residue) : null,
    };
  },
  expectedColumns: ['iks', 'ike', 'ikl', 'score', 'status'],
  differs: (e, row) => e.iks !== row.iks || e.ike !== row.ike || e.ikl !== row.ikl || e.score !== row.score || (e.status ?? null) !== row.status,
  afterWrite: replaceIndicators,
};

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

/** IDM writes through the shared write path, inside the caller's transaction. */
export function writeAssessments(client: pg.ClientBase, writes: readonly IdmWrite[], options: WriteOptions): Promise<WriteReport> {
  return writeFamily(client, IDM_FAMILY, writes, options);
}

/** The one path every IDM write takes (imports, sync, the mutations); see `recordFamily`. */
export function recordAssessments(db: Transactional, writes: readonly IdmWrite[], options: WriteOptions & { publisher?: ChangePublisher }): Promise<WriteReport> {
  return recordFamily(db, IDM_FAMILY, writes, options);
}
