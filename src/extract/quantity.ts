// The quantity grammar: a number (digits or words, with scale words), its unit, a bound
// (trên, khoảng, từ ... trở lên), a range (6 - 7%), a ratio (398/414) and a rate (3%/năm).
// `scanQuantities` finds them in running text; `parseQuantity` reads one quantity string.
import lexicon from '../data/units.json' with { type: 'json' };
import type { Comparator, Quantity, QuantityMatch } from '../types.js';
import { NUMBER_WORDS, VAGUE, parseDigits, parseWordNumber } from './numbers.js';
import { tokenize, type Token } from './tokens.js';
import {
  GLUED_SCALES, GLUED_WORDS, NOT_NOUNS, PhraseTable, cents, itemNouns, scales, unitsAfter, unitsBefore,
  type UnitInfo,
} from './units.js';

const BOUNDS = new PhraseTable<Comparator>();
for (const [words, cmp] of [
  [['trên', 'hơn', 'vượt', 'vượt quá', 'cao hơn', 'nhiều hơn', 'lớn hơn', 'hơn tới'], '>'],
  [['tối thiểu', 'ít nhất', 'không dưới', 'không ít hơn', 'không thấp hơn', 'tối thiểu là', 'ít nhất là'], '>='],
  [['dưới', 'chưa đến', 'chưa tới', 'chưa đầy', 'ít hơn', 'kém hơn', 'không tới', 'không đến', 'thấp hơn', 'không đầy', 'nhỏ hơn'], '<'],
  [['tối đa', 'không quá', 'không hơn', 'không cao hơn', 'không vượt quá', 'tối đa là', 'không nhiều hơn'], '<='],
  [['khoảng', 'gần', 'xấp xỉ', 'chừng', 'tầm', 'hơn kém', 'ước chừng', 'khoảng chừng', 'độ', 'cỡ', 'trên dưới', 'xấp xỉ khoảng'], '~'],
  [['ước', 'ước đạt', 'ước tính', 'ước khoảng'], '='],
] as Array<[string[], Comparator]>) for (const w of words) BOUNDS.add(w, cmp);

const VAGUE_TABLE = new PhraseTable<number>();
for (const [w, v] of Object.entries(VAGUE)) VAGUE_TABLE.add(w, v);

const NOT_NUMBER_AFTER = new PhraseTable<true>();
for (const w of lexicon.notNumberAfter) NOT_NUMBER_AFTER.add(w, true);
const NOUN_MODIFIERS = new PhraseTable<true>();
for (const w of lexicon.nounModifiers) NOUN_MODIFIERS.add(w, true);

/** Number words that are also ordinary words (năm = five / year, một = one / a). */
const WEAK_NUMBER_WORDS = new Set(['một', 'năm', 'không', 'tư', 'ba', 'mười', 'trăm', 'nghìn', 'ngàn', 'triệu', 'tỷ', 'tỉ', 'chục', 'nửa', 'tá', 'bảy', 'tám', 'sáu', 'bốn', 'hai', 'chín', 'lẻ', 'linh']);
const RANGE_DASH = new Set(['-', '–', '—', '~']);
const RANGE_WORDS = new Set(['đến', 'tới', 'lên']);

export interface ScanOptions {
  /** Read bare numbers and numbers in words without a unit (parseQuantity does). */
  lenient?: boolean;
}

interface Amount {
  value: number;
  unit: UnitInfo | null;
  /** Scale word applied (1e6 for triệu), so `6 đến 7 triệu` can scale the 6. */
  scale: number;
  /** Token range of the number itself, and of the whole amount with its unit. */
  first: number;
  next: number;
  /** End offset of text (number + unit words). */
  end: number;
  noun?: string;
  per?: string;
  vague?: boolean;
  inWords: boolean;
  points?: boolean;
  /** The number had no unit of its own but took one from context (range side). */
  bareNumber: boolean;
  currencyBefore: boolean;
}

