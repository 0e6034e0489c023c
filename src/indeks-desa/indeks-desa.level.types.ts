import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';
import { IndexStatus } from '../index-family/index-status';
import { IndexStatusCountType } from '../index-family/level.types';
import { RankBy as IdmRankBy, RankDirection } from '../index-family/level.enums';
import type { LevelSummaryRow } from '../index-family/level.rows';

/** The Indeks Desa's level types: a summary's means are its score and its six dimensions. */

export interface IndeksDesaMean extends Record<string, number> {
  score: number;
  layananDasar: number;
  sosial: number;
  ekonomi: number;
  lingkungan: number;
  aksesibilitas: number;
  tataKelola: number;
}

export type IndeksDesaSummaryRow = LevelSummaryRow<IndeksDesaMean>;

@ObjectType('IndeksDesaMean', { simpleResolvers: true, description: 'Mean Indeks Desa values over the assessed desa, to 2 decimals (the precision of published scores); or differences of such means.' })
export class IndeksDesaMeanType {
  @Field(() => Float, { description: 'Mean Skor Indeks Desa, 0 to 100.' })
  score!: number;

  @Field(() => Float, { description: 'Mean Layanan Dasar (basic services), points out of 170.' })
  layananDasar!: number;

  @Field(() => Float, { description: 'Mean Sosial, points out of 85.' })
  sosial!: number;

  @Field(() => Float, { description: 'Mean Ekonomi, points out of 160.' })
  ekonomi!: number;

  @Field(() => Float, { description: 'Mean Lingkungan (environment), points out of 90.' })
  lingkungan!: number;

  @Field(() => Float, { description: 'Mean Aksesibilitas, points out of 50.' })
  aksesibilitas!: number;

  @Field(() => Float, { description: 'Mean Tata Kelola Pemerintahan Desa (governance), points out of 80.' })
  tataKelola!: number;
}

@ObjectType('IndeksDesaSummary', { simpleResolvers: true, description: 'The Indeks Desa of a region or program in one year, summed up.' })
export class IndeksDesaSummaryType {
  @Field(() => Int, {
    nullable: true,
    description: "The year: the one asked for, or the scope's latest published Indeks Desa year; null when none was asked for and none is published for the scope.",
  })
  year!: number | null;

  @Field(() => Int, { description: 'Desa assessed that year.' })
  assessed!: number;

  @Field(() => [IndexStatusCountType], { description: 'Desa per status, all five statuses, lowest first, with their share of the assessed desa (to 4 decimals).' })
  byStatus!: IndexStatusCountType[];

  @Field(() => IndeksDesaMeanType, { nullable: true, description: 'Means of the score and of each dimension over the assessed desa; null when none was assessed.' })
  mean!: IndeksDesaMeanType | null;
}

@ArgsType()
export class IndeksDesaRankingArgs {
  @Field(() => Int, { description: 'The year (2025 on).' })
  year!: number;

  @Field(() => IdmRankBy, { defaultValue: IdmRankBy.MEAN_SCORE, description: 'What to rank by: the mean Skor Indeks Desa, or the share of some statuses.' })
  by!: IdmRankBy;

  @Field(() => [IndexStatus], { nullable: true, description: 'With STATUS_SHARE: the statuses whose share is ranked, e.g. [MANDIRI, MAJU].' })
  statuses?: IndexStatus[] | null;

  @Field(() => RankDirection, { defaultValue: RankDirection.TOP, description: 'The top (highest values first) or the bottom (lowest first).' })
  direction!: RankDirection;

  @Field(() => Int, { defaultValue: 10, description: 'Entries to return, 1 to 51.' })
  first!: number;
}

@ObjectType('IndeksDesaRankEntry', { simpleResolvers: true, description: 'A region in an Indeks Desa ranking of the children of a scope.' })
export class IndeksDesaRankEntryType {
  @Field(() => Int, { description: 'Position among all the children with assessed desa, 1 for the highest value; equal values share a rank.' })
  rank!: number;

  @Field({ description: 'Code of the region ("18", "18.07", "18.07.01").' })
  code!: string;

  @Field({ description: 'Name of the region.' })
  name!: string;

  @Field(() => Float, { description: 'The ranked value: a mean score (0 to 100, to 2 decimals) or a share (0 to 1, to 4 decimals).' })
  value!: number;

  @Field(() => Int, { description: 'Assessed desa of the region that year.' })
  assessed!: number;
}
