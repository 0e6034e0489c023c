import { readAfterOf } from '../http/consistency.plugin';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import express, { type Router } from 'express';
import { GraphQLError } from 'graphql';
import type { Context, ContextFactory, Services } from '../graphql/context';
import { BadUserInputError, ErrorCode } from '../errors';
import { sendGraphQLError, sendRefusal } from '../http/graphql-error-response';
import { IndexFamilyId } from '../index-family/index-family';
import { IndexMovement, IndexStatus, movementSql } from '../index-family/index-status';
import { currentStatus, previousAssessmentJoin } from '../index-family/level.repository';
import { isRefusal, type Admission } from '../admission/admission';
import type { Logger } from '../logger';
import { VillageKind } from '../region/region.enums';
import { param } from '../region/region.repository';
import { villageListQuery } from './village-list.query';
import { LIST_FAMILIES, listConditions, listSource, ordering, sortScore, villageSortKey, type ListFamily, type VillageListQuery, type VillageOrder } from './village-list.repository';
import { VillageOrderBy, type VillageArgs, type VillageFilter } from './village-list.types';

/**
 * `GET /export/villages.csv?…`: any village list as CSV, with the filters and order of the
 * `villages` query as query parameters (`kabupatenCode=64.02&idmStatus=TERTINGGAL,SANGAT_TERTINGGAL
 * &orderBy=IDM_SCORE_ASC`), each row with its region names and its value of one index family of
 * the filter year: IDM by default (the latest year present when no idmYear is given), the Indeks
 * Desa with `index=INDEKS_DESA` (its six dimensions; the latest year present when no
 * indeksDesaYear is given).
 *
 * Streamed: keyset pages of EXPORT_PAGE rows (the list's own order and cursors) go through
 * csv-stringify to the response as the client reads, so memory stays flat and no database
 * connection waits on a slow client. Charged to the client's rate-limit budget like a query of as
 * many objects as rows (at least a request's minimum), and bounded by MAX_EXPORT_ROWS.
 */
export const EXPORT_PATH = '/export/villages.csv';

/** Rows read per statement. */
const EXPORT_PAGE = 2000;

/** Most rows one export may hold: the whole register (83,762 villages) fits. */
export const MAX_EXPORT_ROWS = 100_000;

/** The register's columns of every export, in order. */
const REGISTER_COLUMNS = ['code', 'name', 'kind', 'district_code', 'district', 'kabupaten_code', 'kabupaten', 'province_code', 'province'] as const;

/** The columns of each family's value, after the register's: its year, its components, then what follows from the score. */
const FAMILY_COLUMNS: Readonly<Record<IndexFamilyId, { list: ListFamily; year: string; values: readonly string[] }>> = {
  [IndexFamilyId.IDM]: {
    list: 'idm',
    year: 'idm_year',
    values: ['iks', 'ike', 'ikl', 'score', 'status', 'derived_status', 'status_mismatch'],
  },
  [IndexFamilyId.INDEKS_DESA]: {
    list: 'indeksDesa',
    year: 'indeks_desa_year',
    values: ['layanan_dasar', 'sosial', 'ekonomi', 'lingkungan', 'aksesibilitas', 'tata_kelola', 'score', 'status', 'derived_status', 'score_mismatch'],
  },
};

/** The CSV columns of an export of `index`, in order. */
export function exportColumns(index: IndexFamilyId): string[] {
  const family = FAMILY_COLUMNS[index];
  return [...REGISTER_COLUMNS, family.year, ...family.values, 'movement', 'target_status', 'score_to_target'];
}

/** The CSV columns of the default (IDM) export, in order. */
export const EXPORT_COLUMNS = exportColumns(IndexFamilyId.IDM);

type ExportRow = Record<string, string | number | boolean | null> & { sortScore?: number };

const LIST = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);

function oneOf<T extends string>(values: readonly T[], value: string, parameter: string): T {
  if (!(values as readonly string[]).includes(value)) throw new BadUserInputError(`${parameter} must be one of ${values.join(', ')}, got "${value}"`, { argument: parameter });
  return value as T;
}

