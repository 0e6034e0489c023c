import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { formatScore, type Family } from '../family';
import { STATUS_COLOURS, STATUS_ORDER } from '../format';
import type { Bin } from '../summary';

interface Props {
  family: Family;
  bins: Bin[];
  mean: number | null;
}

/**
 * The score histogram, each bar in the colour of its status, the mean marked: IDM's 24 bins from
 * the lowest to the highest score, the Indeks Desa's 20 over the whole 0–100 scale.
 */
export function Histogram({ family, bins, mean }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || bins.length === 0) return;
    const xs = bins.map((b) => (b.from + b.to) / 2);
    // One series per status, so each bar takes its status's colour.
    const series = STATUS_ORDER.map((status) => bins.map((b) => (b.status === status ? b.count : null)));
    const width = bins.length > 1 ? bins[1]!.from - bins[0]!.from : 0.01;
    const bars = uPlot.paths.bars!({ size: [0.95, Infinity], align: 0 });
    const plot = new uPlot(
      {
        width: el.clientWidth || 600,
        height: 220,
        legend: { show: false },
        cursor: { y: false, points: { show: false } },
        scales: { x: { time: false, range: [bins[0]!.from - width / 2, bins.at(-1)!.to + width / 2] }, y: { range: (_u, _min, max) => [0, max * 1.08] } },
        axes: [{ values: (_u, ticks) => ticks.map((t) => t.toFixed(family.max === 1 ? 2 : 0)) }, { size: 56 }],
        series: [{}, ...STATUS_ORDER.map((status) => ({ label: status, fill: STATUS_COLOURS[status], stroke: STATUS_COLOURS[status], paths: bars, points: { show: false } }))],
        hooks: {
          draw: [
            (u) => {
              if (mean == null) return;
              const x = u.valToPos(mean, 'x', true);
              const ctx = u.ctx;
              ctx.save();
              ctx.strokeStyle = '#1b2733';
              ctx.setLineDash([6, 4]);
              ctx.lineWidth = 2 * devicePixelRatio;
              ctx.beginPath();
              ctx.moveTo(x, u.bbox.top);
              ctx.lineTo(x, u.bbox.top + u.bbox.height);
              ctx.stroke();
              ctx.restore();
            },
          ],
        },
      },
      [xs, ...series] as uPlot.AlignedData,
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: 220 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [family.id, JSON.stringify(bins), mean]);
  return (
    <section class="panel" aria-label="Score histogram">
      <h2>
        Score distribution{' '}
        <small>
          {bins.length} bins{family.max === 1 ? '' : ` on 0–${family.max}`} · mean {formatScore(family, mean)} (dashed)
        </small>
      </h2>
      <div ref={box} class="chart" />
      <table class="sr-only" data-testid="histogram">
        <caption>Desa per score bin</caption>
        <tbody>
          {bins.map((b) => (
            <tr key={b.from} data-from={b.from} data-to={b.to}>
              <th scope="row">
                {formatScore(family, b.from)}–{formatScore(family, b.to)}
              </th>
              <td>{b.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
