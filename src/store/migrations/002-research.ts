// Migration 2: what researchers query. Full-text search over articles that ignores diacritics
// (đ included), two analysis views, and indexes for the queries they run. Never edit a landed
// migration: add the next one.
//
// Search design: FTS5's `unicode61 remove_diacritics 2` folds case and every Vietnamese tone and
// vowel mark (Thái -> thai, hộ -> ho, ư -> u) but not đ, which is a letter of its own to Unicode.
// So the index reads a copy of title, lead and text in which only đ/Đ (and the look-alike ð/Ð of
// badly converted pages) become d/D. That copy is a plain SQL view, and triggers in plain SQL keep
// the index in step: no JavaScript function is needed, so any writer (the Store, the sqlite3 shell,
// a notebook) keeps it right and any reader can query it. The copy has the same length as the
// original, so a snippet's offsets are also offsets into the original text.
import type { Migration } from '../migrations.js';

/** SQL for the search copy of a text column: đ, Đ, ð, Ð -> d, D. Same length as the input. */
const fold = (col: string) => `replace(replace(replace(replace(${col}, 'đ', 'd'), 'Đ', 'D'), 'ð', 'd'), 'Ð', 'D')`;

export const m002: Migration = {
  version: 2,
  name: 'research: full-text search, analysis views, indexes',
  sql: `
-- The text the search index reads: articles' title, lead and text with đ written as d.
-- Only articles_fts uses it (as its external content); query articles for the real text.
CREATE VIEW articles_fts_content AS
SELECT
  id,                                        -- articles.id, the rowid of articles_fts
  ${fold('title')} AS title,
  ${fold('lead')} AS lead,
  ${fold('text')} AS text
FROM articles;

-- Full-text index of articles (title, lead, text), rowid = articles.id. Case and diacritics are
-- ignored, đ included: MATCH 'thai nguyen' finds Thái Nguyên, 'dong' finds đồng. Type đ as d in
-- a MATCH (or wrap the query in replace(?, 'đ', 'd')); \`solieu search\` does that for you.
-- Columns read back through articles_fts have đ as d: join articles on id for the original.
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, lead, text,
  content = 'articles_fts_content',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

-- Keep articles_fts in step with articles, whoever writes.
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  -- index the new article
  INSERT INTO articles_fts (rowid, title, lead, text)
  VALUES (new.id, ${fold('new.title')}, ${fold('new.lead')}, ${fold('new.text')});
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  -- an external-content index needs the old values to remove their tokens
  INSERT INTO articles_fts (articles_fts, rowid, title, lead, text)
  VALUES ('delete', old.id, ${fold('old.title')}, ${fold('old.lead')}, ${fold('old.text')});
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF id, title, lead, text ON articles BEGIN
  -- only when searchable columns change: re-extraction touches extracted_at alone
  INSERT INTO articles_fts (articles_fts, rowid, title, lead, text)
  VALUES ('delete', old.id, ${fold('old.title')}, ${fold('old.lead')}, ${fold('old.text')});
  INSERT INTO articles_fts (rowid, title, lead, text)
  VALUES (new.id, ${fold('new.title')}, ${fold('new.lead')}, ${fold('new.text')});
END;

-- Index the articles stored before this migration.
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

-- One row per figure with what a reader needs to use it: the article it comes from (title,
-- outlet, link, date), what it measures, where and when, and its value and unit.
CREATE VIEW v_figures AS
SELECT
  f.id                                   AS figure_id,
  f.article_id                           AS article_id,
  a.outlet                               AS outlet,          -- site name or host
  a.title                                AS article_title,
  COALESCE(a.canonical_url, a.url, a.uri) AS article_url,    -- best link: canonical, page URL, else file path
  a.uri                                  AS article_uri,     -- as fetched (URL or file path)
  substr(a.published_at, 1, 10)          AS published_date,  -- YYYY-MM-DD in the outlet's time zone
  a.published_at                         AS published_at,    -- ISO 8601 with offset, NULL when unknown
  f.indicator                            AS indicator,       -- taxonomy key, e.g. poverty_rate
  f.subject                              AS subject,         -- what it measures, as a Vietnamese phrase
  f.location                             AS location,        -- place with its level word, NULL if not said
  f.period                               AS period,          -- year the figure is about, NULL if not said
  f.modality                             AS modality,        -- actual | target
  f.measure                              AS measure,         -- level | change
  f.comparator                           AS comparator,      -- = ~ > >= < <=
  f.value                                AS value,           -- in base units (đồng, percent as written, counts)
  f.value_max                            AS value_max,       -- upper bound of a range
  f.total                                AS total,           -- denominator of a ratio (398/414)
  f.unit                                 AS unit,            -- units.code
  u.kind                                 AS unit_kind,       -- currency | percent | count | measure | other
  u.label_en                             AS unit_label,
  f.per                                  AS per,             -- rate denominator (năm in 3%/năm)
  f.noun                                 AS noun,            -- counted noun as written
  f.text                                 AS text,            -- the figure as written
  f.suspect                              AS suspect,         -- 1 when the value looks implausible
  f.suspect_reason                       AS suspect_reason,
  (SELECT r.parent_id FROM figure_relations r
    WHERE r.child_id = f.id AND r.kind = 'breakdown' LIMIT 1)
                                         AS part_of_figure_id, -- the figure this one breaks down (trong đó)
  f.sentence                             AS sentence,
  f.ordinal                              AS ordinal,         -- position in the article
  f.start                                AS start,           -- offsets into articles.text
  f.end                                  AS end
FROM figures f
JOIN articles a ON a.id = f.article_id
LEFT JOIN units u ON u.code = f.unit;

-- One row per indicator, location, year, actual/target, level/change, unit and rate denominator:
-- how many figures say it, their range and mean, and which articles say it. For example the
-- poverty rate per district and year, the result next to the target. Figures flagged suspect are
-- counted (suspect_figures) but left out of min/max/avg. NULL location or period means the
-- article did not say it; no year is guessed from the publication date.
CREATE VIEW v_indicator_by_location_year AS
SELECT
  f.indicator                            AS indicator,
  f.location                             AS location,
  f.period                               AS period,
  f.modality                             AS modality,        -- actual | target
  f.measure                              AS measure,         -- level | change: never averaged together
  f.unit                                 AS unit,
  f.per                                  AS per,             -- 3%/năm and 3% are different quantities
  COUNT(*)                               AS figures,
  SUM(f.suspect)                         AS suspect_figures,
  MIN(CASE WHEN f.suspect = 0 THEN f.value END) AS min_value,
  MAX(CASE WHEN f.suspect = 0 THEN f.value END) AS max_value,
  AVG(CASE WHEN f.suspect = 0 THEN f.value END) AS avg_value,
  COUNT(DISTINCT f.article_id)           AS articles,
  json_group_array(DISTINCT f.article_id) AS article_ids,    -- JSON array of articles.id
  json_group_array(DISTINCT COALESCE(a.canonical_url, a.url, a.uri)) AS article_urls, -- JSON array
  MIN(a.published_at)                    AS first_published_at,
  MAX(a.published_at)                    AS last_published_at
FROM figures f
JOIN articles a ON a.id = f.article_id
GROUP BY f.indicator, f.location, f.period, f.modality, f.measure, f.unit, f.per;

-- Indexes for the research queries.
-- Figures by place and year (replaces figures_location, a prefix of it).
CREATE INDEX figures_location_period ON figures(location, period);
DROP INDEX figures_location;
-- Figures by year across indicators.
CREATE INDEX figures_period ON figures(period, indicator);
-- Articles per outlet and month (solieu stats), an outlet's articles by date.
CREATE INDEX articles_outlet_published ON articles(outlet, published_at);
-- Foreign keys that had no index: deleting an article or a source would scan these tables.
CREATE INDEX articles_source ON articles(source_id);
CREATE INDEX run_items_article ON run_items(article_id);
`,
};
