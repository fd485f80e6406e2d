// `solieu db check`: is the file sound? SQLite's own integrity check, foreign keys, the schema
// version, and whether the search index covers exactly the stored articles.
import Database from 'better-sqlite3';
import { accessSync, constants } from 'node:fs';
import { SCHEMA_VERSION, type Store } from './index.js';

export interface CheckReport {
  schemaVersion: number;
  /** What this solieu expects; older files are migrated by any write command. */
  codeSchemaVersion: number;
  /** `PRAGMA integrity_check` lines other than `ok`. */
  integrity: string[];
  /** `PRAGMA foreign_key_check` rows: a row whose parent is missing. */
  foreignKeys: Array<{ table: string; rowid: number | null; parent: string; fkid: number }>;
  /** Search index problems (articles not indexed, index rows without an article, stale text). */
  search: string[];
  /** Checks that could not run, and why (not problems in the file). */
  skipped: string[];
  ok: boolean;
}

/** Runs every check on a read-only store. Changes nothing. */
export function checkDatabase(store: Store): CheckReport {
  const db = store.db;
  const integrity = (db.prepare('PRAGMA integrity_check').pluck().all() as string[]).filter((l) => l !== 'ok');
  const foreignKeys = db.prepare('PRAGMA foreign_key_check').all() as CheckReport['foreignKeys'];
  const schemaVersion = store.schemaVersion();
  const search: string[] = [];
  const skipped: string[] = [];
  if (schemaVersion >= 2) {
    // Each indexed document has a row in the FTS5 docsize shadow table.
    const missing = db.prepare('SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT id FROM articles_fts_docsize)').pluck().get() as number;
    const orphans = db.prepare('SELECT COUNT(*) FROM articles_fts_docsize WHERE id NOT IN (SELECT id FROM articles)').pluck().get() as number;
    if (missing) search.push(`${missing} article(s) missing from the search index articles_fts`);
    if (orphans) search.push(`${orphans} search index row(s) without an article`);
    const deep = deepSearchCheck(store.path);
    if (deep.problem) search.push(deep.problem);
    if (deep.skipped) skipped.push(deep.skipped);
    if (search.length) search.push(`fix: sqlite3 ${store.path} "INSERT INTO articles_fts(articles_fts) VALUES('rebuild')"`);
  } else {
    skipped.push(`search index: schema version ${schemaVersion} has none (run "solieu db migrate")`);
  }
  return {
    schemaVersion, codeSchemaVersion: SCHEMA_VERSION, integrity, foreignKeys, search, skipped,
    ok: integrity.length === 0 && foreignKeys.length === 0 && search.length === 0,
  };
}

/**
 * FTS5's own comparison of the index with the text it was built from. It is spelled as an INSERT,
 * so it needs a writable connection: it runs in a transaction that is rolled back, and is skipped
 * when the file is not writable.
 */
function deepSearchCheck(path: string): { problem?: string; skipped?: string } {
  try {
    accessSync(path, constants.W_OK);
  } catch {
    return { skipped: 'search index text check: the file is not writable' };
  }
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN');
    try {
      db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)").run();
      return {};
    } catch (e) {
      const err = e as Error & { code?: string };
      if (err.code === 'SQLITE_BUSY') return { skipped: 'search index text check: the database is busy' };
      return { problem: `search index does not match the article text (${err.message})` };
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
    }
  } finally {
    db.close();
  }
}
