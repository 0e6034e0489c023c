import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth/viewer';
import {
  DistrictIdmResolver,
  IdmAssessmentResolver,
  IdmQueryResolver,
  IdmRetractionResolver,
  KabupatenIdmResolver,
  ProgramIdmResolver,
  ProgramLocusIdmResolver,
  ProvinceIdmResolver,
  VillageIdmResolver,
} from './idm/idm.resolver';
import { LiveResolver } from './live/live.resolver';
import { EnrolmentResolver, ProgramLocusResolver, ProgramResolver } from './program/program.resolver';
import { DistrictResolver, KabupatenResolver, ProvinceResolver, RegionQueryResolver, VillageResolver } from './region/region.resolver';

/** Every resolver of the API; the schema is built from these classes. */
export const resolvers = [
  RegionQueryResolver,
  ProvinceResolver,
  KabupatenResolver,
  DistrictResolver,
  VillageResolver,
  ProgramResolver,
  ProgramLocusResolver,
  EnrolmentResolver,
  IdmQueryResolver,
  VillageIdmResolver,
  IdmAssessmentResolver,
  IdmRetractionResolver,
  ProvinceIdmResolver,
  KabupatenIdmResolver,
  DistrictIdmResolver,
  ProgramIdmResolver,
  ProgramLocusIdmResolver,
  LiveResolver,
] as const;

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    // Our subscriptions bring their own streams (`subscribe` on each @Subscription, fed by the
    // LiveHub); type-graphql still insists on a pubSub, so it gets an in-memory one it never uses.
    pubSub: createPubSub(),
    // Run class-validator rules on inputs; failures become BAD_USER_INPUT with the rule's message.
    validate: { forbidUnknownValues: false },
  });
}

/** The SDL committed as schema/schema.graphql: sorted, so it diffs by meaning, not by code order. */
export function printSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
