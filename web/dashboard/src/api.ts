import type { TypedDocumentString } from './generated/graphql';

/** The API this page was served by: same origin, so no CORS and no third party. */
export const GRAPHQL_URL = new URL('/graphql', location.href).toString();

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** A document's sha256 (`sha256:<hex>`), as codegen's persisted documents give it; the server knows it from the manifest `npm run build` writes. */
export function documentIdOf<R, V>(document: TypedDocumentString<R, V>): string | undefined {
  return document.__meta__?.hash as string | undefined;
}

/** Documents the server did not know by hash (a dashboard newer than the server): sent as text from then on. */
const sendAsText = new Set<string>();

/**
 * Runs a typed query over HTTP POST, by its hash (GraphQL over HTTP's `documentId`), so a server
 * that runs only trusted documents (TRUSTED_DOCUMENTS) runs it; GraphQL errors become an ApiError
 * with the first error's code.
 */
export async function query<R, V>(document: TypedDocumentString<R, V>, variables: V, signal?: AbortSignal): Promise<R> {
  const documentId = documentIdOf(document);
  const byHash = documentId !== undefined && !sendAsText.has(documentId);
  const response = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify(byHash ? { documentId, variables } : { query: document.toString(), variables }),
    signal,
  });
  const body = (await response.json()) as { data?: R; errors?: { message: string; extensions?: { code?: string } }[] };
  const code = body.errors?.[0]?.extensions?.code;
  if (byHash && code === 'PERSISTED_QUERY_NOT_FOUND') {
    sendAsText.add(documentId);
    return query(document, variables, signal);
  }
  if (body.errors?.length) throw new ApiError(body.errors[0]!.message, code);
  if (!body.data) throw new ApiError(`The API answered ${response.status} without data`);
  return body.data;
}

/** The CSV export of a village list with the same filter and order as the list on screen, its rows carrying `index`'s values (IDM when none). */
export function exportUrl(filter: Record<string, unknown>, orderBy?: string | null, index?: string | null): string {
  const params = new URLSearchParams();
  if (index) params.set('index', index);
  for (const [key, value] of Object.entries(filter)) {
    if (value == null || (Array.isArray(value) && value.length === 0)) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  if (orderBy) params.set('orderBy', orderBy);
  return `/export/villages.csv?${params}`;
}
