// Numbered, forward-only migrations, one file each under migrations/. Each runs in one
// transaction; `schema_migrations` records which ran. Never edit a landed migration: add the next.
import { m001 } from './migrations/001-initial.js';
import { m002 } from './migrations/002-research.js';
import { m003 } from './migrations/003-frontier.js';
import { m004 } from './migrations/004-lean-indexes.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [m001, m002, m003, m004].sort((a, b) => a.version - b.version);
