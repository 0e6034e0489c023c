import { parse } from 'graphql';
import { expandedFieldCount } from '../../src/limits/field-count';

describe('expandedFieldCount', () => {
  it('counts every field, leaves and __typename included', () => {
    expect(expandedFieldCount(parse('{ province(code: "64") { code name __typename kabupatens { code } } }'))).toBe(6);
  });

  it('counts a fragment each time it is spread, inline fragments as their fields', () => {
    expect(expandedFieldCount(parse('{ a: province(code: "64") { ...P } b: province(code: "65") { ...P ... on Province { name } } } fragment P on Province { code name }'))).toBe(7);
  });

  it('measures 60 levels of double spreads without walking them, as 2^60 fields', () => {
    const fragments = Array.from({ length: 60 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
    expect(expandedFieldCount(parse(`{ ...F0 } ${fragments} fragment F60 on Query { __typename }`))).toBe(2 ** 60);
  });

  it('ends on a cycle and counts the largest operation of the document', () => {
    expect(expandedFieldCount(parse('query A { ...X } query B { __typename __typename } fragment X on Query { __typename ...Y } fragment Y on Query { ...X }'))).toBe(2);
  });
});
