import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { isRefusal, type Admission, type Refusal } from '../admission/admission';
import type { TrustedDocuments } from '../admission/trusted-documents';
import { sendRefusal } from './graphql-error-response';

/**
 * GraphQL over HTTP names a persisted document by `documentId` (`sha256:<hex>`), Apollo's APQ by
 * `extensions.persistedQuery.sha256Hash`; Apollo reads neither the first nor, for a hash it has not
 * seen, the second, and the response cache keys texts. So a known document's hash is replaced here
 * by its text, in a POST body or a GET's query string, before the cache and Apollo see the request;
 * then it is cached and admitted like the text itself. An unknown `documentId` goes on as APQ's hash.
 */
export function runByText(documents: TrustedDocuments, params: Record<string, unknown>): void {
  const extensions = isRecord(params.extensions) ? params.extensions : undefined;
  const persisted = isRecord(extensions?.persistedQuery) ? extensions.persistedQuery : undefined;
  const id = params.documentId ?? persisted?.sha256Hash;
  if (id === undefined || id === null) return;
  const source = documents.get(id);
  delete params.documentId;
  if (source === undefined) {
    params.extensions = { ...extensions, persistedQuery: { version: 1, sha256Hash: String(id) } };
    return;
  }
  params.query = source;
  if (persisted) {
    const { persistedQuery: _, ...rest } = extensions!;
    if (Object.keys(rest).length > 0) params.extensions = rest;
    else delete params.extensions;
  }
}

/**
 * The document of an HTTP request, settled in front of the response cache and Apollo (both lanes):
 * a known hash becomes its text (`runByText`), then admission decides whether the document may run.
 * A refusal is answered here, before anything is parsed or served from the cache, except for an
 * ADMIN token: only with credentials is the viewer asked for (a refused token goes on, to be
 * answered 401 as any request with it is).
 */
export async function admitDocument(admission: Admission, authorization: string | undefined, params: Record<string, unknown>): Promise<Refusal | undefined> {
  const documents = admission.documents;
  if (!documents) return undefined;
  runByText(documents, params);
  const named = admission.document(params);
  if (!isRefusal(named) || authorization === undefined) return isRefusal(named) ? named : undefined;
  const viewer = await admission.authenticate(authorization);
  if (isRefusal(viewer)) return undefined;
  const again = admission.document(params, viewer);
  return isRefusal(again) ? again : undefined;
}

/** `admitDocument` on the app's GraphQL route (GETs, and POSTs the fast lane does not take), after the body parser. */
export function documentAdmission(admission: Admission): RequestHandler {
  const answer = async (req: Parameters<RequestHandler>[0]): Promise<Refusal | undefined> => {
    if (req.method === 'POST') return isRecord(req.body) ? admitDocument(admission, req.headers.authorization, req.body) : undefined;
    const url = new URL(req.url, 'http://local');
    const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
    try {
      if (typeof params.extensions === 'string') params.extensions = JSON.parse(params.extensions);
    } catch {
      // Apollo answers malformed extensions itself.
      return undefined;
    }
    const before = JSON.stringify(params);
    const refused = await admitDocument(admission, req.headers.authorization, params);
    if (!refused && JSON.stringify(params) !== before) rewriteSearch(req, params);
    return refused;
  };
  return (req, res, next) => {
    answer(req).then((refused) => (refused ? sendRefusal(res, refused) : next()), next);
  };
}

/** Puts `params` back as the request's query string, where Express (req.query) and Apollo read it. */
function rewriteSearch(req: IncomingMessage, params: Record<string, unknown>): void {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  req.url = `${req.url!.split('?')[0]}?${search}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
