import { selectList, type Queryable } from '../db/sql';
import type { PageRequest } from '../graphql/connection';
import type { CodeReading, RegionLevel } from './region-code';
import { RegionLevelName, VillageKind, type KabupatenKind } from './region.enums';
import type { DistrictRow, KabupatenRow, ProvinceRow, SearchHitRow, VillageCounts, VillageRow } from './region.types';

/**
 * Batched reads of the register as plain rows. Every method takes the keys of a whole batch and
 * issues one statement, so a nested query costs one statement per level, whatever the page size.
 */

/**
 * Conditions of the register on a list of villages; codes are already parsed to their dotted form.
 * Conditions on index values are the village list's (src/village-list), which joins them.
 */
export interface VillageQuery {
  /** Village code arguments read both ways (see codesNamedSql); an empty list matches none. */
  codes?: CodeReading[];
  /** Already folded with `searchKey`. */
  search?: string;
  kind?: VillageKind;
  provinceCode?: string;
  kabupatenCode?: string;
  districtCode?: string;
  programId?: number;
}

/** What the villages of a batch hang from: a register level, a program locus, or nothing (one list). */
export type VillageParent = 'province_code' | 'kabupaten_code' | 'district_code' | 'locus' | 'root';

export interface KabupatenQuery {
  /** Code arguments read both ways (see codesNamedSql); an empty list matches none. */
  codes?: CodeReading[];
  search?: string;
  kind?: KabupatenKind;
  provinceCode?: string;
}

export interface DistrictQuery {
  /** Code arguments read both ways (see codesNamedSql); an empty list matches none. */
  codes?: CodeReading[];
  kabupatenCode?: string;
}

/** Row key → column, for each level: the repository's select lists and the planner's objects share them. */
export const PROVINCE_ROW = { code: 'code', name: 'name', bpsCode: 'bps_code' } as const;
export const KABUPATEN_ROW = { code: 'code', name: 'name', kind: 'kind', provinceCode: 'province_code', bpsCode: 'bps_code' } as const;
export const DISTRICT_ROW = { code: 'code', name: 'name', kabupatenCode: 'kabupaten_code', provinceCode: 'province_code', bpsCode: 'bps_code' } as const;
export const VILLAGE_ROW = {
  code: 'code',
  name: 'name',
  kind: 'kind',
  bpsCode: 'bps_code',
  districtCode: 'district_code',
  kabupatenCode: 'kabupaten_code',
  provinceCode: 'province_code',
} as const;

const PROVINCE_COLUMNS = selectList(PROVINCE_ROW, 'p');
const VILLAGE_COLUMNS = selectList(VILLAGE_ROW, 'v');
const KABUPATEN_COLUMNS = selectList(KABUPATEN_ROW, 'k');
const DISTRICT_COLUMNS = selectList(DISTRICT_ROW, 'd');

/** Appends a value to the parameter list and returns its placeholder. */
export function param(values: unknown[], value: unknown): string {
  values.push(value);
  return `$${values.length}`;
}

export function villageConditions(query: VillageQuery, values: unknown[]): string[] {
  const where: string[] = [];
  if (query.codes) where.push(`v.code = any(${codesNamedSql('village', query.codes, values)})`);
  // search_name holds searchKey(name); the trigram GIN index serves the infix LIKE.
  if (query.search) where.push(`v.search_name like ${param(values, `%${query.search}%`)}`);
  if (query.kind) where.push(`v.kind = ${param(values, query.kind)}`);
  if (query.provinceCode) where.push(`v.province_code = ${param(values, query.provinceCode)}`);
  if (query.kabupatenCode) where.push(`v.kabupaten_code = ${param(values, query.kabupatenCode)}`);
  if (query.districtCode) where.push(`v.district_code = ${param(values, query.districtCode)}`);
  if (query.programId !== undefined) {
    where.push(`exists (select 1 from program_village pv where pv.program_id = ${param(values, query.programId)} and pv.village_code = v.code)`);
  }
  return where;
}

