// Character checks that replaced regexes in the scanner give the regexes' answers.
import { describe, expect, it } from 'vitest';
import { digitRun, parseDigits } from '../../src/extract/numbers.js';
import { isLower, startsUpper } from '../../src/extract/tokens.js';

/** parseDigits as it was, all regexes: the reference for the group-length fast path. */
function parseDigitsRegex(raw: string): number | null {
  if (/^\d+$/.test(raw)) {
    const v = Number(raw);
    return Number.isFinite(v) ? v : null;
  }
  const s = raw.trim();
  if (!/^(?:\d+(?:[.,]\d+)*|[.,]\d+)$/.test(s)) return null;
  const dots = s.split('.').length - 1, commas = s.split(',').length - 1;
  let normal: string;
  if (dots === 0 && commas === 0) normal = s;
  else if (commas === 0) {
    if (/^\d{1,3}(\.\d{3})+$/.test(s)) normal = s.replace(/\./g, '');
    else if (dots === 1) normal = s.startsWith('.') ? `0${s}` : s;
    else return null;
  } else if (dots === 0) {
    if (commas > 1) {
      if (!/^\d{1,3}(,\d{3})+$/.test(s)) return null;
      normal = s.replace(/,/g, '');
    } else normal = s.startsWith(',') ? `0${s.replace(',', '.')}` : s.replace(',', '.');
  } else if (s.lastIndexOf(',') > s.lastIndexOf('.')) {
    if (!/^\d{1,3}(\.\d{3})*,\d+$/.test(s)) return null;
    normal = s.replace(/\./g, '').replace(',', '.');
  } else {
    if (!/^\d{1,3}(,\d{3})*\.\d+$/.test(s)) return null;
    normal = s.replace(/,/g, '');
  }
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

function randomStrings(pieces: string[], count: number, seed: number): string[] {
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let s = '';
    for (let i = Math.floor(rnd() * 8); i > 0; i--) s += pieces[Math.floor(rnd() * pieces.length)];
    out.push(s);
  }
  return out;
}

describe('parseDigits', () => {
  it('reads digit groups as the regex form does', () => {
    const pieces = ['1', '12', '123', '1234', '000', '5', '.', ',', ' ', '0', '99999999999999999999', 'e', '-'];
    for (const s of randomStrings(pieces, 50000, 3)) expect(parseDigits(s), s).toBe(parseDigitsRegex(s));
  });
});

describe('character checks', () => {
  const pieces = ['a', 'A', 'đ', 'Đ', 'ệ', 'Ệ', '1', ' ', '.', 'İ', 'ß', 'Σ', 'ς', '\u0301', '𝐀', '😀', '\u212a', 'ǅ', 'µ'];
  it('digitRun is /^\\d+$/', () => {
    for (const s of randomStrings(['1', '9', '0', 'a', ' ', '٣', '.'], 5000, 5)) expect(digitRun(s) > 0, s).toBe(/^\d+$/.test(s));
  });
  it('startsUpper is /^\\p{Lu}/u', () => {
    for (const s of randomStrings(pieces, 5000, 7)) expect(startsUpper(s), s).toBe(/^\p{Lu}/u.test(s));
  });
  it('isLower strings are their own lower case', () => {
    for (const s of randomStrings(pieces, 5000, 11)) if (isLower(s)) expect(s.toLowerCase(), s).toBe(s);
  });
});
