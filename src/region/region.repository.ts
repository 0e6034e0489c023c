import { selectList, type Queryable } from '../db/sql';
import { movementCondition, PREVIOUS_FOR_MOVEMENT, previousAssessmentJoin } from '../idm/idm.repository';
import type { PageRequest } from '../graphql/connection';
import { RegionLevelName, VillageKind, type KabupatenKind } from './region.enums';
import type { DistrictRow, KabupatenRow, ProvinceRow, SearchHitRow, VillageCounts, VillageRow } from './region.types';

/**
 * Batched reads of the register as plain rows. Every method takes the keys of a whole batch and
 * issues one statement, so a nested query costs one statement per level, whatever the page size.
 */

/** Conditions on a list of villages; codes are already parsed to their dotted form. */
export interface VillageQuery {
  /** Dotted village codes (or codes a desa was published under); an empty list matches none. */
  codes?: string[];
  /** Already folded with `searchKey`. */
  search?: string;
  kind?: VillageKind;
  provinceCode?: string;
  kabupatenCode?: string;
  districtCode?: string;
  programId?: number;
  /** Conditions on the village's IDM in one year (null: no year published yet, so no village matches). */
  idm?: { year: number | null; statuses?: string[]; minScore?: number; maxScore?: number; movements?: string[]; statusMismatch?: boolean };
}

/** Order of a village list; score orders need `query.idm` (for its year) and break ties by code. */
export type VillageOrder = 'CODE' | 'IDM_SCORE_ASC' | 'IDM_SCORE_DESC';

/** What the villages of a batch hang from: a register level, a program locus, or nothing (one list). */
export type VillageParent = 'province_code' | 'kabupaten_code' | 'district_code' | 'locus' | 'root';

export interface KabupatenQuery {
  /** Dotted codes; an empty list matches none. */
  codes?: string[];
  search?: string;
  kind?: KabupatenKind;
  provinceCode?: string;
}

export interface DistrictQuery {
  /** Dotted codes; an empty list matches none. */
  codes?: string[];
  kabupatenCode?: string;
}

/** Row key → column, for each level: the repository's select lists and the planner's objects share them. */
export const PROVINCE_ROW = { code: 'code', name: 'name' } as const;
export const KABUPATEN_ROW = { code: 'code', name: 'name', kind: 'kind', provinceCode: 'province_code' } as const;
export const DISTRICT_ROW = { code: 'code', name: 'name', kabupatenCode: 'kabupaten_code', provinceCode: 'province_code' } as const;
export const VILLAGE_ROW = {
  code: 'code',
  name: 'name',
  kind: 'kind',
  districtCode: 'district_code',
  kabupatenCode: 'kabupaten_code',
  provinceCode: 'province_code',
} as const;

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
  if (query.codes) {
    // A code the register does not hold may be one the desa was published under, as village(code:) reads it.
    const codes = param(values, query.codes);
    where.push(`v.code = any(${codes}::text[] || array(select a.village_code from village_code_alias a
      where a.alias_code = any(${codes}::text[]) and not exists (select 1 from village x where x.code = a.alias_code)))`);
  }
  // search_name holds searchKey(name); the trigram GIN index serves the infix LIKE.
  if (query.search) where.push(`v.search_name like ${param(values, `%${query.search}%`)}`);
  if (query.kind) where.push(`v.kind = ${param(values, query.kind)}`);
  if (query.provinceCode) where.push(`v.province_code = ${param(values, query.provinceCode)}`);
  if (query.kabupatenCode) where.push(`v.kabupaten_code = ${param(values, query.kabupatenCode)}`);
  if (query.districtCode) where.push(`v.district_code = ${param(values, query.districtCode)}`);
  if (query.programId !== undefined) {
    where.push(`exists (select 1 from program_village pv where pv.program_id = ${param(values, query.programId)} and pv.village_code = v.code)`);
  }
  if (query.idm?.statuses?.length) where.push(`coalesce(a.status, a.derived_status) = any(${param(values, query.idm.statuses)}::idm_status[])`);
  if (query.idm?.minScore !== undefined) where.push(`a.score >= ${param(values, query.idm.minScore)}`);
  if (query.idm?.maxScore !== undefined) where.push(`a.score <= ${param(values, query.idm.maxScore)}`);
  if (query.idm?.movements?.length) where.push(movementCondition(query.idm.movements));
  if (query.idm?.statusMismatch !== undefined) where.push(`a.status_mismatch = ${param(values, query.idm.statusMismatch)}`);
  return where;
}

