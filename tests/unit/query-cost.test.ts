import { getNamedType, getNullableType, isCompositeType, isListType, isObjectType, parse } from 'graphql';
import { createSchema } from '../../src/schema';
import { costModel, LIST_BOUNDS, operationCost } from '../../src/limits/query-cost';

describe('the cost rule', () => {
  let model: ReturnType<typeof costModel>;
  beforeAll(async () => {
    model = costModel(await createSchema());
  });

  it('knows a bound for every unpaged list of objects in the schema', () => {
    const unbounded: string[] = [];
    for (const type of Object.values(model.schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const paged = type.name.endsWith('Connection') && field.name === 'edges';
        if (isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type)) && !paged && !(`${type.name}.${field.name}` in LIST_BOUNDS)) {
          unbounded.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('multiplies a list by its page size or bound, times what it selects', () => {
    const cost = (query: string, variables?: Record<string, unknown>) => operationCost(model, parse(query), undefined, variables);
    expect(cost('{ idmYears { year } }')).toBe(20);
    expect(cost('{ province(code: "64") { name } }')).toBe(1);
    expect(cost('{ provinces { name } }')).toBe(38);
    expect(cost('{ provinces { kabupatens { name } } }')).toBe(38 * (1 + 38));
    expect(cost('{ villages { totalCount edges { node { name } } } }')).toBe(1 + 50 * 2);
    expect(cost('query($n: Int) { villages(first: $n) { edges { node { name } } } }', { n: 7 })).toBe(1 + 7 * 2);
    expect(cost('query($n: Int = 9) { villages(first: $n) { edges { node { name } } } }')).toBe(1 + 9 * 2);
    // Over 500 the resolver refuses with its own message; the cost counts the maximum.
    expect(cost('{ villages(first: 100000) { edges { node { name } } } }')).toBe(1 + 500 * 2);
    expect(cost('{ village(code: "6402082005") { idm { indicators { actors { desa } } } } }')).toBe(1 + 1 + 50 * 2);
  });

  it('costs a fragment once per page size, whatever the spreads: a 1,000-level bomb is costed in 1,000 steps', () => {
    const levels = 1000;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
    const bomb = `{ ...F0 } ${fragments} fragment F${levels} on Query { provinces { name } }`;
    expect(operationCost(model, parse(bomb, { maxTokens: 100_000 }))).toBeGreaterThan(1e300);
    const pages = '{ a: villages(first: 2) { ...E } b: villages(first: 3) { ...E } } fragment E on VillageConnection { edges { node { name } } }';
    expect(operationCost(model, parse(pages))).toBe(1 + 2 * 2 + 1 + 3 * 2);
  });
});
