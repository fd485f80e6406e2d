// notAFigure and measureOf, read with fewer slices, splits and regexes, give the answers of the forms
// they replaced.
import { describe, expect, it } from 'vitest';
import { notAFigure } from '../../src/extract/figures.js';
import { CueIndex, measureOf } from '../../src/extract/modality.js';
import { clauseCut, splitSentences } from '../../src/extract/sentences.js';
import { isLower, startsUpper } from '../../src/extract/tokens.js';
import type { QuantityMatch } from '../../src/types.js';
import cues from '../../src/data/cues.json' with { type: 'json' };

const BACK_REF = new Set(cues.backReference);
const NAMES = /^\s*((?:\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)*)(?:\s*(?:,|và)\s*\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)*)+)/u;

/** The back-reference and names checks of notAFigure as they were. */
function countReferenceRegex(q: QuantityMatch, text: string): string | null {
  const next = text.slice(q.end, q.end + 12).trimStart();
  const after = isLower(next) ? next : next.toLowerCase();
  const word = /^[\p{L}]+(?: [\p{L}]+)?/u.exec(after)?.[0] ?? '';
  const first = word.split(' ')[0];
  if (BACK_REF.has(first) && first !== 'trên') return 'back-reference';
  if (first === 'trên' && /^trên\s*(?:[,.;)]|$|(?:đã|được|có|là|sẽ|đang|cũng|thì|đều|vẫn|với|và)(?![\p{L}]))/u.test(after)) return 'back-reference';
  if (word === 'nói trên' || word === 'kể trên' || word === 'nêu trên') return 'back-reference';
  const names = next && !startsUpper(next) ? null : NAMES.exec(text.slice(q.end, q.end + 120));
  if (names && Number.isInteger(q.value) && names[1].split(/\s*(?:,|và)\s*/u).length === q.value) return 'names the members of a set';
  return null;
}

function randomStrings(pieces: string[], count: number, seed: number, most = 8): string[] {
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let s = '';
    for (let i = Math.floor(rnd() * most); i > 0; i--) s += pieces[Math.floor(rnd() * pieces.length)];
    out.push(s);
  }
  return out;
}

const quantity = (text: string, value: number, unit: string): QuantityMatch =>
  ({ text, start: 0, end: text.length, matchStart: 0, value, unit, comparator: '=' });

describe('notAFigure', () => {
  it('reads what follows a count as the regexes did', () => {
    const pieces = ['này', 'trên', 'nói', 'kể', 'nêu', 'đó', 'ấy', 'Này', 'TRÊN', 'nà', 'tr', 'n', 't', 'k', 'ng', 'hộ', 'nghèo',
      ' ', ' ', '  ', '\n', '\u00a0', '\u3000', ',', '.', ')', ';', 'đã', 'và', 'Hướng Hóa', 'Đakrông', 'Bắc', 'İ', 'Σ', 'ſ', 'x', 'Q'];
    let n = 0;
    for (const after of randomStrings(pieces, 8000, 13)) {
      for (const unit of ['household', 'person', 'item']) {
        const q = quantity('2 hộ', 1 + (n++ % 3), unit);
        const text = q.text + after;
        expect(notAFigure(q, text), JSON.stringify(after)).toBe(countReferenceRegex(q, text));
      }
    }
  });
});

/** The last hit in [from, to), by a plain scan. */
const lastHit = <H extends { at: number }>(list: H[], from: number, to: number) => list.filter((h) => h.at >= from && h.at < to).pop();

/** The `so với` check and clause of measureOf as they were: slices and a regex for every figure. */
function measureRegex(q: QuantityMatch, text: string, start: number, end: number, cues: CueIndex): string {
  const before = text.slice(start, q.matchStart);
  const cut = clauseCut(before);
  const after = text.slice(q.end, Math.min(end, q.end + 30));
  if (/^\s*(?:\)?\s*)?so (?:với|cùng kỳ)/iu.test(after)) return 'change';
  return lastHit(cues.change, start + cut + 1, q.matchStart) ? 'change word' : 'level';
}

describe('measureOf', () => {
  it('finds `so với` after a figure and a change word in its clause as the regexes did', () => {
    const tails = ['so với', 'So Với', 'ſo với', 'so cùng kỳ', ')', ' ', '\u00a0', '\n', 'tăng', 'x', ',', 'so', ' với'];
    const heads = ['tăng', 'giảm', ';', ':', ' ', 'hộ', 'nghèo'];
    let k = 0;
    for (const tail of randomStrings(tails, 4000, 17, 5)) {
      const head = randomStrings(heads, 1, k++, 6)[0];
      const text = `Năm nay ${head} 12%${tail} xong`;
      const q = quantity('12%', 12, 'percent');
      q.start = q.matchStart = text.indexOf('12%');
      q.end = q.start + 3;
      const sentences = splitSentences(text);
      const s = sentences.find((x) => x.start <= q.start && q.start < x.end)!;
      const cueIndex = new CueIndex(text, sentences);
      const got = measureOf(q, text, s, cueIndex);
      const want = measureRegex(q, text, s.start, s.end, cueIndex);
      const label = JSON.stringify(text);
      if (want === 'change') expect(got.rule, label).toBe('"so với" after the figure');
      else if (want === 'level') expect(got.rule, label).toBe('no change word before the figure');
      else expect(got.rule, label).not.toMatch(/^(?:"so với"|no change word)/);
    }
  });
});
