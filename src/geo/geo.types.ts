import { GraphQLScalarType, Kind } from 'graphql';
import { ArgsType, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { BadUserInputError } from '../errors';
import { DistrictType, KabupatenType, ProvinceType, VillageType, type DistrictRow, type KabupatenRow, type ProvinceRow, type VillageRow } from '../region/region.types';
import type { BBox } from './geometry';

/** The source every shape comes from, named wherever shapes or data derived from them are served (MIT). */
export const BOUNDARY_SOURCE = 'Kepmendagri 300.2.2-2430/2025 boundaries, from cahyadsn/wilayah_boundaries (MIT licence)';

export const GeoJSONScalar = new GraphQLScalarType({
  name: 'GeoJSON',
  description: `An RFC 7946 GeoJSON geometry, a Polygon or MultiPolygon in WGS 84 \`[longitude, latitude]\` (e.g. \`{"type": "Polygon", "coordinates": [[[116.9, -0.4], …]]}\`), ready for a map library. Shapes: ${BOUNDARY_SOURCE}.`,
  serialize: (value) => value,
  parseValue: () => {
    throw new BadUserInputError('GeoJSON is an output type: no argument takes it');
  },
  parseLiteral: (ast) => {
    throw new BadUserInputError(`GeoJSON is an output type: no argument takes it (got a ${ast.kind === Kind.OBJECT ? 'object' : ast.kind})`);
  },
});

@ObjectType('BoundingBox', { simpleResolvers: true, description: 'The smallest box holding a region: west and east longitudes, south and north latitudes, in degrees (WGS 84).' })
export class BoundingBoxType implements BBox {
  @Field(() => Float, { description: 'Westernmost longitude.' })
  west!: number;

  @Field(() => Float, { description: 'Southernmost latitude.' })
  south!: number;

  @Field(() => Float, { description: 'Easternmost longitude.' })
  east!: number;

  @Field(() => Float, { description: 'Northernmost latitude.' })
  north!: number;
}

@ObjectType('LatLng', { simpleResolvers: true, description: 'A point, WGS 84 degrees.' })
export class LatLngType {
  @Field(() => Float, { description: 'Latitude, -90 to 90 (south negative).' })
  lat!: number;

  @Field(() => Float, { description: 'Longitude, -180 to 180 (west negative).' })
  lng!: number;
}

@InputType('BoundingBoxInput', { description: 'A box on the map (a viewport): west and east longitudes, south and north latitudes, in degrees (WGS 84).' })
export class BoundingBoxInput implements BBox {
  @Field(() => Float, { description: 'Western edge, -180 to 180.' })
  west!: number;

  @Field(() => Float, { description: 'Southern edge, -90 to 90.' })
  south!: number;

  @Field(() => Float, { description: 'Eastern edge, -180 to 180, not west of `west` (the API serves no box across the antimeridian: Indonesia lies far from it).' })
  east!: number;

  @Field(() => Float, { description: 'Northern edge, -90 to 90, not south of `south`.' })
  north!: number;
}

/** The regions at a point, as register rows (their fields resolve as anywhere else). */
export interface RegionAtRow {
  province: ProvinceRow | null;
  kabupaten: KabupatenRow | null;
  district: DistrictRow | null;
  village: VillageRow | null;
}

@ObjectType('RegionAt', { simpleResolvers: true, description: "The regions whose FULL shape holds a point, one per level; a level is null where none does (the sea, a gap in the source, or desa shapes not imported)." })
export class RegionAtType {
  @Field(() => ProvinceType, { nullable: true, description: 'The province there.' })
  province!: ProvinceRow | null;

  @Field(() => KabupatenType, { nullable: true, description: 'The kabupaten/kota there.' })
  kabupaten!: KabupatenRow | null;

  @Field(() => DistrictType, { nullable: true, description: 'The kecamatan there.' })
  district!: DistrictRow | null;

  @Field(() => VillageType, { nullable: true, description: 'The desa/kelurahan there (needs the desa shapes: `npm run import:boundaries`).' })
  village!: VillageRow | null;
}

@ObjectType('VillageDistance', { simpleResolvers: true, description: 'A village and its great-circle distance from a point.' })
export class VillageDistanceType {
  @Field(() => VillageType, { description: 'The village.' })
  village!: VillageRow;

  @Field(() => Float, { description: "Great-circle distance in km (to the metre) from the point to the village's `center`, on a sphere of the WGS 84 mean radius (6,371.0088 km)." })
  distanceKm!: number;
}

/** Most villages one nearestVillages answers. */
export const MAX_NEAREST = 100;
/** Largest radius of nearestVillages: Indonesia is about 5,100 km wide. */
export const MAX_WITHIN_KM = 5_000;

@ArgsType()
export class PointArgs {
  @Field(() => Float, { description: 'Latitude, -90 to 90 (south negative; Jakarta is about -6.2).' })
  lat!: number;

  @Field(() => Float, { description: 'Longitude, -180 to 180 (Jakarta is about 106.8).' })
  lng!: number;
}

@ArgsType()
export class NearestVillagesArgs extends PointArgs {
  @Field(() => Int, { defaultValue: 10, description: `How many villages, 1 to ${MAX_NEAREST}.` })
  first!: number;

  @Field(() => Float, { nullable: true, description: `Only villages at most this many km away (up to ${MAX_WITHIN_KM}); fewer than \`first\` may come back.` })
  withinKm?: number | null;
}

/** A latitude and longitude in range, else BAD_USER_INPUT naming the argument. */
export function checkPoint(lat: number, lng: number, names = { lat: 'lat', lng: 'lng' }): void {
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw new BadUserInputError(`${names.lat} ${lat} is not a latitude: give -90 to 90 (south negative)`, { argument: names.lat });
  if (!Number.isFinite(lng) || lng < -180 || lng > 180) throw new BadUserInputError(`${names.lng} ${lng} is not a longitude: give -180 to 180`, { argument: names.lng });
}

/** nearestVillages' arguments in range, else BAD_USER_INPUT naming the argument. */
export function checkNearestArgs({ lat, lng, first, withinKm }: NearestVillagesArgs): void {
  checkPoint(lat, lng);
  if (!Number.isInteger(first) || first < 1 || first > MAX_NEAREST) throw new BadUserInputError(`first ${first} is out of range: give 1 to ${MAX_NEAREST}`, { argument: 'first' });
  if (withinKm != null && !(withinKm > 0 && withinKm <= MAX_WITHIN_KM)) throw new BadUserInputError(`withinKm ${withinKm} is out of range: give more than 0 and at most ${MAX_WITHIN_KM}`, { argument: 'withinKm' });
}

/** A box in range with its edges in order, else BAD_USER_INPUT naming the argument. */
export function checkBox(box: BBox, argument: string): BBox {
  const { west, south, east, north } = box;
  checkPoint(south, west, { lat: `${argument}.south`, lng: `${argument}.west` });
  checkPoint(north, east, { lat: `${argument}.north`, lng: `${argument}.east` });
  if (east < west) throw new BadUserInputError(`${argument}.east ${east} is west of ${argument}.west ${west}; boxes across the antimeridian are not served`, { argument });
  if (north < south) throw new BadUserInputError(`${argument}.north ${north} is south of ${argument}.south ${south}`, { argument });
  return { west, south, east, north };
}
