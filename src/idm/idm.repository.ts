import { selectList, type Queryable } from '../db/sql';
import { AssessmentReads, FAMILY_ROW } from '../index-family/family-reads';
import { emptyLevelSummary, previousAssessmentJoin as sharedPreviousJoin } from '../index-family/level.repository';
import type { IdmStatus } from './idm-status';
import { IDM_LEVEL } from './idm.level';
import type { YearCount } from './idm.rules';
import type { AssessmentRow, IndicatorRow, SummaryFrame, SummaryRow } from './idm.rows';

// Summaries, histograms and rankings are the shared level reads (src/index-family/level.repository.ts).
export type { SummaryScope, RankingParent, RankingRequest, RankingRow } from '../index-family/level.rows';

/** Row key → column of an assessment: the repository's select list and the planner's objects share it. */
export const ASSESSMENT_ROW = { ...FAMILY_ROW, iks: 'iks', ike: 'ike', ikl: 'ikl', note: 'note' } as const;

/** Row key → column of an indicator. */
export const INDICATOR_ROW = {
  assessmentId: (alias: string) => `${alias}.assessment_id::text`,
  index: 'index',
  number: 'number',
  name: 'name',
  score: 'score',
  description: 'description',
  activity: 'activity',
  actors: (alias: string) =>
    `json_build_object('pusat', ${alias}.actor_pusat, 'provinsi', ${alias}.actor_provinsi, 'kabupaten', ${alias}.actor_kabupaten,
                       'desa', ${alias}.actor_desa, 'csr', ${alias}.actor_csr, 'lainnya', ${alias}.actor_lainnya)`,
  potentialGain: 'potential_gain',
} as const;

const INDICATOR_COLUMNS = selectList(INDICATOR_ROW, 'i');

/** Batched reads of a desa's IDM as plain rows; the level reads are shared by every family (LevelRepository). */
export class IdmRepository {
  constructor(private readonly sql: Queryable) {
    this.reads = new AssessmentReads(sql, 'idm_assessment', ASSESSMENT_ROW);
  }

  private readonly reads: AssessmentReads<AssessmentRow>;

  /** The assessment of each village in `year`, or its latest when `year` is null. */
  assessments(villageCodes: readonly string[], year: number | null): Promise<AssessmentRow[]> {
    return this.reads.assessments(villageCodes, year);
  }

  /** Every assessment of each village, oldest first. */
  history(villageCodes: readonly string[]): Promise<AssessmentRow[]> {
    return this.reads.history(villageCodes);
  }

  indicators(assessmentIds: readonly string[]): Promise<IndicatorRow[]> {
    return this.sql.query(
      `select ${INDICATOR_COLUMNS} from idm_indicator i where i.assessment_id = any($1::bigint[]) order by i.assessment_id, i.index, i.number`,
      [assessmentIds],
    );
  }

  /** Desa assessed per year, oldest first: a few rows the write path keeps (idm_year). */
  yearCounts(): Promise<YearCount[]> {
    return this.sql.query(`select year, assessed from idm_year order by year`);
  }

  /** Desa and desa adat in the register (~15 ms: counted over the whole village table). */
  async registerDesa(): Promise<number> {
    const [row] = await this.sql.query<{ count: number }>(`select count(*)::int as count from village where kind <> 'KELURAHAN'`);
    return row!.count;
  }

  /** The assessment before `year` of each "villageCode|year" key (its previous assessed year), if any. */
  previousAssessments(keys: readonly string[]): Promise<{ key: string; year: number; score: number; status: IdmStatus }[]> {
    return this.sql.query(
      `select k.key, p.year, p.score, p.status from unnest($1::text[]) as k(key)
       cross join lateral (
         select p.year, p.score, coalesce(p.status, p.derived_status) as status from idm_assessment p
         where p.village_code = split_part(k.key, '|', 1) and p.year < split_part(k.key, '|', 2)::int
         order by p.year desc limit 1
       ) p`,
      [keys],
    );
  }
}

/** A desa's status in an assessment row aliased `a`: the official one, or the derived one where none was published. */
export const CURRENT_STATUS = 'coalesce(a.status, a.derived_status)';

/**
 * Joins, as `alias`, the status (official or derived) of the previous assessed IDM year of the desa
 * of assessment `of`: `alias.status` is null for a first assessment.
 */
export function previousAssessmentJoin(of: string, alias: string): string {
  return sharedPreviousJoin(IDM_LEVEL.previousTables, of, alias);
}

/** The summary of a scope with no assessed desa. */
export function emptySummary(frame: SummaryFrame, year: number | null): SummaryRow {
  return emptyLevelSummary(frame, year);
}
