import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth/viewer';
import type { NodeKind } from './graphql/global-id';
import { installNodeInterface, NodeResolver } from './graphql/node';
import { installPlanner, mergePlans } from './graphql/planner';
import { idmNodeKinds } from './idm/idm.nodes';
import { indeksDesaNodeKinds } from './indeks-desa/indeks-desa.nodes';
import { liveNodeKinds } from './live/live.nodes';
import { programNodeKinds } from './program/program.nodes';
import { regionNodeKinds } from './region/region.nodes';
import { idmPlans } from './idm/idm.plan';
import { indeksDesaPlans } from './indeks-desa/indeks-desa.plan';
import { IndeksDesaAssessmentResolver, IndeksDesaMutationResolver, VillageIndeksDesaResolver } from './indeks-desa/indeks-desa.resolver';
import { statusTrackPlans, VillageStatusTrackResolver } from './index-family/status-track';
import { indeksDesaLevelPlans } from './indeks-desa/indeks-desa.level.plan';
import { regionPlans } from './region/region.plan';
import { geoPlans } from './geo/geo.plan';
import { DistrictShapeResolver, GeoQueryResolver, KabupatenShapeResolver, ProvinceShapeResolver, VillageShapeResolver } from './geo/geo.resolver';
import {
  DistrictIdmResolver,
  IdmAssessmentResolver,
  IdmQueryResolver,
  IdmRetractionResolver,
  IdmRankEntryResolver,
  IdmSummaryResolver,
  KabupatenIdmResolver,
  ProgramIdmResolver,
  ProgramLocusIdmResolver,
  ProvinceIdmResolver,
  VillageIdmResolver,
} from './idm/idm.resolver';
import {
  DistrictIndeksDesaResolver,
  IndeksDesaLevelQueryResolver,
  IndeksDesaRankEntryResolver,
  IndeksDesaSummaryResolver,
  KabupatenIndeksDesaResolver,
  ProgramIndeksDesaResolver,
  ProgramLocusIndeksDesaResolver,
  ProvinceIndeksDesaResolver,
} from './indeks-desa/indeks-desa.level.resolver';
import {
  DistrictPublishedYearResolver,
  KabupatenPublishedYearResolver,
  ProgramPublishedYearResolver,
  ProvincePublishedYearResolver,
  PublishedYearQueryResolver,
} from './index-family/published-year.resolver';
import { villageListPlans } from './village-list/village-list.plan';
import {
  DistrictVillageListResolver,
  KabupatenVillageListResolver,
  ProgramLocusVillageListResolver,
  ProgramVillageListResolver,
  ProvinceVillageListResolver,
  VillageListQueryResolver,
} from './village-list/village-list.resolver';
import { IdmSummaryUpdatedResolver, IdmUpdatedResolver, IndeksDesaSummaryUpdatedResolver, IndeksDesaUpdatedResolver, LiveResolver } from './live/live.resolver';
import { EnrolmentResolver, ProgramLocusResolver, ProgramResolver } from './program/program.resolver';
import { DistrictResolver, KabupatenResolver, ProvinceResolver, RegionQueryResolver, RegionSearchResolver, VillageResolver } from './region/region.resolver';

/** Every resolver of the API; the schema is built from these classes. */
export const resolvers = [
  NodeResolver,
  RegionQueryResolver,
  RegionSearchResolver,
  ProvinceResolver,
  KabupatenResolver,
  DistrictResolver,
  VillageResolver,
  GeoQueryResolver,
  ProvinceShapeResolver,
  KabupatenShapeResolver,
  DistrictShapeResolver,
  VillageShapeResolver,
  ProgramResolver,
  ProgramLocusResolver,
  EnrolmentResolver,
  IdmQueryResolver,
  VillageIdmResolver,
  IdmAssessmentResolver,
  IdmRetractionResolver,
  IdmSummaryResolver,
  IdmRankEntryResolver,
  ProvinceIdmResolver,
  KabupatenIdmResolver,
  DistrictIdmResolver,
  ProgramIdmResolver,
  ProgramLocusIdmResolver,
  IndeksDesaMutationResolver,
  VillageIndeksDesaResolver,
  IndeksDesaAssessmentResolver,
  VillageStatusTrackResolver,
  IndeksDesaLevelQueryResolver,
  IndeksDesaSummaryResolver,
  IndeksDesaRankEntryResolver,
  ProvinceIndeksDesaResolver,
  KabupatenIndeksDesaResolver,
  DistrictIndeksDesaResolver,
  ProgramIndeksDesaResolver,
  ProgramLocusIndeksDesaResolver,
  PublishedYearQueryResolver,
  ProvincePublishedYearResolver,
  KabupatenPublishedYearResolver,
  DistrictPublishedYearResolver,
  ProgramPublishedYearResolver,
  VillageListQueryResolver,
  ProvinceVillageListResolver,
  KabupatenVillageListResolver,
  DistrictVillageListResolver,
  ProgramVillageListResolver,
  ProgramLocusVillageListResolver,
  LiveResolver,
  IdmUpdatedResolver,
  IndeksDesaUpdatedResolver,
  IdmSummaryUpdatedResolver,
  IndeksDesaSummaryUpdatedResolver,
] as const;

/** The kinds of global ids each domain hands out, which `node(id:)` answers (src/graphql/node.ts). */
export const nodeKinds: readonly NodeKind[] = [...regionNodeKinds, ...programNodeKinds, ...idmNodeKinds, ...indeksDesaNodeKinds, ...liveNodeKinds];

export interface SchemaOptions {
  /** Install the read planner (src/graphql/planner.ts). @default true */
  planner?: boolean;
}

export function createSchema(options: SchemaOptions = {}): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    // Our subscriptions bring their own streams (`subscribe` on each @Subscription, fed by the
    // LiveHub); type-graphql still insists on a pubSub, so it gets an in-memory one it never uses.
    pubSub: createPubSub(),
    // class-validator runs only on write inputs that ask for it (VALIDATE_INPUT); failures become
    // BAD_USER_INPUT with the rule's message.
    validate: false,
  }).then((schema) => {
    installNodeInterface(schema);
    if (options.planner ?? true) installPlanner(schema, mergePlans(regionPlans, geoPlans, idmPlans, indeksDesaPlans, statusTrackPlans, indeksDesaLevelPlans, villageListPlans));
    return schema;
  });
}

/** The SDL committed as schema/schema.graphql: sorted, so it diffs by meaning, not by code order. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
