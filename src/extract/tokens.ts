// A tokenizer that keeps offsets: digit runs (with their . and , marks), words (letters and
// combining marks, so Vietnamese syllables stay whole), and single symbols.

/**
 * One token. Its text and lower-case form are sliced from the source only when read: the scanner
 * looks at few tokens closely, and most words are only checked by `key`.
 */
export class Token {
  private t: string | undefined = undefined;
  private l: string | undefined = undefined;

  constructor(
    private readonly src: string,
    readonly start: number,
    readonly end: number,
    readonly kind: 'num' | 'word' | 'sym',
    /** Whitespace separates this token from the previous one. */
    readonly space: boolean,
    /** A line break separates this token from the previous one. */
    readonly newline: boolean,
    /** wordKey of `lo`, or -1 until known: the tokenizer computes it for most words and symbols. */
    private k: number,
    /**
     * A word whose lower case, code unit by code unit, is all Latin and Vietnamese letters
     * (a-z, U+00C0-U+024F, U+1E00-U+1EFF): the letters of the cue words' word boundaries.
     */
    readonly latin: boolean,
  ) {}

  /** wordKey(lo), to look the token up in a table before making its string. */
  get key(): number {
    if (this.k < 0) this.k = wordKey(this.lo);
    return this.k;
  }

  get text(): string {
    if (this.t === undefined) this.t = this.src.slice(this.start, this.end);
    return this.t;
  }

  /** Lower case, for matching. */
  get lo(): string {
    if (this.l === undefined) this.l = this.kind === 'word' ? lower(this.text) : this.text;
    return this.l;
  }
}

// The character classes, as regexes; sticky ones are used with test() (no match arrays).
const SPACE_RE = /\s+/uy;
const WORD_RE = /[\p{L}\p{M}]+/uy;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

const COMBINING = /[\u0300-\u036f]/;
const UPPER_RE = /^\p{Lu}/u;

// Per-code-unit class bits below TABLE_END (Latin, combining marks, Vietnamese), computed once
// from the regexes above so both paths agree; code units from TABLE_END on ask the regexes.
const SPACE = 1;
const LETTER = 2; // [\p{L}\p{M}]: part of a word
const WORDISH = 4; // [\p{L}\p{N}\p{M}]: a `,77` after it is glued, not a number
const NOT_LOWER = 8; // changed by toLowerCase, or a combining mark (NFC may change it)
const LATIN = 16; // its LOWER is a Latin or Vietnamese letter (isLatinLetter)
const UPPER = 32; // \p{Lu}
const TABLE_END = 0x2000;
const CLASS = new Uint8Array(TABLE_END);
/**
 * The lower case of a code unit, where lower() of a word is the lower case of each of its code
 * units; 0 where it is not (İ becomes two, Σ depends on its place, combining marks may compose).
 */
const LOWER = new Uint16Array(TABLE_END);
for (let c = 0; c < TABLE_END; c++) {
  const ch = String.fromCharCode(c);
  const lo = ch.toLowerCase();
  CLASS[c] = (/^\s$/u.test(ch) ? SPACE : 0) | (/^[\p{L}\p{M}]$/u.test(ch) ? LETTER : 0) | (WORD_CHAR.test(ch) ? WORDISH : 0) |
    (lo !== ch || COMBINING.test(ch) ? NOT_LOWER : 0);
  LOWER[c] = lo.length === 1 && c !== 0x3a3 && !COMBINING.test(ch) ? lo.charCodeAt(0) : 0;
  if (CLASS[c] & LETTER && LOWER[c] !== 0 && isLatinLetter(LOWER[c])) CLASS[c] |= LATIN;
  if (UPPER_RE.test(ch)) CLASS[c] |= UPPER;
}

/** /^\p{Lu}/u.test(s) */
export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  return c < TABLE_END ? (CLASS[c] & UPPER) !== 0 : UPPER_RE.test(s);
}

