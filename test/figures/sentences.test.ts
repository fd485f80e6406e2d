// Sentences and paragraphs keep their offsets and survive Vietnamese abbreviations and numbers.
import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences } from '../../src/index.js';

describe('splitSentences', () => {
  it.each([
    ['BHXH TP.HCM đã chi 1.837,272 triệu đồng. Năm 2024 sẽ tăng thêm.', 2],
    ['Ông Nguyễn V. A. cho biết quận Q.1 có 12 hộ. Đó là kết quả tốt.', 2],
    ['Các chính sách về y tế, giáo dục, nhà ở, v.v. được lồng ghép hiệu quả. Kết quả rất khả quan.', 2],
    ['Hỗ trợ vay vốn, đào tạo nghề… được triển khai đồng bộ, có hiệu quả.', 1],
    ['Tỷ lệ đạt 96,13%. 100% hộ cận nghèo dùng nước sạch.', 2],
    ['Thực hiện nghiêm các chính sách./. Hồng Phượng', 2],
    ['PGS.TS Nguyễn Văn B phát biểu. Hội nghị kết thúc.', 2],
    ['"Chúng tôi sẽ cố gắng." Ông nói thêm.', 2],
  ])('%s -> %i sentences', (text, n) => {
    const s = splitSentences(text);
    expect(s).toHaveLength(n);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('tags each sentence with its paragraph, with offsets into the whole text', () => {
    const text = 'Đoạn một. Câu hai.\n\n  Đoạn hai có 3 hộ.\nĐoạn ba.';
    const s = splitSentences(text);
    expect(s.map((x) => [x.text, x.paragraph])).toEqual([['Đoạn một.', 0], ['Câu hai.', 0], ['Đoạn hai có 3 hộ.', 1], ['Đoạn ba.', 2]]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(splitParagraphs(text).map((p) => p.text)).toEqual(['Đoạn một. Câu hai.', 'Đoạn hai có 3 hộ.', 'Đoạn ba.']);
  });
});

describe('splitSentences reads the ends the regex form finds', () => {
  // The regex form it replaces: paragraphs by /[^\n]+/g, ends by the regex below, in each paragraph.
  const ABBREVIATED = /(?:^|[^\p{L}.])(?:tp|tx|q|ts|ông|v\.v|[A-ZĐ])$/iu;
  const reference = (text: string) => {
    const out: Array<[string, number]> = [];
    let pi = 0;
    for (const m of text.matchAll(/[^\n]+/g)) {
      const body = m[0].trim();
      if (!body) continue;
      const offset = m.index! + m[0].indexOf(body);
      let s = 0;
      for (const e of body.matchAll(/(\.\/\.|[.!?…]+)(["”’)\]]*)(?=\s+|$)/g)) {
        const end = e.index! + e[0].length;
        if (e[1] === '.' && ABBREVIATED.test(body.slice(0, e.index))) continue;
        const next = body.slice(end).trimStart();
        if (next && !/^[\p{Lu}\d"“‘'(\-–•*]/u.test(next)) continue;
        if (body.slice(s, end).trim()) out.push([body.slice(s, end).trim(), offset + s + body.slice(s, end).search(/\S/)]);
        s = end;
      }
      if (body.slice(s).trim()) out.push([body.slice(s).trim(), offset + s + body.slice(s).search(/\S/)]);
      pi++;
    }
    return out;
  };

  it.each([
    'Hết./. Tiếp theo. Câu ba../. Bốn',
    'Một!!! Hai?! "Ba." (Bốn) năm… Sáu.” Bảy.) 8 hộ. - Chín',
    '  Đầu dòng.  \r\n\u2028Hai. \n\n\t Ba..... bốn. Năm.\u00a0Sáu',
    'Tại TP. Hà Nội và ông V. A. Nam. Kết',
    'Câu 𝐀. 𝐁 tiếp. Đ. Hết',
  ])('%j', (text) => {
    expect(splitSentences(text).map((s) => [s.text, s.start])).toEqual(reference(text));
  });
});
