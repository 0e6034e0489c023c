import { LRUCache } from 'lru-cache';
import type { Queryable } from '../db/sql';
import { BadUserInputError } from '../errors';
import type { FeatureFigures, FieldType, FiguresRequest, TileFigures } from '../geo/tiles/tile-figures';
import type { ShapeLevel } from '../geo/tiles/tile-layers';
import type { Context } from '../graphql/context';
import { IndexStatus } from './index-status';
import type { FamilyLevel } from './level-family';
import { checkFamilyYear, familyPublishedYear, NATION } from './level.resolve';
import { currentStatus, LevelRepository } from './level.repository';
import type { SummaryScope } from './level.rows';

/**
 * The figures a map's tiles carry (`?index=IDM&year=2024`), for the tile route's TileFigures seam:
 * a desa's `status` (official, else derived, as summaries count it) and `score`; a region's
 * `assessed`, mean `score` as `mean`, and the share of each status (`mandiri` … `sangatTertinggal`),
 * the same numbers as that region's summary in GraphQL (LevelRepository.summaries). Written once
 * over the family descriptors the composition root lists.
 */

/** The summary scope of each region level a tile layer draws. */
const SCOPE_OF: Readonly<Record<Exclude<ShapeLevel, 'village'>, SummaryScope>> = {
  province: 'province_code',
  kabupaten: 'kabupaten_code',
  district: 'district_code',
};

/** A status's share as a property: MANDIRI → mandiri, SANGAT_TERTINGGAL → sangatTertinggal. */
export function shareProperty(status: IndexStatus): string {
  return status.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

const STATUSES = Object.values(IndexStatus);

/**
 * Levels whose figures are read whole, once per write, and shared by every tile until the next: a
 * tile of provinces, kabupaten or (at zoom 5 to 7) kecamatan holds hundreds to thousands of them,
 * and 20 such tiles each summing their desa after a write took 1.4 s at p99 (bench:tiles); one
 * national sum per level (about 100 ms) serves them all. A desa tile holds a few hundred desa, read
 * for that tile.
 */
const WHOLE_LEVELS: ReadonlySet<ShapeLevel> = new Set(['province', 'kabupaten', 'district']);

/** A region nobody assessed says so; shares of nothing would paint it as all zero. */
const UNASSESSED: FeatureFigures = Object.freeze({ assessed: 0 });

const VILLAGE_FIELDS: Readonly<Record<string, FieldType>> = Object.freeze({ status: 'String', score: 'Number' });
const REGION_FIELDS: Readonly<Record<string, FieldType>> = Object.freeze({
  assessed: 'Number',
  mean: 'Number',
  ...Object.fromEntries(STATUSES.map((s) => [shareProperty(s), 'Number' as const])),
});

export class MapFigures implements TileFigures {
  private readonly levels: LevelRepository;
  /** The default year of each family at a data version: it moves only with a write. */
  private readonly defaultYears = new LRUCache<string, Promise<number | null>>({ max: 64 });
  /** Whole levels' figures at a data version (see WHOLE_LEVELS), shared by every tile until the next write. */
  private readonly wholeLevels = new LRUCache<string, Promise<Map<string, FeatureFigures>>>({ max: 16 });

  constructor(
    private readonly sql: Queryable,
    private readonly families: readonly FamilyLevel[],
  ) {
    this.levels = new LevelRepository(sql);
  }

  get indices(): string[] {
    return this.families.map((f) => f.id);
  }

  async request(context: Context, index: string, year: string | undefined, version: string): Promise<FiguresRequest> {
    const family = this.family(index);
    if (year !== undefined) {
      if (!/^\d{4}$/.test(year)) throw new BadUserInputError(`year "${year}" is not a year: give 4 digits (2024), or none for the latest published year`, { argument: 'year' });
      return { index: family.id, year: checkFamilyYear(family.id, Number(year)), at: version };
    }
    const key = `${version}:${family.id}`;
    let found = this.defaultYears.get(key);
    if (!found) {
      // The nation's published year, as a summary asked without a year reads it: one map, one year.
      found = familyPublishedYear(context, family.id, NATION);
      found.catch(() => this.defaultYears.delete(key));
      this.defaultYears.set(key, found);
    }
    return { index: family.id, year: await found, at: version };
  }

  async forCodes(level: ShapeLevel, codes: readonly string[], request: FiguresRequest): Promise<Map<string, FeatureFigures>> {
    const figures = new Map<string, FeatureFigures>();
    if (request.year === null || codes.length === 0) return figures;
    const family = this.family(request.index);
    if (level === 'village') {
      const rows = await this.sql.query<{ code: string; status: IndexStatus; score: number }>(
        `select a.village_code as code, ${currentStatus('a')} as status, a.score from ${family.table} a where a.year = $1 and a.village_code = any($2::text[])`,
        [request.year, codes],
      );
      for (const row of rows) figures.set(row.code, { status: row.status, score: row.score });
      return figures;
    }
    if (WHOLE_LEVELS.has(level)) {
      const key = `${level}:${family.id}:${request.year}@${request.at}`;
      let whole = this.wholeLevels.get(key);
      if (!whole) {
        whole = this.regionFigures(family, level, null, request.year);
        whole.catch(() => this.wholeLevels.delete(key));
        this.wholeLevels.set(key, whole);
      }
      const all = await whole;
      for (const code of codes) figures.set(code, all.get(code) ?? UNASSESSED);
      return figures;
    }
    const some = await this.regionFigures(family, level, codes, request.year);
    for (const code of codes) figures.set(code, some.get(code) ?? UNASSESSED);
    return figures;
  }

  /** Figures of the regions `codes` of `level` (all of them for null), from their summaries without movement. */
  private async regionFigures(family: FamilyLevel, level: Exclude<ShapeLevel, 'village'>, codes: readonly string[] | null, year: number): Promise<Map<string, FeatureFigures>> {
    const keys = codes ?? (await this.sql.query<{ code: string }>(`select code from ${level}`)).map((r) => r.code);
    const figures = new Map<string, FeatureFigures>();
    for (const s of await this.levels.summaries(family, SCOPE_OF[level], keys, year, undefined, { movement: false })) {
      const values: Record<string, number> = { assessed: s.assessed };
      if (s.mean) values.mean = s.mean.score!;
      for (const b of s.byStatus) values[shareProperty(b.status)] = b.share;
      figures.set(s.key, values);
    }
    return figures;
  }

  fields(level: ShapeLevel): Readonly<Record<string, FieldType>> {
    return level === 'village' ? VILLAGE_FIELDS : REGION_FIELDS;
  }

  private family(index: string): FamilyLevel {
    const family = this.families.find((f) => f.id === index);
    if (!family) throw new BadUserInputError(`index "${index}" is not an index family: use ${this.indices.join(' or ')}`, { argument: 'index' });
    return family;
  }
}
