// Sentence and paragraph splitting with offsets, aware of Vietnamese abbreviations
// (TP.HCM, Q.1, TS., v.v.) and of numbers (1.837,272).
import { startsUpper } from './tokens.js';

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
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body) continue;
    out.push({ text: body, start: m.index + lead, end: m.index + lead + body.length });
  }
  return out;
}

/** Sentences with offsets into `text`, each tagged with its paragraph index. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  splitParagraphs(text).forEach((p, pi) => {
    let s = 0;
    const body = p.text;
    const re = /(\.\/\.|[.!?…]+)(["”’)\]]*)(?=\s+|$)/g;
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const endAt = m.index + m[0].length;
      if (m[1] === '.' && isAbbreviation(body, m.index)) continue;
      // A new sentence starts with a capital, a digit, a quote or a dash (after the spaces).
      SPACES.lastIndex = endAt;
      SPACES.test(body);
      SENTENCE_START.lastIndex = SPACES.lastIndex;
      if (SPACES.lastIndex < body.length && !SENTENCE_START.test(body)) continue;
      pushSentence(out, p, pi, s, endAt);
      s = endAt;
    }
    pushSentence(out, p, pi, s, body.length);
  });
  return out;
}

const SPACES = /\s*/y;
const SENTENCE_START = /[\p{Lu}\d"“‘'(\-–•*]/uy;

/** Adds body[a, b) of paragraph p, trimmed, unless it is blank. */
function pushSentence(out: Sentence[], p: Span, pi: number, a: number, b: number): void {
  const raw = p.text.slice(a, b);
  const lead = raw.length - raw.trimStart().length;
  const t = raw.trim();
  if (t) out.push({ text: t, start: p.start + a + lead, end: p.start + a + lead + t.length, paragraph: pi });
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
