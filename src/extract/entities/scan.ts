// Text-scanning helpers shared by the entity matchers. Matchers search a "shadow" of the text: same
// length, lower case, one tone-mark style, one kind of dash, quote and apostrophe, so offsets found
// in the shadow are offsets in the text.
//
// Speed: an article is scanned by some hundred phrase regexes. Run one by one over the whole text
// they cost milliseconds, so they are run through a Finder instead: candidate positions come from a
// table of the phrases' first letters at word starts, and each regex is tried (sticky) only there.
// Character tests use tables, not per-character regexes.
import { foldCase, isSpaceCode } from '../../normalize/text.js';
import { HeadTrie, type Candidates } from './heads.js';

export { isSpaceCode };

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

// Character classes of UTF-16 code units, as the regexes (no `u` flag) see them: 1 letter (L), 2 digit.
const CHAR_CLASS = new Uint8Array(0x10000);
for (const [a, b] of [
  [0x41, 0x5a], [0x61, 0x7a], [0xaa, 0xaa], [0xb5, 0xb5], [0xba, 0xba], [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x24f],
  [0x300, 0x36f], [0x1e00, 0x1eff],
]) CHAR_CLASS.fill(1, a, b + 1);
CHAR_CLASS.fill(2, 0x30, 0x3a);
// Lookups index with `c | 0`: charCodeAt past the end gives NaN, which would make V8 treat every
// lookup at that site as a slow property access.
/** True for the code unit of a letter of `L` (false for NaN, past the end of a string). */
export const isLetterCode = (c: number): boolean => CHAR_CLASS[c | 0] === 1;
/** True for the code unit of a word character (`W`). */
export const isWordCode = (c: number): boolean => CHAR_CLASS[c | 0] > 0;
/** True for an ASCII digit (`\d`). */
export const isDigitCode = (c: number): boolean => CHAR_CLASS[c | 0] === 2;

// Upper case per code unit, filled on first use: 0 unknown, 1 upper, 2 not.
const UPPER = new Uint8Array(0x10000);
/** True for the code unit of an upper-case letter (its lower case differs). */
export function isUpperCode(c: number): boolean {
  c |= 0;
  const v = UPPER[c];
  if (v !== 0) return v === 1;
  const ch = String.fromCharCode(c);
  const upper = ch !== ch.toLowerCase();
  UPPER[c] = upper ? 1 : 2;
  return upper;
}

/** True for an upper-case letter. */
export const isUpper = (ch: string | undefined): boolean =>
  !!ch && (ch.length === 1 ? isUpperCode(ch.charCodeAt(0)) : ch !== ch.toLowerCase());
/** Number of upper-case letters in `s`. */
export const upperCount = (s: string): number => [...s].filter(isUpper).length;

/**
 * `s.charCodeAt(i)`, NaN outside the string as there, but without reading out of bounds: optimised
 * code that does is thrown away and compiled again.
 */
export const codeAt = (s: string, i: number): number => ((i >>> 0) < s.length ? s.charCodeAt(i) : NaN);

/** Number of ASCII digits (`\d`) from `p`. */
export function digitsAt(src: string, p: number): number {
  let q = p;
  while (CHAR_CLASS[codeAt(src, q) | 0] === 2) q++;
  return q - p;
}


const SHADOW_SPECIAL: Record<string, string> = {};
for (const ch of '‘’ʼ`') SHADOW_SPECIAL[ch] = "'";
for (const ch of '“”„«»') SHADOW_SPECIAL[ch] = '"';
for (const ch of '–—−') SHADOW_SPECIAL[ch] = '-';
for (const ch of '\u00a0\u2007\u202f\u2009\u200a') SHADOW_SPECIAL[ch] = ' ';

