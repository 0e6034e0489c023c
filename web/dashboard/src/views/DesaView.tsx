import { useEffect, useMemo, useState } from 'preact/hooks';
import { query } from '../api';
import { HistoryChart } from '../components/HistoryChart';
import { Provenance } from '../components/Provenance';
import { StatusPill } from '../components/StatusPill';
import { delta, score, STATUS_NAMES } from '../format';
import { DesaViewDocument, type DesaViewQuery, type IdmIndex } from '../generated/graphql';
import { throttle, useLoad } from '../hooks';
import { live } from '../live';

type Indicator = NonNullable<NonNullable<DesaViewQuery['village']>['idm']>['indicators'][number];

const INDEX_NAMES: Record<IdmIndex, string> = { IKS: 'IKS · social', IKE: 'IKE · economic', IKL: 'IKL · ecological' };
const ACTORS: (keyof Indicator['actors'])[] = ['pusat', 'provinsi', 'kabupaten', 'desa', 'csr', 'lainnya'];

/** One desa: its IDM of the year with target and gap, its history, the 50 indicators with what would raise them, provenance; live. */
export function DesaView({ code, year }: { code: string; year: number | null }) {
  const key = `${code}|${year}`;
  const [refresh, setRefresh] = useState(0);
  const bump = useMemo(() => throttle(() => setRefresh((r) => r + 1), 300), [key]);
  // Whatever failed to load while the connection was down is asked for again.
  useEffect(() => live.onReconnect(bump), [key]);
  const loaded = useLoad((signal) => query(DesaViewDocument, { code, year }, signal), key, refresh);
  const village = loaded.data?.village;
  const cursor = loaded.data?.cursor ?? null;
  const following = cursor !== null && !!village;
  useEffect(() => {
    if (!following) return;
    return live.follow({ villageCode: village!.code }, cursor, bump);
  }, [key, following]);

  if (loaded.error && !loaded.data) return <p class="error">{loaded.error}</p>;
  if (!loaded.data) return <p class="loading">Loading…</p>;
  if (!village) return <p class="error">No desa with code {code} in the register.</p>;
  const d = village.district;
  const k = d.kabupaten;
  const idm = village.idm;
  const y = idm?.year ?? year;
  const groups = (['IKS', 'IKE', 'IKL'] as IdmIndex[]).map((index) => ({ index, rows: idm?.indicators.filter((i) => i.index === index) ?? [] }));
  return (
    <>
      <nav class="crumbs" aria-label="Breadcrumbs">
        <a href="/dashboard/">Indonesia</a> › <a href={`/dashboard/province/${k.province.code}?year=${y}`}>{k.province.name}</a> ›{' '}
        <a href={`/dashboard/kabupaten/${k.code}?year=${y}`}>{k.name}</a> › <a href={`/dashboard/district/${d.code}?year=${y}`}>{d.name}</a> ›{' '}
        <h1>{village.name}</h1> <span class="muted">{village.compactCode}</span>
      </nav>
      {!idm ? (
        <p class="panel">No IDM assessment{year ? ` in ${year}` : ''} for this {village.kind === 'KELURAHAN' ? 'kelurahan (kelurahan are not assessed)' : 'desa'}.</p>
      ) : (
        <>
          <section class="kpis" aria-label="IDM">
            <div class="kpi">
              <div class="kpi-label">IDM {idm.year}</div>
              <div class="kpi-value" data-testid="desa-score">{score(idm.score)}</div>
              <div class="kpi-diffs">
                <StatusPill status={idm.status} />
                {idm.change.previousYear && (
                  <span class={`diff ${idm.change.movement === 'UP' ? 'up' : idm.change.movement === 'DOWN' ? 'down' : 'flat'}`}>
                    {delta(idm.change.scoreDelta)} <small>vs {idm.change.previousYear}</small>
                  </span>
                )}
              </div>
            </div>
            {(['iks', 'ike', 'ikl'] as const).map((i) => (
              <div class="kpi" key={i}>
                <div class="kpi-label">{i.toUpperCase()}</div>
                <div class="kpi-value">{score(idm[i])}</div>
              </div>
            ))}
            <div class="kpi">
              <div class="kpi-label">Target</div>
              <div class="kpi-value">
                <StatusPill status={idm.targetStatus} />
              </div>
              <div class="kpi-diffs">
                {idm.scoreToTarget > 0 ? (
                  <span>
                    needs <strong>+{score(idm.scoreToTarget)}</strong> to {score(idm.targetMinScore)}
                  </span>
                ) : (
                  <span>at the top status</span>
                )}
              </div>
            </div>
          </section>
          {idm.statusMismatch && (
            <p class="panel warning">
              The official status ({idm.status ? STATUS_NAMES[idm.status] : '–'}) differs from the one the score gives ({STATUS_NAMES[idm.derivedStatus]}).
            </p>
          )}
          <div class="grid">
            <section class="panel" aria-label="History">
              <h2>History</h2>
              <HistoryChart history={village.idmHistory} />
              <table>
                <thead>
                  <tr>
                    <th scope="col">Year</th>
                    <th scope="col">IDM</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {village.idmHistory.map((h) => (
                    <tr key={h.year}>
                      <th scope="row">{h.year}</th>
                      <td class="num">{score(h.score)}</td>
                      <td>
                        <StatusPill status={h.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section class="panel" aria-label="Provenance">
              <h2>Provenance</h2>
              <Provenance value={idm} />
            </section>
          </div>
          <section class="panel" aria-label="Indicators">
            <h2>
              Indicators <small>{idm.indicators.length ? 'with the suggested activity and who can carry it out' : 'not published with this value (national spreadsheets carry none)'}</small>
            </h2>
            {groups
              .filter((g) => g.rows.length)
              .map((g) => (
                <div class="table-wrap" key={g.index}>
                  <table class="indicators">
                    <caption>{INDEX_NAMES[g.index]}</caption>
                    <thead>
                      <tr>
                        <th scope="col">#</th>
                        <th scope="col">Indicator</th>
                        <th scope="col">Score</th>
                        <th scope="col">Gain at 5</th>
                        <th scope="col">Suggested activity</th>
                        <th scope="col">Who</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.rows.map((i) => (
                        <tr key={i.number}>
                          <td class="num">{i.number}</td>
                          <th scope="row">
                            {i.name}
                            {i.description && <div class="muted">{i.description}</div>}
                          </th>
                          <td class="num">{i.score}</td>
                          <td class="num">{i.potentialGain ? score(i.potentialGain) : '–'}</td>
                          <td>{i.activity ?? <span class="muted">–</span>}</td>
                          <td class="muted">{ACTORS.filter((a) => i.actors[a]).map((a) => `${a}: ${i.actors[a]}`).join('; ') || '–'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))}
          </section>
        </>
      )}
    </>
  );
}
