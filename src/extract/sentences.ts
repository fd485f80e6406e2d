// Sentence and paragraph splitting with offsets, aware of Vietnamese abbreviations
// (TP.HCM, Q.1, TS., v.v.) and of numbers (1.837,272).
import { startsUpper } from './tokens.js';
import { isSpaceCode } from '../normalize/text.js';

export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface Sentence extends Span {
  paragraph: number;
}

/** Words that end with a dot without ending a sentence. */
const ABBREVIATIONS = new Set([
  'tp', 'tx', 'tt', 'q', 'p', 'h', 'x', 'ts', 'ths', 'pgs', 'gs', 'bs', 'ks', 'cn', 'th', 'st', 'mr', 'mrs', 'ms', 'dr',
  'ông', 'bà', 'v.v', 'vv', 'tr', 'đ', 'no', 'tel', 'fax', 'đt', 'sđt', 'pv', 'btv', 'ctv', 'tk', 'ub', 'nxb',
]);

/** Paragraphs: runs of text separated by line breaks. */
export function splitParagraphs(text: string): Span[] {
  const out: Span[] = [];
  eachParagraph(text, (start, end) => out.push({ text: text.slice(start, end), start, end }));
  return out;
}

/** Calls `each` with the offsets of every paragraph: a line, trimmed, unless it is blank. */
function eachParagraph(text: string, each: (start: number, end: number) => void): void {
  for (let from = 0; from < text.length;) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const [a, b] = trimmed(text, from, to);
    if (a < b) each(a, b);
    from = to + 1;
  }
}

/**
 * Sentences with offsets into `text`, each tagged with its paragraph index. A sentence ends where
 * /(\.\/\.|[.!?…]+)(["”’)\]]*)(?=\s+|$)/g matches in its paragraph (unless after an abbreviation, or
 * before what cannot start a sentence). The paragraphs and that regex are read by code unit: the
 * regexes and the trimmed copies they needed were most of the time here.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let pi = 0;
  eachParagraph(text, (a, b) => sentencesOf(text.slice(a, b), a, pi++, out));
  return out;
}

/** Adds the sentences of paragraph `pi`, `body` (trimmed), which starts at `offset` in the text. */
function sentencesOf(body: string, offset: number, pi: number, out: Sentence[]): void {
  let s = 0;
  let i = 0;
  // The end marks are found by a regex, which skips the text between them faster than a loop.
  for (END_MARK.lastIndex = 0; END_MARK.test(body); END_MARK.lastIndex = i) {
    const at = END_MARK.lastIndex - 1;
    const c = body.charCodeAt(at);
    // The regex's match at `at`: `./.`, else the run of end marks; then closing quotes and a space or the end.
    let marks = c === 46 && body.charCodeAt(at + 1) === 47 && body.charCodeAt(at + 2) === 46 ? at + 3 : -1;
    if (marks >= 0 && !spaceOrEnd(body, afterQuotes(body, marks))) marks = -1;
    const slashDot = marks >= 0;
    if (!slashDot) marks = runEnd(body, at);
    const endAt = afterQuotes(body, marks);
    if (!spaceOrEnd(body, endAt)) {
      // Nor can it match inside the run, but for a `./.` from its last mark.
      i = Math.max(at + 1, marks - 1);
      continue;
    }
    i = endAt;
    if (!slashDot && marks === at + 1 && c === 46 && isAbbreviation(body, at)) continue;
    // A new sentence starts with a capital, a digit, a quote or a dash (after the spaces).
    let next = endAt;
    while (next < body.length && isSpaceCode(body.charCodeAt(next))) next++;
    SENTENCE_START.lastIndex = next;
    if (next < body.length && !SENTENCE_START.test(body)) continue;
    pushSentence(out, body, offset, pi, s, endAt);
    s = endAt;
  }
  pushSentence(out, body, offset, pi, s, body.length);
}

