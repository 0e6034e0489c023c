import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { query } from '../api';
import { Coverage } from '../components/Coverage';
import { Histogram } from '../components/Histogram';
import { Kpis } from '../components/Kpis';
import { Leaderboard } from '../components/Leaderboard';
import { LiveFeed, type FeedEntry } from '../components/LiveFeed';
import { RegionMap } from '../components/RegionMap';
import { StatusBar } from '../components/StatusBar';
import { VillageTable } from '../components/VillageTable';
import { yearQuery, type Family } from '../family';
import {
  DistrictViewDocument,
  IdDistrictViewDocument,
  IdKabupatenViewDocument,
  IdNationalMapDocument,
  IdNationalViewDocument,
  IdProvinceViewDocument,
  KabupatenViewDocument,
  NationalMapDocument,
  NationalViewDocument,
  ProvinceViewDocument,
  type IdmStatus,
  type IdmSummaryScopeInput,
  type IdmUpdateFilter,
  type IndexFamily,
  type TypedDocumentString,
  type VillageFilter,
} from '../generated/graphql';
import { throttle, useLoad } from '../hooks';
import { live } from '../live';
import { desaAreas, regionAreas, type MapDesa, type MapRegion, type Shape, type Shapes } from '../map';
import { navigate, placePath, routeUrl, type RegionPlace, type Route } from '../route';
import type { Bin, ChildSummary, OfficialCounts, Previous, Ranked, Summary } from '../summary';

export interface Crumb {
  label: string;
  href: string;
}

/** One view's data, whatever its level and family. */
interface RegionData {
  cursor: string;
  name: string;
  crumbs: Crumb[];
  summary: Summary & { histogram: Bin[]; officialCounts?: OfficialCounts | null };
  previous: Previous | null;
  best: Ranked[];
  worst: Ranked[];
  childTitle: string;
  childLevel: 'province' | 'kabupaten' | 'district' | 'desa';
  children: Child[] | null;
  /** Null on the national view, whose map is asked for apart (NationalMap). */
  map: MapSource | null;
  /** When the page asked for this answer (performance.now()): a desa's change seen after it is newer. */
  askedAt: number;
}

/** Desa changes seen live, by code, with when they were seen: they recolour the map before the view's next answer. */
type Changed = ReadonlyMap<string, { value: MapDesa['value']; at: number }>;

/** A region or desa on the map as answered: its shape only in the view's first answer (`$shapes`). */
type Shaped = { boundary?: Shape | null };
type Child = { code: string; name: string; summary: ChildSummary | null } & Shaped;
type Desa = MapDesa & Shaped;
type Named = { code: string; name: string };
type DesaList = { desa: { edges: { node: Desa }[] } };

/**
 * What the map draws: the regions a level is made of (with their figures), and their desa where
 * the level is a kabupaten or a kecamatan; the desa are drawn instead of the regions once their
 * shapes are imported (`npm run import:boundaries`).
 */
interface MapSource {
  title: string;
  regionLevel: 'kabupaten' | 'district';
  regions: (MapRegion & Shaped)[];
  desa: Desa[] | null;
}
type Ends = { edges: { node: { code: string; name: string; value?: { score: number } | null } }[] };

/** What each level's document answers, in either family (their fields are aliased alike). */
interface NationAnswer {
  cursor: string;
  summary: RegionData['summary'];
  previous?: Previous | null;
  best: Ranked[];
  worst: Ranked[];
  children: Child[];
}
interface NationMapAnswer {
  mapAreas: { kabupatens: (MapRegion & Shaped)[] }[];
}
interface LevelAnswer<R> {
  cursor: string;
  region: (Named & { summary: RegionData['summary']; previous?: Previous | null } & R) | null;
}
type Ranks = { best: Ranked[]; worst: Ranked[]; children: Child[] };
type ProvinceAnswer = LevelAnswer<Ranks>;
type KabupatenAnswer = LevelAnswer<{ best: Ranked[]; worst: Ranked[]; children: (Child & DesaList)[]; province: Named }>;
type DistrictAnswer = LevelAnswer<Shaped & DesaList & { best: Ends; worst: Ends; kabupaten: Named & { province: Named } }>;

/** A level's documents, one per family; the answer types check that each family's document answers alike. */
interface Documents {
  nation: TypedDocumentString<NationAnswer, never>;
  province: TypedDocumentString<ProvinceAnswer, never>;
  kabupaten: TypedDocumentString<KabupatenAnswer, never>;
  district: TypedDocumentString<DistrictAnswer, never>;
  nationMap: TypedDocumentString<NationMapAnswer, { year: number; shapes: boolean }>;
}
const DOCUMENTS: Record<IndexFamily, Documents> = {
  IDM: { nation: NationalViewDocument, province: ProvinceViewDocument, kabupaten: KabupatenViewDocument, district: DistrictViewDocument, nationMap: NationalMapDocument },
  INDEKS_DESA: {
    nation: IdNationalViewDocument,
    province: IdProvinceViewDocument,
    kabupaten: IdKabupatenViewDocument,
    district: IdDistrictViewDocument,
    nationMap: IdNationalMapDocument,
  },
};

