// Full-text search over articles (the articles_fts index of migration 2), with highlighted snippets.
// The index folds case and diacritics itself; đ is folded by writing it as d on both sides, the
// same way the migration's SQL does, so `dong` finds `đồng` and `Đồng` finds `dong`.
import type { Store } from './index.js';
import { QueryError, requireSchema, toQueryError } from './query.js';

/** JavaScript twin of the migration's SQL fold: đ Đ ð Ð -> d D d D, nothing else, same length. */
export function searchFold(text: string): string {
  return text.replace(/[đð]/g, 'd').replace(/[ĐÐ]/g, 'D');
}

/**
 * Turns what a user types into a safe FTS5 query: every word must appear (in any order),
 * "quoted words" must appear together, a trailing * matches a prefix (ngh*), and OR between
 * two terms accepts either. Each term is quoted, so FTS5 syntax in the input cannot misfire.
 */
export function buildMatch(input: string): string {
  const parts: string[] = [];
  const re = /"([^"]*)"?|(\S+)/g;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    const word = m[1] ?? m[2];
    if (m[2] === 'OR') {
      if (parts.length && parts[parts.length - 1] !== 'OR') parts.push('OR');
      continue;
    }
    const prefix = m[2] !== undefined && /\*$/.test(word);
    const text = word.replace(/\*+$/, '');
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    parts.push(`"${searchFold(text.normalize('NFC')).replace(/"/g, '""')}"${prefix ? '*' : ''}`);
  }
  while (parts[parts.length - 1] === 'OR') parts.pop();
  if (!parts.length) throw new QueryError(`nothing to search for in "${input}": type some words`, 'E_SEARCH_EMPTY');
  return parts.join(' ');
}

export interface SearchOptions {
  limit?: number;
  /** Take the input as an FTS5 query expression (NEAR, column filters...) rather than plain words. */
  fts?: boolean;
  /** Strings around each match in titles and snippets. */
  mark?: [string, string];
  /** Words of context in a snippet. */
  words?: number;
}

export interface SearchHit {
  id: number;
  title: string | null;
  uri: string;
  url: string | null;
  outlet: string | null;
  publishedAt: string | null;
  /** Matching words of the title marked. */
  titleMarked: string | null;
  /** The best passage of the lead or text, matches marked, … where it was cut. */
  snippet: string;
  figures: number;
  /** bm25 score: lower is better. */
  score: number;
}

// Markers that never occur in article text, swapped for the caller's marks at the end.
const OPEN = '\u0002';
const CLOSE = '\u0003';
const CUT = '\u0004';
const MARKERS = /[\u0002\u0003\u0004]/g;

/**
 * Puts the original characters back into a snippet FTS5 cut from the folded copy. The fold keeps
 * lengths, so the passage sits at the same offset in the original; only đ differs.
 */
export function unfoldSnippet(marked: string, originals: Array<string | null>): string {
  const plain = marked.replace(MARKERS, '');
  for (const original of originals) {
    if (!original) continue;
    const at = searchFold(original).indexOf(plain);
    if (at < 0) continue;
    let k = at;
    let out = '';
    for (let i = 0; i < marked.length; i++) {
      const c = marked[i];
      out += c === OPEN || c === CLOSE || c === CUT ? c : original[k++];
    }
    return out;
  }
  return marked;
}

function marks(s: string, mark: [string, string]): string {
  return s.replaceAll(OPEN, mark[0]).replaceAll(CLOSE, mark[1]).replaceAll(CUT, '…');
}

/** Articles matching `input`, best first, with highlighted title and snippet. */
export function searchArticles(store: Store, input: string, options: SearchOptions = {}): SearchHit[] {
  requireSchema(store, 2, 'search');
  const match = options.fts ? searchFold(input.normalize('NFC')) : buildMatch(input);
  const mark = options.mark ?? ['[', ']'];
  const words = Math.min(64, Math.max(1, options.words ?? 24));
  const limit = Math.max(1, options.limit ?? 20);
  // Title weighs most, then the lead, then the body. ORDER BY rank (not bm25() in ORDER BY) lets
  // FTS5 sort inside the index, so snippets are cut only for the rows returned: twice as fast.
  const sql = `
    SELECT a.id, a.title, a.lead, a.text, a.uri, a.url, a.outlet, a.published_at,
      highlight(articles_fts, 0, '${OPEN}', '${CLOSE}') AS title_marked,
      snippet(articles_fts, 1, '${OPEN}', '${CLOSE}', '${CUT}', ${words}) AS lead_snippet,
      snippet(articles_fts, 2, '${OPEN}', '${CLOSE}', '${CUT}', ${words}) AS text_snippet,
      (SELECT COUNT(*) FROM figures f WHERE f.article_id = a.id) AS figures,
      rank AS score
    FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
    WHERE articles_fts MATCH ? AND rank MATCH 'bm25(10.0, 4.0, 1.0)'
    ORDER BY rank
    LIMIT ?`;
  type R = {
    id: number; title: string | null; lead: string | null; text: string; uri: string; url: string | null;
    outlet: string | null; published_at: string | null; title_marked: string | null; lead_snippet: string | null;
    text_snippet: string | null; figures: number; score: number;
  };
  let rows: R[];
  try {
    rows = store.db.prepare(sql).all(match, limit) as R[];
  } catch (e) {
    const err = toQueryError(e);
    if (options.fts && err instanceof QueryError) {
      throw new QueryError(`bad FTS5 query "${input}": ${(e as Error).message}`, 'E_SEARCH_SYNTAX', { cause: e });
    }
    throw err;
  }
  return rows.map((r) => {
    // The body's passage unless only the lead matched.
    const useLead = !r.text_snippet?.includes(OPEN) && !!r.lead_snippet?.includes(OPEN);
    const snippet = useLead ? unfoldSnippet(r.lead_snippet!, [r.lead]) : unfoldSnippet(r.text_snippet ?? '', [r.text]);
    return {
      id: r.id, title: r.title, uri: r.uri, url: r.url, outlet: r.outlet, publishedAt: r.published_at,
      titleMarked: r.title_marked === null ? null : marks(unfoldSnippet(r.title_marked, [r.title]), mark),
      snippet: marks(snippet, mark), figures: r.figures, score: r.score,
    };
  });
}
