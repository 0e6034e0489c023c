import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { KabupatenKind, VillageKind } from './region.enums';

/**
 * The write model of the Kemendagri register. Reads go through `region.repository.ts` as plain rows
 * (a dashboard reads thousands of villages per request, and managed entities cost ~5x as much);
 * these entities carry the relations that programs and IDM write against.
 */

@Entity({ tableName: 'province' })
export class Province {
  /** Dotted Kemendagri code, e.g. `64`. */
  @PrimaryKey({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  /** BPS's code (2 digits), from the bridge `import:areas --bps FILE` loads; null until then. Unique where set. */
  @Unique({ name: 'province_bps_code_unique', expression: 'create unique index "province_bps_code_unique" on "province" ("bps_code") where "bps_code" is not null' })
  @Property({ type: 'text', nullable: true })
  bpsCode?: string | null;
}

@Entity({ tableName: 'kabupaten' })
export class Kabupaten {
  /** e.g. `64.02`. */
  @PrimaryKey({ type: 'text' })
  code!: string;

  @ManyToOne(() => Province, { fieldName: 'province_code', index: true })
  province!: Province;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => KabupatenKind, nativeEnumName: 'kabupaten_kind' })
  kind!: KabupatenKind;

  /** BPS's code (4 digits), from the bridge `import:areas --bps FILE` loads; null until then. Unique where set. */
  @Unique({ name: 'kabupaten_bps_code_unique', expression: 'create unique index "kabupaten_bps_code_unique" on "kabupaten" ("bps_code") where "bps_code" is not null' })
  @Property({ type: 'text', nullable: true })
  bpsCode?: string | null;
}

@Entity({ tableName: 'district' })
export class District {
  /** e.g. `64.02.08`. */
  @PrimaryKey({ type: 'text' })
  code!: string;

  @ManyToOne(() => Kabupaten, { fieldName: 'kabupaten_code', index: true })
  kabupaten!: Kabupaten;

  @ManyToOne(() => Province, { fieldName: 'province_code', index: true })
  province!: Province;

  @Property({ type: 'text' })
  name!: string;

  /** BPS's code (7 digits), from the bridge `import:areas --bps FILE` loads; null until then. Unique where set. */
  @Unique({ name: 'district_bps_code_unique', expression: 'create unique index "district_bps_code_unique" on "district" ("bps_code") where "bps_code" is not null' })
  @Property({ type: 'text', nullable: true })
  bpsCode?: string | null;
}

@Entity({ tableName: 'village' })
export class Village {
  /** e.g. `64.02.08.2005`. */
  @PrimaryKey({ type: 'text' })
  code!: string;

  @ManyToOne(() => District, { fieldName: 'district_code', index: true })
  district!: District;

  @ManyToOne(() => Kabupaten, { fieldName: 'kabupaten_code', index: true })
  kabupaten!: Kabupaten;

  @ManyToOne(() => Province, { fieldName: 'province_code', index: true })
  province!: Province;

  @Property({ type: 'text' })
  name!: string;

  /** `searchKey(name)`: lower case, no diacritics; trigram-indexed for search. */
  @Index({ name: 'village_search_name_trgm', expression: 'create index "village_search_name_trgm" on "village" using gin ("search_name" gin_trgm_ops)' })
  @Property({ type: 'text' })
  searchName!: string;

  @Enum({ items: () => VillageKind, nativeEnumName: 'village_kind' })
  kind!: VillageKind;

  /** BPS's code (10 digits), from the bridge `import:areas --bps FILE` loads; null until then. Unique where set. */
  @Unique({ name: 'village_bps_code_unique', expression: 'create unique index "village_bps_code_unique" on "village" ("bps_code") where "bps_code" is not null' })
  @Property({ type: 'text', nullable: true })
  bpsCode?: string | null;
}
