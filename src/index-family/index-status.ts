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

/** How a desa's status moved against the value before it (see `movement`); the same across families. */
export enum IndexMovement {
  UP = 'UP',
  DOWN = 'DOWN',
  SAME = 'SAME',
  NEW = 'NEW',
  RETRACTED = 'RETRACTED',
}

/** The statuses from lowest to highest; targets, ranks and movement follow this order in every family. */
export const STATUS_ORDER: readonly IndexStatus[] = Object.freeze([
  IndexStatus.SANGAT_TERTINGGAL,
  IndexStatus.TERTINGGAL,
  IndexStatus.BERKEMBANG,
  IndexStatus.MAJU,
  IndexStatus.MANDIRI,
]);

/** The official colours of the five statuses, as the dashboard draws them (web/dashboard/src/format.ts). */
export const STATUS_COLOURS: Readonly<Record<IndexStatus, string>> = Object.freeze({
  [IndexStatus.SANGAT_TERTINGGAL]: '#a51f2d',
  [IndexStatus.TERTINGGAL]: '#d4602b',
  [IndexStatus.BERKEMBANG]: '#e0bd3d',
  [IndexStatus.MAJU]: '#62a84f',
  [IndexStatus.MANDIRI]: '#137a52',
});

/** Position of a status from 0 (Sangat Tertinggal) to 4 (Mandiri), for sorting and comparing. */
export function statusRank(status: IndexStatus): number {
  const rank = STATUS_ORDER.indexOf(status);
  if (rank < 0) throw new RangeError(`${String(status)} is not a status`);
  return rank;
}

/** Orders statuses lowest first: negative when a is below b, 0 when equal, positive when above. */
export function compareStatus(a: IndexStatus, b: IndexStatus): number {
  return statusRank(a) - statusRank(b);
}

/** The status one step up (TARGET_STATUS in both families); Mandiri is the top and stays Mandiri. */
export function nextStatus(status: IndexStatus): IndexStatus {
  return STATUS_ORDER[Math.min(statusRank(status) + 1, STATUS_ORDER.length - 1)]!;
}

/**
 * How a status moved against the value before it: the previous year's (history, summaries; across
 * families, since the names and order are shared) or the value a write replaced (the change log).
 * NEW when there was nothing before, RETRACTED when the value was taken back.
 */
export function movement(previous: IndexStatus | null, current: IndexStatus | null): IndexMovement {
  if (current === null) return IndexMovement.RETRACTED;
  if (previous === null) return IndexMovement.NEW;
  const delta = compareStatus(current, previous);
  return delta > 0 ? IndexMovement.UP : delta < 0 ? IndexMovement.DOWN : IndexMovement.SAME;
}

/**
 * `statusRank` as an SQL expression over an `idm_status` expression, built from STATUS_ORDER so
 * SQL compares statuses by the same table as TypeScript (null stays null).
 */
export function statusRankSql(status: string): string {
  // A CASE, not array_position: as cheap as comparing the enum itself over a national summary.
  return `(case ${status} ${STATUS_ORDER.map((s, rank) => `when '${s}' then ${rank}`).join(' ')} end)`;
}

/** `movement` as an SQL expression of type idm_movement over two `idm_status` expressions. */
export function movementSql(previous: string, current: string): string {
  const [p, c] = [statusRankSql(previous), statusRankSql(current)];
  return `(case when ${current} is null then '${IndexMovement.RETRACTED}' when ${previous} is null then '${IndexMovement.NEW}'
    when ${c} > ${p} then '${IndexMovement.UP}' when ${c} < ${p} then '${IndexMovement.DOWN}' else '${IndexMovement.SAME}' end)::idm_movement`;
}

/**
 * The status of a score on a family's scale: the first status whose inclusive upper bound holds it
 * (a score equal to a bound belongs to the lower status in both regulations). `epsilon` absorbs
 * binary noise of computed means without moving a published score across a bound.
 * @throws RangeError for NaN or an infinite score, which would otherwise fall through to Mandiri.
 */
export function statusOnScale(score: number, upperBounds: Readonly<Record<IndexStatus, number>>, epsilon: number, family: string): IndexStatus {
  if (!Number.isFinite(score)) throw new RangeError(`${family} score ${score} is not a finite number`);
  for (const status of STATUS_ORDER) if (score <= upperBounds[status] + epsilon) return status;
  return IndexStatus.MANDIRI;
}
