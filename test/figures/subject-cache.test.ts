// Per-sentence marks and the scans that replace regexes in subject.ts: the same results as the forms they replace.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clauseCut, splitSentences } from '../../src/extract/sentences.js';
import { clauseCutBefore, lastBreakdownBefore, marksOf, stopFrom } from '../../src/extract/subject-cache.js';
import { afterMarker, endBeforeCho } from '../../src/extract/subject.js';

const seedText = readdirSync('seeds').sort().slice(0, 12).map((f) => readFileSync(`seeds/${f}`, 'utf8')).join('\n');
const ODD = 'Gồm (a; b) trong đó: x (y (z) w, bao gồmx gồm. Trong Đó 3 hộ, gồm\ngồm 2. Tổng (gồm: 1) ; (';
const TEXT = `${seedText}\n${ODD}\n${ODD.toUpperCase()}`;
const SENTENCES = splitSentences(TEXT);
const BREAKDOWN = /(?<![\p{L}])(?:trong đó|bao gồm|gồm)(?![\p{L}])/giu;

/** The old per-figure forms. */
function oldStop(s: { start: number; end: number }, from: number): number {
  let stop = from;
  for (; stop < s.end; stop++) {
    const c = TEXT[stop];
    if (c === ';' || c === ':' || c === '(' || c === ')') break;
    if (c === '.' && (stop + 1 === s.end || /\s/.test(TEXT[stop + 1]))) break;
  }
  return stop;
}
function oldBreakdown(s: { start: number }, end: number): number {
  const hits = [...TEXT.slice(s.start, end).matchAll(BREAKDOWN)];
  return hits.length ? s.start + hits[hits.length - 1].index! : -1;
}

describe('sentence marks', () => {
  it('cut clauses, stop the words after a figure and find breakdown words as the per-figure scans did', () => {
    expect(SENTENCES.length).toBeGreaterThan(50);
    const figures: object[] = [];
    for (const s of SENTENCES) {
      const marks = marksOf(TEXT, s, figures);
      for (let end = s.start; end <= s.end; end++) {
        expect(clauseCutBefore(marks, end)).toBe(s.start + clauseCut(TEXT.slice(s.start, end)));
        expect(stopFrom(marks, end)).toBe(oldStop(s, end));
        expect(lastBreakdownBefore(marks, end)).toBe(oldBreakdown(s, end));
      }
    }
  });
});

describe('actionOf scans', () => {
  const samples = [
    ...seedText.split(/[.;:,]/).map((x) => x.trim()).slice(0, 600),
    'đã', 'đã ', 'x đã\ny', 'a\nđã làm', 'tổ chức  lớp cho', 'đangđã cấp', 'được\u00a0vay cho ', 'cho', ' cho', 'a cho  ', 'achoo cho\n',
  ];
  it('afterMarker is the lazy marker regex', () => {
    for (const s of samples) {
      const want = s.replace(/^.*?(?:đã|đang|sẽ|được|tiếp tục|thực hiện|tổ chức)\s+/u, (m) => (/tổ chức\s+$/u.test(m) ? 'tổ chức ' : ''));
      expect(afterMarker(s)).toBe(want);
    }
  });
  it('endBeforeCho is the trailing `cho` regex', () => {
    for (const s of samples) expect(s.slice(0, endBeforeCho(s))).toBe(s.replace(/\s+cho\s*$/u, ''));
  });
});
