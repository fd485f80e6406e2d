// The quantity grammar: a number (digits or words, with scale words), its unit, a bound
// (trên, khoảng, từ ... trở lên), a range (6 - 7%), a ratio (398/414) and a rate (3%/năm).
// `scanQuantities` finds them in running text; `parseQuantity` reads one quantity string.
import lexicon from '../data/units.json' with { type: 'json' };
import type { Comparator, Quantity, QuantityMatch } from '../types.js';
import { NUMBER_WORDS, VAGUE, digitRun, parseDigits, parseWordNumber } from './numbers.js';
import { KeyFilter, isLower, startsUpper, tokenize, type Token } from './tokens.js';
import {
  GLUED_SCALES, GLUED_WORDS, NOT_NOUNS, PhraseTable, cents, itemNouns, scales, unitsAfter, unitsBefore,
  type UnitInfo,
} from './units.js';

const BOUNDS = new PhraseTable<Comparator>();
for (const [words, cmp] of [
  [['trên', 'hơn', 'vượt', 'vượt quá', 'cao hơn', 'nhiều hơn', 'lớn hơn', 'hơn tới'], '>'],
  [['tối thiểu', 'ít nhất', 'không dưới', 'không ít hơn', 'không thấp hơn', 'tối thiểu là', 'ít nhất là'], '>='],
  [['dưới', 'chưa đến', 'chưa tới', 'chưa đầy', 'ít hơn', 'kém hơn', 'không tới', 'không đến', 'thấp hơn', 'không đầy', 'nhỏ hơn'], '<'],
  [['tối đa', 'không quá', 'không hơn', 'không cao hơn', 'không vượt quá', 'tối đa là', 'không nhiều hơn', 'lên đến', 'lên tới'], '<='],
  [['khoảng', 'gần', 'xấp xỉ', 'chừng', 'tầm', 'hơn kém', 'ước chừng', 'khoảng chừng', 'độ', 'cỡ', 'trên dưới', 'xấp xỉ khoảng', 'ước khoảng'], '~'],
  // An estimate states a value (ước đạt 5 tỷ đồng); it is not an approximation.
  [['ước', 'ước đạt', 'ước tính', 'ước tính đạt', 'ước thực hiện'], '='],
] as Array<[string[], Comparator]>) for (const w of words) BOUNDS.add(w, cmp);

const VAGUE_TABLE = new PhraseTable<number>();
for (const [w, v] of Object.entries(VAGUE)) VAGUE_TABLE.add(w, v);

const NOT_NUMBER_AFTER = new PhraseTable<true>();
for (const w of lexicon.notNumberAfter) NOT_NUMBER_AFTER.add(w, true);
const NOUN_MODIFIERS = new PhraseTable<true>();
for (const w of lexicon.nounModifiers) NOUN_MODIFIERS.add(w, true);

/** Number words that are also ordinary words (năm = five / year, một = one / a). */
const WEAK_NUMBER_WORDS = new Set(['một', 'năm', 'không', 'tư', 'ba', 'mười', 'trăm', 'nghìn', 'ngàn', 'triệu', 'tỷ', 'tỉ', 'chục', 'nửa', 'tá', 'bảy', 'tám', 'sáu', 'bốn', 'hai', 'chín', 'lẻ', 'linh']);
/**
 * Of those, the ones that still count in running text when a count noun follows (hai lớp, mười hộ).
 * Not một (a household) nor năm (`trong năm hộ nghèo giảm`: in the year).
 */
const COUNTING_WORDS = new Set(['hai', 'ba', 'bốn', 'sáu', 'bảy', 'tám', 'chín', 'mười']);
/** A number never starts with a scale word in running text (`Đơn vị: triệu đồng`). */
const SCALE_WORDS = new Set(['nghìn', 'ngàn', 'ngìn', 'triệu', 'tỷ', 'tỉ', 'chục', 'mươi', 'trăm']);
/** tỷ lệ, tỷ giá, triệu phú: the scale word is the first syllable of another word. */
const NOT_SCALES = new Set(['lệ', 'trọng', 'giá', 'suất', 'số', 'phú'].flatMap((w) => [`tỷ ${w}`, `tỉ ${w}`]).concat('triệu phú'));
/** Classifiers that take the next word into the counted noun: chiếc xe, con bò, căn nhà. */
const CLASSIFIERS = new Set(['chiếc', 'con', 'cái', 'căn', 'ngôi', 'cuốn', 'quyển', 'tấm', 'bức', 'tòa', 'toà', 'mảnh', 'quả', 'trái']);
/** Units that make a number a quantity even after a name word (tháng 2 triệu đồng). */
const STRONG_KINDS = new Set(['currency', 'percent', 'points', 'measure']);
/** Ordinal words: what follows is a rank, never a quantity (thứ 2, lần thứ ba). */
const ORDINAL = new Set(['thứ', 'lần thứ']);
/** Longest number read at once: `bảy trăm hai mươi mốt nghìn tỷ không trăm ...` stays well under it. */
const MAX_WORDS = 40;
/** Words after năm/tháng that make it a date (năm nay, tháng trước), not a duration. */
const DATE_AFTER = new Set(['nay', 'ngoái', 'trước', 'tới', 'sau', 'này', 'đó', 'qua']);
const RANGE_DASH = new Set(['-', '–', '—', '~']);
/** `từ 1% lên 3%` is a change from one value to another, not a range: no `lên` here. */
const RANGE_WORDS = new Set(['đến', 'tới']);
/** `phạt đến 30 triệu đồng`: after these words, đến/tới means "up to". */
const UP_TO_AFTER = new Set(['phạt', 'tiền', 'hành chính', 'lên']);

/**
 * Words that can start a match or a skip at their token: bounds, `đến`/`tới` (up to), `từ`/`giữa`,
 * and whatever startsAmount accepts. matchAt returns null at any other word or symbol, so the
 * scan need not call it there (numbers always go to matchAt).
 */
const MATCH_STARTS = new Set<string>([
  ...BOUNDS.firstWords(), 'đến', 'tới', 'từ', 'giữa', '-', 'âm', ...NUMBER_WORDS, ...VAGUE_TABLE.firstWords(), ...unitsBefore.firstWords(),
]);

