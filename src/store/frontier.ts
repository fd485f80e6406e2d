// The ingestion run's own tables (migration 003): the run lock, crawls and their frontier, the HTTP
// cache, per-source counts and fetch_log. Kept apart from Store, which knows articles and figures.
import type Database from 'better-sqlite3';
import { hostname } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import { StoreError } from '../errors.js';
import type { Store } from './index.js';

export type FrontierState = 'discovered' | 'in_flight' | 'done' | 'failed';

export interface FrontierItem {
  id: number;
  source: string;
  uri: string;
  requestUrl: string;
  listedAt?: string;
  attempts: number;
}

export interface CacheEntry {
  url: string;
  status: number;
  etag?: string;
  lastModified?: string;
  contentType?: string;
  /** Decompressed body, when one was kept (feeds, sitemaps, listing pages, robots.txt). */
  body?: Buffer;
  articleId?: number;
  outcome?: 'stored' | 'duplicate' | 'skipped';
  fetchedAt: string;
}

export interface SourceCounts {
  kind: string;
  discovered: number;
  fetched: number;
  notModified: number;
  new: number;
  updated: number;
  unchanged: number;
  duplicate: number;
  skipped: number;
  failed: number;
  /** Counts by error code: why items failed, were skipped, or were left out at discovery. */
  reasons: { failed: Record<string, number>; skipped: Record<string, number>; dropped: Record<string, number> };
}

export interface LockRow {
  run_id: number | null;
  pid: number;
  hostname: string;
  acquired_at: string;
  heartbeat_at: string;
}

/** A lock whose heartbeat is older than this is stale whoever holds it (the heartbeat beats every 15 s). */
export const LOCK_STALE_MS = 5 * 60_000;
export const HEARTBEAT_MS = 15_000;

const now = () => new Date().toISOString();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stale: its process is gone (same host), or it has not beaten for LOCK_STALE_MS. */
export function lockIsStale(row: LockRow, at = Date.now()): boolean {
  if (at - Date.parse(row.heartbeat_at) > LOCK_STALE_MS) return true;
  return row.hostname === hostname() && !processAlive(row.pid);
}

export class Frontier {
  readonly db: Database.Database;

  constructor(private readonly store: Store) {
    this.db = store.db;
  }

  // ---- run lock ----

  /**
   * Starts a run holding the database's run lock, in one IMMEDIATE transaction (two processes cannot
   * both see it free). A stale lock is taken over and its run marked interrupted.
   */
  beginLockedRun(command: string): { runId: number; tookOver?: LockRow } {
    return this.db.transaction(() => {
      const row = this.store.prepared('SELECT run_id, pid, hostname, acquired_at, heartbeat_at FROM run_lock WHERE id = 1').get() as LockRow | undefined;
      if (row && !lockIsStale(row)) {
        throw new StoreError(
          `database ${this.store.path} is locked by another ingest run (run ${row.run_id ?? '?'}, pid ${row.pid} on ${row.hostname}, ` +
          `since ${row.acquired_at}); wait for it to end. A lock whose process is gone is taken over automatically.`,
          'E_LOCKED',
        );
      }
      if (row) {
        if (row.run_id !== null) {
          this.store.prepared("UPDATE runs SET status = 'interrupted', finished_at = ? WHERE id = ? AND status = 'running'").run(now(), row.run_id);
        }
        this.store.prepared('DELETE FROM run_lock WHERE id = 1').run();
      }
      const runId = this.store.beginRun(command);
      const t = now();
      this.store.prepared('INSERT INTO run_lock (id, run_id, pid, hostname, acquired_at, heartbeat_at) VALUES (1, ?, ?, ?, ?, ?)')
        .run(runId, process.pid, hostname(), t, t);
      return { runId, tookOver: row };
    }).immediate();
  }

  heartbeat(runId: number): void {
    this.store.prepared('UPDATE run_lock SET heartbeat_at = ? WHERE id = 1 AND run_id = ? AND pid = ?').run(now(), runId, process.pid);
  }

  releaseLock(runId: number): void {
    this.store.prepared('DELETE FROM run_lock WHERE id = 1 AND run_id = ? AND pid = ?').run(runId, process.pid);
  }

  // ---- crawls ----

  /**
   * The open crawl to resume (started less than maxAgeMs ago; its in-flight items go back to
   * discovered), or a new one. An older open crawl is closed: tonight's feeds matter more.
   */
  openCrawl(runId: number, maxAgeMs: number): { crawlId: number; resumed: boolean } {
    return this.db.transaction(() => {
      const open = this.store.prepared('SELECT id, started_at FROM crawls WHERE finished_at IS NULL ORDER BY id DESC LIMIT 1').get() as
        { id: number; started_at: string } | undefined;
      if (open && Date.now() - Date.parse(open.started_at) < maxAgeMs) {
        this.store.prepared("UPDATE frontier SET state = 'discovered', updated_at = ? WHERE crawl_id = ? AND state = 'in_flight'").run(now(), open.id);
        return { crawlId: open.id, resumed: true };
      }
      this.store.prepared('UPDATE crawls SET finished_at = ? WHERE finished_at IS NULL').run(now());
      // Frontiers of crawls finished a month ago explain nothing any more.
      this.store.prepared('DELETE FROM crawls WHERE finished_at < ?').run(new Date(Date.now() - 30 * 86400_000).toISOString());
      // Validators of pages not fetched for 90 days: those pages have left the feeds.
      this.store.prepared('DELETE FROM http_cache WHERE fetched_at < ?').run(new Date(Date.now() - 90 * 86400_000).toISOString());
      const r = this.store.prepared('INSERT INTO crawls (run_id, started_at) VALUES (?, ?)').run(runId, now());
      return { crawlId: Number(r.lastInsertRowid), resumed: false };
    }).immediate();
  }

