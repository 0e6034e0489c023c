import os from 'node:os';
import type { AuthChecker } from 'type-graphql';
import { ForbiddenError, UnauthenticatedError } from '../errors';

/** What a token lets its holder do. Anonymous callers (no token) may read. */
export enum Role {
  /** Everything: programs, loci, enrolments, and IDM anywhere. */
  ADMIN = 'ADMIN',
  /** Records and retracts IDM assessments of desa inside its scope (province or kabupaten codes). */
  OPERATOR = 'OPERATOR',
}

/** Who is asking, as their token says (see token.ts); built by authenticate.ts for HTTP and WebSocket alike. */
export interface Viewer {
  /** The token's subject ("dinas-pmd-kukar"); null for anonymous. */
  subject: string | null;
  role: Role | null;
  /** Dotted province or kabupaten codes an OPERATOR may write in; empty for others. */
  scope: string[];
  /** The token's id (`jti`), for revocation. */
  tokenId: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ subject: null, role: null, scope: [], tokenId: null }) as Viewer;

/** How a viewer is named in provenance (who recorded a value): `token:<subject>`. */
export function actorOf(viewer: Viewer): string {
  return `token:${viewer.subject ?? 'anonymous'}`;
}

/** How a command is named in provenance: `cli:import:idm:<os user>`. Token subjects cannot start with "cli:". */
export function commandActor(command: string): string {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): the command alone still says what wrote it.
  }
  return `cli:${command}:${user}`;
}

/** The region codes a viewer's writes must stay within; undefined for anywhere (ADMIN). */
export function writeScope(viewer: Viewer): readonly string[] | undefined {
  return viewer.role === Role.OPERATOR ? viewer.scope : undefined;
}

/** Who writes and where they may, as the write path of every index family takes it. */
export function writerOf(viewer: Viewer): { actor: string; scope: readonly string[] | undefined; subject: string | null } {
  return { actor: actorOf(viewer), scope: writeScope(viewer), subject: viewer.subject };
}

/** type-graphql's guard for `@Authorized(...)`: throws coded errors instead of returning false. */
export const authChecker: AuthChecker<{ viewer: Viewer }, Role> = ({ context }, roles) => {
  const { viewer } = context;
  if (viewer.role === null) throw new UnauthenticatedError('This operation needs a token: send it as "Authorization: Bearer <token>" (npm run token mints one).');
  if (roles.length > 0 && !roles.includes(viewer.role)) {
    throw new ForbiddenError(`This operation needs the ${roles.join(' or ')} role; the token of ${viewer.subject} has ${viewer.role}.`);
  }
  return true;
};

declare module '../graphql/context' {
  interface Context {
    /** Who asks: anonymous, or the subject, role and region scope of a verified token. */
    viewer: Viewer;
  }
}