/** a-zA-Z, U+00C0-U+024F (× and ÷ included), U+1E00-U+1EFF: the letters of a cue word boundary. */
export function isLatinLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff);
}

/** Hash step of wordKey: a small integer, a fast Set key. */
const step = (h: number, c: number) => (Math.imul(h, 31) + c) & 0x3fffffff;

/**
 * A number for a lower-case word or a symbol, to test set membership without making the string:
 * equal strings have equal keys (a key hit is confirmed with the string itself).
 */
export function wordKey(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = step(h, s.charCodeAt(i));
  return h;
}

/**
 * A set of wordKeys as bits of their low 16 bits: `mayHave` false means not in the set. Cheaper
 * than a Set lookup for the many words of a text that are in none of the tables.
 */
export class KeyFilter {
  private readonly bits = new Uint8Array(1 << 13);

  constructor(words: Iterable<string> = []) {
    for (const w of words) this.add(wordKey(w));
  }

  add(key: number): void {
    this.bits[(key >> 3) & 0x1fff] |= 1 << (key & 7);
  }

  mayHave(key: number): boolean {
    return (this.bits[(key >> 3) & 0x1fff] & (1 << (key & 7))) !== 0;
  }
}

const isDigit = (c: number) => c >= 48 && c <= 57;

// wordEnd's other results, kept here to avoid an object per word: the key of the word it read
// (-1: unknown), and whether it was all Latin letters. One constant object, not two module `let`s:
// V8 checks a module `let` for initialisation at each read and write (once per word here).
const lastWord = { key: 0, latin: false };

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
    let key = -1;
    let latin = false;
    if (isDigit(c) || c === 46 || c === 44) {
      // `,77` only counts as a number when it does not follow a word or digit directly.
      const glued = (c === 46 || c === 44) && pos > 0 && isWordish(text, pos - 1);
      if (!glued) end = numberEnd(text, pos);
      if (end > 0) kind = 'num';
    }
    if (end < 0) {
      end = wordEnd(text, pos);
      if (end > pos) {
        kind = 'word';
        key = lastWord.key;
        latin = lastWord.latin;
      } else end = -1;
    }
    if (end < 0) {
      // One symbol: a whole code point, so an emoji stays one token.
      const pair = c >= 0xd800 && c <= 0xdbff && pos + 1 < n && (text.charCodeAt(pos + 1) & 0xfc00) === 0xdc00;
      end = pair ? pos + 2 : pos + 1;
      key = pair ? step(c, text.charCodeAt(pos + 1)) : c;
    }
    out.push(new Token(text, pos, end, kind, space, newline, key, latin));
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

/**
 * End of the run of letters and marks at pos (pos when there is none): /[\p{L}\p{M}]+/u.
 * Sets lastWord.key to the wordKey of the run's lower case, or -1 when a code unit has no simple
 * one, and lastWord.latin.
 */
function wordEnd(text: string, pos: number): number {
  let p = pos;
  let h = 0;
  let latin = LATIN;
  while (p < text.length) {
    const c = text.charCodeAt(p);
    if (c < TABLE_END) {
      const cls = CLASS[c];
      if (!(cls & LETTER)) break;
      const l = LOWER[c];
      h = l === 0 || h < 0 ? -1 : step(h, l);
      latin &= cls;
      p++;
    } else {
      // The regex reads the rest of the run, surrogate pairs included.
      WORD_RE.lastIndex = p;
      if (WORD_RE.test(text)) {
        p = WORD_RE.lastIndex;
        h = -1;
        latin = 0;
      }
      break;
    }
  }
  lastWord.key = h;
  lastWord.latin = latin !== 0;
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

/**
 * Lower case already, with no combining mark: most words of running text, lower() returns them as
 * they are (and s.toLowerCase() === s).
 */
export function isLower(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= TABLE_END || (CLASS[c] & NOT_LOWER)) return false;
  }
  return true;
}