const NATION: Crumb = { label: 'Indonesia', href: '/dashboard/' };

async function load(family: Family, place: RegionPlace, year: number, shapes: boolean, signal: AbortSignal): Promise<Omit<RegionData, 'askedAt'> | null> {
  const documents = DOCUMENTS[family.id];
  // Last year's figures only within the family: an IDM score does not compare with an Indeks Desa one.
  // (IDM's documents always ask for the year before and leave withPrevious, a variable they do not
  // declare, unread, as GraphQL does with any extra variable.)
  const vars = { year, prev: year - 1, withPrevious: year - 1 >= family.firstYear, shapes };
  const run = <R,>(document: TypedDocumentString<R, never>, extra: Record<string, unknown> = {}) =>
    query(document as unknown as TypedDocumentString<R, Record<string, unknown>>, { ...vars, ...extra }, signal);
  const link = (level: 'province' | 'kabupaten' | 'district', code: string) => `/dashboard/${level}/${code}?${yearQuery(family, year)}`;
  const previous = (p: Previous | null | undefined) => (p?.assessed ? p : null);
  switch (place.level) {
    case 'nation': {
      const d = await run(documents.nation);
      return { ...d, previous: previous(d.previous), name: 'Indonesia', crumbs: [], childTitle: 'Provinces', childLevel: 'province', children: d.children, map: null };
    }
    case 'province': {
      const d = await run(documents.province, { code: place.code });
      if (!d.region) return null;
      const map: MapSource = { title: 'Kabupaten / kota', regionLevel: 'kabupaten', regions: d.region.children, desa: null };
      return { cursor: d.cursor, ...d.region, previous: previous(d.region.previous), crumbs: [NATION], childTitle: 'Kabupaten / kota', childLevel: 'kabupaten', map };
    }
    case 'kabupaten': {
      const d = await run(documents.kabupaten, { code: place.code });
      if (!d.region) return null;
      const p = d.region.province;
      return {
        cursor: d.cursor,
        ...d.region,
        previous: previous(d.region.previous),
        crumbs: [NATION, { label: p.name, href: link('province', p.code) }],
        childTitle: 'Kecamatan',
        childLevel: 'district',
        map: { title: 'Kecamatan', regionLevel: 'district', regions: d.region.children, desa: d.region.children.flatMap((c) => c.desa.edges.map((e) => e.node)) },
      };
    }
    case 'district': {
      const d = await run(documents.district, { code: place.code });
      if (!d.region) return null;
      const k = d.region.kabupaten;
      const ranked = (ends: Ends) => ends.edges.map((e, i) => ({ rank: i + 1, code: e.node.code, name: e.node.name, value: e.node.value?.score ?? 0, assessed: 1 }));
      return {
        cursor: d.cursor,
        name: d.region.name,
        summary: d.region.summary,
        previous: previous(d.region.previous),
        best: ranked(d.region.best),
        worst: ranked(d.region.worst),
        crumbs: [NATION, { label: k.province.name, href: link('province', k.province.code) }, { label: k.name, href: link('kabupaten', k.code) }],
        childTitle: 'Desa',
        childLevel: 'desa',
        children: null,
        // Without desa shapes, the kecamatan's own outline, coloured by its figures.
        map: { title: 'Kecamatan', regionLevel: 'district', regions: [{ code: d.region.code, name: d.region.name, summary: d.region.summary, boundary: d.region.boundary }], desa: d.region.desa.edges.map((e) => e.node) },
      };
    }
  }
}

/**
 * The national map: its 514 kabupaten and their figures, asked beside the national view rather
 * than in it, so the key figures do not wait for 514 more summaries (on a 2-core server, cold:
 * the view alone 0.7–1.0 s, with the kabupaten in it 1.5–1.8 s).
 */
async function loadNationMap(family: Family, year: number, shapes: boolean, signal: AbortSignal): Promise<MapSource> {
  const d = await query(DOCUMENTS[family.id].nationMap, { year, shapes }, signal);
  return { title: 'Kabupaten / kota', regionLevel: 'kabupaten', regions: d.mapAreas.flatMap((p) => p.kabupatens), desa: null };
}

