/**
 * SQL statements run on behalf of one GraphQL operation (reported as `extensions.sql`). Each
 * operation's context carries its own: the read pool's session and the ORM fork of the context add
 * to it, so nothing tracks the operation through async hooks (which cost ~20% of a request's CPU).
 */
export interface QueryStats {
  statements: number;
  ms: number;
}

export function recordStatement(stats: QueryStats | undefined, ms: number): void {
  if (stats) {
    stats.statements += 1;
    stats.ms += ms;
  }
}
