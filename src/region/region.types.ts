import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType, PageArgs } from '../graphql/connection';
import { NodeInterface } from '../graphql/node';
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
  /** BPS's code; `undefined` when the row was read without it (the `bpsCode` field then loads it). */
  bpsCode?: string | null;
  scope?: ProgramScope;
}

export interface KabupatenRow {
  code: string;
  name: string;
  kind: KabupatenKind;
  provinceCode: string;
  /** BPS's code; `undefined` when the row was read without it (the `bpsCode` field then loads it). */
  bpsCode?: string | null;
  scope?: ProgramScope;
}

export interface DistrictRow {
  code: string;
  name: string;
  kabupatenCode: string;
  provinceCode: string;
  /** BPS's code; `undefined` when the row was read without it (the `bpsCode` field then loads it). */
  bpsCode?: string | null;
  scope?: ProgramScope;
}

export interface VillageRow {
  code: string;
  name: string;
  kind: VillageKind;
  districtCode: string;
  kabupatenCode: string;
  provinceCode: string;
  /** BPS's code; `undefined` when the row was read without it (the `bpsCode` field then loads it). */
  bpsCode?: string | null;
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

@InputType({ description: 'Narrows a list of kabupaten/kota.' })
export class KabupatenFilter {
  @Field(() => [String], { nullable: true, description: `Only those with one of these codes ("64.02" or "6402", or a 4-digit BPS code where no Kemendagri code of the register reads the same), at most ${MAX_CODES}. Unknown codes are simply absent; an empty list matches none.` })
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
  @Field(() => [String], { nullable: true, description: `Only those with one of these codes ("64.02.08" or "640208", or a 7-digit BPS code), at most ${MAX_CODES}. Unknown codes are simply absent; an empty list matches none.` })
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