/** Finds every quantity in a text, with offsets. Dates, years, codes, ordinals and phone numbers are skipped. */
export function scanQuantities(text: string, options: ScanOptions = {}): QuantityMatch[] {
  const tokens = tokenize(text);
  const out: QuantityMatch[] = [];
  let i = 0;
  // A guard against pathological inputs: every step advances i.
  while (i < tokens.length) {
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
  const found = scanQuantities(text.normalize('NFC'), { lenient: true });
  const m = found[0];
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
  if (toks[j] && (toks[j].lo === 'từ' || toks[j].lo === 'giữa')) {
    rangeStart = toks[j].lo as 'từ' | 'giữa';
    j++;
  }
  if (j > i && !startsAmount(toks, j)) return null;
  if (j === i && !startsAmount(toks, i)) return null;

  // A minus glued to a word is a hyphen (Covid-19), not a sign.
  if (toks[j].text === '-' && toks[j - 1] && !toks[j].space && toks[j - 1].kind !== 'sym') return { skip: j + 2 };
  const ex = excluded(text, toks, j, opt);
  if (ex !== null) return { skip: ex };

  const a = readAmount(text, toks, j, opt);
  if (!a) return null;
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

  // Ranges: 6 - 7%, từ 6 đến 7%, giữa 1000 và 2000 đồng.
  const sep = toks[next];
  if (total === undefined && sep && !sep.newline &&
      (RANGE_DASH.has(sep.text) || RANGE_WORDS.has(sep.lo) || (rangeStart === 'giữa' && sep.lo === 'và'))) {
    let k = next + 1;
    // "khoảng 1.000 đến khoảng 2.000"
    const b2 = BOUNDS.match(toks, k);
    if (b2 && b2.value === '~') k = b2.next;
    if (startsAmount(toks, k) && excluded(text, toks, k, opt) === null) {
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
  if (t1?.lo === 'trở' && (t2?.lo === 'lên' || t2?.lo === 'xuống')) {
    comparator = t2.lo === 'lên' ? '>=' : '<=';
    bound = bound ? `${bound} … trở ${t2.lo}` : `trở ${t2.lo}`;
    next += 2;
  } else if (rangeStart === 'từ' && valueMax === undefined) {
    // "từ 5 hộ" alone: a lower bound in the sense of "from 5 up".
    comparator = comparator === '=' ? '>=' : comparator;
    bound = bound ? `${bound} từ` : 'từ';
  }
  if (!unit && !opt.lenient && a.inWords && valueMax === undefined) return null;

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
  // Times: 03:38, 8h30, 19h.
  if (next && !next.space && (next.text === ':' || next.text === 'h' || next.lo === 'h') && (toks[j + 2]?.kind === 'num' || next.lo === 'h')) {
    if (next.text === ':' || /^\d{1,2}$/.test(t.text)) return skipWhile(toks, j, (x) => x.kind === 'num' || x.text === ':' || x.lo === 'h' || x.lo === 'am' || x.lo === 'pm');
  }
  // Slash forms: dates (30/01/2022, 11/2023, 22/10), documents (662/QĐ-UBND, 20/2021/NĐ-CP).
  if (next?.text === '/' && !next.space) {
    const after = toks[j + 2];
    if (after && !after.space && after.kind === 'word') return skipCode(toks, j);
    if (after && !after.space && after.kind === 'num') {
      const a = Number(t.text), b = Number(after.text);
      const third = toks[j + 3]?.text === '/' && !toks[j + 3].space ? toks[j + 4] : undefined;
      if (third && !third.space) return skipCode(toks, j);
      if (/^\d{4}$/.test(after.text) && b >= 1900 && b <= 2100 && a >= 1 && a <= 12) return j + 3;
      const pw = prev?.lo ?? '';
      const dateWord = ['ngày', 'hôm', 'sáng', 'chiều', 'tối', 'trưa', 'đêm', 'rạng', 'từ', 'đến', 'tới', 'và', 'vào', 'lúc', 'dịp', 'hạn'].includes(pw);
      if (/^\d{1,2}$/.test(t.text) && /^\d{1,2}$/.test(after.text) && a >= 1 && a <= 31 && b >= 1 && b <= 12) {
        if (dateWord || !ratioFollows(toks, j + 3)) return j + 3;
      }
      if (/^\d{4}$/.test(t.text) && /^\d{4}$/.test(after.text)) return j + 3; // 2023/2024 school years
    }
  }
  // Hyphenated dates: 13-12-2023, 2023-12-13.
  if (next?.text === '-' && !next.space && toks[j + 2]?.kind === 'num' && !toks[j + 2].space &&
      toks[j + 3]?.text === '-' && !toks[j + 3].space && toks[j + 4]?.kind === 'num') return j + 5;
  // Dotted dates parse to null anyway (13.12.2023).
  if (parseDigits(t.text) === null) return j + 1;
  // Phone numbers: 0912 345 678, 0912345678, (024) 3824 1234, 1900 1234.
  if (/^0\d{8,}$/.test(t.text.replace(/[.,]/g, '')) && !/,/.test(t.text)) return skipWhile(toks, j, (x) => x.kind === 'num' || x.text === '.');
  if (/^0\d{2,4}$/.test(t.text) && next?.kind === 'num' && /^\d{3,4}$/.test(next.text) && toks[j + 2]?.kind === 'num') return skipWhile(toks, j, (x) => x.kind === 'num');
  if (prev?.text === '+' && /^84/.test(t.text)) return skipWhile(toks, j, (x) => x.kind === 'num');
  // Ordinals, names and positions: thứ 2, lần thứ 3, Quận 1, Điều 5, tháng 11, năm 2023.
  if (prev && precededByNonQuantityWord(toks, j) && !opt.lenient) return j + 1;
  if (prev && precededByNonQuantityWord(toks, j) && opt.lenient && ['thứ', 'năm', 'tháng', 'ngày', 'số'].includes(prev.lo)) return j + 1;
  // A number right after a capitalised word inside a sentence is part of a name: Đoàn 35, Sư đoàn 312.
  if (prev && prev.kind === 'word' && /^\p{Lu}/u.test(prev.text) && !opt.lenient) {
    const pp = toks[j - 2];
    const sentenceStart = !pp || pp.newline || /^[.!?:;…"“(]$/.test(pp.text) || prev.newline;
    if (!sentenceStart && !BOUNDS.match(toks, j - 1)) return j + 1;
  }
  // Years: 2023, 2021 - 2025 (a plain four-digit number in 1900..2100 with no unit of its own).
  if (/^(19|20)\d\d$/.test(t.text) && !strongUnitAfter(toks, j + 1)) {
    if (next && RANGE_DASH.has(next.text) && /^(19|20)\d\d$/.test(toks[j + 2]?.text ?? '')) return j + 3;
    return j + 1;
  }
  return null;
}

function skipWhile(toks: Token[], j: number, ok: (t: Token) => boolean): number {
  let k = j;
  while (k < toks.length && ok(toks[k]) && (k === j || !toks[k].newline)) k++;
  return Math.max(k, j + 1);
}

/** Skip a glued code such as 662/QĐ-UBND or 20/2021/NĐ-CP. */
function skipCode(toks: Token[], j: number): number {
  let k = j + 1;
  while (k < toks.length && !toks[k].space && (toks[k].kind !== 'sym' || '/-.'.includes(toks[k].text))) k++;
  return k;
}

function precededByNonQuantityWord(toks: Token[], j: number): boolean {
  // Look back one or two tokens for an ordinal/name word directly before the number.
  for (let back = 2; back >= 1; back--) {
    const k = j - back;
    if (k < 0) continue;
    const hit = NOT_NUMBER_AFTER.match(toks, k);
    if (hit && hit.next === j) return true;
  }
  return false;
}

function ratioFollows(toks: Token[], k: number): boolean {
  const u = unitsAfter.match(toks, k);
  if (u && (u.value.kind === 'count' || u.value.kind === 'currency' || u.value.kind === 'measure')) return true;
  if (itemNouns.match(toks, k)) return true;
  if (toks[k]?.text === '(' && toks[k + 1]?.text === '=') return true;
  return false;
}

function strongUnitAfter(toks: Token[], k: number): boolean {
  const u = unitsAfter.match(toks, k);
  if (u && u.value.kind !== 'duration' && u.value.kind !== 'multiplier') return true;
  if (scales.match(toks, k)) return true;
  return false;
}

/** Letters glued to digits that still make a quantity: 100k, 3M, 5ha, 10K$, 8ng, triệuđ. */
function gluedUnitOk(toks: Token[], k: number): boolean {
  const w = toks[k];
  if (w.lo in GLUED_SCALES || w.lo in GLUED_WORDS) return true;
  if (w.lo === 'ng') return true;
  if (w.lo === 'h' || w.lo === 'giờ') return true; // times, handled by the time rule
  const u = unitsAfter.match(toks, k);
  if (u && u.value.kind !== 'count') return true;
  if (scales.match(toks, k)) return true;
  return false;
}

/** Reads a number, its scale words and its unit, starting at token j. */
function readAmount(text: string, toks: Token[], j: number, opt: ScanOptions, afterSlash = false): Amount | null {
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

  // Vague amounts: hàng trăm, vài chục.
  const vague = VAGUE_TABLE.match(toks, k);
  let value: number;
  let scale = 1;
  let inWords = false;
  let isVague = false;
  if (vague && !(toks[k].kind === 'num')) {
    value = vague.value;
    k = vague.next;
    isVague = true;
    inWords = true;
  } else {
    // Collect number tokens and number words, then read them together.
    const words: string[] = [];
    const idx: number[] = [];
    let m = k;
    while (m < toks.length && words.length < 16) {
      const t = toks[m];
      if (m > k && t.newline) break;
      if (t.kind === 'num') {
        if (words.length && toks[m - 1].kind === 'num') break; // two numbers in a row: 12 34
        words.push(t.text); idx.push(m); m++;
        // Glued scale letters or shorthand: 100k, 3M, 5tr, 50triệuđ.
        const g = toks[m];
        if (g && !g.space && g.kind === 'word') {
          if (g.lo in GLUED_WORDS) break;
          if (g.lo in GLUED_SCALES && !(g.lo === 'm' && /^[23²³]$/.test(toks[m + 1]?.text ?? ''))) {
            words.push(g.lo === 'k' ? 'nghìn' : g.lo === 'g' ? 'tỷ' : 'triệu'); idx.push(m); m++;
          }
          break;
        }
        continue;
      }
      if (t.kind === 'word' && (NUMBER_WORDS.has(t.lo) || t.lo === 'tr')) {
        if (t.lo === 'năm' && words.length && !/^(trăm|nghìn|ngàn|triệu|tỷ|tỉ|mươi|mười|linh|lẻ)$/.test(words[words.length - 1])) break;
        words.push(t.lo === 'tr' ? 'triệu' : t.lo); idx.push(m); m++;
        continue;
      }
      break;
    }
    if (!words.length) return null;
    const n = parseWordNumber(words);
    if (!n) return null;
    value = n.value;
    k = idx[n.used - 1] + 1;
    inWords = words.slice(0, n.used).some((w) => !/^[\d.,]/.test(w));
    for (const w of words.slice(0, n.used)) {
      const s = w === 'nghìn' || w === 'ngàn' ? 1e3 : w === 'triệu' ? 1e6 : w === 'tỷ' || w === 'tỉ' ? 1e9 : 1;
      if (s > 1) scale = Math.max(scale, s);
    }
    // `trăm` alone, `mười` alone, `năm` alone in running text are words, not numbers.
    if (inWords && n.used === 1 && !opt.lenient && WEAK_NUMBER_WORDS.has(words[0]) && !['hai', 'ba', 'bốn', 'sáu', 'bảy', 'tám', 'chín'].includes(words[0])) {
      if (!strongCountAfter(toks, k)) return null;
    }
  }
  // năm 2023, một 5: a number word right before digits is not part of a quantity.
  if (inWords && toks[k]?.kind === 'num' && !toks[k].newline) return null;
  value *= sign;
  let end = toks[k - 1].end;

  // Glued shorthand: triệuđ, tỷđ, trđ, tr.đ
  let unit: UnitInfo | null = currencyBefore;
  const g = toks[k];
  if (g && g.kind === 'word' && g.lo in GLUED_WORDS) {
    const [sc] = GLUED_WORDS[g.lo];
    const mult = sc === 'tỷ' ? 1e9 : sc === 'nghìn' ? 1e3 : 1e6;
    value *= mult; scale = Math.max(scale, mult);
    unit = { kind: 'currency', code: 'VND' };
    end = g.end; k++;
  } else if (g && g.lo === 'tr' && toks[k + 1]?.text === '.' && toks[k + 2]?.lo === 'đ') {
    value *= 1e6; scale = 1e6; unit = { kind: 'currency', code: 'VND' }; end = toks[k + 2].end; k += 3;
  }

  let noun: string | undefined;
  let points = false;
  if (!unit || unit === currencyBefore) {
    const u = unitsAfter.match(toks, k);
    const dollarBefore = currencyBefore !== null;
    if (u && !(dollarBefore && u.value.kind !== 'currency')) {
      {
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
      }
    } else if (!u && toks[k]?.lo === 'ng' && !toks[k].space) {
      unit = { kind: 'count', code: 'person' }; noun = 'người'; end = toks[k].end; k++;
    } else if (!u && !currencyBefore) {
      const item = itemNouns.match(toks, k);
      if (item) {
        unit = { kind: 'count', code: 'item' };
        end = toks[item.next - 1].end;
        noun = nounWithModifiers(text, toks, item.next, text.slice(toks[k].start, end));
        k = item.next;
      } else if (!inWords && !isVague && genericNoun(toks, k)) {
        unit = { kind: 'count', code: 'item' };
        end = toks[k].end;
        noun = toks[k].text;
        k++;
      }
    }
  }

  // Cents after a currency: 2 đô la và 23 xen, hai đô 23, 20 Rupees 43.
  if (unit?.kind === 'currency' && unit.code !== 'VND') {
    let c = k;
    if (toks[c]?.lo === 'và') c++;
    const t = toks[c];
    if (t && (t.kind === 'num' || NUMBER_WORDS.has(t.lo)) && !t.newline) {
      const words: string[] = [];
      let m = c;
      while (m < toks.length && (toks[m].kind === 'num' || NUMBER_WORDS.has(toks[m].lo)) && words.length < 6) { words.push(toks[m].lo); m++; }
      const n = parseWordNumber(words);
      if (n && n.value < 100) {
        const after = c + n.used;
        const centWord = cents.match(toks, after);
        const endOk = !toks[after] || toks[after].kind === 'sym';
        if (centWord || (endOk && toks[c - 1]?.lo !== 'và') || (centWord && toks[c - 1]?.lo === 'và')) {
          value += n.value / 100;
          k = centWord ? centWord.next : after;
          end = toks[k - 1].end;
        }
      }
    }
  }
  // Cents alone: mười xen = 0.10 USD.
  if (!unit) {
    const c = cents.match(toks, k);
    if (c) { unit = { kind: 'currency', code: 'USD' }; value /= 100; k = c.next; end = toks[k - 1].end; }
  }

  // Rate: 3%/năm, 50 triệuđ/nhà, 2 triệu đồng/người/tháng, 7.500 đồng/kg, USD/tấn.
  let per: string | undefined;
  if (unit && toks[k]?.text === '/' && toks[k + 1]?.kind === 'word' && !toks[k + 1].newline) {
    const parts: string[] = [];
    let m = k;
    while (toks[m]?.text === '/' && toks[m + 1]?.kind === 'word' && parts.length < 3) {
      // A rate's denominator is a short noun: one or two syllables.
      let w = toks[m + 1].text;
      let n = m + 2;
      const two = toks[n];
      if (two && two.kind === 'word' && two.space && !two.newline && isNounTail(toks[m + 1].lo, two.lo)) { w += ` ${two.text}`; n++; }
      parts.push(w);
      m = n;
    }
    if (parts.length) { per = parts.join('/'); end = toks[m - 1].end; k = m; }
  } else if (unit && toks[k]?.lo === 'mỗi' && toks[k + 1]?.kind === 'word') {
    per = toks[k + 1].text; end = toks[k + 1].end; k += 2;
  }

  return {
    value, unit, scale, first, next: k, end, noun, per, vague: isVague, inWords, points,
    bareNumber: !unit, currencyBefore: currencyBefore !== null,
  };
}

function tokStart(toks: Token[], next: number, phrase: string): number {
  const n = tokenize(phrase).length;
  return toks[next - n].start;
}

function nounWithModifiers(text: string, toks: Token[], k: number, base: string): string {
  const m = NOUN_MODIFIERS.match(toks, k);
  if (m && !toks[k].newline) return `${base} ${text.slice(toks[k].start, toks[m.next - 1].end)}`;
  return base;
}

/** `dân cư`, `khám bệnh`: two-syllable denominators we know. */
function isNounTail(a: string, b: string): boolean {
  return ['hộ gia', 'gia đình', 'người dân', 'công trình', 'dự án', 'học sinh', 'lao động', 'đầu người', 'sào', 'con'].includes(`${a} ${b}`) || `${a} ${b}` === 'hộ gia';
}

/** A generic counted noun after a number: a lower-case word that is not a function word. */
function genericNoun(toks: Token[], k: number): boolean {
  const t = toks[k];
  if (!t || t.kind !== 'word' || t.newline) return false;
  if (NOT_NOUNS.has(t.lo)) return false;
  if (t.text !== t.lo && t.text[0] === t.text[0].toUpperCase() && t.text.length > 1 && t.text === t.text.toUpperCase()) return false; // acronyms: 3 UBND?
  return true;
}

/** Units strong enough to let a weak number word (một, năm, trăm) count: hai lớp is, một cách is not. */
function strongCountAfter(toks: Token[], k: number): boolean {
  const u = unitsAfter.match(toks, k);
  if (u && (u.value.kind === 'currency' || u.value.kind === 'percent')) return true;
  return false;
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
