import { count, percent, STATUS_COLOURS, STATUS_NAMES, STATUS_ORDER } from '../format';
import type { IdmStatus } from '../generated/graphql';

interface Props {
  byStatus: { status: IdmStatus; count: number; share: number }[];
  selected: IdmStatus[];
  onToggle(status: IdmStatus): void;
  movedUp: number;
  movedDown: number;
}

/** The five statuses as one bar, and a legend whose buttons filter the village list. */
export function StatusBar({ byStatus, selected, onToggle, movedUp, movedDown }: Props) {
  const of = (status: IdmStatus) => byStatus.find((s) => s.status === status) ?? { status, count: 0, share: 0 };
  return (
    <section class="panel status" aria-label="Status distribution">
      <h2>Status</h2>
      <div class="status-bar" role="img" aria-label={STATUS_ORDER.map((s) => `${STATUS_NAMES[s]} ${percent(of(s).share)}`).join(', ')}>
        {[...STATUS_ORDER].reverse().map((s) => (
          <span key={s} style={{ width: `${of(s).share * 100}%`, background: STATUS_COLOURS[s] }} class={selected.length && !selected.includes(s) ? 'dim' : ''} />
        ))}
      </div>
      <ul class="legend">
        {[...STATUS_ORDER].reverse().map((s) => (
          <li key={s}>
            <button type="button" aria-pressed={selected.includes(s)} onClick={() => onToggle(s)} data-status={s}>
              <i style={{ background: STATUS_COLOURS[s] }} />
              <span class="legend-name">{STATUS_NAMES[s]}</span>
              <span class="legend-count">{count(of(s).count)}</span>
              <span class="legend-share">{percent(of(s).share)}</span>
            </button>
          </li>
        ))}
      </ul>
      <p class="moved">
        <span class="diff up">▲ {count(movedUp)} promoted</span> <span class="diff down">▼ {count(movedDown)} demoted</span> <small>against their previous assessed year</small>
      </p>
    </section>
  );
}
