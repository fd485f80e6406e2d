// Text-scanning helpers shared by the entity matchers. Matchers search a "shadow" of the text: same
// length, lower case, one tone-mark style, one kind of dash, quote and apostrophe, so offsets found
// in the shadow are offsets in the text.
import { foldCase } from '../../normalize/text.js';

const TONE_MOVES: Record<string, string> = {
  'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa',
  'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
  'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy',
};
// Same moves as foldCase, so phrases folded with foldCase match the shadow.
// Letters of Vietnamese text, spelled out: a `\\p{L}` class costs milliseconds to compile and the
// matchers build a few hundred regexes.
export const L = 'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u1E00-\\u1EFF';
/** Word characters: letters, marks, digits. */
export const W = `0-9${L}`;
/** Regex sources: not preceded / not followed by a word character. */
export const NO_WORD_BEFORE = `(?<![${W}])`;
export const NO_WORD_AFTER = `(?![${W}])`;

/** True for an upper-case letter. */
export const isUpper = (ch: string | undefined): boolean => !!ch && ch !== ch.toLowerCase();
/** Number of upper-case letters in `s`. */
export const upperCount = (s: string): number => [...s].filter(isUpper).length;

const TONE_RE = new RegExp(`(${Object.keys(TONE_MOVES).join('|')})(?![${L}])`, 'g');

function shadowChar(ch: string): string {
  if (/[‘’ʼ`]/.test(ch)) return "'";
  if (/[“”„«»]/.test(ch)) return '"';
  if (/[–—−]/.test(ch)) return '-';
  if (/[\u00a0\u2007\u202f\u2009\u200a]/.test(ch)) return ' ';
  const lower = ch.toLocaleLowerCase('vi');
  return lower.length === ch.length ? lower : ch;
}

/** Lower-cased, tone-, dash- and quote-normalised copy of `text` with the same length. */
export function shadowOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += shadowChar(text[i]);
  return out.replace(TONE_RE, (m) => TONE_MOVES[m] ?? m);
}

const WORD_CHAR = new RegExp(`[${W}]`);
export const isWordChar = (ch: string | undefined): boolean => !!ch && WORD_CHAR.test(ch);

/** Regex source matching `phrase` in a shadow: any case, any run of spaces, any dash, optional quotes. */
export function phraseSource(phrase: string): string {
  return foldCase(phrase)
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[–—−]/g, '-')
    .trim()
    .split(/(\s*-\s*|\s*&\s*|\s*,\s*|\s+|")/u)
    .filter((part) => part !== '')
    .map((part) => {
      if (/^\s*-\s*$/u.test(part)) return '\\s*-\\s*';
      if (/^\s*&\s*$/u.test(part)) return '\\s*&\\s*';
      if (/^\s*,\s*$/u.test(part)) return '\\s*,\\s*';
      if (/^\s+$/u.test(part)) return '\\s+';
      if (part === '"') return '"?';
      return part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
}

/** Global regex for any of `phrases` (longest first) on a shadow, bounded by non-word characters. */
export function phrasesRegex(phrases: string[]): RegExp {
  const sources = [...new Set(phrases)].sort((a, b) => b.length - a.length).map(phraseSource);
  return new RegExp(`${NO_WORD_BEFORE}(?:${sources.join('|')})${NO_WORD_AFTER}`, 'g');
}

/** Regex source for an abbreviation matched as written (case-sensitive) on the original text. */
export function exactSource(form: string): string {
  return form.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s+').replace(/-/g, '\\s*[-–]\\s*');
}

/** True when only spaces, quotes or brackets separate `i` from the start of a sentence or line. */
export function atSentenceStart(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && /[\s"“”'‘’(\[*-]/u.test(text[j]) && text[j] !== '\n') j--;
  if (j < 0 || text[j] === '\n') return true;
  return /[.!?:;…|]/u.test(text[j]);
}

const WORDS_BEFORE = new Map<number, RegExp>();

/** The `count` words just before `i` in a shadow (lower case), or '' at a boundary like a comma. */
export function wordBefore(shadow: string, i: number, count = 1): string {
  let re = WORDS_BEFORE.get(count);
  if (!re) {
    re = new RegExp(`((?:[${W}]+ +){${count - 1}}[${W}]+) *$`);
    WORDS_BEFORE.set(count, re);
  }
  const m = re.exec(shadow.slice(Math.max(0, i - 40), i));
  return m ? m[1] : '';
}

/** One syllable of a proper-name run. */
export interface Syllable {
  start: number;
  end: number;
  /** How it joins the previous syllable: a space, a hyphen (` - `, `-`), or nothing for the first. */
  join: '' | ' ' | '-';
  /** Written in digits (`Quận 1`, `Xuân Thọ 2`). */
  digits: boolean;
}

const SYLLABLE = new RegExp(`[${L}]+(?:['’][${L}]+)*`, 'y');
const DIGIT_SYLLABLE = /\d+(?![\d.,/]\d)/y;

/**
 * Capitalised syllables from `pos`: `Bạch Thông`, `Cư M’gar`, `Bà Rịa - Vũng Tàu`, `Xuân Thọ 2`.
 * Stops at a line break, punctuation or a lower-case word. Digits only as the last syllable.
 */
export function properRun(text: string, pos: number, maxSyllables = 6, allowDigitsFirst = false): Syllable[] {
  const out: Syllable[] = [];
  let i = pos;
  let join: Syllable['join'] = '';
  while (out.length < maxSyllables) {
    SYLLABLE.lastIndex = i;
    let m = SYLLABLE.exec(text);
    if (m && !isUpper(m[0][0])) m = null;
    let digits = false;
    if (!m && (out.length > 0 || allowDigitsFirst)) {
      DIGIT_SYLLABLE.lastIndex = i;
      m = DIGIT_SYLLABLE.exec(text);
      digits = !!m;
    }
    if (!m || isWordChar(text[i + m[0].length])) break;
    out.push({ start: i, end: i + m[0].length, join, digits });
    if (digits) break;
    const rest = text.slice(i + m[0].length, i + m[0].length + 4);
    const hyphen = /^ ?[-–] ?/u.exec(rest);
    const space = /^ (?=\S)/u.exec(rest);
    if (hyphen) {
      join = '-';
      i += m[0].length + hyphen[0].length;
    } else if (space) {
      join = ' ';
      i += m[0].length + 1;
    } else break;
  }
  return out;
}

/** Syllables up to (not including) the first hyphen join: `Chị Lý Ân` of `Chị Lý Ân - Điển hình`. */
export function beforeHyphen(run: Syllable[]): Syllable[] {
  const k = run.findIndex((s, i) => i > 0 && s.join === '-');
  return k < 0 ? run : run.slice(0, k);
}

/** Text of syllables `from`..`to` (inclusive indexes) of a run. */
export function runText(text: string, run: Syllable[], from = 0, to = run.length - 1): string {
  return text.slice(run[from].start, run[to].end);
}

/** Paragraph (text between blank lines or line breaks) around `i`. */
export function lineBounds(text: string, i: number): [number, number] {
  const start = text.lastIndexOf('\n', i - 1) + 1;
  const end = text.indexOf('\n', i);
  return [start, end < 0 ? text.length : end];
}
