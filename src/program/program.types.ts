import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsOptional, Length, Matches, Max, Min } from 'class-validator';
import { NodeInterface } from '../graphql/node';

export interface ProgramRow {
  id: number;
  slug: string;
  name: string;
  year: number;
  agency: string;
  description: string | null;
}

export interface LocusRow {
  id: number;
  programId: number;
  kabupatenCode: string;
  quota: number;
}

export interface EnrolmentRow {
  programId: number;
  locusId: number;
  villageCode: string;
  enrolledOn: string;
}

@ObjectType('Program', { implements: NodeInterface, simpleResolvers: true, description: 'A program that assists villages, such as a Desa Cerdas cohort.' })
export class ProgramType {
  @Field(() => ID, { description: 'Global id (see `node`).' })
  id!: string;

  @Field({ description: 'Stable identifier used in arguments, e.g. "desa-cerdas-2022".' })
  slug!: string;

  @Field({ description: 'Display name, e.g. "Desa Cerdas 2022".' })
  name!: string;

  @Field(() => Int, { description: 'Year of the cohort.' })
  year!: number;

  @Field({ description: 'Agency that runs it, e.g. "Kemendes PDTT".' })
  agency!: string;

  @Field(() => String, { nullable: true, description: 'What the program does, in a few sentences.' })
  description!: string | null;
}

@ObjectType('ProgramLocus', { implements: NodeInterface, simpleResolvers: true, description: 'A kabupaten taking part in a program (lokus), with its village quota.' })
export class ProgramLocusType {
  @Field(() => ID, { description: 'Global id (see `node`), made of the program and the kabupaten.' })
  id!: string;

  @Field(() => Int, { description: 'Most villages this locus may enrol.' })
  quota!: number;
}

@ObjectType('Enrolment', { implements: NodeInterface, simpleResolvers: true, description: 'A village enrolled in a program through the locus of its kabupaten.' })
export class EnrolmentType {
  @Field(() => ID, { description: 'Global id (see `node`), made of the program and the village.' })
  id!: string;

  @Field(() => GraphQLLocalDate, { description: 'Day the village joined the program.' })
  enrolledOn!: string;
}

@InputType({ description: 'A new program.' })
export class CreateProgramInput {
  @Field({ description: 'Lower-case words joined by hyphens, unique: "desa-cerdas-2023".' })
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'slug must be lower-case letters and digits joined by single hyphens, e.g. desa-cerdas-2023' })
  @Length(3, 64, { message: 'slug must be 3 to 64 characters long' })
  slug!: string;

  @Field({ description: 'Display name.' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters long' })
  name!: string;

  @Field(() => Int, { description: 'Year of the cohort, 2000 to 2100.' })
  @Min(2000, { message: 'year must be 2000 or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year!: number;

  @Field({ description: 'Agency that runs it.' })
  @Length(1, 200, { message: 'agency must be 1 to 200 characters long' })
  agency!: string;

  @Field({ nullable: true, description: 'What the program does.' })
  @Length(0, 4000, { message: 'description must be at most 4000 characters long' })
  description?: string;
}

@InputType({ description: 'A kabupaten joining a program.' })
export class AddLocusInput {
  @Field({ description: 'The program ("desa-cerdas-2022").' })
  programSlug!: string;

  @Field({ description: 'The kabupaten/kota ("64.02" or "6402").' })
  kabupatenCode!: string;

  @Field(() => Int, { description: 'Most villages it may enrol; at least 1.' })
  @Min(1, { message: 'quota must be at least 1' })
  @Max(100000, { message: 'quota must be at most 100000' })
  quota!: number;
}

@InputType({ description: 'Changes to a program: only the fields given change.' })
export class UpdateProgramInput {
  @Field({ description: 'The program to change ("desa-cerdas-2022"); the slug itself does not change.' })
  slug!: string;

  @Field({ nullable: true, description: 'New display name.' })
  @IsOptional()
  @Length(1, 200, { message: 'name must be 1 to 200 characters long' })
  name?: string;

  @Field(() => Int, { nullable: true, description: 'New cohort year, 2000 to 2100.' })
  @IsOptional()
  @Min(2000, { message: 'year must be 2000 or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year?: number;

  @Field({ nullable: true, description: 'New agency.' })
  @IsOptional()
  @Length(1, 200, { message: 'agency must be 1 to 200 characters long' })
  agency?: string;

  @Field(() => String, { nullable: true, description: 'New description; an empty string removes it.' })
  @IsOptional()
  @Length(0, 4000, { message: 'description must be at most 4000 characters long' })
  description?: string | null;
}

@InputType({ description: 'A locus of a program: the program and the kabupaten.' })
export class LocusInput {
  @Field({ description: 'The program ("desa-cerdas-2022").' })
  programSlug!: string;

  @Field({ description: 'The kabupaten/kota of the locus ("64.02" or "6402").' })
  kabupatenCode!: string;
}

@InputType({ description: "A locus's new village quota." })
export class UpdateLocusInput extends LocusInput {
  @Field(() => Int, { description: 'Most villages it may enrol; at least 1, and never below the villages already enrolled.' })
  @Min(1, { message: 'quota must be at least 1' })
  @Max(100000, { message: 'quota must be at most 100000' })
  quota!: number;
}

@InputType({ description: 'A village joining a program.' })
export class EnrollVillageInput {
  @Field({ description: 'The program ("desa-cerdas-2022").' })
  programSlug!: string;

  @Field({ description: 'The village ("64.02.08.2005" or "6402082005"); its kabupaten must be a locus of the program.' })
  villageCode!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Day it joined. @default today (UTC)' })
  enrolledOn?: string;
}

@InputType({ description: 'A village leaving a program.' })
export class UnenrollVillageInput {
  @Field({ description: 'The program.' })
  programSlug!: string;

  @Field({ description: 'The enrolled village ("64.02.08.2005" or "6402082005").' })
  villageCode!: string;
}