// The shadow is built one code unit at a time from a table: each unit's shadow character (special
// quotes, dashes and spaces mapped, letters lower-cased when that keeps one unit: `İ` stays, as in
// shadowChar), then the tone moves of TONE_MOVES on pairs not followed by a letter.
const shadowTable = new Uint32Array(0x10000);
// shadowTable entries: the shadow character in the low 16 bits, then these flags.
const SHADOW_WORD = 1 << 16; // the shadow character is a word character
const SHADOW_TONE = 1 << 17; // it may end a tone-move pair
const SHADOW_CHANGES = 1 << 18; // a word character in the text but not in the shadow, or the reverse
const SHADOW_UPPER = 1 << 19; // the text's character is upper case (isUpperCode)
const SHADOW_KNOWN = 1 << 20; // the entry is filled in
const SHADOW_NFC_UNSURE = 1 << 21; // a text holding it may not be NFC (see nfcSafe)
// TONE_MOVES by their second code unit (each second unit ends one pair only): the first unit the
// pair needs, and the two units written instead.
const TONE_FIRST = new Uint16Array(0x10000);
const TONE_TO = [new Uint16Array(0x10000), new Uint16Array(0x10000)];
for (const [from, to] of Object.entries(TONE_MOVES)) {
  const second = from.charCodeAt(1);
  TONE_FIRST[second] = from.charCodeAt(0);
  TONE_TO[0][second] = to.charCodeAt(0);
  TONE_TO[1][second] = to.charCodeAt(1);
}

function shadowChar(ch: string): string {
  const special = SHADOW_SPECIAL[ch];
  if (special !== undefined) return special;
  const lower = ch.toLowerCase(); // Vietnamese has no locale-specific case rules
  return lower.length === ch.length ? lower : ch;
}

/**
 * True for a code unit that is NFC on its own, a starter, and never composes with what comes before
 * it: a text made of such units only is NFC (test/entities/nfc.test.ts checks the ranges). The
 * ranges hold Latin letters (Vietnamese ones too), general punctuation and currency signs.
 */
export function nfcSafe(u: number): boolean {
  const inRange = u < 0x300 || (u >= 0x1e00 && u <= 0x1eff) || (u >= 0x2010 && u <= 0x205e) || (u >= 0x20a0 && u <= 0x20bf);
  const ch = String.fromCharCode(u);
  return inRange && ch.normalize('NFC') === ch;
}

/** The shadowTable entry of code unit `u`, computed on its first use (shadowTable[u] is 0 until then). */
function shadowEntry(u: number): number {
  const ch = String.fromCharCode(u);
  const to = shadowChar(ch).charCodeAt(0);
  const word = CHAR_CLASS[to] > 0;
  const entry = to | SHADOW_KNOWN | (word ? SHADOW_WORD : 0) | (TONE_FIRST[to] ? SHADOW_TONE : 0)
    | (word !== CHAR_CLASS[u] > 0 ? SHADOW_CHANGES : 0) | (ch !== ch.toLowerCase() ? SHADOW_UPPER : 0)
    | (nfcSafe(u) ? 0 : SHADOW_NFC_UNSURE);
  shadowTable[u] = entry;
  return entry;
}

/** A text's shadow and the word starts of both. */
interface Shadowed {
  text: string;
  shadow: string;
  shadowStarts: number[];
  /** The same array as shadowStarts unless some character changes class when lower-cased (`K`). */
  textStarts: number[];
  capitalStarts: number[];
  /** Every code unit is nfcSafe: the text is NFC. */
  nfc: boolean;
}

let shadowed: Shadowed | undefined;

// Scratch memory for shadowAndWords, reused from article to article (up to 4 MB): the text's code
// units in the first half, the shadow's in the second.
interface Scratch {
  bytes: Buffer;
  units: Uint16Array;
  out: Uint16Array;
}

let kept: Scratch | undefined;

function scratchFor(n: number): Scratch {
  if (kept && kept.bytes.length >= 4 * n) return kept;
  const bytes = Buffer.allocUnsafeSlow(Math.max(4 * n, 1 << 16));
  const half = bytes.length >> 1;
  const scratch = {
    bytes,
    units: new Uint16Array(bytes.buffer, bytes.byteOffset, half >> 1),
    out: new Uint16Array(bytes.buffer, bytes.byteOffset + half, half >> 1),
  };
  if (bytes.length <= 1 << 22) kept = scratch;
  return scratch;
}

