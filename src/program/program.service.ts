import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, NotFoundError } from '../errors';
import { parseCode } from '../region/region-code';
import { Kabupaten, Village } from '../region/region.entity';
import { VillageKind } from '../region/region.enums';
import { Program, ProgramLocus, ProgramVillage } from './program.entity';
import type { AddLocusInput, CreateProgramInput, EnrollVillageInput, EnrolmentRow, LocusRow, ProgramRow, UnenrollVillageInput } from './program.types';

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
        throw new BadUserInputError(`A program with slug "${input.slug}" already exists; choose another slug`, { field: 'slug' });
      }
      throw error;
    }
  }

  async addLocus(input: AddLocusInput): Promise<LocusRow> {
    const kabupatenCode = parseCode(input.kabupatenCode, 'kabupaten', 'kabupatenCode');
    try {
      return await this.em.transactional(async (em) => {
        const program = await this.program(em, input.programSlug);
        const kabupaten = await em.findOne(Kabupaten, { code: kabupatenCode });
        if (!kabupaten) throw new BadUserInputError(`No kabupaten/kota ${kabupatenCode} in the register`, { field: 'kabupatenCode' });
        const locus = em.create(ProgramLocus, { program, kabupaten, quota: input.quota });
        await em.flush();
        return { id: locus.id, programId: program.id, kabupatenCode, quota: locus.quota };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new BadUserInputError(`${kabupatenCode} is already a locus of ${input.programSlug}`, { field: 'kabupatenCode' });
      }
      throw error;
    }
  }

  async enrollVillage(input: EnrollVillageInput): Promise<EnrolmentRow> {
    const villageCode = parseCode(input.villageCode, 'village', 'villageCode');
    try {
      return await this.em.transactional(async (em) => {
        const program = await this.program(em, input.programSlug);
        const village = await em.findOne(Village, { code: villageCode }, { populate: ['kabupaten'] });
        if (!village) throw new BadUserInputError(`No village ${villageCode} in the register`, { field: 'villageCode' });
        if (village.kind === VillageKind.KELURAHAN) {
          throw new BadUserInputError(`${village.name} (${villageCode}) is a kelurahan; programs enrol desa and desa adat only`, { field: 'villageCode' });
        }
        const locus = await em.findOne(
          ProgramLocus,
          { program, kabupaten: village.kabupaten },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (!locus) {
          throw new BadUserInputError(
            `Village ${village.name} (${villageCode}) lies in ${village.kabupaten.name} (${village.kabupaten.code}), which is not a locus of ${program.slug}; add the locus first`,
            { field: 'villageCode', villageCode, kabupatenCode: village.kabupaten.code },
          );
        }
        const enrolled = await em.count(ProgramVillage, { locus });
        if (enrolled >= locus.quota) {
          throw new BadUserInputError(
            `Locus ${village.kabupaten.name} (${village.kabupaten.code}) of ${program.slug} is full: ${enrolled} of ${locus.quota} villages enrolled, so village ${village.name} (${villageCode}) cannot join`,
            { field: 'villageCode', villageCode, kabupatenCode: village.kabupaten.code, quota: locus.quota },
          );
        }
        const enrolledOn = input.enrolledOn ?? new Date().toISOString().slice(0, 10);
        em.create(ProgramVillage, { program, locus, village, enrolledOn });
        await em.flush();
        return { programId: program.id, locusId: locus.id, villageCode, enrolledOn };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new BadUserInputError(`Village ${villageCode} is already enrolled in ${input.programSlug}`, { field: 'villageCode' });
      }
      throw error;
    }
  }

  async unenrollVillage(input: UnenrollVillageInput): Promise<EnrolmentRow> {
    const villageCode = parseCode(input.villageCode, 'village', 'villageCode');
    return this.em.transactional(async (em) => {
      const program = await this.program(em, input.programSlug);
      const enrolment = await em.findOne(ProgramVillage, { program, village: { code: villageCode } });
      if (!enrolment) throw new NotFoundError(`Village ${villageCode} is not enrolled in ${program.slug}`, { field: 'villageCode' });
      const row = { programId: program.id, locusId: enrolment.locus.id, villageCode, enrolledOn: String(enrolment.enrolledOn).slice(0, 10) };
      em.remove(enrolment);
      await em.flush();
      return row;
    });
  }

  private async program(em: EntityManager, slug: string): Promise<Program> {
    const program = await em.findOne(Program, { slug });
    if (!program) throw new BadUserInputError(`No program with slug "${slug}"; see the programs query`, { field: 'programSlug' });
    return program;
  }
}

function toProgramRow(p: Program): ProgramRow {
  return { id: p.id, slug: p.slug, name: p.name, year: p.year, agency: p.agency, description: p.description ?? null };
}