/** MATCH_STARTS by wordKey: most words are ruled out without making their string. */
const MATCH_KEYS = new KeyFilter(MATCH_STARTS);

/** A cheap test before matchAt: false means matchAt would return null at this token. */
function mayStartAt(t: Token): boolean {
  if (t.kind === 'num') return true;
  return MATCH_KEYS.mayHave(t.key) && MATCH_STARTS.has(t.lo);
}

export interface ScanOptions {
  /** Read bare numbers and numbers in words without a unit (parseQuantity does). */
  lenient?: boolean;
}

interface Amount {
  value: number;
  unit: UnitInfo | null;
  /** Scale word applied (1e6 for triệu), so `6 đến 7 triệu` can scale the 6. */
  scale: number;
  /** Token range of the whole amount with its unit. */
  first: number;
  next: number;
  /** End offset of text (number + unit words). */
  end: number;
  noun?: string;
  per?: string;
  vague?: boolean;
  inWords: boolean;
  points?: boolean;
}

/** Finds every quantity in a text, with offsets. Dates, years, codes, ordinals and phone numbers are skipped. */
export function scanQuantities(text: string, options: ScanOptions = {}): QuantityMatch[] {
  if (typeof text !== 'string') return [];
  return scanTokens(text, tokenize(text), options);
}

/** scanQuantities, given the text's tokens. */
export function scanTokens(text: string, tokens: Token[], options: ScanOptions = {}): QuantityMatch[] {
  const out: QuantityMatch[] = [];
  let i = 0;
  // Every step advances i, so the scan is linear in the number of tokens.
  while (i < tokens.length) {
    if (!mayStartAt(tokens[i])) { i++; continue; }
    const r = matchAt(text, tokens, i, options);
    if (r && 'match' in r) {
      out.push(r.match);
      i = Math.max(r.next, i + 1);
    } else if (r && 'skip' in r) {
      i = Math.max(r.skip, i + 1);
    } else i++;
  }
  return out;
}

/** Reads one quantity string: `1.837,272 triệu đồng`, `khoảng 6 - 7%/năm`, `398/414`, `hai lớp`. */
export function parseQuantity(text: string): Quantity | null {
  if (typeof text !== 'string' || !text.trim()) return null;
  const m = firstMatch(text.normalize('NFC'), { lenient: true });
  if (!m) return null;
  const q: Quantity = { value: m.value, unit: m.unit, comparator: m.comparator };
  if (m.valueMax !== undefined) q.valueMax = m.valueMax;
  if (m.total !== undefined) q.total = m.total;
  if (m.per) q.per = m.per;
  if (m.noun) q.noun = m.noun;
  if (m.vague) q.vague = true;
  if (m.points) q.points = true;
  return q;
}

/** How far a match or a skip can look past its first token (number words, unit, range, rate, cents). */
const LOOKAHEAD = 256;

/**
 * The first quantity of a text, reading a growing prefix: a 1 MB string costs what its first
 * quantity costs. Positions closer than LOOKAHEAD tokens to the cut wait for a longer prefix.
 */
function firstMatch(text: string, opt: ScanOptions): QuantityMatch | undefined {
  for (let size = 4096; ; size *= 4) {
    const whole = size >= text.length;
    const tokens = tokenize(whole ? text : text.slice(0, size));
    const limit = whole ? tokens.length : tokens.length - LOOKAHEAD;
    let i = 0;
    while (i < limit) {
      if (!mayStartAt(tokens[i])) { i++; continue; }
      const r = matchAt(text, tokens, i, opt);
      if (r && 'match' in r) return r.match;
      i = r && 'skip' in r ? Math.max(r.skip, i + 1) : i + 1;
    }
    if (whole) return undefined;
  }
}

type MatchResult = { match: QuantityMatch; next: number } | { skip: number } | null;

