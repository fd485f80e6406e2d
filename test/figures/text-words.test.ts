// Word helpers of src/normalize/text.ts and indicators.ts: the same results as the regex forms they replace.
import { describe, expect, it } from 'vitest';
import { firstWords, isSpaceCode, joinWords, lastWords, splitWords, unitTable, wordCount } from '../../src/normalize/text.js';
import { taxonomyWords } from '../../src/normalize/indicators.js';
import { placeMentions } from '../../src/extract/context.js';

const SAMPLES = [
  '', ' ', '  tỷ lệ  hộ nghèo ', 'a\u00a0b\tc\nd', 'hộ,  nghèo;\u2003còn', 'Tỉnh Thái Nguyên', ' x ', 'İstanbul Σ 𝐀 ß',
  'tỷ lệ hộ nghèo (năm 2023) còn 3,5%', '\ufeffđầu\u3000cuối',
];
const regexWords = (s: string) => s.split(/\s+/).filter(Boolean);

describe('word helpers', () => {
  it('isSpaceCode is JS \\s', () => {
    for (let c = 0; c < 0x10000; c++) expect(isSpaceCode(c)).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it.each(SAMPLES)('split, join, count, first and last words of %j', (s) => {
    const w = regexWords(s);
    expect(splitWords(s)).toEqual(w);
    expect(joinWords(s)).toBe(w.join(' '));
    expect(wordCount(s)).toBe(w.length);
    for (let n = 0; n <= w.length + 1; n++) expect(firstWords(s, n)).toBe(w.slice(0, n).join(' '));
    for (let n = 1; n <= w.length + 1; n++) expect(lastWords(s, n)).toBe(w.slice(-n).join(' '));
  });

  it('unitTable reads a Unicode class per code unit', () => {
    const letter = unitTable(/[\p{L}]/u);
    expect(letter['ệ'.charCodeAt(0)]).toBe(1);
    expect(letter[' '.charCodeAt(0)]).toBe(0);
    expect(letter.length).toBe(0x2000);
  });

  it.each(SAMPLES)('taxonomyWords of %j', (s) => {
    const t = s.toLowerCase().replace(/[^\p{L}\p{N}%]+/gu, ' ').trim();
    expect(taxonomyWords(s)).toEqual(t ? t.split(' ') : []);
  });
});

describe('placeMentions', () => {
  // The plain global-regex scan placeMentions does faster.
  const LEVEL = '([Tt]ỉnh|[Tt]hành phố|T[Pp]\\.?|[Hh]uyện|[Tt]hị xã|[Qq]uận|[Xx]ã|[Pp]hường|[Tt]hị trấn)';
  const NAME = "((?:\\p{Lu}[\\p{L}\\p{M}'’]*)(?:[ -](?:\\p{Lu}[\\p{L}\\p{M}'’]*|\\d+))*)";
  const scan = (text: string) => [...text.matchAll(new RegExp(`(?<![\\p{L}])${LEVEL}\\s*${NAME}`, 'gu'))]
    .filter((m) => !(/^xã$/i.test(m[1]) && /^hội\b/i.test(m[2])))
    .map((m) => `${m[2].replace(/\s+\d+$/, '')}|${m.index}|${m.index! + m[0].length}`);

  it.each([
    'Tỉnh Thái Nguyên và huyện Bạch Thông, TP.HCM; Xã hội hóa ở xã Nậm Có, thị xã Sơn Tây 2, tthị xã Hà',
    'Thị xã Xã Đàn, phường Phường 3, quận Quận 1, Thành phố Hồ Chí Minh, TpHCM, tp Huế, xã hội Việt',
  ])('finds what a regex scan of %j finds', (text) => {
    expect(placeMentions(text).map((p) => `${p.name}|${p.start}|${p.end}`)).toEqual(scan(text));
  });
});
