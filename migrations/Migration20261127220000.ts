import { Migration } from '@mikro-orm/migrations';

/**
 * IDM: one assessment per desa per year with its indicators, the change log every write appends to
 * in the same transaction (the live-updates outbox), and the codes villages were published under.
 */
export class Migration20261127220000 extends Migration {
  override async up(): Promise<void> {
    // Declared lowest to highest: PostgreSQL compares enum values in this order, so "moved up" is a > b.
    this.addSql(`create type "idm_status" as enum ('SANGAT_TERTINGGAL', 'TERTINGGAL', 'BERKEMBANG', 'MAJU', 'MANDIRI');`);
    this.addSql(`create type "idm_index" as enum ('IKS', 'IKE', 'IKL');`);
    this.addSql(`create type "idm_movement" as enum ('UP', 'DOWN', 'SAME', 'NEW');`);

    this.addSql(`create table "idm_assessment" (
      "id" bigserial primary key,
      "village_code" text collate "C" not null,
      "district_code" text collate "C" not null,
      "kabupaten_code" text collate "C" not null,
      "province_code" text collate "C" not null,
      "year" int not null,
      "iks" double precision not null check ("iks" between 0 and 1),
      "ike" double precision not null check ("ike" between 0 and 1),
      "ikl" double precision not null check ("ikl" between 0 and 1),
      "score" double precision not null check ("score" between 0 and 1),
      "status" "idm_status" null,
      "derived_status" "idm_status" not null,
      "status_mismatch" boolean generated always as ("status" is not null and "status" <> "derived_status") stored,
      "target_status" "idm_status" not null,
      "target_min_score" double precision not null,
      "score_to_target" double precision not null,
      "published_code" text collate "C" not null,
      "note" text null,
      "indicators_hash" text null,
      "source_format" text not null,
      "source_file" text not null,
      "source_line" int not null,
      "recorded_at" timestamptz not null default now(),
      constraint "idm_assessment_village_year_unique" unique ("village_code", "year")
    );`);
    this.addSql(`create index "idm_assessment_year_province_index" on "idm_assessment" ("year", "province_code");`);
    this.addSql(`create index "idm_assessment_year_kabupaten_index" on "idm_assessment" ("year", "kabupaten_code");`);
    this.addSql(`create index "idm_assessment_year_district_index" on "idm_assessment" ("year", "district_code");`);
    this.addSql(`create index "idm_assessment_year_score_index" on "idm_assessment" ("year", "score", "village_code");`);
    this.addSql(`alter table "idm_assessment" add constraint "idm_assessment_village_code_foreign" foreign key ("village_code") references "village" ("code") on update cascade;`);

    this.addSql(`create table "idm_indicator" (
      "assessment_id" bigint not null references "idm_assessment" ("id") on delete cascade,
      "index" "idm_index" not null,
      "number" smallint not null,
      "name" text not null,
      "score" double precision not null check ("score" between 0 and 5),
      "description" text null,
      "activity" text null,
      "actor_pusat" text null,
      "actor_provinsi" text null,
      "actor_kabupaten" text null,
      "actor_desa" text null,
      "actor_csr" text null,
      "actor_lainnya" text null,
      "potential_gain" double precision not null,
      constraint "idm_indicator_pkey" primary key ("assessment_id", "index", "number")
    );`);

    this.addSql(`create table "idm_change" (
      "id" bigserial primary key,
      "village_code" text collate "C" not null references "village" ("code") on update cascade,
      "year" int not null,
      "previous_score" double precision null,
      "previous_status" "idm_status" null,
      "score" double precision not null,
      "status" "idm_status" not null,
      "movement" "idm_movement" not null,
      "source_format" text not null,
      "source_file" text not null,
      "recorded_at" timestamptz not null default now()
    );`);
    this.addSql(`create index "idm_change_village_code_index" on "idm_change" ("village_code");`);

    this.addSql(`create table "village_code_alias" (
      "alias_code" text collate "C" primary key,
      "village_code" text collate "C" not null references "village" ("code") on update cascade on delete cascade,
      "source" text not null,
      "created_at" timestamptz not null default now()
    );`);
    this.addSql(`create index "village_code_alias_village_code_index" on "village_code_alias" ("village_code");`);
  }

  override async down(): Promise<void> {
    for (const table of ['village_code_alias', 'idm_change', 'idm_indicator', 'idm_assessment']) this.addSql(`drop table if exists "${table}" cascade;`);
    for (const type of ['idm_movement', 'idm_index', 'idm_status']) this.addSql(`drop type if exists "${type}";`);
  }
}
