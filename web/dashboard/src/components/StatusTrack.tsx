import { formatScore, FAMILIES, yearQuery } from '../family';
import type { IndexFamily, TrackFragment } from '../generated/graphql';
import { StatusPill } from './StatusPill';

/**
 * A desa's status through every assessed year of either family, oldest first: IDM years, then
 * Indeks Desa years, each labelled with its family and its score on that family's own scale. The
 * statuses compare (the same five in the same order); the scores do not, so no line joins them.
 */
export function StatusTrack({ code, track, current }: { code: string; track: TrackFragment[]; current: { index: IndexFamily; year: number } | null }) {
  if (track.length === 0) return <p class="muted">No assessment of either index yet.</p>;
  const groups = track.reduce<{ index: IndexFamily; entries: TrackFragment[] }[]>((out, entry) => {
    const last = out.at(-1);
    if (last?.index === entry.index) last.entries.push(entry);
    else out.push({ index: entry.index, entries: [entry] });
    return out;
  }, []);
  return (
    <ol class="track" data-testid="status-track">
      {groups.map((group) => (
        <li key={`${group.index}${group.entries[0]!.year}`} class="track-family" data-index={group.index}>
          <span class="track-label">{FAMILIES[group.index].name}</span>
          <ol>
            {group.entries.map((e) => {
              const family = FAMILIES[e.index];
              const here = current?.index === e.index && current.year === e.year;
              return (
                <li key={e.year} data-year={e.year} aria-current={here ? 'true' : undefined}>
                  <a href={`/dashboard/desa/${code}?${yearQuery(family, e.year)}`}>{e.year}</a> <StatusPill status={e.status} />{' '}
                  <span class="num muted" title={`${family.name} score, 0–${family.max}`}>
                    {formatScore(family, e.score)}
                  </span>
                </li>
              );
            })}
          </ol>
        </li>
      ))}
    </ol>
  );
}
