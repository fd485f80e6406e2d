// notAFigure's reference checks, and measureOf read with fewer slices and regexes giving the answers of
// the form it replaced.
import { describe, expect, it } from 'vitest';
import { notAFigure } from '../../src/extract/figures.js';
import { CueIndex, measureOf } from '../../src/extract/modality.js';
import { clauseCut, splitSentences } from '../../src/extract/sentences.js';
import type { QuantityMatch } from '../../src/types.js';

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
  const check = (after: string, value = 2, unit = 'item') => {
    const q = quantity('2 dự án', value, unit);
    return notAFigure(q, q.text + after);
  };
  it('takes a count followed by a back-reference word as no new figure', () => {
    expect(check(' này đã hoàn thành')).toBe('back-reference');
    expect(check(' trên đã hoàn thành')).toBe('back-reference');
    expect(check(' trên.')).toBe('back-reference');
    expect(check(' nói trên')).toBe('back-reference');
    expect(check(' trên địa bàn tỉnh')).toBeNull();
    expect(check(' được giao')).toBeNull();
  });
  it('takes a count that only names the members that follow as no new figure', () => {
    expect(check(' Hướng Hóa và Đakrông', 2, 'item')).toBe('names the members of a set');
    expect(check(' Hướng Hóa và Đakrông', 3, 'item')).toBeNull();
    expect(check(' này', 2, 'percent')).toBeNull();
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
