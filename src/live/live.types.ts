import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { NodeInterface } from '../graphql/node';
import { GraphQLDateTime } from 'graphql-scalars';
import { IndexMovement, IndexStatus } from '../index-family/index-status';
import { IndeksDesaDimensionsType } from '../indeks-desa/indeks-desa.types';

/**
 * The conditions a change subscription of any index family takes; each family's filter input is
 * this under its own name, so `idmUpdated` and `indeksDesaUpdated` filter alike.
 */
@InputType({ description: 'Conditions of a change subscription (not exposed on its own).' })
abstract class ChangeFilterFields {
  @Field({ nullable: true, description: 'Only this desa ("6402082005" or "64.02.08.2005").' })
  villageCode?: string;

  @Field({ nullable: true, description: 'Only desa of this kecamatan.' })
  districtCode?: string;

  @Field({ nullable: true, description: 'Only desa of this kabupaten/kota.' })
  kabupatenCode?: string;

  @Field({ nullable: true, description: 'Only desa of this province.' })
  provinceCode?: string;

  @Field({ nullable: true, description: 'Only desa enrolled in this program.' })
  programSlug?: string;

  @Field({ nullable: true, description: 'Only changes whose status differs from the value they replaced (a first value and a retraction count).' })
  statusChanged?: boolean;
}

@InputType({ description: 'Which IDM changes to receive; every given condition must hold.' })
export class IdmUpdateFilter extends ChangeFilterFields {}

@InputType({ description: 'Which Indeks Desa changes to receive; every given condition must hold.' })
export class IndeksDesaUpdateFilter extends ChangeFilterFields {}

/** What a change filter of either family gives: the same fields. */
export type ChangeFilterInput = ChangeFilterFields;

@InputType({ description: 'The scope of a summary subscription: at most one of these; none for the whole nation.' })
export class IdmSummaryScopeInput {
  @Field({ nullable: true, description: 'A province ("64").' })
  provinceCode?: string;

  @Field({ nullable: true, description: 'A kabupaten/kota ("64.02" or "6402").' })
  kabupatenCode?: string;

  @Field({ nullable: true, description: 'A kecamatan ("64.02.08" or "640208").' })
  districtCode?: string;

  @Field({ nullable: true, description: 'A program ("desa-cerdas-2022").' })
  programSlug?: string;
}

/**
 * What a change of every family says (`cursor`, `village`, `provenance`, `previous` and `current`
 * are resolved from the event by the shared change resolver, live.resolver.ts).
 */
@ObjectType({ simpleResolvers: true, description: 'Fields of a change of any index family (not exposed on its own).' })
abstract class ChangeFields {
  @Field(() => ID, { description: 'Global id (see `node`): this entry of the change log.' })
  id!: string;

  @Field(() => Int, { description: 'Year of the assessment that changed.' })
  year!: number;

  @Field(() => IndexMovement, { description: 'Status movement against the replaced value.' })
  movement!: IndexMovement;

  @Field(() => String, { nullable: true, description: 'Why the value was retracted (movement RETRACTED); null for writes.' })
  reason!: string | null;
}

@ObjectType('IdmUpdate', { implements: NodeInterface, simpleResolvers: true, description: "A change of a desa's IDM for a year, as written to the change log." })
export class IdmUpdateType extends ChangeFields {
  @Field({ description: 'What wrote it: spreadsheet-2024, kemendes-api, graphql, ...', deprecationReason: 'Use provenance.format.' })
  sourceFormat!: string;

  @Field(() => GraphQLDateTime, { description: 'When it was written.', deprecationReason: 'Use provenance.recordedAt.' })
  recordedAt!: Date;
}

@ObjectType('IndeksDesaUpdate', { implements: NodeInterface, simpleResolvers: true, description: "A change of a desa's Indeks Desa for a year, as written to the change log." })
export class IndeksDesaUpdateType extends ChangeFields {}

@ObjectType('IndeksDesaScoreStatus', { simpleResolvers: true, description: 'An Indeks Desa score with its status.' })
export class IndeksDesaScoreStatusType {
  @Field(() => Float, { description: 'Skor Indeks Desa, 0 to 100.' })
  score!: number;

  @Field(() => IndexStatus, { description: 'Status (official, or derived where none was published).' })
  status!: IndexStatus;
}

@ObjectType('IndeksDesaChangeValue', { simpleResolvers: true, description: 'The Indeks Desa a change wrote: score, status and the six dimensions, as written.' })
export class IndeksDesaChangeValueType extends IndeksDesaScoreStatusType {
  @Field(() => IndeksDesaDimensionsType, { description: 'The six dimensions of this value, as the change wrote them.' })
  dimensions!: IndeksDesaDimensionsType;
}
