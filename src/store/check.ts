// `solieu db check`: is the file sound? SQLite's own integrity check, foreign keys, the schema
// version, and whether the search index covers exactly the stored articles.
import Database from 'better-sqlite3';
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

/** Runs every check on a read-only store. Changes nothing and takes no write lock. */
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
    if (store.path !== ':memory:') search.push(...searchTextCheck(store.path));
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
 * Compares the search index with the text it should hold, without a write lock (FTS5's own
 * 'integrity-check' is spelled as an INSERT and would block an ingest run): a fresh index of the
 * same text is built in the temp schema of a read-only connection, then per-article token counts
 * and per-term counts of the two are compared.
 */
function searchTextCheck(path: string): string[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.exec(`
      CREATE VIRTUAL TABLE temp.fts_fresh USING fts5(title, lead, text, tokenize = 'unicode61 remove_diacritics 2');
      INSERT INTO temp.fts_fresh (rowid, title, lead, text) SELECT id, title, lead, text FROM main.articles_fts_content;
      CREATE VIRTUAL TABLE temp.vocab_stored USING fts5vocab(main, articles_fts, row);
      CREATE VIRTUAL TABLE temp.vocab_fresh USING fts5vocab(temp, fts_fresh, row);`);
    const stale = db.prepare(`SELECT s.id FROM main.articles_fts_docsize s JOIN temp.fts_fresh_docsize f ON f.id = s.id
      WHERE f.sz <> s.sz ORDER BY s.id`).pluck().all() as number[];
    const terms = db.prepare(`SELECT COUNT(*) FROM (
      SELECT term, doc, cnt FROM temp.vocab_stored EXCEPT SELECT term, doc, cnt FROM temp.vocab_fresh
      UNION ALL
      SELECT term, doc, cnt FROM temp.vocab_fresh EXCEPT SELECT term, doc, cnt FROM temp.vocab_stored)`).pluck().get() as number;
    const problems: string[] = [];
    if (stale.length) {
      problems.push(`${stale.length} article(s) indexed with other text than they hold (ids ${stale.slice(0, 10).join(', ')}${stale.length > 10 ? ', ...' : ''})`);
    }
    if (terms) problems.push(`${terms} indexed term(s) do not match the article text`);
    return problems;
  } finally {
    db.close();
  }
}
