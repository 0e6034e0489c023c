import { useEffect, useState } from 'preact/hooks';
import { query } from './api';
import { LiveBadge } from './components/LiveFeed';
import { SearchBox } from './components/SearchBox';
import { YearsDocument } from './generated/graphql';
import { useLoad } from './hooks';
import { followLink, navigate, onNavigate, parseRoute, routeUrl, type Route } from './route';
import { DesaView } from './views/DesaView';
import { ProgramView } from './views/ProgramView';
import { RegionView } from './views/RegionView';

/** The page: header (search, year, live state), then the view the URL names. */
export function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(new URL(location.href)));
  useEffect(() => onNavigate(() => setRoute(parseRoute(new URL(location.href)))), []);
  const years = useLoad((signal) => query(YearsDocument, {}, signal), 'years');
  const known = (years.data?.idmYears ?? []).map((y) => y.year);
  // Without a year in the URL: the latest published one (most desa assessed), as the API's own default.
  const year = route.year ?? years.data?.idmYears.filter((y) => y.published).at(-1)?.year ?? known.at(-1) ?? null;
  const place = route.place;
  return (
    <div class="page" onClick={(e) => followLink(e as unknown as MouseEvent)}>
      <header class="top">
        <a class="brand" href="/dashboard/">
          IDM <span>live</span>
        </a>
        <SearchBox year={year} />
        <label class="year">
          Year{' '}
          <select value={year ?? ''} onChange={(e) => navigate(routeUrl({ ...route, year: Number((e.target as HTMLSelectElement).value) }))} disabled={!known.length}>
            {[...known].reverse().map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <a href={`/dashboard/program${year ? `?year=${year}` : ''}`} class="nav-link">
          Desa Cerdas
        </a>
        <LiveBadge />
      </header>
      <main>
        {years.error && <p class="error">{years.error}</p>}
        {years.data && year === null && place.level !== 'desa' ? (
          <p class="panel">No IDM data yet: import some with <code>npm run import:idm</code>.</p>
        ) : place.level === 'desa' ? (
          <DesaView code={place.code} year={route.year} />
        ) : year === null ? (
          <p class="loading">Loading…</p>
        ) : place.level === 'program' ? (
          <ProgramView slug={place.slug} year={year} />
        ) : (
          <RegionView route={route} place={place} year={year} />
        )}
      </main>
      <footer>
        Data: Kemendes PDTT IDM (Indeks Desa Membangun), Kemendagri register. Served live by this API: <a href="/graphql">GraphQL</a>.
      </footer>
    </div>
  );
}
