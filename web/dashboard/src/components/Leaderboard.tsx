import { useState } from 'preact/hooks';
import { formatScore, type Family } from '../family';
import { count, percent, STATUS_COLOURS, STATUS_ORDER } from '../format';
import type { ChildSummary, Ranked } from '../summary';

interface Child {
  code: string;
  name: string;
  href: string;
  summary: ChildSummary | null;
}

interface Props {
  family: Family;
  /** "Provinces", "Kabupaten/kota", "Kecamatan". */
  title: string;
  best: Ranked[];
  worst: Ranked[];
  children: Child[];
  hrefOf(code: string): string;
}

type Sort = 'name' | 'mean' | 'top' | 'assessed';

/** The ranking of the children (best and worst five by the family's mean score) and all of them in a sortable table. */
export function Leaderboard({ family, title, best, worst, children, hrefOf }: Props) {
  const [sort, setSort] = useState<Sort>('mean');
  const value = (c: Child): number | string => (sort === 'name' ? c.name : sort === 'mean' ? (c.summary?.mean?.score ?? -1) : sort === 'top' ? (c.summary?.top ?? -1) : (c.summary?.assessed ?? 0));
  const rows = [...children].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return typeof x === 'string' ? x.localeCompare(y as string) : (y as number) - x;
  });
  const header = (key: Sort, label: string) => (
    <th scope="col" aria-sort={sort === key ? (key === 'name' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" onClick={() => setSort(key)}>
        {label}
      </button>
    </th>
  );
  return (
    <section class="panel leaderboard" aria-label={`${title} leaderboard`}>
      <h2>{title}</h2>
      <div class="ranks">
        {[
          [`Highest mean ${family.name}`, best],
          [`Lowest mean ${family.name}`, worst],
        ].map(([label, list]) => (
          <ol key={label as string} aria-label={label as string}>
            <li class="ranks-title">{label as string}</li>
            {(list as Ranked[]).map((r) => (
              <li key={r.code}>
                <span class="rank">{r.rank}</span>
                <a href={hrefOf(r.code)}>{r.name}</a>
                <span class="num">{formatScore(family, r.value)}</span>
              </li>
            ))}
          </ol>
        ))}
      </div>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              {header('name', 'Name')}
              {header('assessed', 'Assessed')}
              {header('mean', `Mean ${family.name}`)}
              {header('top', 'Mandiri+Maju')}
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.code}>
                <th scope="row">
                  <a href={c.href}>{c.name}</a>
                </th>
                <td class="num">{count(c.summary?.assessed)}</td>
                <td class="num">{formatScore(family, c.summary?.mean?.score)}</td>
                <td class="num">{percent(c.summary?.top)}</td>
                <td>
                  <MiniBar summary={c.summary} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function MiniBar({ summary }: { summary: ChildSummary | null }) {
  if (!summary?.assessed) return <span class="muted">–</span>;
  return (
    <span class="mini-bar" aria-hidden="true">
      {[...STATUS_ORDER].reverse().map((s) => {
        const n = summary.byStatus.find((b) => b.status === s)?.count ?? 0;
        return <span key={s} style={{ width: `${(n / summary.assessed) * 100}%`, background: STATUS_COLOURS[s] }} />;
      })}
    </span>
  );
}