/** The scope in the API's terms: the update filter, the summary subscription's scope, the village list's filter. */
function scopeOf(place: RegionPlace): { where: IdmUpdateFilter | null; scope: IdmSummaryScopeInput; filter: VillageFilter } {
  switch (place.level) {
    case 'nation':
      return { where: null, scope: {}, filter: {} };
    case 'province':
      return { where: { provinceCode: place.code }, scope: { provinceCode: place.code }, filter: { provinceCode: place.code } };
    case 'kabupaten':
      return { where: { kabupatenCode: place.code }, scope: { kabupatenCode: place.code }, filter: { kabupatenCode: place.code } };
    case 'district':
      return { where: { districtCode: place.code }, scope: { districtCode: place.code }, filter: { districtCode: place.code } };
  }
}

const FEED_LENGTH = 30;

/**
 * The shapes of the view on screen, taken from its first answer (later answers carry figures
 * only): its desa's where any desa of it has a shape, else its regions'.
 */
interface HeldShapes {
  key: string;
  desa: boolean;
  shapes: Shapes;
}

function holdShapes(key: string, map: MapSource): HeldShapes {
  const desa = map.desa?.filter((d) => d.boundary) ?? [];
  const shapes = new Map<string, Shape>();
  for (const item of desa.length ? desa : map.regions) if (item.boundary) shapes.set(item.code, item.boundary);
  return { key, desa: desa.length > 0, shapes };
}

/** The view's map: its desa by status, or its regions by the measure the route names. */
function ViewMap(props: { name: string; askedAt: number; map: MapSource; held: HeldShapes; changed: Changed; family: Family; year: number; route: Route; place: RegionPlace }) {
  const { name, askedAt, map, held, changed, family, year, route, place } = props;
  const href = (level: string) => (code: string) => `/dashboard/${level}/${code}?${yearQuery(family, year)}`;
  const what = `${family.name} ${year}`;
  const drawn = useMemo(
    () => {
      if (!held.desa || !map.desa) return regionAreas(map.regions, route.map, family, href(map.regionLevel));
      // A change seen after this answer was asked for is newer than the answer's value.
      const desa = map.desa.map((d) => {
        const change = changed.get(d.code);
        return change && change.at > askedAt ? { ...d, value: change.value } : d;
      });
      return desaAreas(desa, family, href('desa'));
    },
    [askedAt, map, held, changed, route.map],
  );
  const total = held.desa ? map.desa!.length : map.regions.length;
  const missing = total - held.shapes.size;
  const notes = [
    place.level === 'kabupaten' && !held.desa ? 'No desa shapes imported here yet (npm run import:boundaries): drawn by kecamatan.' : null,
    place.level === 'district' && !held.desa ? 'No desa shapes imported here yet (npm run import:boundaries): the kecamatan’s outline.' : null,
    missing > 0 ? `${missing} of ${total} ${held.desa ? 'desa' : 'regions'} have no shape and are not drawn.` : null,
  ].filter(Boolean);
  const where = place.level === 'nation' ? 'Indonesia' : name;
  const label = held.desa
    ? `Map of the desa of ${where}, each in the colour of its ${what} status; the desa list below gives each one’s status.`
    : `Map of the ${map.title.toLowerCase()} of ${where}, coloured by ${route.map === 'TOP' ? 'the share of their desa Mandiri or Maju' : `their mean ${family.name} score`}, ${what}.`;
  return (
    <RegionMap
      title={held.desa ? 'Desa' : map.title}
      label={label}
      shapes={held.shapes}
      areas={drawn.areas}
      legend={drawn.legend}
      measure={held.desa ? undefined : { value: route.map, familyName: family.name, onChange: (m) => navigate(routeUrl({ ...route, map: m }), true) }}
      note={notes.join(' ') || null}
    />
  );
}