const LEVEL_TABLES: Record<RegionLevel, { table: string; alias: string; columns: string }> = {
  province: { table: 'province', alias: 'p', columns: PROVINCE_COLUMNS },
  kabupaten: { table: 'kabupaten', alias: 'k', columns: KABUPATEN_COLUMNS },
  district: { table: 'district', alias: 'd', columns: DISTRICT_COLUMNS },
  village: { table: 'village', alias: 'v', columns: VILLAGE_COLUMNS },
};

/**
 * SQL of the register code a code argument names at `level` (null for none), given its two readings
 * (`$k`, `$b`, SQL of text values or null). The Kemendagri reading wins when the register holds it
 * (for a village, also when it is a code the desa was published under: village_code_alias); only
 * then is the BPS code looked up, so a string that is both a compact Kemendagri code of the register
 * and some other region's BPS code names the Kemendagri region, and adding BPS codes never changed
 * an answer the register gave before. `coalesce` stops at the first non-null: each step is one
 * index lookup, run only when the one before found nothing.
 */
function codeNamedExpr(level: RegionLevel, k: string, b: string): string {
  const table = LEVEL_TABLES[level].table;
  const steps = [`(select x.code from ${table} x where x.code = ${k})`];
  if (level === 'village') steps.push(`(select a.village_code from village_code_alias a where a.alias_code = ${k})`);
  steps.push(`(select x.code from ${table} x where x.bps_code = ${b})`);
  return `coalesce(${steps.join(', ')})`;
}

/** `codeNamedExpr` for one reading, its values appended to `values`. */
export function codeNamedSql(level: RegionLevel, reading: CodeReading, values: unknown[]): string {
  return codeNamedExpr(level, `${param(values, reading.kemendagri)}::text`, `${param(values, reading.bps)}::text`);
}

/** A `text[]` of the register codes a list of readings names (see codeNamedExpr), for `code = any(...)`. */
export function codesNamedSql(level: RegionLevel, readings: readonly CodeReading[], values: unknown[]): string {
  const k = param(values, readings.map((r) => r.kemendagri));
  const b = param(values, readings.map((r) => r.bps));
  return `array(select ${codeNamedExpr(level, 'r.k', 'r.b')} from unnest(${k}::text[], ${b}::text[]) as r(k, b))`;
}

/**
 * `from`/`where` of the villages (aliased `v`) under the parent key `parentKey` (SQL), for each kind
 * of parent; `joins` (the village list's index values) follow the village table.
 */
export function villageSource(parent: VillageParent, joins: string, parentKey = 'p.key'): { from: string; where: string[] } {
  const idm = joins ? ` ${joins}` : '';
  switch (parent) {
    case 'root':
      return { from: `village v${idm}`, where: [] };
    case 'locus':
      return { from: `program_village pl join village v on v.code = pl.village_code${idm}`, where: [`pl.locus_id = ${parentKey}::int`] };
    default:
      return { from: `village v${idm}`, where: [`v.${parent} = ${parentKey}`] };
  }
}

export interface SearchOptions {
  first: number;
  levels?: RegionLevelName[];
  provinceCode?: string;
  kabupatenCode?: string;
}

/** A name folded in SQL as searchKey folds it in TypeScript (for the levels with no stored search column). */
function foldSql(name: string): string {
  return `trim(regexp_replace(regexp_replace(lower(${name}), '[''"\u2018\u2019\u201c\u201d\x60]', '', 'g'), '[^[:alnum:]]+', ' ', 'g'))`;
}

/**
 * The rank of folded `words` against the search, best first: 0 the whole name, 1 the name starts
 * with the search as typed, 2 it does with spaces ignored, 3 a later word starts with it, 4 it is
 * inside, 5 only similar. $1 is the search without spaces, $2 its infix pattern, $3 the search.
 */
function matchTier(words: string): string {
  const compact = `replace(${words}, ' ', '')`;
  return `case when ${compact} = $1 then 0 when ${words} like $3 || '%' then 1 when ${compact} like $1 || '%' then 2
               when ' ' || ${words} like '% ' || $3 || '%' then 3 when ${compact} like $2 then 4 else 5 end`;
}

