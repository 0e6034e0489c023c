import { Arg, Args, Ctx, FieldResolver, Float, Query, Resolver, Root, type ClassType } from 'type-graphql';
import type { Context } from '../graphql/context';
import { DistrictType, KabupatenType, ProvinceType, VillageType, type VillageRow } from '../region/region.types';
import { BoundaryDetail } from './geo.enums';
import {
  BoundingBoxType,
  checkNearestArgs,
  checkPoint,
  GeoJSONScalar,
  LatLngType,
  NearestVillagesArgs,
  PointArgs,
  RegionAtType,
  VillageDistanceType,
  type RegionAtRow,
} from './geo.types';
import type { RegionGeometry } from './geometry';

/**
 * Shapes on the register's types: the same four fields on each level (and on the regions reached
 * through a program, which are the same types), and the two point queries. With the planner on,
 * the point queries are answered by geo.plan.ts in one statement; these resolvers answer without it.
 */

/** The shape fields of one register type; the planner reads them in its one statement (geo.plan.ts). */
function shapeFieldsOf(type: ClassType, levelName: string) {
  @Resolver(() => type)
  class ShapeFields {
    @FieldResolver(() => GeoJSONScalar, {
      nullable: true,
      description: `The ${levelName}'s boundary as a GeoJSON Polygon or MultiPolygon, at the detail asked for (see BoundaryDetail); null when it has no shape (360 desa are not yet drawn by the source, and desa shapes are an import).`,
    })
    boundary(
      @Root() row: { code: string },
      @Ctx() context: Context,
      @Arg('detail', () => BoundaryDetail, { defaultValue: BoundaryDetail.MEDIUM, description: 'How finely to draw it.' }) detail: BoundaryDetail,
    ): Promise<RegionGeometry | null> {
      return context.loaders.geo.boundary(detail).load(row.code);
    }

    @FieldResolver(() => BoundingBoxType, { nullable: true, description: `The smallest box holding the ${levelName}'s shape; null without a shape.` })
    async bbox(@Root() row: { code: string }, @Ctx() context: Context): Promise<BoundingBoxType | null> {
      return (await context.loaders.geo.meta.load(row.code))?.bbox ?? null;
    }

    @FieldResolver(() => LatLngType, {
      nullable: true,
      description: `A point inside the ${levelName} (the pole of inaccessibility of its largest polygon: a concave region's or an archipelago's centroid can lie outside it), for a marker or a label; null without a shape.`,
    })
    async center(@Root() row: { code: string }, @Ctx() context: Context): Promise<LatLngType | null> {
      return (await context.loaders.geo.meta.load(row.code))?.center ?? null;
    }

    @FieldResolver(() => Float, { nullable: true, description: `Area of the ${levelName}'s shape in km² (on the sphere, to 4 decimals); null without a shape.` })
    async areaKm2(@Root() row: { code: string }, @Ctx() context: Context): Promise<number | null> {
      return (await context.loaders.geo.meta.load(row.code))?.areaKm2 ?? null;
    }
  }
  return ShapeFields;
}

export const ProvinceShapeResolver = shapeFieldsOf(ProvinceType, 'province');
export const KabupatenShapeResolver = shapeFieldsOf(KabupatenType, 'kabupaten/kota');
export const DistrictShapeResolver = shapeFieldsOf(DistrictType, 'kecamatan');
export const VillageShapeResolver = shapeFieldsOf(VillageType, 'village');

@Resolver()
export class GeoQueryResolver {
  @Query(() => RegionAtType, { description: 'The regions whose FULL shape holds a point: "which desa is here?". Each level is answered on its own; null where no shape holds the point.' })
  async regionAt(@Args() { lat, lng }: PointArgs, @Ctx() context: Context): Promise<RegionAtRow> {
    checkPoint(lat, lng);
    const codes = await context.loaders.geo.repository.at(lng, lat);
    const { region } = context.loaders;
    const [province, kabupaten, district, village] = await Promise.all([
      codes.province ? region.province.load(codes.province) : null,
      codes.kabupaten ? region.kabupaten.load(codes.kabupaten) : null,
      codes.district ? region.district.load(codes.district) : null,
      codes.village ? region.village.load(codes.village) : null,
    ]);
    return { province, kabupaten, district, village };
  }

  @Query(() => [VillageDistanceType], { description: "The villages nearest to a point by great-circle distance to each one's `center`, nearest first (ties by code). Needs the desa shapes (`npm run import:boundaries`)." })
  async nearestVillages(@Args() args: NearestVillagesArgs, @Ctx() context: Context): Promise<{ village: VillageRow; distanceKm: number }[]> {
    checkNearestArgs(args);
    const { lat, lng, first, withinKm } = args;
    const near = await context.loaders.geo.repository.nearest(lng, lat, first, withinKm ?? null);
    const villages = await context.loaders.region.village.loadMany(near.map((n) => n.code));
    return near.flatMap((n, i) => {
      const village = villages[i];
      return village && !(village instanceof Error) ? [{ village, distanceKm: n.distanceKm }] : [];
    });
  }
}
