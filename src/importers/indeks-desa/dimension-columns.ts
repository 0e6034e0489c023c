import type { IndeksDesaDimensions } from '../../indeks-desa/indeks-desa-record';

/**
 * How the Indeks Desa sheets name the six dimensions and the score, as column headers (wide layout)
 * or as items (long layout), in `headerKey` form. The first spelling is the one the published files
 * use; the others are seen in dinas sheets ("TATA KELOLA PEMERINTAHAN DESA" is the regulation's name).
 */

export type Dimension = keyof IndeksDesaDimensions;

export const DIMENSIONS: readonly Dimension[] = ['layananDasar', 'sosial', 'ekonomi', 'lingkungan', 'aksesibilitas', 'tataKelola'];

export const DIMENSION_SPELLINGS: Readonly<Record<Dimension, readonly string[]>> = {
  layananDasar: ['LAYANAN_DASAR'],
  sosial: ['SOSIAL'],
  ekonomi: ['EKONOMI'],
  lingkungan: ['LINGKUNGAN'],
  aksesibilitas: ['AKSESIBILITAS'],
  tataKelola: ['TATA_KELOLA_PEMERINTAH', 'TATA_KELOLA_PEMERINTAHAN_DESA', 'TATA_KELOLA_PEMERINTAHAN', 'TATA_KELOLA'],
};

/** A dimension of the six from a header or item key, or undefined. */
export function dimensionOf(key: string): Dimension | undefined {
  return DIMENSIONS.find((d) => DIMENSION_SPELLINGS[d].includes(key));
}

export function emptyDimensions(): IndeksDesaDimensions {
  return { layananDasar: null, sosial: null, ekonomi: null, lingkungan: null, aksesibilitas: null, tataKelola: null };
}

/**
 * The year an Indeks Desa sheet is taken to hold when neither its header ("INDEKS DESA (ID 2025)")
 * nor the `--year` option says: 2025, the first round and the only one published so far.
 */
export const DEFAULT_INDEKS_DESA_YEAR = 2025;
