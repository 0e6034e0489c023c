import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Kabupaten, Village } from '../region/region.entity';

/** A cohort of Desa Cerdas (or a similar program) run by an agency in a year. */
@Entity({ tableName: 'program' })
export class Program {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @Property({ type: 'text', unique: true })
  slug!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'integer' })
  year!: number;

  @Property({ type: 'text' })
  agency!: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** A kabupaten taking part in a program (lokus), with the number of villages it may enrol. */
@Entity({ tableName: 'program_locus' })
@Unique({ properties: ['program', 'kabupaten'] })
export class ProgramLocus {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @ManyToOne(() => Program, { index: true, deleteRule: 'cascade' })
  program!: Program;

  @ManyToOne(() => Kabupaten, { fieldName: 'kabupaten_code', index: true })
  kabupaten!: Kabupaten;

  @Property({ type: 'integer' })
  quota!: number;
}

/** A village enrolled in a program, always through the locus of its kabupaten. */
@Entity({ tableName: 'program_village' })
@Unique({ properties: ['program', 'village'] })
export class ProgramVillage {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @ManyToOne(() => Program, { deleteRule: 'cascade' })
  program!: Program;

  @ManyToOne(() => ProgramLocus, { index: true, deleteRule: 'cascade' })
  locus!: ProgramLocus;

  @ManyToOne(() => Village, { fieldName: 'village_code', index: true })
  village!: Village;

  @Property({ type: 'date' })
  enrolledOn!: string;
}