function matchAt(text: string, toks: Token[], i: number, opt: ScanOptions): MatchResult {
  const start = toks[i];
  let j = i;
  let comparator: Comparator = '=';
  let bound: string | undefined;
  let rangeStart: 'từ' | 'giữa' | null = null;

  // Bound words, possibly two (khoảng chừng, tầm khoảng).
  for (let k = 0; k < 2; k++) {
    const b = BOUNDS.match(toks, j);
    if (!b) break;
    if (comparator === '=' || b.value === '~') comparator = comparator === '=' ? b.value : comparator;
    bound = bound ? `${bound} ${b.phrase}` : b.phrase;
    j = b.next;
  }
  // bị phạt (hành chính) đến 30 triệu đồng: up to.
  if (j === i && (start.lo === 'đến' || start.lo === 'tới') && upToBefore(toks, i)) {
    comparator = '<=';
    bound = start.text;
    j++;
  }
  if (toks[j] && (toks[j].lo === 'từ' || toks[j].lo === 'giữa')) {
    rangeStart = toks[j].lo as 'từ' | 'giữa';
    j++;
  }
  if (!startsAmount(toks, j)) return null;

  // A minus glued to a word is a hyphen (Covid-19), not a sign.
  if (toks[j].text === '-' && toks[j - 1] && !toks[j].space && toks[j - 1].kind !== 'sym') return { skip: j + 2 };
  // Ordinals, names and positions: thứ 2, lần thứ ba, Quận 1, Điều 5, tháng 11, năm 2023.
  const name = j === i ? nameWordBefore(toks, j) : null;
  if (name && ORDINAL.has(name)) return { skip: skipNumber(toks, j) };
  const ex = excluded(text, toks, j, opt);
  if (ex !== null) return { skip: ex };

  const a = readAmount(text, toks, j, opt, false, opt.lenient === true && i === 0);
  if (!a) return null;
  // `tháng 11`, `Quận 1`; but `mỗi tháng 2 triệu đồng`, `khối 3 tấn` carry a unit no name takes.
  if (name && !STRONG_KINDS.has(a.unit?.kind ?? '')) return { skip: Math.max(a.next, j + 1) };
  let valueMax: number | undefined;
  let total: number | undefined;
  let end = a.end;
  let next = a.next;
  let unit = a.unit;
  let value = a.value;
  let per = a.per;
  let noun = a.noun;

  // Ratio a/b: 398/414, 42/42 người.
  const slash = toks[a.next];
  if (!a.unit && slash?.text === '/' && !slash.space && toks[a.next + 1]?.kind === 'num' && !toks[a.next + 1].space) {
    const b = readAmount(text, toks, a.next + 1, opt, true);
    if (b && !b.vague) {
      total = b.value;
      unit = b.unit;
      noun = b.noun;
      end = b.end;
      next = b.next;
      per = b.per;
      if (!unit) {
        // 398/414 (= 96,13%) hộ nghèo: the noun may follow a parenthesis.
        const after = nounAfterParen(toks, next);
        if (after) { unit = after.unit; noun = after.noun; }
      }
    }
  }

  // Ratio in words: 29 trên 30 gói thầu (29 out of 30).
  const over = toks[next];
  if (total === undefined && !a.unit && !a.inWords && over?.lo === 'trên' && !over.newline && toks[next + 1]?.kind === 'num' &&
      excluded(text, toks, next + 1, opt) === null) {
    const b = readAmount(text, toks, next + 1, opt, true);
    if (b && !b.vague && Number.isInteger(a.value) && Number.isInteger(b.value) && a.value >= 0 && a.value <= b.value && b.scale === 1) {
      total = b.value; unit = b.unit; noun = b.noun; end = b.end; next = b.next; per = b.per;
    }
  }

  // Ranges: 6 - 7%, từ 6 đến 7%, giữa 1000 và 2000 đồng.
  const sep = toks[next];
  if (total === undefined && sep && !sep.newline &&
      (RANGE_DASH.has(sep.text) || RANGE_WORDS.has(sep.lo) || (rangeStart === 'giữa' && sep.lo === 'và'))) {
    let k = next + 1;
    // "khoảng 1.000 đến khoảng 2.000"
    const b2 = BOUNDS.match(toks, k);
    if (b2 && b2.value === '~') k = b2.next;
    if (startsAmount(toks, k) && excluded(text, toks, k, opt) === null && !nameWordBefore(toks, k)) {
      const b = readAmount(text, toks, k, opt);
      const sameUnit = b && (!a.unit || !b.unit || a.unit.code === b.unit.code);
      const dashNeedsUnit = RANGE_DASH.has(sep.text) && !rangeStart && !a.unit && !b?.unit && !opt.lenient;
      if (b && sameUnit && !dashNeedsUnit && !b.vague) {
        let lo = a.value;
        if (a.scale === 1 && b.scale > 1 && a.value < b.value / b.scale * 10) lo = a.value * b.scale;
        if (lo <= b.value) {
          value = lo;
          valueMax = b.value;
          unit = a.unit ?? b.unit;
          per = b.per ?? a.per;
          noun = b.noun ?? a.noun;
          end = b.end;
          next = b.next;
        }
      }
    }
  }

  // X trở lên / trở xuống.
  const t1 = toks[next], t2 = toks[next + 1];
  if (t1?.lo === 'trở' && (t2?.lo === 'lên' || t2?.lo === 'xuống') && !t1.newline) {
    comparator = t2.lo === 'lên' ? '>=' : '<=';
    bound = bound ? `${bound} … trở ${t2.lo}` : `trở ${t2.lo}`;
    next += 2;
  } else if (rangeStart === 'từ' && valueMax === undefined && !changeFollows(toks, next)) {
    // `giá phải từ 80 triệu đồng/m2`: from 80 up. But `giảm từ 18,5% xuống còn 15,2%` is where a change started.
    comparator = comparator === '=' ? '>=' : comparator;
    bound = bound ? `${bound} từ` : 'từ';
  }
  if (!unit && !opt.lenient && a.inWords && valueMax === undefined) return null;
  if (unit && !per) per = perBefore(text, toks, i);

  const numStart = toks[j].start;
  const match: QuantityMatch = {
    text: text.slice(numStart, end),
    start: numStart,
    end,
    matchStart: start.start,
    value,
    unit: unit?.code ?? null,
    comparator,
  };
  if (valueMax !== undefined) match.valueMax = valueMax;
  if (total !== undefined) match.total = total;
  if (per) match.per = per;
  if (noun) match.noun = noun;
  if (bound) match.bound = bound;
  if (a.vague) { match.vague = true; if (match.comparator === '=') match.comparator = '~'; }
  if (a.points) match.points = true;
  if (a.inWords) match.inWords = true;
  return { match, next };
}

/** `từ 18,5% cuối năm 2022 xuống còn 15,2%`: lên/xuống later in the clause make `từ` the start of a change. */
function changeFollows(toks: Token[], k: number): boolean {
  for (let m = k; m < toks.length && m < k + 10; m++) {
    const t = toks[m];
    if (t.newline || (t.kind === 'sym' && t.text !== '/' && t.text !== '%')) return false;
    if (t.lo === 'xuống' || t.lo === 'lên') return true;
  }
  return false;
}

/** Whether the word before đến/tới at i makes it "up to" (phạt đến, phạt hành chính đến). */
function upToBefore(toks: Token[], i: number): boolean {
  const p = toks[i - 1], pp = toks[i - 2];
  if (!p || p.kind !== 'word' || toks[i].newline) return false;
  return UP_TO_AFTER.has(p.lo) || (pp !== undefined && pp.kind === 'word' && UP_TO_AFTER.has(`${pp.lo} ${p.lo}`));
}

function startsAmount(toks: Token[], j: number): boolean {
  const t = toks[j];
  if (!t) return false;
  if (t.kind === 'num') return true;
  if ((t.text === '-' || t.lo === 'âm') && toks[j + 1]?.kind === 'num') return true;
  if (NUMBER_WORDS.has(t.lo) || VAGUE_TABLE.match(toks, j)) return true;
  const cur = unitsBefore.match(toks, j);
  if (cur && (toks[cur.next]?.kind === 'num' || (toks[cur.next]?.text === ',' && toks[cur.next + 1]?.kind === 'num'))) return true;
  return false;
}

