import type { Position } from 'geojson';
import { BoundaryDetail } from '../../src/geo/geo.enums';
import { checkGeometry, GeometryError, polygonsOf, type RegionGeometry } from '../../src/geo/geometry';
import { codeAndLevel, givenCode, pointInside } from '../../src/geo/shape-record';
import { simplifyTogether } from '../../src/geo/simplify';

/** A jagged line from (x, y0) to (x, y1): the border two neighbours share, with many small teeth. */
function jagged(x: number, y0: number, y1: number, teeth: number): Position[] {
  const line: Position[] = [];
  for (let i = 0; i <= teeth; i++) line.push([Math.round((x + (i % 2 ? 0.003 : -0.003) * (i > 0 && i < teeth ? 1 : 0)) * 1e5) / 1e5, Math.round((y0 + ((y1 - y0) * i) / teeth) * 1e5) / 1e5]);
  return line;
}

/** Two neighbours sharing the jagged border at lng 110, each drawing its own copy of it. */
function neighbours(): [RegionGeometry, RegionGeometry] {
  const border = jagged(110, -1, 0, 200);
  const west: Position[] = [[109, -1], ...border, [109, 0], [109, -1]];
  const east: Position[] = [[111, 0], ...[...border].reverse(), [111, -1], [111, 0]];
  return [
    { type: 'Polygon', coordinates: [west] },
    { type: 'Polygon', coordinates: [east] },
  ];
}

const key = (p: Position) => `${p[0]},${p[1]}`;
/** The positions of a ring on the shared border's strip. */
const onBorder = (g: RegionGeometry) => new Set(polygonsOf(g)[0]![0]!.filter((p) => Math.abs(p[0]! - 110) < 0.01).map(key));

describe('simplification keeps shared borders shared', () => {
  test.each([BoundaryDetail.LOW, BoundaryDetail.MEDIUM])('at %s both neighbours keep the same border points: no sliver, no gap', (detail) => {
    const [west, east] = neighbours();
    const [a, b] = simplifyTogether([west, east]).map((s) => s[detail as BoundaryDetail.LOW]);
    const fullBorder = onBorder(west).size;
    expect(onBorder(a!)).toEqual(onBorder(b!));
    if (detail === BoundaryDetail.LOW) expect(onBorder(a!).size).toBeLessThan(fullBorder);
  });

  test('a region made of islets below the ring filter keeps its largest polygon', () => {
    const islet = (lng: number, size: number): Position[][] => [[[lng, 0], [lng + size, 0], [lng + size, size], [lng, size], [lng, 0]]];
    const [low] = simplifyTogether([{ type: 'MultiPolygon', coordinates: [islet(100, 0.001), islet(101, 0.002)] }]).map((s) => s.LOW);
    expect(polygonsOf(low!)).toHaveLength(1);
    expect(polygonsOf(low!)[0]![0]![0]).toEqual([101, 0]);
  });
});

describe('checkGeometry', () => {
  const ring = [[0, 0], [1, 0], [1, 1], [0, 0]];
  test.each([
    [{ type: 'Point', coordinates: [0, 0] }, /not a region/],
    [{ type: 'Polygon', coordinates: [] }, /no coordinates/],
    [{ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }, /open/],
    [{ type: 'Polygon', coordinates: [[[0, 0], [181, 0], [1, 1], [0, 0]]] }, /longitude 181/],
    [{ type: 'Polygon', coordinates: [[[0, 0], [1, -91], [1, 1], [0, 0]]] }, /latitude -91/],
    [{ type: 'Polygon', coordinates: [[[0, 0], [1, null], [1, 1], [0, 0]]] }, /finite/],
    [{ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] }, /encloses nothing/],
    [null, /no geometry/],
  ])('%j is refused', (geometry, message) => {
    expect(() => checkGeometry(geometry)).toThrow(GeometryError);
    expect(() => checkGeometry(geometry)).toThrow(message);
  });

  test('a degenerate hole or polygon is left out and counted', () => {
    const checked = checkGeometry({ type: 'MultiPolygon', coordinates: [[ring, [[0.5, 0.5], [0.6, 0.5], [0.5, 0.5]]], [[[5, 5], [6, 5], [5, 5]]]] });
    expect(checked.droppedRings).toBe(2);
    expect(checked.geometry).toEqual({ type: 'Polygon', coordinates: [ring] });
  });
});

describe('codes and points', () => {
  test('the code comes from kode, code, KODE or the id, dotted or compact, and names its level', () => {
    const f = (properties: Record<string, unknown>, id?: unknown) => ({ index: 0, isFeature: true, id, properties, geometry: null });
    expect(givenCode(f({ kode: '64.02' }))).toBe('64.02');
    expect(givenCode(f({ code: 6402 }))).toBe('6402');
    expect(givenCode(f({ KODE: ' 640208 ' }))).toBe('640208');
    expect(givenCode(f({}, '6402082005'))).toBe('6402082005');
    expect(givenCode(f({ nama: 'x' }))).toBeNull();
    expect(codeAndLevel('64')).toEqual({ code: '64', level: 'province' });
    expect(codeAndLevel('6402')).toEqual({ code: '64.02', level: 'kabupaten' });
    expect(codeAndLevel('64.02.08')).toEqual({ code: '64.02.08', level: 'district' });
    expect(codeAndLevel('6402082005')).toEqual({ code: '64.02.08.2005', level: 'village' });
    expect(codeAndLevel('64.2')).toBeNull();
  });

  test("a C-shaped region's point lies inside it, where its centroid does not", () => {
    const c: Position[] = [[0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [3, 2], [3, 3], [0, 3], [0, 0]];
    const [lng, lat] = pointInside({ type: 'Polygon', coordinates: [c] });
    // Inside the C's spine (x < 1) or one of its arms, never in the mouth (1 < x, 1 < y < 2).
    expect(lng! < 1 || lat! < 1 || lat! > 2).toBe(true);
  });
});
