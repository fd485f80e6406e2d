// soleSyllableEnd is a shortcut for properRun's commonest answer (one capitalised word): it must
// agree with properRun wherever it answers.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { properRun, soleSyllableEnd } from '../../src/extract/entities/scan.js';

const seedDir = new URL('../../seeds/', import.meta.url);
const seeds = readdirSync(seedDir).map((f) => readFileSync(new URL(f, seedDir), 'utf8'));

const odd = [
  'Hà Nội', 'Hà-Nội', 'Hà - Nội', 'Hà – Nội', 'Quận 1', 'Xuân Thọ 2', 'Theo báo cáo', 'Theo,', 'Theo  Hà', 'Huế\u00a0Mới',
  'Huế\u00a0-\u00a0Mới', 'Cư M’gar', "Cư M'gar", 'Tại (Bắc Kạn)', 'Ông Σigma', 'Ông 3.5', 'Ông2', 'Kon Tum.', 'End', 'A b', 'A\nB',
];

describe('soleSyllableEnd', () => {
  it('answers only when properRun finds that one syllable', () => {
    let answered = 0;
    for (const text of [...seeds, ...odd]) {
      for (let i = 0; i < text.length; i++) {
        const end = soleSyllableEnd(text, i);
        if (end < 0) continue;
        answered++;
        for (const max of [5, 6, 7]) {
          expect(properRun(text, i, max).map((s) => [s.start, s.end, s.digits])).toEqual([[i, end, false]]);
        }
      }
    }
    expect(answered).toBeGreaterThan(100);
  });

  it('leaves longer runs to properRun', () => {
    for (const text of ['Hà Nội', 'Hà-Nội', 'Hà - Nội', 'Quận 1', 'Huế\u00a0-\u00a0Mới']) expect(soleSyllableEnd(text, 0)).toBe(-1);
    expect(soleSyllableEnd('Theo báo cáo', 0)).toBe(4);
    expect(soleSyllableEnd('theo', 0)).toBe(-1);
  });
});
