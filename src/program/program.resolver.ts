import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../auth/viewer';
import type { Context } from '../graphql/context';
import { VALIDATE_INPUT } from '../graphql/validation';
import type { Connection } from '../graphql/connection';
import { globalId } from '../graphql/global-id';
import { PROGRAM_KIND } from '../region/region.nodes';
import { villageConnection } from '../region/region.resolver';
import { KabupatenType, ProvinceType, VillageArgs, VillageConnection, VillageType, type KabupatenRow, type ProvinceRow, type VillageRow } from '../region/region.types';
import { ProgramService } from './program.service';
import {
  AddLocusInput,
  CreateProgramInput,
  EnrollVillageInput,
  EnrolmentType,
  LocusInput,
  ProgramLocusType,
  ProgramType,
  UnenrollVillageInput,
  UpdateLocusInput,
  UpdateProgramInput,
  type EnrolmentRow,
  type LocusRow,
  type ProgramRow,
} from './program.types';

@Resolver(() => ProgramType)
export class ProgramResolver {
  @FieldResolver(() => ID)
  id(@Root() program: ProgramRow): string {
    return globalId(PROGRAM_KIND, program.id);
  }

  @Query(() => ProgramType, { nullable: true, description: 'A program by slug ("desa-cerdas-2022"); null when unknown.' })
  program(@Arg('slug', { description: 'The program slug.' }) slug: string, @Ctx() context: Context): Promise<ProgramRow | null> {
    return context.loaders.program.bySlug.load(slug);
  }

  @Query(() => [ProgramType], { description: 'All programs, by year then slug.' })
  async programs(@Ctx() context: Context): Promise<ProgramRow[]> {
    const rows = await context.loaders.program.repository.all();
    for (const row of rows) context.loaders.program.bySlug.prime(row.slug, row);
    return rows;
  }

  @FieldResolver(() => [ProgramLocusType], { description: 'Its loci (kabupaten taking part) in code order.' })
  loci(@Root() program: ProgramRow, @Ctx() context: Context): Promise<LocusRow[]> {
    return context.loaders.program.lociOfProgram.load(program.id);
  }

  @FieldResolver(() => [ProvinceType], { description: 'Provinces holding its loci; navigating down from them stays inside this program.' })
  provinces(@Root() program: ProgramRow, @Ctx() context: Context): Promise<ProvinceRow[]> {
    return context.loaders.program.provincesOfProgram.load(program.id);
  }

  @FieldResolver(() => VillageConnection, { description: 'Its enrolled villages in code order.' })
  villages(
    @Root() program: ProgramRow,
    @Args() args: VillageArgs,
    @Ctx() context: Context,
  ): Promise<Connection<VillageRow>> {
    return villageConnection(context, 'root', '*', args, { programId: program.id });
  }

  @Mutation(() => ProgramType, { nullable: true, description: 'Creates a program. ADMIN only.' })
  @Authorized(Role.ADMIN)
  createProgram(@Arg('input', () => CreateProgramInput, { description: 'The new program.', validate: VALIDATE_INPUT }) input: CreateProgramInput, @Ctx() context: Context): Promise<ProgramRow> {
    return service(context).createProgram(input);
  }

  @Mutation(() => ProgramType, { nullable: true, description: 'Changes the name, year, agency or description of a program. ADMIN only.' })
  @Authorized(Role.ADMIN)
  updateProgram(@Arg('input', () => UpdateProgramInput, { description: 'The program and what changes.', validate: VALIDATE_INPUT }) input: UpdateProgramInput, @Ctx() context: Context): Promise<ProgramRow> {
    return service(context).updateProgram(input);
  }

  @Mutation(() => ProgramLocusType, { nullable: true, description: 'Makes a kabupaten a locus of a program with a village quota. ADMIN only.' })
  @Authorized(Role.ADMIN)
  addLocus(@Arg('input', () => AddLocusInput, { description: 'The program, kabupaten and quota.', validate: VALIDATE_INPUT }) input: AddLocusInput, @Ctx() context: Context): Promise<LocusRow> {
    return service(context).addLocus(input);
  }

  @Mutation(() => ProgramLocusType, { nullable: true, description: "Changes a locus's quota; never below the villages already enrolled through it. ADMIN only." })
  @Authorized(Role.ADMIN)
  updateLocus(@Arg('input', () => UpdateLocusInput, { description: 'The locus and its new quota.', validate: VALIDATE_INPUT }) input: UpdateLocusInput, @Ctx() context: Context): Promise<LocusRow> {
    return service(context).updateLocus(input);
  }

