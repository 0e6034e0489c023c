import { Migration } from '@mikro-orm/migrations';

/**
 * The Indeks Desa's tables bump the data version as IDM's do (Migration20261128020000): without
 * it, a cached anonymous answer that read an Indeks Desa value would outlive the write that changed it.
 */
const TABLES = ['indeks_desa_assessment', 'indeks_desa_year'] as const;

export class Migration20261203130000 extends Migration {
  override async up(): Promise<void> {
    for (const table of TABLES) {
      this.addSql(
        `create trigger "${table}_bumps_data_version" after insert or update or delete or truncate on "${table}" for each statement execute function "bump_data_version"();`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const table of TABLES) this.addSql(`drop trigger if exists "${table}_bumps_data_version" on "${table}";`);
  }
}
