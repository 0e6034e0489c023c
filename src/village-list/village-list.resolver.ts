import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context';
import { pageRequest, toConnection, type Connection } from '../graphql/connection';
import { ProgramLocusType, ProgramType, type LocusRow, type ProgramRow } from '../program/program.types';
import type { VillageParent } from '../region/region.repository';
import { DistrictType, KabupatenType, ProvinceType, VillageConnection, type DistrictRow, type KabupatenRow, type ProgramScope, type ProvinceRow, type VillageRow } from '../region/region.types';
import { villageListQuery } from './village-list.query';
import { villageSortKey, type VillageListQuery } from './village-list.repository';
import { VillageArgs, VillageOrderBy } from './village-list.types';

/**
 * A page of village rows (`first + 1`, as loaded or planned) as a connection. `totalCount` is
 * counted only when selected, batched with every sibling list of the operation.
 */
export function villagePageConnection(
  context: Context,
  parent: VillageParent,
  key: string,
  args: VillageArgs,
  rows: VillageRow[],
  query: () => Promise<VillageListQuery>,
): Connection<VillageRow> {
  const order = args.orderBy ?? VillageOrderBy.CODE;
  return toConnection(rows, pageRequest(args), (r) => villageSortKey(r, order), async () => context.loaders.villageList.villageCount(parent, await query()).load(key));
}

/** The villages under one parent as a connection, batched with every sibling parent of the operation. */
export async function villageConnection(context: Context, parent: VillageParent, key: string, args: VillageArgs, scope: ProgramScope | undefined): Promise<Connection<VillageRow>> {
  const page = pageRequest(args);
  const order = args.orderBy ?? VillageOrderBy.CODE;
  const query = await villageListQuery(args, context, scope);
  const rows = page.first === 0 ? [] : await context.loaders.villageList.villagePage(parent, query, page, order).load(key);
  return villagePageConnection(context, parent, key, args, scope ? rows.map((r) => ({ ...r, scope })) : rows, async () => query);
}

@Resolver()
export class VillageListQueryResolver {
  @Query(() => VillageConnection, { description: 'Villages in code order, filtered by name, kind, region, program or index values (IDM, Indeks Desa).' })
  villages(@Args() args: VillageArgs, @Ctx() context: Context): Promise<Connection<VillageRow>> {
    return villageConnection(context, 'root', '*', args, undefined);
  }
}

@Resolver(() => ProvinceType)
export class ProvinceVillageListResolver {
  @FieldResolver(() => VillageConnection, { description: "Its villages in code order; reached through a program, only that program's enrolled villages." })
  villages(@Root() province: ProvinceRow, @Args() args: VillageArgs, @Ctx() context: Context): Promise<Connection<VillageRow>> {
    return villageConnection(context, 'province_code', province.code, args, province.scope);
  }
}

@Resolver(() => KabupatenType)
export class KabupatenVillageListResolver {
  @FieldResolver(() => VillageConnection, { description: 'Its villages in code order; within a program, the enrolled ones.' })
  villages(@Root() kabupaten: KabupatenRow, @Args() args: VillageArgs, @Ctx() context: Context): Promise<Connection<VillageRow>> {
    return villageConnection(context, 'kabupaten_code', kabupaten.code, args, kabupaten.scope);
  }
}

@Resolver(() => DistrictType)
export class DistrictVillageListResolver {
  @FieldResolver(() => VillageConnection, { description: 'Its villages in code order; within a program, the enrolled ones.' })
  villages(@Root() district: DistrictRow, @Args() args: VillageArgs, @Ctx() context: Context): Promise<Connection<VillageRow>> {
    return villageConnection(context, 'district_code', district.code, args, district.scope);
  }
}

@Resolver(() => ProgramType)
export class ProgramVillageListResolver {
  @FieldResolver(() => VillageConnection, { description: 'Its enrolled villages in code order.' })
  villages(@Root() program: ProgramRow, @Args() args: VillageArgs, @Ctx() context: Context): Promise<Connection<VillageRow>> {
    return villageConnection(context, 'root', '*', args, { programId: program.id });
  }
}

@Resolver(() => ProgramLocusType)
export class ProgramLocusVillageListResolver {
  @FieldResolver(() => VillageConnection, { description: 'Villages enrolled through this locus, in code order.' })
  async villages(@Root() locus: LocusRow, @Args() args: VillageArgs, @Ctx() context: Context): Promise<Connection<VillageRow>> {
    // Enrolment through the locus already scopes to the program; no second program filter needed.
    const connection = await villageConnection(context, 'locus', String(locus.id), args, undefined);
    return { ...connection, edges: connection.edges.map((e) => ({ ...e, node: { ...e.node, scope: { programId: locus.programId } } })) };
  }
}