function number(value: string, parameter: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new BadUserInputError(`${parameter} must be a number, got "${value}"`, { argument: parameter });
  return n;
}

/** Each query parameter and how it becomes a VillageFilter field. */
const PARAMETERS: Record<string, (filter: VillageFilter, value: string) => void> = {
  search: (f, v) => void (f.search = v),
  kind: (f, v) => void (f.kind = oneOf(Object.values(VillageKind), v, 'kind')),
  provinceCode: (f, v) => void (f.provinceCode = v),
  kabupatenCode: (f, v) => void (f.kabupatenCode = v),
  districtCode: (f, v) => void (f.districtCode = v),
  programSlug: (f, v) => void (f.programSlug = v),
  idmYear: (f, v) => void (f.idmYear = number(v, 'idmYear')),
  idmStatus: (f, v) => void (f.idmStatus = LIST(v).map((s) => oneOf(Object.values(IndexStatus), s, 'idmStatus'))),
  minScore: (f, v) => void (f.minScore = number(v, 'minScore')),
  maxScore: (f, v) => void (f.maxScore = number(v, 'maxScore')),
  movement: (f, v) => void (f.movement = LIST(v).map((m) => oneOf(Object.values(IndexMovement), m, 'movement'))),
  statusMismatch: (f, v) => void (f.statusMismatch = oneOf(['true', 'false'], v, 'statusMismatch') === 'true'),
  indeksDesaYear: (f, v) => void (f.indeksDesaYear = number(v, 'indeksDesaYear')),
  indeksDesaStatus: (f, v) => void (f.indeksDesaStatus = LIST(v).map((s) => oneOf(Object.values(IndexStatus), s, 'indeksDesaStatus'))),
  indeksDesaMinScore: (f, v) => void (f.indeksDesaMinScore = number(v, 'indeksDesaMinScore')),
  indeksDesaMaxScore: (f, v) => void (f.indeksDesaMaxScore = number(v, 'indeksDesaMaxScore')),
  indeksDesaMovement: (f, v) => void (f.indeksDesaMovement = LIST(v).map((m) => oneOf(Object.values(IndexMovement), m, 'indeksDesaMovement'))),
};

/** What an export request asks for: the list, and the family whose values its rows carry. */
export interface ExportRequest {
  args: VillageArgs;
  index: IndexFamilyId;
}

/** The `villages` arguments and the family a request's query string stands for; unknown or repeated parameters are refused. */
export function exportArgs(query: Record<string, unknown>): ExportRequest {
  const filter: VillageFilter = {};
  let orderBy = VillageOrderBy.CODE;
  let index = IndexFamilyId.IDM;
  for (const [name, value] of Object.entries(query)) {
    if (typeof value !== 'string') throw new BadUserInputError(`${name} may be given once, as text`, { argument: name });
    if (name === 'orderBy') orderBy = oneOf(Object.values(VillageOrderBy), value, 'orderBy');
    else if (name === 'index') index = oneOf(Object.values(IndexFamilyId), value, 'index');
    else if (PARAMETERS[name]) PARAMETERS[name](filter, value);
    else throw new BadUserInputError(`Unknown parameter ${name}: use ${[...Object.keys(PARAMETERS), 'orderBy', 'index'].join(', ')}`, { argument: name });
  }
  return { args: { filter, orderBy }, index };
}

