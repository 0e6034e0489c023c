import type { Queryable } from './sql';

/**
 * "Has anything been written since?", answered by PostgreSQL for every instance at once: the
 * `data_version` row, which a trigger bumps in the same transaction as any write to a table that
 * queries read (migration 20261128020000). A cached answer stamped with the version read before it
 * was computed is current exactly while the version is unchanged; a write committed by any
 * instance, command or SQL session makes it stale.
 *
 * Readings are shared: a caller gets a reading that started after it asked (one in flight started
 * earlier might miss a write the caller has already seen committed), and everyone who asks while
 * a reading is in flight shares the next one. Under load that is one tiny statement per database
 * round trip, whatever the request rate.
 */
/** How long a reading may take before callers go on without it. */
const READ_TIMEOUT_MS = 2_000;

export class DataVersion {
  private inflight?: Promise<string>;
  private queued?: Promise<string>;

  constructor(private readonly sql: Queryable) {}

  /** The current version; compare two for equality only. */
  now(): Promise<string> {
    if (!this.inflight) return this.start();
    this.queued ??= this.inflight
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    return this.queued;
  }

  private start(): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    // A connection that hangs must not hold every cached answer behind it: give up, callers bypass.
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('data version not read in time')), READ_TIMEOUT_MS);
    });
    const read = this.sql.query<{ version: string }>('select version::text as version from data_version').then((rows) => rows[0]!.version);
    const reading = Promise.race([read, timeout])
      .finally(() => {
        clearTimeout(timer);
        if (this.inflight === reading) this.inflight = undefined;
      });
    this.inflight = reading;
    return reading;
  }
}
