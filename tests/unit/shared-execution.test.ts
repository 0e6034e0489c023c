import { parse } from 'graphql';
import { variablesOnlyChoosingEvents } from '../../src/live/shared-execution';

describe('which variables only choose events (and so do not split a shared execution)', () => {
  it('are those used only in idmUpdated(where, after)', () => {
    const document = parse(`subscription S($where: IdmUpdateFilter, $after: String, $code: String) {
      idmUpdated(where: $where, after: $after) { cursor village { code } }
    }`);
    expect([...variablesOnlyChoosingEvents(document, 'S')].sort()).toEqual(['after', 'where']);
  });

  it('are those used only in indeksDesaUpdated(where, after), as for idmUpdated', () => {
    const document = parse(`subscription S($where: IndeksDesaUpdateFilter, $after: String, $code: String) {
      indeksDesaUpdated(where: $where, after: $after) { cursor current { dimensions { sosial } } village { code } }
    }`);
    expect([...variablesOnlyChoosingEvents(document, 'S')].sort()).toEqual(['after', 'where']);
  });

  it('include variables nested inside the filter object', () => {
    const document = parse(`subscription($k: String) { idmUpdated(where: { kabupatenCode: $k }) { cursor } }`);
    expect([...variablesOnlyChoosingEvents(document, undefined)]).toEqual(['k']);
  });

  it('exclude a variable that also shapes the answer', () => {
    const document = parse(`subscription($k: String!, $skip: Boolean!) {
      idmUpdated(where: { kabupatenCode: $k }) { cursor village @skip(if: $skip) { code } kabupaten: village { kabupaten { code } } }
      }`);
    expect([...variablesOnlyChoosingEvents(document, undefined)]).toEqual(['k']);
    const reused = parse(`subscription($k: String!) { idmUpdated(where: { kabupatenCode: $k }) { village { district { villages(filter: { kabupatenCode: $k }) { totalCount } } } } }`);
    expect([...variablesOnlyChoosingEvents(reused, undefined)]).toEqual([]);
  });

  it('are none for other subscriptions, whose arguments shape the answer', () => {
    const document = parse(`subscription($year: Int!) { idmSummaryUpdated(scope: { provinceCode: "64" }, year: $year) { assessed } }`);
    expect([...variablesOnlyChoosingEvents(document, undefined)]).toEqual([]);
  });
});
