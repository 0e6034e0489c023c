import { getNamedType, getNullableType, isCompositeType, isListType, isObjectType, parse } from 'graphql';
import { createSchema } from '../../src/schema';
import { costModel, LIST_BOUNDS, operationCost, type RegionSize, type RegionTotals } from '../../src/limits/query-cost';
import { OperationLimiter } from '../../src/limits/operation-limits';

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

  it('weighs a boundary by its detail, as the objects its bytes are worth', () => {
    const cost = (query: string, variables?: Record<string, unknown>) => operationCost(model, parse(query), undefined, variables);
    expect(cost('{ province(code: "64") { boundary(detail: LOW) } }')).toBe(1 + 1);
    expect(cost('{ province(code: "64") { boundary } }')).toBe(1 + 2);
    expect(cost('query($d: BoundaryDetail!) { province(code: "64") { boundary(detail: $d) } }', { d: 'FULL' })).toBe(1 + 10);
    expect(cost('{ provinces { kabupatens { code boundary(detail: LOW) } } }')).toBe(38 * (1 + 38 * (1 + 1)));
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

/**
 * A small register: province 64 of two kabupaten, 64.01 with kecamatan of 4, 1 and 2 villages and
 * 64.02 with kecamatan of 5 and 3. Sizes as the region domain gives them (src/region/register-totals.ts).
 */
const n = Infinity;
const SIZES: Record<string, RegionSize> = {
  '64': { level: 0, above: [], total: [1, 2, 5, 15], most: [[n, 2, 5, 15], [n, n, 3, 8], [n, n, n, 5]] },
  '64.01': { level: 1, above: ['64'], total: [1, 1, 3, 7], most: [undefined, [n, n, 3, 7], [n, n, n, 4]] },
  '64.01.01': { level: 2, above: ['64', '64.01'], total: [1, 1, 1, 4], most: [undefined, undefined, [n, n, n, 4]] },
  '64.01.01.2001': { level: 3, above: ['64', '64.01', '64.01.01'], total: [1, 1, 1, 1], most: [] },
};
const REGISTER: RegionTotals = { levels: ['Province', 'Kabupaten', 'District', 'Village'], region: (code) => SIZES[code], generation: 0 };

describe('the cost rule, where a query names its region', () => {
  let model: ReturnType<typeof costModel>;
  let national: ReturnType<typeof costModel>;
  const cost = (query: string, variables?: Record<string, unknown>) => operationCost(model, parse(query), undefined, variables);
  beforeAll(async () => {
    const schema = await createSchema();
    model = costModel(schema, { register: REGISTER });
    national = costModel(schema);
  });

  it("bounds each level by the region's total and by pages × parents, whichever is less", () => {
    const tree = (first: number) => `{ province(code: "64") { kabupatens { districts { villages(first: ${first}) { edges { node { code } } } } } } }`;
    // 1 province, 2 kabupaten, 5 kecamatan, 5 connections, then edges and nodes.
    expect(cost(tree(3))).toBe(1 + 2 + 5 + 5 + 2 * Math.min(5 * 3, 15));
    expect(cost(tree(2))).toBe(1 + 2 + 5 + 5 + 2 * 10);
    expect(operationCost(national, parse(tree(3)))).toBe(1 + 38 * (1 + 51 * (1 + 1 + 3 * 2)));
    // Straight from the province, and from a kabupaten: at most what it holds, whatever the page.
    expect(cost('{ province(code: "64") { villages(first: 500) { edges { node { code } } } } }')).toBe(1 + 1 + 2 * 15);
    expect(cost('{ kabupaten(code: "64.01") { districts { name } villages { edges { node { code } } } } }')).toBe(1 + 3 + 1 + 2 * 7);
    expect(cost('{ district(code: "64.01.01") { villages(first: 2) { edges { node { code } } } } }')).toBe(1 + 1 + 2 * 2);
  });

  it('reads the code from a variable, and keeps the national bounds for a code the register does not hold', () => {
    const query = 'query($code: String!) { province(code: $code) { kabupatens { name } } }';
    expect(cost(query, { code: '64' })).toBe(1 + 2);
    expect(cost(query, { code: '99' })).toBe(1 + 38);
    expect(cost('query($code: String! = "64") { province(code: $code) { kabupatens { name } } }')).toBe(1 + 2);
    // A kabupaten's code where a province's is asked names nothing the field returns.
    expect(cost('{ province(code: "64.01") { kabupatens { name } } }')).toBe(1 + 38);
  });

  it("counts copies going up: every village's kecamatan is one, so only the most one kecamatan holds bounds their villages", () => {
    const query = `{ kabupaten(code: "64.01") { districts { villages(first: 10) { edges { node {
      district { villages(first: 10) { edges { node { code } } } } } } } } } }`;
    // 3 kecamatan hold 7 villages; their 7 kecamatan (copies) hold at most 4 each.
    expect(cost(query)).toBe(1 + 3 + 3 + 7 + 7 + 7 + 7 + 2 * 7 * 4);
  });

  it('follows the code up past the named region: a kecamatan’s province holds its own kabupaten', () => {
    expect(cost('{ district(code: "64.01.01") { kabupaten { province { kabupatens { name } } } } }')).toBe(1 + 1 + 1 + 2);
    expect(cost('{ village(code: "64.01.01.2001") { district { villages(first: 500) { edges { node { code } } } } } }')).toBe(1 + 1 + 1 + 2 * 4);
  });

  it('leaves the register for other objects, and for programs, whose lists keep their national bounds', () => {
    expect(cost('{ province(code: "64") { kabupatens { idmSummary { byStatus { status } } } } }')).toBe(1 + 2 + 2 + 2 * 5);
    expect(cost('{ program(slug: "desa-cerdas-2022") { provinces { kabupatens { name } } } }')).toBe(1 + 38 + 38 * 38);
  });

  it('costs fragments inside the region like the fields they hold, and a bomb under a region in linear steps', () => {
    expect(cost('{ province(code: "64") { ...P } } fragment P on Province { kabupatens { ...K } } fragment K on Kabupaten { districts { code } }')).toBe(1 + 2 + 5);
    expect(cost('{ province(code: "64") { ... on Province { kabupatens { name } } } }')).toBe(1 + 2);
    const levels = 1000;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Province { ...F${i + 1} ...F${i + 1} }`).join(' ');
    const bomb = `{ province(code: "64") { ...F0 } } ${fragments} fragment F${levels} on Province { kabupatens { name } }`;
    expect(operationCost(model, parse(bomb, { maxTokens: 100_000 }))).toBeGreaterThan(1e300);
  });
});

describe("the limiter's remembered costs", () => {
  it('are computed again once the register has changed', async () => {
    let sizes: Record<string, RegionSize> = { ...SIZES };
    const register = { levels: REGISTER.levels, generation: 0, region: (code: string) => sizes[code] };
    const limiter = new OperationLimiter(await createSchema(), { maxDepth: 20, maxCost: 1_000_000, maxAliases: 30, maxDirectives: 50, maxTokens: 10_000, maxFields: 1_000 }, { introspection: true, register });
    const document = parse('query($code: String!) { district(code: $code) { villages(first: 50) { edges { node { code } } } } }');
    const before = limiter.cost(document, undefined, { code: '64.01.01' }).cost;
    expect(before).toBe(1 + 1 + 2 * 4);
    // The kecamatan grows to 9 villages, as an import of the register would make it.
    sizes = { ...SIZES, '64.01.01': { ...SIZES['64.01.01']!, total: [1, 1, 1, 9], most: [undefined, undefined, [n, n, n, 9]] } };
    expect(limiter.cost(document, undefined, { code: '64.01.01' }).cost).toBe(before);
    register.generation += 1;
    expect(limiter.cost(document, undefined, { code: '64.01.01' }).cost).toBe(1 + 1 + 2 * 9);
  });
});
