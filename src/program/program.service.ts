import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, NotFoundError } from '../errors';
import { parseCode } from '../region/region-code';
import { Kabupaten, Village } from '../region/region.entity';
import { VillageKind } from '../region/region.enums';
import { Program, ProgramLocus, ProgramVillage } from './program.entity';
import type {
  AddLocusInput,
  CreateProgramInput,
  EnrollVillageInput,
  EnrolmentRow,
  LocusInput,
  LocusRow,
  ProgramRow,
  UnenrollVillageInput,
  UpdateLocusInput,
  UpdateProgramInput,
} from './program.types';

/**
 * Writes to programs through the ORM's unit of work, each in one transaction. Rules (a village must
 * lie in a locus; a locus holds at most its quota) are checked under a row lock on the locus, so
 * two operators enrolling at once cannot overfill it.
 */
export class ProgramService {
  constructor(private readonly em: EntityManager) {}

  async createProgram(input: CreateProgramInput): Promise<ProgramRow> {
    try {
      return await this.em.transactional(async (em) => {
        const program = em.create(Program, {
          slug: input.slug,
          name: input.name.trim(),
          year: input.year,
          agency: input.agency.trim(),
          description: input.description?.trim() || null,
          createdAt: new Date(),
        });
        await em.flush();
        return toProgramRow(program);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new BadUserInputError(`input.slug "${input.slug}": a program with this slug already exists; choose another slug`, { field: 'input.slug' });
      }
      throw error;
    }
  }

  async addLocus(input: AddLocusInput): Promise<LocusRow> {
    const kabupatenCode = parseCode(input.kabupatenCode, 'kabupaten', 'input.kabupatenCode');
    try {
      return await this.em.transactional(async (em) => {
        const program = await this.program(em, input.programSlug);
        const kabupaten = await em.findOne(Kabupaten, { code: kabupatenCode });
        if (!kabupaten) throw new BadUserInputError(`input.kabupatenCode "${input.kabupatenCode}": no kabupaten/kota ${kabupatenCode} in the register`, { field: 'input.kabupatenCode' });
        const locus = em.create(ProgramLocus, { program, kabupaten, quota: input.quota });
        await em.flush();
        return { id: locus.id, programId: program.id, kabupatenCode, quota: locus.quota };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new BadUserInputError(`input.kabupatenCode "${input.kabupatenCode}": ${kabupatenCode} is already a locus of ${input.programSlug}`, { field: 'input.kabupatenCode' });
      }
      throw error;
    }
  }

  async enrollVillage(input: EnrollVillageInput): Promise<EnrolmentRow> {
    const villageCode = parseCode(input.villageCode, 'village', 'input.villageCode');
    try {
      return await this.em.transactional(async (em) => {
        const program = await this.program(em, input.programSlug);
        const village = await em.findOne(Village, { code: villageCode }, { populate: ['kabupaten'] });
        if (!village) throw new BadUserInputError(`input.villageCode "${input.villageCode}": no village ${villageCode} in the register`, { field: 'input.villageCode' });
        if (village.kind === VillageKind.KELURAHAN) {
          throw new BadUserInputError(`input.villageCode "${input.villageCode}": ${village.name} (${villageCode}) is a kelurahan; programs enrol desa and desa adat only`, {
            field: 'input.villageCode',
          });
        }
        const locus = await em.findOne(
          ProgramLocus,
          { program, kabupaten: village.kabupaten },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (!locus) {
          throw new BadUserInputError(
            `input.villageCode "${input.villageCode}": village ${village.name} (${villageCode}) lies in ${village.kabupaten.name} (${village.kabupaten.code}), which is not a locus of ${program.slug}; add the locus first`,
            { field: 'input.villageCode', villageCode, kabupatenCode: village.kabupaten.code },
          );
        }
        const enrolled = await em.count(ProgramVillage, { locus });
        if (enrolled >= locus.quota) {
          throw new BadUserInputError(
            `input.villageCode "${input.villageCode}": Locus ${village.kabupaten.name} (${village.kabupaten.code}) of ${program.slug} is full: ${enrolled} of ${locus.quota} villages enrolled, so village ${village.name} (${villageCode}) cannot join`,
            { field: 'input.villageCode', villageCode, kabupatenCode: village.kabupaten.code, quota: locus.quota },
          );
        }
        const enrolledOn = input.enrolledOn ?? new Date().toISOString().slice(0, 10);
        em.create(ProgramVillage, { program, locus, village, enrolledOn });
        await em.flush();
        return { programId: program.id, locusId: locus.id, villageCode, enrolledOn };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new BadUserInputError(`input.villageCode "${input.villageCode}": village ${villageCode} is already enrolled in ${input.programSlug}`, { field: 'input.villageCode' });
      }
      throw error;
    }
  }

  async unenrollVillage(input: UnenrollVillageInput): Promise<EnrolmentRow> {
    const villageCode = parseCode(input.villageCode, 'village', 'input.villageCode');
    return this.em.transactional(async (em) => {
      const program = await this.program(em, input.programSlug);
      const enrolment = await em.findOne(ProgramVillage, { program, village: { code: villageCode } });
      if (!enrolment) throw new NotFoundError(`input.villageCode "${input.villageCode}": village ${villageCode} is not enrolled in ${program.slug}`, { field: 'input.villageCode' });
      const row = { programId: program.id, locusId: enrolment.locus.id, villageCode, enrolledOn: String(enrolment.enrolledOn).slice(0, 10) };
      em.remove(enrolment);
      await em.flush();
      return row;
    });
  }

  async updateProgram(input: UpdateProgramInput): Promise<ProgramRow> {
    return this.em.transactional(async (em) => {
      const program = await this.program(em, input.slug, 'input.slug');
      if (input.name !== undefined) program.name = input.name.trim();
      if (input.year !== undefined) program.year = input.year;
      if (input.agency !== undefined) program.agency = input.agency.trim();
      if (input.description !== undefined) program.description = input.description?.trim() || null;
      await em.flush();
      return toProgramRow(program);
    });
  }

  /** A new quota, never below the villages already enrolled through the locus (checked under its row lock). */
  async updateLocus(input: UpdateLocusInput): Promise<LocusRow> {
    return this.em.transactional(async (em) => {
      const { locus, enrolled, name } = await this.lockedLocus(em, input);
      if (input.quota < enrolled) {
        throw new BadUserInputError(
          `input.quota ${input.quota}: locus ${name} of ${input.programSlug} has ${enrolled} villages enrolled; the quota cannot go below that (unenrol villages first)`,
          { field: 'input.quota', enrolled },
        );
      }
      locus.quota = input.quota;
      await em.flush();
      return toLocusRow(locus);
    });
  }

  /** Removes a locus that has no enrolments; returns it as it was. */
  async removeLocus(input: LocusInput): Promise<LocusRow> {
    return this.em.transactional(async (em) => {
      const { locus, enrolled, name } = await this.lockedLocus(em, input);
      if (enrolled > 0) {
        throw new BadUserInputError(
          `input.kabupatenCode "${input.kabupatenCode}": locus ${name} of ${input.programSlug} still has ${enrolled} villages enrolled; unenrol them first`,
          { field: 'input.kabupatenCode', enrolled },
        );
      }
      const row = toLocusRow(locus);
      em.remove(locus);
      await em.flush();
      return row;
    });
  }

  /** The locus of a program in a kabupaten under a row lock (as enrolment takes it), with its enrolled count. */
  private async lockedLocus(em: EntityManager, input: LocusInput): Promise<{ locus: ProgramLocus; enrolled: number; name: string }> {
    const kabupatenCode = parseCode(input.kabupatenCode, 'kabupaten', 'input.kabupatenCode');
    const program = await this.program(em, input.programSlug);
    const kabupaten = await em.findOne(Kabupaten, { code: kabupatenCode });
    const locus = kabupaten && (await em.findOne(ProgramLocus, { program, kabupaten }, { lockMode: LockMode.PESSIMISTIC_WRITE }));
    if (!locus) throw new NotFoundError(`input.kabupatenCode "${input.kabupatenCode}": ${kabupatenCode} is not a locus of ${program.slug}`, { field: 'input.kabupatenCode' });
    const enrolled = await em.count(ProgramVillage, { locus });
    return { locus, enrolled, name: `${kabupaten.name} (${kabupatenCode})` };
  }

  private async program(em: EntityManager, slug: string, field = 'input.programSlug'): Promise<Program> {
    const program = await em.findOne(Program, { slug });
    if (!program) throw new BadUserInputError(`${field} "${slug}": no program with this slug; see the programs query`, { field });
    return program;
  }
}

function toLocusRow(locus: ProgramLocus): LocusRow {
  return { id: locus.id, programId: locus.program.id, kabupatenCode: locus.kabupaten.code, quota: locus.quota };
}

function toProgramRow(p: Program): ProgramRow {
  return { id: p.id, slug: p.slug, name: p.name, year: p.year, agency: p.agency, description: p.description ?? null };
}
