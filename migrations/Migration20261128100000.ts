import { Migration } from '@mikro-orm/migrations';

/**
 * Ranked name search ignores spaces ("kotabangun" finds "Kota Bangun"): a trigram index on the
 * folded village name without its spaces serves both its infix LIKE and its similarity operator.
 */
export class Migration20261128100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "village_search_compact_trgm" on "village" using gin ((replace("search_name", ' ', '')) gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "village_search_compact_trgm";`);
  }
}
