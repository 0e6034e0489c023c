import { Migration } from '@mikro-orm/migrations';

/**
 * The change log keeps, beside score and status, the values a family's subscribers are sent with a
 * change (the Indeks Desa: its six dimensions). Kept in the row rather than read from the assessment
 * table with the event, so a resume replays each change as it was written, not as the desa stands
 * now. Null for IDM and for retractions.
 */
export class Migration20261203120500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "idm_change" add column "detail" jsonb null;`);
    // Indeks Desa changes logged before this column get the dimensions as the desa stands now: the
    // best there is, and what indeksDesaUpdated needs to answer them on a resume.
    this.addSql(`update "idm_change" c set "detail" = jsonb_build_object('layananDasar', a."layanan_dasar", 'sosial', a."sosial", 'ekonomi', a."ekonomi",
      'lingkungan', a."lingkungan", 'aksesibilitas', a."aksesibilitas", 'tataKelola', a."tata_kelola")
      from "indeks_desa_assessment" a where c."family" = 'INDEKS_DESA' and c."score" is not null and a."village_code" = c."village_code" and a."year" = c."year";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "idm_change" drop column "detail";`);
  }
}
