import { Migration } from '@mikro-orm/migrations';

/**
 * What `GET /open/api/desa/rumusan/{kode}/{tahun}` needs beyond the modelled columns: the names a
 * desa-year was published under, and, for a desa-year stored from a Kemendes API response, the
 * residue of that response (src/idm/rumusan.ts). `json` rather than `jsonb` for the residue: it
 * keeps the text as written, so the key order of any object it holds.
 */
export class Migration20261203100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "idm_assessment" add column "published_names" jsonb null, add column "published_residue" json null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "idm_assessment" drop column "published_names", drop column "published_residue";`);
  }
}
