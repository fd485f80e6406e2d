// The cue phrase search over a text's tokens (candidatesIn) finds what the search over its
// lower-cased characters (candidates) finds, and the tokenizer's word keys are those of `lo`.
import { describe, expect, it } from 'vitest';
import { CuePhrases } from '../../src/extract/cuewords.js';
import { isLatinLetter, tokenize, wordKey } from '../../src/extract/tokens.js';

const LISTS = {
  cue: ['kế hoạch', 'kế hoạch năm', 'mục tiêu', 'đạt', 'đạt được', 'đã', 'chỉ tiêu', 'sẽ', 'ab'],
  not: ['vượt kế hoạch', 'chương trình mục tiêu', 'đạt kế hoạch', 'kế hoạch số'],
};
const phrases = new CuePhrases(LISTS);

// Pieces that stress the word/run boundaries: × and ÷ (cue letters, not word letters), letters that
// are not cue letters (µ, Greek, combining marks), İ (longer in lower case), Kelvin K (lower case k).
const PIECES = [...LISTS.cue, ...LISTS.not, 'Kế Hoạch', 'ĐÃ', 'ĐẠT', 'AB', 'năm', ' ', ' ', ' ', '\n', ',', '5', '1.000',
  '×', '÷', 'µ', 'Σ', 'σ', 'β', '\u0301', 'e\u0302', 'İ', '\u212a', 'ß', 'ẞ', 'Ɓ', '😀', '\u2028', '-', '%'];

function randomText(rnd: () => number): string {
  let s = '';
  for (let i = Math.floor(rnd() * 14); i > 0; i--) s += PIECES[Math.floor(rnd() * PIECES.length)];
  return s;
}

describe('CuePhrases.candidatesIn', () => {
  it('finds what candidates finds, on random text', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let checked = 0;
    for (let k = 0; k < 20000; k++) {
      const text = randomText(rnd);
      const lower = text.toLowerCase();
      if (lower.length !== text.length) continue; // CueIndex reads the characters then
      checked++;
      expect(phrases.candidatesIn(lower, tokenize(text)), text).toEqual(phrases.candidates(lower));
    }
    expect(checked).toBeGreaterThan(10000);
  });
});

describe('tokenize', () => {
  it('gives each token the key of its lower case, and marks words of cue letters', () => {
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 5000; k++) {
      const text = randomText(rnd);
      const lower = text.toLowerCase();
      for (const t of tokenize(text)) {
        expect(t.key, text).toBe(wordKey(t.lo));
        if (t.latin && lower.length === text.length) {
          for (let i = t.start; i < t.end; i++) expect(isLatinLetter(lower.charCodeAt(i)), text).toBe(true);
        }
      }
    }
  });
});
