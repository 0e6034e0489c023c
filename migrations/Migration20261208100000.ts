import { Migration } from '@mikro-orm/migrations';

/**
 * Region shapes (src/geo): one row per region of any level, keyed by the register's dotted code,
 * with what the reads need computed at import: the FULL geometry as imported and its LOW and
 * MEDIUM simplifications (GeoJSON), the bounding box, a point inside the region and its area. Core
 * PostgreSQL only (the embedded default has no PostGIS): `box` and `point` with GiST indexes, one
 * partial index per level so a level's lookups walk only its own rows.
 *
 * `region_shape_part` holds each polygon of the FULL shape as PostgreSQL `polygon`s (the outer
 * ring, its holes), so "which region holds this point" is answered exactly in SQL: the part's
 * bounding box through GiST, then `polygon @> point`, which GiST cannot index by itself.
 */
const LEVELS = ['province', 'kabupaten', 'district', 'village'] as const;

export class Migration20261208100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "region_shape" (
      "code" text collate "C" primary key,
      "level" text not null check ("level" in ('province', 'kabupaten', 'district', 'village')),
      "shape_full" json not null,
      "shape_medium" json not null,
      "shape_low" json not null,
      "bbox" box not null,
      "center" point not null,
      "area_km2" double precision not null,
      "digest" text not null,
      "source" text not null,
      "imported_at" timestamptz not null default now()
    );`);
    this.addSql(`create table "region_shape_part" (
      "code" text collate "C" not null references "region_shape" ("code") on delete cascade,
      "level" text not null,
      "part" int not null,
      "outer_ring" polygon not null,
      "holes" polygon[] not null default '{}',
      "bbox" box not null,
      primary key ("code", "part")
    );`);
    for (const level of LEVELS) {
      this.addSql(`create index "region_shape_${level}_bbox" on "region_shape" using gist ("bbox") where "level" = '${level}';`);
      this.addSql(`create index "region_shape_part_${level}_bbox" on "region_shape_part" using gist ("bbox") where "level" = '${level}';`);
    }
    // Nearest desa (KNN by `<->`) and desa in a viewport (`<@ box`).
    this.addSql(`create index "region_shape_village_center" on "region_shape" using gist ("center") where "level" = 'village';`);
    this.addSql(
      `create trigger "region_shape_bumps_data_version" after insert or update or delete or truncate on "region_shape" for each statement execute function "bump_data_version"();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "region_shape_part";`);
    this.addSql(`drop table if exists "region_shape";`);
  }
}
