import { registerEnumType } from 'type-graphql';

/** IDM status of a desa (Permendesa PDTT 2/2016), lowest to highest. */
export enum IdmStatus {
  SANGAT_TERTINGGAL = 'SANGAT_TERTINGGAL',
  TERTINGGAL = 'TERTINGGAL',
  BERKEMBANG = 'BERKEMBANG',
  MAJU = 'MAJU',
  MANDIRI = 'MANDIRI',
}

/** How a desa's status moved against the value before it (see `movement` in idm.rules.ts). */
export enum IdmMovement {
  UP = 'UP',
  DOWN = 'DOWN',
  SAME = 'SAME',
  NEW = 'NEW',
  RETRACTED = 'RETRACTED',
}

/** The three composite indices of IDM. */
export enum IdmIndex {
  IKS = 'IKS',
  IKE = 'IKE',
  IKL = 'IKL',
}

registerEnumType(IdmStatus, {
  name: 'IdmStatus',
  description: 'IDM status of a desa (Permendesa PDTT 2/2016), from lowest to highest.',
  valuesConfig: {
    SANGAT_TERTINGGAL: { description: 'Very underdeveloped (Pratama): IDM ≤ 0.4907.' },
    TERTINGGAL: { description: 'Underdeveloped (Pra-Madya): 0.4907 < IDM ≤ 0.5989.' },
    BERKEMBANG: { description: 'Developing (Madya): 0.5989 < IDM ≤ 0.7072.' },
    MAJU: { description: 'Developed (Pra-Sembada): 0.7072 < IDM ≤ 0.8155.' },
    MANDIRI: { description: 'Independent (Sembada): IDM > 0.8155.' },
  },
});

registerEnumType(IdmIndex, {
  name: 'IdmIndex',
  description: 'The three composite indices of IDM.',
  valuesConfig: {
    IKS: { description: 'Indeks Ketahanan Sosial: social resilience, 35 indicators.' },
    IKE: { description: 'Indeks Ketahanan Ekonomi: economic resilience, 12 indicators.' },
    IKL: { description: 'Indeks Ketahanan Lingkungan: ecological resilience, 3 indicators.' },
  },
});

const STATUS_BY_TEXT: Record<string, IdmStatus> = {
  SANGAT_TERTINGGAL: IdmStatus.SANGAT_TERTINGGAL,
  PRATAMA: IdmStatus.SANGAT_TERTINGGAL,
  TERTINGGAL: IdmStatus.TERTINGGAL,
  PRA_MADYA: IdmStatus.TERTINGGAL,
  BERKEMBANG: IdmStatus.BERKEMBANG,
  MADYA: IdmStatus.BERKEMBANG,
  MAJU: IdmStatus.MAJU,
  PRA_SEMBADA: IdmStatus.MAJU,
  MANDIRI: IdmStatus.MANDIRI,
  SEMBADA: IdmStatus.MANDIRI,
};

/**
 * Reads a status as sources write it: "SANGAT TERTINGGAL", "Sangat Tertinggal", "sangat_tertinggal",
 * or the regulation's alternative names ("Pratama", "Pra-Madya", ...). Null for empty or unknown text.
 */
export function statusFromText(text: string | null | undefined): IdmStatus | null {
  if (text == null) return null;
  const key = text.trim().toUpperCase().replace(/[\s\-_]+/g, '_');
  return STATUS_BY_TEXT[key] ?? null;
}
