import { LRUCache } from 'lru-cache';
import type { DataVersion } from '../db/data-version';
import type { Queryable } from '../db/sql';
import type { RegionSize, RegionTotals } from '../limits/query-cost';
import { codePrefix, tryParseCode, type RegionLevel } from './region-code';

/**
 * The register's real sizes for the cost rule (src/limits/query-cost.ts): for every province,
 * kabupaten and kecamatan (~7,800 of them), how many kabupaten, kecamatan and villages lie in it
 * and the most any one of its kabupaten or kecamatan holds. One statement at start; read again
 * when the data version has moved (an `import:areas` run on any instance, or any other write),
 * checked at most every `recheckMs` while queries name regions, in the background: costing never
 * waits for the database, and for those seconds the sizes before the import still bound it.
 */

/** The schema's types of the register's levels, top first, as the cost rule names them. */
const LEVEL_TYPES = ['Province', 'Kabupaten', 'District', 'Village'] as const;
const LEVEL_NAMES: readonly RegionLevel[] = ['province', 'kabupaten', 'district', 'village'];

/** How often the data version is asked while regions are being looked up. @default 10000 */
const RECHECK_MS = 10_000;

/** One row per province, kabupaten and kecamatan: what lies in it and the most one of its children holds. */
interface SizeRow {
  level: number;
  code: string;
  kabupatens: number;
  districts: number;
  villages: number;
  most_districts_per_kabupaten: number;
  most_villages_per_kabupaten: number;
  most_villages_per_district: number;
}

// Kecamatan first, then kabupaten over them, then provinces over those: one pass over the villages.
const SIZES = `
  with d as (
    select d.code, d.kabupaten_code, count(v.code)::int as villages
    from district d left join village v on v.district_code = d.code
    group by d.code
  ), k as (
    select k.code, k.province_code, count(d.code)::int as districts, coalesce(sum(d.villages), 0)::int as villages,
      coalesce(max(d.villages), 0)::int as most_villages_per_district
    from kabupaten k left join d on d.kabupaten_code = k.code
    group by k.code
  )
  select 0 as level, p.code, count(k.code)::int as kabupatens, coalesce(sum(k.districts), 0)::int as districts,
    coalesce(sum(k.villages), 0)::int as villages, coalesce(max(k.districts), 0)::int as most_districts_per_kabupaten,
    coalesce(max(k.villages), 0)::int as most_villages_per_kabupaten, coalesce(max(k.most_villages_per_district), 0)::int as most_villages_per_district
  from province p left join k on k.province_code = p.code
  group by p.code
  union all
  select 1, code, 1, districts, villages, districts, villages, most_villages_per_district from k
  union all
  select 2, code, 1, 1, villages, 1, villages, villages from d`;

export class RegisterTotals implements RegionTotals {
  readonly levels = LEVEL_TYPES;
  private sizes = new Map<string, RegionSize>();
  /** Lookups by the text the query gave (dotted or compact), for the sizes as read; emptied with them. */
  private readonly byInput = new LRUCache<string, { found: RegionSize | undefined }>({ max: 20_000 });
  private version?: string;
  private readGeneration = 0;
  private checkedAt = 0;
  private checking?: Promise<void>;
  private closed = false;

  constructor(
    private readonly sql: Queryable,
    private readonly dataVersion: DataVersion,
    private readonly options: { recheckMs?: number; onError?: (message: string, error: unknown) => void } = {},
  ) {}

  /** Loaded once, ready for the first operation. */
  static async load(sql: Queryable, dataVersion: DataVersion, options?: RegisterTotals['options']): Promise<RegisterTotals> {
    const totals = new RegisterTotals(sql, dataVersion, options);
    await totals.refresh();
    return totals;
  }

  /** Regions held: provinces, kabupaten and kecamatan (villages are answered from their kecamatan). */
  get size(): number {
    return this.sizes.size;
  }

  /** Moves each time the sizes are read anew: a cost computed under another generation is out of date. */
  get generation(): number {
    return this.readGeneration;
  }

  region(input: string): RegionSize | undefined {
    this.recheck();
    let known = this.byInput.get(input);
    if (!known) this.byInput.set(input, (known = { found: this.lookup(input) }));
    return known.found;
  }

  private lookup(input: string): RegionSize | undefined {
    for (let level = 0; level < LEVEL_NAMES.length; level++) {
      const code = tryParseCode(input, LEVEL_NAMES[level]!);
      if (code === undefined) continue;
      if (level < 3) return this.sizes.get(code);
      // A village holds itself: it needs no entry of its own, only its kecamatan's place.
      const district = this.sizes.get(codePrefix(code, 3));
      return district && { level, above: [...district.above, codePrefix(code, 3)], total: [1, 1, 1, 1], most: [] };
    }
    return undefined;
  }

  /** Reads the sizes again if the data version moved since they were read (a write on any instance). */
  async refresh(): Promise<void> {
    this.checkedAt = Date.now();
    // The version is read first: a write that lands during the read is seen by the next check.
    const version = await this.dataVersion.now();
    if (version === this.version) return;
    const rows = await this.sql.query<SizeRow>(SIZES);
    const sizes = new Map<string, RegionSize>();
    for (const row of rows) sizes.set(row.code, sizeOf(row));
    this.sizes = sizes;
    this.byInput.clear();
    this.readGeneration += 1;
    this.version = version;
  }

  /** Resolves once the check in flight, if any, is done (the sizes are then as of its reading). */
  async checked(): Promise<void> {
    await this.checking;
  }

  /** No more checks; resolves once one in flight is done, so the pool can be closed after. */
  async close(): Promise<void> {
    this.closed = true;
    await this.checked();
  }

  private recheck(): void {
    const now = Date.now();
    if (this.closed || this.checking || now - this.checkedAt < (this.options.recheckMs ?? RECHECK_MS)) return;
    this.checkedAt = now;
    this.checking = this.refresh()
      .catch((error: unknown) => this.options.onError?.('reading the register sizes failed; the ones read before still bound costs', error))
      .finally(() => {
        this.checking = undefined;
      });
  }
}

function sizeOf(row: SizeRow): RegionSize {
  const above = [1, 2].slice(0, row.level).map((segments) => codePrefix(row.code, segments));
  const total = [1, row.kabupatens, row.districts, row.villages];
  const most: (number[] | undefined)[] = [];
  // most[p][q] for the levels p at or below the region's own: its own totals, then its children's maxima.
  most[row.level] = total.map((n, q) => (q > row.level ? n : Infinity));
  if (row.level < 1) most[1] = [Infinity, Infinity, row.most_districts_per_kabupaten, row.most_villages_per_kabupaten];
  if (row.level < 2) most[2] = [Infinity, Infinity, Infinity, row.most_villages_per_district];
  return { level: row.level, above, total, most };
}
