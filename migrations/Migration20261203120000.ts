import { Migration } from '@mikro-orm/migrations';

/**
 * The Indeks Desa (Permendesa PDTT 9/2024), the index family that replaced IDM from 2025: one
 * assessment per desa-year with its six dimensions as published, and the count per year. Both
 * families append to the one change log, which now says whose change each row is, so a cursor
 * stays one sequence across families.
 */
export class Migration20261203120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create type "index_family" as enum ('IDM', 'INDEKS_DESA');`);
    this.addSql(`alter table "idm_change" add column "family" "index_family" not null default 'IDM';`);

    this.addSql(`create table "indeks_desa_assessment" (
      "id" bigserial primary key,
      "village_code" text collate "C" not null references "village" ("code") on update cascade,
      "district_code" text collate "C" not null,
      "kabupaten_code" text collate "C" not null,
      "province_code" text collate "C" not null,
      "year" int not null,
      "layanan_dasar" double precision not null check ("layanan_dasar" between 0 and 170),
      "sosial" double precision not null check ("sosial" between 0 and 85),
      "ekonomi" double precision not null check ("ekonomi" between 0 and 160),
      "lingkungan" double precision not null check ("lingkungan" between 0 and 90),
      "aksesibilitas" double precision not null check ("aksesibilitas" between 0 and 50),
      "tata_kelola" double precision not null check ("tata_kelola" between 0 and 80),
      "score" double precision not null check ("score" between 0 and 100),
      "status" "idm_status" null,
      "derived_status" "idm_status" not null,
      "status_mismatch" boolean generated always as ("status" is not null and "status" <> "derived_status") stored,
      "score_mismatch" boolean not null,
      "target_status" "idm_status" not null,
      "target_min_score" double precision not null,
      "score_to_target" double precision not null,
      "published_code" text collate "C" not null,
      "source_format" text not null,
      "source_file" text not null,
      "source_line" int not null,
      "recorded_by" text not null,
      "recorded_at" timestamptz not null default now(),
      constraint "indeks_desa_assessment_village_year_unique" unique ("village_code", "year")
    );`);
    this.addSql(`create index "indeks_desa_assessment_year_province_index" on "indeks_desa_assessment" ("year", "province_code");`);
    this.addSql(`create index "indeks_desa_assessment_year_kabupaten_index" on "indeks_desa_assessment" ("year", "kabupaten_code");`);
    this.addSql(`create index "indeks_desa_assessment_year_district_index" on "indeks_desa_assessment" ("year", "district_code");`);
    this.addSql(`create index "indeks_desa_assessment_year_score_index" on "indeks_desa_assessment" ("year", "score", "village_code");`);

    this.addSql(`create table "indeks_desa_year" ("year" int primary key, "assessed" int not null);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "indeks_desa_year";`);
    this.addSql(`drop table if exists "indeks_desa_assessment";`);
    this.addSql(`delete from "idm_change" where "family" <> 'IDM';`);
    this.addSql(`alter table "idm_change" drop column "family";`);
    this.addSql(`drop type if exists "index_family";`);
  }
}