/** /^[\d.,]/ */
function startsNumeric(w: string): boolean {
  const c = w.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 46 || c === 44;
}

/** Skips the digits or number words of a rank (thứ 2, thứ hai mươi). */
function skipNumber(toks: Token[], j: number): number {
  let k = j;
  while (k < toks.length && (toks[k].kind === 'num' || NUMBER_WORDS.has(toks[k].lo)) && (k === j || !toks[k].newline)) k++;
  return Math.max(k, j + 1);
}

// Phone numbers: 0912 345 678, 0912.345.678, +84 912 345 678, (024) 3824 1234, 1900 1234, 19001234.
const PHONE_RES = [
  /(?:\+84[ .-]?|0)(?:\d[ .-]?){8,10}(?!\d)/y,
  /\(0\d{1,3}\)[ .-]?(?:\d[ .-]?){6,8}(?!\d)/y,
  /1[89]00(?:[ .-]\d{3,4}(?:[ .-]\d{2,4})?|\d{4}|\d{6})(?![\d.,]\d)/y,
];

/** End offset of a phone number starting at `pos`, or -1. */
function phoneEnd(text: string, pos: number): number {
  for (const re of PHONE_RES) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (m) return pos + m[0].trimEnd().length;
  }
  return -1;
}

/**
 * Numbers that are not quantities: years, dates, times, document numbers, codes, ordinals,
 * phone numbers. Returns the token index to skip to, or null when the number may be a quantity.
 */
function excluded(text: string, toks: Token[], j: number, opt: ScanOptions): number | null {
  const t = toks[j];
  if (!t || t.kind !== 'num') return null;
  const prev = toks[j - 1];
  const next = toks[j + 1];
  // Codes: J7, Covid-19, bò 3B, 4G, A1.
  if (prev && !t.space && prev.kind === 'word') return j + 1;
  if (prev && !t.space && prev.text === '-' && toks[j - 2]?.kind === 'word' && !prev.space) return j + 1;
  if (next && !next.space && next.kind === 'word' && !gluedUnitOk(toks, j + 1)) return j + 2;
  // Phone numbers: 0912 345 678, 0912.345.678, +84 912 345 678, (024) 3824 1234, 1900 1234.
  if (phonePrefix(t.text)) {
    const glued = prev && !t.space && (prev.text === '(' || prev.text === '+');
    const e = Math.max(phoneEnd(text, t.start), glued ? phoneEnd(text, prev.start) : -1);
    if (e > 0) return skipTo(toks, j, e);
  }
  // Times: 03:38, 8h30, 19h, 10g45.
  const after2 = toks[j + 2];
  const clock = next && !next.space && (next.text === ':' || next.lo === 'h' || next.lo === 'g') &&
    ((after2?.kind === 'num' && !after2.space) || next.lo === 'h');
  if (clock && (next.text === ':' || isDigits(t.text, 1, 2))) {
    return skipWhile(toks, j, (x) => x.kind === 'num' || x.text === ':' || x.lo === 'h' || x.lo === 'g' || x.lo === 'am' || x.lo === 'pm');
  }
  // Dates in words: 12 tháng 10 (năm 2017).
  if (next?.lo === 'tháng' && after2?.kind === 'num' && isDigits(t.text, 1, 2) && isDigits(after2.text, 1, 2) &&
      Number(after2.text) >= 1 && Number(after2.text) <= 12) return j + 3;
  // Slash forms: dates (30/01/2022, 11/2023, 22/10), documents (662/QĐ-UBND, 20/2021/NĐ-CP).
  if (next?.text === '/' && !next.space) {
    const after = toks[j + 2];
    if (after && !after.space && after.kind === 'word') return skipCode(toks, j);
    if (after && !after.space && after.kind === 'num') {
      const a = Number(t.text), b = Number(after.text);
      const third = toks[j + 3]?.text === '/' && !toks[j + 3].space ? toks[j + 4] : undefined;
      if (third && !third.space) return skipCode(toks, j);
      if (isDigits(after.text, 4, 4) && b >= 1900 && b <= 2100 && a >= 1 && a <= 12) return j + 3;
      const dateWord = DATE_WORDS.has(prev?.lo ?? '');
      if (isDigits(t.text, 1, 2) && isDigits(after.text, 1, 2) && a >= 1 && a <= 31 && b >= 1 && b <= 12) {
        if (dateWord || !ratioFollows(toks, j + 3)) return j + 3;
      }
      if (isDigits(t.text, 4, 4) && isDigits(after.text, 4, 4)) return j + 3; // 2023/2024 school years
    }
  }
  // Hyphenated dates: 13-12-2023, 2023-12-13.
  if (next?.text === '-' && !next.space && toks[j + 2]?.kind === 'num' && !toks[j + 2].space &&
      toks[j + 3]?.text === '-' && !toks[j + 3].space && toks[j + 4]?.kind === 'num') return j + 5;
  // Dotted dates and versions parse to null (13.12.2023, 1.2.3).
  if (parseDigits(t.text) === null) return j + 1;
  // Runs of bare digit groups are dates or codes, not amounts: `2024 01 03` in a file name.
  if (next?.kind === 'num' && !next.newline && toks[j + 2]?.kind === 'num' && !toks[j + 2].newline &&
      !hasMark(t.text) && !hasMark(next.text) && !hasMark(toks[j + 2].text)) return skipWhile(toks, j, (x) => x.kind === 'num');
  // A number right after a capitalised word inside a sentence is part of a name: Đoàn 35, Sư đoàn 312.
  if (prev && prev.kind === 'word' && startsUpper(prev.text) && !opt.lenient) {
    const pp = toks[j - 2];
    const sentenceStart = !pp || pp.newline || SENTENCE_OPENERS.has(pp.text) || prev.newline;
    if (!sentenceStart && !BOUNDS.match(toks, j - 1)) return j + 1;
  }
  // Years: 2023, 2021 - 2025 (a plain four-digit number in 1900..2100 with no unit of its own).
  if (isYear(t.text) && !strongUnitAfter(toks, j + 1)) {
    if (next && RANGE_DASH.has(next.text) && isYear(toks[j + 2]?.text ?? '')) return j + 3;
    return j + 1;
  }
  return null;
}

