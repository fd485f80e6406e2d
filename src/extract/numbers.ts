// Vietnamese numbers: digit strings (`1.837,272`, `94.277`, `,77`) and numbers in words
// (`hai mươi mốt nghìn không trăm mười một`). Pure functions over strings and word lists.

/**
 * Reads a digit string. Vietnamese style: `.` groups thousands, `,` is the decimal mark.
 * English style is recognised by its digit groups:
 * - `.` followed by exactly three digits groups thousands (`1.960` = 1960, `94.277` = 94277);
 *   any other `.` is a decimal point (`1.5`, `5.67`).
 * - `,` is a decimal mark (`1,20`, `0,47`, `1,234` = 1.234) unless it repeats in groups of three
 *   (`1,234,567`) or a `.` follows it (`1,234.5`): then it groups thousands.
 */
export function parseDigits(raw: string): number | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  // Plain digits, the common case.
  if (digitRun(s) > 0) {
    const v = Number(s);
    return Number.isFinite(v) ? v : null;
  }
  // `.5`, `,77`: a decimal with no integer part.
  const c = s.charCodeAt(0);
  if ((c === 46 || c === 44) && digitRun(s.slice(1)) > 0) {
    const v = Number(`0.${s.slice(1)}`);
    return Number.isFinite(v) ? v : null;
  }
  return parseGroups(s) ?? null;
}

/**
 * Digit groups joined by single marks (/^\d+(?:[.,]\d+)+$/, the scanner's numbers), read from the
 * group lengths. undefined for any other string (not a number).
 */
function parseGroups(s: string): number | null | undefined {
  let head = 0; // digits before the first mark
  let dots = 0, commas = 0;
  let last = 0; // the last mark
  let lastGroup = 0; // digits after it
  let threes = true; // every group after a mark but the last has 3 digits
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (last === 0) head++;
      else lastGroup++;
      continue;
    }
    if (c !== 46 && c !== 44) return undefined;
    if (head === 0 || (last !== 0 && lastGroup === 0)) return undefined; // a leading or doubled mark
    if (last !== 0 && lastGroup !== 3) threes = false;
    if (c === 46) dots++;
    else commas++;
    last = c;
    lastGroup = 0;
  }
  if (last === 0 || lastGroup === 0) return undefined;
  const lastThree = threes && lastGroup === 3;
  let normal: string;
  if (commas === 0) {
    // Only dots: thousands if every group after a dot has 3 digits and the head is 1-3 digits.
    if (head <= 3 && lastThree) normal = s.replace(/\./g, '');
    else if (dots === 1) normal = s;
    else return null; // 1.2.3: not a number (a version or a date)
  } else if (dots === 0) {
    if (commas > 1) {
      if (!(head <= 3 && lastThree)) return null;
      normal = s.replace(/,/g, '');
    } else normal = s.replace(',', '.');
  } else if (last === 44) {
    // 1.837,272: Vietnamese; the dots before the comma group thousands.
    if (!(head <= 3 && threes && commas === 1)) return null;
    normal = s.replace(/\./g, '').replace(',', '.');
  } else {
    // 1,234.56: English.
    if (!(head <= 3 && threes && dots === 1)) return null;
    normal = s.replace(/,/g, '');
  }
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

/** The length of s when it is only ASCII digits (/^\d+$/), else 0. */
export function digitRun(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return 0;
  }
  return s.length;
}

/** Digits after the decimal mark, to know the precision of a value as written. */
export function decimalPlaces(raw: string): number {
  const v = parseDigits(raw);
  if (v === null || Number.isInteger(v)) return 0;
  return String(v).split('.')[1]?.length ?? 0;
}

// Maps, not object literals: a word such as `constructor` must not find Object.prototype.
const UNITS = new Map<string, number>(Object.entries({
  không: 0, linh: 0, lẻ: 0,
  một: 1, mốt: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, nhăm: 5,
  sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9,
}));
const SCALES = new Map<string, number>(Object.entries({ nghìn: 1e3, ngàn: 1e3, ngìn: 1e3, triệu: 1e6, tỷ: 1e9, tỉ: 1e9 }));

/** Words that can appear inside a number written in words. */
export const NUMBER_WORDS = new Set<string>([
  ...UNITS.keys(), ...SCALES.keys(), 'mười', 'mươi', 'chục', 'trăm', 'rưỡi', 'nửa', 'tá', 'phẩy', 'chấm',
]);

export interface WordNumber {
  value: number;
  /** How many items of `words` were used. */
  used: number;
}

/**
 * Reads a number from a list of lower-case words (digit strings are allowed too, so mixed
 * forms like `2 tỷ 044 triệu` or `3 triệu 500 nghìn` read the same way). Stops at the first
 * word that cannot continue the number. Returns null when nothing was read.
 */
