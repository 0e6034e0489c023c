import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NodeInterface } from '../graphql/node';
import { GraphQLDateTime } from 'graphql-scalars';
import { IdmMovement } from './idm-status';
import { IdmIndex, IdmStatus } from './idm-status';
import type { SummaryFrame } from './idm.rows';

registerEnumType(IdmMovement, {
  name: 'IdmMovement',
  description: 'How a status moved against the one before it (the previous year, or the value a write replaced).',
  valuesConfig: {
    UP: { description: 'A higher status than before.' },
    DOWN: { description: 'A lower status than before.' },
    SAME: { description: 'The same status (the score may still have changed).' },
    NEW: { description: 'Nothing before to compare with.' },
    RETRACTED: { description: 'The value was taken back (retractIdmAssessment or import:idm --retract): there is no current value.' },
  },
});

@ObjectType('IdmSource', { simpleResolvers: true, description: 'Where an assessment was read from.' })
export class IdmSourceType {
  @Field({ description: 'Format: spreadsheet-2024, spreadsheet-2023, kemendes-api or graphql.' })
  format!: string;

  @Field({ description: 'File path or URL it was read from (or "recordIdmAssessments").' })
  file!: string;

  @Field(() => Int, { description: 'Line (spreadsheet row, header = 1) or item position within the source.' })
  line!: number;

  @Field({ description: 'The village code as published (10 digits); differs from the register code for remapped rows.' })
  publishedCode!: string;

  @Field(() => String, { nullable: true, description: 'Note published with the row: KETERANGAN ("Reguler", "Update 2023") or UPDATE.' })
  note!: string | null;
}

@ObjectType('IdmProvenance', { simpleResolvers: true, description: 'Where a value came from, who wrote it and when.' })
export class IdmProvenanceType {
  @Field({ description: 'Format: spreadsheet-2024, spreadsheet-2023, kemendes-api or graphql (a mutation).' })
  format!: string;

  @Field({ description: 'The file path, the Kemendes API URL a sync fetched, or the mutation (recordIdmAssessments, retractIdmAssessment).' })
  file!: string;

  @Field(() => Int, { nullable: true, description: "Line of the file (spreadsheet row, header = 1), or 1 + the item's position in a mutation's input; null for changes logged before provenance was kept." })
  line!: number | null;

  @Field({ description: 'Who wrote it: "token:<subject>" for a token holder, "cli:<command>:<os user>" for a command; "unrecorded" before provenance was kept.' })
  recordedBy!: string;

  @Field(() => GraphQLDateTime, { description: 'When it was written here.' })
  recordedAt!: Date;
}

@ObjectType('IdmScoreStatus', { simpleResolvers: true, description: 'A score with its status.' })
export class IdmScoreStatusType {
  @Field(() => Float, { description: 'IDM score.' })
  score!: number;

  @Field(() => IdmStatus, { description: 'Status (official, or derived where none was published).' })
  status!: IdmStatus;
}

@ObjectType('IdmYear', { simpleResolvers: true, description: 'A year of IDM and how many desa were assessed in it.' })
export class IdmYearType {
  @Field(() => Int, { description: 'The year.' })
  year!: number;

  @Field(() => Int, { description: 'Desa assessed that year.' })
  assessed!: number;

  @Field({
    description: 'True when at least PUBLISHED_YEAR_MIN_SHARE (default half) of the register\'s desa are assessed: the newest such year is what lists, filters and summaries use when no year is given.',
  })
  published!: boolean;
}

@ObjectType('IdmRetraction', { simpleResolvers: true, description: 'An assessment taken back.' })
export class IdmRetractionType {
  @Field(() => Int, { description: 'Year of the retracted assessment.' })
  year!: number;

  @Field(() => IdmScoreStatusType, { description: 'The value taken back.' })
  previous!: IdmScoreStatusType;

  @Field({ description: 'Why, as given.' })
  reason!: string;
}

@ObjectType('IdmChange', { simpleResolvers: true, description: "An assessment's change against the previous assessed year of the same desa." })
export class IdmChangeType {
  @Field(() => Float, { nullable: true, description: 'Score minus the previous assessed year’s score, to 4 decimals; null for the first assessed year.' })
  scoreDelta!: number | null;

  @Field(() => IdmMovement, { description: 'Status movement against the previous assessed year (NEW for the first).' })
  movement!: IdmMovement;

  @Field(() => Int, { nullable: true, description: 'The previous assessed year; null for the first.' })
  previousYear!: number | null;

  @Field(() => IdmStatus, { nullable: true, description: 'Status (official, or derived where none was published) in the previous assessed year; null for the first.' })
  previousStatus!: IdmStatus | null;
}

@ObjectType('IdmActors', { simpleResolvers: true, description: 'Who can carry out the suggested activity of an indicator, as published.' })
export class IdmActorsType {
  @Field(() => String, { nullable: true, description: 'Central government (PUSAT).' })
  pusat!: string | null;

