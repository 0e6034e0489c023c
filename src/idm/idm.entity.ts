import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Village } from '../region/region.entity';
import { IdmIndex, IdmMovement, IdmStatus } from './idm-status';

/**
 * Entities of the IDM tables, so MikroORM knows the whole schema (migration:create diffs against
 * them). Writes are set-based SQL in assessment.writer.ts and reads are plain rows in
 * idm.repository.ts: a national import touches 75,000 rows at once.
 */

@Entity({ tableName: 'idm_assessment' })
@Unique({ name: 'idm_assessment_village_year_unique', properties: ['village', 'year'] })
export class IdmAssessment {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Village, { fieldName: 'village_code' })
  village!: Village;

  @Property({ type: 'text' }) districtCode!: string;
  @Property({ type: 'text' }) kabupatenCode!: string;
  @Property({ type: 'text' }) provinceCode!: string;
  @Property({ type: 'integer' }) year!: number;
  @Property({ type: 'double' }) iks!: number;
  @Property({ type: 'double' }) ike!: number;
  @Property({ type: 'double' }) ikl!: number;
  @Property({ type: 'double' }) score!: number;
  @Enum({ items: () => IdmStatus, nativeEnumName: 'idm_status', nullable: true }) status?: IdmStatus | null;
  @Enum({ items: () => IdmStatus, nativeEnumName: 'idm_status' }) derivedStatus!: IdmStatus;
  @Property({ type: 'boolean', persist: false }) statusMismatch!: boolean;
  @Enum({ items: () => IdmStatus, nativeEnumName: 'idm_status' }) targetStatus!: IdmStatus;
  @Property({ type: 'double' }) targetMinScore!: number;
  @Property({ type: 'double' }) scoreToTarget!: number;
  @Property({ type: 'text' }) publishedCode!: string;
  @Property({ type: 'text', nullable: true }) note?: string | null;
  @Property({ type: 'text', nullable: true }) indicatorsHash?: string | null;
  @Property({ type: 'text' }) sourceFormat!: string;
  @Property({ type: 'text' }) sourceFile!: string;
  @Property({ type: 'integer' }) sourceLine!: number;
  /** Who wrote it: `token:<subject>` or `cli:<command>:<os user>`. */
  @Property({ type: 'text' }) recordedBy!: string;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) recordedAt!: Date;
  /** Names the desa was published under (`{province, kabupaten, district, village}`, upper case as published), for `/rumusan`'s identity. */
  @Property({ type: 'jsonb', nullable: true }) publishedNames?: Record<string, string> | null;
  /**
   * Set while the values came from a Kemendes API response: what that response holds beyond what
   * `/rumusan` builds from the columns (src/idm/rumusan.ts), so it is served as published. `json`,
   * not `jsonb`: json keeps its text, and with it the key order of what it holds.
   */
  @Property({ type: 'json', columnType: 'json', nullable: true }) publishedResidue?: unknown;
}

@Entity({ tableName: 'idm_indicator' })
export class IdmIndicator {
  @ManyToOne(() => IdmAssessment, { primary: true, fieldName: 'assessment_id', deleteRule: 'cascade' })
  assessment!: IdmAssessment;

  @Enum({ items: () => IdmIndex, nativeEnumName: 'idm_index', primary: true }) index!: IdmIndex;
  @PrimaryKey({ type: 'smallint' }) number!: number;
  @Property({ type: 'text' }) name!: string;
  @Property({ type: 'double' }) score!: number;
  @Property({ type: 'text', nullable: true }) description?: string | null;
  @Property({ type: 'text', nullable: true }) activity?: string | null;
  @Property({ type: 'text', nullable: true }) actorPusat?: string | null;
  @Property({ type: 'text', nullable: true }) actorProvinsi?: string | null;
  @Property({ type: 'text', nullable: true }) actorKabupaten?: string | null;
  @Property({ type: 'text', nullable: true }) actorDesa?: string | null;
  @Property({ type: 'text', nullable: true }) actorCsr?: string | null;
  @Property({ type: 'text', nullable: true }) actorLainnya?: string | null;
  @Property({ type: 'double' }) potentialGain!: number;
}

/**
 * One row per desa-year that actually changed, written in the same transaction as the change. A
 * retraction has a previous value and no current one (score and status null, movement RETRACTED).
 */
@Entity({ tableName: 'idm_change' })
export class IdmChange {
  @PrimaryKey({ type: 'bigint', autoincrement: true }) id!: string;
  @ManyToOne(() => Village, { fieldName: 'village_code', index: true }) village!: Village;
  @Property({ type: 'integer' }) year!: number;
  @Property({ type: 'double', nullable: true }) previousScore?: number | null;
  @Enum({ items: () => IdmStatus, nativeEnumName: 'idm_status', nullable: true }) previousStatus?: IdmStatus | null;
  @Property({ type: 'double', nullable: true }) score?: number | null;
  @Enum({ items: () => IdmStatus, nativeEnumName: 'idm_status', nullable: true }) status?: IdmStatus | null;
  @Enum({ items: () => IdmMovement, nativeEnumName: 'idm_movement' }) movement!: IdmMovement;
  @Property({ type: 'text' }) sourceFormat!: string;
  @Property({ type: 'text' }) sourceFile!: string;
  @Property({ type: 'integer', nullable: true }) sourceLine?: number | null;
  /** Who wrote it: `token:<subject>` or `cli:<command>:<os user>`. */
  @Property({ type: 'text' }) recordedBy!: string;
  /** Why a value was retracted; null for writes. */
  @Property({ type: 'text', nullable: true }) reason?: string | null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) recordedAt!: Date;
}

/**
 * Desa assessed per year, kept by the write path in the same transaction: `idmYears` and the
 * "latest published year" read 10 rows instead of counting the assessments.
 */
@Entity({ tableName: 'idm_year' })
export class IdmYear {
  @PrimaryKey({ type: 'integer', autoincrement: false }) year!: number;
  @Property({ type: 'integer' }) assessed!: number;
}

/** A code a village was published under that the register no longer uses (renumbering). */
@Entity({ tableName: 'village_code_alias' })
export class VillageCodeAlias {
  @PrimaryKey({ type: 'text' }) aliasCode!: string;
  @ManyToOne(() => Village, { fieldName: 'village_code', index: true, deleteRule: 'cascade' }) village!: Village;
  @Property({ type: 'text' }) source!: string;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt!: Date;
}
