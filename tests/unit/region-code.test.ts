import { compactCode, MAX_CODES, parseCode, parseCodes, searchKey, tryParseCode, villageKindOf } from '../../src/region/region-code';
import { VillageKind } from '../../src/region/region.enums';

describe('region codes', () => {
  it.each([
    ['64', 'province', '64'],
    ['6402', 'kabupaten', '64.02'],
    ['64.02', 'kabupaten', '64.02'],
    ['640208', 'district', '64.02.08'],
    ['6402082005', 'village', '64.02.08.2005'],
    [' 64.02.08.2005 ', 'village', '64.02.08.2005'],
  ] as const)('reads %s as a %s code', (input, level, expected) => {
    expect(tryParseCode(input, level)).toBe(expected);
  });

  it.each([
    ['64.9x', 'kabupaten'],
    ['64.2', 'kabupaten'],
    ['640', 'kabupaten'],
    ['64.02', 'village'],
    ['64.02.08.205', 'village'],
    ['64020820051', 'village'],
    ['', 'province'],
  ] as const)('refuses %j as a %s code', (input, level) => {
    expect(tryParseCode(input, level)).toBeUndefined();
    expect(() => parseCode(input, level)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });

  it('reads a list of codes in either form, once each', () => {
    expect(parseCodes(['6402082005', '64.02.08.2005', ' 64.02.08.2006'], 'village')).toEqual(['64.02.08.2005', '64.02.08.2006']);
    expect(parseCodes([], 'district')).toEqual([]);
    expect(parseCodes(Array.from({ length: MAX_CODES }, () => '6402'), 'kabupaten')).toEqual(['64.02']);
  });

  it('refuses a list naming its malformed codes, the first ten of them, and a list past MAX_CODES', () => {
    const bad = (inputs: string[], level: 'village' | 'kabupaten') => {
      try {
        parseCodes(inputs, level, 'filter.codes');
      } catch (error) {
        return error as { message: string; extensions: Record<string, unknown> };
      }
      throw new Error('accepted');
    };
    const one = bad(['64.02.08.2005', '64.02.08', 'x'], 'village');
    expect(one.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.codes', level: 'village', invalid: ['64.02.08', 'x'] });
    expect(one.message).toBe('filter.codes: "64.02.08" (a district code), "x" are not village codes: expected 64.02.08.2005 or 6402082005');
    const many = bad(Array.from({ length: 12 }, (_, i) => `64.${i}x`), 'kabupaten');
    expect((many.extensions.invalid as string[]).length).toBe(10);
    expect(many.message).toContain('and 2 more are not kabupaten codes');
    expect(bad(Array.from({ length: MAX_CODES + 1 }, () => '6402'), 'kabupaten').extensions).toMatchObject({ max: MAX_CODES, actual: MAX_CODES + 1 });
  });

  it('compacts and classifies village codes', () => {
    expect(compactCode('64.02.08.2005')).toBe('6402082005');
    expect(villageKindOf('64.09.01.1001')).toBe(VillageKind.KELURAHAN);
    expect(villageKindOf('64.02.08.2005')).toBe(VillageKind.DESA);
    expect(villageKindOf('91.03.01.3001')).toBe(VillageKind.DESA_ADAT);
    expect(villageKindOf('91.03.01.4001')).toBeUndefined();
  });

  it('folds names for search: case, accents, quotes and punctuation', () => {
    expect(searchKey('Soka"an')).toBe('sokaan');
    expect(searchKey("SOKA'AN")).toBe('sokaan');
    expect(searchKey('Sókaan')).toBe('sokaan');
    expect(searchKey('Lubuk Pakam I,II')).toBe('lubuk pakam i ii');
  });
});
