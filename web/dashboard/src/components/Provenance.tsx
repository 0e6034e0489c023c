import type { ProvenanceFragment } from '../generated/graphql';

/** A value's provenance, of either family (the Indeks Desa carries no published-code note). */
type Value = Pick<ProvenanceFragment, 'provenance'> & { source?: ProvenanceFragment['source'] };

/**
 * Where a value came from: the one place the page shows provenance (fragment in
 * provenance.graphql), so a richer provenance from the API changes here only.
 */
export function Provenance({ value }: { value: Value }) {
  const { source, provenance } = value;
  return (
    <dl class="provenance" data-testid="provenance">
      <dt>Source</dt>
      <dd>{provenance.format}</dd>
      <dt>File</dt>
      <dd class="wrap">
        {provenance.file}
        {provenance.line ? `, line ${provenance.line}` : ''}
      </dd>
      <dt>Recorded by</dt>
      <dd>{provenance.recordedBy}</dd>
      {source && (
        <>
          <dt>Published code</dt>
          <dd>{source.publishedCode}</dd>
        </>
      )}
      {source?.note && (
        <>
          <dt>Note</dt>
          <dd>{source.note}</dd>
        </>
      )}
      <dt>Recorded</dt>
      <dd>{new Date(provenance.recordedAt).toLocaleString()}</dd>
    </dl>
  );
}
