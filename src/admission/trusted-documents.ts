import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { GraphQLError } from 'graphql';
import { LRUCache } from 'lru-cache';
import { ConfigError } from '../config';
import { ErrorCode } from '../errors';

/**
 * TRUSTED_DOCUMENTS: the documents a deployment's frontends send, and nothing else, as Apollo's
 * safelisting, GraphQL Yoga's trusted documents and Hasura's allow-lists let operators close the
 * door to documents nobody wrote. The manifest is the JSON that graphql-codegen's client preset
 * writes with `persistedDocuments: true` (persisted-documents.json): `{ "sha256:<hex>": "<document>" }`
 * (older versions write the bare hex; both are read). `npm run build` writes the dashboard's to
 * dist/dashboard/persisted-documents.json.
 *
 * A request names a trusted document by its hash, as GraphQL over HTTP's persisted documents do
 * (`documentId`, https://github.com/graphql/graphql-over-http/blob/main/spec/Appendix%20A%20--%20Persisted%20Documents.md)
 * or as Apollo's APQ does (`extensions.persistedQuery.sha256Hash`), or sends the text itself, which
 * is admitted when its sha256 is in the manifest (byte for byte: the text the client preset prints).
 */

/** Which document a request names, and whether the manifest holds it. */
export interface Resolved {
  /** The document to run, when the manifest holds it. */
  source?: string;
  /** The request named it by hash (so its text, if it sent one, is not what runs). */
  byHash?: boolean;
  /** What the request named: a hash that is not in the manifest, a text whose hash is not, or nothing. */
  missing?: { hash: string; named: 'hash' | 'text' } | { named: 'nothing' };
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The bare lowercase hex of `sha256:<hex>` or `<hex>`; undefined for anything else. */
function hexOf(id: unknown): string | undefined {
  if (typeof id !== 'string') return undefined;
  const hex = (id.startsWith('sha256:') ? id.slice('sha256:'.length) : id).toLowerCase();
  return SHA256_HEX.test(hex) ? hex : undefined;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class TrustedDocuments {
  private readonly byHash = new Map<string, string>();
  /** Texts seen and their hash: a dashboard sends the same few texts all day. */
  private readonly hashes = new LRUCache<string, string>({ max: 2000 });

  /**
   * @param manifests hash → document, as graphql-codegen writes it, each with the file that named it.
   * @param enforced Only these documents run (TRUSTED_DOCUMENTS). Not enforced, they are only known
   *   by hash: the dashboard's own, so that it can send hashes to a server that runs any document.
   */
  constructor(
    manifests: { file: string; manifest: Record<string, unknown> }[],
    readonly enforced: boolean,
  ) {
    for (const { file, manifest } of manifests) {
      for (const [key, document] of Object.entries(manifest)) {
        const hex = hexOf(key);
        if (hex === undefined || typeof document !== 'string') throw new ConfigError(`${file}: "${key}" is not a sha256 hash of a document (expected { "sha256:<hex>": "<document>" })`);
        // A hash that is not its document's would let one document run under another's name.
        if (sha256Hex(document) !== hex) throw new ConfigError(`${file}: the document under "${key}" has another sha256 (${sha256Hex(document)}): write the manifest again`);
        this.byHash.set(hex, document);
      }
    }
  }

  /** Reads manifest files; throws a ConfigError naming the file when one cannot be used. */
  static load(files: readonly string[], options: { enforced: boolean }): TrustedDocuments {
    const manifests = files.map((file) => {
      let manifest: unknown;
      try {
        manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        throw new ConfigError(`Invalid setting TRUSTED_DOCUMENTS: ${file} cannot be read as JSON (${(error as Error).message})`);
      }
      if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) throw new ConfigError(`Invalid setting TRUSTED_DOCUMENTS: ${file} must hold a JSON object of sha256 hash → document`);
      return { file, manifest: manifest as Record<string, unknown> };
    });
    return new TrustedDocuments(manifests, options.enforced);
  }

  get size(): number {
    return this.byHash.size;
  }

  /** The trusted document a hash names (`sha256:<hex>` or `<hex>`). */
  get(id: unknown): string | undefined {
    const hex = hexOf(id);
    return hex === undefined ? undefined : this.byHash.get(hex);
  }

  /** Whether a document text is in the manifest. */
  holds(text: string): boolean {
    let hex = this.hashes.get(text);
    if (hex === undefined) this.hashes.set(text, (hex = sha256Hex(text)));
    return this.byHash.has(hex);
  }

  /** The document a request names by `documentId`, by `extensions.persistedQuery.sha256Hash`, or by its text. */
  resolve(params: { query?: unknown; documentId?: unknown; extensions?: unknown }): Resolved {
    const id = hashNamed(params);
    if (id !== undefined && id !== null) {
      const source = this.get(id);
      return source !== undefined ? { source, byHash: true } : { missing: { hash: String(id), named: 'hash' } };
    }
    if (typeof params.query === 'string' && params.query !== '') {
      return this.holds(params.query) ? { source: params.query } : { missing: { hash: `sha256:${this.hashes.get(params.query)}`, named: 'text' } };
    }
    return { missing: { named: 'nothing' } };
  }

  /** The refusal for a request whose document is not in the manifest: what to do about it. */
  refusal(resolved: Resolved): GraphQLError {
    return documentRefusal(resolved.missing ?? { named: 'nothing' }, this.enforced);
  }
}

/** How a request names a document by hash: `documentId`, or `extensions.persistedQuery.sha256Hash`. */
export function hashNamed(params: { documentId?: unknown; extensions?: unknown }): unknown {
  return params.documentId ?? persistedQueryHash(params.extensions);
}

/**
 * The refusal of a document the server does not hold, saying what to do: with TRUSTED_DOCUMENTS
 * (`enforced`) register it; else send the text.
 */
export function documentRefusal(missing: NonNullable<Resolved['missing']>, enforced: boolean): GraphQLError {
  const register =
    `Register it: add the document to the client's persisted-documents manifest (graphql-codegen's client preset with persistedDocuments: true writes one), ` +
    `deploy that with the server in TRUSTED_DOCUMENTS, and send its hash as documentId. An ADMIN token may send any document.`;
  if (missing.named === 'hash') {
    return new GraphQLError(
      enforced
        ? `This server runs only trusted documents (TRUSTED_DOCUMENTS), and none has the hash ${missing.hash}. ${register}`
        : `This server knows no document with the hash ${missing.hash}: send the document itself as query.`,
      { extensions: { code: ErrorCode.PERSISTED_QUERY_NOT_FOUND, documentId: missing.hash } },
    );
  }
  if (missing.named === 'text') {
    return new GraphQLError(`This server runs only trusted documents (TRUSTED_DOCUMENTS), and this one (${missing.hash}) is not among them. ${register}`, {
      extensions: { code: ErrorCode.OPERATION_NOT_TRUSTED, documentId: missing.hash },
    });
  }
  return new GraphQLError(`Send a trusted document's hash as documentId (or the document as query). ${register}`, { extensions: { code: ErrorCode.BAD_REQUEST } });
}

/** `extensions.persistedQuery.sha256Hash`, when the extensions hold one. */
function persistedQueryHash(extensions: unknown): unknown {
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  const persisted = (extensions as { persistedQuery?: unknown }).persistedQuery;
  return typeof persisted === 'object' && persisted !== null ? (persisted as { sha256Hash?: unknown }).sha256Hash : undefined;
}