/** SearchMatch of each rank of matchTier. */
const MATCH_OF_TIER = `array['EXACT', 'PREFIX', 'PREFIX', 'WORD', 'CONTAINS', 'SIMILAR']`;

export class RegionRepository {
  constructor(private readonly sql: Queryable) {}

  provinces(codes?: readonly string[]): Promise<ProvinceRow[]> {
    return codes
      ? this.sql.query(`select ${PROVINCE_COLUMNS} from province p where p.code = any($1::text[])`, [codes])
      : this.sql.query(`select ${PROVINCE_COLUMNS} from province p order by p.code`);
  }

  /** Regions of `level` by BPS code, each with the BPS code it was asked by (one indexed lookup per code). */
  byBpsCodes(level: 'province', codes: readonly string[]): Promise<ProvinceRow[]>;
  byBpsCodes(level: 'kabupaten', codes: readonly string[]): Promise<KabupatenRow[]>;
  byBpsCodes(level: 'district', codes: readonly string[]): Promise<DistrictRow[]>;
  byBpsCodes(level: 'village', codes: readonly string[]): Promise<VillageRow[]>;
  byBpsCodes(level: RegionLevel, codes: readonly string[]): Promise<(ProvinceRow | KabupatenRow | DistrictRow | VillageRow)[]> {
    const { table, alias, columns } = LEVEL_TABLES[level];
    return this.sql.query(`select ${columns} from ${table} ${alias} where ${alias}.bps_code = any($1::text[])`, [codes]);
  }

  kabupatens(codes: readonly string[]): Promise<KabupatenRow[]> {
    return this.sql.query(`select ${KABUPATEN_COLUMNS} from kabupaten k where k.code = any($1::text[])`, [codes]);
  }

  districts(codes: readonly string[]): Promise<DistrictRow[]> {
    return this.sql.query(`select ${DISTRICT_COLUMNS} from district d where d.code = any($1::text[])`, [codes]);
  }

  /** Villages by register code or by a code they were once published under (see village_code_alias). */
  villages(codes: readonly string[]): Promise<(VillageRow & { key: string })[]> {
    return this.sql.query(
      `select v.code as key, ${VILLAGE_COLUMNS} from village v where v.code = any($1::text[])
       union all
       select a.alias_code, ${VILLAGE_COLUMNS} from village_code_alias a join village v on v.code = a.village_code
       where a.alias_code = any($1::text[]) and not exists (select 1 from village x where x.code = a.alias_code)`,
      [codes],
    );
  }

  /** Kabupaten of each province; within a program, only its loci. */
  kabupatensOfProvinces(provinceCodes: readonly string[], programId?: number): Promise<KabupatenRow[]> {
    return programId === undefined
      ? this.sql.query(`select ${KABUPATEN_COLUMNS} from kabupaten k where k.province_code = any($1::text[]) order by k.code`, [provinceCodes])
      : this.sql.query(
          `select ${KABUPATEN_COLUMNS} from kabupaten k join program_locus l on l.kabupaten_code = k.code and l.program_id = $2
           where k.province_code = any($1::text[]) order by k.code`,
          [provinceCodes, programId],
        );
  }

  /** Districts of each kabupaten; within a program, only those holding enrolled villages. */
  districtsOfKabupatens(kabupatenCodes: readonly string[], programId?: number): Promise<DistrictRow[]> {
    return programId === undefined
      ? this.sql.query(`select ${DISTRICT_COLUMNS} from district d where d.kabupaten_code = any($1::text[]) order by d.code`, [kabupatenCodes])
      : this.sql.query(
          `select ${DISTRICT_COLUMNS} from district d
           where d.kabupaten_code = any($1::text[])
             and exists (select 1 from program_village pv join village v on v.code = pv.village_code
                         where pv.program_id = $2 and v.district_code = d.code)
           order by d.code`,
          [kabupatenCodes, programId],
        );
  }

