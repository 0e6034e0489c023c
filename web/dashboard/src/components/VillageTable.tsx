import { useState } from 'preact/hooks';
import { exportUrl, query } from '../api';
import { count, delta, score } from '../format';
import { StatusPill } from './StatusPill';
import { VillageListDocument, type IdmMovement, type VillageFilter, type VillageLineFragment, type VillageOrderBy } from '../generated/graphql';
import { useLoad } from '../hooks';

interface Props {
  filter: VillageFilter;
  year: number;
  order: VillageOrderBy;
  movement: IdmMovement[];
  refresh: number;
  onOrder(order: VillageOrderBy): void;
  onMovement(movement: IdmMovement[]): void;
}

/** The movements a list can be filtered by (a retraction leaves no assessment to list). */
const MOVEMENT_LABEL: Record<Exclude<IdmMovement, 'RETRACTED'>, string> = { UP: '▲ promoted', DOWN: '▼ demoted', SAME: '= same', NEW: '• first' };

/** The desa in view, filtered by the legend and by movement, in pages of 50, with its CSV export. */
export function VillageTable({ filter, year, order, movement, refresh, onOrder, onMovement }: Props) {
  const fullFilter: VillageFilter = { ...filter, idmYear: year, movement: movement.length ? movement : undefined };
  const key = JSON.stringify([fullFilter, order]);
  const first = useLoad((signal) => query(VillageListDocument, { filter: fullFilter, orderBy: order, year }, signal), key, refresh);
  const [more, setMore] = useState<{ key: string; rows: VillageLineFragment[]; next: string | null }>({ key: '', rows: [], next: null });
  const page = first.data?.villages;
  const extra = more.key === key ? more.rows : [];
  const next = more.key === key ? more.next : (page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null);
  const rows = [...(page?.edges.map((e) => e.node) ?? []), ...extra];
  const loadMore = async () => {
    if (!next) return;
    const answer = await query(VillageListDocument, { filter: fullFilter, orderBy: order, year, after: next });
    setMore({ key, rows: [...extra, ...answer.villages.edges.map((e) => e.node)], next: answer.villages.pageInfo.hasNextPage ? answer.villages.pageInfo.endCursor! : null });
  };
  const toggle = (m: IdmMovement) => onMovement(movement.includes(m) ? movement.filter((x) => x !== m) : [...movement, m]);
  return (
    <section class="panel villages" aria-label="Desa list">
      <h2>
        Desa <small data-testid="village-total">{page ? `${count(page.totalCount)} in view` : '…'}</small>
      </h2>
      <div class="toolbar">
        <div role="group" aria-label="Movement against the previous assessed year">
          {(['UP', 'DOWN'] as const).map((m) => (
            <button type="button" key={m} aria-pressed={movement.includes(m)} onClick={() => toggle(m)} data-movement={m}>
              {MOVEMENT_LABEL[m]}
            </button>
          ))}
        </div>
        <label>
          Order{' '}
          <select value={order} onChange={(e) => onOrder((e.target as HTMLSelectElement).value as VillageOrderBy)}>
            <option value="IDM_SCORE_ASC">Lowest IDM first</option>
            <option value="IDM_SCORE_DESC">Highest IDM first</option>
            <option value="CODE">By code</option>
          </select>
        </label>
        <a class="button" href={exportUrl(fullFilter, order)} download="villages.csv" data-testid="export">
          Export CSV
        </a>
      </div>
      {first.error && <p class="error">{first.error}</p>}
      <div class="table-wrap">
        <table data-testid="village-table">
          <thead>
            <tr>
              <th scope="col">Desa</th>
              <th scope="col">Kecamatan · Kabupaten</th>
              <th scope="col">IDM {year}</th>
              <th scope="col">Status</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <tr key={v.code} data-code={v.code}>
                <th scope="row">
                  <a href={`/dashboard/desa/${v.code}?year=${year}`}>{v.name}</a>
                </th>
                <td class="muted">
                  {v.district.name} · {v.kabupaten.name}
                </td>
                <td class="num">{score(v.idm?.score)}</td>
                <td>
                  {v.idm?.status && <StatusPill status={v.idm.status} />}
                  {v.idm?.statusMismatch && <span title="The official status differs from the one the score gives"> ⚠</span>}
                </td>
                <td class="num">
                  {v.idm?.change && (
                    <span class={`diff ${v.idm.change.movement === 'UP' ? 'up' : v.idm.change.movement === 'DOWN' ? 'down' : 'flat'}`}>
                      {v.idm.change.movement === 'NEW' ? 'first' : delta(v.idm.change.scoreDelta)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {next && (
        <button type="button" class="more" onClick={loadMore}>
          Show 50 more
        </button>
      )}
    </section>
  );
}
