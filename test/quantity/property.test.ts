// Property tests: numbers written the Vietnamese way (digits and words, with scale words) read
// back to themselves; the parser and the scanner never throw, never hang, and keep offsets right
// on any input, including 1 MB strings and 100 000-digit runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity, scanQuantities } from '../../src/extract/quantity.js';
import { parseWordNumber } from '../../src/extract/numbers.js';
import type { QuantityMatch } from '../../src/types.js';
import { close } from './want.js';

// ---- Formatting numbers the Vietnamese way -------------------------------------------------

/** 1234567 -> `1.234.567`: dot thousands. */
function viInt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Spelling choices that all mean the same number. */
interface Style { thousand: 'nghìn' | 'ngàn'; zero: 'linh' | 'lẻ'; four: 'tư' | 'bốn'; five: 'lăm' | 'nhăm' }

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** Reads a group below 1000. `full`: a group after a bigger one, which says its zero hundreds. */
function group(n: number, full: boolean, st: Style): string[] {
  const h = Math.floor(n / 100), t = Math.floor(n / 10) % 10, u = n % 10;
  const out: string[] = [];
  if (h > 0 || full) out.push(DIGITS[h], 'trăm');
  if (t === 0) {
    if (u > 0) out.push(...(out.length ? [st.zero] : []), DIGITS[u]);
  } else if (t === 1) {
    out.push('mười');
    if (u === 5) out.push(st.five);
    else if (u > 0) out.push(DIGITS[u]);
  } else {
    out.push(DIGITS[t], 'mươi');
    if (u === 1) out.push('mốt');
    else if (u === 4) out.push(st.four);
    else if (u === 5) out.push(st.five);
    else if (u > 0) out.push(DIGITS[u]);
  }
  return out;
}

/** Vietnamese number words for 0 <= n < 1e15: `hai mươi mốt nghìn không trăm mười một`. */
export function viWords(n: number, st: Style): string {
  if (n === 0) return 'không';
  const billions = Math.floor(n / 1e9);
  const rest = n % 1e9;
  const out: string[] = [];
  // Above a tỷ, the count of tỷ is itself a number: một nghìn hai trăm tỷ.
  if (billions > 0) out.push(...viWords(billions, st).split(' '), 'tỷ');
  const groups: Array<[number, string | null]> = [
    [Math.floor(rest / 1e6), 'triệu'], [Math.floor(rest / 1e3) % 1000, st.thousand], [rest % 1000, null],
  ];
  for (const [g, scale] of groups) {
    if (g === 0) continue;
    out.push(...group(g, out.length > 0, st));
    if (scale) out.push(scale);
  }
  return out.join(' ');
}

const style = fc.record({
  thousand: fc.constantFrom('nghìn' as const, 'ngàn' as const),
  zero: fc.constantFrom('linh' as const, 'lẻ' as const),
  four: fc.constantFrom('tư' as const, 'bốn' as const),
  five: fc.constantFrom('lăm' as const, 'nhăm' as const),
});

/** Small and large numbers alike: most bugs hide in zeros inside groups. */
const anyCount = fc.oneof(
  fc.integer({ min: 0, max: 9999 }),
  fc.integer({ min: 0, max: 999_999_999 }),
  fc.integer({ min: 0, max: 1e15 - 1 }),
  fc.constantFrom(0, 5, 10, 15, 21, 24, 25, 100, 105, 1005, 1960, 2023, 21011, 721012, 1_000_005, 1_050_000, 1_000_500, 1e9, 1e12 + 5e9),
);

const SCALES = [['nghìn', 1e3], ['ngàn', 1e3], ['triệu', 1e6], ['tỷ', 1e9], ['tỉ', 1e9], ['nghìn tỷ', 1e12]] as const;

