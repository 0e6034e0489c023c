import { IndexFamilyId } from '../index-family/index-family';
import type { Sql } from '../db/sql';
import { latestChangeId, readChanges, readChangesOf, readChangeScopes, type ChangeEvent, type ChangeScope } from './change-log';
import type { ChangeNotifier } from './notifier';
import { PushQueue } from './push-queue';

/** Which changes a subscriber wants; every given condition must hold. */
export interface UpdateFilter {
  /** Only changes of this index family (the log holds every family's, in one sequence). */
  family?: IndexFamilyId;
  villageCode?: string;
  districtCode?: string;
  kabupatenCode?: string;
  provinceCode?: string;
  programId?: number;
  /** Only changes whose status differs from the value they replaced (a first value counts). */
  statusChanged?: boolean;
}

/** A scope whose summary a dashboard watches. */
export type SummaryWatchScope = { kind: 'nation' } | { kind: 'province' | 'kabupaten' | 'district'; code: string } | { kind: 'program'; programId: number };

export interface LiveHubOptions {
  /** Safety net: read the log this often even without a notification. @default 5000 */
  pollMs?: number;
  /** Summary pushes per scope are at most one per this window. @default 250 */
  coalesceMs?: number;
  /** Events read per statement. @default 1000 */
  batchSize?: number;
  onError?: (message: string, error: unknown) => void;
}

interface Subscriber {
  filter: UpdateFilter;
  queue: PushQueue<ChangeEvent>;
  /** False while replaying from the log: live events wait in `held` (made when one arrives). */
  live: boolean;
  held?: ChangeEvent[];
}

/**
 * What a summary subscription is sent: "this family's summary of this scope and year changed", at
 * once on subscribing and then at most once per coalescing window. The resolver reads the summary.
 */
export interface SummaryTick {
  family: IndexFamilyId;
  scope: SummaryWatchScope;
  year: number;
  /** When the tick was sent (ms since the epoch). */
  at: number;
}

interface SummaryWatch {
  family: IndexFamilyId;
  scope: SummaryWatchScope;
  year: number;
  queues: Set<PushQueue<SummaryTick>>;
  timer?: NodeJS.Timeout;
  /**
   * The first tick of the subscribers that arrive in this turn of the event loop, shared so that
   * their summary is read once (a hundred dashboards reconnecting after a deploy send their
   * subscribes in one burst). Forgotten at the turn's end and as soon as any change is read, so a
   * subscriber never shares a reading that began before a change it has not been told of.
   */
  initial?: SummaryTick;
}

const big = (id: string) => BigInt(id);

const FAMILY_COUNT = Object.values(IndexFamilyId).length;

/** Replay reads the next page of the log once fewer than this many events wait for the client. */
const REPLAY_QUEUE_TARGET = 500;

export function matches(filter: UpdateFilter, e: ChangeEvent): boolean {
  return (
    (filter.family === undefined || filter.family === e.family) &&
    (filter.villageCode === undefined || filter.villageCode === e.villageCode) &&
    (filter.districtCode === undefined || filter.districtCode === e.districtCode) &&
    (filter.kabupatenCode === undefined || filter.kabupatenCode === e.kabupatenCode) &&
    (filter.provinceCode === undefined || filter.provinceCode === e.provinceCode) &&
    (filter.programId === undefined || e.programIds.includes(filter.programId)) &&
    (!filter.statusChanged || e.previousStatus !== e.status)
  );
}

function inScope(scope: SummaryWatchScope, e: ChangeScope): boolean {
  switch (scope.kind) {
    case 'nation':
      return true;
    case 'district':
      return e.districtCode === scope.code;
    case 'province':
      return e.provinceCode === scope.code;
    case 'kabupaten':
      return e.kabupatenCode === scope.code;
    case 'program':
      return e.programIds.includes(scope.programId);
  }
}

/**
 * One per server instance: hears that the change log grew (from any instance, through the
 * notifier), reads the new events once, and hands each to the matching subscribers of this
 * instance, in id order.
 */
