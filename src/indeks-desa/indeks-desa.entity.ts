import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { FamilyAssessment } from '../index-family/family-assessment.entity';

/**
 * The Indeks Desa tables, so MikroORM knows the whole schema. Writes are the shared set-based path
 * (src/index-family/write-store.ts); reads are plain rows (indeks-desa.repository.ts).
 */
@Entity({ tableName: 'indeks_desa_assessment' })
@Unique({ name: 'indeks_desa_assessment_village_year_unique', properties: ['village', 'year'] })
export class IndeksDesaAssessment extends FamilyAssessment {
  /** The six dimensions as published, in points (maxima 170/85/160/90/50/80). */
  @Property({ type: 'double' }) layananDasar!: number;
  @Property({ type: 'double' }) sosial!: number;
  @Property({ type: 'double' }) ekonomi!: number;
  @Property({ type: 'double' }) lingkungan!: number;
  @Property({ type: 'double' }) aksesibilitas!: number;
  @Property({ type: 'double' }) tataKelola!: number;
  /** |published score − Σ/635×100| > 0.01. */
  @Property({ type: 'boolean' }) scoreMismatch!: boolean;
}

/** Desa assessed per year, kept by the write path in the same transaction. */
@Entity({ tableName: 'indeks_desa_year' })
export class IndeksDesaYear {
  @PrimaryKey({ type: 'integer', autoincrement: false }) year!: number;
  @Property({ type: 'integer' }) assessed!: number;
}
