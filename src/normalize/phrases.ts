// Whole-word phrase search by code unit: finds what the regex (?<![\p{L}])(?:p1|p2|...)(?![\p{L}])
// finds (flags `u` or `iu`, phrases tried longest first), without a Unicode regex over the text.
// Per figure these regexes ran over the sentence many times; a table read per character is cheaper.
import { unitTable } from './text.js';

const LETTER_RE = /\p{L}/u;
const LETTER = unitTable(/[\p{L}]/u);

/** \p{L} for the code unit `c`, or for the surrogate pair s[i, i+2) when `c` starts one. */
function letterCode(s: string, c: number, i: number): boolean {
  if (c < LETTER.length) return LETTER[c] === 1;
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = s.charCodeAt(i + 1);
    return low >= 0xdc00 && low <= 0xdfff && LETTER_RE.test(s.slice(i, i + 2));
  }
  return LETTER_RE.test(String.fromCharCode(c));
}

/** Whether a letter starts at s[i] (false past the end), as a `u` regex's lookahead sees it. */
export function letterAt(s: string, i: number): boolean {
  return i < s.length && letterCode(s, s.charCodeAt(i), i);
}

/** Whether a letter ends right before s[i] (false at 0), as a `u` regex's lookbehind sees it. */
export function letterBefore(s: string, i: number): boolean {
  if (i <= 0) return false;
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return LETTER_RE.test(s.slice(i - 2, i));
  }
  return letterCode(s, c, i - 1);
}

// Case-insensitive `u` regexes compare simple case foldings. For the letters of the cue phrases
// that is toLowerCase per code unit, except long s (test/figures/phrases.test.ts checks this).
const FOLD = Uint16Array.from({ length: 0x2000 }, (_, c) => {
  const low = String.fromCharCode(c).toLowerCase();
  return low.length === 1 ? low.charCodeAt(0) : c;
});
FOLD[0x17f] = 0x73; // ſ

/** The code unit a case-insensitive regex compares `c` as, for phrases of lower-case letters. */
export function foldUnit(c: number): number {
  if (c < FOLD.length) return FOLD[c];
  if (c >= 0xd800 && c <= 0xdfff) return c;
  const low = String.fromCharCode(c).toLowerCase();
  return low.length === 1 ? low.charCodeAt(0) : c;
}

export class PhraseSet {
  /** Phrases (lower-cased when caseless) by their first code unit, longest first. */
  private readonly byFirst = new Map<number, string[]>();
  /** 1 for the code units a phrase starts with: most positions are rejected by this read. */
  private readonly starts = new Uint8Array(0x2000);
  readonly phrases: readonly string[];

  /** `caseless`: as with the `i` flag. Phrases must start with a letter below U+2000. */
  constructor(phrases: readonly string[], readonly caseless: boolean) {
    this.phrases = [...new Set(phrases.map((p) => (caseless ? p.toLowerCase() : p)))].sort((a, b) => b.length - a.length);
    for (const p of this.phrases) {
      const first = p.charCodeAt(0);
      if (!(first < this.starts.length) || !letterAt(p, 0)) throw new Error(`phrase must start with a letter below U+2000: "${p}"`);
      this.starts[first] = 1;
      const list = this.byFirst.get(first);
      if (list) list.push(p);
      else this.byFirst.set(first, [p]);
    }
  }

  private unit(s: string, i: number): number {
    return this.caseless ? foldUnit(s.charCodeAt(i)) : s.charCodeAt(i);
  }

  /** Length of the longest phrase matched at s[i] between non-letters, else 0. */
  at(s: string, i: number): number {
    return i < s.length && !letterBefore(s, i) ? this.longestAt(s, i) : 0;
  }

  /** Length of the longest phrase at s[i] followed by a non-letter (the letter before is not read), else 0. */
  private longestAt(s: string, i: number): number {
    const first = this.unit(s, i);
    if (this.starts[first] !== 1) return 0;
    for (const p of this.byFirst.get(first)!) {
      const end = i + p.length;
      if (end > s.length) continue;
      let k = 1;
      while (k < p.length && this.unit(s, i + k) === p.charCodeAt(k)) k++;
      if (k === p.length && !letterAt(s, end)) return p.length;
    }
    return 0;
  }

  /** Index of the leftmost match at or after `from`, else -1 (the non-global regex's `index`). */
  find(s: string, from = 0): number {
    // Phrases start with a letter, so only word starts are tried: one table read per code unit.
    let prevLetter = letterBefore(s, from);
    for (let i = from; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < LETTER.length) {
        const letter = LETTER[c] === 1;
        if (letter && !prevLetter && this.longestAt(s, i)) return i;
        prevLetter = letter;
      } else {
        // Past the table (and surrogate pairs, read as one code point): the slow path.
        if (!prevLetter && letterAt(s, i) && this.longestAt(s, i)) return i;
        prevLetter = letterBefore(s, i + 1);
      }
    }
    return -1;
  }

  /** Starts and ends of the matches of a left-to-right global scan (they do not overlap): [at0, end0, at1, end1, ...]. */
  hits(s: string): number[] {
    const out: number[] = [];
    for (let at = this.find(s); at >= 0; at = this.find(s, out[out.length - 1])) out.push(at, at + this.at(s, at));
    return out;
  }

  /** Start of the longest phrase that ends `s` after a non-letter (`(?<![\p{L}])(?:...)$`), else -1. */
  suffix(s: string): number {
    for (const p of this.phrases) {
      const at = s.length - p.length;
      if (at < 0) continue;
      let k = 0;
      while (k < p.length && this.unit(s, at + k) === p.charCodeAt(k)) k++;
      if (k === p.length && !letterBefore(s, at)) return at;
    }
    return -1;
  }
}
