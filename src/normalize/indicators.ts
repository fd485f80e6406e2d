// The indicator taxonomy (src/data/indicators.json): groups figures so researchers can compare them.
import data from '../data/indicators.json' with { type: 'json' };
import { unitTable } from './text.js';

export interface Indicator {
  key: string;
  label_vi: string;
  label_en: string;
  units?: string[];
  any: string[];
  all?: string[];
  none?: string[];
}

export const INDICATORS: Indicator[] = data.indicators;

// Letters, digits (\p{L}, \p{N}) and `%` by code unit: a table read is much cheaper than a `u`
// regex per figure. Strings with code units the table does not cover take the regex.
const WORD_UNIT = unitTable(/[\p{L}\p{N}%]/u);

/** Lower-cased runs of letters, digits and `%`: `Tỷ lệ hộ nghèo (2023)` -> [tỷ, lệ, hộ, nghèo, 2023]. */
export function taxonomyWords(s: string): string[] {
  const low = s.toLowerCase();
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < low.length; i++) {
    const c = low.charCodeAt(i);
    if (c >= WORD_UNIT.length) return low.replace(/[^\p{L}\p{N}%]+/gu, ' ').trim().split(' ').filter(Boolean);
    if (WORD_UNIT[c] === 1) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(low.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) out.push(low.slice(start));
  return out;
}

// Every keyword of the taxonomy once, as words, indexed by its first word: a figure's words are
// looked up once instead of searching its text for each keyword of each rule.
const PHRASES: string[][] = [];
const PHRASE_IDS = new Map<string, number>();
const BY_FIRST = new Map<string, number[]>();

function phraseId(keyword: string): number {
  const w = taxonomyWords(keyword);
  const key = w.join(' ');
  let id = PHRASE_IDS.get(key);
  if (id === undefined) {
    id = PHRASES.length;
    PHRASES.push(w);
    PHRASE_IDS.set(key, id);
    const list = BY_FIRST.get(w[0] ?? '');
    if (list) list.push(id);
    else BY_FIRST.set(w[0] ?? '', [id]);
  }
  return id;
}

const RULES = INDICATORS.map((ind) => ({
  key: ind.key,
  units: ind.units ? new Set(ind.units) : undefined,
  any: ind.any.map(phraseId),
  all: ind.all?.map(phraseId) ?? [],
  none: ind.none?.map(phraseId) ?? [],
}));

// Per keyword, the rules that take it as one of `any`: most rules have none of theirs in a
// figure's words, and are skipped without testing units, `none` and `all`.
const ANY_OF = PHRASES.map((_, id) => RULES.flatMap((r, k) => (r.any.includes(id) ? [k] : [])));
const ALWAYS = RULES.flatMap((r, k) => (r.any.length === 0 ? [k] : []));

/** Ids of the keywords that occur in `w` as whole consecutive words. */
function keywordsIn(w: string[]): number[] {
  const found: number[] = [];
  // An empty keyword is found in empty text only (as ` ` + `` + ` ` is in `  `).
  if (w.length === 0) found.push(...(BY_FIRST.get('') ?? []));
  for (let i = 0; i < w.length; i++) {
    const ids = BY_FIRST.get(w[i]);
    if (!ids) continue;
    for (const id of ids) {
      const p = PHRASES[id];
      let k = 1;
      while (k < p.length && p[k] === w[i + k]) k++;
      if (k === p.length) found.push(id);
    }
  }
  return found;
}

/** The indicator key of a figure, from its subject, noun and unit. Whole words only: `trường` is not `hội trường`'s. */
export function indicatorOf(f: { subject?: string; noun?: string; unit: string }): string {
  const found = keywordsIn(taxonomyWords(`${f.subject ?? ''} | ${f.noun ?? ''}`));
  const has = (id: number) => found.includes(id);
  const fits = (k: number) => {
    const r = RULES[k];
    return (!r.units || r.units.has(f.unit)) && !r.none.some(has) && r.all.every(has);
  };
  // The first fitting rule in taxonomy order wins; only those with an `any` keyword found can fit.
  let best = RULES.length;
  for (const k of ALWAYS) if (k < best && fits(k)) best = k;
  for (const id of found) for (const k of ANY_OF[id]) if (k < best && fits(k)) best = k;
  return best < RULES.length ? RULES[best].key : 'other';
}
