// Builders for store tests: articles and figures as the pipeline hands them over, and a database
// left at schema version 1, as solieu 0.1 wrote it.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { m001 } from '../../src/store/migrations/001-initial.js';
import type { ArticleInput } from '../../src/store/index.js';
import type { FigureRecord } from '../../src/types.js';

export const sha = (s: string) => createHash('sha256').update(s).digest('hex');
export const fileHash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

export function figure(o: Partial<FigureRecord> = {}): FigureRecord {
  return {
    text: '539 hộ', start: 3, end: 9, value: 539, unit: 'household', noun: 'hộ nghèo', comparator: '=',
    subject: 'hộ nghèo', indicator: 'poor_households', modality: 'actual', measure: 'level', period: 2023,
    location: 'huyện Bạch Thông', sentence: 'Có 539 hộ nghèo.', sentenceStart: 0, sentenceEnd: 16, rules: { unit: 'test' },
    ...o,
  };
}

export function article(uri: string, o: { title?: string; lead?: string; text?: string; figures?: FigureRecord[];
  outlet?: string; publishedAt?: string; version?: string } = {}): ArticleInput {
  const text = o.text ?? 'Có 539 hộ nghèo.';
  return {
    uri, source: 'test',
    content: { url: uri.startsWith('http') ? uri : undefined, title: o.title, lead: o.lead, text, publishedAt: o.publishedAt, tags: [] },
    figures: o.figures ?? [figure()], relations: [], entities: [],
    format: 'text', raw: text, contentHash: sha(`${uri}|${o.version ?? ''}|${o.title}|${o.lead}|${text}`), textHash: sha(text),
    fetchedAt: '2024-01-01T00:00:00Z', outlet: o.outlet,
  };
}

/** A database with only migration 1 applied, the way an older solieu left it. */
export function makeV1Database(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  db.exec(m001.sql);
  db.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run(m001.name, '2024-01-01T00:00:00Z');
  return db;
}

/** Inserts an article row with plain SQL (no Store), returning its id. */
export function insertArticleSql(db: Database.Database, uri: string, title: string, text: string, lead: string | null = null): number {
  const r = db.prepare(`INSERT INTO articles (uri, url, outlet, title, lead, text, published_at, fetched_at, content_hash,
    text_hash, raw_format, extracted_at) VALUES (?, ?, 'example.vn', ?, ?, ?, '2023-12-13T15:38:00+07:00', '2024-01-01T00:00:00Z',
    ?, ?, 'text', '2024-01-01T00:00:00Z')`).run(uri, uri, title, lead, text, sha(uri + text), sha(text));
  return Number(r.lastInsertRowid);
}

export function insertFigureSql(db: Database.Database, articleId: number, ordinal: number,
  o: { value: number; indicator?: string; location?: string | null; period?: number | null; modality?: string;
    measure?: string; comparator?: string; unit?: string; suspect?: 0 | 1 }): number {
  const r = db.prepare(`INSERT INTO figures (article_id, ordinal, text, start, end, value, unit, comparator, indicator, modality,
    measure, period, location, suspect, sentence, sentence_start, sentence_end, rules_json)
    VALUES (?, ?, ?, 0, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 's', 0, 1, '{}')`).run(articleId, ordinal, String(o.value), o.value,
    o.unit ?? 'percent', o.comparator ?? '=', o.indicator ?? 'poverty_rate', o.modality ?? 'actual', o.measure ?? 'level',
    o.period === undefined ? 2023 : o.period, o.location === undefined ? 'tỉnh Thái Nguyên' : o.location, o.suspect ?? 0);
  return Number(r.lastInsertRowid);
}


/** Statements that would change the database in some way: `solieu query` must refuse each. */
export const WRITES = [
  "INSERT INTO units VALUES ('x', 'other', 'x', 'x', 'x')",
  'UPDATE figures SET value = 0',
  'DELETE FROM figures',
  "REPLACE INTO units VALUES ('VND', 'other', 'x', 'x', 'x')",
  "WITH n AS (SELECT 1) INSERT INTO units SELECT 'y', 'other', 'y', 'y', 'y' FROM n",
  'CREATE TABLE t (x)',
  'CREATE TEMP TABLE t (x)',
  'CREATE INDEX i ON figures(value)',
  'DROP TABLE figures',
  'DROP VIEW v_figures',
  'ALTER TABLE figures ADD COLUMN y',
  "ATTACH 'other.db' AS other",
  "/* sneaky */ -- comment\n attach ':memory:' AS m",
  'DETACH main',
  'PRAGMA journal_mode = DELETE',
  'PRAGMA user_version = 5',
  'PRAGMA main.application_id = 7',
  "VACUUM INTO 'copy.db'",
  'VACUUM',
  'REINDEX',
  'ANALYZE',
  'BEGIN IMMEDIATE',
  "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
];
