import { UnauthenticatedError } from '../errors';
import type { Queryable } from '../db/sql';
import { TokenError, verifyToken } from './token';
import { ANONYMOUS, type Viewer } from './viewer';

export interface AuthSettings {
  tokenSecret: string;
  requireTokenForReads: boolean;
}

/**
 * The viewer behind a request's credentials, the same for HTTP (`Authorization` header) and
 * WebSocket (`authorization` in the connection_init payload and again for each operation):
 * `Bearer <token>`. A token that is malformed, expired or revoked is refused outright, whatever the
 * operation; revocation is one indexed lookup, so it holds on every instance from the moment the
 * row is committed.
 */
export async function authenticate(authorization: unknown, settings: AuthSettings, sql: Queryable): Promise<Viewer> {
  if (authorization === undefined || authorization === null || (typeof authorization === 'string' && authorization.trim() === '')) {
    if (settings.requireTokenForReads) throw unauthenticated('This server answers only requests with a token: send it as "Authorization: Bearer <token>".');
    return ANONYMOUS;
  }
  const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization.trim()) : null;
  if (!match) throw unauthenticated('Send the token as "Authorization: Bearer <token>".');
  let claims;
  try {
    claims = await verifyToken(settings.tokenSecret, match[1]!);
  } catch (error) {
    if (error instanceof TokenError) throw unauthenticated(error.message);
    throw error;
  }
  const [revoked] = await sql.query<{ revoked_at: Date }>(`select revoked_at from revoked_token where jti = $1`, [claims.tokenId]);
  if (revoked) throw unauthenticated(`The token ${claims.tokenId} was revoked at ${revoked.revoked_at.toISOString()}; ask for a new one.`);
  return { subject: claims.subject, role: claims.role, scope: claims.scope, tokenId: claims.tokenId };
}

function unauthenticated(message: string): UnauthenticatedError {
  return new UnauthenticatedError(message, { http: { status: 401 } });
}
