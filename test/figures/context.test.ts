// articleContext's locationAt reads each sentence's places once for all its figures: the same as
// reading the sentence up to each figure.
import { describe, expect, it } from 'vitest';
import { articleContext, placeMentions } from '../../src/extract/context.js';
import { splitSentences } from '../../src/extract/sentences.js';

describe('locationAt', () => {
  it.each([
    'Huyện Bạch Thông có 300 hộ, xã Nậm Có 20 hộ. Tỉnh Thái Nguyên 5%.',
    'Xã Hội 12 hộ và xã Hội An 3 hộ; Thị xã Sơn Tây 2 có 4 hộ, TP.HCM 9 hộ.',
    'Năm 2023, thành phố này có 10 hộ, phường Phường 3 và quận Quận 1-2 có 7 hộ.',
    'Không có nơi nào 8 hộ.\nxã\nBạch Thông 5 hộ',
  ])('%j', (text) => {
    for (const meta of [{}, { location: 'tỉnh X' }]) {
      const ctx = articleContext(text, splitSentences(text), meta);
      const location = articleContext(text, [], meta).location;
      for (const s of splitSentences(text)) {
        for (let at = s.start; at <= s.end; at++) {
          // The plain reading: the first place in the sentence before the figure.
          const lead = placeMentions(text.slice(s.start, at), true)[0];
          const expected = lead && (lead.level !== 'xã' || !location)
            ? { value: `${lead.level} ${lead.name}`, rule: 'place named before the figure in its sentence' } : location;
          expect([at, ctx.locationAt(at, s)]).toEqual([at, expected]);
        }
      }
    }
  });
});
