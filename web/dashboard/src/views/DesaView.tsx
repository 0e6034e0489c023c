import { useEffect, useMemo, useState } from 'preact/hooks';
import { query } from '../api';
import { HistoryChart } from '../components/HistoryChart';
import { Meter } from '../components/Kpis';
import { Provenance } from '../components/Provenance';
import { StatusPill } from '../components/StatusPill';
import { StatusTrack } from '../components/StatusTrack';
import { formatScore, IDM, yearQuery, type Family } from '../family';
import { delta, STATUS_NAMES } from '../format';
import { DesaViewDocument, IdDesaViewDocument, type DesaViewQuery, type IdmIndex, type IdmStatus, type ProvenanceFragment, type TrackFragment } from '../generated/graphql';
import { throttle, useLoad } from '../hooks';
import { live } from '../live';

type IdmValue = NonNullable<NonNullable<DesaViewQuery['village']>['idm']>;
type Indicator = IdmValue['indicators'][number];

const INDEX_NAMES: Record<IdmIndex, string> = { IKS: 'IKS · social', IKE: 'IKE · economic', IKL: 'IKL · ecological' };
const ACTORS: (keyof Indicator['actors'])[] = ['pusat', 'provinsi', 'kabupaten', 'desa', 'csr', 'lainnya'];

/** A desa's value of one family in one year, as the page shows it whichever the family. */
interface Assessment {
  year: number;
  score: number;
  status: IdmStatus | null;
  derivedStatus: IdmStatus;
  statusMismatch: boolean;
  scoreMismatch: boolean;
  targetStatus: IdmStatus;
  targetMinScore: number;
  scoreToTarget: number;
  /** The family's components by key (IDM's indices, the Indeks Desa's dimensions). */
  components: Record<string, number>;
  provenance: ProvenanceFragment['provenance'];
  source?: ProvenanceFragment['source'];
  change?: IdmValue['change'];
}

interface DesaData {
  cursor: string;
  village: {
    code: string;
    compactCode: string;
    name: string;
    kind: string;
    district: { code: string; name: string; kabupaten: { code: string; name: string; province: { code: string; name: string } } };
    statusTrack: TrackFragment[];
  } | null;
  value: Assessment | null;
  /** IDM only: the yearly history and the 50 indicators. */
  idm?: { history: NonNullable<DesaViewQuery['village']>['idmHistory']; indicators: Indicator[] };
}

/** The desa's data of `family`: each family's document, read as one shape. */
async function load(family: Family, code: string, year: number | null, signal: AbortSignal): Promise<DesaData> {
  if (family === IDM) {
    const { cursor, village } = await query(DesaViewDocument, { code, year }, signal);
    const v = village?.idm;
    return {
      cursor,
      village,
      value: v ? { ...v, scoreMismatch: false, components: { iks: v.iks, ike: v.ike, ikl: v.ikl } } : null,
      idm: village ? { history: village.idmHistory, indicators: v?.indicators ?? [] } : undefined,
    };
  }
  const { cursor, village } = await query(IdDesaViewDocument, { code, year }, signal);
  const v = village?.indeksDesa;
  return { cursor, village, value: v ? { ...v, components: v.dimensions } : null };
}

/**
 * One desa in one family's year: its value with target and gap, its components against their
 * maxima, its status track across both families, provenance; for IDM also the history and the
 * 50 indicators with what would raise them; live.
 */