/** Words before `22/10` that make it a date. */
const DATE_WORDS = new Set(['ngày', 'hôm', 'sáng', 'chiều', 'tối', 'trưa', 'đêm', 'rạng', 'từ', 'đến', 'tới', 'và', 'vào', 'lúc', 'dịp', 'hạn']);
/** Symbols a sentence or a name can follow: /^[.!?:;…"“(]$/. */
const SENTENCE_OPENERS = new Set(['.', '!', '?', ':', ';', '…', '"', '“', '(']);

// Character checks for the number tests (regexes cost more on these short strings).
/** /^\d{min,max}$/ */
const isDigits = (s: string, min: number, max: number) => s.length >= min && s.length <= max && digitRun(s) > 0;
/** /^(19|20)\d\d$/ */
const isYear = (s: string) => isDigits(s, 4, 4) && (s.startsWith('19') || s.startsWith('20'));
/** /^(?:0|84|1[89]00)/ */
const phonePrefix = (s: string) => s.startsWith('0') || s.startsWith('84') || s.startsWith('1800') || s.startsWith('1900');
/** /[.,]/ */
const hasMark = (s: string) => s.includes('.') || s.includes(',');

function skipWhile(toks: Token[], j: number, ok: (t: Token) => boolean): number {
  let k = j;
  while (k < toks.length && ok(toks[k]) && (k === j || !toks[k].newline)) k++;
  return Math.max(k, j + 1);
}

/** The first token at or after offset `end`. */
function skipTo(toks: Token[], j: number, end: number): number {
  let k = j + 1;
  while (k < toks.length && toks[k].start < end) k++;
  return k;
}

/** Skip a glued code such as 662/QĐ-UBND or 20/2021/NĐ-CP. */
function skipCode(toks: Token[], j: number): number {
  let k = j + 1;
  while (k < toks.length && !toks[k].space && (toks[k].kind !== 'sym' || '/-.'.includes(toks[k].text))) k++;
  return k;
}

/** The ordinal or name word (thứ, tháng, Quận, Điều) directly before token j, or null. */
function nameWordBefore(toks: Token[], j: number): string | null {
  for (let back = 2; back >= 1; back--) {
    const k = j - back;
    if (k < 0) continue;
    const hit = NOT_NUMBER_AFTER.match(toks, k);
    // tổng số 500 hộ, con số 5 triệu, dân số 1,2 triệu: a count, not `số 5` (No. 5).
    if (hit && hit.next === j && !(hit.phrase === 'số' && ['tổng', 'con', 'dân'].includes(toks[k - 1]?.lo ?? ''))) return hit.phrase;
  }
  return null;
}

function ratioFollows(toks: Token[], k: number): boolean {
  const u = unitsAfter.match(toks, k);
  if (u && (u.value.kind === 'count' || u.value.kind === 'currency' || u.value.kind === 'measure')) return true;
  if (itemNouns.match(toks, k)) return true;
  if (toks[k]?.text === '(' && toks[k + 1]?.text === '=') return true;
  // 2/3 số xã: a share of a counted set.
  if (toks[k]?.lo === 'số' && toks[k + 1] && (unitsAfter.match(toks, k + 1) || itemNouns.match(toks, k + 1))) return true;
  return false;
}

function strongUnitAfter(toks: Token[], k: number): boolean {
  const u = unitsAfter.match(toks, k);
  if (u && u.value.kind !== 'duration' && u.value.kind !== 'multiplier') return true;
  if (scaleAt(toks, k)) return true;
  return false;
}

/** A scale word at k that really is one (not the tỷ of tỷ lệ). */
function scaleAt(toks: Token[], k: number): boolean {
  return scales.match(toks, k) !== null && !notScale(toks, k);
}

function notScale(toks: Token[], k: number): boolean {
  const w = toks[k].lo;
  if (w !== 'tỷ' && w !== 'tỉ' && w !== 'triệu') return false;
  const n = toks[k + 1];
  return n !== undefined && n.space && !n.newline && NOT_SCALES.has(`${w} ${n.lo}`);
}

/**
 * Letters glued to digits that still make a quantity: 100k, 3M, 5ha, 10K$, 8ng, triệuđ.
 * `4G`, `5G` (one digit and a capital G) are network names, not billions.
 */
function gluedUnitOk(toks: Token[], k: number): boolean {
  const w = toks[k];
  if (w.text === 'G' && isDigits(toks[k - 1]?.text ?? '', 1, 1)) return false;
  if (GLUED_SCALES.has(w.lo) || GLUED_WORDS.has(w.lo)) return true;
  if (w.lo === 'ng') return true;
  if (w.lo === 'h' || w.lo === 'giờ') return true; // times, handled by the time rule
  const u = unitsAfter.match(toks, k);
  if (u && u.value.kind !== 'count') return true;
  if (scales.match(toks, k)) return true;
  return false;
}

/**
 * The scale word a letter glued to digits stands for: 100k, 3M, ,0012G, 5tr. Lower-case `m`
 * and `g` are metres and grams (3m, 500g), read as units instead.
 */
function gluedScale(g: Token, after: Token | undefined): string | null {
  if (g.lo === 'k') return 'nghìn';
  if (g.lo === 'tr') return 'triệu';
  if (g.text === 'M' && !(after && !after.space && /^[23²³]$/.test(after.text))) return 'triệu';
  if (g.text === 'G') return 'tỷ';
  return null;
}

/**
 * Number tokens and number words from k on, for parseWordNumber: `2 tỷ 044 triệu`, `100k`.
 * `full` = stopped at the limit, not at the end of the number.
 */
