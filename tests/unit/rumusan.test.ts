import { IdmIndex, IdmStatus } from '../../src/idm/idm-status';
import { applyResidue, buildRumusan, publishedStyleName, rumusanResidue, statusTitle } from '../../src/idm/rumusan';
import { etagMatches } from '../../src/http/etag';

const assessment = {
  year: 2024,
  iks: 0.8,
  ike: 0.5,
  ikl: 0.6,
  score: 0.6333,
  status: null,
  derivedStatus: IdmStatus.BERKEMBANG,
  targetStatus: IdmStatus.MAJU,
  targetMinScore: 0.7073,
  scoreToTarget: 0.074,
};

describe('buildRumusan', () => {
  const built = buildRumusan({ villageCode: '72.01.06.2009', names: { village: 'TALIMA A' }, assessment, indicators: [] });

  it('puts the subtotals where OpenSID reads them, with the derived status where none was published', () => {
    const { ROW, SUMMARIES, IDENTITAS } = built.mapData;
    expect(ROW).toHaveLength(55);
    expect([35, 48, 52, 53, 54].map((at) => [ROW[at]!.INDIKATOR, ROW[at]!.SKOR])).toEqual([
      ['IKS 2024', 0.8],
      ['IKE 2024', 0.5],
      ['IKL 2024', 0.6],
      ['IDM 2024', 0.6333],
      ['STATUS IDM 2024', 'Berkembang'],
    ]);
    expect(ROW.map((r) => r.ROW_CELL)).toEqual(ROW.map((_, at) => 10 + at));
    expect(ROW.filter((r) => r.NO !== null).every((r) => r.SKOR === null && r.NILAI === null)).toBe(true);
    expect(SUMMARIES).toEqual({ SKOR_SAAT_INI: 0.6333, STATUS: 'BERKEMBANG', TARGET_STATUS: 'MAJU', SKOR_MINIMAL: '0.7073', PENAMBAHAN: 0.074, TAHUN: 2024 });
    expect(IDENTITAS[0]).toMatchObject({ id_prov: '72', id_kabupaten: '7201', id_kecamatan: '720106', id_desa: '7201062009', nama_desa: 'TALIMA A', nama_provinsi: null });
  });

  it('writes a known indicator as the API does: "-" for no activity, NILAI as 8-decimal text', () => {
    const actors = { pusat: null, provinsi: null, kabupaten: 'DINKES', desa: null, csr: null, lainnya: null };
    const one = buildRumusan({
      villageCode: '72.01.06.2009',
      names: {},
      assessment,
      indicators: [{ index: IdmIndex.IKS, number: 2, name: 'Skor Dokter', score: 0, description: 'Tidak ada', activity: null, actors, potentialGain: 0.009523809523809525 }],
    });
    expect(one.mapData.ROW[1]).toMatchObject({ NO: 2, INDIKATOR: 'Skor Dokter', SKOR: 0, KEGIATAN: '-', NILAI: '0.00952381', KAB: 'DINKES' });
  });

  it('names the 50 indicators as published, padding included', () => {
    expect(built.mapData.ROW[2]!.INDIKATOR).toBe('Skor Bidan ');
    expect(built.mapData.ROW[49]!.INDIKATOR).toBe('Skor Kualitas Lingkungan');
  });
});

describe('rumusanResidue and applyResidue', () => {
  const cases: [string, unknown, unknown][] = [
    ['the same', { a: 1, b: [1, 2] }, { a: 1, b: [1, 2] }],
    ['a changed leaf', { a: 1, b: 'x' }, { a: 1, b: 'x ' }],
    ['a type change', { a: 1, b: null }, { a: 1, b: false }],
    ['keys in another order', { a: 1, b: 2 }, { b: 2, a: 1 }],
    ['a key more', { a: 1 }, { a: 1, c: null }],
    ['an array of another length', { r: [1, 2, 3] }, { r: [1, 2] }],
    ['deep in an array', { r: [{ x: 1, y: 'a' }, { x: 2, y: 'b' }] }, { r: [{ x: 1, y: 'a' }, { x: 2, y: 'c' }] }],
    ['another shape altogether', [1], { a: [1] }],
  ];
  it.each(cases)('gives back the published value, key order included: %s', (_, built, published) => {
    const residue = rumusanResidue(built, published);
    // Through a JSON round trip, as PostgreSQL's json column stores it.
    expect(JSON.stringify(applyResidue(built, JSON.parse(JSON.stringify(residue))))).toBe(JSON.stringify(published));
  });

  it('keeps only what differs', () => {
    expect(rumusanResidue({ a: 1, b: [1, 2] }, { a: 1, b: [1, 2] })).toEqual({});
    expect(rumusanResidue({ r: [{ x: 1, y: 'a' }, { x: 2, y: 'b' }] }, { r: [{ x: 1, y: 'a' }, { x: 2, y: 'c' }] })).toEqual({ r: { 1: { y: ['c'] } } });
  });

  it('does not change the built value', () => {
    const built = { r: [{ y: 'a' }] };
    applyResidue(built, { r: { 0: { y: ['b'] } } });
    expect(built).toEqual({ r: [{ y: 'a' }] });
  });
});

describe('the small rules', () => {
  it('writes statuses and register names as Kemendes does', () => {
    expect(statusTitle(IdmStatus.SANGAT_TERTINGGAL)).toBe('Sangat Tertinggal');
    expect(publishedStyleName('Kabupaten Banggai')).toBe('BANGGAI');
    expect(publishedStyleName('Kota Palu')).toBe('KOTA PALU');
  });

  it('compares ETags weakly, in lists and with *', () => {
    expect(etagMatches('W/"1-2"', 'W/"1-2"')).toBe(true);
    expect(etagMatches('"1-2"', 'W/"1-2"')).toBe(true);
    expect(etagMatches('W/"0-0", W/"1-2"', 'W/"1-2"')).toBe(true);
    expect(etagMatches('*', 'W/"1-2"')).toBe(true);
    expect(etagMatches('W/"1-3"', 'W/"1-2"')).toBe(false);
    expect(etagMatches(undefined, 'W/"1-2"')).toBe(false);
  });
});