/** One keyset page of export rows of `index` after the sort key `after`. */
async function exportPage(context: Context, query: VillageListQuery, index: IndexFamilyId, order: VillageOrder, after: string | null): Promise<ExportRow[]> {
  const values: unknown[] = [];
  const source = listSource('root', query, values);
  const sort = ordering(order, after, values);
  const where = [...source.where, ...listConditions(query, values), ...sort.where];
  const family = FAMILY_COLUMNS[index];
  const { level } = LIST_FAMILIES[family.list];
  const asked = query[family.list]?.year;
  const year = asked != null ? param(values, asked) : `(select max(year) from ${level.table})`;
  const score = sortScore(order);
  return context.sql.query<ExportRow>(
    `select v.code, v.name, v.kind, v.district_code, d.name as district, v.kabupaten_code, k.name as kabupaten, v.province_code, p.name as province,
            e.year as ${family.year}, ${family.values.map((c) => `e.${c}`).join(', ')},
            case when e.year is not null then ${movementSql('prev.status', currentStatus('e'))} end as movement,
            e.target_status, e.score_to_target${score ? `, ${score} as "sortScore"` : ''}
     from ${source.from}
     join district d on d.code = v.district_code join kabupaten k on k.code = v.kabupaten_code join province p on p.code = v.province_code
     left join ${level.table} e on e.village_code = v.code and e.year = ${year}
     ${previousAssessmentJoin(level.previousTables, 'e', 'prev')}
     ${where.length ? `where ${where.join(' and ')}` : ''}
     order by ${sort.orderBy} limit ${param(values, EXPORT_PAGE)}`,
    values,
  );
}

async function* exportRows(context: Context, query: VillageListQuery, index: IndexFamilyId, order: VillageOrder): AsyncGenerator<ExportRow> {
  let after: string | null = null;
  for (;;) {
    const rows = await exportPage(context, query, index, order, after);
    for (const { sortScore: _, ...row } of rows) yield row;
    if (rows.length < EXPORT_PAGE) return;
    const last = rows.at(-1)!;
    after = villageSortKey({ code: last.code as string, sortScore: last.sortScore }, order);
  }
}

/** Mounts the export at EXPORT_PATH. */
export function villageExportRouter(services: Services, createContext: ContextFactory, admission: Admission, clientOf: (req: express.Request) => string, log: Logger): Router {
  const router = express.Router();
  router.get(EXPORT_PATH, async (req, res) => {
    const client = clientOf(req);
    let context: Context;
    let total: number;
    let query: VillageListQuery;
    const request = (() => {
      try {
        return exportArgs(req.query as Record<string, unknown>);
      } catch (error) {
        return error as GraphQLError;
      }
    })();
    try {
      // The same credentials as /graphql: a bad token is refused (401), none reads the public data.
      context = await createContext(services, { authorization: req.headers.authorization, requestId: String(req.id), clientAddress: client, readAfter: readAfterOf(req) });
      if (request instanceof GraphQLError) throw request;
      query = await villageListQuery(request.args, context);
      total = await context.loaders.villageList.villageCount('root', query).load('*');
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const { code, http, ...extensions } = error.extensions as { code: ErrorCode; http?: { status?: number } };
      return sendGraphQLError(res, http?.status ?? 400, code, error.message, extensions);
    }
    if (total > MAX_EXPORT_ROWS) {
      return sendGraphQLError(res, 400, ErrorCode.BAD_USER_INPUT, `The list holds ${total} villages, more than the ${MAX_EXPORT_ROWS} an export may: narrow the filter`, { max: MAX_EXPORT_ROWS });
    }
    // Its cost is its rows: the admission core charges them as it charges an operation's objects.
    const decision = await admission.admit({ client, viewer: context.viewer, cost: total });
    if (isRefusal(decision)) return sendRefusal(res, decision);
    res.status(200);
    res.type('text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="villages.csv"');
    res.setHeader('x-total-count', String(total));
    try {
      const { args, index } = request as ExportRequest;
      await pipeline(
        Readable.from(exportRows(context, query, index, args.orderBy ?? VillageOrderBy.CODE)),
        stringify({ header: true, columns: exportColumns(index), cast: { boolean: (b) => String(b) } }),
        res,
      );
    } catch (error) {
      // Headers are gone: the client sees a cut-off file, and the log says why.
      log.warn({ err: error, requestId: String(req.id) }, 'village export ended early');
      res.destroy();
    }
  });
  return router;
}
