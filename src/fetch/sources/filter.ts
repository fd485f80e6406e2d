// since / include / exclude / maxArticles, applied to what a source discovered.
import type { SourceConfig } from '../../config.js';
import { tryNormalizeUrl, urlFilter } from '../url.js';

export interface Discovered {
  /** As found in the feed, sitemap or page (absolute). */
  url: string;
  /** Publication or modification date the source gave, if any. */
  date?: Date;
}

export interface Candidate extends Discovered {
  /** normalizeUrl(url): the frontier key. */
  key: string;
}

const UNIT_MS: Record<string, number> = { m: 60_000, h: 3600_000, d: 86400_000, w: 7 * 86400_000 };

/** The cutoff date of `since`: an ISO date or datetime, or a duration back from now ("2d", "12h"). */
export function sinceCutoff(since: string | undefined, now = Date.now()): Date | undefined {
  if (!since) return undefined;
  const d = /^(\d+)\s*(m|h|d|w)$/.exec(since);
  if (d) return new Date(now - Number(d[1]) * UNIT_MS[d[2]]);
  const t = Date.parse(since);
  return Number.isNaN(t) ? undefined : new Date(t);
}

export interface FilterResult {
  items: Candidate[];
  /** Left out, by reason: since, pattern, maxArticles, invalid. */
  dropped: Record<string, number>;
}

/**
 * Keeps http(s) URLs that pass include/exclude and since (when the source dated them), once each;
 * newest first when dated, then cut to maxArticles.
 */
export function applyFilters(found: Discovered[], source: Pick<SourceConfig, 'since' | 'include' | 'exclude' | 'maxArticles'>, now = Date.now()): FilterResult {
  const cutoff = sinceCutoff(source.since, now);
  const pass = urlFilter(source.include, source.exclude);
  const dropped: Record<string, number> = {};
  const drop = (why: string) => { dropped[why] = (dropped[why] ?? 0) + 1; };
  const seen = new Set<string>();
  let items: Candidate[] = [];
  for (const f of found) {
    const key = tryNormalizeUrl(f.url);
    if (!key) { drop('invalid'); continue; }
    if (seen.has(key)) continue;
    seen.add(key);
    if (!pass(f.url)) { drop('pattern'); continue; }
    if (cutoff && f.date && f.date < cutoff) { drop('since'); continue; }
    // A fragment never goes on the wire.
    items.push({ ...f, url: f.url.replace(/#.*$/, ''), key });
  }
  if (items.some((i) => i.date)) {
    // Stable: undated items keep their place after the dated ones.
    items = items.map((x, i) => ({ x, i }))
      .sort((a, b) => (b.x.date?.getTime() ?? -Infinity) - (a.x.date?.getTime() ?? -Infinity) || a.i - b.i)
      .map(({ x }) => x);
  }
  if (source.maxArticles && items.length > source.maxArticles) {
    dropped.maxArticles = items.length - source.maxArticles;
    items = items.slice(0, source.maxArticles);
  }
  return { items, dropped };
}