function shadowAndWords(text: string): Shadowed {
  if (shadowed && shadowed.text === text) return shadowed;
  const table = shadowTable;
  const toneFirst = TONE_FIRST;
  const n = text.length;
  const scratch = scratchFor(n);
  scratch.bytes.write(text, 0, 'utf16le');
  const { units, out } = scratch;
  const starts: number[] = [];
  const capitals: number[] = [];
  let prev = 0;
  let flags = 0;
  for (let i = 0; i < n; i++) {
    const u = units[i];
    let v = table[u];
    if (v === 0) v = shadowEntry(u);
    let c = v & 0xffff;
    // `oà` -> `òa` when no letter follows (TONE_RE); pairs never overlap, and keep their class.
    if ((v & SHADOW_TONE) !== 0 && i > 0 && out[i - 1] === toneFirst[c]) {
      const next = i + 1 < n ? table[units[i + 1]] || shadowEntry(units[i + 1]) : 0;
      if (!(i + 1 < n && CHAR_CLASS[next & 0xffff] === 1)) {
        out[i - 1] = TONE_TO[0][c];
        c = TONE_TO[1][c];
      }
    }
    out[i] = c;
    const word = (v >>> 16) & 1;
    if (word > prev) {
      starts.push(i);
      if ((v & SHADOW_UPPER) !== 0) capitals.push(i);
    }
    prev = word;
    flags |= v;
  }
  const changed = (flags & SHADOW_CHANGES) !== 0;
  const half = scratch.bytes.length >> 1;
  const shadow = n === 0 ? '' : scratch.bytes.toString('utf16le', half, half + 2 * n);
  const textStarts = changed ? wordStarts(text) : starts;
  shadowed = {
    text, shadow, shadowStarts: starts, textStarts,
    capitalStarts: changed ? capitalsOf(text, textStarts) : capitals,
    nfc: (flags & SHADOW_NFC_UNSURE) === 0,
  };
  return shadowed;
}

/** Lower-cased, tone-, dash- and quote-normalised copy of `text` with the same length. */
export function shadowOf(text: string): string {
  return shadowAndWords(text).shadow;
}

/** Positions where a word (a run of `W` characters) starts, in order. */
export function wordStarts(src: string): number[] {
  const out: number[] = [];
  let prev = 0;
  for (let p = 0, len = src.length; p < len; p++) {
    const w = CHAR_CLASS[src.charCodeAt(p)] > 0 ? 1 : 0;
    if (w > prev) out.push(p);
    prev = w;
  }
  return out;
}

/** Word starts of an article's text and of its shadow. */
export interface ArticleWords {
  textStarts: readonly number[];
  shadowStarts: readonly number[];
  /** The text's word starts holding an upper-case character. */
  capitalStarts: readonly number[];
}

const capitalsOf = (text: string, starts: readonly number[]): number[] => starts.filter((p) => isUpperCode(text.charCodeAt(p)));

let lastWords: (ArticleWords & { text: string; shadow: string }) | undefined;

/** Word starts of `text` and `shadow`, computed once per article. */
export function articleWords(text: string, shadow: string): ArticleWords {
  if (shadowed && shadowed.text === text && shadowed.shadow === shadow) return shadowed;
  if (lastWords && lastWords.text === text && lastWords.shadow === shadow) return lastWords;
  const textStarts = wordStarts(text);
  lastWords = { text, shadow, textStarts, shadowStarts: wordStarts(shadow), capitalStarts: capitalsOf(text, textStarts) };
  return lastWords;
}

/** True for a word character (letter, mark, digit). */
export const isWordChar = (ch: string | undefined): boolean =>
  !!ch && (ch.length === 1 ? CHAR_CLASS[ch.charCodeAt(0)] > 0 : WORD_CHAR.test(ch));
const WORD_CHAR = new RegExp(`[${W}]`);

