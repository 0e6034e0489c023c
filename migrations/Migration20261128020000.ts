import { Migration } from '@mikro-orm/migrations';

/**
 * A version of the data that anonymous answers are computed from, for the response cache: one row,
 * bumped by a statement-level trigger on every table a query reads, in the same transaction as the
 * write. A cached answer stamped with the version read before it was computed is current exactly
 * while the version is unchanged, whichever instance, command or SQL session wrote since.
 */
export const VERSIONED_TABLES = [
  'province',
  'kabupaten',
  'district',
  'village',
  'village_code_alias',
  'program',
  'program_locus',
  'program_village',
  'idm_assessment',
  'idm_indicator',
  'idm_change',
  // Which year is the latest published one, for lists and summaries that omit it.
  'idm_year',
] as const;

export class Migration20261128020000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "data_version" ("id" boolean primary key default true check ("id"), "version" bigint not null);`);
    this.addSql(`insert into "data_version" ("id", "version") values (true, 1);`);
    // Statement-level: an import of 75,000 rows bumps it once per statement, not once per row. The
    // row lock it takes is held to commit, so writers serialise here; they are few and short.
    this.addSql(`create function "bump_data_version"() returns trigger language plpgsql as $$
      begin
        update "data_version" set "version" = "version" + 1;
        return null;
      end $$;`);
    for (const table of VERSIONED_TABLES) {
      this.addSql(
        `create trigger "${table}_bumps_data_version" after insert or update or delete or truncate on "${table}" for each statement execute function "bump_data_version"();`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const table of VERSIONED_TABLES) this.addSql(`drop trigger if exists "${table}_bumps_data_version" on "${table}";`);
    this.addSql(`drop function if exists "bump_data_version"();`);
    this.addSql(`drop table if exists "data_version";`);
  }
}
