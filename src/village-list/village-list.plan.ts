import { pageRequest, type PageArgs } from '../graphql/connection';
import { jsonList, type PlannerConfig, type RelationPlan } from '../graphql/planner';
import type { VillageParent } from '../region/region.repository';
import type { VillageRow } from '../region/region.types';
import { villageListQuery } from './village-list.query';
import { listConditions, listSource, ordering, sortScore } from './village-list.repository';
import { villagePageConnection } from './village-list.resolver';
import { VillageOrderBy, type VillageArgs } from './village-list.types';

/**
 * How village lists are read by the planner (see src/graphql/planner.ts): the villages under a
 * parent row as a Relay connection, one page (`first + 1` rows, cut by the parent's index in a
 * subquery), in the list's order, each rendered with its selection. The SQL builders are the
 * repository's.
 */
function villagePage(parent: VillageParent): RelationPlan {
  return {
    kind: 'relation',
    type: 'Village',
    through: ['edges', 'node'],
    reads: parent === 'root' ? [] : ['code'],
    childReads: ['code'],
    async sql(scope, parentAlias, child, args, render) {
      const page = pageRequest(args as PageArgs);
      const list = args as VillageArgs;
      const query = await villageListQuery(list, scope.context);
      if (page.first === 0) return `'[]'::json`;
      const values = scope.values;
      const order = list.orderBy ?? VillageOrderBy.CODE;
      const source = listSource(parent, query, values, `${parentAlias}.code`);
      const sort = ordering(order, page.after, values);
      const where = [...source.where, ...listConditions(query, values), ...sort.where];
      const limit = scope.param(page.first + 1);
      const score = sortScore(order);
      const rows = `(select v.*${score ? `, ${score} as "sortScore"` : ''} from ${source.from}
        ${where.length ? `where ${where.join(' and ')}` : ''} order by ${sort.orderBy} limit ${limit}) ${child}`;
      // The score travels with each row only to build cursors of a score order.
      return jsonList(render(child, score ? { sortScore: `${child}."sortScore"` } : {}), sort.outerOrderBy(child), rows);
    },
    finish: (rows, source, args, context) => {
      const list = args as VillageArgs;
      const key = parent === 'root' ? '*' : (source as { code: string }).code;
      return villagePageConnection(context, parent, key, list, rows as VillageRow[], () => villageListQuery(list, context));
    },
  };
}

export const villageListPlans: PlannerConfig = {
  extensions: {
    Province: { villages: villagePage('province_code') },
    Kabupaten: { villages: villagePage('kabupaten_code') },
    District: { villages: villagePage('district_code') },
  },
  objects: {},
  roots: { villages: villagePage('root') },
};