  @Mutation(() => ProgramLocusType, { nullable: true, description: 'Removes a locus from a program; refused while villages are enrolled through it. Returns the locus as it was. ADMIN only.' })
  @Authorized(Role.ADMIN)
  removeLocus(@Arg('input', () => LocusInput, { description: 'The locus to remove.', validate: VALIDATE_INPUT }) input: LocusInput, @Ctx() context: Context): Promise<LocusRow> {
    return service(context).removeLocus(input);
  }

  @Mutation(() => EnrolmentType, {
    nullable: true,
    description: 'Enrols a desa in a program. Its kabupaten must be a locus with room under its quota. ADMIN only.',
  })
  @Authorized(Role.ADMIN)
  enrollVillage(@Arg('input', () => EnrollVillageInput, { description: 'The program and village.', validate: VALIDATE_INPUT }) input: EnrollVillageInput, @Ctx() context: Context): Promise<EnrolmentRow> {
    return service(context).enrollVillage(input);
  }

  @Mutation(() => EnrolmentType, { nullable: true, description: 'Removes a village from a program; returns the enrolment that ended. ADMIN only.' })
  @Authorized(Role.ADMIN)
  unenrollVillage(@Arg('input', () => UnenrollVillageInput, { description: 'The program and village.', validate: VALIDATE_INPUT }) input: UnenrollVillageInput, @Ctx() context: Context): Promise<EnrolmentRow> {
    return service(context).unenrollVillage(input);
  }
}

/**
 * The write service on a fresh context: mutation fields run one after another, and what an earlier
 * field loaded (a locus's enrolled count) must not answer for a later one.
 */
function service(context: Context): ProgramService {
  context.renew();
  return new ProgramService(context.em);
}

@Resolver(() => ProgramLocusType)
export class ProgramLocusResolver {
  @FieldResolver(() => ID)
  id(@Root() locus: LocusRow): string {
    return globalId('ProgramLocus', locus.programId, locus.kabupatenCode);
  }

  @FieldResolver(() => ProgramType, { description: 'The program.' })
  async program(@Root() locus: LocusRow, @Ctx() context: Context): Promise<ProgramRow> {
    return (await context.loaders.program.byId.load(locus.programId))!;
  }

  @FieldResolver(() => KabupatenType, { description: 'The kabupaten/kota; navigating down from it stays inside the program.' })
  async kabupaten(@Root() locus: LocusRow, @Ctx() context: Context): Promise<KabupatenRow> {
    const row = (await context.loaders.region.kabupaten.load(locus.kabupatenCode))!;
    return { ...row, scope: { programId: locus.programId } };
  }

  @FieldResolver(() => Int, { description: 'Villages enrolled through this locus.' })
  async enrolledCount(@Root() locus: LocusRow, @Ctx() context: Context): Promise<number> {
    return context.loaders.region.villageCount('locus', {}).load(String(locus.id));
  }

  @FieldResolver(() => VillageConnection, { description: 'Villages enrolled through this locus, in code order.' })
  villages(
    @Root() locus: LocusRow,
    @Args() args: VillageArgs,
    @Ctx() context: Context,
  ): Promise<Connection<VillageRow>> {
    // Enrolment through the locus already scopes to the program; no second program filter needed.
    return villageConnection(context, 'locus', String(locus.id), args, undefined).then((c) => ({
      ...c,
      edges: c.edges.map((e) => ({ ...e, node: { ...e.node, scope: { programId: locus.programId } } })),
    }));
  }
}

@Resolver(() => EnrolmentType)
export class EnrolmentResolver {
  @FieldResolver(() => ID)
  id(@Root() enrolment: EnrolmentRow): string {
    return globalId('Enrolment', enrolment.programId, enrolment.villageCode);
  }

  @FieldResolver(() => ProgramType, { description: 'The program.' })
  async program(@Root() enrolment: EnrolmentRow, @Ctx() context: Context): Promise<ProgramRow> {
    return (await context.loaders.program.byId.load(enrolment.programId))!;
  }

  @FieldResolver(() => ProgramLocusType, { description: 'The locus (kabupaten) it is enrolled through.' })
  async locus(@Root() enrolment: EnrolmentRow, @Ctx() context: Context): Promise<LocusRow> {
    return (await context.loaders.program.locus.load(enrolment.locusId))!;
  }

  @FieldResolver(() => VillageType, { description: 'The village.' })
  async village(@Root() enrolment: EnrolmentRow, @Ctx() context: Context): Promise<VillageRow> {
    return (await context.loaders.region.village.load(enrolment.villageCode))!;
  }
}
