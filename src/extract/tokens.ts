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

const TOKEN_RE = /(\d+(?:[.,]\d+)*|[.,]\d+)|([\p{L}\p{M}]+)|(\S)/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const gap = text.slice(prevEnd, m.index);
    // `,77` only counts as a number when it does not follow a word or digit directly.
    if (m[1] && /^[.,]/.test(m[1]) && m.index > 0 && /[\p{L}\p{N}\p{M}]/u.test(text[m.index - 1])) {
      out.push(mk(m[1][0], m.index, 'sym', gap));
      TOKEN_RE.lastIndex = m.index + 1;
      prevEnd = m.index + 1;
      continue;
    }
    const kind = m[1] ? 'num' : m[2] ? 'word' : 'sym';
    out.push(mk(m[0], m.index, kind, gap));
    prevEnd = m.index + m[0].length;
  }
  return out;
}

function mk(text: string, start: number, kind: Token['kind'], gap: string): Token {
  return {
    text,
    lo: text.toLowerCase(),
    start,
    end: start + text.length,
    kind,
    space: gap.length > 0,
    newline: gap.includes('\n'),
  };
}
