import { Field, Float, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { IndexFamilyId } from './index-family';
import { IndexStatus } from './index-status';

// The GraphQL name predates the second family and is kept so clients do not break.
@ObjectType('IdmProvenance', { simpleResolvers: true, description: 'Where a value of any index family came from, who wrote it and when.' })
export class IdmProvenanceType {
  @Field({ description: 'Format: spreadsheet-2024, spreadsheet-2023, kemendes-api, indeks-desa-wide, indeks-desa-long or graphql (a mutation).' })
  format!: string;

  @Field({ description: 'The file path, the Kemendes API URL a sync fetched, or the mutation (recordIdmAssessments, retractIdmAssessment, recordIndeksDesa, retractIndeksDesa).' })
  file!: string;

  @Field(() => Int, { nullable: true, description: "Line of the file (spreadsheet row, header = 1), or 1 + the item's position in a mutation's input; null for changes logged before provenance was kept." })
  line!: number | null;

  @Field({ description: 'Who wrote it: "token:<subject>" for a token holder, "cli:<command>:<os user>" for a command; "unrecorded" before provenance was kept.' })
  recordedBy!: string;

  @Field(() => GraphQLDateTime, { description: 'When it was written here.' })
  recordedAt!: Date;
}

@ObjectType('StatusTrackEntry', {
  simpleResolvers: true,
  description: "One assessed year of a desa in either index family: IDM to 2024, the Indeks Desa from 2025. Statuses compare across families; scores do not (0–1 against 0–100).",
})
export class StatusTrackEntryType {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => IndexFamilyId, { description: 'The family the value belongs to.' })
  index!: IndexFamilyId;

  @Field(() => IndexStatus, { description: 'Status (official, or derived where none was published).' })
  status!: IndexStatus;

  @Field(() => Float, { description: "Score on the family's own scale: IDM 0–1, Indeks Desa 0–100." })
  score!: number;
}

/**
 * What an assessment of every family says about its status: the official one, the one its score
 * gives by the family's thresholds, and the next one up. Each family's type adds its values.
 */
@ObjectType({ simpleResolvers: true, description: "Status fields every index family's assessment has (not exposed on its own)." })
export abstract class FamilyStatusFields {
  @Field(() => IndexStatus, { nullable: true, description: 'Official status as published by decree; null where none was published.' })
  status!: IndexStatus | null;

  @Field(() => IndexStatus, { description: "Status the score gives under its family's thresholds (IDM: Permendesa PDTT 2/2016; Indeks Desa: ≤ 49.48, ≤ 57.38, ≤ 69.34, ≤ 79.62, above)." })
  derivedStatus!: IndexStatus;

  @Field({ description: 'True when an official status was published and differs from the derived one.' })
  statusMismatch!: boolean;

  @Field(() => IndexStatus, { description: 'Next status up from the official status (the derived one where none was published); Mandiri stays Mandiri.' })
  targetStatus!: IndexStatus;
}

@ObjectType('IdmRecordResult', { simpleResolvers: true, description: 'What recording a batch of assessments did.' })
export class IdmRecordResultType {
  @Field(() => Int, { description: 'Assessments received.' })
  received!: number;

  @Field(() => Int, { description: 'New desa-years.' })
  inserted!: number;

  @Field(() => Int, { description: 'Desa-years whose values were replaced.' })
  updated!: number;

  @Field(() => Int, { description: 'Desa-years that already had exactly these values.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Change-log entries written (inserted + updated).' })
  changes!: number;
}
