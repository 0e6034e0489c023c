import { STATUS_COLOURS, STATUS_NAMES } from '../format';
import type { IdmStatus } from '../generated/graphql';

/** A status in its official colour. */
export function StatusPill({ status }: { status: IdmStatus | null | undefined }) {
  if (!status) return <span class="muted">no status</span>;
  return (
    <span class="pill" style={{ background: STATUS_COLOURS[status] }}>
      {STATUS_NAMES[status]}
    </span>
  );
}
