import { useEffect, useState } from 'preact/hooks';
import { query } from './api';
import { LiveBadge } from './components/LiveFeed';
import { SearchBox } from './components/SearchBox';
import { familyOfYear, FAMILIES, IDM, INDEKS_DESA, yearQuery, type Family } from './family';
import { YearsDocument, type IndexFamily, type YearsQuery } from './generated/graphql';
import { useLoad } from './hooks';
import { followLink, navigate, onNavigate, parseRoute, routeUrl, type Place, type Route } from './route';
import { DesaView } from './views/DesaView';
import { ProgramView } from './views/ProgramView';
import { RegionView } from './views/RegionView';

/** The Years query's variables: the region on screen, whose published years join the nation's. */
function yearsScope(place: Place) {
  const code = 'code' in place && place.level !== 'desa' ? place.code : '';
  return { code, province: place.level === 'province', kabupaten: place.level === 'kabupaten', district: place.level === 'district' };
}

/**
 * The years to choose from, newest first, by family: every IDM year loaded, and every Indeks Desa
 * year published in the nation or in the region on screen (its first year always, so the switch
 * always leads somewhere); and the default, the region's latest published year of either family.
 */
function yearList(data: YearsQuery | null) {
  const scope = data?.kabupaten ?? data?.province ?? data?.district ?? null;
  const regional = data?.kabupaten?.publishedYears ?? data?.province?.publishedYears ?? [];
  const published = [...(data?.publishedYears ?? []), ...regional];
  const of: Record<IndexFamily, number[]> = {
    IDM: [...new Set((data?.idmYears ?? []).map((y) => y.year))],
    INDEKS_DESA: [...new Set([INDEKS_DESA.firstYear, ...published.filter((y) => y.index === 'INDEKS_DESA').map((y) => y.year)])],
  };
  for (const years of Object.values(of)) years.sort((a, b) => b - a);
  const latest = scope?.latestPublishedYear ?? data?.latestPublishedYear ?? null;
  return { of, latest };
}

/** The page: header (search, index switch, year, live state), then the view the URL names. */
export function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(new URL(location.href)));
  useEffect(() => onNavigate(() => setRoute(parseRoute(new URL(location.href)))), []);
  const place = route.place;
  const scope = yearsScope(place);
  const years = useLoad((signal) => query(YearsDocument, scope, signal), `years|${scope.code}`);
  const { of, latest } = yearList(years.data);
  // The family: the switch's, else the year's, else that of the region's latest published year (as the API's own default).
  const family: Family = route.index ? FAMILIES[route.index] : route.year ? familyOfYear(route.year) : latest ? FAMILIES[latest.index] : IDM;
  const latestOf = (f: Family): number | null => (latest?.index === f.id ? latest.year : (of[f.id][0] ?? null));
  const year = route.year && familyOfYear(route.year) === family ? route.year : years.data ? latestOf(family) : null;
  const switchTo = (f: Family) => navigate(routeUrl({ ...route, index: f.id, year: latestOf(f) }));
  return (
    <div class="page" onClick={(e) => followLink(e as unknown as MouseEvent)}>
      <header class="top">
        <a class="brand" href="/dashboard/">
          {family.name} <span>live</span>
        </a>
        <SearchBox query={yearQuery(family, year)} />
        <div class="switch" role="group" aria-label="Index">
          {[IDM, INDEKS_DESA].map((f) => (
            <button type="button" key={f.id} data-index={f.id} aria-pressed={f === family} onClick={() => switchTo(f)} disabled={!years.data}>
              {f.name}
            </button>
          ))}
        </div>
        <label class="year">
          Year{' '}
          <select
            value={year ? `${family.id}:${year}` : ''}
            onChange={(e) => {
              const [index, y] = (e.target as HTMLSelectElement).value.split(':');
              navigate(routeUrl({ ...route, index: index as IndexFamily, year: Number(y) }));
            }}
            disabled={!years.data}
          >
            {[INDEKS_DESA, IDM].map((f) => (
              <optgroup key={f.id} label={f.name}>
                {of[f.id].map((y) => (
                  <option key={y} value={`${f.id}:${y}`}>
                    {f.name} {y}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <a href={`/dashboard/program${year ? `?${yearQuery(family, year)}` : ''}`} class="nav-link">
          Desa Cerdas
        </a>
        <LiveBadge />
      </header>
      <main>
        {years.error && <p class="error">{years.error}</p>}
        {years.data && year === null && place.level !== 'desa' ? (
          <p class="panel">No {family.name} data yet: import some with <code>npm run import:{family === IDM ? 'idm' : 'indeks-desa'}</code>.</p>
        ) : place.level === 'desa' ? (
          <DesaView code={place.code} family={family} year={route.year && familyOfYear(route.year) === family ? route.year : null} />
        ) : year === null ? (
          <p class="loading">Loading…</p>
        ) : place.level === 'program' ? (
          <ProgramView slug={place.slug} family={family} year={year} route={route} />
        ) : (
          <RegionView route={route} place={place} family={family} year={year} />
        )}
      </main>
      <footer>
        Data: Kemendes PDTT IDM (Indeks Desa Membangun, to 2024) and Indeks Desa (from 2025), Kemendagri register. Served live by this API: <a href="/graphql">GraphQL</a>.
      </footer>
    </div>
  );
}
