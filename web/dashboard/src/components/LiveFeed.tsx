import { useEffect, useState } from 'preact/hooks';
import { formatScore, yearQuery, type Family } from '../family';
import { STATUS_NAMES } from '../format';
import { live, type LiveState, type Update } from '../live';

const LABEL: Record<LiveState, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };

/** The connection's state, always in view. */
export function LiveBadge() {
  const [state, setState] = useState(live.state);
  useEffect(() => live.onChange(() => setState(live.state)), []);
  return (
    <span class={`live-badge ${state}`} role="status" aria-live="polite" data-state={state}>
      <i aria-hidden="true" /> {LABEL[state]}
    </span>
  );
}

export interface FeedEntry {
  update: Update;
  missed: boolean;
}

/** The latest changes of the family in view, and those written while the page was disconnected. */
export function LiveFeed({ family, entries, missed, onDismiss }: { family: Family; entries: FeedEntry[]; missed: number; onDismiss(): void }) {
  return (
    <section class="panel feed" aria-label="Live changes">
      <h2>
        Live changes <small>newest first</small>
      </h2>
      {missed > 0 && (
        <p class="missed" role="status" data-testid="missed">
          {missed} change{missed === 1 ? '' : 's'} came in while the connection was down; the figures include them.{' '}
          <button type="button" onClick={onDismiss}>
            OK
          </button>
        </p>
      )}
      {entries.length === 0 ? (
        <p class="muted">Waiting for {family.name} changes in this area…</p>
      ) : (
        <ol>
          {entries.map(({ update, missed: wasMissed }) => (
            <li key={update.cursor} class={wasMissed ? 'was-missed' : ''}>
              <a href={`/dashboard/desa/${update.village.code}?${yearQuery(family, update.year)}`}>{update.village.name}</a>{' '}
              <span class="muted">
                {update.village.district.name} · {update.year}
              </span>{' '}
              <span class={`diff ${update.movement === 'UP' ? 'up' : update.movement === 'DOWN' ? 'down' : 'flat'}`}>
                {update.previous ? `${formatScore(family, update.previous.score)} → ` : ''}
                {update.current ? `${formatScore(family, update.current.score)} ${STATUS_NAMES[update.current.status]}` : 'retracted'}
              </span>
              {wasMissed && <span class="tag">missed</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
