import type { IncomingMessage } from 'node:http';
import { getOperationAST, GraphQLError, type DocumentNode, type ExecutionArgs, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import { isRefusal, type Admission, type Viewer } from '../admission/admission';
import type { ContextFactory, Services } from '../graphql/context';
import { createFormatError, ErrorCode, logUnexpectedErrors } from '../errors';
import { requestIdOf } from '../http/request-log';
import type { OperationLimiter } from '../limits/operation-limits';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics/metrics';
import type { SocketExtra as Extra } from './ws-transport';

/** A socket closed for exceeding a per-address limit: RFC 6455's "try again later". */
export const CLOSE_TRY_AGAIN_LATER = 1013;
/** A socket closed for going on past its operation limit after as many refusals: RFC 6455's "policy violation". */
export const CLOSE_POLICY_VIOLATION = 1008;

export interface GraphqlWsDeps {
  schema: GraphQLSchema;
  services: Services;
  createContext: ContextFactory;
  /** Decides each operation: authentication, trusted documents, limits, cost, rate limit. */
  admission: Admission;
  /** The standard validation rules with the limits, cached per document. */
  limiter: OperationLimiter;
  metrics: Metrics;
  log: Logger;
  clientOf: (req: IncomingMessage) => string;
  /** Operations running at once on one socket. */
  maxOperationsPerSocket: number;
  /** graphql-ws's `subscribe` (the shared per-event execution). */
  subscribe: NonNullable<ServerOptions['subscribe']>;
}

type ConnectionParams = Record<string, unknown>;

/** Who is on the other end of a socket: the upgrade request's id and the client address, worked out once. */
export function socketIdentity(clientOf: (req: IncomingMessage) => string) {
  return (req: IncomingMessage) => ({ requestId: requestIdOf(req), client: clientOf(req) });
}

/**
 * graphql-ws's options for this API: `onSubscribe` counts the operations per socket, then asks the
 * admission core (src/admission/admission.ts) as HTTP does: authentication (the connection's token,
 * checked again for each operation), the trusted document, parse (cached, token-limited), the field
 * bound, cost and rate limit; then validates (standard rules plus the limits, cached per document)
 * and hands graphql-ws the document and the context (the one context builder). Every refusal is an
 * `error` message for that operation alone, with `extensions.code` like HTTP's; the socket and its
 * other subscriptions live on.
 */
export function graphqlWsOptions(deps: GraphqlWsDeps): ServerOptions<ConnectionParams, Extra> {
  const { limiter, metrics } = deps;
  const formatError = createFormatError();
  const started = new WeakMap<object, Map<string, number>>();
  const subscriptionDocuments = new WeakMap<DocumentNode, boolean>();
  const refusalsBySocket = new WeakMap<object, number>();
  /** The viewer of each operation, authenticated in onSubscribe, for its context. */
  const viewers = new WeakMap<object, Map<string, Viewer>>();
  const authorizationOf = (params: Record<string, unknown> | undefined) => params?.authorization ?? params?.Authorization;
  const tooMany = new GraphQLError(
    `Too many operations on this socket: at most ${deps.maxOperationsPerSocket} at once (WS_MAX_SUBSCRIPTIONS). Complete some, or combine their filters.`,
    { extensions: { code: ErrorCode.BAD_REQUEST, limit: 'subscriptions', max: deps.maxOperationsPerSocket } },
  );

  const requestIdOfOperation = (extra: Extra, id: string) => `${extra.requestId}:${id}`;
  const format = (errors: readonly GraphQLError[], extra: Extra, id: string): GraphQLFormattedError[] => {
    const requestId = requestIdOfOperation(extra, id);
    logUnexpectedErrors(deps.log, errors, requestId);
    return errors.map((error) => {
      const formatted = formatError(error.toJSON(), error);
      return formatted.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR ? { ...formatted, extensions: { ...formatted.extensions, requestId } } : formatted;
    });
  };
  const isSubscription = (args: ExecutionArgs) => {
    let known = subscriptionDocuments.get(args.document);
    if (known === undefined) subscriptionDocuments.set(args.document, (known = getOperationAST(args.document, args.operationName)?.operation === 'subscription'));
    return known;
  };
  const elapsed = (ctx: object, id: string) => {
    const t = started.get(ctx)?.get(id);
    started.get(ctx)?.delete(id);
    return t === undefined ? 0 : (performance.now() - t) / 1000;
  };

  return {
    schema: deps.schema,
    subscribe: deps.subscribe,
    context: (ctx, id) => {
      const viewer = viewers.get(ctx)?.get(id);
      viewers.get(ctx)?.delete(id);
      return deps.createContext(deps.services, {
        viewer,
        authorization: authorizationOf(ctx.connectionParams),
        requestId: requestIdOfOperation(ctx.extra, id),
        clientAddress: ctx.extra.client,
        readFromPrimary: true,
      });
    },
    // A token in connection_init that is malformed, expired or revoked (or none, when reads need
    // one) closes the socket with 4403 Forbidden; each operation checks it again (onSubscribe), so
    // a revocation stops new operations on sockets already open.
    onConnect: async (ctx) => {
      return !isRefusal(await deps.admission.authenticate(authorizationOf(ctx.connectionParams)));
    },
    onSubscribe: async (ctx, id, payload) => {
      let times = started.get(ctx);
      if (!times) started.set(ctx, (times = new Map()));
      times.set(id, performance.now());
      // graphql-ws has already registered this id, so the count includes it.
      if (Object.keys(ctx.subscriptions).length > deps.maxOperationsPerSocket) {
        metrics.refusedBy('ws_operations');
        // Refusing costs little, but 10,000 refusals in one burst still hold the event loop for
        // half a second: a client that goes on after as many refusals as its limit is cut off.
        const refusals = (refusalsBySocket.get(ctx) ?? 0) + 1;
        refusalsBySocket.set(ctx, refusals);
        if (refusals > deps.maxOperationsPerSocket) {
          cutOff(ctx.extra.socket, CLOSE_POLICY_VIOLATION, `Too many operations refused (limit ${deps.maxOperationsPerSocket} at once)`);
          return [tooMany];
        }
        return [tooMany];
      }
      const decision = await deps.admission.admit({
        client: ctx.extra.client,
        authorization: authorizationOf(ctx.connectionParams),
        params: payload,
        operationName: payload.operationName,
        variables: payload.variables,
      });
      if (isRefusal(decision)) {
        if (decision.error.extensions.code === ErrorCode.RATE_LIMITED) metrics.refusedBy('rate');
        return [decision.error];
      }
      // The standard rules and the other limits (cached per document), then graphql-ws runs it with
      // the context above.
      const errors = limiter.validate(deps.schema, decision.document!);
      if (errors.length > 0) return [...errors];
      let ofSocket = viewers.get(ctx);
      if (!ofSocket) viewers.set(ctx, (ofSocket = new Map()));
      ofSocket.set(id, decision.viewer);
      return { schema: deps.schema, document: decision.document!, operationName: payload.operationName, variableValues: payload.variables };
    },
    onOperation: (ctx, id, payload) => {
      metrics.subscriptions.inc();
      metrics.observe('ws', payload.operationName, undefined, elapsed(ctx, id));
    },
    onComplete: () => {
      metrics.subscriptions.dec();
    },
    onNext: (ctx, id, _payload, args, result) => {
      if (isSubscription(args)) metrics.eventsDelivered.inc();
      if (!result.errors) return result;
      return { ...result, errors: format(result.errors, ctx.extra, id) };
    },
    onError: (ctx, id, payload, errors) => {
      const formatted = format(errors, ctx.extra, id);
      metrics.observe('ws', payload.operationName, formatted[0]?.extensions?.code, elapsed(ctx, id));
      return formatted;
    },
  };
}

/**
 * Handles nothing more on the socket, then closes it with `code`: every message the client already
 * sent would otherwise still be handled while the close handshake runs. The socket goes on reading
 * (and dropping) them, so the client's close frame behind them completes the handshake at once; the
 * close waits for this turn of the event loop, so that the refusals already decided reach the client
 * before it. One that never answers the close is ended a second later.
 */
function cutOff(socket: WebSocket, code: number, reason: string): void {
  socket.removeAllListeners('message');
  setImmediate(() => socket.close(code, reason));
  setTimeout(() => socket.terminate(), 1000).unref();
}

/**
 * Sockets per client address: one more than WS_MAX_SOCKETS_PER_ADDRESS, or one from an address over
 * its rate limit, is closed at once with 1013 (try again later) and a reason saying which.
 */
export function limitSockets(wsServer: WebSocketServer, deps: Pick<GraphqlWsDeps, 'clientOf' | 'admission' | 'metrics'> & { maxPerAddress: number }): void {
  const open = new Map<string, number>();
  wsServer.on('connection', (socket: WebSocket, req: IncomingMessage) => {
    const client = deps.clientOf(req);
    const count = (open.get(client) ?? 0) + 1;
    open.set(client, count);
    deps.metrics.sockets.inc();
    // ws closes a socket whose frame is over maxPayload with 1009 by itself; this only counts it.
    socket.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') deps.metrics.refusedBy('ws_frame');
    });
    socket.once('close', () => {
      deps.metrics.sockets.dec();
      const left = (open.get(client) ?? 1) - 1;
      if (left > 0) open.set(client, left);
      else open.delete(client);
    });
    if (count > deps.maxPerAddress) {
      deps.metrics.refusedBy('ws_sockets');
      socket.close(CLOSE_TRY_AGAIN_LATER, `Too many sockets from your address (max ${deps.maxPerAddress})`);
      return;
    }
    // A new socket is charged as a request's arrival.
    void deps.admission.arrive(client).then((refused) => {
      if (!refused) return;
      deps.metrics.refusedBy('rate');
      socket.close(CLOSE_TRY_AGAIN_LATER, `Rate limited: try again in ${refused.retryAfter} s`);
    });
  });
}