  /** Number of villages under each parent key matching `query`. */
  async villageCounts(parent: VillageParent, keys: readonly string[], query: VillageQuery): Promise<{ parentKey: string; count: number }[]> {
    const values: unknown[] = [keys];
    const source = villageSource(parent, '');
    const where = [...source.where, ...villageConditions(query, values)];
    return this.sql.query(
      `select p.key as "parentKey", c.count from unnest($1::text[]) as p(key)
       cross join lateral (
         select count(*)::int as count from ${source.from}
         ${where.length ? `where ${where.join(' and ')}` : ''}
       ) c`,
      values,
    );
  }

  /** Villages by kind under each parent key (optionally only a program's). */
  async villageKindCounts(parent: VillageParent, keys: readonly string[], query: VillageQuery): Promise<(VillageCounts & { parentKey: string })[]> {
    const values: unknown[] = [keys];
    const source = villageSource(parent, '');
    const where = [...source.where, ...villageConditions(query, values)];
    return this.sql.query(
      `select p.key as "parentKey", c.* from unnest($1::text[]) as p(key)
       cross join lateral (
         select count(*)::int as total,
                count(*) filter (where v.kind = '${VillageKind.DESA}')::int as desa,
                count(*) filter (where v.kind = '${VillageKind.DESA_ADAT}')::int as "desaAdat",
                count(*) filter (where v.kind = '${VillageKind.KELURAHAN}')::int as kelurahan
         from ${source.from}
         ${where.length ? `where ${where.join(' and ')}` : ''}
       ) c`,
      values,
    );
  }

  /** A page of kabupaten/kota in code order. */
  kabupatenPage(query: KabupatenQuery, page: PageRequest): Promise<KabupatenRow[]> {
    const values: unknown[] = [];
    const where = kabupatenConditions(query, values);
    if (page.after !== null) where.push(`k.code > ${param(values, page.after)}`);
    const limit = param(values, page.first + 1);
    return this.sql.query(
      `select ${KABUPATEN_COLUMNS} from kabupaten k ${where.length ? `where ${where.join(' and ')}` : ''} order by k.code limit ${limit}`,
      values,
    );
  }

  async kabupatenCount(query: KabupatenQuery): Promise<number> {
    const values: unknown[] = [];
    const where = kabupatenConditions(query, values);
    const [row] = await this.sql.query<{ count: number }>(
      `select count(*)::int as count from kabupaten k ${where.length ? `where ${where.join(' and ')}` : ''}`,
      values,
    );
    return row!.count;
  }

  /** A page of kecamatan in code order. */
  districtPage(query: DistrictQuery, page: PageRequest): Promise<DistrictRow[]> {
    const values: unknown[] = [];
    const where = districtConditions(query, values);
    if (page.after !== null) where.push(`d.code > ${param(values, page.after)}`);
    const limit = param(values, page.first + 1);
    return this.sql.query(
      `select ${DISTRICT_COLUMNS} from district d ${where.length ? `where ${where.join(' and ')}` : ''} order by d.code limit ${limit}`,
      values,
    );
  }

  async districtCount(query: DistrictQuery): Promise<number> {
    const values: unknown[] = [];
    const where = districtConditions(query, values);
    const [row] = await this.sql.query<{ count: number }>(
      `select count(*)::int as count from district d ${where.length ? `where ${where.join(' and ')}` : ''}`,
      values,
    );
    return row!.count;
  }