function collectNumber(toks: Token[], k: number, limit: number): { words: string[]; idx: number[]; full: boolean } {
  const words: string[] = [];
  const idx: number[] = [];
  let m = k;
  while (m < toks.length) {
    if (words.length >= limit) return { words, idx, full: true };
    const t = toks[m];
    if (m > k && t.newline) break;
    if (t.kind === 'num') {
      if (words.length && toks[m - 1].kind === 'num') break; // two numbers in a row: 12 34
      words.push(t.text); idx.push(m); m++;
      // Glued scale letters or shorthand: 100k, 3M, 5tr, 50triệuđ.
      const g = toks[m];
      if (g && !g.space && g.kind === 'word') {
        const sc = GLUED_WORDS.has(g.lo) ? null : gluedScale(g, toks[m + 1]);
        if (sc) { words.push(sc); idx.push(m); m++; }
        break;
      }
      continue;
    }
    if (t.kind === 'word' && (NUMBER_WORDS.has(t.lo) || (t.lo === 'tr' && words.length > 0))) {
      if (notScale(toks, m)) break;
      words.push(t.lo === 'tr' ? 'triệu' : t.lo); idx.push(m); m++;
      continue;
    }
    break;
  }
  return { words, idx, full: false };
}

/** Reads a number, its scale words and its unit, starting at token j. */
function readAmount(text: string, toks: Token[], j: number, opt: ScanOptions, afterSlash = false, bareScaleOk = false): Amount | null {
  const first = j;
  let k = j;
  let sign = 1;
  let currencyBefore: UnitInfo | null = null;
  if (toks[k]?.text === '-' && toks[k + 1]?.kind === 'num' && !afterSlash) {
    const prev = toks[k - 1];
    if (!prev || prev.kind !== 'num') { sign = -1; k++; }
  } else if (toks[k]?.lo === 'âm' && toks[k + 1]?.kind === 'num') { sign = -1; k++; }
  const cb = unitsBefore.match(toks, k);
  if (cb && (toks[cb.next]?.kind === 'num' || (toks[cb.next]?.text === ',' && toks[cb.next + 1]?.kind === 'num'))) {
    currencyBefore = cb.value;
    k = cb.next;
  }
  if (toks[k]?.text === '-' && toks[k + 1]?.kind === 'num' && currencyBefore) { sign = -1; k++; }
  if (!toks[k]) return null;

  // Vague amounts: hàng trăm, vài chục; a scale word after one multiplies it (vài trăm triệu).
  const vague = VAGUE_TABLE.match(toks, k);
  let value: number;
  let scale = 1;
  let inWords = false;
  let isVague = false;
  let shortTr = false;
  if (vague && toks[k].kind !== 'num') {
    value = vague.value;
    k = vague.next;
    isVague = true;
    inWords = true;
    for (let s = scales.match(toks, k); s && !toks[k].newline && !notScale(toks, k) && s.phrase.length > 2; s = scales.match(toks, k)) {
      value *= s.value;
      scale *= s.value;
      k = s.next;
    }
  } else {
    // triệu đồng, tỷ lệ: a scale word alone is no number in running text.
    if (SCALE_WORDS.has(toks[k].lo) && !bareScaleOk) return null;
    // Read a few words first; only a number that reaches the end of them is read again at full
    // length (linh/lẻ wait for the next word), so long runs of number words cost a constant per token.
    let c = collectNumber(toks, k, 8);
    if (!c.words.length) return null;
    let n = parseWordNumber(c.words);
    if (n && c.full && n.used >= c.words.length - 2) {
      c = collectNumber(toks, k, MAX_WORDS);
      n = parseWordNumber(c.words);
    }
    if (!n) return null;
    const { words, idx } = c;
    value = n.value;
    k = idx[n.used - 1] + 1;
    shortTr = toks[k - 1].lo === 'tr';
    // In words: no digits at all (hai lớp); `8.800 triệu` is digits with a scale word.
    const read = words.slice(0, n.used);
    inWords = !read.some(startsNumeric);
    for (const w of read) {
      const s = w === 'nghìn' || w === 'ngàn' || w === 'ngìn' ? 1e3 : w === 'triệu' ? 1e6 : w === 'tỷ' || w === 'tỉ' ? 1e9 : 1;
      if (s > 1) scale = Math.max(scale, s);
    }
    // `trăm`, `mười`, `năm` alone are words, not numbers, unless a unit follows (năm phần trăm).
    if (inWords && n.used === 1 && WEAK_NUMBER_WORDS.has(words[0])) {
      if (!opt.lenient && !COUNTING_WORDS.has(words[0]) && !strongCountAfter(toks, k)) return null;
      // parseQuantity: `năm học`, `một số` are not numbers either.
      if (opt.lenient && !COUNTING_WORDS.has(words[0]) && toks[k]?.kind === 'word' && !toks[k].newline && !anyUnitAt(toks, k)) return null;
    }
  }
  if (!Number.isFinite(value)) return null;
  // năm 2023, một 5: a number word right before digits is not part of a quantity.
  if (inWords && toks[k]?.kind === 'num' && !toks[k].newline) return null;
  value *= sign;
  let end = toks[k - 1].end;

  // Glued shorthand: triệuđ, tỷđ, trđ, tr.đ
  let unit: UnitInfo | null = currencyBefore;
  const g = toks[k];
  const glued = g && g.kind === 'word' ? GLUED_WORDS.get(g.lo) : undefined;
  if (g && glued) {
    const [sc] = glued;
    const mult = sc === 'tỷ' ? 1e9 : sc === 'nghìn' ? 1e3 : 1e6;
    value *= mult; scale = Math.max(scale, mult);
    unit = { kind: 'currency', code: 'VND' };
    end = g.end; k++;
  } else if (shortTr && g?.text === '.' && !g.space && toks[k + 1]?.lo === 'đ' && !toks[k + 1].space) {
    unit = { kind: 'currency', code: 'VND' }; end = toks[k + 1].end; k += 2;
  }

  let noun: string | undefined;
  let points = false;
  if (!unit || unit === currencyBefore) {
    let u = unitsAfter.match(toks, k);
    // `5 tỷ năm 2023`, `3 tỷ năm nay`, `Quyết định 1768 năm 2019`: the năm belongs to a date, not to
    // the number (but `3 năm trước` is a span of three years).
    const dateAfter = u !== null && u.value.kind === 'duration' && toks[u.next] !== undefined && !toks[u.next].newline &&
      (toks[u.next].kind === 'num' || (scale > 1 && DATE_AFTER.has(toks[u.next].lo)));
    if (dateAfter) u = null;
    const dollarBefore = currencyBefore !== null;
    if (u && !(dollarBefore && u.value.kind !== 'currency')) {
      unit = u.value;
      if (u.value.kind === 'points') points = true;
      end = toks[u.next - 1].end;
      k = u.next;
      if (u.value.kind === 'count') {
        noun = nounWithModifiers(text, toks, u.next, text.slice(tokStart(toks, u.next, u.phrase), end));
        // lượt cán bộ: the counted people after lượt belong to the text.
        if (u.value.code === 'turn' && u.phrase === 'lượt') {
          const p = unitsAfter.match(toks, k);
          if (p && p.value.kind === 'count' && p.value.code === 'person') {
            end = toks[p.next - 1].end;
            noun = `lượt ${text.slice(tokStart(toks, p.next, p.phrase), end)}`;
            k = p.next;
          }
        }
      }
    } else if (!u && toks[k]?.lo === 'ng' && !toks[k].space) {
      unit = { kind: 'count', code: 'person' }; noun = 'người'; end = toks[k].end; k++;
    } else if (!u && !currencyBefore && !dateAfter && toks[k]) {
      const c = cents.match(toks, k);
      const item = c ? null : itemNouns.match(toks, k);
      if (c) {
        // Cents alone: mười xen, 50 cents = 0.10, 0.50 USD.
        unit = { kind: 'currency', code: 'USD' }; value /= 100; k = c.next; end = toks[k - 1].end;
      } else if (item) {
        unit = { kind: 'count', code: 'item' };
        let next = item.next;
        if (item.next === k + 1 && CLASSIFIERS.has(toks[k].lo) && classifiedNoun(toks, next)) next++;
        end = toks[next - 1].end;
        noun = nounWithModifiers(text, toks, next, text.slice(toks[k].start, end));
        k = next;
      } else if ((!inWords || opt.lenient) && !isVague && scale === 1 && genericNoun(toks, k)) {
        // Not after a scale word: `5 tỷ nhưng`, `5 tỷ gồm` are sums of money with the unit left out.
        // Numbers in words take any noun only in a quantity string (ba quả trứng), not in running text.
        unit = { kind: 'count', code: 'item' };
        const next = CLASSIFIERS.has(toks[k].lo) && classifiedNoun(toks, k + 1) ? k + 2 : k + 1;
        end = toks[next - 1].end;
        noun = text.slice(toks[k].start, end);
        k = next;
      }
    }
  }

  // Cents after a currency: 2 đô la và 23 xen, hai đô 23, 20 Rupees 43.
  if (unit?.kind === 'currency' && unit.code !== 'VND' && !isVague) {
    let c = k;
    if (toks[c]?.lo === 'và') c++;
    const t = toks[c];
    if (t && (t.kind === 'num' || NUMBER_WORDS.has(t.lo)) && !t.newline) {
      const words: string[] = [];
      let m = c;
      while (m < toks.length && (toks[m].kind === 'num' || NUMBER_WORDS.has(toks[m].lo)) && words.length < 6) { words.push(toks[m].lo); m++; }
      const n = parseWordNumber(words);
      if (n && n.value < 100 && n.value >= 0) {
        const after = c + n.used;
        const centWord = cents.match(toks, after);
        const endOk = !toks[after] || toks[after].kind === 'sym';
        if (centWord || (endOk && toks[c - 1]?.lo !== 'và')) {
          value += Math.sign(value || 1) * n.value / 100;
          k = centWord ? centWord.next : after;
          end = toks[k - 1].end;
        }
      }
    }
  }

  // Rate: 3%/năm, 50 triệuđ/nhà, 2 triệu đồng/người/tháng, 7.500 đồng/kg, USD/tấn, đồng/m2.
  let per: string | undefined;
  if (unit && toks[k]?.text === '/' && toks[k + 1]?.kind === 'word' && !toks[k + 1].newline) {
    const parts: string[] = [];
    let m = k;
    while (toks[m]?.text === '/' && toks[m + 1]?.kind === 'word' && !toks[m + 1].newline && parts.length < 3) {
      const n = denominatorEnd(toks, m + 1);
      parts.push(text.slice(toks[m + 1].start, toks[n - 1].end));
      m = n;
    }
    if (parts.length) { per = parts.join('/'); end = toks[m - 1].end; k = m; }
  } else if (unit && toks[k]?.lo === 'mỗi' && toks[k + 1]?.kind === 'word' && !toks[k + 1].newline) {
    // 1 triệu đồng mỗi sản phẩm: the rate belongs to the text, like `/sản phẩm`.
    const n = denominatorEnd(toks, k + 1);
    per = text.slice(toks[k + 1].start, toks[n - 1].end); end = toks[n - 1].end; k = n;
  } else if (unit) {
    per = perAfter(text, toks, k, unit);
  }

  if (!Number.isFinite(value)) return null; // 1e300 tỷ
  return { value, unit, scale, first, next: k, end, noun, per, vague: isVague, inWords, points };
}

