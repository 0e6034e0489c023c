import { timingSafeEqual } from 'node:crypto';
import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors';

/** Who is asking. Until roles arrive there is one privileged role, held by the static admin token. */
export enum Role {
  ADMIN = 'ADMIN',
}

export interface Viewer {
  roles: Role[];
  /** True when a token was sent, valid or not (to tell "log in" from "your token is wrong"). */
  presentedToken: boolean;
}

/**
 * The same credentials for HTTP (`Authorization` header) and WebSocket (`authorization` in the
 * connection_init payload): `Bearer <token>`.
 */
export function viewerFromAuthorization(authorization: unknown, adminToken: string): Viewer {
  if (typeof authorization !== 'string' || authorization.trim() === '') return { roles: [], presentedToken: false };
  const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  const token = match?.[1] ?? '';
  const a = Buffer.from(token);
  const b = Buffer.from(adminToken);
  const isAdmin = a.length === b.length && timingSafeEqual(a, b);
  return { roles: isAdmin ? [Role.ADMIN] : [], presentedToken: true };
}

/** type-graphql's guard for `@Authorized(...)`: throws coded errors instead of returning false. */
export const authChecker: AuthChecker<{ viewer: Viewer }, Role> = ({ context }, roles) => {
  const { viewer } = context;
  if (viewer.roles.length === 0) {
    throw new UnauthenticatedError(
      viewer.presentedToken ? 'The token sent is not valid; send the admin token as "Authorization: Bearer <token>"' : undefined,
    );
  }
  if (roles.length > 0 && !roles.some((role) => viewer.roles.includes(role))) throw new ForbiddenError();
  return true;
};
