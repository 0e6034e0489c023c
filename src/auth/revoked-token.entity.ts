import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A token id (the JWT's `jti`) that no longer authenticates, on any instance, from the moment it is stored. */
@Entity({ tableName: 'revoked_token' })
export class RevokedToken {
  @PrimaryKey({ type: 'text' }) jti!: string;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) revokedAt!: Date;
  /** `cli:token:<os user>` for the command. */
  @Property({ type: 'text' }) revokedBy!: string;
  @Property({ type: 'text', nullable: true }) reason?: string | null;
}
