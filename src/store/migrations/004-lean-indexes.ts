// Migration 4: one index fewer to write per figure. figures(article_id) repeats the first column of
// the UNIQUE (article_id, ordinal) index, which already serves lookups, deletes and the cascade by
// article. Never edit a landed migration: add the next one.
import type { Migration } from '../migrations.js';

export const m004: Migration = {
  version: 4,
  name: 'drop figures_article (covered by the unique article_id, ordinal index)',
  sql: `
DROP INDEX IF EXISTS figures_article;
`,
};