const END_MARK = /[.!?…]/g;
const SENTENCE_START = /[\p{Lu}\d"“‘'(\-–•*]/uy;

/** . ! ? … */
function isEndMark(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** The end of the run of end marks from `i`. */
function runEnd(s: string, i: number): number {
  while (i < s.length && isEndMark(s.charCodeAt(i))) i++;
  return i;
}

/** The end of the closing quotes and brackets from `i`: ["”’)\]]*. */
function afterQuotes(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c !== 34 && c !== 0x201d && c !== 0x2019 && c !== 41 && c !== 93) return i;
    i++;
  }
}

/** (?=\s+|$) at `i`. */
function spaceOrEnd(s: string, i: number): boolean {
  return i >= s.length || isSpaceCode(s.charCodeAt(i));
}

/** s[from, to) without the spaces at both ends (what trim() removes), as [start, end). */
function trimmed(s: string, from: number, to: number): [number, number] {
  while (from < to && isSpaceCode(s.charCodeAt(from))) from++;
  while (to > from && isSpaceCode(s.charCodeAt(to - 1))) to--;
  return [from, to];
}

/** Adds body[a, b) of a paragraph at `offset`, trimmed, unless it is blank. */
function pushSentence(out: Sentence[], body: string, offset: number, pi: number, a: number, b: number): void {
  const [start, end] = trimmed(body, a, b);
  if (start < end) out.push({ text: body.slice(start, end), start: offset + start, end: offset + end, paragraph: pi });
}

const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map((w) => w.length));

function isAbbreviation(body: string, dot: number): boolean {
  // After a word longer than any abbreviation (the usual sentence end), the regex below can only say no.
  if (latinLettersBefore(body, dot, LONGEST_ABBREVIATION + 1) > LONGEST_ABBREVIATION) return false;
  // Nor after a digit, a bracket or a sign: the word below needs a letter or a dot right before.
  const last = body.charCodeAt(dot - 1);
  if (last < 0x80 && !((last >= 65 && last <= 90) || (last >= 97 && last <= 122) || last === 46)) return false;
  const before = body.slice(Math.max(0, dot - 12), dot);
  const word = lastWord(before)?.toLowerCase() ?? '';
  if (!word) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital letter (initials: Nguyễn V. A.)
  return word.length === 1 && startsUpper(before.slice(-1));
}

/**
 * /([\p{L}.]+)$/u.exec(s)?.[1], read backwards; words longer than any abbreviation are cut short
 * (they are not one either way).
 */
function lastWord(s: string): string | undefined {
  let p = s.length;
  while (p > 0 && s.length - p <= LONGEST_ABBREVIATION) {
    const c = s.charCodeAt(p - 1);
    if (c >= 0x2000) return /([\p{L}.]+)$/u.exec(s)?.[1]; // surrogates and the rest: the regex
    if (c !== 46 && !IS_LETTER[c]) break;
    p--;
  }
  return p < s.length ? s.slice(p) : undefined;
}

/** \p{L}, by code unit below U+2000. */
const IS_LETTER = new Uint8Array(0x2000).map((_, c) => (/\p{L}/u.test(String.fromCharCode(c)) ? 1 : 0));

/** How many letters of the Latin and Vietnamese ranges (all \p{L}) come right before `at`, counting up to `limit`. */
function latinLettersBefore(body: string, at: number, limit: number): number {
  let n = 0;
  while (n < limit && at - n > 0) {
    const c = body.charCodeAt(at - n - 1);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
      (c >= 0x1e00 && c <= 0x1eff);
    if (!letter) break;
    n++;
  }
  return n;
}

/**
 * Where the clause holding `at` starts inside `before` (text from the sentence start to the figure):
 * after the last `;` or `:`, or after an opening bracket that is still open.
 * `tỷ lệ hộ nghèo của huyện Văn Yên (tỉnh Yên Bái) còn 9,85%` keeps its whole clause.
 */
export function clauseCut(before: string): number {
  let cut = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'));
  let depth = 0;
  for (let i = before.length - 1; i > cut; i--) {
    const c = before.charCodeAt(i);
    if (c === 41) depth++; // )
    else if (c === 40) { // (
      if (depth === 0) { cut = i; break; }
      depth--;
    }
  }
  return cut;
}
