import { decodeJwt } from 'jose';
import { withSql } from '../db/sql';
import { mintToken, parseScope, TokenError } from './token';
import { commandActor, type Role } from './viewer';

/**
 * What `npm run token` does against the database: mint a token whose scope names regions the
 * register has, and revoke one by its id. A revoked id is a row in revoked_token, which every
 * instance checks on every request that presents a token.
 */

export async function mintScopedToken(
  databaseUrl: string,
  secret: string,
  claims: { subject: string; role: Role; scope: string[]; ttlSeconds: number },
): Promise<{ token: string; tokenId: string; expiresAt: Date; scopeNames: string[] }> {
  const scope = parseScope(claims.scope);
  const found = await withSql(databaseUrl, 'desa-cerdas-token', (sql) =>
    sql.query<{ code: string; name: string }>(
      `select code, name from province where code = any($1::text[]) union all select code, name from kabupaten where code = any($1::text[])`,
      [scope],
    ),
  );
  const names = new Map(found.map((r) => [r.code, r.name]));
  const unknown = scope.filter((code) => !names.has(code));
  if (unknown.length) throw new TokenError(`scope ${unknown.join(', ')} is not a province or kabupaten of the register`);
  const minted = await mintToken(secret, { ...claims, scope });
  return { ...minted, scopeNames: scope.map((code) => `${names.get(code)} (${code})`) };
}

/** Revokes a token by its id (`jti`), or by the token itself; revoking twice keeps the first time. */
export async function revokeToken(databaseUrl: string, idOrToken: string, reason: string | null): Promise<{ tokenId: string; revokedAt: Date }> {
  const tokenId = tokenIdOf(idOrToken.trim());
  return withSql(databaseUrl, 'desa-cerdas-token', (sql) =>
    sql.transaction(async (client) => {
      await client.query(`insert into revoked_token (jti, revoked_by, reason) values ($1, $2, $3) on conflict (jti) do nothing`, [tokenId, commandActor('token'), reason]);
      const { rows } = await client.query<{ revoked_at: Date }>(`select revoked_at from revoked_token where jti = $1`, [tokenId]);
      return { tokenId, revokedAt: rows[0]!.revoked_at };
    }),
  );
}

function tokenIdOf(idOrToken: string): string {
  if (idOrToken.split('.').length === 3) {
    // Anyone may take a token out of service, so its signature need not be checked to revoke it.
    let jti: unknown;
    try {
      jti = decodeJwt(idOrToken).jti;
    } catch {
      throw new TokenError('--revoke takes a token id (jti) or a token; this is neither');
    }
    if (typeof jti !== 'string') throw new TokenError('the token has no id (jti) to revoke');
    return jti;
  }
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrToken)) throw new TokenError(`"${idOrToken}" is not a token id (a UUID such as 1b4e28ba-2fa1-11d2-883f-0016d3cca427)`);
  return idOrToken.toLowerCase();
}
