import { Migration } from '@mikro-orm/migrations';

/**
 * Writes you can trust: who and what wrote each assessment and change (provenance), retractions in
 * the change log (no current value), the assessed count per year behind the "latest published year"
 * rule, and revoked token ids, checked on every request that presents a token.
 */
export class Migration20261128010000 extends Migration {
  override async up(): Promise<void> {
    // Not used in this migration: PostgreSQL refuses a new enum value in the transaction that adds it.
    this.addSql(`alter type "idm_movement" add value if not exists 'RETRACTED';`);

    this.addSql(`alter table "idm_assessment" add column "recorded_by" text not null default 'unrecorded';`);
    this.addSql(`alter table "idm_assessment" alter column "recorded_by" drop default;`);

    this.addSql(`alter table "idm_change" alter column "score" drop not null, alter column "status" drop not null;`);
    this.addSql(`alter table "idm_change" add constraint "idm_change_current_check" check (("score" is null) = ("status" is null));`);
    this.addSql(`alter table "idm_change" add column "source_line" int null, add column "reason" text null;`);
    this.addSql(`alter table "idm_change" add column "recorded_by" text not null default 'unrecorded';`);
    this.addSql(`alter table "idm_change" alter column "recorded_by" drop default;`);

    this.addSql(`create table "idm_year" ("year" int primary key, "assessed" int not null);`);
    this.addSql(`insert into "idm_year" ("year", "assessed") select "year", count(*) from "idm_assessment" group by "year";`);

    this.addSql(`create table "revoked_token" (
      "jti" text primary key,
      "revoked_at" timestamptz not null default now(),
      "revoked_by" text not null,
      "reason" text null
    );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "revoked_token";`);
    this.addSql(`drop table if exists "idm_year";`);
    this.addSql(`delete from "idm_change" where "score" is null;`);
    this.addSql(`alter table "idm_change" drop constraint "idm_change_current_check", drop column "source_line", drop column "reason", drop column "recorded_by";`);
    this.addSql(`alter table "idm_change" alter column "score" set not null, alter column "status" set not null;`);
    this.addSql(`alter table "idm_assessment" drop column "recorded_by";`);
    // An enum value cannot be dropped; RETRACTED stays, unused.
  }
}
