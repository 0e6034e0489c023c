import { familyOfYear, FAMILIES, IDM, type ListOrder } from './family';
import type { IdmMovement, IdmStatus, IndexFamily } from './generated/graphql';
import type { MapMeasure } from './map';

/** Where the page is: a level and code, and the view's settings. Every state has a URL to share. */
export type RegionPlace = { level: 'nation' } | { level: 'province'; code: string } | { level: 'kabupaten'; code: string } | { level: 'district'; code: string };

export type Place = RegionPlace | { level: 'desa'; code: string } | { level: 'program'; slug: string | null };

export interface Route {
  place: Place;
  /** The index switch (IDM / Indeks Desa); null: the family of the year, or of the scope's latest published year. */
  index: IndexFamily | null;
  /** Null: the latest assessed year. */
  year: number | null;
  /** Legend filter of the village list. */
  statuses: IdmStatus[];
  movement: IdmMovement[];
  order: ListOrder;
  /** What colours the regions on the map: the share Mandiri+Maju (the default, unnamed in the URL) or the mean (`map=MEAN`). */
  map: MapMeasure;
}

const BASE = '/dashboard';
const STATUSES = ['SANGAT_TERTINGGAL', 'TERTINGGAL', 'BERKEMBANG', 'MAJU', 'MANDIRI'];
const MOVEMENTS = ['UP', 'DOWN', 'SAME', 'NEW'];
const INDICES = Object.keys(FAMILIES);

/** A list order as the URL writes it (the API's name: IDM_SCORE_DESC, INDEKS_DESA_SCORE_DESC, CODE). */
function orderOf(value: string): ListOrder {
  if (value === 'CODE') return 'CODE';
  return value.endsWith('SCORE_DESC') ? 'SCORE_DESC' : 'SCORE_ASC';
}

function list<T extends string>(value: string | null, allowed: string[]): T[] {
  return (value ?? '').split(',').filter((v) => allowed.includes(v)) as T[];
}

export function parseRoute(url: URL): Route {
  const parts = url.pathname.slice(BASE.length).split('/').filter(Boolean).map(decodeURIComponent);
  let place: Place = { level: 'nation' };
  const [level, code] = parts;
  if ((level === 'province' || level === 'kabupaten' || level === 'district' || level === 'desa') && code) place = { level, code };
  else if (level === 'program') place = { level: 'program', slug: code ?? null };
  const year = Number(url.searchParams.get('year'));
  const order = url.searchParams.get('order') ?? '';
  const index = url.searchParams.get('index') ?? '';
  return {
    place,
    index: INDICES.includes(index) ? (index as IndexFamily) : null,
    year: Number.isInteger(year) && year > 0 ? year : null,
    statuses: list(url.searchParams.get('status'), STATUSES),
    movement: list(url.searchParams.get('movement'), MOVEMENTS),
    order: orderOf(order),
    map: url.searchParams.get('map') === 'MEAN' ? 'MEAN' : 'TOP',
  };
}

export function placePath(place: Place): string {
  if (place.level === 'nation') return `${BASE}/`;
  if (place.level === 'program') return `${BASE}/program${place.slug ? `/${encodeURIComponent(place.slug)}` : ''}`;
  return `${BASE}/${place.level}/${place.code}`;
}

export function routeUrl(route: Route): string {
  const params = new URLSearchParams();
  // IDM is the default family, so IDM's URLs read as before; the Indeks Desa is named.
  if (route.index && route.index !== IDM.id) params.set('index', route.index);
  if (route.year) params.set('year', String(route.year));
  if (route.statuses.length) params.set('status', route.statuses.join(','));
  if (route.movement.length) params.set('movement', route.movement.join(','));
  const family = route.index ? FAMILIES[route.index] : route.year ? familyOfYear(route.year) : IDM;
  if (route.order !== 'SCORE_ASC') params.set('order', route.order === 'CODE' ? 'CODE' : family.orders[route.order]);
  if (route.map === 'MEAN') params.set('map', 'MEAN');
  const search = params.toString();
  return placePath(route.place) + (search ? `?${search}` : '');
}

const listeners = new Set<() => void>();

/** Opens `url` as a new history entry; at the top of the page unless `keepScroll` (a setting changed in place, such as the map's colour switch). */
export function navigate(url: string, keepScroll = false): void {
  history.pushState(null, '', url);
  if (!keepScroll) window.scrollTo(0, 0);
  for (const listener of listeners) listener();
}

export function onNavigate(listener: () => void): () => void {
  listeners.add(listener);
  const pop = () => listener();
  window.addEventListener('popstate', pop);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', pop);
  };
}

/** Follows a same-page link without a reload; modified clicks (new tab) are left to the browser. */
export function followLink(event: MouseEvent): void {
  const anchor = (event.target as Element).closest('a');
  if (!anchor || anchor.target || anchor.origin !== location.origin || !anchor.pathname.startsWith(BASE)) return;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search);
}
