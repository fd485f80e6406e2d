import { describe, expect, it } from 'vitest';
import { mentions, pairs } from './helpers.js';

describe('organisations: sentences from the seeds', () => {
  const CITY = { contextPlace: 'thành phố Thái Nguyên' };
  it.each<[string, Array<[string, string]>, object?]>([
    ['luôn được Thành ủy, HĐND, UBND thành phố quan tâm chỉ đạo thực hiện.', [
      ['Thành ủy', 'Thành ủy Thái Nguyên'],
      ['HĐND', 'Hội đồng nhân dân thành phố Thái Nguyên'],
      ['UBND thành phố', 'Ủy ban nhân dân thành phố Thái Nguyên'],
    ], CITY],
    ['Ngay sau khi UBND tỉnh triển khai thực hiện các Chương trình', [['UBND tỉnh', 'Ủy ban nhân dân tỉnh Thái Nguyên']], CITY],
    ['thành phố đã chỉ đạo Phòng Văn hóa và Thông tin phối hợp với Phòng Lao động - Thương binh và Xã hội và các phòng, ban', [
      ['Phòng Văn hóa và Thông tin', 'Phòng Văn hóa và Thông tin'],
      ['Phòng Lao động - Thương binh và Xã hội', 'Phòng Lao động - Thương binh và Xã hội'],
    ], CITY],
    ['Theo Phòng Lao động – TBXH thành phố, kết quả thực hiện', [
      ['Phòng Lao động – TBXH thành phố', 'Phòng Lao động - Thương binh và Xã hội thành phố Thái Nguyên'],
    ], CITY],
    ['UBND thành phố đã ban hành Quyết định số 662/QĐ-UBND ngày 30/01/2022 về việc thành lập Ban Chỉ đạo các Chương trình mục tiêu quốc gia giai đoạn 2021-2025 trên địa bàn thành phố Thái Nguyên.', [
      ['UBND thành phố', 'Ủy ban nhân dân thành phố Thái Nguyên'],
      ['Ban Chỉ đạo các Chương trình mục tiêu quốc gia giai đoạn 2021-2025 trên địa bàn thành phố Thái Nguyên',
        'Ban Chỉ đạo các Chương trình mục tiêu quốc gia giai đoạn 2021-2025 thành phố Thái Nguyên'],
    ], CITY],
    ['Kết quả cho thấy, Ban chỉ đạo rà soát hộ nghèo, hộ cận nghèo đã được kiện toàn', [['Ban chỉ đạo rà soát hộ nghèo', 'Ban Chỉ đạo rà soát hộ nghèo']]],
    ['Bà Phùng Thị Hiến, Trưởng Phòng Lao động, Thương binh và Xã hội huyện Bạch Thông cho biết', [
      ['Phòng Lao động, Thương binh và Xã hội huyện Bạch Thông', 'Phòng Lao động - Thương binh và Xã hội huyện Bạch Thông'],
    ]],
    ['Ngân hàng Chính sách xã hội huyện giải ngân vốn vay giải quyết việc làm', [
      ['Ngân hàng Chính sách xã hội huyện', 'Ngân hàng Chính sách xã hội huyện Bạch Thông'],
    ], { contextPlace: 'huyện Bạch Thông' }],
    ['phối hợp với Trung tâm Trợ giúp pháp lý tỉnh tổ chức truyền thông', [
      ['Trung tâm Trợ giúp pháp lý tỉnh', 'Trung tâm Trợ giúp pháp lý nhà nước tỉnh Bắc Kạn'],
    ], { contextPlace: 'huyện Bạch Thông' }],
    ['Ban vận động Quỹ “Vì người nghèo” các cấp hỗ trợ triển khai', [['Ban vận động Quỹ “Vì người nghèo”', 'Ban Vận động Quỹ “Vì người nghèo”']]],
    ['UBND tỉnh Hải Dương yêu cầu các Sở, ban, ngành, UBND các huyện, thị xã, thành phố thực hiện', [
      ['UBND tỉnh Hải Dương', 'Ủy ban nhân dân tỉnh Hải Dương'], ['UBND', 'Ủy ban nhân dân'],
    ]],
    ['Hội Phụ nữ, Hội Cựu chiến binh, Đoàn Thanh niên tiếp tục đứng ra tín chấp', [
      ['Hội Phụ nữ', 'Hội Liên hiệp Phụ nữ'], ['Hội Cựu chiến binh', 'Hội Cựu chiến binh'], ['Đoàn Thanh niên', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh'],
    ]],
    ['Những năm qua, Hội Nông dân tỉnh Quảng Trị phát động phong trào', [['Hội Nông dân tỉnh Quảng Trị', 'Hội Nông dân tỉnh Quảng Trị']]],
    ['BHXH TP.HCM không tổ chức làm việc ngoài giời', [['BHXH TP.HCM', 'Bảo hiểm xã hội thành phố Hồ Chí Minh']]],
    ['Thành đoàn Hải Phòng với các hoạt động Đền ơn đáp nghĩa', [['Thành đoàn Hải Phòng', 'Thành đoàn Hải Phòng']]],
    ['theo các hiệp định ký giữa Chính phủ Việt Nam và Chính phủ nước tiếp nhận', [['Chính phủ Việt Nam', 'Chính phủ Việt Nam'], ['Chính phủ', 'Chính phủ']]],
    ['tổ chức Ngày hội việc làm năm 2023 tại trường THPT Ngô Quyền', [['trường THPT Ngô Quyền', 'Trường THPT Ngô Quyền']]],
  ])('%s', (text, expected, options) => {
    expect(pairs('organization', text, options)).toEqual(expected);
  });
});

describe('organisations: new sentences', () => {
  it.each<[string, Array<[string, string]>, object?]>([
    ['Sở LĐ-TBXH tỉnh Thanh Hoá và Bộ LĐ-TBXH vừa họp.', [
      ['Sở LĐ-TBXH tỉnh Thanh Hoá', 'Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa'],
      ['Bộ LĐ-TBXH', 'Bộ Lao động - Thương binh và Xã hội'],
    ]],
    ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hà Giang và Uỷ ban nhân dân huyện Mèo Vạc', [
      ['Ủy ban Mặt trận Tổ quốc Việt Nam', 'Mặt trận Tổ quốc Việt Nam'],
      ['Uỷ ban nhân dân huyện Mèo Vạc', 'Ủy ban nhân dân huyện Mèo Vạc'],
    ]],
    ['NHCSXH tỉnh Bắc Kạn đã giải ngân; Hội LHPN huyện', [
      ['NHCSXH tỉnh Bắc Kạn', 'Ngân hàng Chính sách xã hội tỉnh Bắc Kạn'], ['Hội LHPN huyện', 'Hội Liên hiệp Phụ nữ huyện Bạch Thông'],
    ], { contextPlace: 'huyện Bạch Thông' }],
    ['Tỉnh ủy, HĐND, UBND tỉnh quan tâm', [
      ['Tỉnh ủy', 'Tỉnh ủy Bắc Kạn'], ['HĐND', 'Hội đồng nhân dân tỉnh Bắc Kạn'], ['UBND tỉnh', 'Ủy ban nhân dân tỉnh Bắc Kạn'],
    ], { contextPlace: 'huyện Bạch Thông' }],
    ['UBND huyện đã chỉ đạo', [['UBND huyện', 'Ủy ban nhân dân huyện']]],
    ['Phòng NN&PTNT và Sở GD&ĐT, Sở Y tế Hà Nội', [
      // A place at the end of a list of like departments is theirs too; not across levels.
      ['Phòng NN&PTNT', 'Phòng Nông nghiệp và Phát triển nông thôn'], ['Sở GD&ĐT', 'Sở Giáo dục và Đào tạo thành phố Hà Nội'], ['Sở Y tế Hà Nội', 'Sở Y tế thành phố Hà Nội'],
    ]],
  ])('%s', (text, expected, options) => {
    expect(pairs('organization', text, options)).toEqual(expected);
  });

  it.each([
    'đầu tư cơ sở hạ tầng thiết yếu, trường học, cơ sở y tế, công trình thủy lợi',
    'được cấp thẻ BHYT và sổ BHXH',
    'toàn bộ Chương trình', // `bộ` + a capital is no ministry
    'Chương trình MTQG giảm nghèo bền vững', // a programme, not an organisation
  ])('no organisation in: %s', (text) => {
    expect(pairs('organization', text)).toEqual([]);
  });

  it('expands acronyms and keeps the place as fields', () => {
    const [o] = mentions('organization', 'UBND tỉnh Bắc Kạn phân bổ vốn');
    expect(o).toMatchObject({
      kind: 'organization', text: 'UBND tỉnh Bắc Kạn', start: 0, end: 17, canonical: 'Ủy ban nhân dân tỉnh Bắc Kạn',
      name: 'Ủy ban nhân dân', acronym: 'UBND', place: 'tỉnh Bắc Kạn', placeLevel: 'province', placeCode: '06', currentProvince: 'tỉnh Thái Nguyên',
    });
    expect(o).not.toHaveProperty('nameEnd');
  });
});
