import { describe, expect, it } from 'vitest';
import { cleanAuthor, parseByline } from '../../src/extract/html/index.js';

describe('parseByline', () => {
  it.each([
    ['Hồng Phượng', 'Hồng Phượng'],
    ['Quỳnh Nga', 'Quỳnh Nga'],
    ['Tiến Dũng và nhóm PV, BTV', 'Tiến Dũng và nhóm PV, BTV'],
    ['Hà Thu (tổng hợp)', 'Hà Thu'],
    ['Theo Thanh Xuân', 'Thanh Xuân'],
    ['Theo Thanh Xuân / VnEconomy', 'Thanh Xuân'],
    ['NHẬT XUÂN, NGHI VŨ', 'NHẬT XUÂN, NGHI VŨ'],
    ['                 Thanh Tòng', 'Thanh Tòng'],
    ['N.Hải', 'N.Hải'],
    ['Vũ Hà - Minh Khôi', 'Vũ Hà - Minh Khôi'],
  ])('%s -> %s', (line, author) => expect(parseByline(line)?.author).toBe(author));

  it('keeps the source outlet apart', () => expect(parseByline('Theo Thanh Xuân / VnEconomy')?.source).toBe('VnEconomy'));

  it.each([
    'Hà Nội có 30 quận.',
    'Theo Reuters',
    'Bà Phùng Thị Hiến, Trưởng Phòng Lao động, Thương binh và Xã hội huyện Bạch Thông.',
    'Chi phí tăng nhưng vẫn lo chất lượng',
    'Lan toả những lá đơn xin thoát nghèo của người Mã Liềng',
    'Kon Tum: Những già làng “giữ lửa” đại đoàn kết dân tộc',
    'Năm 2023',
    'Minh',
    '',
  ])('not a byline: %s', (line) => expect(parseByline(line)).toBeUndefined());
});

describe('cleanAuthor: metadata values', () => {
  it('keeps personal names', () => {
    expect(cleanAuthor('Dương Ngọc')).toBe('Dương Ngọc');
    expect(cleanAuthor('Theo Thanh Xuân')).toBe('Thanh Xuân');
  });
  it('drops organisations, URLs and the site itself', () => {
    expect(cleanAuthor('VnExpress', { host: 'vnexpress.net' })).toBeUndefined();
    expect(cleanAuthor('TUOI TRE ONLINE', { siteName: 'TUOI TRE ONLINE' })).toBeUndefined();
    expect(cleanAuthor('baotuoitre', { host: 'tuoitre.vn' })).toBeUndefined();
    expect(cleanAuthor('Dân Trí', { siteName: 'Báo điện tử Dân Trí' })).toBeUndefined();
    expect(cleanAuthor('baochinhphu.vn')).toBeUndefined();
    expect(cleanAuthor('VCCorp.vn')).toBeUndefined();
    expect(cleanAuthor('https://www.facebook.com/baodantridientu')).toBeUndefined();
    expect(cleanAuthor('Ban biên tập')).toBeUndefined();
    expect(cleanAuthor('')).toBeUndefined();
  });
});
