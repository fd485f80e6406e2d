// The one-pass cue phrase search finds what the whole-word regexes it replaced would find.
import { describe, expect, it } from 'vitest';
import { CuePhrases, resolve, type Hit } from '../../src/extract/cuewords.js';

const L = 'a-zA-Z\\u00C0-\\u024F\\u1E00-\\u1EFF';
const wordsRe = (list: string[]) =>
  new RegExp(`(?<![${L}])(?:${[...list].sort((a, b) => b.length - a.length).join('|')})(?![${L}])`, 'g');

function regexHits(list: string[], s: string): Hit[] {
  const re = wordsRe(list);
  return [...s.matchAll(re)].map((m) => ({ at: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] }));
}

const mask = (s: string, re: RegExp) => s.replace(re, (m) => '_'.repeat(m.length));

const LISTS = {
  cue: ['kế hoạch', 'kế hoạch năm', 'mục tiêu', 'đạt', 'đạt được', 'đã', 'chỉ tiêu', 'sẽ'],
  not: ['vượt kế hoạch', 'chương trình mục tiêu', 'đạt kế hoạch', 'kế hoạch số'],
};
const phrases = new CuePhrases(LISTS);

describe('CuePhrases', () => {
  it.each([
    'đã đạt được 90% kế hoạch năm',
    'vượt kế hoạch năm 2023; kế hoạch số 12 và chương trình mục tiêu quốc gia',
    'đạt kế hoạchđã sẽx xsẽ đạt_được kế  hoạch',
    'Kế hoạch và mục tiêu đã đề ra',
  ])('matches the regexes on %s', (text) => {
    const s = text.toLowerCase();
    const c = phrases.candidates(s);
    expect(resolve(c.cue)).toEqual(regexHits(LISTS.cue, s));
    expect(resolve(c.not)).toEqual(regexHits(LISTS.not, s));
    // Masked: as if the `not` phrases were blanked out first.
    expect(resolve(c.cue, resolve(c.not))).toEqual(regexHits(LISTS.cue, mask(s, wordsRe(LISTS.not))));
  });

  it('matches the regexes on random text', () => {
    let seed = 1;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const words = [...LISTS.cue, ...LISTS.not, 'năm', 'x', 'ạ'];
    const seps = [' ', ' ', '', '_', '%', '\n', 'a'];
    for (let k = 0; k < 2000; k++) {
      let s = '';
      for (let i = Math.floor(rnd() * 10); i > 0; i--) s += words[Math.floor(rnd() * words.length)] + seps[Math.floor(rnd() * seps.length)];
      const c = phrases.candidates(s);
      expect(resolve(c.cue, resolve(c.not))).toEqual(regexHits(LISTS.cue, mask(s, wordsRe(LISTS.not))));
    }
  });

  it('rejects a phrase that does not start and end with a letter', () => {
    expect(() => new CuePhrases({ a: ['đạt '] })).toThrow();
  });
});
