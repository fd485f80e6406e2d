// cleanText on the seed articles (seeds/*.txt) and on small texts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanText, parseBreadcrumb, PageError } from '../../src/extract/html/index.js';
import { nfc } from '../../src/normalize/text.js';
import { SEEDS, SEEDS_GOLD } from './helpers.js';

const seed = (prefix: string) => {
  const f = readdirSync(SEEDS).find((x) => x.startsWith(prefix))!;
  return { file: f, raw: readFileSync(join(SEEDS, f), 'utf8') };
};
const gold = readFileSync(SEEDS_GOLD, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { article: string; text: string });

/** The body is the input's own lines, in order, with only dropped lines missing. */
function expectVerbatim(raw: string, text: string) {
  const src = nfc(raw.replace(/\r\n?/g, '\n')).split('\n');
  let at = 0;
  for (const line of text.split('\n')) {
    while (at < src.length && src[at] !== line) at++;
    expect(at, `line not in the input: ${line.slice(0, 60)}`).toBeLessThan(src.length);
    at++;
  }
}

describe('cleanText on the seeds', () => {
  it('001: section, breadcrumb, title, date and lead; byline, TAG and Tin khác are not body', () => {
    const { raw } = seed('001');
    const r = cleanText(raw);
    expect(r.section).toBe('An sinh xã hội');
    expect(r.title).toBe('Thành phố Thái Nguyên: Quan tâm thực hiện công tác giảm nghèo');
    expect(r.publishedAt).toBe('2023-12-13T15:38:00+07:00');
    expect(r.lead).toMatch(/^\(LĐXH\)- Thời gian qua/);
    expect(r.text.startsWith(r.lead!)).toBe(true);
    expect(r.author).toBe('Hồng Phượng');
    expect(r.text.endsWith('chính sách về giảm nghèo./.')).toBe(true);
    for (const junk of ['Trang chủ', 'TAG:', 'Tin khác', 'Hồng Phượng', 'Quảng Nam: Năm 2024', 'Chiếc Jaecoo J7']) expect(r.text).not.toContain(junk);
    expect(r.language).toBe('vi');
    expectVerbatim(raw, r.text);
  });

  it('004: the same layout, with an en dash after (LĐXH)', () => {
    const { raw } = seed('004');
    const r = cleanText(raw);
    expect(r.title).toBe('Hải Dương: Phấn đấu giảm tỷ lệ hộ nghèo xuống còn 1,6%');
    expect(r.publishedAt).toBe('2023-03-13T12:00:00+07:00');
    expect(r.section).toBe('An sinh xã hội');
    expect(r.lead).toMatch(/^\(LĐXH\) – Theo Kế hoạch/);
    expect(r.author).toBe('Minh Hưng');
    expect(r.text).not.toContain('Nam Định quan tâm tu bổ');
    expect(r.text).not.toContain('TAG:');
    expectVerbatim(raw, r.text);
  });

  it('002: a title line, then the body; the teasers after the byline are dropped', () => {
    const { raw } = seed('002');
    const r = cleanText(raw);
    expect(r.title).toBe('Bạch Thông: Lồng ghép hiệu quả các chương trình, chính sách giảm nghèo bền vững');
    expect(r.author).toBe('Quỳnh Nga');
    expect(r.text.startsWith('Năm 2023, huyện Bạch Thông đẩy mạnh')).toBe(true);
    expect(r.text.endsWith('hộ cận nghèo.')).toBe(true);
    for (const junk of ['Quỳnh Nga', 'Lan toả những lá đơn', 'Thường Xuân chú trọng', 'Kon Tum: Những già làng']) expect(r.text).not.toContain(junk);
    // A caption that is a real sentence stays.
    expect(r.text).toContain('Bà Phùng Thị Hiến, Trưởng Phòng Lao động, Thương binh và Xã hội huyện Bạch Thông. ');
    expectVerbatim(raw, r.text);
  });

  it('000: body only; the file-name caption goes, the sentence caption and the team byline are handled', () => {
    const { raw } = seed('000');
    const r = cleanText(raw);
    expect(r.title).toBeUndefined();
    expect(r.publishedAt).toBeUndefined();
    expect(r.section).toBeUndefined();
    expect(r.author).toBe('Tiến Dũng và nhóm PV, BTV');
    expect(r.text).not.toContain('anh man hinh');
    expect(r.text).not.toContain('Tiến Dũng');
    expect(r.text).toContain('Giảm nghèo đa chiều, tiến tới giảm nghèo bền vững vùng dân tộc thiểu số. ');
    expect(r.text.startsWith('Thực hiện đồng bộ các giải pháp')).toBe(true);
    expectVerbatim(raw, r.text);
  });

  it('003: body only, an indented byline at the end', () => {
    const { raw } = seed('003');
    const r = cleanText(raw);
    expect(r.title).toBeUndefined();
    expect(r.author).toBe('Thanh Tòng');
    expect(r.text.startsWith('Nhằm thực hiện mục tiêu giảm nghèo')).toBe(true);
    expect(r.text.endsWith('thực hiện công tác giảm nghèo.')).toBe(true);
    expectVerbatim(raw, r.text);
  });

  it('keeps every annotated figure (title + body) of every seed', () => {
    for (const f of readdirSync(SEEDS).filter((x) => x.endsWith('.txt'))) {
      const r = cleanText(readFileSync(join(SEEDS, f), 'utf8'));
      const hay = `${r.title ?? ''}\n${r.text}`;
      const want = new Map<string, number>();
      for (const g of gold.filter((g) => g.article === f)) want.set(g.text, (want.get(g.text) ?? 0) + 1);
      for (const [t, n] of want) expect(hay.split(t).length - 1, `${f}: ${t}`).toBeGreaterThanOrEqual(n);
    }
  });

  it('keeps the body text byte-for-byte (NFC) inside paragraphs', () => {
    const { raw } = seed('002');
    const r = cleanText(raw);
    // Double spaces and trailing spaces inside the body are the published text.
    expect(r.text).toContain('dư nợ  4.040 triệu đồng');
    expect(r.text).toContain('1.913 triệu đồng...  \n');
  });
});

