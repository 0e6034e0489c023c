import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Context } from '../graphql/context';
import { parseLsn } from '../db/read-routing';

/** The header a mutation's answer carries its WAL position in, and a client may send back. */
export const LSN_HEADER = 'x-desa-lsn';

/** The WAL position a request says it has seen written (`X-Desa-LSN`), if it is one. */
export function readAfterOf(req: IncomingMessage): string | undefined {
  const value = req.headers[LSN_HEADER];
  return typeof value === 'string' && parseLsn(value) !== undefined ? value.trim() : undefined;
}

/** Root fields whose answer must come from the same snapshot as the rest of the operation. */
const SNAPSHOT_FIELDS = new Set(['idmChangeCursor']);

function needsSnapshot(operation: OperationDefinitionNode): boolean {
  return operation.operation === 'query' && operation.selectionSet.selections.some((s) => s.kind === Kind.FIELD && SNAPSHOT_FIELDS.has(s.name.value));
}

/**
 * The consistency rules of README § "Replicas and consistency", over HTTP:
 * - a query that asks for `idmChangeCursor` reads everything in one snapshot (a read-only
 *   REPEATABLE READ transaction), so the cursor is exactly the newest change its data shows,
 *   whichever server answered;
 * - a mutation, once committed, records the primary's WAL position for its writer (write-fences.ts)
 *   and returns it in `X-Desa-LSN`: that writer's next reads, on any instance, show its write.
 */
export function consistencyPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation && needsSnapshot(operation)) contextValue.sql.pinSnapshot();
        },
        async willSendResponse({ operation, contextValue, response }) {
          await contextValue.sql.release();
          if (operation?.operation !== 'mutation') return;
          const { reads, fences } = contextValue.services;
          const lsn = await reads.writePosition().catch(() => undefined);
          if (lsn === undefined) return;
          response.http.headers.set(LSN_HEADER, lsn);
          const subject = contextValue.viewer.subject;
          if (subject !== null) await fences.record(subject, lsn);
        },
      };
    },
  };
}
