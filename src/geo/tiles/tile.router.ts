import express, { type Request, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import { isRefusal, type Admission } from '../../admission/admission';
import type { DataVersion } from '../../db/data-version';
import { ErrorCode } from '../../errors';
import type { Context, ContextFactory, Services } from '../../graphql/context';
import { graphqlCors } from '../../http/cors';
import { etagMatches } from '../../http/etag';
import { sendGraphQLError, sendRefusal } from '../../http/graphql-error-response';
import { REQUEST_MIN_COST } from '../../limits/rate-limit';
import type { FiguresRequest, TileFigures } from './tile-figures';
import { parseTileAddress, TileAddressError } from './tile-math';
import { TILE_LAYERS, tileLayer, type TileLayer } from './tile-layers';
import { tileJson } from './tilejson';
import type { VectorTiles } from './vector-tiles';

/**
 * `GET /tiles/{layer}/{z}/{x}/{y}.mvt` and `GET /tiles/{layer}.json`: the regions' shapes as
 * Mapbox Vector Tiles and a TileJSON per layer, the conventions of pg_tileserv and Martin, so
 * MapLibre, OpenLayers and Leaflet use them as they are. A thin adapter over VectorTiles: it
 * admits the request as every route does, reads the query string, and turns the core's answer
 * into HTTP (204 for an empty tile, a weak ETag of the data version, 304 on a match, gzip when
 * accepted).
 */
export const TILE_PATH = '/tiles/:layer/:z/:x/:y.mvt';
export const TILEJSON_PATH = '/tiles/:layer.json';

/** The media type of MVT (IANA), which MapLibre and OpenLayers read. */
export const MVT_MEDIA_TYPE = 'application/vnd.mapbox-vector-tile';

/** Label of the routes in `http_route_requests_total`. */
const ROUTE = 'tiles';

/** What `http_route_requests_total{route="tiles"}` counts by `outcome`. */
export type TileOutcome = 'tile' | 'empty' | 'not_modified' | 'tilejson' | 'malformed' | 'unauthenticated' | 'rate_limited';

/**
 * What one tile is charged: the least of any request. A map view fetches 10 to 30 tiles at once,
 * most of them answered from memory; a client that pans without end still runs out of budget.
 */
export const TILE_COST = REQUEST_MIN_COST;

export interface TileRouterOptions {
  services: Services;
  createContext: ContextFactory;
  admission: Admission;
  clientOf: (req: Request) => string;
  tiles: VectorTiles;
  figures: TileFigures;
  dataVersion: DataVersion;
  metrics: { countRoute(route: string, outcome: TileOutcome): void };
  /** CORS_ORIGINS: a map page on another origin fetches tiles as it fetches /graphql. */
  corsOrigins: '*' | string[];
  /** TILE_MAX_AGE_S: 0 revalidates every fetch (a 304 while nothing was written). */
  maxAgeSeconds: number;
}

type Admitted = { context: Context } | { refused: TileOutcome };

export function tileRouter(options: TileRouterOptions): Router {
  const { services, createContext, admission, clientOf, tiles, figures, dataVersion, metrics } = options;
  const router = express.Router();
  const cacheControl = options.maxAgeSeconds > 0 ? `public, max-age=${options.maxAgeSeconds}` : 'public, no-cache';

  const fail = (res: Response, status: number, message: string, extensions: Record<string, unknown> = {}): void => {
    metrics.countRoute(ROUTE, 'malformed');
    res.setHeader('cache-control', 'no-store');
    sendGraphQLError(res, status, ErrorCode.BAD_USER_INPUT, message, extensions);
  };

  /**
   * The one admission of a tile request, before any database read: the arrival charge per address,
   * the credentials as /graphql takes them (REQUIRE_TOKEN_FOR_READS, a bad token refused), then the
   * tile's cost. One function, so the route moves with the admission pipeline when it changes.
   */
  const admit = async (req: Request, res: Response): Promise<Admitted> => {
    const client = clientOf(req);
    const arrived = await admission.arrive(client);
    if (arrived) {
      sendRefusal(res, arrived);
      return { refused: 'rate_limited' };
    }
    let context: Context;
    try {
      context = await createContext(services, { authorization: req.headers.authorization, requestId: String(req.id), clientAddress: client });
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      sendGraphQLError(res, 401, ErrorCode.UNAUTHENTICATED, error.message);
      return { refused: 'unauthenticated' };
    }
    const decision = await admission.admit({ client, viewer: context.viewer, cost: TILE_COST, prepaid: REQUEST_MIN_COST });
    if (isRefusal(decision)) {
      sendRefusal(res, decision);
      return { refused: decision.status === 429 ? 'rate_limited' : 'unauthenticated' };
    }
    return { context };
  };

  /** `?index=&year=` as the figures core reads them; undefined without an index. Throws BAD_USER_INPUT. */
  const figuresOf = async (req: Request, context: Context, version: string): Promise<FiguresRequest | undefined> => {
    const { index, year } = req.query as Record<string, unknown>;
    for (const [name, value] of Object.entries({ index, year })) {
      if (value !== undefined && typeof value !== 'string') throw new TileInputError(`${name} may be given once`, name);
    }
    if (index === undefined) {
      if (year !== undefined) throw new TileInputError(`year needs an index: add index=${figures.indices.join(' or index=')}`, 'year');
      return undefined;
    }
    return figures.request(context, index as string, year as string | undefined, version);
  };

  const layerOf = (res: Response, name: string): TileLayer | undefined => {
    const layer = tileLayer(name);
    if (!layer) fail(res, 400, `No tile layer "${name}": use ${TILE_LAYERS.map((l) => l.name).join(', ')}`, { argument: 'layer' });
    return layer;
  };

  router.use('/tiles', graphqlCors(options.corsOrigins));

  router.get(TILE_PATH, async (req, res, next) => {
    try {
      const admitted = await admit(req, res);
      if ('refused' in admitted) return metrics.countRoute(ROUTE, admitted.refused);
      const { layer: name, z, x, y } = req.params as Record<string, string>;
      const layer = layerOf(res, name!);
      if (!layer) return;
      const address = parseTileAddress(z!, x!, y!);
      const version = await dataVersion.now();
      const asked = await figuresOf(req, admitted.context, version);
      // Per URL, so the version and the figures asked for are the whole of what can differ.
      const etag = `W/"${version}${asked ? `-${asked.index}-${asked.year ?? 'none'}` : ''}"`;
      res.setHeader('etag', etag);
      res.setHeader('cache-control', cacheControl);
      res.setHeader('vary', 'accept-encoding');
      if (etagMatches(req.headers['if-none-match'], etag)) {
        metrics.countRoute(ROUTE, 'not_modified');
        return res.status(304).end();
      }
      const tile = await tiles.tile(layer, address, asked, version);
      if (!tile) {
        metrics.countRoute(ROUTE, 'empty');
        return res.status(204).end();
      }
      metrics.countRoute(ROUTE, 'tile');
      res.status(200).setHeader('content-type', MVT_MEDIA_TYPE);
      // MVT is not in the compression middleware's list; tiles are gzipped once and kept.
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        res.setHeader('content-encoding', 'gzip');
        return res.end(await tile.gzip());
      }
      res.end(tile.body);
    } catch (error) {
      if (error instanceof TileAddressError) return fail(res, 400, error.message, { argument: error.part });
      if (error instanceof TileInputError) return fail(res, 400, error.message, { argument: error.argument });
      if (error instanceof GraphQLError && error.extensions.code === ErrorCode.BAD_USER_INPUT) return fail(res, 400, error.message, { argument: error.extensions.argument });
      next(error);
    }
  });

  router.get(TILEJSON_PATH, async (req, res, next) => {
    try {
      const admitted = await admit(req, res);
      if ('refused' in admitted) return metrics.countRoute(ROUTE, admitted.refused);
      const layer = layerOf(res, (req.params as Record<string, string>).layer!);
      if (!layer) return;
      const version = await dataVersion.now();
      const asked = await figuresOf(req, admitted.context, version);
      const query = asked ? `?index=${encodeURIComponent(asked.index)}${req.query.year !== undefined ? `&year=${asked.year}` : ''}` : '';
      const document = tileJson({
        layer,
        tiles: `${req.protocol}://${req.get('host')}/tiles/${layer.name}/{z}/{x}/{y}.mvt${query}`,
        bounds: await tiles.bounds(layer, version),
        figureFields: asked ? figures.fields(layer.level) : {},
        figuresName: asked ? `${asked.index} ${asked.year ?? '(no year published yet)'}` : undefined,
      });
      metrics.countRoute(ROUTE, 'tilejson');
      res.setHeader('cache-control', cacheControl);
      res.status(200).type('application/json').send(JSON.stringify(document));
    } catch (error) {
      if (error instanceof TileInputError) return fail(res, 400, error.message, { argument: error.argument });
      if (error instanceof GraphQLError && error.extensions.code === ErrorCode.BAD_USER_INPUT) return fail(res, 400, error.message, { argument: error.extensions.argument });
      next(error);
    }
  });
  return router;
}

/** A query-string parameter the route itself refuses (the figures' own are BadUserInputErrors). */
class TileInputError extends Error {
  constructor(
    message: string,
    readonly argument: string,
  ) {
    super(message);
  }
}
