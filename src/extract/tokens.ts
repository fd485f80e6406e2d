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

// Sticky regexes used with test(): no match arrays, so a 1 MB article makes little garbage.
const NUM_RE = /\d+(?:[.,]\d+)*|[.,]\d+/y;
const WORD_RE = /[\p{L}\p{M}]+/uy;
const SPACE_RE = /\s+/uy;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let pos = 0;
  // Next line break at or after pos, looked up once per line so the scan stays linear.
  let nextBreak = text.indexOf('\n');
  while (pos < n) {
    // Whitespace: remember whether it held a line break.
    SPACE_RE.lastIndex = pos;
    let space = false;
    let newline = false;
    if (SPACE_RE.test(text)) {
      const end = SPACE_RE.lastIndex;
      space = true;
      if (nextBreak !== -1 && nextBreak < pos) nextBreak = text.indexOf('\n', pos);
      newline = nextBreak !== -1 && nextBreak < end;
      pos = end;
      if (pos >= n) break;
    }
    const c = text.charCodeAt(pos);
    let end = -1;
    let kind: Token['kind'] = 'sym';
    if ((c >= 48 && c <= 57) || c === 46 || c === 44) {
      NUM_RE.lastIndex = pos;
      // `,77` only counts as a number when it does not follow a word or digit directly.
      const glued = (c === 46 || c === 44) && pos > 0 && WORD_CHAR.test(text[pos - 1]);
      if (!glued && NUM_RE.test(text)) { end = NUM_RE.lastIndex; kind = 'num'; }
    }
    if (end < 0) {
      WORD_RE.lastIndex = pos;
      if (WORD_RE.test(text)) { end = WORD_RE.lastIndex; kind = 'word'; }
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

const COMBINING = /[\u0300-\u036f]/;

/**
 * Lower case for matching, composed (NFC): a decomposed `hộ` still matches, while offsets stay
 * those of the text as given. Vietnamese has no locale-specific case rules.
 */
function lower(word: string): string {
  const lo = word.toLowerCase();
  return COMBINING.test(lo) ? lo.normalize('NFC') : lo;
}
