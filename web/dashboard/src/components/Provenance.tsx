import type { ProvenanceFragment } from '../generated/graphql';

/**
 * Where a value came from: the one place the page shows provenance (fragment in
 * provenance.graphql), so a richer provenance from the API changes here only.
 */
export function Provenance({ value }: { value: ProvenanceFragment }) {
  const { source } = value;
  return (
    <dl class="provenance" data-testid="provenance">
      <dt>Source</dt>
      <dd>{source.format}</dd>
      <dt>File</dt>
      <dd class="wrap">
        {source.file}
        {source.line ? `, line ${source.line}` : ''}
      </dd>
      <dt>Published code</dt>
      <dd>{source.publishedCode}</dd>
      {source.note && (
        <>
          <dt>Note</dt>
          <dd>{source.note}</dd>
        </>
      )}
      <dt>Recorded</dt>
      <dd>{new Date(value.recordedAt).toLocaleString()}</dd>
    </dl>
  );
}
