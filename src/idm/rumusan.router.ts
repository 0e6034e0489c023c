import express, { type Request, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import type { Context, ContextFactory, Services } from '../graphql/context';
import type { Admission } from '../admission/admission';
import { etagMatches } from '../http/etag';
import type { Logger } from '../logger';
import { tryParseCode } from '../region/region-code';
import { IdmIndex, IdmMovement, type IdmStatus } from './idm-status';
import { isAssessmentYear } from './idm.rules';
import {
  applyResidue,
  buildRumusan,
  NOT_FOUND_MESSAGE,
  publishedStyleName,
  rumusanError,
  type RumusanIndicator,
  type RumusanNames,
  type RumusanResidue,
} from './rumusan';

/**
 * `GET /open/api/desa/rumusan/{kode}/{tahun}`: the Kemendes IDM API's own path and JSON, served from
 * what is stored, so OpenSID's "Status IDM" page (setting `api_idm`) and this API's `sync:idm`
 * (`KEMENDES_API_URL`) can use this server instead of idm.kemendesa.go.id by changing one URL.
 *
 * A desa-year stored from an API response and not changed since is answered with that response as
 * published; any other is built in the same shape (rumusan.ts). `kode` is any form the register
 * knows: 10 digits or dotted, or a code the desa was once published under (village_code_alias).
 * Answers carry `ETag` and `Last-Modified` from the desa-year's last write and are answered 304 on
 * a matching conditional request; each request is charged a small query's cost to the rate limit.
 */
export const RUMUSAN_PATH = '/open/api/desa/rumusan/:kode/:tahun';

/** Label of the route in `http_route_requests_total`. */
const ROUTE = 'rumusan';

/** What `http_route_requests_total{route="rumusan"}` counts by `outcome`. */
export type RumusanOutcome = 'published' | 'synthesised' | 'not_modified' | 'not_found' | 'retracted' | 'malformed' | 'unauthenticated' | 'rate_limited';

/** Sent with a 200: whether the body is the stored API response or built from the stored values. */
export const RUMUSAN_SOURCE_HEADER = 'x-rumusan-source';

export interface RumusanRouterOptions {
  services: Services;
  createContext: ContextFactory;
  /** Charges each request as a small query, as every transport is charged. */
  admission: Admission;
  clientOf: (req: Request) => string;
  metrics: { countRoute(route: string, outcome: RumusanOutcome): void };
  /** `Cache-Control: public, max-age` of the answers (RUMUSAN_MAX_AGE_S). */
  maxAgeSeconds: number;
  log: Logger;
}

interface StoredRow {
  /** The register desa the code stands for; null for a code the register and its aliases lack. */
  village_code: string | null;
  village_name: string | null;
  district_name: string | null;
  kabupaten_name: string | null;
  province_name: string | null;
  id: string | null;
  year: number;
  iks: number;
  ike: number;
  ikl: number;
  score: number;
  status: IdmStatus | null;
  derived_status: IdmStatus;
  target_status: IdmStatus;
  target_min_score: number;
  score_to_target: number;
  published_names: RumusanNames | null;
  published_residue: RumusanResidue | null;
  recorded_at: Date;
  /** recorded_at in microseconds, for the ETag (Last-Modified has whole seconds only). */
  version: string;
  last_movement: IdmMovement | null;
  last_reason: string | null;
}

/**
 * One statement: the desa the code stands for (its own code first, then an alias), its assessment
 * of the year, and its latest change of that year (to tell a retracted desa-year from an unknown one).
 */
const LOOKUP = `
  with target as (
    select coalesce((select code from village where code = $1),
                    (select village_code from village_code_alias where alias_code = $1)) as code
  )
  select v.code as village_code, v.name as village_name, d.name as district_name, k.name as kabupaten_name, p.name as province_name,
         a.id::text as id, a.year, a.iks, a.ike, a.ikl, a.score, a.status, a.derived_status, a.target_status, a.target_min_score,
         a.score_to_target, a.published_names, a.published_residue, a.recorded_at,
         (extract(epoch from a.recorded_at) * 1000000)::bigint::text as version,
         c.movement as last_movement, c.reason as last_reason
  from target t
  left join village v on v.code = t.code
  left join district d on d.code = v.district_code
  left join kabupaten k on k.code = v.kabupaten_code
  left join province p on p.code = v.province_code
  left join idm_assessment a on a.village_code = v.code and a.year = $2
  left join lateral (select movement, reason from idm_change where village_code = v.code and year = $2 order by id desc limit 1) c on true`;

const INDICATORS = `
  select index, number, name, score, description, activity, potential_gain as "potentialGain",
         json_build_object('pusat', actor_pusat, 'provinsi', actor_provinsi, 'kabupaten', actor_kabupaten,
                           'desa', actor_desa, 'csr', actor_csr, 'lainnya', actor_lainnya) as actors
  from idm_indicator where assessment_id = $1`;

const INDEX_ORDER: readonly IdmIndex[] = [IdmIndex.IKS, IdmIndex.IKE, IdmIndex.IKL];

/** True when the resource, last modified at `modified`, is no newer than `If-Modified-Since` (whole seconds). */
function notModifiedSince(header: string | undefined, modified: Date): boolean {
  if (!header) return false;
  const since = Date.parse(header);
  return Number.isFinite(since) && Math.floor(modified.getTime() / 1000) <= Math.floor(since / 1000);
}

export function rumusanRouter(options: RumusanRouterOptions): Router {
  const { services, createContext, admission, clientOf, metrics, maxAgeSeconds, log } = options;
  const router = express.Router();

  const fail = (res: Response, status: number, message: string, outcome: RumusanOutcome) => {
    metrics.countRoute(ROUTE, outcome);
    // Kemendes' own shape; `status` in the body repeats the HTTP status, as theirs does.
    res.status(status).setHeader('cache-control', 'no-store');
    res.type('application/json').send(JSON.stringify(rumusanError(status, message)));
  };

  router.get(RUMUSAN_PATH, async (req, res, next) => {
    try {
      const client = clientOf(req);
      const refused = await admission.arrive(client);
      if (refused) {
        const retryAfter = refused.retryAfter ?? 1;
        res.setHeader('retry-after', String(retryAfter));
        return fail(res, 429, `Terlalu banyak permintaan dari alamat Anda: coba lagi dalam ${retryAfter} detik`, 'rate_limited');
      }
      let context: Context;
      try {
        // The same credentials as /graphql: anonymous reads unless REQUIRE_TOKEN_FOR_READS, a bad token refused.
        context = await createContext(services, { authorization: req.headers.authorization, requestId: String(req.id), clientAddress: client });
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        return fail(res, 401, error.message, 'unauthenticated');
      }

      const { kode, tahun } = req.params as { kode: string; tahun: string };
      const code = tryParseCode(kode, 'village');
      if (code === undefined) {
        return fail(res, 400, `Kode desa "${kode}" tidak valid: gunakan kode Kemendagri 10 digit (7201062009) atau bertitik (72.01.06.2009)`, 'malformed');
      }
      if (!/^\d{4}$/.test(tahun)) return fail(res, 400, `Tahun "${tahun}" tidak valid: gunakan tahun 4 digit (2024)`, 'malformed');
      const year = Number(tahun);
      if (!isAssessmentYear(year)) return fail(res, 400, NOT_FOUND_MESSAGE, 'not_found');

      const [row] = await context.sql.query<StoredRow>(LOOKUP, [code, year]);
      if (!row?.village_code) return fail(res, 400, NOT_FOUND_MESSAGE, 'not_found');
      if (row.id === null) {
        if (row.last_movement === IdmMovement.RETRACTED) {
          return fail(res, 400, `${NOT_FOUND_MESSAGE}: data IDM ${year} desa ini ditarik kembali${row.last_reason ? ` (${row.last_reason})` : ''}`, 'retracted');
        }
        return fail(res, 400, NOT_FOUND_MESSAGE, 'not_found');
      }

      const etag = `W/"${row.id}-${row.version}"`;
      res.setHeader('etag', etag);
      res.setHeader('last-modified', row.recorded_at.toUTCString());
      res.setHeader('cache-control', `public, max-age=${maxAgeSeconds}`);
      const ifNoneMatch = req.headers['if-none-match'];
      // If-None-Match decides when present (RFC 9110 §13.2.2); If-Modified-Since only without it.
      if (ifNoneMatch !== undefined ? etagMatches(ifNoneMatch, etag) : notModifiedSince(req.headers['if-modified-since'], row.recorded_at)) {
        metrics.countRoute(ROUTE, 'not_modified');
        return res.status(304).end();
      }

      const indicators = await context.sql.query<RumusanIndicator>(INDICATORS, [row.id]);
      indicators.sort((a, b) => INDEX_ORDER.indexOf(a.index) - INDEX_ORDER.indexOf(b.index) || a.number - b.number);
      const published = row.published_residue !== null;
      // The residue was computed against the published names alone; only a built answer fills gaps from the register.
      const names: RumusanNames = published
        ? (row.published_names ?? {})
        : {
            province: row.published_names?.province ?? publishedStyleName(row.province_name!),
            kabupaten: row.published_names?.kabupaten ?? publishedStyleName(row.kabupaten_name!),
            district: row.published_names?.district ?? publishedStyleName(row.district_name!),
            village: row.published_names?.village ?? publishedStyleName(row.village_name!),
          };
      const built = buildRumusan({
        villageCode: row.village_code,
        names,
        assessment: {
          year: row.year,
          iks: row.iks,
          ike: row.ike,
          ikl: row.ikl,
          score: row.score,
          status: row.status,
          derivedStatus: row.derived_status,
          targetStatus: row.target_status,
          targetMinScore: row.target_min_score,
          scoreToTarget: row.score_to_target,
        },
        indicators,
      });
      let body: unknown = built;
      let source: 'published' | 'synthesised' = 'synthesised';
      if (published) {
        try {
          body = applyResidue(built, row.published_residue);
          source = 'published';
        } catch (error) {
          // Only a residue stored by another version of the builder can misfit: serve the built answer, and say so.
          log.warn({ err: error, villageCode: row.village_code, year }, 'rumusan residue does not fit; serving the built response');
        }
      }
      metrics.countRoute(ROUTE, source);
      res.setHeader(RUMUSAN_SOURCE_HEADER, source);
      res.status(200).type('application/json').send(JSON.stringify(body));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