/** The join to the IDM of the asked year, when the query looks at IDM. */
function idmJoin(query: VillageQuery, values: unknown[]): string {
  if (!query.idm) return '';
  const assessment = ` join idm_assessment a on a.village_code = v.code and a.year = ${param(values, query.idm.year)}::int`;
  // A movement filter compares with the desa's previous assessed year: one index probe per desa.
  return query.idm.movements?.length ? `${assessment} ${previousAssessmentJoin('a', PREVIOUS_FOR_MOVEMENT)}` : assessment;
}

/**
 * Keyset condition and ORDER BY for a page; the cursor key of a score order is "score|code".
 * `outerOrderBy` orders the page's rows again outside the subquery that cut it, by its output columns.
 */
export function ordering(
  order: VillageOrder,
  after: string | null,
  values: unknown[],
): { where: string[]; orderBy: string; outerOrderBy: (alias: string) => string } {
  if (order === 'CODE') return { where: after === null ? [] : [`v.code > ${param(values, after)}`], orderBy: 'v.code', outerOrderBy: (alias) => `${alias}.code` };
  const direction = order === 'IDM_SCORE_ASC' ? '>' : '<';
  const dir = order === 'IDM_SCORE_ASC' ? 'asc' : 'desc';
  const orderBy = `a.score ${dir}, v.code`;
  const outerOrderBy = (alias: string) => `${alias}."idmScore" ${dir}, ${alias}.code`;
  if (after === null) return { where: [], orderBy, outerOrderBy };
  const [score, code] = after.split('|');
  const s = param(values, Number(score));
  const c = param(values, code);
  return { where: [`(a.score ${direction} ${s} or (a.score = ${s} and v.code > ${c}))`], orderBy, outerOrderBy };
}

/** The cursor key of a village row under an order. */
export function villageSortKey(row: { code: string; idmScore?: number }, order: VillageOrder): string {
  return order === 'CODE' ? row.code : `${row.idmScore}|${row.code}`;
}

/** `from`/`where` of the villages under the parent key `parentKey` (SQL), for each kind of parent. */
export function villageSource(parent: VillageParent, query: VillageQuery, values: unknown[], parentKey = 'p.key'): { from: string; where: string[] } {
  const idm = idmJoin(query, values);
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
      ? this.sql.query(`select code, name from province where code = any($1::text[])`, [codes])
      : this.sql.query(`select code, name from province order by code`);
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

  /**
   * One page of villages for every parent key, in one statement: a lateral subquery per key walks
   * the code index and stops after `first + 1` rows.
   */
  async villagePages(
    parent: VillageParent,
    keys: readonly string[],
    query: VillageQuery,
    page: PageRequest,
    order: VillageOrder = 'CODE',
  ): Promise<(VillageRow & { parentKey: string; idmScore?: number })[]> {
    const values: unknown[] = [keys];
    const source = villageSource(parent, query, values);
    const sort = ordering(order, page.after, values);
    const where = [...source.where, ...villageConditions(query, values), ...sort.where];
    const limit = param(values, page.first + 1);
    return this.sql.query(
      `select p.key as "parentKey", v.* from unnest($1::text[]) with ordinality as p(key, n)
       cross join lateral (
         select ${VILLAGE_COLUMNS}${query.idm ? ', a.score as "idmScore"' : ''} from ${source.from}
         ${where.length ? `where ${where.join(' and ')}` : ''}
         order by ${sort.orderBy} limit ${limit}
       ) v
       order by p.n, ${sort.outerOrderBy('v')}`,
      values,
    );
  }

  /** Number of villages under each parent key matching `query`. */
  async villageCounts(parent: VillageParent, keys: readonly string[], query: VillageQuery): Promise<{ parentKey: string; count: number }[]> {
    const values: unknown[] = [keys];
    const source = villageSource(parent, query, values);
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
    const source = villageSource(parent, query, values);
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
  if (query.codes) where.push(`k.code = any(${param(values, query.codes)}::text[])`);
  // 514 rows: folding in SQL is cheap here, no stored search column needed.
  if (query.search) where.push(`lower(k.name) like ${param(values, `%${query.search}%`)}`);
  if (query.kind) where.push(`k.kind = ${param(values, query.kind)}`);
  if (query.provinceCode) where.push(`k.province_code = ${param(values, query.provinceCode)}`);
  return where;
}

/** Conditions on kecamatan aliased `d`. */
export function districtConditions(query: DistrictQuery, values: unknown[]): string[] {
  const where: string[] = [];
  if (query.codes) where.push(`d.code = any(${param(values, query.codes)}::text[])`);
  if (query.kabupatenCode) where.push(`d.kabupaten_code = ${param(values, query.kabupatenCode)}`);
  return where;
}
