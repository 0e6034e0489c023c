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
