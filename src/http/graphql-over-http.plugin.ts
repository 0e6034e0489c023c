import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';
import { ErrorCode } from '../errors';

const LEGACY_JSON = 'application/json';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/** Failures of the document or its variables: "the request was well-formed GraphQL over HTTP, the GraphQL was not". */
const DOCUMENT_FAILURES = new Set<unknown>([ErrorCode.GRAPHQL_PARSE_FAILED, ErrorCode.GRAPHQL_VALIDATION_FAILED, ErrorCode.BAD_USER_INPUT]);

/**
 * The GraphQL-over-HTTP spec: a client that accepts only `application/json` (the legacy type)
 * gets 200 for a parse, validation or variable-coercion failure, since status codes there predate
 * the spec; `application/graphql-response+json` gets Apollo's 400. Apollo answers 400 for both.
 */
export const graphqlOverHttpStatus: ApolloServerPlugin = {
  async requestDidStart({ request }) {
    const accept = request.http?.headers.get('accept');
    const legacy = !accept || new Negotiator({ headers: { accept } }).mediaType([LEGACY_JSON, GRAPHQL_RESPONSE_JSON]) === LEGACY_JSON;
    if (!legacy) return;
    return {
      async willSendResponse({ response }) {
        if (response.http.status !== 400 || response.body.kind !== 'single') return;
        const { data, errors } = response.body.singleResult;
        if (data === undefined && errors?.every((e) => DOCUMENT_FAILURES.has(e.extensions?.code))) response.http.status = 200;
      },
    };
  },
};
