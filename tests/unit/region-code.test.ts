import { compactCode, parseCode, searchKey, tryParseCode, villageKindOf } from '../../src/region/region-code';
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