describe('numbers written the Vietnamese way read back to themselves', () => {
  it('integers in digits with dot thousands, signed', () => {
    fc.assert(fc.property(fc.maxSafeNat(), fc.boolean(), (n, negative) => {
      const text = `${negative ? '-' : ''}${viInt(n)}`;
      const q = parseQuantity(text);
      expect(q, text).not.toBeNull();
      expect(close(q!.value, negative ? -n : n), `${text} -> ${q!.value}`).toBe(true);
      expect(q!.unit).toBeNull();
    }), { numRuns: 300 });
  });

  it('decimals with a comma mark and dot thousands', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.stringMatching(/^\d{1,4}$/), (whole, frac) => {
      const text = `${viInt(whole)},${frac}`;
      const q = parseQuantity(text);
      expect(q, text).not.toBeNull();
      expect(close(q!.value, whole + Number(`0.${frac}`)), `${text} -> ${q!.value}`).toBe(true);
    }), { numRuns: 300 });
  });

  it('digits with a scale word, with and without đồng', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 999_999 }), fc.option(fc.stringMatching(/^\d{1,3}$/), { nil: undefined }),
      fc.constantFrom(...SCALES), fc.boolean(),
      (whole, frac, [word, scale], money) => {
        const digits = frac === undefined ? viInt(whole) : `${viInt(whole)},${frac}`;
        const text = `${digits} ${word}${money ? ' đồng' : ''}`;
        const q = parseQuantity(text);
        expect(q, text).not.toBeNull();
        const want = (whole + (frac === undefined ? 0 : Number(`0.${frac}`))) * scale;
        expect(close(q!.value, want), `${text} -> ${q!.value}, want ${want}`).toBe(true);
        expect(q!.unit).toBe(money ? 'VND' : null);
      }), { numRuns: 300 });
  });

  it('integers in words, with every spelling variant', () => {
    fc.assert(fc.property(anyCount, style, (n, st) => {
      const text = viWords(n, st);
      const words = text.split(' ');
      expect(parseWordNumber(words), text).toEqual({ value: n, used: words.length });
      const q = parseQuantity(text);
      expect(q?.value, text).toBe(n);
    }), { numRuns: 400 });
  });

  it('numbers in words with a unit, in running text, at the right offsets', () => {
    // Not 5: `năm hộ` alone stays ambiguous in running text (trong năm hộ nghèo giảm: in the year).
    fc.assert(fc.property(fc.integer({ min: 2, max: 999_999 }).filter((n) => n !== 5), style, (n, st) => {
      const words = viWords(n, st);
      const text = `Năm nay, xã hỗ trợ ${words} hộ nghèo.`;
      const found = scanQuantities(text);
      expect(found.length, text).toBe(1);
      expect(found[0]).toMatchObject({ value: n, unit: 'household', text: `${words} hộ` });
      expect(text.slice(found[0].start, found[0].end)).toBe(found[0].text);
    }), { numRuns: 200 });
  });

  it('the formatter itself spells the textbook examples', () => {
    const st: Style = { thousand: 'nghìn', zero: 'linh', four: 'tư', five: 'lăm' };
    expect(viWords(21011, st)).toBe('hai mươi mốt nghìn không trăm mười một');
    expect(viWords(103, { ...st, zero: 'lẻ' })).toBe('một trăm lẻ ba');
    expect(viWords(1_234_000_000_000, st)).toBe('một nghìn hai trăm ba mươi tư tỷ');
  });
});

// ---- Robustness --------------------------------------------------------------------------------

/** What must hold of any scan, whatever the input: the first broken rule, or ''. */
function scanProblem(text: string, found: QuantityMatch[]): string {
  let last = 0;
  for (const m of found) {
    if (text.slice(m.start, m.end) !== m.text) return `text ${JSON.stringify(m.text)} is not at ${m.start}..${m.end}`;
    if (m.matchStart > m.start || m.matchStart < last || m.end <= m.start) return `offsets out of order: ${JSON.stringify(m)}`;
    if (!Number.isFinite(m.value) || (m.valueMax !== undefined && !Number.isFinite(m.valueMax)) ||
        (m.total !== undefined && !Number.isFinite(m.total))) return `not a finite number: ${JSON.stringify(m)}`;
    last = m.end;
  }
  return '';
}

function checkScan(text: string): void {
  expect(scanProblem(text, scanQuantities(text))).toBe('');
}

/** Words, digits and marks of Vietnamese news, to build inputs that reach deep into the grammar. */
const VOCAB = [
  'một', 'hai', 'năm', 'mười', 'mươi', 'mốt', 'tư', 'lăm', 'linh', 'lẻ', 'không', 'trăm', 'nghìn', 'ngàn', 'triệu', 'tỷ',
  'tỉ', 'chục', 'rưỡi', 'nửa', 'tá', 'phẩy', 'chấm', 'hàng', 'vài', 'đồng', 'đ', 'triệuđ', 'tr', 'USD', '$', 'đô', 'la',
  'xen', 'xu', '%', 'phần', 'điểm', 'hộ', 'người', 'lượt', 'ha', 'm2', 'kg', 'năm', 'tháng', 'ngày', 'thứ', 'lần', 'số',
  'trên', 'hơn', 'dưới', 'khoảng', 'từ', 'đến', 'giữa', 'và', 'trở', 'lên', 'xuống', 'ước', 'đạt', 'tỷ lệ', 'mỗi',
  '1', '03', '2023', '1.960', '1,5', ',77', '0912', '398', '414', '100k', '3M', '4G', 'Covid', 'QĐ-UBND', '(', ')', '=',
  '/', '-', '–', ':', '.', ',', ';', '\n', '', ' ', 'constructor', '__proto__', 'toString',
];
const vocabText = fc.array(fc.tuple(fc.constantFrom(...VOCAB), fc.constantFrom(' ', ' ', '', '/', '-', ', ', '\n')), { maxLength: 40 })
  .map((parts) => parts.map(([w, sep]) => w + sep).join(''));

