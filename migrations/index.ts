import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127211325 } from './Migration20261127211325';
import { Migration20261127220000 } from './Migration20261127220000';
import { Migration20261128010000 } from './Migration20261128010000';
import { Migration20261128020000 } from './Migration20261128020000';
import { Migration20261128100000 } from './Migration20261128100000';
import { Migration20261203100000 } from './Migration20261203100000';
import { Migration20261203120000 } from './Migration20261203120000';
import { Migration20261203120500 } from './Migration20261203120500';
import { Migration20261203130000 } from './Migration20261203130000';
import { Migration20261208100000 } from './Migration20261208100000';
import { Migration20261208120000 } from './Migration20261208120000';
import { Migration20261208130000 } from './Migration20261208130000';

/**
 * Every migration, in order. Listed explicitly so the compiled app, the CLI and jest all run the
 * same set; after `npm run migration:create`, add the new file here.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261127211325', class: Migration20261127211325 },
  { name: 'Migration20261127220000', class: Migration20261127220000 },
  { name: 'Migration20261128010000', class: Migration20261128010000 },
  { name: 'Migration20261128020000', class: Migration20261128020000 },
  { name: 'Migration20261128100000', class: Migration20261128100000 },
  { name: 'Migration20261203100000', class: Migration20261203100000 },
  { name: 'Migration20261203120000', class: Migration20261203120000 },
  { name: 'Migration20261203120500', class: Migration20261203120500 },
  { name: 'Migration20261203130000', class: Migration20261203130000 },
  { name: 'Migration20261208100000', class: Migration20261208100000 },
  { name: 'Migration20261208120000', class: Migration20261208120000 },
  { name: 'Migration20261208130000', class: Migration20261208130000 },
];