  /**
   * Regions whose name matches `search` (folded by searchKey), best first: by how it matched
   * (see matchTier), then larger regions, then trigram similarity, shorter names and code.
   * Spaces are ignored ("kotabangun" finds "Kota Bangun"); kabupaten match with or without their
   * "Kabupaten"/"Kota" prefix. Villages are found through the trigram index on their folded name
   * without spaces; the other levels (7,837 rows together) are folded as they are read.
   */
  async search(search: string, options: SearchOptions): Promise<SearchHitRow[]> {
    const key = search.replaceAll(' ', '');
    if (!key) return [];
    const values: unknown[] = [key, `%${key}%`, search];
    const within = (alias: string) => {
      const where: string[] = [];
      if (options.provinceCode) where.push(`${alias}.province_code = ${param(values, options.provinceCode)}`);
      if (options.kabupatenCode && alias !== 'k') where.push(`${alias}.kabupaten_code = ${param(values, options.kabupatenCode)}`);
      if (options.kabupatenCode && alias === 'k') where.push(`k.code = ${param(values, options.kabupatenCode)}`);
      return where.map((w) => ` and ${w}`).join('');
    };
    const matches = (compact: string) => `(${compact} like $2 or ${compact} % $1)`;
    const levels = new Set(options.levels ?? Object.values(RegionLevelName));
    // Every part names its columns: any of them may come first in the union.
    const parts: string[] = [];
    if (levels.has(RegionLevelName.PROVINCE) && !options.kabupatenCode) {
      parts.push(`select 'PROVINCE' as level, 1 as depth, p.code, p.name, f.words, null::text as alt
        from province p cross join lateral (select ${foldSql('p.name')} as words) f
        where ${matches(`replace(f.words, ' ', '')`)}${within('p').replaceAll('p.province_code', 'p.code')}`);
    }
    if (levels.has(RegionLevelName.KABUPATEN)) {
      parts.push(`select 'KABUPATEN' as level, 2 as depth, k.code, k.name, f.words, f.alt
        from kabupaten k cross join lateral (select ${foldSql('k.name')} as words, ${foldSql(`regexp_replace(k.name, '^(kabupaten|kota|kab[.]?) +', '', 'i')`)} as alt) f
        where (${matches(`replace(f.words, ' ', '')`)} or ${matches(`replace(f.alt, ' ', '')`)})${within('k')}`);
    }
    if (levels.has(RegionLevelName.DISTRICT)) {
      parts.push(`select 'DISTRICT' as level, 3 as depth, d.code, d.name, f.words, null::text as alt
        from district d cross join lateral (select ${foldSql('d.name')} as words) f
        where ${matches(`replace(f.words, ' ', '')`)}${within('d')}`);
    }
    if (levels.has(RegionLevelName.VILLAGE)) {
      parts.push(`select 'VILLAGE' as level, 4 as depth, v.code, v.name, v.search_name as words, null::text as alt
        from village v where ${matches(`replace(v.search_name, ' ', '')`)}${within('v')}`);
    }
    if (parts.length === 0) return [];
    const limit = param(values, options.first);
    return this.sql.query(
      `with hits as (${parts.join('\n union all ')}),
       ranked as (
         select h.*, least(${matchTier('h.words')}, coalesce(${matchTier('h.alt')}, 5)) as tier,
                greatest(similarity(replace(h.words, ' ', ''), $1), coalesce(similarity(replace(h.alt, ' ', ''), $1), 0)) as sim
         from hits h
       )
       select level, code, name, (${MATCH_OF_TIER})[tier + 1] as match, round(sim::numeric, 4)::float8 as similarity
       from ranked order by tier, depth, sim desc, length(name), code limit ${limit}`,
      values,
    );
  }

}

/** Conditions on kabupaten aliased `k`; the repository's page and count and the planner share them. */
export function kabupatenConditions(query: KabupatenQuery, values: unknown[]): string[] {
  const where: string[] = [];
  if (query.codes) where.push(`k.code = any(${codesNamedSql('kabupaten', query.codes, values)})`);
  // 514 rows: folding in SQL is cheap here, no stored search column needed.
  if (query.search) where.push(`lower(k.name) like ${param(values, `%${query.search}%`)}`);
  if (query.kind) where.push(`k.kind = ${param(values, query.kind)}`);
  if (query.provinceCode) where.push(`k.province_code = ${param(values, query.provinceCode)}`);
  return where;
}

/** Conditions on kecamatan aliased `d`. */
export function districtConditions(query: DistrictQuery, values: unknown[]): string[] {
  const where: string[] = [];
  if (query.codes) where.push(`d.code = any(${codesNamedSql('district', query.codes, values)})`);
  if (query.kabupatenCode) where.push(`d.kabupaten_code = ${param(values, query.kabupatenCode)}`);
  return where;
}
