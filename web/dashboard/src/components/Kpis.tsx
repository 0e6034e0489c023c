import { formatScore, type Family } from '../family';
import { count, delta, percent, trend } from '../format';
import type { Previous, Summary } from '../summary';

interface Props {
  family: Family;
  summary: Summary;
  previous: Previous | null;
  /** What the parent is called here ("Indonesia", a province's name), or null at the top. */
  parentName: string | null;
}

interface Card {
  label: string;
  value: string;
  /** "of 170": a dimension's maximum. */
  of?: string;
  vsParent?: number | null;
  vsLastYear?: number | null;
  /** A dimension's mean against its maximum, drawn as a bar. */
  meter?: { value: number; max: number };
  /** Shares compare in percentage points. */
  points?: boolean;
  title: string;
}

/** A signed difference in the family's precision (or, for shares, in percentage points). */
function Diff({ value, digits, label, points }: { value: number | null | undefined; digits: number; label: string; points?: boolean }) {
  if (value === undefined) return null;
  return (
    <span class={`diff ${trend(value)}`}>
      {points ? `${delta(value, 1, 100)} pt` : delta(value, digits)} <small>{label}</small>
    </span>
  );
}

/**
 * Assessed desa (with the coverage of the register), the mean score and the mean of each of the
 * family's components (IDM's three indices, each in [0, 1]; the Indeks Desa's six dimensions,
 * each against its maximum), the share Mandiri+Maju: each against the parent and last year.
 */
export function Kpis({ family, summary, previous, parentName }: Props) {
  const mean = summary.mean;
  const prev = previous?.mean;
  const precision = 10 ** family.digits;
  const vsYear = (now: number | undefined, before: number | undefined) => (now == null || before == null ? null : Math.round((now - before) * precision) / precision);
  const cards: Card[] = [
    {
      label: 'Assessed desa',
      value: count(summary.assessed),
      of: summary.coverage == null ? undefined : `${percent(summary.coverage)} of the register`,
      vsLastYear: previous ? summary.assessed - previous.assessed : undefined,
      title: `Desa with an ${family.name} this year`,
    },
    {
      label: `Mean ${family.name}`,
      value: formatScore(family, mean?.score),
      of: family.max === 1 ? undefined : `of ${family.max}`,
      vsParent: summary.meanVsParent?.score,
      vsLastYear: previous ? vsYear(mean?.score, prev?.score) : undefined,
      title: `Mean ${family.name} score`,
    },
    ...family.components.map((c) => ({
      label: c.label,
      value: formatScore(family, mean?.[c.key]),
      of: c.max === 1 ? undefined : `of ${c.max}`,
      meter: c.max > 1 && mean?.[c.key] != null ? { value: mean[c.key]!, max: c.max } : undefined,
      vsParent: summary.meanVsParent?.[c.key],
      vsLastYear: previous ? vsYear(mean?.[c.key], prev?.[c.key]) : undefined,
      title: c.title,
    })),
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
          {card.of && <div class="kpi-of">{card.of}</div>}
          {card.meter && <Meter {...card.meter} />}
          <div class="kpi-diffs">
            {parentName && card.vsParent !== undefined && <Diff value={card.vsParent} digits={family.digits} label={`vs ${parentName}`} />}
            {card.vsLastYear !== undefined && (
              <Diff value={card.label === 'Assessed desa' ? null : card.vsLastYear} digits={family.digits} label={`vs ${previous?.year}`} points={card.points} />
            )}
          </div>
        </div>
      ))}
    </section>
  );
}

/** A value against its maximum, as a bar. */
export function Meter({ value, max }: { value: number; max: number }) {
  return (
    <span class="meter" role="img" aria-label={`${value} of ${max}`}>
      <span style={{ width: `${Math.min(100, (value / max) * 100)}%` }} />
    </span>
  );
}
