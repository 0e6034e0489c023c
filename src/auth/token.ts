import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { tryParseCode } from '../region/region-code';
import { Role } from './viewer';

/**
 * Signed tokens: HS256 JWTs with a subject (who), a role and, for operators, a scope of province or
 * kabupaten codes; `jti` is the id `npm run token -- --revoke` takes. Verified here; revocation is
 * checked against the database by authenticate.ts.
 */

const ISSUER = 'desa-cerdas';
const AUDIENCE = 'desa-cerdas-api';
const ALGORITHM = 'HS256';

export interface TokenClaims {
  subject: string;
  role: Role;
  /** Dotted province ("64") or kabupaten ("64.02") codes; empty for ADMIN. */
  scope: string[];
  tokenId: string;
  expiresAt: Date;
}

/** A token that cannot be used, with a sentence saying why. */
export class TokenError extends Error {
  override name = 'TokenError';
}

/** A subject names a person or an office; "cli:" is reserved for commands in provenance. */
const SUBJECT = /^(?!cli:)[A-Za-z0-9][A-Za-z0-9._@:-]{0,99}$/;

const key = (secret: string) => new TextEncoder().encode(secret);

/** "30d", "12h", "15m" or "90s" (or plain seconds) as seconds. */
export function parseTtl(text: string): number {
  const match = /^(\d+)\s*([smhd]?)$/.exec(text.trim());
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 }[match?.[2] ?? ''];
  const seconds = match && unit ? Number(match[1]) * unit : NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0) throw new TokenError(`ttl "${text}" is not a duration such as 90s, 15m, 12h or 30d`);
  return seconds;
}

/** Province or kabupaten codes in dotted form; anything else is refused. */
export function parseScope(codes: readonly string[]): string[] {
  return codes.map((code) => {
    const parsed = tryParseCode(code, 'province') ?? tryParseCode(code, 'kabupaten');
    if (!parsed) throw new TokenError(`scope "${code}" is not a province (64) or kabupaten (64.02) code`);
    return parsed;
  });
}

export async function mintToken(
  secret: string,
  claims: { subject: string; role: Role; scope?: readonly string[]; ttlSeconds: number },
  now: Date = new Date(),
): Promise<{ token: string; tokenId: string; expiresAt: Date }> {
  if (!SUBJECT.test(claims.subject)) throw new TokenError(`subject "${claims.subject}" must be 1–100 letters, digits or . _ @ : - (not starting with "cli:")`);
  const scope = parseScope(claims.scope ?? []);
  if (claims.role === Role.OPERATOR && scope.length === 0) throw new TokenError('an operator token needs a scope: one or more province or kabupaten codes');
  if (claims.role === Role.ADMIN && scope.length > 0) throw new TokenError('an admin token has no scope: it may write anywhere');
  const tokenId = randomUUID();
  const issuedAt = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT({ role: claims.role, scope })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(claims.subject)
    .setJti(tokenId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + claims.ttlSeconds)
    .sign(key(secret));
  return { token, tokenId, expiresAt: new Date((issuedAt + claims.ttlSeconds) * 1000) };
}

/** The claims of a token signed with `secret`, or a TokenError saying what is wrong with it. */
export async function verifyToken(secret: string, token: string, now: Date = new Date()): Promise<TokenClaims> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, key(secret), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['sub', 'jti', 'exp'],
      currentDate: now,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new TokenError(`The token expired at ${new Date(Number(error.payload.exp) * 1000).toISOString()}; ask for a new one.`);
    throw new TokenError('The token sent is not valid: it was not issued by this server or has been altered.');
  }
  const role = payload.role;
  const scope = payload.scope;
  if ((role !== Role.ADMIN && role !== Role.OPERATOR) || !Array.isArray(scope) || !scope.every((c) => typeof c === 'string')) {
    throw new TokenError('The token sent is not valid: it was not issued by this server or has been altered.');
  }
  return { subject: payload.sub!, role, scope: parseScope(scope as string[]), tokenId: payload.jti!, expiresAt: new Date(payload.exp! * 1000) };
}
