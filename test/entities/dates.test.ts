import { describe, expect, it } from 'vitest';
import { mentions } from './helpers.js';

type Row = [string, string, string, string, Record<string, unknown>?];

describe('dates resolved against the article date', () => {
  const ARTICLE = { publishedAt: '2023-12-13T15:38:00+07:00' };
  it.each<Row>([
    // Seeds
    ['03:38 PM 13/12/2023', '13/12/2023', '2023-12-13', 'day'],
    ['Quyết định số 662/QĐ-UBND ngày 30/01/2022 về việc', '30/01/2022', '2022-01-30', 'day'],
    ['Ban hành Kế hoạch 122/KH-UBND 05/5/2023 về việc', '05/5/2023', '2023-05-05', 'day'],
    ['tính đến tháng 11/2023, thành phố', 'tháng 11/2023', '2023-11', 'month'],
    ['toàn tỉnh đặt mục tiêu năm 2023 sẽ giảm', 'năm 2023', '2023', 'year'],
    ['Chương trình giai đoạn 2021 - 2025, được', 'giai đoạn 2021 - 2025', '2021/2025', 'range'],
    ['chuẩn nghèo đa chiều gia đoạn 2021-2025, quy trình', 'gia đoạn 2021-2025', '2021/2025', 'range'],
    ['Theo kết quả rà soát hộ nghèo, cuối năm 2022, trên địa bàn', 'cuối năm 2022', '2022', 'year', { part: 'end' }],
    ['trong tháng 12 năm 2023 tiếp tục tập huấn', 'tháng 12 năm 2023', '2023-12', 'month'],
    ['Ngày 22/10/2023, thành phố đã tổ chức', '22/10/2023', '2023-10-22', 'day'],
    ['Từ đầu năm đến nay, thành phố tổ chức 04 lớp', 'đầu năm', '2023', 'year', { part: 'start', relative: true }],
    ['vào sáng 11/1/2024', '11/1/2024', '2024-01-11', 'day'],
    // New sentences
    ['Quý I/2024, tỷ lệ giải ngân đạt 30%', 'Quý I/2024', '2024-Q1', 'quarter'],
    ['trong quý IV năm 2023', 'quý IV năm 2023', '2023-Q4', 'quarter'],
    ['trong quý 3, giải ngân chậm', 'quý 3', '2023-Q3', 'quarter', { relative: true }],
    ['6 tháng đầu năm 2024, toàn tỉnh', '6 tháng đầu năm 2024', '2024-H1', 'half'],
    ['9 tháng đầu năm, toàn tỉnh giải ngân', '9 tháng đầu năm', '2023-01/2023-09', 'range', { relative: true }],
    ['năm nay, tỉnh phấn đấu giảm 1%', 'năm nay', '2023', 'year', { relative: true }],
    ['so với năm ngoái tăng 2%', 'năm ngoái', '2022', 'year', { relative: true }],
    ['năm tới sẽ tiếp tục', 'năm tới', '2024', 'year', { relative: true }],
    ['đến cuối năm nay còn 1,2%', 'cuối năm nay', '2023', 'year', { part: 'end', relative: true }],
    ['Ngày 22/10, thành phố tổ chức', '22/10', '2023-10-22', 'day', { relative: true }],
    ['ngày 12 tháng 4 năm 2025', 'ngày 12 tháng 4 năm 2025', '2025-04-12', 'day'],
    ['từ năm 2021 đến năm 2025', 'từ năm 2021 đến năm 2025', '2021/2025', 'range'],
    ['tháng 09/2023', 'tháng 09/2023', '2023-09', 'month'],
  ])('%s', (text, written, value, grain, extra) => {
    const dates = mentions('date', text, ARTICLE);
    expect(dates).toHaveLength(1);
    expect(dates[0]).toMatchObject({ kind: 'date', text: written, canonical: value, value, grain, ...extra });
    expect(text.slice(dates[0].start, dates[0].end)).toBe(written);
  });

  it('resolves relative dates against the article, not today', () => {
    expect(mentions('date', 'năm nay', { publishedAt: '2019-06-01' })[0]).toMatchObject({ value: '2019' });
    expect(mentions('date', 'năm ngoái', { publishedAt: '2025-01-02' })[0]).toMatchObject({ value: '2024' });
  });

  it('leaves relative dates out without an article date', () => {
    expect(mentions('date', 'năm nay, tỉnh phấn đấu; quý 3; ngày 22/10')).toEqual([]);
  });

  it.each([
    'hai năm trước, xã còn nghèo', // a duration
    'trong những năm tới',
    '398/414 hộ nghèo',
    'giảm từ 6 - 7%/năm',
    'dư nợ 25.796 triệu đồng',
    'trong 9 tháng, giải ngân',
    'ngày 31/02/2023', // no such day
  ])('no date in: %s', (text) => {
    expect(mentions('date', text, ARTICLE)).toEqual([]);
  });
});
