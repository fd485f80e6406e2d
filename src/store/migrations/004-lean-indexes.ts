// Migration 4: one index fewer to write per figure, and the raw page's Content-Type.
// figures(article_id) repeats the first column of the UNIQUE (article_id, ordinal) index, which
// already serves lookups, deletes and the cascade by article. The Content-Type header says which
// charset ingest decoded the raw page with; reprocess must decode it the same way. The extraction
// hash lets reprocess leave an article alone when re-extraction gives the same records.
// Never edit a landed migration: add the next one.
import type { Migration } from '../migrations.js';

export const m004: Migration = {
  version: 4,
  name: 'drop figures_article (covered by the unique article_id, ordinal index); articles.content_type, extraction_hash',
  sql: `
DROP INDEX IF EXISTS figures_article;
ALTER TABLE articles ADD COLUMN content_type TEXT; -- Content-Type header of the raw page (NULL for local files): its charset
ALTER TABLE articles ADD COLUMN extraction_hash TEXT; -- sha256 of the article's figures, relations and mentions as extracted
`,
};