export function parseWordNumber(words: string[]): WordNumber | null {
  let total = 0; // completed scale chunks
  let largest = 0; // largest scale applied so far
  let hundreds = -1, tens = -1, unit = -1; // current group below 1000; -1 = not set
  let seen = false;
  let lastStep = 1; // size of the last unit read, for rưỡi (half of it)
  let used = 0;
  let afterTens = false; // `mươi`/`mười` just read: mốt, tư, lăm are units now
  let zeroTens = false; // linh / lẻ
  let scaleUsed = 0;

  // Digits of a bare trailing group right after a scale word (`1 triệu 2`, `một nghìn hai`), or 0.
  let shortDigits = 0;
  let shortScale = 1;
  let shortAt = -1;

  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const digits = startsDigits(w) ? parseDigits(w) : null;
    if (digits !== null) {
      if (unit >= 0 || (tens >= 0 && !afterTens && hundreds < 0)) break;
      // A digit string after a scale word is a new group (2 tỷ 044 triệu).
      if (largest > 0 && !groupSet(hundreds, tens, unit) && lastStep === largest && /^\d{1,3}$/.test(w)) { shortDigits = w.length; shortScale = largest; shortAt = i; }
      unit = digits;
      lastStep = 1;
      seen = true; used = i + 1; afterTens = false;
      continue;
    }
    if (w === 'linh' || w === 'lẻ') {
      if (hundreds < 0 && !(largest > 0 && !groupSet(hundreds, tens, unit))) break;
      if (hundreds < 0) hundreds = 0;
      zeroTens = true; tens = 0; continue;
    }
    const v = UNITS.get(w);
    if (v !== undefined && w !== 'linh' && w !== 'lẻ') {
      if (unit >= 0) break;
      if ((w === 'mốt' || w === 'lăm' || w === 'nhăm') && !afterTens) break;
      if (w === 'tư' && !afterTens) break;
      // năm after mươi is a year (hai mươi năm: twenty years; 25 is hai mươi lăm); after
      // trăm or a scale word it is five only when the number goes on (hai nghìn năm trăm).
      if (w === 'năm' && seen && !zeroTens) {
        if (afterTens || tens >= 0) break;
        if (!CONTINUES.has(words[i + 1] ?? '')) break;
      }
      if (w === 'không' && i + 1 < words.length && words[i + 1] === 'trăm') {
        hundreds = 0; i++; seen = true; used = i + 1; lastStep = 100; continue;
      }
      if (largest > 0 && !groupSet(hundreds, tens, unit) && lastStep === largest && !zeroTens && w !== 'không') { shortDigits = 1; shortScale = largest; shortAt = i; }
      unit = v; seen = true; used = i + 1; lastStep = 1; afterTens = false;
      continue;
    }
    if (w === 'mười') {
      if (tens >= 0 || unit >= 0) break;
      tens = 10; seen = true; used = i + 1; afterTens = true; lastStep = 10; continue;
    }
    if (w === 'mươi' || w === 'chục') {
      if (unit < 0) {
        if (w === 'chục') { unit = 1; } else break;
      }
      if (tens >= 0 && !zeroTens) break;
      if (w === 'chục' && unit > 9) { // 3 chục triệu, 12 chục: multiply digits
        unit = unit * 10; used = i + 1; lastStep = 10; continue;
      }
      tens = unit * 10; unit = -1; seen = true; used = i + 1; afterTens = true; lastStep = 10; zeroTens = false;
      continue;
    }
    if (w === 'trăm') {
      if (hundreds >= 0 && !(tens < 0 && unit < 0)) break;
      if (tens >= 0) break;
      hundreds = (unit >= 0 ? unit : 1) * 100; unit = -1; seen = true; used = i + 1; lastStep = 100; afterTens = false;
      continue;
    }
    if (w === 'tá') {
      const g = groupSet(hundreds, tens, unit) ? group(hundreds, tens, unit) : 1;
      total += g * 12; hundreds = tens = unit = -1; seen = true; used = i + 1; lastStep = 12; continue;
    }
    const s = SCALES.get(w);
    if (s !== undefined) {
      const g = groupSet(hundreds, tens, unit) ? group(hundreds, tens, unit) : (total > 0 && largest > 0 && largest < s ? 0 : 1);
      if (largest > 0 && s > largest) {
        // nghìn tỷ, một nghìn hai trăm tỷ: the whole number so far is scaled up.
        total = (total + g) * s;
      } else {
        // 5 triệu 3 triệu: two numbers; give back the second one.
        if (largest > 0 && s >= largest && groupSet(hundreds, tens, unit)) return { value: total, used: scaleUsed };
        total += g * s;
      }
      largest = Math.max(largest, s);
      scaleUsed = i + 1;
      hundreds = tens = unit = -1; seen = true; used = i + 1; lastStep = s; afterTens = false; zeroTens = false;
      continue;
    }
    if (w === 'rưỡi') {
      if (!seen || groupSet(hundreds, tens, unit) && lastStep === 1) break;
      if (groupSet(hundreds, tens, unit)) { // trăm rưỡi
        const g = group(hundreds, tens, unit) + lastStep / 2;
        hundreds = -1; tens = -1; unit = g;
      } else total += lastStep / 2;
      used = i + 1; continue;
    }
    if (w === 'nửa') {
      // một nửa: one half.
      if (seen && !(unit === 1 && total === 0 && hundreds < 0 && tens < 0 && used === i)) break;
      unit = 0.5; seen = true; used = i + 1; continue;
    }
    if ((w === 'phẩy' || w === 'chấm') && seen && groupSet(hundreds, tens, unit) && i + 1 < words.length) {
      const frac = readFraction(words.slice(i + 1));
      if (!frac) break;
      const whole = total + group(hundreds, tens, unit);
      // hai phẩy năm triệu: a scale word after the decimals scales the whole number.
      const after = words[i + 1 + frac.used];
      const sc = SCALES.get(after);
      if (sc !== undefined && total === 0) return { value: (whole + frac.value) * sc, used: i + 2 + frac.used };
      return { value: whole + frac.value, used: i + 1 + frac.used };
    }
    break;
  }
  if (!seen) return null;
  // 1 triệu 2 = 1 200 000 and 2 tỷ 044 = 2 044 000 000: a bare group after a scale word
  // counts in the next lower places of that scale, when it is the last thing read.
  if (shortDigits && shortAt === used - 1 && hundreds < 0 && tens < 0 && unit >= 0 && Number.isInteger(unit)) {
    return { value: total + unit * (shortScale / 10 ** shortDigits), used };
  }
  return { value: total + (groupSet(hundreds, tens, unit) ? group(hundreds, tens, unit) : 0), used };
}