describe('cleanText on small texts', () => {
  it('normalises line ends and composes decomposed Vietnamese', () => {
    const r = cleanText('Tie\u0302\u0301n trie\u0302\u0309n 100% ho\u0323\u0302 nghèo.\r\nDòng hai.');
    expect(r.text).toBe('Tiến triển 100% hộ nghèo.\nDòng hai.');
  });

  it('reads tags and cuts at the footer markers', () => {
    const r = cleanText('Tin chính có 10 hộ nghèo.\nMai Anh\nTAG: giảm nghèo, an sinh\nTin khác\nTin A có 5 hộ\nTin B có 7 hộ');
    expect(r.text).toBe('Tin chính có 10 hộ nghèo.');
    expect(r.author).toBe('Mai Anh');
    expect(r.tags).toEqual(['giảm nghèo', 'an sinh']);
  });

  it('does not take a body sentence for a byline or a title', () => {
    const r = cleanText('Hà Nội có 30 quận, huyện và 2 triệu hộ gia đình.\n\nTrong đó 1.000 hộ nghèo.');
    expect(r.author).toBeUndefined();
    expect(r.title).toBeUndefined();
    expect(r.text).toBe('Hà Nội có 30 quận, huyện và 2 triệu hộ gia đình.\n\nTrong đó 1.000 hộ nghèo.');
  });

  it('reads the visible date forms in a header', () => {
    for (const [line, iso] of [
      ['Thứ bảy, 7/3/2026, 08:00 (GMT+7)', '2026-03-07T08:00:00+07:00'],
      ['Chủ nhật, 24/12/2022 - 19:25', '2022-12-24T19:25:00+07:00'],
      ['07/03/2026 08:47', '2026-03-07T08:47:00+07:00'],
    ]) {
      const r = cleanText(`Trang chủ » Kinh tế » Tài chính\nGiá vàng tăng mạnh trong tuần\n${line}\n(Dân trí) - Giá vàng tăng 2%.\nThân bài có 3 đoạn.`);
      expect(r.publishedAt).toBe(iso);
      expect(r.section).toBe('Tài chính');
      expect(r.title).toBe('Giá vàng tăng mạnh trong tuần');
      expect(r.lead).toBe('(Dân trí) - Giá vàng tăng 2%.');
      expect(r.text).toBe('(Dân trí) - Giá vàng tăng 2%.\nThân bài có 3 đoạn.');
    }
  });

  it('parseBreadcrumb', () => {
    expect(parseBreadcrumb('Trang chủ / Xã hội / An sinh xã hội')).toEqual(['Trang chủ', 'Xã hội', 'An sinh xã hội']);
    expect(parseBreadcrumb('Kinh doanh > Tài chính > Ngân hàng')).toEqual(['Kinh doanh', 'Tài chính', 'Ngân hàng']);
    expect(parseBreadcrumb('Tỷ lệ 398/414 hộ đạt 96,13%.')).toBeUndefined();
    expect(parseBreadcrumb('Giai đoạn 2021 / 2025')).toBeUndefined();
  });

  it('keeps trailing spaces of the last line (only blank lines at the ends go)', () => {
    expect(cleanText('\n\n  Đoạn một. \nĐoạn hai.  \n\n \n').text).toBe('  Đoạn một. \nĐoạn hai.  ');
  });

  it('rejects a non-string with a PageError', () => {
    expect(() => cleanText(42 as unknown as string)).toThrow(PageError);
  });

  it('property: never throws, returns NFC text made of the input lines', () => {
    const line = fc.oneof(
      fc.constantFrom('Trang chủ / Xã hội', 'TAG: a, b', 'Tin khác', 'Hồng Phượng', '03:38 PM 13/12/2023', '(LĐXH)- Mở đầu.', 'anh 1.png', '', '   ', 'Năm 2023 có 1.000 hộ nghèo.'),
      fc.string({ maxLength: 40 }),
      fc.constantFrom('abc  ', '  abc', '\t', 'x\u00a0'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const raw = lines.join('\n');
        const r = cleanText(raw);
        expect(r.text).toBe(r.text.normalize('NFC'));
        if (r.text) expectVerbatim(raw, r.text);
      }),
      { numRuns: 300 },
    );
  });
});
