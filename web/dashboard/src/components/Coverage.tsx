import type { Family } from '../family';
import { count, percent, STATUS_COLOURS, STATUS_NAMES, STATUS_ORDER } from '../format';
import type { OfficialCounts, Summary } from '../summary';

/** What is loaded against what the decree published for the nation: per status and in all, the share of it the API holds. */
export function Coverage({ family, summary, official }: { family: Family; summary: Summary; official: OfficialCounts }) {
  const loaded = (status: string) => summary.byStatus.find((s) => s.status === status)?.count ?? 0;
  const published = (status: string) => official.byStatus.find((s) => s.status === status)?.count ?? 0;
  // A kabupaten's file is a fraction of a percent of the nation: shown to two decimals of a percent.
  const covered = (n: number, of: number) => (of ? `${((n / of) * 100).toFixed(2)}%` : percent(null));
  return (
    <section class="panel" aria-label="Coverage against the official counts" data-testid="coverage">
      <h2>
        Coverage <small>loaded against {official.source} ({family.name} {official.year})</small>
      </h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Loaded</th>
              <th scope="col">Official</th>
              <th scope="col">Coverage</th>
            </tr>
          </thead>
          <tbody>
            {[...STATUS_ORDER].reverse().map((s) => (
              <tr key={s} data-status={s}>
                <th scope="row">
                  <i class="swatch" style={{ background: STATUS_COLOURS[s] }} /> {STATUS_NAMES[s]}
                </th>
                <td class="num">{count(loaded(s))}</td>
                <td class="num">{count(published(s))}</td>
                <td class="num">{covered(loaded(s), published(s))}</td>
              </tr>
            ))}
            <tr data-status="total">
              <th scope="row">All desa</th>
              <td class="num">{count(summary.assessed)}</td>
              <td class="num">{count(official.total)}</td>
              <td class="num">{covered(summary.assessed, official.total)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