// The group below 1000 being read (-1 = not set). Plain functions, not closures: parseWordNumber runs per number.
function group(hundreds: number, tens: number, unit: number): number {
  return Math.max(hundreds, 0) + Math.max(tens, 0) + Math.max(unit, 0);
}

function groupSet(hundreds: number, tens: number, unit: number): boolean {
  return hundreds >= 0 || tens >= 0 || unit >= 0;
}

/** A digit string: a digit, or . or , and a digit (`,77`), first. */
function startsDigits(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  const d = w.charCodeAt(1);
  return (c === 46 || c === 44) && d >= 48 && d <= 57;
}

/** Words that carry a number on after `năm` (five), so `năm` there is not `year`. */
const CONTINUES = new Set(['mươi', 'chục', 'trăm', 'nghìn', 'ngàn', 'ngìn', 'triệu', 'tỷ', 'tỉ', 'phẩy', 'chấm', 'rưỡi']);

/** Digits after `phẩy`/`chấm`: `năm` = .5, `không năm` = .05, `23` = .23, `mười bốn` = .14. */
function readFraction(words: string[]): WordNumber | null {
  const first = words[0];
  if (/^\d+$/.test(first)) return { value: Number(`0.${first}`), used: 1 };
  let digits = '';
  let used = 0;
  for (const w of words) {
    // hai lăm, ba mốt: after a first digit, lăm/mốt/tư are the spoken 5/1/4.
    const spoken = ['mốt', 'tư', 'lăm', 'nhăm'].includes(w);
    const d = UNITS.get(w);
    if (d !== undefined && w !== 'linh' && w !== 'lẻ' && (!spoken || used > 0)) { digits += String(d); used++; }
    else break;
  }
  if (used > 1 || (used === 1 && !['mươi', 'mười', 'trăm'].includes(words[1] ?? ''))) return { value: Number(`0.${digits}`), used };
  const n = parseWordNumber(words);
  if (!n) return null;
  return { value: Number(`0.${String(n.value).replace('.', '')}`), used: n.used };
}

/** Vague amounts: the value is their lower bound; never a figure. */
export const VAGUE: Record<string, number> = {
  'hàng chục': 10, 'hàng trăm': 100, 'hàng nghìn': 1000, 'hàng ngàn': 1000, 'hàng vạn': 10000,
  'hàng triệu': 1e6, 'hàng tỷ': 1e9, 'hàng chục nghìn': 1e4, 'hàng chục ngàn': 1e4, 'hàng trăm nghìn': 1e5,
  'hàng trăm ngàn': 1e5, 'hàng chục triệu': 1e7, 'hàng trăm triệu': 1e8, 'hàng chục tỷ': 1e10, 'hàng trăm tỷ': 1e11,
  'vài': 2, 'vài chục': 20, 'vài trăm': 200, 'vài nghìn': 2000, 'vài ngàn': 2000, 'vài triệu': 2e6, 'vài tỷ': 2e9,
  'dăm': 5, 'mấy chục': 20, 'mấy trăm': 200, 'mấy nghìn': 2000, 'hàng loạt': 2,
};
