import { geoIdentity, geoPath } from 'd3-geo';
import type { MultiPolygon, Polygon } from 'geojson';
import { formatScore, type Family } from './family';
import { count, percent, STATUS_COLOURS, STATUS_NAMES, STATUS_ORDER } from './format';
import type { IdmStatus } from './generated/graphql';
import type { ChildSummary } from './summary';

/** A region's shape as the API's `boundary` answers it (RFC 7946, [lng, lat]); null when it has none. */
export type Shape = Polygon | MultiPolygon;

/** The shapes of one view, by region code: fetched with the view's first answer and kept across its refreshes. */
export type Shapes = ReadonlyMap<string, Shape>;

/** How the map colours a region: the share of its desa Mandiri or Maju, or its mean score. */
export type MapMeasure = 'TOP' | 'MEAN';

/** The width of the map's coordinate space (its viewBox); the SVG scales to its box. */
export const MAP_WIDTH = 960;
const MIN_HEIGHT = 240;
const MAX_HEIGHT = 560;
const PAD = 6;

export interface Projected {
  width: number;
  height: number;
  /** SVG path data by region code. */
  paths: Map<string, string>;
}

/**
 * The shapes as SVG paths, fitted to a MAP_WIDTH-wide box whose height follows the shapes.
 *
 * A planar projection of longitude and latitude (geoIdentity, y flipped), not geoMercator:
 * Indonesia lies within 11° of the equator, where Mercator stretches by under 2%, and a planar path
 * neither resamples (each point costs one multiply-add) nor reads rings by the spherical winding
 * rule, under which an RFC 7946 counter-clockwise outer ring is the whole globe minus the region.
 * Paths keep one decimal: a tenth of a unit of a 960-wide map is finer than a screen pixel.
 */
export function project(shapes: Shapes): Projected {
  let projected = projections.get(shapes);
  if (!projected) projections.set(shapes, (projected = projectNow(shapes)));
  return projected;
}

/** Each set of shapes projected once, whichever map draws it (the national map is mounted again when the key figures land above it). */
const projections = new WeakMap<Shapes, Projected>();

function projectNow(shapes: Shapes): Projected {
  const collection = { type: 'GeometryCollection' as const, geometries: [...shapes.values()] };
  const projection = geoIdentity().reflectY(true);
  const path = geoPath(projection).digits(1);
  const [[x0, y0], [x1, y1]] = path.bounds(collection);
  const aspect = x1 > x0 ? (y1 - y0) / (x1 - x0) : 1;
  const height = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, MAP_WIDTH * aspect)));
  projection.fitExtent(
    [
      [PAD, PAD],
      [MAP_WIDTH - PAD, height - PAD],
    ],
    collection,
  );
  const paths = new Map<string, string>();
  for (const [code, shape] of shapes) {
    const d = path(shape);
    if (d) paths.set(code, d);
  }
  return { width: MAP_WIDTH, height, paths };
}

/** No figures for the region in the year on screen. */
export const NO_DATA = '#d9dee4';

/** Five sequential classes, light to dark (ColorBrewer YlGnBu): apart from the status colours, so a region's shade never reads as a status. */
const RAMP = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'];

export interface LegendEntry {
  colour: string;
  label: string;
  /** The status the entry stands for, on a desa map. */
  status?: IdmStatus;
}

export interface Scale {
  colour(value: number | null | undefined): string;
  legend: LegendEntry[];
}

/**
 * The sequential scale of a region map. The share Mandiri+Maju has fixed classes (0–20% … 80–100%),
 * so a live change never moves the legend; a mean has five equal classes between the lowest and
 * highest mean on the map, since a family's means cluster (IDM's kabupaten lie within 0.55–0.85)
 * and its whole scale would paint them alike.
 */
export function regionScale(measure: MapMeasure, family: Family, values: (number | null | undefined)[]): Scale {
  let lo = 0;
  let hi = 1;
  let label = (a: number, b: number) => `${percent(a)} – ${percent(b)}`;
  if (measure === 'MEAN') {
    const present = values.filter((v): v is number => v != null);
    lo = present.length ? Math.min(...present) : 0;
    hi = present.length ? Math.max(...present) : family.max;
    label = (a, b) => `${formatScore(family, a)} – ${formatScore(family, b)}`;
  }
  const step = (hi - lo) / RAMP.length;
  const colour = (value: number | null | undefined) => {
    if (value == null) return NO_DATA;
    if (step <= 0) return RAMP[RAMP.length - 1]!;
    return RAMP[Math.min(RAMP.length - 1, Math.max(0, Math.floor((value - lo) / step)))]!;
  };
  const legend = RAMP.map((c, i) => ({ colour: c, label: label(lo + i * step, lo + (i + 1) * step) }));
  return { colour, legend: [...legend, { colour: NO_DATA, label: 'no data' }] };
}

/** A desa map: each desa in its status's official colour (the StatusBar's and StatusPill's). */
export const statusScale = {
  colour: (status: IdmStatus | null | undefined) => (status ? STATUS_COLOURS[status] : NO_DATA),
  legend: [...[...STATUS_ORDER].reverse().map((status) => ({ colour: STATUS_COLOURS[status], label: STATUS_NAMES[status], status })), { colour: NO_DATA, label: 'not assessed' }] as LegendEntry[],
};

/** One region (or desa) as the map draws it: its fill from the figures of the latest answer. */
export interface MapArea {
  code: string;
  name: string;
  /** Its view: a click drills down to it. */
  href: string;
  fill: string;
  /** Its figures, one line: "Mandiri+Maju 34.5% · mean 0.7012 · 120 assessed". */
  details: string;
}

/** A region on the map with its figures; its shape comes apart (Shapes), once per view. */
export interface MapRegion {
  code: string;
  name: string;
  summary: Pick<ChildSummary, 'assessed' | 'mean' | 'top'> | null;
}

/** A desa on the map with its value of the year. */
export interface MapDesa {
  code: string;
  name: string;
  value: { score: number; status: IdmStatus | null } | null;
}

/** Regions coloured by `measure` on a sequential scale, with the legend of that scale. */
export function regionAreas(regions: MapRegion[], measure: MapMeasure, family: Family, hrefOf: (code: string) => string): { areas: MapArea[]; legend: LegendEntry[] } {
  const valueOf = (r: MapRegion) => (!r.summary?.assessed ? null : measure === 'TOP' ? r.summary.top : (r.summary.mean?.score ?? null));
  const scale = regionScale(measure, family, regions.map(valueOf));
  const areas = regions.map((r) => ({
    code: r.code,
    name: r.name,
    href: hrefOf(r.code),
    fill: scale.colour(valueOf(r)),
    details: r.summary?.assessed
      ? `Mandiri+Maju ${percent(r.summary.top)} · mean ${formatScore(family, r.summary.mean?.score)} · ${count(r.summary.assessed)} desa assessed`
      : 'no desa assessed',
  }));
  return { areas, legend: scale.legend };
}

/** Desa coloured by their status. */
export function desaAreas(desa: MapDesa[], family: Family, hrefOf: (code: string) => string): { areas: MapArea[]; legend: LegendEntry[] } {
  const areas = desa.map((d) => ({
    code: d.code,
    name: d.name,
    href: hrefOf(d.code),
    fill: statusScale.colour(d.value?.status),
    details: d.value ? `${d.value.status ? STATUS_NAMES[d.value.status] : 'no status'} · ${family.name} ${formatScore(family, d.value.score)}` : 'not assessed',
  }));
  return { areas, legend: statusScale.legend };
}
