import type { IncomingMessage } from 'node:http';
import { CloseCode, handleProtocols, makeServer, type ExecutionResult, type ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger';

/**
 * graphql-ws's protocol core (`makeServer`) on a `ws` server: the library's own `use/ws` adapter,
 * with two differences that matter when one IDM change reaches ten thousand dashboards:
 *
 * - **One serialization per result.** A change event is executed once per distinct operation (see
 *   src/live/shared-execution.ts) and every subscriber of that operation gets the same result
 *   object. The adapter serializes it once and writes the same bytes to every socket; only the
 *   subscription id around them differs. (graphql-ws stringifies each `next` message itself; here
 *   `onNext` hands it a placeholder payload, and `send` puts the shared bytes in its place.)
 * - **Only what a socket needs is kept for its life**: who is on the other end (request id,
 *   client address) is worked out from the upgrade request once, and the request is let go.
 *
 * Keep-alive, close codes and error handling are the library's: pings every `keepAlive` ms and a
 * socket that does not answer within as long is terminated; internal errors close with 4500, and
 * are logged (one line) instead of printed to the console.
 */
export interface SocketExtra {
  readonly socket: WebSocket;
  /** The upgrade request's id (x-request-id, or one made up). */
  readonly requestId: string;
  /** The client address the limits count against. */
  readonly client: string;
}

export interface TransportOptions {
  /** Ping interval; a socket that does not answer a ping within as long is dropped. @default 12000 */
  keepAlive: number;
  /** Who is on the other end of a new socket, from its upgrade request. */
  identify(request: IncomingMessage): { requestId: string; client: string };
  log: Logger;
}

/** Bytes waiting in a socket's buffer beyond which its operations wait for it to drain. */
const SLOW_READER_BYTES = 256 * 1024;

/** The payload graphql-ws serializes in place of a shared result: `send` swaps in the result's bytes. */
const PLACEHOLDER = Object.freeze({});
const PLACEHOLDER_TAIL = ',"type":"next","payload":{}}';

/** Each result's JSON, made once however many sockets it goes to. */
const serialized = new WeakMap<ExecutionResult, string>();

function serializedResult(result: ExecutionResult): string {
  let json = serialized.get(result);
  if (json === undefined) serialized.set(result, (json = JSON.stringify(result)));
  return json;
}

export function serveGraphqlWs<P extends Record<string, unknown>>(
  options: ServerOptions<P, SocketExtra>,
  wsServer: WebSocketServer,
  transport: TransportOptions,
): { dispose(): Promise<void> } {
  /** Per socket: serialized results waiting for their `next` message, by subscription id. */
  const waiting = new WeakMap<WebSocket, Map<string, string>>();
  const server = makeServer<P, SocketExtra>({
    ...options,
    onNext: (ctx, id, payload, args, result) => {
      // Results with errors are formatted per socket (a request id goes into internal errors).
      const share = (replaced: unknown) => {
        if ((replaced && replaced !== result) || result.errors) return replaced as ExecutionResult | undefined;
        let pending = waiting.get(ctx.extra.socket);
        if (!pending) waiting.set(ctx.extra.socket, (pending = new Map()));
        pending.set(id, serializedResult(result as ExecutionResult));
        return PLACEHOLDER;
      };
      const replaced = options.onNext?.(ctx, id, payload, args, result);
      return replaced instanceof Promise ? replaced.then(share) : share(replaced);
    },
  });
  wsServer.options.handleProtocols = handleProtocols;

  const internalError = (socket: WebSocket, error: unknown, what: string) => {
    transport.log.error({ err: error }, what);
    socket.close(CloseCode.InternalServerError, 'Internal server error');
  };

  wsServer.on('error', (error) => {
    transport.log.error({ err: error }, 'WebSocket server error: closing every socket');
    for (const client of wsServer.clients) client.close(CloseCode.InternalServerError, 'Internal server error');
  });

  wsServer.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    socket.once('error', (error: Error & { code?: string }) => {
      // ws has already closed a socket whose frame was over maxPayload (1009): not our error.
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') return;
      internalError(socket, error, 'WebSocket socket error');
    });

    let pongWait: NodeJS.Timeout | undefined;
    const pingInterval = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), transport.keepAlive);
      socket.once('pong', () => clearTimeout(pongWait));
      socket.ping();
    }, transport.keepAlive);

    const { requestId, client } = transport.identify(request);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => {
          if (socket.readyState !== socket.OPEN) return;
          const message = withSharedPayload(data, waiting.get(socket));
          // Backpressure only where it is needed: a reader that keeps up costs no promise and no
          // write callback per message; behind one that does not, its operations wait until this
          // message is written out (and, far enough behind, its subscriptions fail: see PushQueue).
          if (socket.bufferedAmount <= SLOW_READER_BYTES) return socket.send(message);
          return new Promise<void>((resolve) => socket.send(message, () => resolve()));
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', async (message) => {
            try {
              await handle(String(message));
            } catch (error) {
              internalError(socket, error, 'error handling a graphql-ws message');
            }
          }),
      },
      { socket, requestId, client },
    );

    socket.once('close', (code, reason) => {
      clearTimeout(pongWait);
      clearInterval(pingInterval);
      void closed(code, String(reason));
    });
  });

  return {
    async dispose() {
      for (const client of wsServer.clients) client.close(1001, 'Going away');
      wsServer.removeAllListeners();
      await new Promise<void>((resolve, reject) => wsServer.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** A `next` message carrying the placeholder, with the shared bytes in its place. */
function withSharedPayload(data: string, pending: Map<string, string> | undefined): string {
  if (!pending || !data.endsWith(PLACEHOLDER_TAIL)) return data;
  const { id } = JSON.parse(data) as { id: string };
  const json = pending.get(id);
  if (json === undefined) return data;
  pending.delete(id);
  return `{"id":${JSON.stringify(id)},"type":"next","payload":${json}}`;
}