  finishCrawl(crawlId: number): void {
    this.store.prepared('UPDATE crawls SET finished_at = ? WHERE id = ?').run(now(), crawlId);
  }

  isDiscovered(crawlId: number, source: string): boolean {
    return !!this.store.prepared('SELECT 1 FROM crawl_sources WHERE crawl_id = ? AND source = ? AND discovered_at IS NOT NULL').get(crawlId, source);
  }

  /** Adds what a source found (first source wins a URL) and marks its discovery complete; returns how many were new. */
  addDiscovered(crawlId: number, source: string, items: Array<{ key: string; url: string; date?: Date }>, complete: boolean): number {
    return this.db.transaction(() => {
      const ins = this.store.prepared(`INSERT OR IGNORE INTO frontier (crawl_id, source, uri, request_url, listed_at, state, updated_at)
        VALUES (?, ?, ?, ?, ?, 'discovered', ?)`);
      let added = 0;
      const t = now();
      for (const it of items) added += ins.run(crawlId, source, it.key, it.url, it.date?.toISOString() ?? null, t).changes;
      if (complete) {
        this.store.prepared(`INSERT INTO crawl_sources (crawl_id, source, discovered_at) VALUES (?, ?, ?)
          ON CONFLICT(crawl_id, source) DO UPDATE SET discovered_at = excluded.discovered_at`).run(crawlId, source, t);
      }
      return added;
    })();
  }

  /** Items not yet done or failed, of the given sources, in discovery order. */
  pending(crawlId: number, sources: string[]): FrontierItem[] {
    const rows = this.store.prepared(`SELECT id, source, uri, request_url, listed_at, attempts FROM frontier
      WHERE crawl_id = ? AND state IN ('discovered', 'in_flight') ORDER BY id`).all(crawlId) as
      Array<{ id: number; source: string; uri: string; request_url: string; listed_at: string | null; attempts: number }>;
    const keep = new Set(sources);
    return rows.filter((r) => keep.has(r.source)).map((r) => ({
      id: r.id, source: r.source, uri: r.uri, requestUrl: r.request_url, listedAt: r.listed_at ?? undefined, attempts: r.attempts,
    }));
  }

  /** How many items each source has left in the crawl. */
  pendingBySource(crawlId: number): Map<string, number> {
    const rows = this.store.prepared(`SELECT source, COUNT(*) AS n FROM frontier
      WHERE crawl_id = ? AND state IN ('discovered', 'in_flight') GROUP BY source`).all(crawlId) as Array<{ source: string; n: number }>;
    return new Map(rows.map((r) => [r.source, r.n]));
  }

  /**
   * A source's items left in the crawl, in discovery order, read a page at a time: memory stays
   * flat however long the crawl. The + keeps SQLite on the id order (no sort of the whole crawl
   * per page), and no statement stays open across the writes in between.
   */
  *iterate(crawlId: number, source: string, pageSize = 256): Generator<FrontierItem> {
    const page = this.store.prepared(`SELECT id, source, uri, request_url, listed_at, attempts FROM frontier
      WHERE id > ? AND +crawl_id = ? AND +source = ? AND +state IN ('discovered', 'in_flight') ORDER BY id LIMIT ?`);
    let last = 0;
    for (;;) {
      const rows = page.all(last, crawlId, source, pageSize) as Array<{ id: number; source: string; uri: string; request_url: string; listed_at: string | null; attempts: number }>;
      if (!rows.length) return;
      last = rows[rows.length - 1].id;
      for (const r of rows) {
        yield { id: r.id, source: r.source, uri: r.uri, requestUrl: r.request_url, listedAt: r.listed_at ?? undefined, attempts: r.attempts };
      }
    }
  }

  /** A request for this item is starting. */
  start(id: number): void {
    this.store.prepared("UPDATE frontier SET state = 'in_flight', attempts = attempts + 1, updated_at = ? WHERE id = ?").run(now(), id);
  }

  /** Back to discovered (stopped before it was fetched). */
  reset(id: number): void {
    this.store.prepared("UPDATE frontier SET state = 'discovered', updated_at = ? WHERE id = ?").run(now(), id);
  }

