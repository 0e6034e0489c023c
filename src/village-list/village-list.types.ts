import { ArgsType, Field, Float, InputType, Int, registerEnumType } from 'type-graphql';
import { PageArgs } from '../graphql/connection';
import { BoundingBoxInput } from '../geo/geo.types';
import { IndexMovement, IndexStatus } from '../index-family/index-status';
import { VillageKind } from '../region/region.enums';
import { MAX_CODES, MAX_SEARCH_LENGTH } from '../region/region-code';

/**
 * The village list's arguments: conditions on the register (name, kind, region, program) and on
 * the values of each index family (IDM, Indeks Desa) in one year. This module sits above region,
 * program and the families, so none of them needs to know the others to filter villages.
 */

@InputType({ description: 'Narrows a list of villages. All given conditions must hold.' })
export class VillageFilter {
  @Field(() => [String], {
    nullable: true,
    description: `Only villages with one of these codes, dotted ("64.02.08.2005") or not ("6402082005"), at most ${MAX_CODES}; a code a desa was once published under (an IDM file's older numbering) finds it too, and so does its 10-digit BPS code where no Kemendagri code of the register reads the same. Unknown codes are simply absent; an empty list matches none.`,
  })
  codes?: string[];

  @Field({ nullable: true, description: `Part of the village name, at most ${MAX_SEARCH_LENGTH} characters; case, accents and punctuation are ignored.` })
  search?: string;

  @Field(() => VillageKind, { nullable: true, description: 'Only villages of this kind.' })
  kind?: VillageKind;

  @Field(() => BoundingBoxInput, {
    nullable: true,
    description: "Only villages whose `center` (a point inside the desa's shape) lies in this box, edges included: a map's viewport. Villages without a shape (desa shapes not imported, or not drawn by the source) never match.",
  })
  within?: BoundingBoxInput;

  @Field({ nullable: true, description: 'Only villages in this province ("64").' })
  provinceCode?: string;

  @Field({ nullable: true, description: 'Only villages in this kabupaten/kota ("64.02" or "6402").' })
  kabupatenCode?: string;

  @Field({ nullable: true, description: 'Only villages in this kecamatan ("64.02.08" or "640208").' })
  districtCode?: string;

  @Field({ nullable: true, description: 'Only villages enrolled in this program ("desa-cerdas-2022").' })
  programSlug?: string;

  @Field(() => Int, { nullable: true, description: 'Year the IDM conditions and score order look at; the latest year present when omitted.' })
  idmYear?: number;

  @Field(() => [IndexStatus], { nullable: true, description: 'Only desa with one of these IDM statuses (official, or derived where none was published) that year.' })
  idmStatus?: IndexStatus[];

  @Field(() => Float, { nullable: true, description: 'Only desa with an IDM score of at least this that year.' })
  minScore?: number;

  @Field(() => Float, { nullable: true, description: 'Only desa with an IDM score of at most this that year.' })
  maxScore?: number;

  @Field(() => [IndexMovement], { nullable: true, description: "Only desa whose status that year moved so against the desa's previous assessed year (NEW: none before)." })
  movement?: IndexMovement[];

  @Field({ nullable: true, description: 'Only desa whose official status that year differs from the one its score gives (true), or agrees with it (false).' })
  statusMismatch?: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      'Year (2025 on) the Indeks Desa conditions and order look at; when omitted, the latest published Indeks Desa year of the narrowest region the filter names (the nation when none).',
  })
  indeksDesaYear?: number;

  @Field(() => [IndexStatus], { nullable: true, description: 'Only desa with one of these Indeks Desa statuses (official, or derived where none was published) that year.' })
  indeksDesaStatus?: IndexStatus[];

  @Field(() => Float, { nullable: true, description: 'Only desa with a Skor Indeks Desa of at least this (0–100) that year.' })
  indeksDesaMinScore?: number;

  @Field(() => Float, { nullable: true, description: 'Only desa with a Skor Indeks Desa of at most this (0–100) that year.' })
  indeksDesaMaxScore?: number;

  @Field(() => [IndexMovement], {
    nullable: true,
    description: "Only desa whose Indeks Desa status that year moved so against the desa's previous assessed year of either family (2025: its IDM 2024 status; NEW: none before).",
  })
  indeksDesaMovement?: IndexMovement[];
}

export enum VillageOrderBy {
  CODE = 'CODE',
  IDM_SCORE_ASC = 'IDM_SCORE_ASC',
  IDM_SCORE_DESC = 'IDM_SCORE_DESC',
  INDEKS_DESA_SCORE_ASC = 'INDEKS_DESA_SCORE_ASC',
  INDEKS_DESA_SCORE_DESC = 'INDEKS_DESA_SCORE_DESC',
}

registerEnumType(VillageOrderBy, {
  name: 'VillageOrderBy',
  description: 'Order of a village list.',
  valuesConfig: {
    CODE: { description: 'By code (the default).' },
    IDM_SCORE_ASC: { description: 'By IDM score of the filter year, lowest first (only assessed desa); ties by code.' },
    IDM_SCORE_DESC: { description: 'By IDM score of the filter year, highest first (only assessed desa); ties by code.' },
    INDEKS_DESA_SCORE_ASC: { description: 'By Skor Indeks Desa of the filter year, lowest first (only assessed desa); ties by code.' },
    INDEKS_DESA_SCORE_DESC: { description: 'By Skor Indeks Desa of the filter year, highest first (only assessed desa); ties by code.' },
  },
});

@ArgsType()
export class VillageArgs extends PageArgs {
  @Field(() => VillageFilter, { nullable: true, description: 'Conditions the villages must meet.' })
  filter?: VillageFilter | null;

  @Field(() => VillageOrderBy, { nullable: true, description: 'Order of the list. @default CODE' })
  orderBy?: VillageOrderBy | null;
}