/**
 * A rate written out after the amount, outside its text: `50 triệu đồng mỗi hộ`, `1,5 triệu thùng
 * dầu mỗi ngày` (one word may come between), `85 USD một thùng` (money and percent, a known noun).
 */
function perAfter(text: string, toks: Token[], k: number, unit: UnitInfo): string | undefined {
  let m = k;
  const gap = toks[m];
  if (gap && gap.kind === 'word' && gap.space && !gap.newline && gap.text === gap.lo && toks[m + 1]?.lo === 'mỗi' &&
      !NUMBER_WORDS.has(gap.lo) && !NOT_NOUNS.has(gap.lo)) m++;
  const w = toks[m], noun = toks[m + 1];
  if (!w || !noun || w.newline || noun.newline || noun.kind !== 'word') return undefined;
  if (w.lo === 'mỗi') return text.slice(noun.start, toks[denominatorEnd(toks, m + 1) - 1].end);
  if (w.lo === 'một' && m === k && (unit.kind === 'currency' || unit.kind === 'percent') &&
      (unitsAfter.match(toks, m + 1) || itemNouns.match(toks, m + 1))) {
    return text.slice(noun.start, toks[denominatorEnd(toks, m + 1) - 1].end);
  }
  return undefined;
}

/** `mỗi hộ nghèo được vay 100 triệu đồng`: a `mỗi` earlier in the clause says what the amount is per. */
function perBefore(text: string, toks: Token[], i: number): string | undefined {
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    const t = toks[k];
    if (t.kind !== 'word') return undefined; // a number or a comma ends the clause
    if (t.lo === 'mỗi') {
      const noun = toks[k + 1];
      if (!noun || noun.kind !== 'word' || k + 1 >= i) return undefined;
      return text.slice(noun.start, toks[Math.min(denominatorEnd(toks, k + 1), i) - 1].end);
    }
    if (toks[k + 1].newline) return undefined;
  }
  return undefined;
}

