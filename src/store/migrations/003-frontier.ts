// Migration 3: what the nightly ingestion needs to be polite, incremental and resumable: the crawl
// frontier, an HTTP cache of validators (and of feed/sitemap bodies), per-source run counts, and
// the run lock. Never edit a landed migration: add the next one.
import type { Migration } from '../migrations.js';

export const m003: Migration = {
  version: 3,
  name: 'frontier, http cache, per-source run counts, run lock',
  sql: `
-- One crawl = one pass over the configured sources. A run that is killed or interrupted leaves its
-- crawl open (finished_at NULL) and the next run resumes it, fetching only what is left.
CREATE TABLE crawls (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER REFERENCES runs(id) ON DELETE SET NULL, -- the run that started it
  started_at  TEXT NOT NULL,
  finished_at TEXT                           -- NULL while items are left
);

-- Per crawl and source: whether discovery (feed, sitemap, listing pages) is complete.
CREATE TABLE crawl_sources (
  crawl_id      INTEGER NOT NULL REFERENCES crawls(id) ON DELETE CASCADE,
  source        TEXT NOT NULL,               -- the source's name in the config
  discovered_at TEXT,                        -- set when its URLs are all in the frontier
  PRIMARY KEY (crawl_id, source)
);

-- Every page (or file) a crawl will fetch, once per crawl.
CREATE TABLE frontier (
  id          INTEGER PRIMARY KEY,
  crawl_id    INTEGER NOT NULL REFERENCES crawls(id) ON DELETE CASCADE,
  source      TEXT NOT NULL,                 -- the first source that named it
  uri         TEXT NOT NULL,                 -- normalised URL (or file path): the dedupe key
  request_url TEXT NOT NULL,                 -- the URL as discovered; this is what is requested
  listed_at   TEXT,                          -- the date the feed or sitemap gave, if any
  state       TEXT NOT NULL CHECK (state IN ('discovered', 'in_flight', 'done', 'failed')),
  outcome     TEXT,                          -- new | updated | unchanged | duplicate | not_modified | skipped
  attempts    INTEGER NOT NULL DEFAULT 0,    -- runs that started fetching it
  error_code  TEXT,                          -- why it failed or was skipped (E_HTTP_404, E_ROBOTS, ...)
  error       TEXT,
  updated_at  TEXT NOT NULL,
  UNIQUE (crawl_id, uri)
);
CREATE INDEX frontier_state ON frontier(crawl_id, state);

-- HTTP validators per URL, for conditional requests; for feeds, sitemaps, listing pages and
-- robots.txt also the body, so a 304 can be read from here.
CREATE TABLE http_cache (
  url           TEXT PRIMARY KEY,            -- normalised URL as requested
  status        INTEGER NOT NULL,
  etag          TEXT,
  last_modified TEXT,
  content_type  TEXT,
  body          BLOB,                        -- gzip-compressed; NULL for article pages (kept in articles.raw_page)
  article_id    INTEGER REFERENCES articles(id) ON DELETE SET NULL, -- the article this URL gave (or duplicated)
  outcome       TEXT,                        -- last outcome for an article URL: stored | duplicate | skipped
  fetched_at    TEXT NOT NULL
);

-- Per run and source: what discovery found and what happened to it.
CREATE TABLE run_sources (
  run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  source        TEXT NOT NULL,
  kind          TEXT NOT NULL,               -- files | urls | rss | sitemap | listing
  discovered    INTEGER NOT NULL DEFAULT 0,  -- URLs (or files) added to the frontier
  fetched       INTEGER NOT NULL DEFAULT 0,  -- pages received with a body (2xx), or files read
  not_modified  INTEGER NOT NULL DEFAULT 0,  -- 304 answers to conditional requests
  new           INTEGER NOT NULL DEFAULT 0,
  updated       INTEGER NOT NULL DEFAULT 0,
  unchanged     INTEGER NOT NULL DEFAULT 0,  -- same content hash as stored
  duplicate     INTEGER NOT NULL DEFAULT 0,  -- same canonical URL or body text as another article
  skipped       INTEGER NOT NULL DEFAULT 0,  -- robots.txt, since
  failed        INTEGER NOT NULL DEFAULT 0,
  reasons_json  TEXT,                        -- {"failed": {"E_HTTP_404": 2}, "skipped": {"E_ROBOTS": 1}, "dropped": {"since": 3}}
  PRIMARY KEY (run_id, source)
);

-- At most one ingestion run per database. A lock whose process is gone (same host) or whose
-- heartbeat is stale is taken over.
CREATE TABLE run_lock (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  run_id       INTEGER,
  pid          INTEGER NOT NULL,
  hostname     TEXT NOT NULL,
  acquired_at  TEXT NOT NULL,
  heartbeat_at TEXT NOT NULL
);
`,
};
