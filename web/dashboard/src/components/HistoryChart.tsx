import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';

interface Props {
  history: { year: number; score: number; iks: number; ike: number; ikl: number }[];
}

const LINES = [
  { key: 'score', label: 'IDM', stroke: '#1b2733', width: 3 },
  { key: 'iks', label: 'IKS', stroke: '#2b6cb0', width: 1.5 },
  { key: 'ike', label: 'IKE', stroke: '#b7791f', width: 1.5 },
  { key: 'ikl', label: 'IKL', stroke: '#2f855a', width: 1.5 },
] as const;

/** A desa's IDM and its three indices through the years. */
export function HistoryChart({ history }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || history.length === 0) return;
    const plot = new uPlot(
      {
        width: el.clientWidth || 500,
        height: 200,
        scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] }, y: { range: [0, 1] } },
        axes: [{ values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? String(t) : '')) }, { size: 44 }],
        series: [{ label: 'Year' }, ...LINES.map((l) => ({ label: l.label, stroke: l.stroke, width: l.width, points: { show: true, size: 6 } }))],
      },
      [history.map((h) => h.year), ...LINES.map((l) => history.map((h) => h[l.key]))] as uPlot.AlignedData,
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: 200 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [JSON.stringify(history)]);
  return <div ref={box} class="chart" aria-label="IDM history chart" />;
}
