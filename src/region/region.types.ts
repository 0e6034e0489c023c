import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType, PageArgs } from '../graphql/connection';
import { NodeInterface } from '../graphql/node';
import { IdmMovement } from '../idm/idm-status';
import { IdmStatus } from '../idm/idm-status';
import { KabupatenKind, RegionLevelName, SearchMatch, VillageKind } from './region.enums';
import { MAX_CODES, MAX_SEARCH_LENGTH } from './region-code';

/**
 * GraphQL types of the register. Resolvers hand them plain rows (the `*Row` shapes), never
 * entities: see region.repository.ts for why.
 */

/** Navigation entered through a program stays inside it: its loci, its enrolled villages. */
export interface ProgramScope {
  programId: number;
}

export interface ProvinceRow {
  code: string;
  name: string;
  scope?: ProgramScope;
}

export interface KabupatenRow {
  code: string;
  name: string;
  kind: KabupatenKind;
  provinceCode: string;
  scope?: ProgramScope;
}

export interface DistrictRow {
  code: string;
  name: string;
  kabupatenCode: string;
  provinceCode: string;
  scope?: ProgramScope;
}

export interface VillageRow {
  code: string;
  name: string;
  kind: VillageKind;
  districtCode: string;
  kabupatenCode: string;
  provinceCode: string;
  scope?: ProgramScope;
}

@ObjectType('Province', { implements: NodeInterface, simpleResolvers: true, description: 'A province (provinsi), the first level of the Kemendagri register.' })
export class ProvinceType {
  @Field(() => ID, { description: 'Global id (see `node`); reached through a program, another id than the national province, since its fields answer for the program.' })
  id!: string;

  @Field({ description: 'Kemendagri code, e.g. "64".' })
  code!: string;

  @Field({ description: 'Official name, e.g. "Kalimantan Timur".' })
  name!: string;
}

@ObjectType('Kabupaten', { implements: NodeInterface, simpleResolvers: true, description: 'A regency (kabupaten) or city (kota), the second level of the register.' })
export class KabupatenType {
  @Field(() => ID, { description: 'Global id (see `node`); reached through a program, another id than the national kabupaten, since its fields answer for the program.' })
  id!: string;

  @Field({ description: 'Dotted Kemendagri code, e.g. "64.02".' })
  code!: string;

  @Field({ description: 'Official name in original case, e.g. "Kabupaten Kutai Kartanegara".' })
  name!: string;

  @Field(() => KabupatenKind, { description: 'Regency or city.' })
  kind!: KabupatenKind;
}

@ObjectType('District', { implements: NodeInterface, simpleResolvers: true, description: 'A district (kecamatan), the third level of the register.' })
export class DistrictType {
  @Field(() => ID, { description: 'Global id (see `node`); reached through a program, another id than the national district, since its fields answer for the program.' })
  id!: string;

  @Field({ description: 'Dotted Kemendagri code, e.g. "64.02.08".' })
  code!: string;

  @Field({ description: 'Official name, e.g. "Tenggarong Seberang".' })
  name!: string;
}

@ObjectType('Village', { implements: NodeInterface, simpleResolvers: true, description: 'A village: desa, desa adat or kelurahan, the fourth level of the register.' })
export class VillageType {
  @Field(() => ID, { description: 'Global id (see `node`); reached through a program, another id than the national village, since its fields answer for the program.' })
  id!: string;

  @Field({ description: 'Dotted Kemendagri code, e.g. "64.02.08.2005".' })
  code!: string;

  @Field({ description: 'Official name.' })
  name!: string;

  @Field(() => VillageKind, { description: 'Kelurahan, desa or desa adat, from the code suffix.' })
  kind!: VillageKind;
}

@ObjectType({ simpleResolvers: true, description: 'Number of villages of a region, by kind.' })
export class VillageCounts {
  @Field(() => Int, { description: 'All villages.' })
  total!: number;

  @Field(() => Int, { description: 'Desa (suffix 2xxx).' })
  desa!: number;

  @Field(() => Int, { description: 'Desa adat (suffix 3xxx).' })
  desaAdat!: number;

  @Field(() => Int, { description: 'Kelurahan (suffix 1xxx).' })
  kelurahan!: number;
}

@InputType({ description: 'Narrows a list of villages. All given conditions must hold.' })
export class VillageFilter {
  @Field(() => [String], {
    nullable: true,
    description: `Only villages with one of these codes, dotted ("64.02.08.2005") or not ("6402082005"), at most ${MAX_CODES}; a code a desa was once published under (an IDM file's older numbering) finds it too. Unknown codes are simply absent; an empty list matches none.`,
  })
  codes?: string[];

