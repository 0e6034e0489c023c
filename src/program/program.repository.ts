import type { Queryable } from '../db/sql';
import type { EnrolmentRow, LocusRow, ProgramRow } from './program.types';

const PROGRAM_COLUMNS = `p.id, p.slug, p.name, p.year, p.agency, p.description`;
const LOCUS_COLUMNS = `l.id, l.program_id as "programId", l.kabupaten_code as "kabupatenCode", l.quota`;

/** Batched reads of programs, loci and enrolments as plain rows. */
export class ProgramRepository {
  constructor(private readonly sql: Queryable) {}

  all(): Promise<ProgramRow[]> {
    return this.sql.query(`select ${PROGRAM_COLUMNS} from program p order by p.year, p.slug`);
  }

  bySlugs(slugs: readonly string[]): Promise<ProgramRow[]> {
    return this.sql.query(`select ${PROGRAM_COLUMNS} from program p where p.slug = any($1::text[])`, [slugs]);
  }

  byIds(ids: readonly number[]): Promise<ProgramRow[]> {
    return this.sql.query(`select ${PROGRAM_COLUMNS} from program p where p.id = any($1::int[])`, [ids]);
  }

  lociOfPrograms(programIds: readonly number[]): Promise<LocusRow[]> {
    return this.sql.query(`select ${LOCUS_COLUMNS} from program_locus l where l.program_id = any($1::int[]) order by l.kabupaten_code`, [programIds]);
  }

  loci(ids: readonly number[]): Promise<LocusRow[]> {
    return this.sql.query(`select ${LOCUS_COLUMNS} from program_locus l where l.id = any($1::int[])`, [ids]);
  }

  /** Loci by program and kabupaten code, the natural key their global ids carry. */
  lociByKabupaten(keys: readonly { programId: number; kabupatenCode: string }[]): Promise<LocusRow[]> {
    return this.sql.query(
      `select ${LOCUS_COLUMNS} from program_locus l join unnest($1::int[], $2::text[]) as k(program_id, code)
       on l.program_id = k.program_id and l.kabupaten_code = k.code`,
      [keys.map((k) => k.programId), keys.map((k) => k.kabupatenCode)],
    );
  }

  /** Enrolments by program and village code. */
  enrolments(keys: readonly { programId: number; villageCode: string }[]): Promise<EnrolmentRow[]> {
    return this.sql.query(
      `select pv.program_id as "programId", pv.locus_id as "locusId", pv.village_code as "villageCode", to_char(pv.enrolled_on, 'YYYY-MM-DD') as "enrolledOn"
       from program_village pv join unnest($1::int[], $2::text[]) as k(program_id, code) on pv.program_id = k.program_id and pv.village_code = k.code`,
      [keys.map((k) => k.programId), keys.map((k) => k.villageCode)],
    );
  }

  /** Provinces holding at least one locus of each program. */
  provincesOfPrograms(programIds: readonly number[]): Promise<{ programId: number; code: string; name: string }[]> {
    return this.sql.query(
      `select distinct l.program_id as "programId", pr.code, pr.name
       from program_locus l join kabupaten k on k.code = l.kabupaten_code join province pr on pr.code = k.province_code
       where l.program_id = any($1::int[]) order by pr.code`,
      [programIds],
    );
  }

  enrolment(programId: number, villageCode: string): Promise<EnrolmentRow[]> {
    return this.sql.query(
      `select program_id as "programId", locus_id as "locusId", village_code as "villageCode", to_char(enrolled_on, 'YYYY-MM-DD') as "enrolledOn"
       from program_village where program_id = $1 and village_code = $2`,
      [programId, villageCode],
    );
  }
}
