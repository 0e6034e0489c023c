import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Admission } from '../admission/admission';
import { sendRefusal } from './graphql-error-response';

/**
 * A request's arrival (Admission.arrive): charged its minimum before its body is read, so a client
 * over budget costs no parsing (the operation's own cost is charged once it is known, see
 * admission.plugin.ts); and a refused token (401, answered before any plugin runs) costs
 * AUTH_FAILURE_COST, so guessing tokens is slow however tokens are checked. Answers 429 and resolves
 * false when the client is over its budget. Shared by the app's route and the fast lane (graphql-post.ts).
 */
export async function admitArrival(admission: Admission, client: string, res: ServerResponse): Promise<boolean> {
  if (!admission.chargesClients) return true;
  const refused = await admission.arrive(client);
  if (!refused) {
    res.once('finish', () => {
      if (res.statusCode === 401) void admission.authenticationFailed(client);
    });
    return true;
  }
  sendRefusal(res, refused);
  return false;
}

/** The app's middleware: `admitArrival`, with the client address kept for the context. */
export function rateLimitRequests(admission: Admission, clientOf: (req: Parameters<RequestHandler>[0]) => string): RequestHandler {
  return (req, res, next) => {
    const client = clientOf(req);
    res.locals.clientAddress = client;
    admitArrival(admission, client, res).then((admitted) => admitted && next(), next);
  };
}
