import { count, delta, percent, score, trend } from '../format';
import type { PreviousCardFragment, SummaryCardFragment } from '../generated/graphql';

interface Props {
  summary: SummaryCardFragment;
  previous: PreviousCardFragment | null;
  /** What the parent is called here ("Indonesia", a province's name), or null at the top. */
  parentName: string | null;
}

interface Card {
  label: string;
  value: string;
  vsParent?: number | null;
  vsLastYear?: number | null;
  /** Shares compare in percentage points. */
  points?: boolean;
  title: string;
}

function Diff({ value, label, points }: { value: number | null | undefined; label: string; points?: boolean }) {
  if (value === undefined) return null;
  return (
    <span class={`diff ${trend(value)}`}>
      {points ? `${delta(value, 1, 100)} pt` : delta(value)} <small>{label}</small>
    </span>
  );
}

/** Assessed desa, mean IDM and its three indices, share Mandiri+Maju: each against the parent and last year. */
export function Kpis({ summary, previous, parentName }: Props) {
  const mean = summary.mean;
  const prev = previous?.mean;
  const vsYear = (now: number | undefined, before: number | undefined) => (now == null || before == null ? null : Math.round((now - before) * 1e4) / 1e4);
  const cards: Card[] = [
    { label: 'Assessed desa', value: count(summary.assessed), vsLastYear: previous ? summary.assessed - previous.assessed : undefined, title: 'Desa with an IDM this year' },
    { label: 'Mean IDM', value: score(mean?.score), vsParent: summary.meanVsParent?.score, vsLastYear: previous ? vsYear(mean?.score, prev?.score) : undefined, title: 'Mean IDM score' },
    { label: 'IKS', value: score(mean?.iks), vsParent: summary.meanVsParent?.iks, vsLastYear: previous ? vsYear(mean?.iks, prev?.iks) : undefined, title: 'Social resilience index' },
    { label: 'IKE', value: score(mean?.ike), vsParent: summary.meanVsParent?.ike, vsLastYear: previous ? vsYear(mean?.ike, prev?.ike) : undefined, title: 'Economic resilience index' },
    { label: 'IKL', value: score(mean?.ikl), vsParent: summary.meanVsParent?.ikl, vsLastYear: previous ? vsYear(mean?.ikl, prev?.ikl) : undefined, title: 'Ecological resilience index' },
    {
      label: 'Mandiri + Maju',
      value: percent(summary.top),
      vsLastYear: previous ? vsYear(summary.top ?? undefined, previous.top ?? undefined) : undefined,
      points: true,
      title: 'Share of assessed desa that are Mandiri or Maju',
    },
  ];
  return (
    <section class="kpis" aria-label="Key figures">
      {cards.map((card) => (
        <div class="kpi" key={card.label} title={card.title} data-kpi={card.label}>
          <div class="kpi-label">{card.label}</div>
          <div class="kpi-value">{card.value}</div>
          <div class="kpi-diffs">
            {parentName && card.vsParent !== undefined && <Diff value={card.vsParent} label={`vs ${parentName}`} />}
            {card.vsLastYear !== undefined && (
              <Diff value={card.label === 'Assessed desa' ? null : card.vsLastYear} label={`vs ${previous?.year}`} points={card.points} />
            )}
          </div>
        </div>
      ))}
    </section>
  );
}