  @Field({ nullable: true, description: `Part of the village name, at most ${MAX_SEARCH_LENGTH} characters; case, accents and punctuation are ignored.` })
  search?: string;

  @Field(() => VillageKind, { nullable: true, description: 'Only villages of this kind.' })
  kind?: VillageKind;

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

  @Field(() => [IdmStatus], { nullable: true, description: 'Only desa with one of these IDM statuses (official, or derived where none was published) that year.' })
  idmStatus?: IdmStatus[];

  @Field(() => Float, { nullable: true, description: 'Only desa with an IDM score of at least this that year.' })
  minScore?: number;

  @Field(() => Float, { nullable: true, description: 'Only desa with an IDM score of at most this that year.' })
  maxScore?: number;

  @Field(() => [IdmMovement], { nullable: true, description: "Only desa whose status that year moved so against the desa's previous assessed year (NEW: none before)." })
  movement?: IdmMovement[];

  @Field({ nullable: true, description: 'Only desa whose official status that year differs from the one its score gives (true), or agrees with it (false).' })
  statusMismatch?: boolean;
}

export enum VillageOrderBy {
  CODE = 'CODE',
  IDM_SCORE_ASC = 'IDM_SCORE_ASC',
  IDM_SCORE_DESC = 'IDM_SCORE_DESC',
}

registerEnumType(VillageOrderBy, {
  name: 'VillageOrderBy',
  description: 'Order of a village list.',
  valuesConfig: {
    CODE: { description: 'By code (the default).' },
    IDM_SCORE_ASC: { description: 'By IDM score of the filter year, lowest first (only assessed desa); ties by code.' },
    IDM_SCORE_DESC: { description: 'By IDM score of the filter year, highest first (only assessed desa); ties by code.' },
  },
});

@ArgsType()
export class VillageArgs extends PageArgs {
  @Field(() => VillageFilter, { nullable: true, description: 'Conditions the villages must meet.' })
  filter?: VillageFilter | null;

  @Field(() => VillageOrderBy, { nullable: true, description: 'Order of the list. @default CODE' })
  orderBy?: VillageOrderBy | null;
}

@InputType({ description: 'Narrows a list of kabupaten/kota.' })
export class KabupatenFilter {
  @Field(() => [String], { nullable: true, description: `Only those with one of these codes ("64.02" or "6402"), at most ${MAX_CODES}. Unknown codes are simply absent; an empty list matches none.` })
  codes?: string[];

  @Field({ nullable: true, description: `Part of the name, at most ${MAX_SEARCH_LENGTH} characters; case and accents are ignored.` })
  search?: string;

  @Field(() => KabupatenKind, { nullable: true, description: 'Only regencies or only cities.' })
  kind?: KabupatenKind;

  @Field({ nullable: true, description: 'Only those in this province ("64").' })
  provinceCode?: string;
}

@InputType({ description: 'Narrows a list of kecamatan. All given conditions must hold.' })
export class DistrictFilter {
  @Field(() => [String], { nullable: true, description: `Only those with one of these codes ("64.02.08" or "640208"), at most ${MAX_CODES}. Unknown codes are simply absent; an empty list matches none.` })
  codes?: string[];

  @Field({ nullable: true, description: 'Only those in this kabupaten/kota ("64.02" or "6402").' })
  kabupatenCode?: string;
}

@ArgsType()
export class DistrictArgs extends PageArgs {
  @Field(() => DistrictFilter, { nullable: true, description: 'Conditions the kecamatan must meet.' })
  filter?: DistrictFilter | null;
}

export const VillageConnection = ConnectionType(VillageType, 'Village');
export const KabupatenConnection = ConnectionType(KabupatenType, 'Kabupaten');
export const DistrictConnection = ConnectionType(DistrictType, 'District');

export interface SearchHitRow {
  level: RegionLevelName;
  code: string;
  name: string;
  match: SearchMatch;
  similarity: number;
}

@ObjectType('RegionSearchHit', { simpleResolvers: true, description: 'A region whose name matched a search, with the regions above it to tell namesakes apart.' })
export class RegionSearchHitType {
  @Field(() => RegionLevelName, { description: 'Its level.' })
  level!: RegionLevelName;

  @Field({ description: 'Its dotted code.' })
  code!: string;

  @Field({ description: 'Its official name.' })
  name!: string;

  @Field(() => SearchMatch, { description: 'How the name matched.' })
  match!: SearchMatch;

  @Field(() => Float, { description: 'Trigram similarity of the name (spaces ignored) to the search, 0 to 1, to 4 decimals.' })
  similarity!: number;
}
