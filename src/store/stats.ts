// What is in the database, at a glance: `solieu stats`.
import type { Store } from './index.js';

export interface Stats {
  schemaVersion: number;
  totals: { articles: number; figures: number; entities: number; mentions: number; runs: number };
  /** Articles per outlet and month of publication (`unknown` when the date is not known). */
  articlesByOutletMonth: Array<{ outlet: string; month: string; articles: number }>;
  figuresByUnit: Array<{ unit: string; label: string | null; figures: number }>;
  figuresByIndicator: Array<{ indicator: string; figures: number; actual: number; target: number; suspect: number }>;
  lastRuns: Array<{
    id: number; command: string; status: string; started_at: string; finished_at: string | null;
    articles_new: number; articles_updated: number; articles_unchanged: number; articles_failed: number; figures: number;
  }>;
}

export function collectStats(store: Store, options: { runs?: number } = {}): Stats {
  const all = <T>(sql: string, ...params: unknown[]) => store.db.prepare(sql).all(...params) as T[];
  const one = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;
  const c = store.counts();
  return {
    schemaVersion: store.schemaVersion(),
    totals: { ...c, runs: one('SELECT COUNT(*) AS n FROM runs') },
    articlesByOutletMonth: all(`
      SELECT COALESCE(outlet, 'unknown') AS outlet, COALESCE(substr(published_at, 1, 7), 'unknown') AS month,
        COUNT(*) AS articles
      FROM articles GROUP BY 1, 2 ORDER BY 1, 2`),
    figuresByUnit: all(`
      SELECT f.unit AS unit, u.label_en AS label, COUNT(*) AS figures
      FROM figures f LEFT JOIN units u ON u.code = f.unit
      GROUP BY f.unit ORDER BY figures DESC, f.unit`),
    figuresByIndicator: all(`
      SELECT indicator, COUNT(*) AS figures, SUM(modality = 'actual') AS actual, SUM(modality = 'target') AS target,
        SUM(suspect) AS suspect
      FROM figures GROUP BY indicator ORDER BY figures DESC, indicator`),
    lastRuns: all(`
      SELECT id, command, status, started_at, finished_at, articles_new, articles_updated, articles_unchanged,
        articles_failed, figures
      FROM runs ORDER BY id DESC LIMIT ?`, options.runs ?? 5),
  };
}
