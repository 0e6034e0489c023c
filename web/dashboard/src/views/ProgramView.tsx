import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { query } from '../api';
import { RegionMap } from '../components/RegionMap';
import { StatusPill } from '../components/StatusPill';
import { formatScore, yearQuery, type Family } from '../family';
import { count, percent } from '../format';
import { IdProgramViewDocument, ProgramsDocument, ProgramViewDocument, type IdmStatus, type IndexFamily, type TypedDocumentString } from '../generated/graphql';
import { throttle, useLoad } from '../hooks';
import { live } from '../live';
import { regionAreas, type Shape, type Shapes } from '../map';
import { navigate, routeUrl, type Route } from '../route';
import type { ChildSummary } from '../summary';

/** What either family's program document answers (their fields are aliased alike). */
interface ProgramAnswer {
  cursor: string;
  program: {
    slug: string;
    name: string;
    year: number;
    agency: string;
    description?: string | null;
    summary: ChildSummary;
    loci: { id: string; quota: number; enrolledCount: number; kabupaten: { code: string; name: string; province: { name: string }; boundary?: Shape | null }; enrolled: ChildSummary; whole: ChildSummary }[];
    villages: { totalCount: number; edges: { node: { code: string; name: string; district: { name: string }; kabupaten: { name: string }; value?: { score: number; status: IdmStatus | null } | null } }[] };
  } | null;
}

const DOCUMENTS: Record<IndexFamily, TypedDocumentString<ProgramAnswer, { slug: string; year: number; shapes: boolean }>> = { IDM: ProgramViewDocument, INDEKS_DESA: IdProgramViewDocument };

function Figures({ family, summary }: { family: Family; summary: ChildSummary }) {
  return (
    <>
      <td class="num">{count(summary.assessed)}</td>
      <td class="num">{formatScore(family, summary.mean?.score)}</td>
      <td class="num">{percent(summary.top)}</td>
    </>
  );
}

/** The program's loci on the map, each kabupaten coloured by its enrolled desa's figures. */
function LociMap({ program, shapes, family, year, route }: { program: NonNullable<ProgramAnswer['program']>; shapes: Shapes; family: Family; year: number; route: Route }) {
  const drawn = useMemo(
    () =>
      regionAreas(
        program.loci.map((l) => ({ code: l.kabupaten.code, name: l.kabupaten.name, summary: l.enrolled })),
        route.map,
        family,
        (code) => `/dashboard/kabupaten/${code}?${yearQuery(family, year)}`,
      ),
    [program, route.map],
  );
  const measure = route.map === 'TOP' ? 'the share of their enrolled desa Mandiri or Maju' : `the mean ${family.name} score of their enrolled desa`;
  return (
    <RegionMap
      title="Map of the loci"
      label={`Map of the ${program.loci.length} kabupaten of ${program.name}, coloured by ${measure}, ${family.name} ${year}; the table of loci below lists the same figures.`}
      shapes={shapes}
      areas={drawn.areas}
      legend={drawn.legend}
      measure={{ value: route.map, familyName: family.name, onChange: (m) => navigate(routeUrl({ ...route, map: m }), true) }}
      note="Each locus coloured by its enrolled desa."
    />
  );
}

