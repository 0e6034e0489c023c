import { BpsRejectReason, planBridge, type BridgeRow } from '../../src/region/bps-bridge';
import { bpsLevelOf, readCode, readCodes, tryReadCode } from '../../src/region/region-code';

describe('code arguments read both ways', () => {
  it.each([
    ['7201030008', 'village', { kemendagri: '72.01.03.0008', bps: '7201030008' }],
    ['72.07.03.2008', 'village', { kemendagri: '72.07.03.2008', bps: null }],
    ['7201030', 'district', { kemendagri: null, bps: '7201030' }],
    ['720703', 'district', { kemendagri: '72.07.03', bps: null }],
    ['7201', 'kabupaten', { kemendagri: '72.01', bps: '7201' }],
    [' 94 ', 'province', { kemendagri: '94', bps: '94' }],
  ] as const)('reads %j at %s', (input, level, reading) => {
    expect(tryReadCode(input, level)).toEqual(reading);
  });

  it('refuses what is neither, naming the forms it takes', () => {
    expect(tryReadCode('72010300', 'village')).toBeUndefined();
    expect(tryReadCode('72.0.3', 'district')).toBeUndefined();
    expect(() => readCode('720', 'kabupaten', 'code')).toThrow(
      expect.objectContaining({ message: 'code "720" is not a kabupaten code: expected 64.02 or 6402 (Kemendagri), or a 4-digit BPS code', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });

  it('reads a list once per reading, and names the level of a code of another one', () => {
    expect(readCodes(['7201030', '7201030', '64.02.08'], 'district')).toEqual([
      { kemendagri: null, bps: '7201030' },
      { kemendagri: '64.02.08', bps: null },
    ]);
    expect(() => readCodes(['7201030', '64.02'], 'village', 'filter.codes')).toThrow(
      expect.objectContaining({ message: 'filter.codes: "7201030" (a district code), "64.02" (a kabupaten code) are not village codes: expected 64.02.08.2005 or 6402082005 (Kemendagri), or a 10-digit BPS code' }),
    );
  });

  it('tells a BPS code’s level by its length', () => {
    expect(['72', '7201', '7201030', '7201030008', '72010', '72.01'].map(bpsLevelOf)).toEqual(['province', 'kabupaten', 'district', 'village', undefined, undefined]);
  });
});

describe('planBridge', () => {
  let line = 1;
  const row = (bpsCode: string, kemendagriCode: string): BridgeRow => ({ line: ++line, bpsCode, bpsName: 'B', kemendagriCode, kemendagriName: 'K' });
  const register = new Set(['72.07', '72.07.03', '72.07.03.2008', '72.07.03.2009', '72.07.03.2010']);
  const inRegister = (_level: string, code: string) => register.has(code);

  it('pairs each BPS code with its region at the level its length says, once for a repeated row', () => {
    line = 1;
    const plan = planBridge([row('7201', '72.07'), row('7201030', '72.07.03'), row('7201030008', '72.07.03.2008'), row('7201030008', '72.07.03.2008')], inRegister);
    expect(plan.rejects).toEqual([]);
    expect(plan.pairs).toEqual([
      { level: 'kabupaten', code: '72.07', bpsCode: '7201' },
      { level: 'district', code: '72.07.03', bpsCode: '7201030' },
      { level: 'village', code: '72.07.03.2008', bpsCode: '7201030008' },
    ]);
  });

  it('rejects each bad row with its reason, and both sides of a conflict, whether or not the register holds them', () => {
    line = 1;
    const plan = planBridge(
      [
        row('720103', '72.07.03'), // 6 digits: no BPS level
        row('7201030', '-'),
        row('1402041010', 'II'), // a name's unquoted comma shifted the columns
        row('7201030011', '72.07.03.2099'), // not in the register
        row('7201030012', '72.07.03.2009'),
        row('7201030012', '72.07.03.2098'), // same BPS code, another region (not even in the register)
        row('7201030013', '72.07.03.2010'),
        row('7201030014', '72.07.03.2010'), // same region, another BPS code
        row('7201030008', '72.07.03.2008'),
      ],
      inRegister,
    );
    expect(plan.pairs).toEqual([{ level: 'village', code: '72.07.03.2008', bpsCode: '7201030008' }]);
    expect(plan.rejects.map((r) => [r.row.line, r.reason])).toEqual([
      [2, BpsRejectReason.MALFORMED],
      [3, BpsRejectReason.NO_KEMENDAGRI_CODE],
      [4, BpsRejectReason.MALFORMED],
      [5, BpsRejectReason.UNKNOWN_KEMENDAGRI_CODE],
      [6, BpsRejectReason.BPS_CODE_OF_TWO_REGIONS],
      [7, BpsRejectReason.BPS_CODE_OF_TWO_REGIONS],
      [8, BpsRejectReason.REGION_OF_TWO_BPS_CODES],
      [9, BpsRejectReason.REGION_OF_TWO_BPS_CODES],
    ]);
    expect(plan.rejects[3]!.message).toBe('village 72.07.03.2099 (K) is not in the register; BPS 7201030011 is not written (a code is never guessed)');
  });
});
