// A tokenizer that keeps offsets: digit runs (with their . and , marks), words (letters and
// combining marks, so Vietnamese syllables stay whole), and single symbols.

export interface Token {
  text: string;
  /** Lower case, for matching. */
  lo: string;
  start: number;
  end: number;
  kind: 'num' | 'word' | 'sym';
  /** Whitespace separates this token from the previous one. */
  space: boolean;
  /** A line break separates this token from the previous one. */
  newline: boolean;
}

// The character classes, as regexes; sticky ones are used with test() (no match arrays).
const SPACE_RE = /\s+/uy;
const WORD_RE = /[\p{L}\p{M}]+/uy;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

const COMBINING = /[\u0300-\u036f]/;

// Per-code-unit class bits below TABLE_END (Latin, combining marks, Vietnamese), computed once
// from the regexes above so both paths agree; code units from TABLE_END on ask the regexes.
const SPACE = 1;
const LETTER = 2; // [\p{L}\p{M}]: part of a word
const WORDISH = 4; // [\p{L}\p{N}\p{M}]: a `,77` after it is glued, not a number
const NOT_LOWER = 8; // changed by toLowerCase, or a combining mark (NFC may change it)
const TABLE_END = 0x2000;
const CLASS = new Uint8Array(TABLE_END);
for (let c = 0; c < TABLE_END; c++) {
  const ch = String.fromCharCode(c);
  CLASS[c] = (/^\s$/u.test(ch) ? SPACE : 0) | (/^[\p{L}\p{M}]$/u.test(ch) ? LETTER : 0) | (WORD_CHAR.test(ch) ? WORDISH : 0) |
    (ch.toLowerCase() !== ch || COMBINING.test(ch) ? NOT_LOWER : 0);
}

const isDigit = (c: number) => c >= 48 && c <= 57;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let pos = 0;
  // Next line break at or after pos, looked up once per line so the scan stays linear.
  let nextBreak = text.indexOf('\n');
  while (pos < n) {
    // Whitespace: remember whether it held a line break.
    const spaceEnd = whitespaceEnd(text, pos);
    let space = false;
    let newline = false;
    if (spaceEnd > pos) {
      space = true;
      if (nextBreak !== -1 && nextBreak < pos) nextBreak = text.indexOf('\n', pos);
      newline = nextBreak !== -1 && nextBreak < spaceEnd;
      pos = spaceEnd;
      if (pos >= n) break;
    }
    const c = text.charCodeAt(pos);
    let end = -1;
    let kind: Token['kind'] = 'sym';
    if (isDigit(c) || c === 46 || c === 44) {
      // `,77` only counts as a number when it does not follow a word or digit directly.
      const glued = (c === 46 || c === 44) && pos > 0 && isWordish(text, pos - 1);
      if (!glued) end = numberEnd(text, pos);
      if (end > 0) kind = 'num';
    }
    if (end < 0) {
      end = wordEnd(text, pos);
      if (end > pos) kind = 'word';
      else end = -1;
    }
    if (end < 0) {
      // One symbol: a whole code point, so an emoji stays one token.
      end = c >= 0xd800 && c <= 0xdbff && pos + 1 < n && (text.charCodeAt(pos + 1) & 0xfc00) === 0xdc00 ? pos + 2 : pos + 1;
    }
    const t = text.slice(pos, end);
    out.push({ text: t, lo: kind === 'word' ? lower(t) : t, start: pos, end, kind, space, newline });
    pos = end;
  }
  return out;
}

/** End of the whitespace run at pos (pos itself when there is none): /\s+/u. */
function whitespaceEnd(text: string, pos: number): number {
  let p = pos;
  while (p < text.length) {
    const c = text.charCodeAt(p);
    if (c < TABLE_END) {
      if (!(CLASS[c] & SPACE)) break;
      p++;
    } else {
      SPACE_RE.lastIndex = p;
      if (SPACE_RE.test(text)) p = SPACE_RE.lastIndex;
      break;
    }
  }
  return p;
}

/** End of the number at pos, or -1: /\d+(?:[.,]\d+)*|[.,]\d+/ (ASCII digits only). */
function numberEnd(text: string, pos: number): number {
  const n = text.length;
  let p = pos;
  if (!isDigit(text.charCodeAt(p))) {
    // A leading mark takes one digit group: `,77`.
    if (p + 1 >= n || !isDigit(text.charCodeAt(p + 1))) return -1;
    p += 2;
    while (p < n && isDigit(text.charCodeAt(p))) p++;
    return p;
  }
  while (p < n && isDigit(text.charCodeAt(p))) p++;
  for (;;) {
    const m = text.charCodeAt(p);
    if ((m !== 46 && m !== 44) || !isDigit(text.charCodeAt(p + 1))) return p;
    p += 2;
    while (p < n && isDigit(text.charCodeAt(p))) p++;
  }
}

/** End of the run of letters and marks at pos (pos when there is none): /[\p{L}\p{M}]+/u. */
function wordEnd(text: string, pos: number): number {
  let p = pos;
  while (p < text.length) {
    const c = text.charCodeAt(p);
    if (c < TABLE_END) {
      if (!(CLASS[c] & LETTER)) break;
      p++;
    } else {
      // The regex reads the rest of the run, surrogate pairs included.
      WORD_RE.lastIndex = p;
      if (WORD_RE.test(text)) p = WORD_RE.lastIndex;
      break;
    }
  }
  return p;
}

/** The code unit at i is a letter, digit or mark. */
function isWordish(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < TABLE_END ? (CLASS[c] & WORDISH) !== 0 : WORD_CHAR.test(text[i]);
}

// Lower-cased words, cached: news text reuses a small vocabulary and toLowerCase on
// non-ASCII text is slow. Cleared when it grows large, so memory stays bounded.
const LOWER_CACHE = new Map<string, string>();
const LOWER_CACHE_MAX = 50_000;

/**
 * Lower case for matching, composed (NFC): a decomposed `hộ` still matches, while offsets stay
 * those of the text as given. Vietnamese has no locale-specific case rules.
 */
function lower(word: string): string {
  if (isLower(word)) return word;
  let lo = LOWER_CACHE.get(word);
  if (lo === undefined) {
    lo = word.toLowerCase();
    if (COMBINING.test(lo)) lo = lo.normalize('NFC');
    if (LOWER_CACHE.size >= LOWER_CACHE_MAX) LOWER_CACHE.clear();
    LOWER_CACHE.set(word, lo);
  }
  return lo;
}

/** Lower case already, with no combining mark: most words of running text, lower() returns them as they are. */
function isLower(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= TABLE_END || (CLASS[c] & NOT_LOWER)) return false;
  }
  return true;
}