/**
 * Where a rate's denominator ends: a known unit or noun phrase (hộ gia đình, m2, lao động),
 * a two-syllable noun we know (đầu người), or else one syllable (năm, nhà, kg).
 */
function denominatorEnd(toks: Token[], k: number): number {
  const hit = unitsAfter.match(toks, k) ?? itemNouns.match(toks, k);
  if (hit && hit.next > k + 1) {
    let ok = true;
    for (let x = k + 1; x < hit.next; x++) if (toks[x].newline) ok = false;
    if (ok) return hit.next;
  }
  const two = toks[k + 1];
  if (two && two.kind === 'word' && two.space && !two.newline && NOUN_TAILS.has(`${toks[k].lo} ${two.lo}`)) return k + 2;
  return k + 1;
}

const NOUN_TAILS = new Set(['đầu người', 'người dân', 'nhân khẩu', 'lượt khách', 'ngày công', 'tháng lương']);

/** Start offset of a phrase that ends before token `next`. */
function tokStart(toks: Token[], next: number, phrase: string): number {
  return toks[next - phraseLength(phrase)].start;
}

/** Tokens in a unit phrase, remembered: the phrases come from the lexicon, so the map stays small. */
const PHRASE_LENGTHS = new Map<string, number>();
function phraseLength(phrase: string): number {
  let n = PHRASE_LENGTHS.get(phrase);
  if (n === undefined) {
    n = tokenize(phrase).length;
    PHRASE_LENGTHS.set(phrase, n);
  }
  return n;
}

/**
 * The counted noun with up to two modifiers (hộ nghèo, hộ nghèo dân tộc thiểu số, lao động nữ), and
 * the same head repeated with other modifiers (hộ nghèo, hộ cận nghèo và hộ mới thoát nghèo).
 */
function nounWithModifiers(text: string, toks: Token[], k: number, base: string): string {
  let end = modifiersEnd(toks, k);
  if (end === k) return base;
  const space = base.indexOf(' ');
  const first = space < 0 ? base : base.slice(0, space);
  // Most heads are lower case already, and toLowerCase is slow on Vietnamese text.
  const head = isLower(first) ? first : first.toLowerCase();
  for (let n = 0; n < 3; n++) {
    let h = end;
    if (toks[h]?.text === ',' && !toks[h].space) h++;
    if (toks[h]?.lo === 'và') h++;
    if (h === end || toks[h]?.lo !== head || toks[h].newline) break;
    const more = modifiersEnd(toks, h + 1);
    if (more === h + 1) break;
    end = more;
  }
  return `${base} ${text.slice(toks[k].start, toks[end - 1].end)}`;
}

function modifiersEnd(toks: Token[], k: number): number {
  let end = k;
  for (let n = 0; n < 2; n++) {
    const m = NOUN_MODIFIERS.match(toks, end);
    if (!m || toks[end].newline || !toks[end].space) break;
    end = m.next;
  }
  return end;
}

/** The word after a classifier that names what is counted: chiếc (xe), con (heo). */
function classifiedNoun(toks: Token[], k: number): boolean {
  const t = toks[k];
  if (!t || t.kind !== 'word' || t.newline || !t.space) return false;
  if (t.text !== t.lo) return false;
  return !NOT_NOUNS.has(t.lo) && !NUMBER_WORDS.has(t.lo) && !BOUNDS.match(toks, k) && !unitsAfter.match(toks, k);
}

/** A generic counted noun after a number: a lower-case word that is not a function word. */
function genericNoun(toks: Token[], k: number): boolean {
  const t = toks[k];
  if (!t || t.kind !== 'word' || t.newline || t.text.length < 2) return false;
  if (NOT_NOUNS.has(t.lo)) return false;
  // Capitalised words are names or a new sentence (khoản 1, 2 Điều 8; 3 UBND), not a counted noun.
  return t.text === t.lo;
}

/** Units strong enough to let a weak number word (một, năm, trăm) count: hai lớp is, một cách is not. */
function strongCountAfter(toks: Token[], k: number): boolean {
  const u = unitsAfter.match(toks, k);
  if (u && (u.value.kind === 'currency' || u.value.kind === 'percent')) return true;
  return false;
}

/** Any unit word at k: a unit, a counted noun we know, or cents. */
function anyUnitAt(toks: Token[], k: number): boolean {
  return unitsAfter.match(toks, k) !== null || itemNouns.match(toks, k) !== null || cents.match(toks, k) !== null ||
    GLUED_WORDS.has(toks[k].lo);
}

export { readAmount as _readAmount };

/** `398/414 (= 96,13%) hộ nghèo`: a counted noun after a parenthesis belongs to the ratio. */
function nounAfterParen(toks: Token[], k: number): { unit: UnitInfo; noun: string } | null {
  if (toks[k]?.text !== '(') return null;
  let m = k + 1;
  while (m < toks.length && toks[m].text !== ')' && m - k < 12) m++;
  if (toks[m]?.text !== ')') return null;
  const u = unitsAfter.match(toks, m + 1);
  if (u && u.value.kind === 'count') {
    const words = toks.slice(m + 1, u.next).map((t) => t.text).join(' ');
    const mod = NOUN_MODIFIERS.match(toks, u.next);
    const tail = mod ? ` ${toks.slice(u.next, mod.next).map((t) => t.text).join(' ')}` : '';
    return { unit: u.value, noun: words + tail };
  }
  return null;
}
