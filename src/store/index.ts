// The SQLite store: records in, rows out. It knows the schema, not the extraction rules.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { StoreError } from '../errors.js';
import type { EntityMention, FigureRecord, FigureRelation, ProcessedArticle } from '../types.js';
import { MIGRATIONS } from './migrations.js';

export interface ArticleInput extends ProcessedArticle {
  format: 'html' | 'text';
  raw: Buffer | string;
  /** `raw` already gzip-compressed (done on a worker thread); stored as given. */
  rawGzip?: Buffer;
  /** Content-Type header of the raw page, if it came over HTTP. */
  contentType?: string;
  /** extractionHash (process.ts) of figures, relations and entities. */
  extractionHash?: string;
  contentHash: string;
  textHash: string;
  fetchedAt: string;
  etag?: string;
  lastModified?: string;
  outlet?: string;
}

export type SaveOutcome = 'new' | 'updated' | 'unchanged';

export interface RunCounts {
  articlesNew: number;
  articlesUpdated: number;
  articlesUnchanged: number;
  articlesFailed: number;
  figures: number;
  entities: number;
}

export interface RunError {
  uri: string;
  code: string;
  message: string;
}

export interface OpenOptions {
  readonly?: boolean;
  /** Milliseconds to wait for a writer's lock before failing. */
  busyTimeoutMs?: number;
}

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** Entities a store remembers having written; past this it starts again (an upsert too many, no more). */
export const WRITTEN_ENTITIES_MAX = 10_000;

export class Store {
  readonly db: Database.Database;
  readonly path: string;

  private readonly statements = new Map<string, Database.Statement>();
  /**
   * Units and entities this connection has written, so an article's 25 figures and 25 entity
   * mentions do not each upsert their unit or entity again. Rows written in a transaction that rolls
   * back are gone, so a rollback forgets them all (forgetWritten).
   */
  private readonly writtenUnits = new Set<string>();
  private readonly writtenEntities = new Map<string, number>();