  @Field(() => String, { nullable: true, description: 'Province (PROV).' })
  provinsi!: string | null;

  @Field(() => String, { nullable: true, description: 'Kabupaten/kota (KAB).' })
  kabupaten!: string | null;

  @Field(() => String, { nullable: true, description: 'The desa itself (DESA).' })
  desa!: string | null;

  @Field(() => String, { nullable: true, description: 'Companies’ social responsibility programs (CSR).' })
  csr!: string | null;

  @Field(() => String, { nullable: true, description: 'Others (LAINNYA).' })
  lainnya!: string | null;
}

@ObjectType('IdmIndicator', { simpleResolvers: true, description: 'One of the 50 IDM indicators of an assessment, with what would raise it.' })
export class IdmIndicatorType {
  @Field(() => IdmIndex, { description: 'The index it belongs to.' })
  index!: IdmIndex;

  @Field(() => Int, { description: 'Number within its index, from 1.' })
  number!: number;

  @Field({ description: 'Indicator name as published, e.g. "Skor Akses Sarkes".' })
  name!: string;

  @Field(() => Float, { description: 'Score, 0 to 5.' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'Description of the state (KETERANGAN).' })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'Suggested activity (KEGIATAN); null when none.' })
  activity!: string | null;

  @Field(() => IdmActorsType, { description: 'Who can carry out the activity.' })
  actors!: IdmActorsType;

  @Field(() => Float, { description: 'IDM gained if this indicator reached 5 (NILAI): (5 − score) / (5 × indicators in its index) / 3.' })
  potentialGain!: number;
}

@ObjectType('IdmAssessment', { implements: NodeInterface, simpleResolvers: true, description: "A desa's IDM for one year, as published, with what follows from it." })
export class IdmAssessmentType {
  @Field(() => ID, { description: 'Global id (see `node`), made of the desa and the year: a rewritten value keeps it.' })
  id!: string;

  @Field(() => Int, { description: 'Year of the assessment.' })
  year!: number;

  @Field(() => Float, { description: 'IKS, social resilience index, 0 to 1.' })
  iks!: number;

  @Field(() => Float, { description: 'IKE, economic resilience index, 0 to 1.' })
  ike!: number;

  @Field(() => Float, { description: 'IKL, ecological resilience index, 0 to 1.' })
  ikl!: number;

  @Field(() => Float, { description: 'IDM score: (IKS + IKE + IKL) / 3, as published.' })
  score!: number;

  @Field(() => IdmStatus, { nullable: true, description: 'Official status as published by decree; null where none was published.' })
  status!: IdmStatus | null;

  @Field(() => IdmStatus, { description: 'Status the score gives under Permendesa 2/2016 thresholds.' })
  derivedStatus!: IdmStatus;

  @Field({ description: 'True when the official status differs from the derived one.' })
  statusMismatch!: boolean;

  @Field(() => IdmStatus, { description: 'Next status up (Mandiri stays Mandiri), from the official status.' })
  targetStatus!: IdmStatus;

  @Field(() => Float, { description: 'Skor minimal: the lowest score of the target status.' })
  targetMinScore!: number;

  @Field(() => Float, { description: 'Penambahan: target minimum score minus the score (negative for Mandiri).' })
  scoreToTarget!: number;

  @Field(() => GraphQLDateTime, { description: 'When this value was recorded here.', deprecationReason: 'Use provenance.recordedAt.' })
  recordedAt!: Date;
}

@ObjectType('IdmStatusCount', { simpleResolvers: true, description: 'Number of assessed desa with one status.' })
export class IdmStatusCountType {
  @Field(() => IdmStatus, { description: 'The status (official, or derived where none was published).' })
  status!: IdmStatus;

  @Field(() => Int, { description: 'Number of desa.' })
  count!: number;

  @Field(() => Float, { description: 'Share of the assessed desa, 0 to 1, to 4 decimals; 0 when none was assessed.' })
  share!: number;
}

@ObjectType('IdmMean', { simpleResolvers: true, description: 'Mean values over the assessed desa, to 4 decimals (the precision of published scores); or differences of such means.' })
export class IdmMeanType {
  @Field(() => Float, { description: 'Mean IDM score.' })
  score!: number;

  @Field(() => Float, { description: 'Mean IKS.' })
  iks!: number;

  @Field(() => Float, { description: 'Mean IKE.' })
  ike!: number;

  @Field(() => Float, { description: 'Mean IKL.' })
  ikl!: number;
}

@ObjectType('IdmSummary', { simpleResolvers: true, description: 'IDM of a region or program in one year, summed up.' })
export class IdmSummaryType {
  @Field(() => Int, { nullable: true, description: 'The year: the one asked for, or the latest published one; null when none was asked for and none is published yet.' })
  year!: number | null;

  @Field(() => Int, { description: 'Desa assessed that year.' })
  assessed!: number;

  @Field(() => [IdmStatusCountType], { description: 'Desa per status, all five statuses, lowest first.' })
  byStatus!: IdmStatusCountType[];