export class LiveHub {
  private lastId = '0';
  private readonly subscribers = new Set<Subscriber>();
  private readonly watches = new Map<string, SummaryWatch>();
  private reading?: Promise<void>;
  private readAgain = false;
  private pollTimer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly sql: Sql,
    private readonly notifier: ChangeNotifier,
    private readonly options: LiveHubOptions = {},
  ) {}

  /** The newest change id this instance has dispatched. */
  get position(): string {
    return this.lastId;
  }

  async start(): Promise<void> {
    this.lastId = await latestChangeId(this.sql);
    await this.notifier.listen(() => this.poke());
    this.pollTimer = setInterval(() => this.poke(), this.options.pollMs ?? 5000);
    this.pollTimer.unref();
  }

  /** Reads the log now (coalescing concurrent requests into one more read). */
  poke(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = this.drain().finally(() => {
      this.reading = undefined;
      if (this.readAgain) {
        this.readAgain = false;
        this.poke();
      }
    });
  }

  /**
   * Reads what the log gained and hands it out. What is read depends on who listens: nobody, and
   * the position just moves to the log's head (a national import of 75,000 changes costs one
   * statement); only summary watches, and only the changes' scopes are read; subscribers to changes,
   * and whole events with their desa and its parents, for the families they subscribe to.
   */
  private async drain(): Promise<void> {
    try {
      for (;;) {
        if (this.subscribers.size === 0 && this.watches.size === 0) {
          const head = await latestChangeId(this.sql);
          // Checked again after the await: one who joined meanwhile needs the events read and handed out.
          if (this.subscribers.size === 0 && this.watches.size === 0) {
            if (big(head) > big(this.lastId)) this.lastId = head;
            return;
          }
        }
        const batch = this.options.batchSize ?? 1000;
        const wanted = this.familiesWanted();
        const events =
          this.subscribers.size === 0
            ? await readChangeScopes(this.sql, this.lastId, batch)
            : wanted === 'all'
              ? await readChanges(this.sql, this.lastId, batch)
              : await readChangesOf(this.sql, this.lastId, batch, wanted);
        if (events.length === 0 || this.stopped) return;
        // Subscribers joined while the log was read, wanting changes it read as scopes: read again, whole for them.
        const now = this.familiesWanted();
        if (events.some((e) => !('region' in e) && (now === 'all' || now.has(e.family)))) continue;
        // Position and dispatch move together, with no await between: a subscriber that joins
        // in between either sees an event live or finds it in the log, never both, never neither.
        this.lastId = events.at(-1)!.id;
        this.dispatch(events);
      }
    } catch (error) {
      this.options.onError?.('reading the change log failed; retrying on the next notification or poll', error);
    }
  }

  /**
   * The families whose changes subscribers want whole (with the desa and its parents): an
   * Indeks Desa import costs IDM subscribers no register rows. 'all' when one takes every family.
   */
  private familiesWanted(): Set<IndexFamilyId> | 'all' {
    const families = new Set<IndexFamilyId>();
    for (const sub of this.subscribers) {
      if (sub.filter.family === undefined) return 'all';
      families.add(sub.filter.family);
    }
    return families.size === FAMILY_COUNT ? 'all' : families;
  }

  private dispatch(events: (ChangeEvent | ChangeScope)[]): void {
    for (const sub of this.subscribers) {
      for (const e of events) {
        // A scope is of a family no subscriber wants whole (see familiesWanted).
        if (!('region' in e) || !matches(sub.filter, e)) continue;
        if (sub.live) sub.queue.push(e);
        else (sub.held ??= []).push(e);
      }
    }
    for (const watch of this.watches.values()) {
      // A change was read: a first reading begun before it must not be shared with newcomers.
      watch.initial = undefined;
      if (watch.timer || !events.some((e) => e.family === watch.family && e.year === watch.year && inScope(watch.scope, e))) continue;
      // Coalesce: however many writes land, one push per window per family, scope and year.
      watch.timer = setTimeout(() => {
        watch.timer = undefined;
        const tick: SummaryTick = { family: watch.family, scope: watch.scope, year: watch.year, at: Date.now() };
        for (const queue of watch.queues) queue.push(tick);
      }, this.options.coalesceMs ?? 250);
    }
  }

  /**
   * Matching events from now on; with `after`, first every matching event after that cursor from
   * the log, then live ones, in order, with no gap and no duplicate at the seam.
   */
  updates(filter: UpdateFilter, after?: string): AsyncIterableIterator<ChangeEvent> {
    const sub: Subscriber = { filter, live: after === undefined, queue: new PushQueue<ChangeEvent>(() => this.subscribers.delete(sub)) };
    this.subscribers.add(sub);
    if (after !== undefined) void this.replay(sub, after, this.lastId);
    return sub.queue;
  }

  private async replay(sub: Subscriber, after: string, upTo: string): Promise<void> {
    try {
      let cursor = after;
      while (big(cursor) < big(upTo) && !sub.queue.closed) {
        // Only the subscriber's family: the log interleaves every family's changes.
        const events = await readChanges(this.sql, cursor, this.options.batchSize ?? 1000, sub.filter.family);
        if (events.length === 0) break;
        for (const e of events) {
          if (big(e.id) > big(upTo)) break;
          if (matches(sub.filter, e)) sub.queue.push(e);
        }
        cursor = events.at(-1)!.id;
        // Paced by the consumer: a resume across a national import (75,000 events) reads the log a
        // page at a time as the client takes them, instead of holding them all in memory.
        await sub.queue.whenBelow(REPLAY_QUEUE_TARGET);
      }
      const seam = big(after) > big(upTo) ? big(after) : big(upTo);
      for (const e of sub.held ?? []) if (big(e.id) > seam) sub.queue.push(e);
      sub.held = undefined;
      sub.live = true;
    } catch (error) {
      sub.queue.fail(error);
    }
  }

  /** A tick now, then one per coalescing window in which the family's values of the scope for `year` changed. */
  summaryTicks(family: IndexFamilyId, scope: SummaryWatchScope, year: number): AsyncIterableIterator<SummaryTick> {
    const key = `${family}:${JSON.stringify(scope)}:${year}`;
    let watch = this.watches.get(key);
    if (!watch) this.watches.set(key, (watch = { family, scope, year, queues: new Set() }));
    const w = watch;
    const queue = new PushQueue<SummaryTick>(() => {
      w.queues.delete(queue);
      if (w.queues.size === 0) {
        clearTimeout(w.timer);
        this.watches.delete(key);
      }
    });
    w.queues.add(queue);
    if (!w.initial) {
      const tick = (w.initial = { family, scope, year, at: Date.now() });
      setImmediate(() => {
        if (w.initial === tick) w.initial = undefined;
      });
    }
    queue.push(w.initial);
    return queue;
  }

  /** Completes every open subscription (clients get `complete`), then stops listening. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    for (const sub of [...this.subscribers]) sub.queue.end();
    for (const watch of [...this.watches.values()]) for (const queue of [...watch.queues]) queue.end();
    await this.reading;
    await this.notifier.close();
  }
}

declare module '../graphql/context' {
  interface Services {
    /** This instance's dispatcher of every index family's changes to subscribers. */
    hub: LiveHub;
    /** Tells every instance that the change log grew. */
    notifier: ChangeNotifier;
  }
}
