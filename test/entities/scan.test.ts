// The fast scanning helpers against the plain definitions they replace: every Finder against its
// regexes run one by one, the shadow against lower-casing one character at a time, wordBefore
// against its regex.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/extract/entities/index.js';
import { W, allFinders, shadowOf, wordBefore } from '../../src/extract/entities/scan.js';

const seedDir = new URL('../../seeds/', import.meta.url);
const seeds = readdirSync(seedDir).map((f) => readFileSync(new URL(f, seedDir), 'utf8'));

const TONE_MOVES: Record<string, string> = {
  'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa',
  'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
  'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy',
};
const L = W.slice(3);
const TONE_RE = new RegExp(`(${Object.keys(TONE_MOVES).join('|')})(?![${L}])`, 'g');

/** The shadow as first written: one character at a time, then the tone moves. */
function plainShadow(text: string): string {
  let out = '';
  for (const ch of text.split('')) {
    if (/[‘’ʼ`]/.test(ch)) out += "'";
    else if (/[“”„«»]/.test(ch)) out += '"';
    else if (/[–—−]/.test(ch)) out += '-';
    else if (/[\u00a0\u2007\u202f\u2009\u200a]/.test(ch)) out += ' ';
    else {
      const lower = ch.toLocaleLowerCase('vi');
      out += lower.length === ch.length ? lower : ch;
    }
  }
  return out.replace(TONE_RE, (m) => TONE_MOVES[m] ?? m);
}

/** Texts with odd characters around real sentences. */
function oddTexts(): string[] {
  const odd = ['\u212a', '\u0130', '\u03a3', '\ud83d\ude00', '\ud800', '\ufeff', '\u200b', '\u0301', 'ª', 'Ɓ', '\u00a0', '’', '“', '–', 'Hoà', 'THUỶ', '\n'];
  const lines = seeds.flatMap((s) => s.split('\n')).filter((l) => l.trim());
  let seed = 7;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  return Array.from({ length: 60 }, () => {
    let line = lines[next(lines.length)];
    for (let k = 0; k < 4; k++) {
      const at = next(line.length + 1);
      line = line.slice(0, at) + odd[next(odd.length)] + line.slice(at);
    }
    return line;
  });
}

describe('scan helpers', () => {
  it('builds the shadow as one character at a time would', () => {
    for (const text of [...seeds, ...oddTexts()]) expect(shadowOf(text)).toBe(plainShadow(text));
    let all = '';
    for (let c = 0; c < 0x10000; c += 1) all += `${String.fromCharCode(c)}a `;
    expect(shadowOf(all)).toBe(plainShadow(all));
  });

  it('finds the words before a position as its regex does', () => {
    const re = (count: number): RegExp => new RegExp(`((?:[${W}]+ +){${count - 1}}[${W}]+) *$`);
    for (const text of [...seeds.map(shadowOf), ...oddTexts().map(shadowOf)]) {
      for (let i = 0; i <= text.length; i += 7) {
        for (const count of [1, 2]) {
          const m = re(count).exec(text.slice(Math.max(0, i - 40), i));
          expect(wordBefore(text, i, count)).toBe(m ? m[1] : '');
        }
      }
    }
  });

  it('finds with every Finder what its regexes find one by one', () => {
    extractEntities(seeds[0]); // load every matcher
    expect(allFinders().length).toBeGreaterThan(5);
    for (const text of [...seeds, ...oddTexts()]) {
      const shadow = shadowOf(text);
      for (const finder of allFinders()) {
        const found: Array<[number, number, string[]]> = [];
        finder.run(text, shadow, (m, k) => found.push([k, m.index, [...m]]));
        const expected: Array<[number, number, string[]]> = [];
        finder.entries.forEach((e, k) => {
          const re = new RegExp(e.source, 'g');
          const src = e.onText ? text : shadow;
          for (let m = re.exec(src); m; m = re.exec(src)) expected.push([k, m.index, [...m]]);
        });
        expect(found).toEqual(expected);
      }
    }
  });
});
