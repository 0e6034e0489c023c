import WebSocket from 'ws';

export interface ServerMessage {
  id?: string;
  type: string;
  payload?: unknown;
}

/**
 * A graphql-transport-ws socket driven message by message, for tests of the protocol's edges
 * (refusals, close codes) that a client library would hide. Waits are on arrivals, never on time.
 */
export class RawSocket {
  readonly messages: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly socket: WebSocket;
  private readonly waiters: { match: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];

  private constructor(url: string, headers: Record<string, string>) {
    this.socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers });
    this.socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
    this.socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      this.messages.push(message);
      for (const w of [...this.waiters]) {
        if (!w.match(message)) continue;
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(message);
      }
    });
  }

  /** Opens a socket and completes connection_init; resolves once acknowledged (or closed). */
  static async open(url: string, headers: Record<string, string> = {}): Promise<RawSocket> {
    const raw = new RawSocket(url, headers);
    await new Promise<void>((resolve) => {
      raw.socket.once('open', () => resolve());
      void raw.closed.then(() => resolve());
    });
    if (raw.socket.readyState === WebSocket.OPEN) {
      const ack = raw.next((m) => m.type === 'connection_ack');
      raw.send({ type: 'connection_init' });
      await Promise.race([ack, raw.closed]);
    }
    return raw;
  }

  send(message: unknown): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  subscribe(id: string, query: string, variables?: Record<string, unknown>): void {
    this.send({ id, type: 'subscribe', payload: { query, variables } });
  }

  /** The first message (already received or still to come) that matches. */
  next(match: (m: ServerMessage) => boolean): Promise<ServerMessage> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** The message ending operation `id`: `error`, or `complete` after its results. */
  end(id: string): Promise<ServerMessage> {
    return this.next((m) => m.id === id && (m.type === 'error' || m.type === 'complete'));
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.socket.close();
  }
}