  finish(id: number, state: 'done' | 'failed', outcome?: string, error?: { code: string; message: string }): void {
    this.store.prepared('UPDATE frontier SET state = ?, outcome = ?, error_code = ?, error = ?, updated_at = ? WHERE id = ?')
      .run(state, outcome ?? null, error?.code ?? null, error?.message ?? null, now(), id);
  }

  /** Items of the crawl still to fetch. */
  left(crawlId: number): number {
    return (this.store.prepared("SELECT COUNT(*) AS n FROM frontier WHERE crawl_id = ? AND state IN ('discovered', 'in_flight')").get(crawlId) as { n: number }).n;
  }

  // ---- HTTP cache ----

  cacheGet(url: string): CacheEntry | undefined {
    const r = this.store.prepared(`SELECT c.url, c.status, c.etag, c.last_modified, c.content_type, c.body, c.outcome, c.fetched_at,
        a.id AS article_id
      FROM http_cache c LEFT JOIN articles a ON a.id = c.article_id WHERE c.url = ?`).get(url) as {
      url: string; status: number; etag: string | null; last_modified: string | null; content_type: string | null;
      body: Buffer | null; outcome: CacheEntry['outcome'] | null; fetched_at: string; article_id: number | null;
    } | undefined;
    if (!r) return undefined;
    return {
      url: r.url, status: r.status, etag: r.etag ?? undefined, lastModified: r.last_modified ?? undefined,
      contentType: r.content_type ?? undefined, body: r.body ? gunzipSync(r.body) : undefined, articleId: r.article_id ?? undefined,
      outcome: r.outcome ?? undefined, fetchedAt: r.fetched_at,
    };
  }

  cachePut(e: CacheEntry): void {
    this.store.prepared(`INSERT INTO http_cache (url, status, etag, last_modified, content_type, body, article_id, outcome, fetched_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(url) DO UPDATE SET status = excluded.status, etag = excluded.etag, last_modified = excluded.last_modified,
        content_type = excluded.content_type, body = excluded.body, article_id = excluded.article_id, outcome = excluded.outcome,
        fetched_at = excluded.fetched_at`)
      .run(e.url, e.status, e.etag ?? null, e.lastModified ?? null, e.contentType ?? null, e.body ? gzipSync(e.body) : null,
        e.articleId ?? null, e.outcome ?? null, e.fetchedAt);
  }

  // ---- dedupe ----

  /**
   * Another article that is this one: the same body text, or the same canonical URL and title.
   * The title guard matters: some sites point every page's canonical at the home page or a section,
   * and a bare origin is never taken as a canonical.
   */
  findDuplicate(uri: string, textHash: string, canonicalUrl?: string, title?: string): number | undefined {
    const byText = this.store.prepared('SELECT id FROM articles WHERE uri <> ? AND text_hash = ? ORDER BY id LIMIT 1').get(uri, textHash) as { id: number } | undefined;
    if (byText) return byText.id;
    if (!canonicalUrl || !title || /^https?:\/\/[^/]+\/?$/.test(canonicalUrl)) return undefined;
    const byCanon = this.store.prepared('SELECT id FROM articles WHERE uri <> ? AND canonical_url = ? AND title = ? ORDER BY id LIMIT 1')
      .get(uri, canonicalUrl, title) as { id: number } | undefined;
    return byCanon?.id;
  }

  articleRef(id: number): { uri: string; canonicalUrl?: string } | undefined {
    const r = this.store.prepared('SELECT uri, canonical_url FROM articles WHERE id = ?').get(id) as { uri: string; canonical_url: string | null } | undefined;
    return r && { uri: r.uri, canonicalUrl: r.canonical_url ?? undefined };
  }

  /** Gives a stored article a new URI (the canonical copy of a page stored first under another URL). */
  moveArticle(id: number, uri: string): void {
    this.store.prepared('UPDATE articles SET uri = ?, url = ? WHERE id = ?').run(uri, uri, id);
  }

  // ---- run records ----

  logRequest(runId: number, r: { url: string; status?: number; durationMs: number; bytes?: number; error?: string }): void {
    this.store.prepared('INSERT INTO fetch_log (run_id, url, status, duration_ms, bytes, error, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(runId, r.url, r.status ?? null, r.durationMs, r.bytes ?? null, r.error ?? null, now());
  }

  saveSourceCounts(runId: number, source: string, c: SourceCounts): void {
    this.store.prepared(`INSERT OR REPLACE INTO run_sources (run_id, source, kind, discovered, fetched, not_modified, new, updated,
      unchanged, duplicate, skipped, failed, reasons_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(runId, source, c.kind, c.discovered, c.fetched, c.notModified, c.new, c.updated, c.unchanged, c.duplicate, c.skipped,
        c.failed, JSON.stringify(c.reasons));
  }
}

export function emptyCounts(kind: string): SourceCounts {
  return {
    kind, discovered: 0, fetched: 0, notModified: 0, new: 0, updated: 0, unchanged: 0, duplicate: 0, skipped: 0, failed: 0,
    reasons: { failed: {}, skipped: {}, dropped: {} },
  };
}
