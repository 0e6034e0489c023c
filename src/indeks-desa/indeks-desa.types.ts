import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { NodeInterface } from '../graphql/node';
import { FamilyStatusFields, IdmRecordResultType } from '../index-family/family.types';
import { IndexStatus } from '../index-family/index-status';

@ObjectType('IndeksDesaDimensions', { simpleResolvers: true, description: 'The six dimensions of the Indeks Desa as published, in points (their maxima sum to 635).' })
export class IndeksDesaDimensionsType {
  @Field(() => Float, { description: 'Layanan Dasar (basic services: education, health, basic utilities), 0 to 170.' })
  layananDasar!: number;

  @Field(() => Float, { description: 'Sosial (community activity and facilities), 0 to 85.' })
  sosial!: number;

  @Field(() => Float, { description: 'Ekonomi (village production and economic facilities), 0 to 160.' })
  ekonomi!: number;

  @Field(() => Float, { description: 'Lingkungan (environmental management and disaster response), 0 to 90.' })
  lingkungan!: number;

  @Field(() => Float, { description: 'Aksesibilitas (road conditions and ease of access), 0 to 50.' })
  aksesibilitas!: number;

  @Field(() => Float, { description: 'Tata Kelola Pemerintahan Desa (governance: institutions, services, finances), 0 to 80.' })
  tataKelola!: number;
}

@ObjectType('IndeksDesaAssessment', {
  implements: NodeInterface,
  simpleResolvers: true,
  description: 'The Indeks Desa (Permendesa PDTT 9/2024) of a desa in one year, as published, with what the rules derive.',
})
export class IndeksDesaAssessmentType extends FamilyStatusFields {
  @Field(() => ID, { description: 'Global id (see `node`), made of the desa and the year: a rewritten value keeps it.' })
  id!: string;

  @Field(() => Int, { description: 'The year (2025 on).' })
  year!: number;

  @Field(() => Float, { description: 'Skor Indeks Desa, 0 to 100, as published (Σ dimensions / 635 × 100 where none was).' })
  score!: number;

  @Field({ description: 'True when the published score differs from Σ dimensions / 635 × 100 by more than 0.01 (stored as published).' })
  scoreMismatch!: boolean;

  @Field(() => Float, { description: 'Lowest score of the target status: 49.49, 57.39, 69.35 or 79.63.' })
  targetMinScore!: number;

  @Field(() => Float, { description: 'Points to the target: targetMinScore − score, to 2 decimals; negative for Mandiri.' })
  scoreToTarget!: number;
}

@InputType({ description: "A desa's Indeks Desa for one year, to record or replace." })
export class IndeksDesaInput {
  @Field({ description: 'The desa ("1807012001" or "18.07.01.2001").' })
  villageCode!: string;

  @Field(() => Int, { description: 'Year, 2025 to next year (earlier years are IDM).' })
  year!: number;

  @Field(() => Float, { description: 'Layanan Dasar, 0 to 170.' })
  layananDasar!: number;

  @Field(() => Float, { description: 'Sosial, 0 to 85.' })
  sosial!: number;

  @Field(() => Float, { description: 'Ekonomi, 0 to 160.' })
  ekonomi!: number;

  @Field(() => Float, { description: 'Lingkungan, 0 to 90.' })
  lingkungan!: number;

  @Field(() => Float, { description: 'Aksesibilitas, 0 to 50.' })
  aksesibilitas!: number;

  @Field(() => Float, { description: 'Tata Kelola Pemerintahan Desa, 0 to 80.' })
  tataKelola!: number;

  @Field(() => Float, { nullable: true, description: 'Published Skor Indeks Desa, 0 to 100; Σ / 635 × 100 when omitted. One off by more than 0.01 is stored and flagged (scoreMismatch).' })
  score?: number | null;

  @Field(() => IndexStatus, { nullable: true, description: 'Official status; derived from the score when omitted.' })
  status?: IndexStatus | null;
}

@ObjectType('IndeksDesaMismatch', { simpleResolvers: true, description: 'A published value the rules disagree with: stored as published and flagged.' })
export class IndeksDesaMismatchType {
  @Field(() => Int, { description: 'Position of the item in the input (0-based).' })
  index!: number;

  @Field({ description: 'The field: score or status.' })
  field!: string;

  @Field({ description: 'What differs, in a sentence.' })
  message!: string;
}

@ObjectType('IndeksDesaRecordResult', { simpleResolvers: true, description: 'What recording a batch of Indeks Desa assessments did.' })
export class IndeksDesaRecordResultType extends IdmRecordResultType {
  @Field(() => [IndeksDesaMismatchType], { description: 'Published scores or statuses that differ from what the rules give (stored as published, flagged).' })
  mismatches!: IndeksDesaMismatchType[];
}
