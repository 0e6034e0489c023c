import { useMemo, useState } from 'preact/hooks';
import { project, type LegendEntry, type MapArea, type MapMeasure, type Shapes } from '../map';
import { navigate } from '../route';

interface Props {
  /** "Kabupaten / kota", "Desa". */
  title: string;
  /** What the image shows, for screen readers (which get the same figures from the tables). */
  label: string;
  shapes: Shapes;
  areas: MapArea[];
  legend: LegendEntry[];
  /** The colour switch of a region map; none on a desa map (coloured by status). */
  measure?: { value: MapMeasure; familyName: string; onChange(measure: MapMeasure): void };
  /** A line under the map: what is not drawn, and why. */
  note?: string | null;
}

/**
 * The view's regions drawn from the shapes the API sent (d3-geo, SVG; no tile, no basemap, so it
 * works offline), coloured by the figures of the view's latest answer: a live change recolours it
 * with the rest of the view. Names and figures on hover (a tooltip, and each path's <title>); a
 * click opens the region's view. The paths are projected once per set of shapes; a refresh only
 * changes fills. The image is one role="img" for assistive technology: the tables beside it carry
 * the same figures for keyboards and screen readers.
 */
export function RegionMap({ title, label, shapes, areas, legend, measure, note }: Props) {
  const projected = useMemo(() => project(shapes), [shapes]);
  // The tooltip's corner at the pointer; on the right of the map it opens leftwards (`flip`), so it stays inside.
  const [hover, setHover] = useState<{ area: MapArea; x: number; y: number; flip: boolean } | null>(null);
  const byCode = useMemo(() => new Map(areas.map((a) => [a.code, a])), [areas]);
  const areaAt = (target: EventTarget | null) => {
    const code = (target as Element | null)?.closest?.('[data-code]')?.getAttribute('data-code');
    return code ? byCode.get(code) : undefined;
  };
  // Reused while only the hover moves, so Preact skips diffing the paths.
  const paths = useMemo(
    () =>
      areas.map((a) => {
        const d = projected.paths.get(a.code);
        return d ? (
          <path key={a.code} d={d} fill={a.fill} data-code={a.code}>
            <title>{`${a.name}: ${a.details}`}</title>
          </path>
        ) : null;
      }),
    [projected, areas],
  );
  return (
    <section class="panel map" aria-label={`${title} map`}>
      <div class="map-head">
        <h2>{title}</h2>
        {measure && (
          <div class="switch" role="group" aria-label="Colour by">
            {(
              [
                ['TOP', 'Mandiri+Maju'],
                ['MEAN', `Mean ${measure.familyName}`],
              ] as const
            ).map(([m, name]) => (
              <button type="button" key={m} data-measure={m} aria-pressed={measure.value === m} onClick={() => measure.onChange(m)}>
                {name}
              </button>
            ))}
          </div>
        )}
      </div>
      <div class="map-box" onPointerLeave={() => setHover(null)}>
        <svg
          data-testid="map"
          role="img"
          aria-label={label}
          viewBox={`0 0 ${projected.width} ${projected.height}`}
          onPointerMove={(e) => {
            const area = areaAt(e.target);
            const box = (e.currentTarget as SVGSVGElement).getBoundingClientRect();
            setHover(area ? { area, x: e.clientX - box.left, y: e.clientY - box.top, flip: e.clientX - box.left > box.width * 0.6 } : null);
          }}
          onClick={(e) => {
            const area = areaAt(e.target);
            if (area) navigate(area.href);
          }}
        >
          {paths}
        </svg>
        {hover && (
          <div class="map-tip" style={{ left: `${hover.x + (hover.flip ? -14 : 14)}px`, top: `${hover.y + 14}px`, transform: hover.flip ? 'translateX(-100%)' : undefined }} aria-hidden="true">
            <strong>{hover.area.name}</strong>
            <br />
            {hover.area.details}
          </div>
        )}
      </div>
      <ul class="map-legend" aria-label="Legend">
        {legend.map((entry) => (
          <li key={entry.label}>
            <i style={{ background: entry.colour }} /> {entry.label}
          </li>
        ))}
      </ul>
      {note && <p class="muted map-note">{note}</p>}
    </section>
  );
}
