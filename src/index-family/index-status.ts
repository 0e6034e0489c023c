import { registerEnumType } from 'type-graphql';

/**
 * The status scale every index family shares: IDM (Permendesa PDTT 2/2016) and the Indeks Desa
 * (Permendesa PDTT 9/2024) give a desa one of the same five names, in the same order. Each family
 * has its own thresholds (its rules module); the names, their order and their colours live here.
 */
export enum IndexStatus {
  SANGAT_TERTINGGAL = 'SANGAT_TERTINGGAL',
  TERTINGGAL = 'TERTINGGAL',
  BERKEMBANG = 'BERKEMBANG',
  MAJU = 'MAJU',
  MANDIRI = 'MANDIRI',
}

// The GraphQL name predates the second family and is kept so clients do not break.
registerEnumType(IndexStatus, {
  name: 'IdmStatus',
  description:
    'Status of a desa, from lowest to highest: the five names IDM (Permendesa PDTT 2/2016, to 2024) and the Indeks Desa (Permendesa PDTT 9/2024, from 2025) share. Each family has its own thresholds.',
  valuesConfig: {
    SANGAT_TERTINGGAL: { description: 'Very underdeveloped (Pratama): IDM ≤ 0.4907; Indeks Desa ≤ 49.48.' },
    TERTINGGAL: { description: 'Underdeveloped (Pra-Madya): 0.4907 < IDM ≤ 0.5989; 49.48 < Indeks Desa ≤ 57.38.' },
    BERKEMBANG: { description: 'Developing (Madya): 0.5989 < IDM ≤ 0.7072; 57.38 < Indeks Desa ≤ 69.34.' },
    MAJU: { description: 'Developed (Pra-Sembada): 0.7072 < IDM ≤ 0.8155; 69.34 < Indeks Desa ≤ 79.62.' },
    MANDIRI: { description: 'Independent (Sembada): IDM > 0.8155; Indeks Desa > 79.62.' },
  },
});

const STATUS_BY_TEXT: Record<string, IndexStatus> = {
  SANGAT_TERTINGGAL: IndexStatus.SANGAT_TERTINGGAL,
  PRATAMA: IndexStatus.SANGAT_TERTINGGAL,
  TERTINGGAL: IndexStatus.TERTINGGAL,
  PRA_MADYA: IndexStatus.TERTINGGAL,
  BERKEMBANG: IndexStatus.BERKEMBANG,
  MADYA: IndexStatus.BERKEMBANG,
  MAJU: IndexStatus.MAJU,
  PRA_SEMBADA: IndexStatus.MAJU,
  MANDIRI: IndexStatus.MANDIRI,
  SEMBADA: IndexStatus.MANDIRI,
};

/**
 * Reads a status as sources write it: "SANGAT TERTINGGAL", "Sangat Tertinggal", "sangat_tertinggal",
 * or the regulation's alternative names ("Pratama", "Pra-Madya", ...). Null for empty or unknown text.
 */
export function statusFromText(text: string | null | undefined): IndexStatus | null {
  if (text == null) return null;
  const key = text.trim().toUpperCase().replace(/[\s\-_]+/g, '_');
  return STATUS_BY_TEXT[key] ?? null;
}