  /** Prepared once per connection: re-preparing per article costs ~10% of insert time. */
  prepared(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  constructor(path: string, options: OpenOptions = {}) {
    this.path = path;
    if (!options.readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    try {
      this.db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    } catch (e) {
      throw new StoreError(`cannot open database ${path}: ${(e as Error).message}`, 'E_STORE_OPEN', { cause: e });
    }
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    this.db.pragma('foreign_keys = ON');
    if (!options.readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      // Writers keep savepoint journals in memory (every article is a savepoint of ingest's batch) and
      // a bigger page cache (8 MB, not 2), so a batch spills less to disk before its commit.
      this.db.pragma('temp_store = MEMORY');
      this.db.pragma('cache_size = -8192');
      // Checkpoint every 32 MB of WAL instead of 4: a batch rewrites the same index and FTS pages, and a
      // checkpoint copies each once however often it changed.
      this.db.pragma('wal_autocheckpoint = 8192');
      this.migrate();
    } else {
      this.checkVersion();
    }
  }

  /** Current schema version of the file (0 for a new database). */
  schemaVersion(): number {
    const has = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_migrations'").get();
    if (!has) return 0;
    const row = this.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    return row.v ?? 0;
  }

  private checkVersion(): number {
    const v = this.schemaVersion();
    if (v > SCHEMA_VERSION) {
      throw new StoreError(
        `database ${this.path} has schema version ${v}, newer than this solieu knows (${SCHEMA_VERSION}); upgrade solieu`,
        'E_SCHEMA_NEWER',
      );
    }
    return v;
  }

  /** Applies pending migrations, each in its own transaction. */
  migrate(): void {
    this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const current = this.checkVersion();
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(m.version, m.name, new Date().toISOString());
      })();
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  sourceId(name: string, kind: string, config: unknown): number {
    this.prepared(`INSERT INTO sources (name, kind, config_json) VALUES (?, ?, ?)
      ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, config_json = excluded.config_json`)
      .run(name, kind, JSON.stringify(config));
    return (this.prepared('SELECT id FROM sources WHERE name = ?').get(name) as { id: number }).id;
  }

  beginRun(command: string): number {
    const r = this.prepared("INSERT INTO runs (started_at, status, command) VALUES (?, 'running', ?)")
      .run(new Date().toISOString(), command);
    return Number(r.lastInsertRowid);
  }

  finishRun(runId: number, status: 'ok' | 'partial' | 'failed' | 'interrupted', counts: RunCounts, errors: RunError[]): void {
    this.prepared(`UPDATE runs SET finished_at = ?, status = ?, articles_new = ?, articles_updated = ?,
      articles_unchanged = ?, articles_failed = ?, figures = ?, entities = ?, errors_json = ? WHERE id = ?`)
      .run(new Date().toISOString(), status, counts.articlesNew, counts.articlesUpdated, counts.articlesUnchanged,
        counts.articlesFailed, counts.figures, counts.entities, JSON.stringify(errors), runId);
  }

  recordItem(runId: number, source: string, uri: string, outcome: string, articleId?: number, error?: { code: string; message: string }): void {
    this.prepared(`INSERT INTO run_items (run_id, source, uri, outcome, article_id, error_code, error, at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(runId, source, uri, outcome, articleId ?? null, error?.code ?? null, error?.message ?? null, new Date().toISOString());
  }

  /** The stored article for a URI, if any. */
  findArticle(uri: string): { id: number; contentHash: string; etag: string | null; lastModified: string | null } | undefined {
    const row = this.prepared('SELECT id, content_hash, etag, last_modified FROM articles WHERE uri = ?').get(uri) as
      { id: number; content_hash: string; etag: string | null; last_modified: string | null } | undefined;
    return row && { id: row.id, contentHash: row.content_hash, etag: row.etag, lastModified: row.last_modified };
  }

  /** An article with the same body text under another URI or canonical URL (dedupe). */
  findDuplicate(uri: string, textHash: string, canonicalUrl?: string): number | undefined {
    const row = this.prepared(`SELECT id FROM articles WHERE uri <> ? AND (text_hash = ? OR (canonical_url IS NOT NULL AND canonical_url = ?)) LIMIT 1`)
      .get(uri, textHash, canonicalUrl ?? null) as { id: number } | undefined;
    return row?.id;
  }

  /**
   * Stores an article with its figures, relations and entity mentions, in one transaction.
   * Same URI and same content hash: nothing changes. Changed content: old rows are replaced.
   */
  saveArticle(input: ArticleInput, sourceId?: number): { outcome: SaveOutcome; articleId: number } {
    const existing = this.findArticle(input.uri);
    if (existing && existing.contentHash === input.contentHash) return { outcome: 'unchanged', articleId: existing.id };
    const write = this.db.transaction(() => {
      const c = input.content;
      const raw = input.rawGzip ?? gzipSync(typeof input.raw === 'string' ? Buffer.from(input.raw, 'utf8') : input.raw);
      const now = new Date().toISOString();
      const values = [
        sourceId ?? null, input.uri, c.url ?? null, c.canonicalUrl ?? null, input.outlet ?? c.siteName ?? null,
        c.title ?? null, c.lead ?? null, c.text, c.section ?? null, c.author ?? null, JSON.stringify(c.tags ?? []),
        c.publishedAt ?? null, c.modifiedAt ?? null, input.fetchedAt, input.contentHash, input.textHash, input.format, raw,
        input.etag ?? null, input.lastModified ?? null, now, input.contentType ?? null, input.extractionHash ?? null,
      ];
      let articleId: number;
      if (existing) {
        articleId = existing.id;
        this.prepared('DELETE FROM figures WHERE article_id = ?').run(articleId);
        this.prepared('DELETE FROM entity_mentions WHERE article_id = ?').run(articleId);
        this.prepared(`UPDATE articles SET source_id=?, uri=?, url=?, canonical_url=?, outlet=?, title=?, lead=?, text=?,
          section=?, author=?, tags_json=?, published_at=?, modified_at=?, fetched_at=?, content_hash=?, text_hash=?,
          raw_format=?, raw_page=?, etag=?, last_modified=?, extracted_at=?, content_type=?, extraction_hash=? WHERE id = ?`).run(...values, articleId);
      } else {
        const r = this.prepared(`INSERT INTO articles (source_id, uri, url, canonical_url, outlet, title, lead, text,
          section, author, tags_json, published_at, modified_at, fetched_at, content_hash, text_hash, raw_format, raw_page,
          etag, last_modified, extracted_at, content_type, extraction_hash) VALUES (${values.map(() => '?').join(',')})`).run(...values);
        articleId = Number(r.lastInsertRowid);
      }
      this.insertExtraction(articleId, input.figures, input.relations, input.entities);
      return articleId;
    });
    const articleId = this.forgettingOnError(write);
    return { outcome: existing ? 'updated' : 'new', articleId };
  }

  /** Replaces an article's figures and entities (reprocessing from the stored raw page). */
  replaceExtraction(articleId: number, figures: FigureRecord[], relations: FigureRelation[], entities: EntityMention[], extractionHash?: string): void {
    this.forgettingOnError(this.db.transaction(() => {
      this.prepared('DELETE FROM figures WHERE article_id = ?').run(articleId);
      this.prepared('DELETE FROM entity_mentions WHERE article_id = ?').run(articleId);
      this.prepared('UPDATE articles SET extracted_at = ?, extraction_hash = ? WHERE id = ?').run(new Date().toISOString(), extractionHash ?? null, articleId);
      this.insertExtraction(articleId, figures, relations, entities);
    }));
  }

  /** Call after rolling back a transaction this store wrote in: the units and entities it knew may be gone. */
  forgetWritten(): void {
    this.writtenUnits.clear();
    this.writtenEntities.clear();
  }

  private forgettingOnError<T>(write: () => T): T {
    try {
      return write();
    } catch (e) {
      this.forgetWritten();
      throw e;
    }
  }

  private insertExtraction(articleId: number, figures: FigureRecord[], relations: FigureRelation[], entities: EntityMention[]): void {
    const unit = this.prepared(`INSERT OR IGNORE INTO units (code, kind, base_unit, label_vi, label_en) VALUES (?, 'other', ?, ?, ?)`);
    const fig = this.prepared(`INSERT INTO figures (article_id, ordinal, text, start, end, value, value_max, total, unit,
      noun, per, comparator, subject, indicator, modality, measure, period, location, suspect, suspect_reason, sentence,
      sentence_start, sentence_end, rules_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
    const ids: number[] = [];
    figures.forEach((f, i) => {
      if (!this.writtenUnits.has(f.unit)) {
        unit.run(f.unit, f.unit, f.unit, f.unit);
        this.writtenUnits.add(f.unit);
      }
      const r = fig.run(articleId, i, f.text, f.start, f.end, f.value, f.valueMax ?? null, f.total ?? null, f.unit,
        f.noun ?? null, f.per ?? null, f.comparator, f.subject ?? null, f.indicator, f.modality, f.measure, f.period ?? null,
        f.location ?? null, f.suspect ? 1 : 0, f.suspectReason ?? null, f.sentence, f.sentenceStart, f.sentenceEnd,
        JSON.stringify(f.rules));
      ids.push(Number(r.lastInsertRowid));
    });
    const rel = this.prepared('INSERT INTO figure_relations (parent_id, child_id, kind, check_result, detail) VALUES (?,?,?,?,?)');
    for (const r of relations) {
      if (ids[r.parent] === undefined || ids[r.child] === undefined) continue;
      rel.run(ids[r.parent], ids[r.child], r.kind, r.check, r.detail ?? null);
    }
    const ent = this.prepared(`INSERT INTO entities (kind, canonical, level, parent, code, data_json) VALUES (?,?,?,?,?,?)
      ON CONFLICT(kind, canonical) DO UPDATE SET level = COALESCE(entities.level, excluded.level),
        parent = COALESCE(entities.parent, excluded.parent), code = COALESCE(entities.code, excluded.code)
      RETURNING id`);
    const mention = this.prepared('INSERT INTO entity_mentions (entity_id, article_id, text, start, end, data_json) VALUES (?,?,?,?,?,?)');
    for (const e of entities) {
      const { kind, text, start, end, canonical, level, parent, code, ...rest } = e;
      const data = JSON.stringify(rest);
      // The upsert only fills empty columns, so the same values a second time change nothing.
      const key = `${kind}\0${canonical}\0${level ?? ''}\0${parent ?? ''}\0${code ?? ''}`;
      let id = this.writtenEntities.get(key);
      if (id === undefined) {
        id = (ent.get(kind, canonical, (level as string) ?? null, (parent as string) ?? null, (code as string) ?? null, data) as { id: number }).id;
        // Dates and names keep coming: unbounded, the cache grew ~0.4 KB per article (50 000 articles).
        if (this.writtenEntities.size >= WRITTEN_ENTITIES_MAX) this.writtenEntities.clear();
        this.writtenEntities.set(key, id);
      }
      mention.run(id, articleId, text, start, end, data);
    }
  }

  counts(): { articles: number; figures: number; entities: number; mentions: number } {
    const one = (sql: string) => (this.prepared(sql).get() as { n: number }).n;
    return {
      articles: one('SELECT COUNT(*) AS n FROM articles'),
      figures: one('SELECT COUNT(*) AS n FROM figures'),
      entities: one('SELECT COUNT(*) AS n FROM entities'),
      mentions: one('SELECT COUNT(*) AS n FROM entity_mentions'),
    };
  }
}

/** Opens (and migrates) a solieu database. */
export function openStore(path: string, options?: OpenOptions): Store {
  return new Store(path, options);
}
