import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { NodeInterface } from '../graphql/node';
import { GraphQLDateTime } from 'graphql-scalars';
import { IdmMovement } from '../idm/idm-status';

@InputType({ description: 'Which IDM changes to receive; every given condition must hold.' })
export class IdmUpdateFilter {
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

@ObjectType('IdmUpdate', { implements: NodeInterface, simpleResolvers: true, description: "A change of a desa's IDM for a year, as written to the change log." })
export class IdmUpdateType {
  @Field(() => ID, { description: 'Global id (see `node`): this entry of the change log.' })
  id!: string;

  @Field(() => Int, { description: 'Year of the assessment that changed.' })
  year!: number;

  @Field(() => IdmMovement, { description: 'Status movement against the replaced value.' })
  movement!: IdmMovement;

  @Field({ description: 'What wrote it: spreadsheet-2024, kemendes-api, graphql, ...', deprecationReason: 'Use provenance.format.' })
  sourceFormat!: string;

  @Field(() => GraphQLDateTime, { description: 'When it was written.', deprecationReason: 'Use provenance.recordedAt.' })
  recordedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Why the value was retracted (movement RETRACTED); null for writes.' })
  reason!: string | null;
}