/** The nation, a province, a kabupaten or a kecamatan in one family's year: figures, status, histogram, leaderboard, desa; live. */
export function RegionView({ route, place, family, year }: { route: Route; place: RegionPlace; family: Family; year: number }) {
  const key = `${placePath(place)}|${family.id}|${year}`;
  const [refresh, setRefresh] = useState(0);
  const bump = useMemo(() => throttle(() => setRefresh((r) => r + 1), 300), [key]);
  // Whatever failed to load while the connection was down is asked for again.
  useEffect(() => live.onReconnect(bump), [key]);
  const held = useRef<HeldShapes | null>(null);
  const loaded = useLoad(
    async (signal) => {
      // Shapes once per view: a live refresh asks for the figures alone and recolours the shapes held.
      const first = held.current?.key !== key;
      const askedAt = performance.now();
      const answer = await load(family, place, year, first, signal);
      if (first && answer?.map) held.current = holdShapes(key, answer.map);
      return answer && { ...answer, askedAt };
    },
    key,
    refresh,
  );
  const nationMap = useLoad(
    async (signal) => {
      if (place.level !== 'nation') return null;
      const first = held.current?.key !== key;
      const map = await loadNationMap(family, year, first, signal);
      if (first) held.current = holdShapes(key, map);
      return map;
    },
    key,
    refresh,
  );
  const data = loaded.data;
  const { where, scope, filter } = useMemo(() => scopeOf(place), [key]);

  // Summaries pushed by the server, shown when newer than the last answer.
  const [pushed, setPushed] = useState<{ key: string; summary: Summary; at: number } | null>(null);
  const answeredAt = useRef(0);
  useEffect(() => {
    if (data) answeredAt.current = performance.now();
  }, [data]);
  useEffect(() => live.watchSummary(family, scope, year, (summary) => setPushed({ key, summary, at: performance.now() })), [key]);

  const [feed, setFeed] = useState<FeedEntry[]>([]);
  // Only where the map draws desa: the nation's changes would pile up 75,000 entries during an import.
  const [changed, setChanged] = useState<Changed>(() => new Map());
  const drawsDesa = place.level === 'kabupaten' || place.level === 'district';
  const [missed, setMissed] = useState(0);
  const cursor = data?.cursor ?? null;
  const following = cursor !== null;
  useEffect(() => {
    setFeed([]);
    setMissed(0);
    setChanged(new Map());
  }, [key]);
  useEffect(() => {
    if (!following) return;
    // From the cursor read with the first answer: nothing written since is lost.
    return live.follow(family, where, cursor, (update, wasMissed) => {
      setFeed((f) => [{ update, missed: wasMissed }, ...f].slice(0, FEED_LENGTH));
      // The change itself recolours its desa at once; the refresh below brings the figures.
      if (drawsDesa && update.year === year) setChanged((c) => new Map(c).set(update.village.code, { value: update.current, at: performance.now() }));
      if (wasMissed) setMissed((n) => n + 1);
      bump();
    });
  }, [key, following]);

  if (loaded.error && !data) return <p class="error">{loaded.error}</p>;
  const mapOf = (map: MapSource | null | undefined, name: string, askedAt: number) =>
    map && held.current?.key === key && held.current.shapes.size > 0 ? (
      <ViewMap name={name} askedAt={askedAt} map={map} held={held.current} changed={changed} family={family} year={year} route={route} place={place} />
    ) : null;
  // The national map may land before the key figures (it is asked for apart): it is shown as soon as it does.
  if (!data)
    return loaded.loading ? (
      <>
        <p class="loading">Loading…</p>
        {mapOf(nationMap.data, 'Indonesia', 0)}
      </>
    ) : (
      <p class="error">Not in the register.</p>
    );

  const summary = pushed && pushed.key === key && pushed.at > answeredAt.current ? { ...data.summary, ...pushed.summary } : data.summary;
  const parentName = data.crumbs.at(-1)?.label ?? null;
  const setRoute = (change: Partial<Route>) => navigate(routeUrl({ ...route, ...change }));
  const toggleStatus = (status: IdmStatus) =>
    setRoute({ statuses: route.statuses.includes(status) ? route.statuses.filter((s) => s !== status) : [...route.statuses, status] });
  const childHref = (code: string) => `/dashboard/${data.childLevel}/${code}?${yearQuery(family, year)}`;

  return (
    <>
      <nav class="crumbs" aria-label="Breadcrumbs">
        {data.crumbs.map((c) => (
          <span key={c.href}>
            <a href={c.href}>{c.label}</a> ›{' '}
          </span>
        ))}
        <h1>{data.name}</h1> <span class="muted" data-testid="view-year">{family.name} {year}</span>
      </nav>
      <Kpis family={family} summary={summary} previous={data.previous} parentName={parentName} />
      {mapOf(data.map ?? nationMap.data, data.name, data.askedAt)}
      <div class="grid">
        <StatusBar byStatus={summary.byStatus} selected={route.statuses} onToggle={toggleStatus} movedUp={summary.movedUp} movedDown={summary.movedDown} />
        <Histogram family={family} bins={data.summary.histogram} mean={summary.mean?.score ?? null} />
      </div>
      {data.summary.officialCounts && <Coverage family={family} summary={summary} official={data.summary.officialCounts} />}
      <div class="grid">
        <Leaderboard
          family={family}
          title={data.childTitle}
          best={data.best}
          worst={data.worst}
          hrefOf={childHref}
          children={(data.children ?? []).map((c) => ({ ...c, href: childHref(c.code) }))}
        />
        <LiveFeed family={family} entries={feed} missed={missed} onDismiss={() => setMissed(0)} />
      </div>
      <VillageTable
        family={family}
        filter={filter}
        statuses={route.statuses}
        year={year}
        order={route.order}
        movement={route.movement}
        refresh={refresh}
        onOrder={(order) => setRoute({ order })}
        onMovement={(movement) => setRoute({ movement })}
      />
    </>
  );
}
