// Migration 1: the initial schema. Never edit a landed migration: add the next one.
import type { Migration } from '../migrations.js';

export const m001: Migration = {
    version: 1,
    name: 'initial schema',
    sql: `
-- Where articles come from: one row per configured source (files, urls, rss, sitemap, listing).
CREATE TABLE sources (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,          -- the source's name in the config
  kind        TEXT NOT NULL,                 -- files | urls | rss | sitemap | listing
  config_json TEXT NOT NULL                  -- the source's config as JSON
);

-- One row per article (a web page or a local file), latest version only.
CREATE TABLE articles (
  id             INTEGER PRIMARY KEY,
  source_id      INTEGER REFERENCES sources(id),
  uri            TEXT NOT NULL UNIQUE,       -- URL as fetched, or local file path
  url            TEXT,                       -- the page URL (NULL for local text files)
  canonical_url  TEXT,                       -- <link rel=canonical>, normalised
  outlet         TEXT,                       -- site name or host, e.g. laodongxahoi.net
  title          TEXT,
  lead           TEXT,                       -- the standfirst / sapo
  text           TEXT NOT NULL,              -- body text; figure offsets point into it
  section        TEXT,                       -- breadcrumb leaf, e.g. An sinh xã hội
  author         TEXT,
  tags_json      TEXT,                       -- JSON array of tags
  published_at   TEXT,                       -- ISO 8601 with offset, when known
  modified_at    TEXT,
  fetched_at     TEXT NOT NULL,              -- when solieu read it (ISO 8601 UTC)
  content_hash   TEXT NOT NULL,              -- sha256 of the raw input: unchanged input = same hash
  text_hash      TEXT NOT NULL,              -- sha256 of the body text, to find the same article under two URLs
  raw_format     TEXT NOT NULL CHECK (raw_format IN ('html', 'text')),
  raw_page       BLOB,                       -- raw input, gzip-compressed, for reprocessing
  etag           TEXT,                       -- HTTP validators for conditional requests
  last_modified  TEXT,
  extracted_at   TEXT NOT NULL               -- when figures were last extracted
);
CREATE INDEX articles_published ON articles(published_at);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE INDEX articles_canonical ON articles(canonical_url);

-- The open list of units that figures.unit refers to.
CREATE TABLE units (
  code      TEXT PRIMARY KEY,                -- VND, USD, percent, household, person, ...
  kind      TEXT NOT NULL,                   -- currency | percent | count | measure | other
  base_unit TEXT NOT NULL,                   -- the unit figures.value is expressed in
  label_vi  TEXT NOT NULL,
  label_en  TEXT NOT NULL
);

-- One row per figure: a number in an article body that states a quantity.
CREATE TABLE figures (
  id             INTEGER PRIMARY KEY,
  article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  ordinal        INTEGER NOT NULL,           -- position of the figure in its article (0-based)
  text           TEXT NOT NULL,              -- surface as written: 1.837,272 triệu đồng
  start          INTEGER NOT NULL,           -- character offsets into articles.text
  end            INTEGER NOT NULL,
  value          REAL NOT NULL,              -- in base units: đồng, dollars, percent as written, counts
  value_max      REAL,                       -- upper bound of a range (6 - 7%)
  total          REAL,                       -- denominator of a ratio (398/414)
  unit           TEXT NOT NULL REFERENCES units(code),
  noun           TEXT,                       -- counted noun as written (hộ nghèo)
  per            TEXT,                       -- rate denominator: năm in 3%/năm
  comparator     TEXT NOT NULL CHECK (comparator IN ('=', '~', '>', '>=', '<', '<=')),
  subject        TEXT,                       -- what it measures, a short Vietnamese noun phrase
  indicator      TEXT NOT NULL,              -- key from the indicator taxonomy, e.g. poverty_rate
  modality       TEXT NOT NULL CHECK (modality IN ('actual', 'target')),
  measure        TEXT NOT NULL CHECK (measure IN ('level', 'change')),
  period         INTEGER,                    -- the year the figure is about
  location       TEXT,                       -- place as written with its level word
  suspect        INTEGER NOT NULL DEFAULT 0 CHECK (suspect IN (0, 1)),
  suspect_reason TEXT,
  sentence       TEXT NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end   INTEGER NOT NULL,
  rules_json     TEXT NOT NULL,              -- which rule set each attribute (provenance)
  UNIQUE (article_id, ordinal)
);
CREATE INDEX figures_article ON figures(article_id);
CREATE INDEX figures_indicator ON figures(indicator, location, period);
CREATE INDEX figures_unit ON figures(unit);
CREATE INDEX figures_location ON figures(location);

-- Links between figures: a breakdown (trong đó) or a ratio checked against its percent.
CREATE TABLE figure_relations (
  id           INTEGER PRIMARY KEY,
  parent_id    INTEGER NOT NULL REFERENCES figures(id) ON DELETE CASCADE,
  child_id     INTEGER NOT NULL REFERENCES figures(id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('breakdown', 'ratio_percent')),
  check_result TEXT NOT NULL CHECK (check_result IN ('ok', 'mismatch', 'unchecked')),
  detail       TEXT
);
CREATE INDEX figure_relations_parent ON figure_relations(parent_id);
CREATE INDEX figure_relations_child ON figure_relations(child_id);

-- One row per canonical entity (a place, organisation, legal document, person, programme, date).
CREATE TABLE entities (
  id        INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL CHECK (kind IN ('place', 'organization', 'document', 'person', 'program', 'date')),
  canonical TEXT NOT NULL,                   -- canonical name, e.g. huyện Bạch Thông
  level     TEXT,                            -- places: province | district | commune | village | country
  parent    TEXT,                            -- places: parent unit's name
  code      TEXT,                            -- places: official code; documents: document code
  data_json TEXT,                            -- other kind-specific fields
  UNIQUE (kind, canonical)
);

-- Every mention of an entity in an article, with offsets into articles.text.
CREATE TABLE entity_mentions (
  id         INTEGER PRIMARY KEY,
  entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  text       TEXT NOT NULL,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  data_json  TEXT
);
CREATE INDEX entity_mentions_article ON entity_mentions(article_id);
CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);

-- One row per ingestion run.
CREATE TABLE runs (
  id                 INTEGER PRIMARY KEY,
  started_at         TEXT NOT NULL,
  finished_at        TEXT,
  status             TEXT NOT NULL CHECK (status IN ('running', 'ok', 'partial', 'failed', 'interrupted')),
  command            TEXT NOT NULL,          -- ingest | reprocess | replay
  articles_new       INTEGER NOT NULL DEFAULT 0,
  articles_updated   INTEGER NOT NULL DEFAULT 0,
  articles_unchanged INTEGER NOT NULL DEFAULT 0,
  articles_failed    INTEGER NOT NULL DEFAULT 0,
  figures            INTEGER NOT NULL DEFAULT 0,
  entities           INTEGER NOT NULL DEFAULT 0,
  errors_json        TEXT                    -- JSON array of {uri, code, message}
);

-- What happened to each input in each run.
CREATE TABLE run_items (
  id         INTEGER PRIMARY KEY,
  run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  source     TEXT NOT NULL,
  uri        TEXT NOT NULL,
  outcome    TEXT NOT NULL CHECK (outcome IN ('new', 'updated', 'unchanged', 'duplicate', 'not_modified', 'failed')),
  article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,
  error_code TEXT,
  error      TEXT,
  at         TEXT NOT NULL
);
CREATE INDEX run_items_run ON run_items(run_id);

-- Every HTTP request made by the fetchers.
CREATE TABLE fetch_log (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER REFERENCES runs(id) ON DELETE CASCADE,
  url         TEXT NOT NULL,
  status      INTEGER,                       -- HTTP status, NULL on network error
  duration_ms INTEGER,
  bytes       INTEGER,
  error       TEXT,
  at          TEXT NOT NULL
);
CREATE INDEX fetch_log_run ON fetch_log(run_id);

INSERT INTO units (code, kind, base_unit, label_vi, label_en) VALUES
  ('VND', 'currency', 'VND', 'đồng', 'Vietnamese đồng'),
  ('USD', 'currency', 'USD', 'đô la Mỹ', 'US dollar'),
  ('EUR', 'currency', 'EUR', 'euro', 'euro'),
  ('GBP', 'currency', 'GBP', 'bảng Anh', 'pound sterling'),
  ('JPY', 'currency', 'JPY', 'yên Nhật', 'Japanese yen'),
  ('CNY', 'currency', 'CNY', 'nhân dân tệ', 'Chinese yuan'),
  ('KRW', 'currency', 'KRW', 'won', 'South Korean won'),
  ('INR', 'currency', 'INR', 'rupee', 'Indian rupee'),
  ('AED', 'currency', 'AED', 'dirham', 'UAE dirham'),
  ('THB', 'currency', 'THB', 'bạt', 'Thai baht'),
  ('LAK', 'currency', 'LAK', 'kíp', 'Lao kip'),
  ('percent', 'percent', 'percent', 'phần trăm', 'percent'),
  ('household', 'count', 'household', 'hộ', 'households'),
  ('person', 'count', 'person', 'người', 'people'),
  ('turn', 'count', 'turn', 'lượt', 'visits / turns'),
  ('item', 'count', 'item', 'cái (đếm được)', 'items (see noun)'),
  ('ha', 'measure', 'ha', 'héc-ta', 'hectares'),
  ('tonne', 'measure', 'tonne', 'tấn', 'tonnes'),
  ('kg', 'measure', 'kg', 'ki-lô-gam', 'kilograms'),
  ('gram', 'measure', 'gram', 'gam', 'grams'),
  ('km', 'measure', 'km', 'ki-lô-mét', 'kilometres'),
  ('m', 'measure', 'm', 'mét', 'metres'),
  ('m2', 'measure', 'm2', 'mét vuông', 'square metres'),
  ('m3', 'measure', 'm3', 'mét khối', 'cubic metres'),
  ('litre', 'measure', 'litre', 'lít', 'litres'),
  ('kWh', 'measure', 'kWh', 'ki-lô-oát giờ', 'kilowatt hours'),
  ('MW', 'measure', 'MW', 'mê-ga-oát', 'megawatts');
`,
  };
