// Whole-word phrase search in lower-case text, for the cue words of an article (modality.ts).
// Finds exactly what the regex (?<![L])(?:p1|p2|...)(?![L]) would, with the phrases tried longest
// first, but for many phrase lists in one pass over the text: each run of letters is hashed as it
// is read, and only runs that begin some phrase are compared with the phrases.

export interface Hit { at: number; end: number; text: string }

/** The letters of a word boundary, as in the cue regexes: a-zA-Z\u00C0-\u024F\u1E00-\u1EFF. */
export function isCueLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff);
}

/** Hash of s[from, to): the run of letters a phrase starts with. Collisions only cost a compare. */
function runHash(s: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) & 0x3fffffff; // a small integer: a fast Map key
  return h;
}

interface Entry { phrase: string; list: number }

export class CuePhrases<K extends string> {
  /** Phrases by the hash of their first run of letters, longest first. */
  private readonly byFirst = new Map<number, Entry[]>();
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
        const key = runHash(phrase, 0, run);
        const entries = this.byFirst.get(key) ?? [];
        entries.push({ phrase, list: id });
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
    const n = s.length;
    let p = 0;
    while (p < n) {
      if (!isCueLetter(s.charCodeAt(p))) { p++; continue; }
      let e = p + 1;
      while (e < n && isCueLetter(s.charCodeAt(e))) e++;
      const entries = this.byFirst.get(runHash(s, p, e));
      if (entries) {
        for (const { phrase, list } of entries) {
          const end = p + phrase.length;
          if (s.startsWith(phrase, p) && (end >= n || !isCueLetter(s.charCodeAt(end)))) out[list].push({ at: p, end, text: phrase });
        }
      }
      p = e;
    }
    return Object.fromEntries(this.names.map((name, id) => [name, out[id]])) as Record<K, Hit[]>;
  }
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
