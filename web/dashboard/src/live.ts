import { createClient, type Client } from 'graphql-ws';
import { documentIdOf, GRAPHQL_URL } from './api';
import type { Family } from './family';
import {
  IdSummaryLiveDocument,
  IdUpdatesDocument,
  SummaryLiveDocument,
  UpdatesDocument,
  type IdmStatus,
  type IdmSummaryScopeInput,
  type IdmUpdateFilter,
  type IndexFamily,
  type TypedDocumentString,
} from './generated/graphql';
import type { Summary } from './summary';

/** A change of either family, as the feed shows it. */
export type Update = {
  cursor: string;
  year: number;
  movement: string;
  recordedAt: string;
  previous: { score: number; status: IdmStatus } | null;
  current: { score: number; status: IdmStatus } | null;
  village: { code: string; name: string; district: { name: string }; kabupaten: { name: string } };
};
export type LiveSummary = Summary;
export type LiveState = 'connecting' | 'live' | 'reconnecting';

/** A family's subscriptions and how their events read as the page's Update and Summary. */
interface Feeds {
  updates: TypedDocumentString<unknown, unknown>;
  update(data: unknown): Update;
  summary: TypedDocumentString<unknown, unknown>;
  pushed(data: unknown): Summary;
}

function feeds<U, S>(updates: TypedDocumentString<U, never>, update: (data: U) => Update, summary: TypedDocumentString<S, never>, pushed: (data: S) => Summary): Feeds {
  return { updates, update: update as (data: unknown) => Update, summary, pushed: pushed as (data: unknown) => Summary } as Feeds;
}

const FEEDS: Record<IndexFamily, Feeds> = {
  IDM: feeds(UpdatesDocument, (d) => d.idmUpdated, SummaryLiveDocument, (d) => d.idmSummaryUpdated),
  INDEKS_DESA: feeds(
    IdUpdatesDocument,
    ({ indeksDesaUpdated: u }) => ({ ...u, recordedAt: u.provenance.recordedAt }),
    IdSummaryLiveDocument,
    (d) => d.indeksDesaSummaryUpdated,
  ),
};

type Listener = () => void;

/**
 * The page's one WebSocket (graphql-ws) and what it follows. Updates are resumable: the newest
 * cursor seen is kept and every (re)subscription asks for the changes after it, so a dropped
 * connection or a restarted server loses nothing. Changes that arrive after a reconnection but were
 * written before it are what the page missed; they are counted and listed as such.
 */
export class Live {
  state: LiveState = 'connecting';
  /** When the socket last (re)connected, to tell missed changes from live ones. */
  private connectedAt = 0;
  private hasConnected = false;
  /** Connections after the first: only after one can anything have been missed. */
  private reconnections = 0;
  private readonly listeners = new Set<Listener>();
  private readonly reconnectListeners = new Set<Listener>();
  readonly client: Client;

  constructor() {
    this.client = createClient({
      url: GRAPHQL_URL.replace(/^http/, 'ws'),
      lazy: false,
      // A dashboard stays open for days: keep trying, quickly at first, at most every 5 s.
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
      retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** retries, 5000))),
      on: {
        connecting: () => this.set(this.hasConnected ? 'reconnecting' : 'connecting'),
        connected: () => {
          const again = this.hasConnected;
          if (again) this.reconnections += 1;
          this.hasConnected = true;
          this.connectedAt = Date.now();
          this.set('live');
          if (again) for (const listener of this.reconnectListeners) listener();
        },
        closed: () => this.set(this.hasConnected ? 'reconnecting' : 'connecting'),
      },
    });
  }

  private set(state: LiveState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called after each reconnection: a view refreshes what it may have failed to load meanwhile. */
  onReconnect(listener: Listener): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /**
   * Follows the changes of `family` matching `where` (both families filter alike), starting after
   * `cursor`. `onUpdate` gets each change and whether it was written while the page was
   * disconnected. Returns the stop function.
   */
  follow(family: Family, where: IdmUpdateFilter | null, cursor: string | null, onUpdate: (update: Update, missed: boolean) => void): () => void {
    const feed = FEEDS[family.id];
    // graphql-ws resends this very payload when it reconnects by itself, so keeping `after`
    // current in it makes every retry resume from the newest change seen.
    const payload = { ...documentOf(feed.updates), variables: { where, after: cursor } };
    return this.keep<unknown>(payload, (data) => {
      const update = feed.update(data);
      payload.variables.after = update.cursor;
      onUpdate(update, this.reconnections > 0 && Date.parse(update.recordedAt) < this.connectedAt);
    });
  }

  /** The scope's summary of `family` as the server pushes it: now, then on every change. */
  watchSummary(family: Family, scope: IdmSummaryScopeInput, year: number, onSummary: (summary: LiveSummary) => void): () => void {
    const feed = FEEDS[family.id];
    return this.keep<unknown>({ ...documentOf(feed.summary), variables: { scope, year } }, (data) => onSummary(feed.pushed(data)));
  }

  /**
   * A subscription kept open until the returned function is called. A server shutting down
   * completes its subscriptions: subscribe again (with the payload as it is then); the client
   * reconnects once the server is back.
   */
  private keep<T>(payload: Payload, next: (data: T) => void): () => void {
    let stopped = false;
    let dispose = () => {};
    const again = (ms: number) => () => {
      if (!stopped) setTimeout(start, ms);
    };
    const failed = (error: unknown) => {
      // A server that does not know the hash (older than this page) gets the text from then on.
      if (payload.text && Array.isArray(error) && error.some((e: { extensions?: { code?: string } }) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
        payload.query = payload.text;
        delete payload.extensions;
      }
      again(1000)();
    };
    const start = () => {
      const { text: _, ...message } = payload;
      dispose = this.client.subscribe<T>(message, { next: ({ data }) => data && next(data), complete: again(100), error: failed });
    };
    start();
    return () => {
      stopped = true;
      dispose();
    };
  }
}

/** A subscription's payload: by hash when the document has one (graphql-ws needs `query`, so it is empty), with the text to fall back on. */
interface Payload {
  query: string;
  extensions?: { persistedQuery: { version: 1; sha256Hash: string } };
  variables: Record<string, unknown>;
  text?: string;
}

function documentOf<R, V>(document: TypedDocumentString<R, V>): Omit<Payload, 'variables'> {
  const hash = documentIdOf(document);
  if (hash === undefined) return { query: document.toString() };
  // APQ's hash is the bare hex; documentId's carries its algorithm.
  return { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } }, text: document.toString() };
}

export const live = new Live();