  @Field(() => IdmMeanType, { nullable: true, description: 'Means over the assessed desa; null when none was assessed.' })
  mean!: IdmMeanType | null;

  @Field(() => Int, { description: 'Desa whose status rose against the previous year.' })
  movedUp!: number;

  @Field(() => Int, { description: 'Desa whose status fell against the previous year.' })
  movedDown!: number;
}

@ObjectType('IdmHistogramBin', { simpleResolvers: true, description: 'One bin of a score histogram.' })
export class IdmHistogramBinType {
  @Field(() => Float, { description: 'Lowest score of the bin (inclusive), to 4 decimals.' })
  from!: number;

  @Field(() => Float, { description: 'Highest score of the bin (exclusive, except for the last bin), to 4 decimals.' })
  to!: number;

  @Field(() => Int, { description: 'Assessed desa whose score falls in the bin.' })
  count!: number;

  @Field(() => IdmStatus, { description: 'Status the regulation gives the middle of the bin (for colouring; a bin may straddle a threshold).' })
  status!: IdmStatus;
}

export enum IdmRankBy {
  MEAN_SCORE = 'MEAN_SCORE',
  STATUS_SHARE = 'STATUS_SHARE',
}

registerEnumType(IdmRankBy, {
  name: 'IdmRankBy',
  description: 'What a ranking of regions orders by.',
  valuesConfig: {
    MEAN_SCORE: { description: 'Mean IDM score of the assessed desa.' },
    STATUS_SHARE: { description: 'Share of the assessed desa with one of the given statuses.' },
  },
});

export enum RankDirection {
  TOP = 'TOP',
  BOTTOM = 'BOTTOM',
}

registerEnumType(RankDirection, {
  name: 'RankDirection',
  description: 'Which end of a ranking to list.',
  valuesConfig: {
    TOP: { description: 'Highest values first.' },
    BOTTOM: { description: 'Lowest values first.' },
  },
});

export enum LocusSummaryOf {
  ENROLLED = 'ENROLLED',
  KABUPATEN = 'KABUPATEN',
}

registerEnumType(LocusSummaryOf, {
  name: 'LocusSummaryOf',
  description: 'Which desa a locus summary counts.',
  valuesConfig: {
    ENROLLED: { description: 'The desa enrolled through the locus.' },
    KABUPATEN: { description: 'Every desa of the locus kabupaten, enrolled or not (the frame the program works in).' },
  },
});

export interface RankEntryRow {
  rank: number;
  code: string;
  name: string;
  value: number;
  assessed: number;
  /** The entry's own summary frame. */
  frame: SummaryFrame;
  year: number;
}

@ObjectType('IdmRankEntry', { simpleResolvers: true, description: 'A region in a ranking of the children of a scope.' })
export class IdmRankEntryType {
  @Field(() => Int, { description: 'Position among all the children with assessed desa, 1 for the highest value; equal values share a rank.' })
  rank!: number;

  @Field({ description: 'Code of the region ("64", "64.02", "64.02.08").' })
  code!: string;

  @Field({ description: 'Name of the region.' })
  name!: string;

  @Field(() => Float, { description: 'The ranked value: a mean score or a share, 0 to 1, to 4 decimals.' })
  value!: number;

  @Field(() => Int, { description: 'Assessed desa of the region that year.' })
  assessed!: number;
}

@InputType({ description: 'One indicator of an assessment being recorded.' })
export class IdmIndicatorInput {
  @Field(() => IdmIndex, { description: 'Its index.' })
  index!: IdmIndex;

  @Field(() => Int, { description: 'Number within its index, from 1.' })
  number!: number;

  @Field({ description: 'Indicator name.' })
  name!: string;

  @Field(() => Float, { description: 'Score, 0 to 5.' })
  score!: number;

  @Field({ nullable: true, description: 'Description of the state.' })
  description?: string;

  @Field({ nullable: true, description: 'Suggested activity.' })
  activity?: string;
}

@InputType({ description: "A desa's IDM for one year, to record or replace." })
export class IdmAssessmentInput {
  @Field({ description: 'The desa ("6402082005" or "64.02.08.2005").' })
  villageCode!: string;

  @Field(() => Int, { description: 'Year.' })
  year!: number;

  @Field(() => Float, { description: 'IKS, 0 to 1.' })
  iks!: number;

  @Field(() => Float, { description: 'IKE, 0 to 1.' })
  ike!: number;

  @Field(() => Float, { description: 'IKL, 0 to 1.' })
  ikl!: number;

  @Field(() => Float, { description: 'IDM score, 0 to 1: the mean of IKS, IKE and IKL up to rounding.' })
  score!: number;

  @Field(() => IdmStatus, { nullable: true, description: 'Official status; derived from the score when omitted.' })
  status?: IdmStatus;

  @Field(() => [IdmIndicatorInput], { nullable: true, description: 'All 50 indicators (35 IKS, 12 IKE, 3 IKL), or none.' })
  indicators?: IdmIndicatorInput[];
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
