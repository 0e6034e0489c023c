import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Village } from '../region/region.entity';
import { IndexStatus } from '../index-family/index-status';

/**
 * The Indeks Desa tables, so MikroORM knows the whole schema. Writes are the shared set-based path
 * (src/index-family/write-store.ts); reads are plain rows (indeks-desa.repository.ts).
 */
@Entity({ tableName: 'indeks_desa_assessment' })
@Unique({ name: 'indeks_desa_assessment_village_year_unique', properties: ['village', 'year'] })
export class IndeksDesaAssessment {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Village, { fieldName: 'village_code' })
  village!: Village;

  @Property({ type: 'text' }) districtCode!: string;
  @Property({ type: 'text' }) kabupatenCode!: string;
  @Property({ type: 'text' }) provinceCode!: string;
  @Property({ type: 'integer' }) year!: number;
  /** The six dimensions as published, in points (maxima 170/85/160/90/50/80). */
  @Property({ type: 'double' }) layananDasar!: number;
  @Property({ type: 'double' }) sosial!: number;
  @Property({ type: 'double' }) ekonomi!: number;
  @Property({ type: 'double' }) lingkungan!: number;
  @Property({ type: 'double' }) aksesibilitas!: number;
  @Property({ type: 'double' }) tataKelola!: number;
  /** As published (0–100); Σ/635×100 where none was. */
  @Property({ type: 'double' }) score!: number;
  @Enum({ items: () => IndexStatus, nativeEnumName: 'idm_status', nullable: true }) status?: IndexStatus | null;
  @Enum({ items: () => IndexStatus, nativeEnumName: 'idm_status' }) derivedStatus!: IndexStatus;
  @Property({ type: 'boolean', persist: false }) statusMismatch!: boolean;
  /** |published score − Σ/635×100| > 0.01. */
  @Property({ type: 'boolean' }) scoreMismatch!: boolean;
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

/** Desa assessed per year, kept by the write path in the same transaction. */
@Entity({ tableName: 'indeks_desa_year' })
export class IndeksDesaYear {
  @PrimaryKey({ type: 'integer', autoincrement: false }) year!: number;
  @Property({ type: 'integer' }) assessed!: number;
}