describe('never throws, never hangs', () => {
  it('on arbitrary Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
      expect(() => parseQuantity(s)).not.toThrow();
      checkScan(s);
    }), { numRuns: 500 });
  });

  it('on grapheme soup with digits and Vietnamese letters', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.,/-% đôtỷtriệunghìnhộ\n₫$€'.split('')), maxLength: 120 }), (s) => {
      expect(() => parseQuantity(s)).not.toThrow();
      checkScan(s);
    }), { numRuns: 500 });
  });

  it('on sentences made of the grammar\'s own words', () => {
    fc.assert(fc.property(vocabText, (s) => {
      const q = parseQuantity(s);
      if (q) expect(Number.isFinite(q.value)).toBe(true);
      checkScan(s);
    }), { numRuns: 1000 });
  });

  it('on non-strings handed to parseQuantity from JavaScript', () => {
    for (const x of [undefined, null, 42, {}, []]) expect(parseQuantity(x as unknown as string)).toBeNull();
  });
});

/**
 * Runs fn and returns the CPU milliseconds it took: unlike wall time, it does not grow when other
 * processes share the machine, so the budget tests complexity rather than load.
 */
function timed(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

// A linear scan takes about half a second of CPU per megabyte; a quadratic one would take minutes.
const MB_BUDGET_MS = 3000;
const MB = 1 << 20;

describe('large inputs stay linear', () => {
  const big: Array<[string, string]> = [
    ['100 000 digits', '9'.repeat(100_000)],
    ['100 000 digits with dots', '1.'.repeat(50_000) + '1'],
    ['100 000 digits with commas', '1,'.repeat(50_000) + '1'],
    ['digit groups separated by spaces', '123 '.repeat(MB / 4)],
    ['a leading zero and 100 000 digits', `0${'5'.repeat(100_000)}`],
    ['1 MB of number words', 'một trăm hai mươi mốt nghìn '.repeat(MB / 28)],
    ['1 MB of one scale word', 'triệu '.repeat(MB / 6)],
    ['1 MB of ranges', '1 - 2 - '.repeat(MB / 8)],
    ['1 MB of slashes', '1/'.repeat(MB / 2)],
    ['1 MB of open parentheses', '1 ('.repeat(MB / 3)],
    ['1 MB of news', 'Năm 2023, tỉnh có 1.234 hộ nghèo (chiếm 3,5%), hơn 2 tỷ đồng/người; từ 6 đến 7%. '.repeat(MB / 80)],
  ];
  it.each(big)('%s', (_name, s) => {
    let found: QuantityMatch[] = [];
    expect(timed(() => { found = scanQuantities(s); })).toBeLessThan(MB_BUDGET_MS);
    expect(scanProblem(s, found)).toBe('');
    // parseQuantity reads a growing prefix: it pays for the first quantity only, or one linear scan.
    expect(timed(() => parseQuantity(s))).toBeLessThan(MB_BUDGET_MS);
  });

  it('parseQuantity finds the first quantity of a long text quickly, and the same one a scan finds', () => {
    const s = `Tổng cộng 1.234 hộ nghèo. ${'Không có số liệu. '.repeat(MB / 18)}`;
    expect(timed(() => expect(parseQuantity(s)).toMatchObject({ value: 1234, unit: 'household' }))).toBeLessThan(200);
    const late = `${'chữ '.repeat(5000)}khoảng 6 - 7%/năm`;
    expect(parseQuantity(late)).toMatchObject({ value: 6, valueMax: 7, per: 'năm', comparator: '~' });
  });

  it('1 MB of arbitrary Unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }), (chunk) => {
      const s = chunk.repeat(Math.ceil(MB / chunk.length)).slice(0, MB);
      let found: QuantityMatch[] = [];
      expect(timed(() => { found = scanQuantities(s); })).toBeLessThan(MB_BUDGET_MS);
      expect(scanProblem(s, found)).toBe('');
    }), { numRuns: 2 });
  });

  it('1 MB of the grammar\'s own words', () => {
    fc.assert(fc.property(vocabText.filter((s) => s.length > 0), (chunk) => {
      const s = chunk.repeat(Math.ceil(MB / chunk.length)).slice(0, MB);
      expect(timed(() => scanQuantities(s))).toBeLessThan(MB_BUDGET_MS);
    }), { numRuns: 2 });
  });
});
