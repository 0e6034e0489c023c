import type { IdmStatus } from './generated/graphql';

/** The official colours of the five statuses, lowest first. */
export const STATUS_COLOURS: Record<IdmStatus, string> = {
  SANGAT_TERTINGGAL: '#a51f2d',
  TERTINGGAL: '#d4602b',
  BERKEMBANG: '#e0bd3d',
  MAJU: '#62a84f',
  MANDIRI: '#137a52',
};

export const STATUS_NAMES: Record<IdmStatus, string> = {
  SANGAT_TERTINGGAL: 'Sangat Tertinggal',
  TERTINGGAL: 'Tertinggal',
  BERKEMBANG: 'Berkembang',
  MAJU: 'Maju',
  MANDIRI: 'Mandiri',
};

export const STATUS_ORDER: IdmStatus[] = ['SANGAT_TERTINGGAL', 'TERTINGGAL', 'BERKEMBANG', 'MAJU', 'MANDIRI'];

const counts = new Intl.NumberFormat('en-US');

export const count = (n: number | null | undefined): string => (n == null ? '–' : counts.format(n));
export const score = (n: number | null | undefined): string => (n == null ? '–' : n.toFixed(4));
export const percent = (n: number | null | undefined): string => (n == null ? '–' : `${(n * 100).toFixed(1)}%`);

/** A signed difference: "+0.0123", "−0.0040", "±0". */
export function delta(n: number | null | undefined, digits = 4, scale = 1): string {
  if (n == null) return '–';
  const v = n * scale;
  if (Math.abs(v) < 0.5 * 10 ** -digits) return '±0';
  return `${v > 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}`;
}

export function trend(n: number | null | undefined): 'up' | 'down' | 'flat' {
  if (n == null || n === 0) return 'flat';
  return n > 0 ? 'up' : 'down';
}