function phraseParts(phrase: string): string[] {
  return foldCase(phrase)
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”„«»]/g, '"')
    .replace(/[–—−]/g, '-')
    .trim()
    .split(/(\s*-\s*|\s*&\s*|\s*,\s*|\s+|")/u)
    .filter((part) => part !== '');
}

/** Regex source matching `phrase` in a shadow: any case, any run of spaces, any dash, optional quotes. */
export function phraseSource(phrase: string): string {
  return phraseParts(phrase)
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

// `[\s"“”'‘’(\[*-]` and `[.!?:;…|]` of atSentenceStart.
const OPENING = new Set([...'"“”\'‘’([*-'].map((c) => c.charCodeAt(0)));
const SENTENCE_END = new Set([...'.!?:;…|'].map((c) => c.charCodeAt(0)));

/** True when only spaces, quotes or brackets separate `i` from the start of a sentence or line. */
export function atSentenceStart(text: string, i: number): boolean {
  let j = i - 1;
  for (let c = codeAt(text, j); j >= 0 && c !== 0x0a && (isSpaceCode(c) || OPENING.has(c)); c = codeAt(text, --j));
  if (j < 0 || codeAt(text, j) === 0x0a) return true;
  return SENTENCE_END.has(codeAt(text, j));
}

/** The `count` words just before `i` in a shadow (lower case), or '' at a boundary like a comma. */
export function wordBefore(shadow: string, i: number, count = 1): string {
  // What `((?:[W]+ +){count-1}[W]+) *$` finds in shadow.slice(max(0, i - 40), i), read backwards.
  const lo = Math.max(0, i - 40);
  const hi = i < 0 ? Math.max(0, shadow.length + i) : Math.min(i, shadow.length);
  if (hi <= lo) return '';
  let j = hi;
  while (j > lo && shadow.charCodeAt(j - 1) === 0x20) j--;
  const end = j;
  for (let w = 0; w < count; w++) {
    if (w > 0) {
      const before = j;
      while (j > lo && shadow.charCodeAt(j - 1) === 0x20) j--;
      if (j === before) return '';
    }
    const wordEnd = j;
    while (j > lo && CHAR_CLASS[shadow.charCodeAt(j - 1)] > 0) j--; // j - 1 >= lo >= 0
    if (j === wordEnd) return '';
  }
  return shadow.slice(j, end);
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

const DIGIT_SYLLABLE = /\d+(?![\d.,/]\d)/y;

/** End of `[L]+(?:['’][L]+)*` at `i`, or `i` when no letter is there. */
function syllableEnd(text: string, i: number): number {
  const n = text.length;
  let e = i;
  while (e < n && CHAR_CLASS[text.charCodeAt(e)] === 1) e++;
  if (e === i) return i;
  while (e + 1 < n) {
    const c = text.charCodeAt(e);
    if ((c !== 0x27 && c !== 0x2019) || CHAR_CLASS[text.charCodeAt(e + 1)] !== 1) break;
    e += 2;
    while (e < n && CHAR_CLASS[text.charCodeAt(e)] === 1) e++;
  }
  return e;
}

const isJoinSpace = (c: number): boolean => c === 0x20 || c === 0xa0;

/**
 * Capitalised syllables from `pos`: `Bạch Thông`, `Cư M’gar`, `Bà Rịa - Vũng Tàu`, `Xuân Thọ 2`.
 * Stops at a line break, punctuation or a lower-case word. Digits only as the last syllable.
 */
export function properRun(text: string, pos: number, maxSyllables = 6, allowDigitsFirst = false): Syllable[] {
  const out: Syllable[] = [];
  let i = pos;
  let join: Syllable['join'] = '';
  while (out.length < maxSyllables) {
    let end = syllableEnd(text, i);
    if (end > i && !isUpperCode(codeAt(text, i))) end = i;
    let digits = false;
    // The regex needs a digit at `i`: most runs end before a lower-case word, not a number.
    if (end === i && (out.length > 0 || allowDigitsFirst) && CHAR_CLASS[codeAt(text, i) | 0] === 2) {
      DIGIT_SYLLABLE.lastIndex = i;
      const m = DIGIT_SYLLABLE.exec(text);
      if (m) {
        end = i + m[0].length;
        digits = true;
      }
    }
    if (end === i || CHAR_CLASS[codeAt(text, end) | 0] > 0) break;
    out.push({ start: i, end, join, digits });
    if (digits) break;
    // `^[ \u00a0]?[-–][ \u00a0]?` or `^[ \u00a0](?=\S)` within the next four characters.
    const limit = Math.min(text.length, end + 4);
    let k = end;
    if (k < limit && isJoinSpace(codeAt(text, k))) k++;
    const dash = codeAt(text, k);
    if (k < limit && (dash === 0x2d || dash === 0x2013)) {
      k++;
      if (k < limit && isJoinSpace(codeAt(text, k))) k++;
      join = '-';
      i = k;
    } else if (isJoinSpace(codeAt(text, end)) && end + 1 < text.length && !isSpaceCode(codeAt(text, end + 1))) {
      join = ' ';
      i = end + 1;
    } else break;
  }
  return out;
}

/**
 * End of the capitalised syllable at `pos` when it is all properRun(text, pos) finds (a lower-case
 * word or punctuation comes next, as after most capitals), else -1: then ask properRun. Makes no objects.
 */
export function soleSyllableEnd(text: string, pos: number): number {
  const end = syllableEnd(text, pos);
  if (end === pos || !isUpperCode(text.charCodeAt(pos)) || CHAR_CLASS[codeAt(text, end) | 0] > 0) return -1;
  const c = codeAt(text, end);
  if (c === 0x2d || c === 0x2013) return -1; // `Bà Rịa-Vũng Tàu`
  if (!isJoinSpace(c)) return end;
  // After a space: a dash, a capital or a number may go on with the run.
  const next = codeAt(text, end + 1) | 0;
  if (next === 0x2d || next === 0x2013 || CHAR_CLASS[next] === 2 || isUpperCode(next)) return -1;
  return end;
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

/** NFC copy of a text and, for each offset in it, the offset in the original. */
export interface NfcText {
  text: string;
  original: number[];
}

const SEGMENT = /[\s\S][\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*/g;

/**
 * The NFC form of `text` with an offset map, or undefined when `text` is NFC already. Matchers work
 * on NFC; mentions are mapped back so offsets always point into the text as given.
 */
export function toNfc(text: string): NfcText | undefined {
  // Its shadow, needed next when the text is NFC, tells without normalizing in most cases.
  if (shadowAndWords(text).nfc) return undefined;
  const normalized = text.normalize('NFC');
  if (normalized === text) return undefined;
  let out = '';
  const original: number[] = [];
  for (const m of text.matchAll(SEGMENT)) {
    const part = m[0].normalize('NFC');
    for (let k = 0; k < part.length; k++) original.push(m.index);
    out += part;
  }
  original.push(text.length);
  return out === normalized ? { text: out, original } : undefined;
}

/** Mentions found in an NFC copy, with offsets and text moved back to the original. */
export function fromNfc<T extends { start: number; end: number; text: string }>(mentions: T[], nfc: NfcText | undefined, text: string): T[] {
  if (!nfc) return mentions;
  return mentions.map((m) => {
    const start = nfc.original[m.start];
    const end = nfc.original[m.end];
    return { ...m, start, end, text: text.slice(start, end) };
  });
}

// ---------------------------------------------------------------------------------------------
// Finders: many regexes over one article, each tried only where one of its literal heads starts.

/** One regex of a Finder. */
export interface FinderEntry {
  /** Regex source (flags: none besides the `g`/`y` the Finder adds). */
  source: string;
  /** Searched on the text as written (acronyms) rather than on the shadow. */
  onText?: boolean;
  /**
   * How every match starts, as it appears in the searched string: literal words, a space between
   * two words standing for `\s+` (`chương trình`). A head that starts with a word character is
   * looked for at word starts only: the regex must not match after a word character (a lookbehind
   * says so). Undefined: the regex is run over the whole string.
   */
  heads?: string[];
  /** A quick test a match at `p` must pass (a necessary condition), tried before the regex. */
  where?: (src: string, p: number) => boolean;
}

interface Registered {
  source: string;
  sticky: RegExp;
  /** For entries without heads, made on first use. */
  global?: RegExp;
  onText: boolean;
  indexed: boolean;
  where?: (src: string, p: number) => boolean;
}

const REGISTERED: Registered[] = [];
/** Heads searched in the shadow, and in the text (`onText` entries). */
const HEADS: [HeadTrie, HeadTrie] = [new HeadTrie(), new HeadTrie()];

function addTo(map: Map<number, number[]>, key: number, id: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list.at(-1) !== id) list.push(id);
}

// Candidates of the last article: per registered entry, positions in increasing order.
let lastText: string | undefined;
let lastShadow: string | undefined;
let lastCount = -1;
let lastCandidates: Candidates = [];

/** Marks the heads at each word start in `starts` of `src`. */
function collect(src: string, starts: readonly number[], trie: HeadTrie, out: Candidates): void {
  const root = trie.root;
  for (let k = 0, n = starts.length; k < n; k++) {
    const p = starts[k];
    const node = root[src.charCodeAt(p)];
    if (node !== 0) trie.walk(src, p, p + 1, node, out);
  }
}

/** Heads starting with a non-word character: looked for wherever that character is. */
function collectChars(src: string, trie: HeadTrie, out: Candidates): void {
  for (const c of trie.firstUnits()) {
    if (CHAR_CLASS[c] !== 0) continue;
    const ch = String.fromCharCode(c);
    for (let p = src.indexOf(ch); p >= 0; p = src.indexOf(ch, p + 1)) trie.at(src, p, out);
  }
}

/** Entries with a head starting with a non-word character: their candidates come out of order. */
const UNSORTED: number[] = [];

function candidatesOf(text: string, shadow: string): Candidates {
  if (lastCount === REGISTERED.length && text === lastText && shadow === lastShadow) return lastCandidates;
  const out: Candidates = new Array(REGISTERED.length);
  const words = articleWords(text, shadow);
  const [inShadow, inText] = HEADS;
  inShadow.build();
  inText.build();
  if (words.textStarts === words.shadowStarts) {
    // One pass over the word starts both strings share.
    const starts = words.shadowStarts;
    const [rootS, rootT] = [inShadow.root, inText.root];
    for (let k = 0, n = starts.length; k < n; k++) {
      const p = starts[k];
      const ns = rootS[shadow.charCodeAt(p)];
      if (ns !== 0) inShadow.walk(shadow, p, p + 1, ns, out);
      const nt = rootT[text.charCodeAt(p)];
      if (nt !== 0) inText.walk(text, p, p + 1, nt, out);
    }
  } else {
    collect(shadow, words.shadowStarts, inShadow, out);
    collect(text, words.textStarts, inText, out);
  }
  collectChars(shadow, inShadow, out);
  collectChars(text, inText, out);
  for (const id of UNSORTED) {
    const list = out[id];
    if (list) out[id] = [...new Set(list)].sort((x, y) => x - y);
  }
  [lastText, lastShadow, lastCount, lastCandidates] = [text, shadow, REGISTERED.length, out];
  return out;
}

const FINDERS: Finder[] = [];

/** Every Finder made so far (for tests that check them against plain regex scans). */
export const allFinders = (): readonly Finder[] => FINDERS;

/**
 * A list of regexes to run over an article, each as if alone with the `g` flag (matches left to
 * right, none overlapping another match of the same regex), but tried only at candidate positions.
 * Make Finders once, at module load: their heads go into tables shared by all of them.
 */
export class Finder {
  private readonly ids: number[] = [];
  /** The entries as given, for tests. */
  readonly entries: readonly FinderEntry[];

  constructor(entries: FinderEntry[]) {
    FINDERS.push(this);
    this.entries = entries;
    for (const e of entries) {
      const id = REGISTERED.length;
      const heads = e.heads && e.heads.length > 0 && e.heads.every((h) => h.length > 0 && !/^ | $|  /.test(h)) ? e.heads : undefined;
      const trie = HEADS[e.onText ? 1 : 0];
      for (const h of heads ?? []) trie.add(h, id);
      if (heads && heads.some((h) => CHAR_CLASS[h.charCodeAt(0)] === 0)) UNSORTED.push(id);
      REGISTERED.push({
        source: e.source,
        sticky: new RegExp(e.source, 'y'),
        onText: !!e.onText,
        indexed: !!heads,
        where: e.where,
      });
      this.ids.push(id);
    }
  }

  /**
   * Where entry `k` may match (a superset, in order), or undefined when it has no heads: for
   * entries whose regex is only a placeholder and whose heads say where to look.
   */
  positions(text: string, shadow: string, k: number): readonly number[] | undefined {
    const id = this.ids[k];
    if (!REGISTERED[id].indexed) return undefined;
    return candidatesOf(text, shadow)[id] ?? [];
  }

  /** Calls `each` for every match, entry by entry (in the order given), left to right. */
  run(text: string, shadow: string, each: (m: RegExpExecArray, k: number) => void): void {
    const candidates = candidatesOf(text, shadow);
    for (let k = 0; k < this.ids.length; k++) {
      const id = this.ids[k];
      const r = REGISTERED[id];
      const src = r.onText ? text : shadow;
      if (!r.indexed) {
        const re = (r.global ??= new RegExp(r.source, 'g'));
        re.lastIndex = 0;
        for (let m = re.exec(src); m; m = re.exec(src)) each(m, k);
        continue;
      }
      const positions = candidates[id];
      if (!positions) continue;
      const re = r.sticky;
      const where = r.where;
      let lastEnd = 0;
      for (const p of positions) {
        if (p < lastEnd || (where && !where(src, p))) continue;
        re.lastIndex = p;
        const m = re.exec(src);
        if (!m) continue;
        lastEnd = p + Math.max(1, m[0].length);
        each(m, k);
      }
    }
  }
}

/** Heads of phraseSource(phrase): its first words (up to a dash, comma or quote), after an optional quote. */
export function phraseHeads(phrase: string): string[] | undefined {
  const parts = phraseParts(phrase);
  let k = 0;
  while (parts[k] === '"') k++; // optional: the match starts at it or after
  const quotes = k;
  if (k >= parts.length || /^\s|^[-&,]/u.test(parts[k])) return undefined;
  const words = [parts[k]];
  while (k + 2 < parts.length && /^\s+$/u.test(parts[k + 1]) && !/^\s|^[-&,"]/u.test(parts[k + 2])) {
    words.push(parts[k + 2]);
    k += 2;
  }
  const head = words.join(' ');
  if (quotes === 0) return [head];
  // `"?vì người` starting at a quote has the words right after it: looking for the quote alone
  // would try the regex at every quote of the article.
  return quotes === 1 ? [`"${head}`, head] : ['"', head];
}

/** Head of exactSource(form): its words up to the first hyphen. */
export function exactHeads(form: string): string[] | undefined {
  const words = form.split('-')[0].split(/\s+/);
  if (words[0] === '') return undefined;
  if (words.at(-1) === '') words.pop();
  return [words.join(' ')];
}

/** Heads of every form, or undefined when one form has none. */
export function headsOf(forms: string[], heads: (form: string) => string[] | undefined): string[] | undefined {
  const out = new Set<string>();
  for (const form of forms) {
    const h = heads(form);
    if (!h) return undefined;
    for (const x of h) out.add(x);
  }
  return [...out];
}

/**
 * Which of a list of regexes can match at one given position: those with a head starting with the
 * character there (in the shadow, or in the text for `onText` entries). Sticky regexes, no word start needed.
 */
export class HeadsAt {
  private readonly shadowFirst = new Map<number, number[]>();
  private readonly textFirst = new Map<number, number[]>();
  private readonly always: number[] = [];

  constructor(entries: Array<Pick<FinderEntry, 'onText' | 'heads'>>) {
    entries.forEach((e, k) => {
      const heads = e.heads && e.heads.length > 0 && e.heads.every((h) => h.length > 0) ? e.heads : undefined;
      if (!heads) return void this.always.push(k);
      for (const h of heads) addTo(e.onText ? this.textFirst : this.shadowFirst, h.charCodeAt(0), k);
    });
  }

  /** Indexes of the entries that may match at `pos`, in order. */
  at(text: string, shadow: string, pos: number): number[] {
    const a = this.shadowFirst.get(codeAt(shadow, pos) | 0);
    const b = this.textFirst.get(codeAt(text, pos) | 0);
    if (!b && this.always.length === 0) return a ?? [];
    if (!a && this.always.length === 0) return b!;
    return [...new Set([...(a ?? []), ...(b ?? []), ...this.always])].sort((x, y) => x - y);
  }
}
