/** Why a write is refused, in every family; written to the rejects file and returned by the mutations. */
export enum RejectReason {
  /** The village code is not in the Kemendagri register (decided by the write path, which holds the register). */
  UNKNOWN_CODE = 'UNKNOWN_CODE',
  /** The code is a kelurahan, which neither family assesses (decided from the register). */
  KELURAHAN = 'KELURAHAN',
  /** No IDM score was published (4 desa in 2024): nothing to store. */
  NO_SCORE = 'NO_SCORE',
  /** A score, an index or a dimension is outside its scale: [0, 1] for IDM, 0..its maximum for an Indeks Desa dimension. */
  SCORE_OUT_OF_RANGE = 'SCORE_OUT_OF_RANGE',
  /** The score is not the mean of IKS, IKE and IKL within MEAN_TOLERANCE. */
  IDM_NOT_MEAN = 'IDM_NOT_MEAN',
  /** A status was published but is not one of the five (or their alternative names). */
  UNKNOWN_STATUS = 'UNKNOWN_STATUS',
  /** The year belongs to the other family: an IDM value after 2024, an Indeks Desa value before 2025. */
  OTHER_FAMILY_YEAR = 'OTHER_FAMILY_YEAR',
  /** The record is incomplete or inconsistent in its shape: bad year, missing index or dimension, bad indicators. */
  MALFORMED = 'MALFORMED',
  /** A second record for the same desa and year (decided by the caller, which sees the whole batch). */
  DUPLICATE = 'DUPLICATE',
  /**
   * Matched by names to a desa that has its own record (published under its own code) for that year,
   * in the same import or already stored: a remap never replaces another desa's own record.
   */
  REMAP_CONFLICT = 'REMAP_CONFLICT',
  /** A retraction names a desa-year that has no record. */
  NOT_RECORDED = 'NOT_RECORDED',
  /** A retraction from a file whose row no longer matches the stored value (written since by something else). */
  VALUE_DIFFERS = 'VALUE_DIFFERS',
}

/** Why one record was refused: the reason, the field at fault (a path such as `indicators[3].score`) and a sentence. */
export interface RecordRejection {
  reason: RejectReason;
  field: string;
  message: string;
}
