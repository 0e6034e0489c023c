import { useState } from 'preact/hooks';
import { exportUrl, query } from '../api';
import { formatScore, yearQuery, type Family, type ListOrder } from '../family';
import { count, delta } from '../format';
import { StatusPill } from './StatusPill';
import { IdVillageListDocument, VillageListDocument, type IdmMovement, type IdmStatus, type IndexFamily, type TypedDocumentString, type VillageFilter, type VillageOrderBy } from '../generated/graphql';
import { useLoad } from '../hooks';

interface Props {
  family: Family;
  /** The region's part of the filter; the family's conditions are added here. */
  filter: VillageFilter;
  statuses: IdmStatus[];
  year: number;
  order: ListOrder;
  movement: IdmMovement[];
  refresh: number;
  onOrder(order: ListOrder): void;
  onMovement(movement: IdmMovement[]): void;
}

/** A listed desa with its value of the family (both families' lines alias it `value`). */
interface Row {
  code: string;
  name: string;
  district: { name: string };
  kabupaten: { name: string };
  value: {
    score: number;
    status: IdmStatus | null;
    statusMismatch: boolean;
    scoreMismatch?: boolean;
    /** IDM's change against the previous assessed year. */
    change?: { movement: IdmMovement; scoreDelta: number | null };
  } | null;
}

type Page = { villages: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null }; edges: { node: Row }[] } };
type Vars = { filter: VillageFilter; orderBy: VillageOrderBy; year: number; after?: string };

const LISTS: Record<IndexFamily, TypedDocumentString<Page, Vars>> = { IDM: VillageListDocument, INDEKS_DESA: IdVillageListDocument };

/** The movements a list can be filtered by (a retraction leaves no assessment to list). */
const MOVEMENT_LABEL: Record<Exclude<IdmMovement, 'RETRACTED'>, string> = { UP: '▲ promoted', DOWN: '▼ demoted', SAME: '= same', NEW: '• first' };

/** The desa in view, filtered by the legend and by movement, in pages of 50, with its CSV export (the family's columns). */
export function VillageTable({ family, filter, statuses, year, order, movement, refresh, onOrder, onMovement }: Props) {
  const fullFilter: VillageFilter = { ...filter, ...family.filter(year, statuses, movement) };
  const orderBy: VillageOrderBy = order === 'CODE' ? 'CODE' : family.orders[order];
  const list = LISTS[family.id];
  const key = JSON.stringify([fullFilter, orderBy]);
  const first = useLoad((signal) => query(list, { filter: fullFilter, orderBy, year }, signal), key, refresh);
  const [more, setMore] = useState<{ key: string; rows: Row[]; next: string | null }>({ key: '', rows: [], next: null });
  const page = first.data?.villages;
  const extra = more.key === key ? more.rows : [];
  const next = more.key === key ? more.next : page?.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
  const rows = [...(page?.edges.map((e) => e.node) ?? []), ...extra];
  const loadMore = async () => {
    if (!next) return;
    const answer = await query(list, { filter: fullFilter, orderBy, year, after: next });
    setMore({ key, rows: [...extra, ...answer.villages.edges.map((e) => e.node)], next: answer.villages.pageInfo.hasNextPage ? answer.villages.pageInfo.endCursor! : null });
  };
  const toggle = (m: IdmMovement) => onMovement(movement.includes(m) ? movement.filter((x) => x !== m) : [...movement, m]);
  const withChange = family.id === 'IDM';
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
          <select value={order} onChange={(e) => onOrder((e.target as HTMLSelectElement).value as ListOrder)}>
            <option value="SCORE_ASC">Lowest {family.name} first</option>
            <option value="SCORE_DESC">Highest {family.name} first</option>
            <option value="CODE">By code</option>
          </select>
        </label>
        <a class="button" href={exportUrl(fullFilter, orderBy, family.exportIndex)} download="villages.csv" data-testid="export">
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
              <th scope="col">
                {family.name} {year}
              </th>
              <th scope="col">Status</th>
              {withChange && <th scope="col">Change</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((v) => (
              <tr key={v.code} data-code={v.code}>
                <th scope="row">
                  <a href={`/dashboard/desa/${v.code}?${yearQuery(family, year)}`}>{v.name}</a>
                </th>
                <td class="muted">
                  {v.district.name} · {v.kabupaten.name}
                </td>
                <td class="num">
                  {formatScore(family, v.value?.score)}
                  {v.value?.scoreMismatch && <span title="The published score differs from the one its dimensions give"> ⚠</span>}
                </td>
                <td>
                  {v.value?.status && <StatusPill status={v.value.status} />}
                  {v.value?.statusMismatch && <span title="The official status differs from the one the score gives"> ⚠</span>}
                </td>
                {withChange && (
                  <td class="num">
                    {v.value?.change && (
                      <span class={`diff ${v.value.change.movement === 'UP' ? 'up' : v.value.change.movement === 'DOWN' ? 'down' : 'flat'}`}>
                        {v.value.change.movement === 'NEW' ? 'first' : delta(v.value.change.scoreDelta)}
                      </span>
                    )}
                  </td>
                )}
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
