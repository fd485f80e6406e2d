import { describe, expect, it } from 'vitest';
import { dateFromUrl, isDateLine, normalizeIsoDate, parseVietnameseDate } from '../../src/extract/html/index.js';

describe('parseVietnameseDate: visible forms', () => {
  it.each([
    ['03:38 PM 13/12/2023', '2023-12-13T15:38:00+07:00'],
    ['12:00 PM 13/03/2023', '2023-03-13T12:00:00+07:00'],
    ['12:05 AM 01/01/2024', '2024-01-01T00:05:00+07:00'],
    ['Thứ bảy, 7/3/2026, 08:00 (GMT+7)', '2026-03-07T08:00:00+07:00'],
    ['07/03/2026 08:47', '2026-03-07T08:47:00+07:00'],
    ['07/03/2026 08:01 GMT+7', '2026-03-07T08:01:00+07:00'],
    ['Chủ nhật, 24/12/2022 - 19:25', '2022-12-24T19:25:00+07:00'],
    ['07-03-2026 - 00:01 AM', '2026-03-07T00:01:00+07:00'],
    ['8h30 ngày 7/3/2026', '2026-03-07T08:30:00+07:00'],
    ['Cập nhật lúc 15:20:05, 01/02/2024', '2024-02-01T15:20:05+07:00'],
    ['2026-03-07 08:01', '2026-03-07T08:01:00+07:00'],
    ['ngày 7 tháng 3 năm 2026', '2026-03-07'],
    ['Thứ hai, 01/01/2024', '2024-01-01'],
    ['10:00 01/01/2024 (GMT+0)', '2024-01-01T17:00:00+07:00'],
  ])('%s', (text, iso) => expect(parseVietnameseDate(text)).toBe(iso));

  it('rejects impossible dates and non-dates', () => {
    expect(parseVietnameseDate('31/02/2024')).toBeUndefined();
    expect(parseVietnameseDate('giai đoạn 2021 - 2025')).toBeUndefined();
    expect(parseVietnameseDate('398/414 hộ')).toBeUndefined();
    expect(parseVietnameseDate('')).toBeUndefined();
  });

  it('keeps the date when the time is impossible', () => {
    expect(parseVietnameseDate('25:61 07/03/2026')).toBe('2026-03-07');
  });
});

describe('normalizeIsoDate: JSON-LD and meta values', () => {
  it.each([
    ['2026-03-07T00:05:00+07:00', '2026-03-07T00:05:00+07:00'],
    ['2026-03-07T00:01:00', '2026-03-07T00:01:00+07:00'], // CafeF: no zone means Vietnam time
    ['2026-03-06T17:05:00Z', '2026-03-07T00:05:00+07:00'],
    ['2026-03-06T17:05:00.000+00:00', '2026-03-07T00:05:00+07:00'],
    ['2026-03-07T08:01:53.123+0700', '2026-03-07T08:01:53+07:00'],
    ['2026-03-07', '2026-03-07'],
    ['1772816700', '2026-03-07T00:05:00+07:00'],
    ['07/03/2026 08:01', '2026-03-07T08:01:00+07:00'],
  ])('%s', (v, iso) => expect(normalizeIsoDate(v)).toBe(iso));

  it('rejects junk', () => {
    expect(normalizeIsoDate('yesterday')).toBeUndefined();
    expect(normalizeIsoDate('2026-13-40')).toBeUndefined();
    expect(normalizeIsoDate(undefined)).toBeUndefined();
    expect(normalizeIsoDate('x'.repeat(1000))).toBeUndefined();
  });
});

describe('dateFromUrl: last resort', () => {
  it('reads Dân trí / Tuổi Trẻ timestamp ids', () => {
    expect(dateFromUrl('https://dantri.com.vn/kinh-doanh/cao-toc-tuyen-quang-20221223180348340.htm')).toBe('2022-12-23T18:03:48+07:00');
    expect(dateFromUrl('https://tuoitre.vn/chien-su-20260307075519174.htm')).toBe('2026-03-07T07:55:19+07:00');
  });
  it('reads /yyyy/mm/dd/ paths', () => expect(dateFromUrl('https://example.vn/2023/12/13/tin.html')).toBe('2023-12-13'));
  it('ignores ids that are not timestamps', () => {
    expect(dateFromUrl('https://baochinhphu.vn/chinh-sach-102260228093004191.htm')).toBeUndefined();
    expect(dateFromUrl('https://cafef.vn/x-18826030622484142.chn')).toBeUndefined();
    expect(dateFromUrl('https://vnexpress.net/x-5047363.html')).toBeUndefined();
    expect(dateFromUrl(undefined)).toBeUndefined();
  });
});

describe('isDateLine', () => {
  it('accepts lines that are only a date', () => {
    expect(isDateLine('03:38 PM 13/12/2023')).toBe(true);
    expect(isDateLine('Thứ bảy, 7/3/2026, 08:00 (GMT+7)')).toBe(true);
    expect(isDateLine('Chủ nhật, 24/12/2022 - 19:25')).toBe(true);
  });
  it('rejects sentences that contain a date', () => {
    expect(isDateLine('Quy định trên có hiệu lực từ ngày 8/3/2026.')).toBe(false);
    expect(isDateLine('Chính phủ ban hành Nghị định ngày 31/12/2025')).toBe(false);
  });
});
