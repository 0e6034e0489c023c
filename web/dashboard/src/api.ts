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

/** Runs a typed query over HTTP POST; GraphQL errors become an ApiError with the first error's code. */
export async function query<R, V>(document: TypedDocumentString<R, V>, variables: V, signal?: AbortSignal): Promise<R> {
  const response = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: document.toString(), variables }),
    signal,
  });
  const body = (await response.json()) as { data?: R; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new ApiError(body.errors[0]!.message, body.errors[0]!.extensions?.code);
  if (!body.data) throw new ApiError(`The API answered ${response.status} without data`);
  return body.data;
}

/** The CSV export of a village list with the same filter and order as the list on screen. */
export function exportUrl(filter: Record<string, unknown>, orderBy?: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value == null || (Array.isArray(value) && value.length === 0)) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  if (orderBy) params.set('orderBy', orderBy);
  return `/export/villages.csv?${params}`;
}
