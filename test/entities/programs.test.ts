import { describe, expect, it } from 'vitest';
import { mentions, pairs } from './helpers.js';

const GIAM_NGHEO = 'Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025';
const NTM = 'Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025';
const QUY = 'Quỹ Vì người nghèo';
const THI_DUA = 'Phong trào thi đua "Vì người nghèo - Không để ai bị bỏ lại phía sau" giai đoạn 2021 - 2025';

describe('programmes: one canonical per programme', () => {
  it.each<[string, Array<[string, string]>]>([
    // Seeds
    ['là một trong những nội dung thuộc Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025, được các cấp',
      [['Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025', GIAM_NGHEO]]],
    ['công tác giảm nghèo và Chương trình mục tiêu quốc gia giảm nghèo trên địa bàn', [['Chương trình mục tiêu quốc gia giảm nghèo', GIAM_NGHEO]]],
    ['từ nguồn kinh phí hỗ trợ của Chương trình MTQG giảm nghèo bền vững', [['Chương trình MTQG giảm nghèo bền vững', GIAM_NGHEO]]],
    ['Kết quả thực hiện các dự án thành phần của Chương trình MTQG giảm nghèo, tính đến', [['Chương trình MTQG giảm nghèo', GIAM_NGHEO]]],
    ['Theo Kế hoạch thực hiện Chương trình Mục tiêu quốc gia giảm nghèo bền vững năm 2023', [['Chương trình Mục tiêu quốc gia giảm nghèo bền vững', GIAM_NGHEO]]],
    ['gắn Chương trình giảm nghèo với xây dựng nông thôn mới, Chương trình phát triển kinh tế vùng đồng bào dân tộc thiểu số và miền núi', [
      ['Chương trình giảm nghèo', GIAM_NGHEO],
      ['xây dựng nông thôn mới', NTM],
      ['Chương trình phát triển kinh tế vùng đồng bào dân tộc thiểu số và miền núi',
        'Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 - 2030'],
    ]],
    ['Ban vận động Quỹ “Vì người nghèo” các cấp hỗ trợ', [['Quỹ “Vì người nghèo”', QUY]]],
    ['tăng cường vận động ủng hộ quỹ "Vì người nghèo" để bổ sung nguồn lực', [['Vì người nghèo', QUY]]],
    ['tổ chức thực hiện phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”, biểu dương',
      [['phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”', THI_DUA]]],
    ['Phong trào thi đua “Vì người nghèo - Không để ai bị bỏ lại phía sau giai đoạn 2021-2025” cũng được quyết liệt triển khai',
      [['Phong trào thi đua “Vì người nghèo - Không để ai bị bỏ lại phía sau giai đoạn 2021-2025”', THI_DUA]]],
    // New sentences
    ['Chương trình MTQG giảm nghèo bền vững giai đoạn 2016-2020 đã kết thúc',
      [['Chương trình MTQG giảm nghèo bền vững giai đoạn 2016-2020', 'Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2016 - 2020']]],
    ['Xã đạt chuẩn nông thôn mới năm 2024', [['nông thôn mới', NTM]]],
    ['sản phẩm OCOP 3 sao', [['OCOP', 'Chương trình Mỗi xã một sản phẩm (OCOP)']]],
  ])('%s', (text, expected) => {
    expect(pairs('program', text)).toEqual(expected);
  });

  it.each([
    'các Chương trình mục tiêu quốc gia trên địa bàn', // several programmes, none named
    'cả nước chung tay vì người nghèo', // lower-case `vì người nghèo` is a phrase, not the fund
    'Chương trình hỗ trợ nhà ở cho các hộ nghèo có khó khăn về nhà ở của tỉnh',
  ])('no programme in: %s', (text) => {
    expect(pairs('program', text)).toEqual([]);
  });

  it('gives an id and the period', () => {
    const [p] = mentions('program', 'Chương trình MTQG giảm nghèo');
    expect(p).toMatchObject({ programId: 'mtqg-giam-ngheo', period: '2021/2025' });
  });

  it('drops the national place inside a campaign name', () => {
    const text = 'phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”';
    expect(mentions('place', text)).toEqual([]);
  });
});
