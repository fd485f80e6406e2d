// Read-only access for researchers: `solieu query`, `search`, `export`, `stats` open the database
// through here. Three locks, any one of which is enough: the file is opened read-only, the
// connection has `PRAGMA query_only`, and a statement SQLite says would write is refused before it
// runs. ATTACH, DETACH and VACUUM are refused by name: SQLite calls ATTACH read-only, and
// VACUUM INTO creates a file even when it then fails.
import { existsSync } from 'node:fs';
import { SolieuError, StoreError } from '../errors.js';
import { openStore, type Store } from './index.js';
import type { Row } from './rows.js';

/** The statement is not one `solieu query` runs (bad SQL or a write): exit 2, nothing changed. */
export class QueryError extends SolieuError {
  constructor(message: string, code = 'E_QUERY', options?: { cause?: unknown }) {
    super(message, code, 'stop', options);
  }
}

/** Opens an existing database read-only, with `query_only` on. Never migrates. */
export function openReader(path: string, options: { busyTimeoutMs?: number } = {}): Store {
  if (!existsSync(path)) {
    throw new StoreError(`database not found: ${path} (run "solieu ingest" first, or pass --db FILE)`, 'E_STORE_MISSING');
  }
  const store = openStore(path, { readonly: true, busyTimeoutMs: options.busyTimeoutMs });
  store.db.pragma('query_only = ON');
  return store;
}

/** Fails clearly when a read-only command needs a newer schema than the file has. */
export function requireSchema(store: Store, version: number, feature: string): void {
  const v = store.schemaVersion();
  if (v < version) {
    throw new StoreError(
      `${feature} needs database schema version ${version}, but ${store.path} has version ${v}: ` +
      `run "solieu db migrate --db ${store.path}" to upgrade it (this writes to the file)`,
      'E_SCHEMA_OLDER',
    );
  }
}

export interface PreparedQuery {
  /** Column names in order; empty for a statement that returns no rows. */
  columns: string[];
  /** Rows as arrays in column order. Iterate once. */
  rows(): IterableIterator<Row>;
}

/** The first keyword of a statement, after comments and whitespace. */
export function firstKeyword(sql: string): string {
  const rest = sql.replace(/^(\s+|--[^\n]*(\n|$)|\/\*[\s\S]*?(\*\/|$))*/, '');
  return (/^[A-Za-z]+/.exec(rest)?.[0] ?? '').toUpperCase();
}

const REFUSED = new Set(['ATTACH', 'DETACH', 'VACUUM']);

/** SQLite's error, as a QueryError the CLI reports with exit 2. */
export function toQueryError(e: unknown): Error {
  if (e instanceof SolieuError) return e;
  const err = e as Error & { code?: string };
  if (err instanceof RangeError && /more than one statement/.test(err.message)) {
    return new QueryError('one statement at a time, please: the SQL holds more than one', 'E_QUERY_SQL', { cause: e });
  }
  if (err.code === 'SQLITE_BUSY' || err.code === 'SQLITE_LOCKED') {
    return new StoreError(`database is busy: ${err.message}`, 'E_STORE_BUSY', { cause: e });
  }
  if (typeof err.code === 'string' && err.code.startsWith('SQLITE_READONLY')) {
    return new QueryError(`read-only: ${err.message}; nothing was changed`, 'E_QUERY_WRITE', { cause: e });
  }
  if (typeof err.code === 'string' && err.code.startsWith('SQLITE')) {
    return new QueryError(`SQL error: ${err.message}`, 'E_QUERY_SQL', { cause: e });
  }
  return err;
}

function* translated(start: () => IterableIterator<unknown>): IterableIterator<Row> {
  try {
    yield* start() as IterableIterator<Row>;
  } catch (e) {
    throw toQueryError(e);
  }
}

/**
 * Prepares one statement on a read-only connection, refusing anything that would write.
 * Throws QueryError (E_QUERY_WRITE or E_QUERY_SQL) before running anything.
 */
export function prepareQuery(store: Store, sql: string, params: unknown[] = []): PreparedQuery {
  if (!sql.trim()) throw new QueryError('empty SQL statement', 'E_QUERY_SQL');
  const keyword = firstKeyword(sql);
  if (REFUSED.has(keyword)) {
    throw new QueryError(`solieu query is read-only: ${keyword} is not allowed; nothing was changed`, 'E_QUERY_WRITE');
  }
  let stmt;
  try {
    stmt = store.db.prepare(sql);
  } catch (e) {
    throw toQueryError(e);
  }
  if (!stmt.readonly) {
    throw new QueryError(
      `solieu query is read-only: this ${keyword || 'statement'} would change the database; nothing was changed`,
      'E_QUERY_WRITE',
    );
  }
  if (!stmt.reader) {
    // BEGIN, COMMIT, PRAGMA settings of this connection: harmless, and they return nothing.
    return {
      columns: [],
      rows: () => {
        try { stmt.run(...params); } catch (e) { throw toQueryError(e); }
        return [][Symbol.iterator]();
      },
    };
  }
  const columns = stmt.columns().map((c) => c.name);
  return { columns, rows: () => translated(() => stmt.raw(true).iterate(...params)) };
}
