import { Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Village } from '../region/region.entity';
import { IndexStatus } from './index-status';

/**
 * The columns every family's assessment table has (one row per desa-year): the desa and its
 * parents, the year, the published score and status with the derived status and target, the code
 * as published, and provenance. Each family's entity extends it with its own values and names its
 * table; the shared write path (write-store.ts) and reads (family-reads.ts) rely on these columns.
 */
export abstract class FamilyAssessment {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Village, { fieldName: 'village_code' })
  village!: Village;

  @Property({ type: 'text' }) districtCode!: string;
  @Property({ type: 'text' }) kabupatenCode!: string;
  @Property({ type: 'text' }) provinceCode!: string;
  @Property({ type: 'integer' }) year!: number;
  /** As published, on the family's scale. */
  @Property({ type: 'double' }) score!: number;
  @Enum({ items: () => IndexStatus, nativeEnumName: 'idm_status', nullable: true }) status?: IndexStatus | null;
  @Enum({ items: () => IndexStatus, nativeEnumName: 'idm_status' }) derivedStatus!: IndexStatus;
  @Property({ type: 'boolean', persist: false }) statusMismatch!: boolean;
  @Enum({ items: () => IndexStatus, nativeEnumName: 'idm_status' }) targetStatus!: IndexStatus;
  @Property({ type: 'double' }) targetMinScore!: number;
  @Property({ type: 'double' }) scoreToTarget!: number;
  @Property({ type: 'text' }) publishedCode!: string;
  @Property({ type: 'text' }) sourceFormat!: string;
  @Property({ type: 'text' }) sourceFile!: string;
  @Property({ type: 'integer' }) sourceLine!: number;
  /** Who wrote it: `token:<subject>` or `cli:<command>:<os user>`. */
  @Property({ type: 'text' }) recordedBy!: string;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) recordedAt!: Date;
}
