import { Migration } from '@mikro-orm/migrations';

/**
 * BPS codes in the register (issue 23): a nullable `bps_code` on each level's table, unique among
 * the rows that have one. A column rather than one `region_bps_code` table: a region has at most one
 * BPS code, so the planner reads it as a column of the row it already renders (no join per object),
 * and `village(code:)` finds a village by its BPS code through that table's own index. The unique
 * partial index is the rule "a BPS code names one region" at each level; across levels BPS codes
 * differ in length (2, 4, 7, 10 digits), so they cannot collide. `collate "C"` like every code
 * column, so comparisons with parameters and other code columns use the index.
 *
 * The register refresh (import:areas) writes only its own columns, so it leaves these alone.
 */
const TABLES = ['province', 'kabupaten', 'district', 'village'] as const;

export class Migration20261208130000 extends Migration {
  override async up(): Promise<void> {
    for (const table of TABLES) {
      this.addSql(`alter table "${table}" add column "bps_code" text collate "C" null;`);
      this.addSql(`create unique index "${table}_bps_code_unique" on "${table}" ("bps_code") where "bps_code" is not null;`);
    }
  }

  override async down(): Promise<void> {
    for (const table of TABLES) this.addSql(`alter table "${table}" drop column if exists "bps_code";`);
  }
}