/** The Desa Cerdas cohorts: loci with quotas, enrolment, and the family's values of enrolled desa against their whole kabupaten; live. */
export function ProgramView({ slug, family, year, route }: { slug: string | null; family: Family; year: number; route: Route }) {
  const programs = useLoad((signal) => query(ProgramsDocument, {}, signal), 'programs');
  const chosen = slug ?? programs.data?.programs.at(-1)?.slug ?? null;
  const key = `${chosen}|${family.id}|${year}`;
  const [refresh, setRefresh] = useState(0);
  const bump = useMemo(() => throttle(() => setRefresh((r) => r + 1), 300), [key]);
  // Whatever failed to load while the connection was down is asked for again.
  useEffect(() => live.onReconnect(bump), [key]);
  // The loci's shapes with the program's first answer; a live refresh recolours them (see RegionView).
  const held = useRef<{ key: string; shapes: Shapes } | null>(null);
  const loaded = useLoad(
    async (signal) => {
      if (!chosen) return null;
      const first = held.current?.key !== key;
      const answer = await query(DOCUMENTS[family.id], { slug: chosen, year, shapes: first }, signal);
      if (first) held.current = { key, shapes: new Map(answer.program?.loci.flatMap((l) => (l.kabupaten.boundary ? [[l.kabupaten.code, l.kabupaten.boundary] as const] : [])) ?? []) };
      return answer;
    },
    key,
    refresh,
  );
  const cursor = loaded.data?.cursor ?? null;
  const following = cursor !== null && !!chosen;
  useEffect(() => {
    if (!following) return;
    return live.follow(family, { programSlug: chosen }, cursor, bump);
  }, [key, following]);

  if (programs.data && programs.data.programs.length === 0) return <p class="panel">No program yet: create one with the createProgram mutation.</p>;
  const program = loaded.data?.program;
  const shapes = held.current?.key === key ? held.current.shapes : null;
  return (
    <>
      <nav class="crumbs" aria-label="Programs">
        <h1>Desa Cerdas</h1>{' '}
        {programs.data?.programs.map((p) => (
          <a key={p.slug} href={`/dashboard/program/${p.slug}?${yearQuery(family, year)}`} aria-current={p.slug === chosen ? 'page' : undefined} class="tab">
            {p.name}
          </a>
        ))}
      </nav>
      {loaded.error && <p class="error">{loaded.error}</p>}
      {!program ? (
        <p class="loading">{loaded.loading || programs.loading ? 'Loading…' : 'No such program.'}</p>
      ) : (
        <>
          <section class="panel">
            <h2>
              {program.name} <small>{program.agency} · cohort {program.year}</small>
            </h2>
            {program.description && <p>{program.description}</p>}
            <p>
              {count(program.loci.length)} loci · {count(program.loci.reduce((n, l) => n + l.enrolledCount, 0))} of {count(program.loci.reduce((n, l) => n + l.quota, 0))} desa enrolled ·
              mean {family.name} {year} of enrolled desa <span data-testid="program-mean">{formatScore(family, program.summary.mean?.score)}</span>
            </p>
          </section>
          {shapes && shapes.size > 0 && <LociMap program={program} shapes={shapes} family={family} year={year} route={route} />}
          <section class="panel" aria-label="Loci">
            <h2>Loci</h2>
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col" rowSpan={2}>Kabupaten</th>
                    <th scope="col" rowSpan={2}>Enrolled / quota</th>
                    <th scope="colgroup" colSpan={3}>
                      Enrolled desa, {family.name} {year}
                    </th>
                    <th scope="colgroup" colSpan={3}>
                      Whole kabupaten, {family.name} {year}
                    </th>
                  </tr>
                  <tr>
                    <th scope="col">Assessed</th>
                    <th scope="col">Mean</th>
                    <th scope="col">Mandiri+Maju</th>
                    <th scope="col">Assessed</th>
                    <th scope="col">Mean</th>
                    <th scope="col">Mandiri+Maju</th>
                  </tr>
                </thead>
                <tbody>
                  {program.loci.map((l) => (
                    <tr key={l.id} data-kabupaten={l.kabupaten.code}>
                      <th scope="row">
                        <a href={`/dashboard/kabupaten/${l.kabupaten.code}?${yearQuery(family, year)}`}>{l.kabupaten.name}</a> <span class="muted">{l.kabupaten.province.name}</span>
                      </th>
                      <td class="num">
                        {l.enrolledCount} / {l.quota}
                      </td>
                      <Figures family={family} summary={l.enrolled} />
                      <Figures family={family} summary={l.whole} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section class="panel" aria-label="Enrolled desa">
            <h2>
              Enrolled desa <small>{count(program.villages.totalCount)}</small>
            </h2>
            <div class="table-wrap">
              <table>
                <tbody>
                  {program.villages.edges.map(({ node: v }) => (
                    <tr key={v.code}>
                      <th scope="row">
                        <a href={`/dashboard/desa/${v.code}?${yearQuery(family, year)}`}>{v.name}</a>
                      </th>
                      <td class="muted">
                        {v.district.name} · {v.kabupaten.name}
                      </td>
                      <td class="num">{formatScore(family, v.value?.score)}</td>
                      <td>
                        {v.value?.status && <StatusPill status={v.value.status} />}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
