// Whole-word phrase search in lower-case text, for the cue words of an article (modality.ts).
// Finds exactly what the regex (?<![L])(?:p1|p2|...)(?![L]) would, with the phrases tried longest
// first, but for many phrase lists in one pass over the text: each run of letters is hashed as it
// is read, and only runs that begin some phrase are compared with the phrases. When the text's
// tokens are at hand, the hashes of its words (tokens.ts) stand in for most of that reading.
import { KeyFilter, isLatinLetter, type Token } from './tokens.js';

export interface Hit { at: number; end: number; text: string }

/** The letters of a word boundary, as in the cue regexes: a-zA-Z\u00C0-\u024F\u1E00-\u1EFF. */
export const isCueLetter = isLatinLetter;

/** Hash of s[from, to): the run of letters a phrase starts with. Collisions only cost a compare. */
function runHash(s: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) & 0x3fffffff; // wordKey(s.slice(from, to))
  return h;
}

interface Entry { phrase: string; list: number; run: number }

export class CuePhrases<K extends string> {
  /** Phrases by the hash of their first run of letters, longest first. */
  private readonly byFirst = new Map<number, Entry[]>();
  /** byFirst's keys: most words are ruled out without a Map lookup. */
  private readonly keys = new KeyFilter();
  private readonly names: K[];

  /** Phrases must start and end with a letter (so masking a phrase cannot make a new boundary). */
  constructor(lists: Record<K, string[]>) {
    this.names = Object.keys(lists) as K[];
    this.names.forEach((name, id) => {
      const list = lists[name];
      for (const phrase of list) {
        if (!phrase || !isCueLetter(phrase.charCodeAt(0)) || !isCueLetter(phrase.charCodeAt(phrase.length - 1))) {
          throw new Error(`cue phrase must start and end with a letter: "${phrase}"`);
        }
        let run = 1;
        while (run < phrase.length && isCueLetter(phrase.charCodeAt(run))) run++;
        // candidatesIn looks for first runs in word tokens only: × and ÷ are cue letters but no word's.
        if (!/^\p{L}+$/u.test(phrase.slice(0, run))) throw new Error(`cue phrase must start with a word: "${phrase}"`);
        const key = runHash(phrase, 0, run);
        this.keys.add(key);
        const entries = this.byFirst.get(key) ?? [];
        entries.push({ phrase, list: id, run });
        entries.sort((a, b) => b.phrase.length - a.phrase.length);
        this.byFirst.set(key, entries);
      }
    });
  }

  /**
   * Every phrase of every list found at a word start of `s`, by list, in text order (at one start,
   * longest first); overlapping ones included. `resolve` picks the regex's hits from them.
   */
  candidates(s: string): Record<K, Hit[]> {
    const out: Hit[][] = this.names.map(() => []);
    this.runsIn(s, 0, s.length, out);
    return this.byName(out);
  }

  /**
   * candidates(s), where s is the lower case of a text of the same length and `tokens` its tokens.
   * A phrase's first run is letters only, so it lies in one word token: a word that is all cue
   * letters is one run (unless × or ÷ touches it) whose hash the tokenizer has computed; the few
   * other words are read code unit by code unit.
   */
  candidatesIn(s: string, tokens: Token[]): Record<K, Hit[]> {
    const out: Hit[][] = this.names.map(() => []);
    for (const t of tokens) {
      if (t.kind !== 'word') continue;
      if (!t.latin) this.runsIn(s, t.start, t.end, out);
      else if (this.keys.mayHave(t.key) && !(t.start > 0 && isCueLetter(s.charCodeAt(t.start - 1)))) this.phrasesAt(s, t.start, t.key, out);
    }
    return this.byName(out);
  }

  /** Phrases at the starts of runs of letters that begin in s[from, to). */
  private runsIn(s: string, from: number, to: number, out: Hit[][]): void {
    const n = s.length;
    let p = from;
    // Inside a run that started before `from`.
    if (p > 0 && isCueLetter(s.charCodeAt(p - 1))) while (p < n && isCueLetter(s.charCodeAt(p))) p++;
    while (p < to) {
      if (!isCueLetter(s.charCodeAt(p))) { p++; continue; }
      let e = p + 1;
      while (e < n && isCueLetter(s.charCodeAt(e))) e++;
      this.phrasesAt(s, p, runHash(s, p, e), out);
      p = e;
    }
  }

  /** The phrases whose first run hashes to `key` that are at p, whole words. */
  private phrasesAt(s: string, p: number, key: number, out: Hit[][]): void {
    const entries = this.byFirst.get(key);
    if (!entries) return;
    const n = s.length;
    // An index loop, not for...of: this runs for about one word in eight of every article.
    for (let e = 0; e < entries.length; e++) {
      const { phrase, list, run } = entries[e];
      const end = p + phrase.length;
      if (end <= n && (end === n || !isCueLetter(s.charCodeAt(end))) && phraseAt(s, p, phrase, run)) out[list].push({ at: p, end, text: phrase });
    }
  }

  private byName(out: Hit[][]): Record<K, Hit[]> {
    const byName = {} as Record<K, Hit[]>;
    for (let id = 0; id < this.names.length; id++) byName[this.names[id]] = out[id];
    return byName;
  }
}

/**
 * s.startsWith(phrase, p), for a phrase whose first `run` code units most likely match (their hash
 * did): the rest is compared first, where phrases that share a first word differ.
 */
function phraseAt(s: string, p: number, phrase: string, run: number): boolean {
  for (let i = run; i < phrase.length; i++) if (s.charCodeAt(p + i) !== phrase.charCodeAt(i)) return false;
  for (let i = 0; i < run; i++) if (s.charCodeAt(p + i) !== phrase.charCodeAt(i)) return false;
  return true;
}

/**
 * The hits a global regex would find: left to right, not overlapping, the longest phrase at each
 * start. With `masks` (hits of another list, not overlapping, in order) the text is read as if
 * those spans were blanked out: a phrase touching one is not there.
 */
export function resolve(cands: Hit[], masks: Hit[] = []): Hit[] {
  const out: Hit[] = [];
  let lastEnd = 0;
  let m = 0;
  for (const h of cands) {
    if (h.at < lastEnd) continue;
    while (m < masks.length && masks[m].end <= h.at) m++;
    if (m < masks.length && masks[m].at < h.end) continue;
    out.push(h);
    lastEnd = h.end;
  }
  return out;
}
