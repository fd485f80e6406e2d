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