export function DesaView({ code, family, year }: { code: string; family: Family; year: number | null }) {
  const key = `${code}|${family.id}|${year}`;
  const [refresh, setRefresh] = useState(0);
  const bump = useMemo(() => throttle(() => setRefresh((r) => r + 1), 300), [key]);
  // Whatever failed to load while the connection was down is asked for again.
  useEffect(() => live.onReconnect(bump), [key]);
  const loaded = useLoad((signal) => load(family, code, year, signal), key, refresh);
  const village = loaded.data?.village;
  const cursor = loaded.data?.cursor ?? null;
  const following = cursor !== null && !!village;
  useEffect(() => {
    if (!following) return;
    return live.follow(family, { villageCode: village!.code }, cursor, bump);
  }, [key, following]);

  if (loaded.error && !loaded.data) return <p class="error">{loaded.error}</p>;
  if (!loaded.data) return <p class="loading">Loading…</p>;
  if (!village) return <p class="error">No desa with code {code} in the register.</p>;
  const d = village.district;
  const k = d.kabupaten;
  const value = loaded.data.value;
  const idm = loaded.data.idm;
  const y = value?.year ?? year;
  const q = yearQuery(family, y);
  const groups = (['IKS', 'IKE', 'IKL'] as IdmIndex[]).map((index) => ({ index, rows: idm?.indicators.filter((i) => i.index === index) ?? [] }));
  return (
    <>
      <nav class="crumbs" aria-label="Breadcrumbs">
        <a href="/dashboard/">Indonesia</a> › <a href={`/dashboard/province/${k.province.code}?${q}`}>{k.province.name}</a> ›{' '}
        <a href={`/dashboard/kabupaten/${k.code}?${q}`}>{k.name}</a> › <a href={`/dashboard/district/${d.code}?${q}`}>{d.name}</a> ›{' '}
        <h1>{village.name}</h1> <span class="muted">{village.compactCode}</span>
      </nav>
      {!value ? (
        <>
          <p class="panel">
            No {family.name} assessment{year ? ` in ${year}` : ''} for this {village.kind === 'KELURAHAN' ? 'kelurahan (kelurahan are not assessed)' : 'desa'}.
          </p>
          <section class="panel" aria-label="Status track">
            <h2>Status track</h2>
            <StatusTrack code={village.code} track={village.statusTrack} current={null} />
          </section>
        </>
      ) : (
        <>
          <section class="kpis" aria-label={family.name}>
            <div class="kpi">
              <div class="kpi-label">
                {family.name} {value.year}
              </div>
              <div class="kpi-value" data-testid="desa-score">
                {formatScore(family, value.score)}
              </div>
              <div class="kpi-diffs">
                <StatusPill status={value.status} />
                {value.change?.previousYear && (
                  <span class={`diff ${value.change.movement === 'UP' ? 'up' : value.change.movement === 'DOWN' ? 'down' : 'flat'}`}>
                    {delta(value.change.scoreDelta)} <small>vs {value.change.previousYear}</small>
                  </span>
                )}
              </div>
            </div>
            {family.components.map((c) => (
              <div class="kpi" key={c.key} title={c.title} data-dimension={c.key}>
                <div class="kpi-label">{c.label}</div>
                <div class="kpi-value">{formatScore(family, value.components[c.key])}</div>
                {c.max > 1 && (
                  <>
                    <div class="kpi-of">of {c.max}</div>
                    <Meter value={value.components[c.key] ?? 0} max={c.max} />
                  </>
                )}
              </div>
            ))}
            <div class="kpi">
              <div class="kpi-label">Target</div>
              <div class="kpi-value">
                <StatusPill status={value.targetStatus} />
              </div>
              <div class="kpi-diffs">
                {value.scoreToTarget > 0 ? (
                  <span>
                    needs <strong>+{formatScore(family, value.scoreToTarget)}</strong> to {formatScore(family, value.targetMinScore)}
                  </span>
                ) : (
                  <span>at the top status</span>
                )}
              </div>
            </div>
          </section>
          {value.statusMismatch && (
            <p class="panel warning">
              The official status ({value.status ? STATUS_NAMES[value.status] : '–'}) differs from the one the score gives ({STATUS_NAMES[value.derivedStatus]}).
            </p>
          )}
          {value.scoreMismatch && <p class="panel warning">The published score differs from the one its six dimensions give (Σ / 635 × 100); it is shown as published.</p>}
          <div class="grid">
            <section class="panel" aria-label="Status track">
              <h2>
                Status track <small>IDM to 2024, Indeks Desa from 2025: statuses compare, scores (0–1, 0–100) do not</small>
              </h2>
              <StatusTrack code={village.code} track={village.statusTrack} current={{ index: family.id, year: value.year }} />
            </section>
            <section class="panel" aria-label="Provenance">
              <h2>Provenance</h2>
              <Provenance value={value} />
            </section>
          </div>
          {idm && (
          <div class="grid">
            <section class="panel" aria-label="History">
              <h2>History</h2>
              <HistoryChart history={idm.history} />
              <table>
                <thead>
                  <tr>
                    <th scope="col">Year</th>
                    <th scope="col">IDM</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {idm.history.map((h) => (
                    <tr key={h.year}>
                      <th scope="row">{h.year}</th>
                      <td class="num">{formatScore(IDM, h.score)}</td>
                      <td>
                        <StatusPill status={h.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
          )}
          {idm && (
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
                          <td class="num">{i.potentialGain ? formatScore(IDM, i.potentialGain) : '–'}</td>
                          <td>{i.activity ?? <span class="muted">–</span>}</td>
                          <td class="muted">{ACTORS.filter((a) => i.actors[a]).map((a) => `${a}: ${i.actors[a]}`).join('; ') || '–'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))}
          </section>
          )}
        </>
      )}
    </>
  );
}
