import { Migration } from '@mikro-orm/migrations';

/**
 * The Kemendagri register (province, kabupaten, district, village) and Desa Cerdas programs.
 * Codes use the "C" collation: byte order equals numeric code order, which keyset pagination relies on.
 */
export class Migration20261127211325 extends Migration {

  override async up(): Promise<void> {
    // Trigram index for case- and accent-insensitive village name search (search_name is pre-folded).
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create type "kabupaten_kind" as enum ('KABUPATEN', 'KOTA');`);
    this.addSql(`create type "village_kind" as enum ('KELURAHAN', 'DESA', 'DESA_ADAT');`);
    this.addSql(`create table "program" ("id" serial primary key, "slug" text not null, "name" text not null, "year" int not null, "agency" text not null, "description" text null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "program" add constraint "program_slug_unique" unique ("slug");`);

    this.addSql(`create table "province" ("code" text collate "C" not null, "name" text not null, constraint "province_pkey" primary key ("code"));`);

    this.addSql(`create table "kabupaten" ("code" text collate "C" not null, "province_code" text collate "C" not null, "name" text not null, "kind" "kabupaten_kind" not null, constraint "kabupaten_pkey" primary key ("code"));`);
    this.addSql(`create index "kabupaten_province_code_index" on "kabupaten" ("province_code");`);

    this.addSql(`create table "program_locus" ("id" serial primary key, "program_id" int not null, "kabupaten_code" text collate "C" not null, "quota" int not null check ("quota" > 0));`);
    this.addSql(`create index "program_locus_program_id_index" on "program_locus" ("program_id");`);
    this.addSql(`create index "program_locus_kabupaten_code_index" on "program_locus" ("kabupaten_code");`);
    this.addSql(`alter table "program_locus" add constraint "program_locus_program_id_kabupaten_code_unique" unique ("program_id", "kabupaten_code");`);

    this.addSql(`create table "district" ("code" text collate "C" not null, "kabupaten_code" text collate "C" not null, "province_code" text collate "C" not null, "name" text not null, constraint "district_pkey" primary key ("code"));`);
    this.addSql(`create index "district_kabupaten_code_index" on "district" ("kabupaten_code");`);
    this.addSql(`create index "district_province_code_index" on "district" ("province_code");`);

    this.addSql(`create table "village" ("code" text collate "C" not null, "district_code" text collate "C" not null, "kabupaten_code" text collate "C" not null, "province_code" text collate "C" not null, "name" text not null, "search_name" text not null, "kind" "village_kind" not null, constraint "village_pkey" primary key ("code"));`);
    this.addSql(`create index "village_district_code_index" on "village" ("district_code");`);
    this.addSql(`create index "village_kabupaten_code_index" on "village" ("kabupaten_code");`);
    this.addSql(`create index "village_province_code_index" on "village" ("province_code");`);
    this.addSql(`create index "village_search_name_trgm" on "village" using gin ("search_name" gin_trgm_ops);`);

    this.addSql(`create table "program_village" ("id" serial primary key, "program_id" int not null, "locus_id" int not null, "village_code" text collate "C" not null, "enrolled_on" date not null);`);
    this.addSql(`create index "program_village_locus_id_index" on "program_village" ("locus_id");`);
    this.addSql(`create index "program_village_village_code_index" on "program_village" ("village_code");`);
    this.addSql(`alter table "program_village" add constraint "program_village_program_id_village_code_unique" unique ("program_id", "village_code");`);

    this.addSql(`alter table "kabupaten" add constraint "kabupaten_province_code_foreign" foreign key ("province_code") references "province" ("code") on update cascade;`);

    this.addSql(`alter table "program_locus" add constraint "program_locus_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "program_locus" add constraint "program_locus_kabupaten_code_foreign" foreign key ("kabupaten_code") references "kabupaten" ("code") on update cascade;`);

    this.addSql(`alter table "district" add constraint "district_kabupaten_code_foreign" foreign key ("kabupaten_code") references "kabupaten" ("code") on update cascade;`);
    this.addSql(`alter table "district" add constraint "district_province_code_foreign" foreign key ("province_code") references "province" ("code") on update cascade;`);

    this.addSql(`alter table "village" add constraint "village_district_code_foreign" foreign key ("district_code") references "district" ("code") on update cascade;`);
    this.addSql(`alter table "village" add constraint "village_kabupaten_code_foreign" foreign key ("kabupaten_code") references "kabupaten" ("code") on update cascade;`);
    this.addSql(`alter table "village" add constraint "village_province_code_foreign" foreign key ("province_code") references "province" ("code") on update cascade;`);

    this.addSql(`alter table "program_village" add constraint "program_village_program_id_foreign" foreign key ("program_id") references "program" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "program_village" add constraint "program_village_locus_id_foreign" foreign key ("locus_id") references "program_locus" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "program_village" add constraint "program_village_village_code_foreign" foreign key ("village_code") references "village" ("code") on update cascade;`);
  }

  override async down(): Promise<void> {
    for (const table of ['program_village', 'program_locus', 'program', 'village', 'district', 'kabupaten', 'province']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
    this.addSql(`drop type if exists "village_kind";`);
    this.addSql(`drop type if exists "kabupaten_kind";`);
  }
}
