import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { IndexFamilyId } from './index-family';
import { IndexStatus } from './index-status';

/** GraphQL types the level fields of every family share (IDM keeps its older names beside them). */

@ObjectType('IndexStatusCount', { simpleResolvers: true, description: 'Number of desa with one status.' })
export class IndexStatusCountType {
  @Field(() => IndexStatus, { description: 'The status (official, or derived where none was published).' })
  status!: IndexStatus;

  @Field(() => Int, { description: 'Number of desa.' })
  count!: number;

  @Field(() => Float, { description: 'Share of the counted desa, 0 to 1; 0 when none was counted.' })
  share!: number;
}

@ObjectType('IndexHistogramBin', { simpleResolvers: true, description: 'One bin of a score histogram.' })
export class IndexHistogramBinType {
  @Field(() => Float, { description: 'Lowest score of the bin (inclusive).' })
  from!: number;

  @Field(() => Float, { description: 'Highest score of the bin (exclusive, except for the last bin).' })
  to!: number;

  @Field(() => Int, { description: 'Assessed desa whose score falls in the bin.' })
  count!: number;

  @Field(() => IndexStatus, { description: "Status the family's thresholds give the middle of the bin (for colouring; a bin may straddle a threshold)." })
  status!: IndexStatus;
}

@ObjectType('OfficialCounts', { simpleResolvers: true, description: "A decree's published national counts of one year, beside what the API has loaded." })
export class OfficialCountsType {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, { description: 'Desa the decree covers (IDM 2024: 4 of them without a status).' })
  total!: number;

  @Field({ description: 'Where the counts come from, e.g. "Kepmendes PDTT 343/2025".' })
  source!: string;

  @Field(() => [IndexStatusCountType], { description: 'Desa per status, all five, lowest first; shares of `total`.' })
  byStatus!: IndexStatusCountType[];
}

@ObjectType('IndexYear', { simpleResolvers: true, description: 'A year of one index family.' })
export class IndexYearType {
  @Field(() => IndexFamilyId, { description: 'The index family.' })
  index!: IndexFamilyId;

  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, { description: 'Desa of the scope assessed that year.' })
  assessed!: number;
}

@InputType('IndexYearInput', { description: 'A year of one index family: one end of a status movement.' })
export class IndexYearInput {
  @Field(() => IndexFamilyId, { description: 'The index family (IDM to 2024, INDEKS_DESA from 2025).' })
  index!: IndexFamilyId;

  @Field(() => Int, { description: 'A year of that family.' })
  year!: number;
}

@ObjectType('StatusMovement', { simpleResolvers: true, description: 'How the status of the desa of a summary moved against another year, by the shared order of the five statuses.' })
export class StatusMovementType {
  @Field(() => Int, { description: 'Desa with a status at both ends.' })
  compared!: number;

  @Field(() => Int, { description: 'Desa whose status rose.' })
  up!: number;

  @Field(() => Int, { description: 'Desa whose status fell.' })
  down!: number;

  @Field(() => Int, { description: 'Desa whose status stayed.' })
  same!: number;
}
