import type { Context } from '../../graphql/context';
import type { ShapeLevel } from './tile-layers';

/**
 * What a tile's features may carry beside their code and name: an index family's figures of one
 * year (`?index=IDM&year=2024`). The families sit above geo in the module direction, so geo names
 * only this seam; src/index-family/map-figures.ts implements it over the family descriptors and the
 * composition root hands it to the route.
 */

/** A figure as a vector tile stores it: MVT values are strings, numbers or booleans; absent is absent. */
export type FigureValue = string | number;

/** One feature's figures, by property name. */
export type FeatureFigures = Readonly<Record<string, FigureValue>>;

/** The figures a request asks for, its year settled (null: the family has no published year yet). */
export interface FiguresRequest {
  index: string;
  year: number | null;
  /** The data version the request is answered at: figures read for it may be shared until the next write. */
  at: string;
}

/** MVT property types as TileJSON's `vector_layers[].fields` names them. */
export type FieldType = 'String' | 'Number' | 'Boolean';

export interface TileFigures {
  /** The values `?index=` takes. */
  readonly indices: readonly string[];
  /**
   * The request `index` and `year` (as the query string gives them) stand for, the year defaulting
   * to the family's latest published year. Throws BadUserInputError naming the bad parameter.
   * `version` is the data version the answer is read at, so the default year is read once per write.
   */
  request(context: Context, index: string, year: string | undefined, version: string): Promise<FiguresRequest>;
  /** The figures of each region of `level` among `codes`; a code without figures is left out. */
  forCodes(level: ShapeLevel, codes: readonly string[], request: FiguresRequest): Promise<Map<string, FeatureFigures>>;
  /** The properties figures add to a feature of `level`, for TileJSON. */
  fields(level: ShapeLevel): Readonly<Record<string, FieldType>>;
}
