// The indicator taxonomy (src/data/indicators.json): groups figures so researchers can compare them.
import data from '../data/indicators.json' with { type: 'json' };
import { LOWER_UNIT, NO_LOWER, unitTable } from './text.js';

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

// Every keyword of the taxonomy once, as words, indexed by the hash of its first word: a figure's
// words are looked up once instead of searching its text for each keyword of each rule.
const PHRASES: string[][] = [];
const PHRASE_IDS = new Map<string, number>();
const BY_FIRST = new Map<number, number[]>();

/** Hash of s[from, to): a small integer, a fast Map key. Collisions only cost a compare. */
function wordHash(s: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) & 0x3fffffff;
  return h;
}

function phraseId(keyword: string): number {
  const w = taxonomyWords(keyword);
  const key = w.join(' ');
  let id = PHRASE_IDS.get(key);
  if (id === undefined) {
    id = PHRASES.length;
    PHRASES.push(w);
    PHRASE_IDS.set(key, id);
    // An empty keyword has no first word: keywordsOf finds it in text without words.
    if (w.length) {
      const h = wordHash(w[0], 0, w[0].length);
      const list = BY_FIRST.get(h);
      if (list) list.push(id);
      else BY_FIRST.set(h, [id]);
    }
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
const EMPTY_KEYWORDS = PHRASES.flatMap((p, id) => (p.length === 0 ? [id] : []));

/** Ids of the keywords that occur in `w` (lower-case words) as whole consecutive words. */
function keywordsIn(w: string[]): number[] {
  // An empty keyword is found in empty text only (as ` ` + `` + ` ` is in `  `).
  if (w.length === 0) return [...EMPTY_KEYWORDS];
  const found: number[] = [];
  for (let i = 0; i < w.length; i++) {
    const ids = BY_FIRST.get(wordHash(w[i], 0, w[i].length));
    if (!ids) continue;
    for (const id of ids) {
      const p = PHRASES[id];
      let k = 0;
      while (k < p.length && p[k] === w[i + k]) k++;
      if (k === p.length) found.push(id);
    }
  }
  return found;
}

// The words of the figure being matched, in scratch arrays reused from figure to figure (no
// allocation per figure): per word, the hash of its lower case, its start and end; the words from
// `nounFrom` on are the noun's, those before the subject's.
let wordHashes = new Int32Array(64);
let wordStarts = new Int32Array(64);
let wordEnds = new Int32Array(64);
let wordCount = 0;
let nounFrom = 0;

// 1 at the low 16 bits of the hashes in BY_FIRST: most words start no keyword, and are rejected
// by this read instead of a Map look-up.
const FIRST_HASH = new Uint8Array(1 << 16);
for (const h of BY_FIRST.keys()) FIRST_HASH[h & 0xffff] = 1;

/** Each keyword's words' hashes: most words after a first one are rejected by a compare. */
const PHRASE_HASHES = PHRASES.map((p) => Int32Array.from(p, (w) => wordHash(w, 0, w.length)));

/**
 * Reads the words of `s` in lower case (as taxonomyWords splits it) into the scratch arrays, after
 * those there; false when a code unit has no LOWER_UNIT (taxonomyWords then lower-cases the string).
 */
function readWords(s: string): boolean {
  let start = -1;
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const low = c < LOWER_UNIT.length ? LOWER_UNIT[c] : NO_LOWER;
    if (low === NO_LOWER) return false;
    if (WORD_UNIT[low] === 1) {
      if (start < 0) { start = i; h = 0; }
      h = (Math.imul(h, 31) + low) & 0x3fffffff;
    } else if (start >= 0) {
      addWord(h, start, i);
      start = -1;
    }
  }
  if (start >= 0) addWord(h, start, s.length);
  return true;
}

function addWord(hash: number, start: number, end: number): void {
  if (wordCount === wordHashes.length) {
    const grow = (a: Int32Array) => { const b = new Int32Array(a.length * 2); b.set(a); return b; };
    wordHashes = grow(wordHashes);
    wordStarts = grow(wordStarts);
    wordEnds = grow(wordEnds);
  }
  wordHashes[wordCount] = hash;
  wordStarts[wordCount] = start;
  wordEnds[wordCount] = end;
  wordCount++;
}

/** Whether keyword `id` starts at word `i` of subject + noun. */
function keywordAt(id: number, i: number, subject: string, noun: string): boolean {
  const p = PHRASES[id];
  const hashes = PHRASE_HASHES[id];
  if (i + p.length > wordCount) return false;
  for (let k = 0; k < p.length; k++) {
    const w = i + k;
    if (wordHashes[w] !== hashes[k] || !lowerWordIs(w < nounFrom ? subject : noun, wordStarts[w], wordEnds[w], p[k])) return false;
  }
  return true;
}

/**
 * Ids of the keywords that occur as whole consecutive words of `${subject} | ${noun}` read in lower
 * case: its words are the subject's then the noun's (`|` is none). Undefined when a code unit has
 * no LOWER_UNIT.
 */
function keywordsOf(subject: string, noun: string): number[] | undefined {
  wordCount = 0;
  if (!readWords(subject)) return undefined;
  nounFrom = wordCount;
  if (!readWords(noun)) return undefined;
  // An empty keyword is found in empty text only (as ` ` + `` + ` ` is in `  `).
  if (wordCount === 0) return [...EMPTY_KEYWORDS];
  const found: number[] = [];
  for (let i = 0; i < wordCount; i++) {
    const h = wordHashes[i];
    if (FIRST_HASH[h & 0xffff] === 0) continue;
    const ids = BY_FIRST.get(h);
    if (ids) for (const id of ids) if (keywordAt(id, i, subject, noun)) found.push(id);
  }
  return found;
}

/** Whether s[start, end) in lower case is `word`. */
function lowerWordIs(s: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (LOWER_UNIT[s.charCodeAt(start + k)] !== word.charCodeAt(k)) return false;
  return true;
}

/** Whether rule `k` fits a figure of `unit` whose text has the keywords `found`. */
function fits(k: number, unit: string, found: number[]): boolean {
  const r = RULES[k];
  if (r.units && !r.units.has(unit)) return false;
  for (const id of r.none) if (found.includes(id)) return false;
  for (const id of r.all) if (!found.includes(id)) return false;
  return true;
}

/** The indicator key of a figure, from its subject, noun and unit. Whole words only: `trường` is not `hội trường`'s. */
export function indicatorOf(f: { subject?: string; noun?: string; unit: string }): string {
  const subject = f.subject ?? '';
  const noun = f.noun ?? '';
  const found = keywordsOf(subject, noun) ?? keywordsIn(taxonomyWords(`${subject} | ${noun}`));
  // The first fitting rule in taxonomy order wins; only those with an `any` keyword found can fit.
  let best = RULES.length;
  for (const k of ALWAYS) if (k < best && fits(k, f.unit, found)) best = k;
  for (const id of found) for (const k of ANY_OF[id]) if (k < best && fits(k, f.unit, found)) best = k;
  return best < RULES.length ? RULES[best].key : 'other';
}
