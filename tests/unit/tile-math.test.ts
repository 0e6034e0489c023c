import { parseTileAddress, tileAt, tileBounds, TileAddressError } from '../../src/geo/tiles/tile-math';
import { detailForZoom, tileLayer } from '../../src/geo/tiles/tile-layers';

describe('tile addresses', () => {
  it('take whole numbers within their zoom', () => {
    expect(parseTileAddress('0', '0', '0')).toEqual({ z: 0, x: 0, y: 0 });
    expect(parseTileAddress('22', String(2 ** 22 - 1), '0')).toEqual({ z: 22, x: 2 ** 22 - 1, y: 0 });
  });

  it.each([
    ['23', '0', '0', 'z'],
    ['30', '0', '0', 'z'],
    ['abc', '0', '0', 'z'],
    ['1.5', '0', '0', 'z'],
    ['-1', '0', '0', 'z'],
    ['01', '0', '0', 'z'],
    ['2', '4', '0', 'x'],
    ['2', '0', '4', 'y'],
    ['2', '-1', '0', 'x'],
    ['2', '1e1', '0', 'x'],
  ])('refuse z=%s x=%s y=%s, naming %s', (z, x, y, part) => {
    expect(() => parseTileAddress(z, x, y)).toThrow(TileAddressError);
    try {
      parseTileAddress(z, x, y);
    } catch (error) {
      expect((error as TileAddressError).part).toBe(part);
    }
  });
});

describe('tile bounds', () => {
  it('cover the Web Mercator world at zoom 0', () => {
    const b = tileBounds({ z: 0, x: 0, y: 0 });
    expect(b.west).toBe(-180);
    expect(b.east).toBe(180);
    expect(b.north).toBeCloseTo(85.0511, 4);
    expect(b.south).toBeCloseTo(-85.0511, 4);
  });

  it('put the equator and the meridian at the corner of zoom 1', () => {
    expect(tileBounds({ z: 1, x: 1, y: 1 })).toEqual({ west: 0, east: 180, north: 0, south: expect.closeTo(-85.0511, 4) });
  });

  it('grow by the buffer and stop at the edges of the world', () => {
    const plain = tileBounds({ z: 4, x: 12, y: 8 });
    const grown = tileBounds({ z: 4, x: 12, y: 8 }, 64 / 4096);
    expect(grown.west).toBeCloseTo(plain.west - (22.5 * 64) / 4096, 9);
    expect(grown.east).toBeCloseTo(plain.east + (22.5 * 64) / 4096, 9);
    expect(grown.north).toBeGreaterThan(plain.north);
    expect(tileBounds({ z: 1, x: 0, y: 0 }, 0.5).west).toBe(-180);
  });

  it('hold the point tileAt gives', () => {
    // Kota Gorontalo
    const t = tileAt(123.06, 0.54, 12);
    const b = tileBounds(t);
    expect(123.06).toBeGreaterThanOrEqual(b.west);
    expect(123.06).toBeLessThan(b.east);
    expect(0.54).toBeGreaterThanOrEqual(b.south);
    expect(0.54).toBeLessThan(b.north);
  });
});

describe('tile layers', () => {
  it('name the register levels and read coarser shapes at lower zooms', () => {
    expect(tileLayer('kecamatan')?.level).toBe('district');
    expect(tileLayer('desa')?.level).toBe('village');
    expect(tileLayer('jalan')).toBeUndefined();
    expect([0, 6, 7, 10, 11, 22].map(detailForZoom)).toEqual(['low', 'low', 'medium', 'medium', 'full', 'full']);
  });
});
