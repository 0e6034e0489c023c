import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { query } from '../api';
import { Histogram } from '../components/Histogram';
import { Kpis } from '../components/Kpis';
import { Leaderboard } from '../components/Leaderboard';
import { LiveFeed, type FeedEntry } from '../components/LiveFeed';
import { StatusBar } from '../components/StatusBar';
import { VillageTable } from '../components/VillageTable';
import {
  DistrictViewDocument,
  KabupatenViewDocument,
  NationalViewDocument,
  ProvinceViewDocument,
  type BinsFragment,
  type ChildSummaryFragment,
  type IdmStatus,
  type IdmSummaryScopeInput,
  type IdmUpdateFilter,
  type PreviousCardFragment,
  type RankedFragment,
  type SummaryCardFragment,
  type VillageFilter,
} from '../generated/graphql';
import { throttle, useLoad } from '../hooks';
import { live } from '../live';
import { navigate, placePath, routeUrl, type RegionPlace, type Route } from '../route';

export interface Crumb {
  label: string;
  href: string;
}

/** One view's data, whatever its level. */
interface RegionData {
  cursor: string;
  name: string;
  crumbs: Crumb[];
  summary: SummaryCardFragment & BinsFragment;
  previous: PreviousCardFragment;
  best: RankedFragment[];
  worst: RankedFragment[];
  childTitle: string;
  childLevel: 'province' | 'kabupaten' | 'district' | 'desa';
  children: { code: string; name: string; summary: ChildSummaryFragment | null }[] | null;
}

const NATION: Crumb = { label: 'Indonesia', href: '/dashboard/' };

async function load(place: RegionPlace, year: number, signal: AbortSignal): Promise<RegionData | null> {
  const vars = { year, prev: year - 1 };
  const link = (level: 'province' | 'kabupaten' | 'district', code: string) => `/dashboard/${level}/${code}?year=${year}`;
  switch (place.level) {
    case 'nation': {
      const d = await query(NationalViewDocument, vars, signal);
      return { ...d, name: 'Indonesia', crumbs: [], childTitle: 'Provinces', childLevel: 'province', children: d.children };
    }
    case 'province': {
      const d = await query(ProvinceViewDocument, { ...vars, code: place.code }, signal);
      if (!d.region) return null;
      return { cursor: d.cursor, ...d.region, crumbs: [NATION], childTitle: 'Kabupaten / kota', childLevel: 'kabupaten' };
    }
    case 'kabupaten': {
      const d = await query(KabupatenViewDocument, { ...vars, code: place.code }, signal);
      if (!d.region) return null;
      const p = d.region.province;
      return { cursor: d.cursor, ...d.region, crumbs: [NATION, { label: p.name, href: link('province', p.code) }], childTitle: 'Kecamatan', childLevel: 'district' };
    }
    case 'district': {
      const d = await query(DistrictViewDocument, { ...vars, code: place.code }, signal);
      if (!d.region) return null;
      const k = d.region.kabupaten;
      const ranked = (edges: { node: { code: string; name: string; idm?: { score: number } | null } }[]) =>
        edges.map((e, i) => ({ rank: i + 1, code: e.node.code, name: e.node.name, value: e.node.idm?.score ?? 0, assessed: 1 }));
      return {
        cursor: d.cursor,
        name: d.region.name,
        summary: d.region.summary,
        previous: d.region.previous,
        best: ranked(d.region.best.edges),
        worst: ranked(d.region.worst.edges),
        crumbs: [NATION, { label: k.province.name, href: link('province', k.province.code) }, { label: k.name, href: link('kabupaten', k.code) }],
        childTitle: 'Desa',
        childLevel: 'desa',
        children: null,
      };
    }
  }
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

/** The nation, a province, a kabupaten or a kecamatan: figures, status, histogram, leaderboard, desa; live. */
export function RegionView({ route, place, year }: { route: Route; place: RegionPlace; year: number }) {
  const key = `${placePath(place)}|${year}`;
  const [refresh, setRefresh] = useState(0);
  const bump = useMemo(() => throttle(() => setRefresh((r) => r + 1), 300), [key]);
  // Whatever failed to load while the connection was down is asked for again.
  useEffect(() => live.onReconnect(bump), [key]);
  const loaded = useLoad((signal) => load(place, year, signal), key, refresh);
  const data = loaded.data;
  const { where, scope, filter } = useMemo(() => scopeOf(place), [key]);

  // Summaries pushed by the server, shown when newer than the last answer.
  const [pushed, setPushed] = useState<{ key: string; summary: SummaryCardFragment; at: number } | null>(null);
  const answeredAt = useRef(0);
  useEffect(() => {
    if (data) answeredAt.current = performance.now();
  }, [data]);
  useEffect(() => live.watchSummary(scope, year, (summary) => setPushed({ key, summary, at: performance.now() })), [key]);

  const [feed, setFeed] = useState<FeedEntry[]>([]);
  const [missed, setMissed] = useState(0);
  const cursor = data?.cursor ?? null;
  const following = cursor !== null;
  useEffect(() => {
    setFeed([]);
    setMissed(0);
  }, [key]);
  useEffect(() => {
    if (!following) return;
    // From the cursor read with the first answer: nothing written since is lost.
    return live.follow(where, cursor, (update, wasMissed) => {
      setFeed((f) => [{ update, missed: wasMissed }, ...f].slice(0, FEED_LENGTH));
      if (wasMissed) setMissed((n) => n + 1);
      bump();
    });
  }, [key, following]);

  if (loaded.error && !data) return <p class="error">{loaded.error}</p>;
  if (!data) return loaded.loading ? <p class="loading">Loading…</p> : <p class="error">Not in the register.</p>;

  const summary = pushed && pushed.key === key && pushed.at > answeredAt.current ? { ...data.summary, ...pushed.summary } : data.summary;
  const parentName = data.crumbs.at(-1)?.label ?? null;
  const setRoute = (change: Partial<Route>) => navigate(routeUrl({ ...route, ...change }));
  const toggleStatus = (status: IdmStatus) =>
    setRoute({ statuses: route.statuses.includes(status) ? route.statuses.filter((s) => s !== status) : [...route.statuses, status] });
  const childHref = (code: string) => `/dashboard/${data.childLevel}/${code}?year=${year}`;

  return (
    <>
      <nav class="crumbs" aria-label="Breadcrumbs">
        {data.crumbs.map((c) => (
          <span key={c.href}>
            <a href={c.href}>{c.label}</a> ›{' '}
          </span>
        ))}
        <h1>{data.name}</h1> <span class="muted">IDM {year}</span>
      </nav>
      <Kpis summary={summary} previous={data.previous.assessed ? data.previous : null} parentName={parentName} />
      <div class="grid">
        <StatusBar byStatus={summary.byStatus} selected={route.statuses} onToggle={toggleStatus} movedUp={summary.movedUp} movedDown={summary.movedDown} />
        <Histogram bins={data.summary.histogram} mean={summary.mean?.score ?? null} />
      </div>
      <div class="grid">
        <Leaderboard
          title={data.childTitle}
          best={data.best}
          worst={data.worst}
          hrefOf={childHref}
          children={(data.children ?? []).map((c) => ({ ...c, href: childHref(c.code) }))}
        />
        <LiveFeed entries={feed} missed={missed} onDismiss={() => setMissed(0)} />
      </div>
      <VillageTable
        filter={{ ...filter, idmStatus: route.statuses.length ? route.statuses : undefined }}
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
