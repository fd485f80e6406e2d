import { describe, expect, it } from 'vitest';
import { articlePlace, findPlaces, type FindPlacesOptions } from '../../src/extract/entities/index.js';

/** [text as written, canonical] of each place found. */
const found = (text: string, options?: FindPlacesOptions): Array<[string, string]> =>
  findPlaces(text, options).filter((p) => !p.reference).map((p) => [p.text, p.canonical]);

describe('findPlaces: sentences from the seeds', () => {
  it.each<[string, Array<[string, string]>]>([
    ['được các cấp, các ngành của tỉnh Thái Nguyên triển khai quyết liệt', [['tỉnh Thái Nguyên', 'tỉnh Thái Nguyên']]],
    ['Thành phố Thái Nguyên: Quan tâm thực hiện công tác giảm nghèo', [['Thành phố Thái Nguyên', 'thành phố Thái Nguyên']]],
    ['trên địa bàn thành phố Thái Nguyên (tỉnh Thái Nguyên) luôn được Thành ủy, HĐND, UBND thành phố quan tâm',
      [['thành phố Thái Nguyên', 'thành phố Thái Nguyên'], ['tỉnh Thái Nguyên', 'tỉnh Thái Nguyên']]],
    ['Bàn giao bò thuộc Dự án "Vỗ béo bò" cho hộ nghèo tại xã Đồng Liên từ nguồn kinh phí', [['xã Đồng Liên', 'xã Đồng Liên']]],
    ['Quảng Nam: Năm 2024, tỷ lệ giải ngân vốn đạt 58%', [['Quảng Nam', 'tỉnh Quảng Nam']]],
    ['BHXH TP.HCM không tổ chức làm việc ngoài giời vào sáng 11/1/2024', [['TP.HCM', 'thành phố Hồ Chí Minh']]],
    ['Bộ trưởng Đào Ngọc Dung tặng quà Tết Ất Tỵ đối tượng chính sách khó khăn huyện Lý Nhân', [['huyện Lý Nhân', 'huyện Lý Nhân']]],
    ['thời gian qua, huyện Bạch Thông (Bắc Kạn) triển khai đồng bộ nhiều giải pháp',
      [['huyện Bạch Thông', 'huyện Bạch Thông'], ['Bắc Kạn', 'tỉnh Bắc Kạn']]],
    ['Hỗ trợ làm nhà cho hộ nghèo khó khăn về nhà ở trong năm 2023 theo phân bổ của UBND tỉnh Bắc Kạn.', [['tỉnh Bắc Kạn', 'tỉnh Bắc Kạn']]],
    ['Chị Lý Ân là người dân tộc Dao tại xã Cư Suê, huyện Cư M’gar, tỉnh Đắk Lắk.',
      [['xã Cư Suê', 'xã Cư Suê'], ['huyện Cư M’gar', "huyện Cư M'gar"], ['tỉnh Đắk Lắk', 'tỉnh Đắk Lắk']]],
    ['Tại tỉnh KonTum, già làng, trưởng bản được xem như “cánh tay nối dài”', [['tỉnh KonTum', 'tỉnh Kon Tum']]],
    ['Vấn đề giải quyết việc làm trở thành nhiệm vụ trọng tâm của huyện Thường Xuân (Thanh Hoá).',
      [['huyện Thường Xuân', 'huyện Thường Xuân'], ['Thanh Hoá', 'tỉnh Thanh Hóa']]],
    ['Tại xã Đắk Tăng (huyện Kon Plông), chính quyền xã đã khảo sát', [['xã Đắk Tăng', 'xã Đắk Tăng'], ['huyện Kon Plông', 'huyện Kon Plông']]],
    ['Hải Dương: Phấn đấu giảm tỷ lệ hộ nghèo xuống còn 1,6%', [['Hải Dương', 'tỉnh Hải Dương']]],
    ['Xã Nam Thanh (Nam Trực): Quan tâm chăm lo cho người có công', [['Xã Nam Thanh', 'xã Nam Thanh'], ['Nam Trực', 'huyện Nam Trực']]],
    ['Hội Hỗ trợ gia đình liệt sĩ thành phố Hải Phòng: Triển khai nhiều hoạt động', [['thành phố Hải Phòng', 'thành phố Hải Phòng']]],
    ['Năm 2023, Xã Ea Yiêng đã hoàn thiện lắp đặt toàn bộ các trụ điện', [['Xã Ea Yiêng', 'xã Ea Yiêng']]],
    ['huyện Lạc Dương (Lâm Đồng) còn dành nguồn ngân sách lớn', [['huyện Lạc Dương', 'huyện Lạc Dương'], ['Lâm Đồng', 'tỉnh Lâm Đồng']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('findPlaces: new sentences', () => {
  it.each<[string, Array<[string, string]>]>([
    ['Tại Hà Nội và TP Hồ Chí Minh, giá nhà tăng.', [['Hà Nội', 'thành phố Hà Nội'], ['TP Hồ Chí Minh', 'thành phố Hồ Chí Minh']]],
    ['Các tỉnh Bà Rịa - Vũng Tàu, Bình Dương sáp nhập vào TPHCM.',
      [['tỉnh Bà Rịa - Vũng Tàu', 'tỉnh Bà Rịa - Vũng Tàu'], ['Bình Dương', 'tỉnh Bình Dương'], ['TPHCM', 'thành phố Hồ Chí Minh']]],
    ['Người dân thôn Nà Pài, xã Đồng Liên được hỗ trợ.', [['thôn Nà Pài', 'thôn Nà Pài'], ['xã Đồng Liên', 'xã Đồng Liên']]],
    ['Tỷ lệ hộ nghèo cả nước giảm còn 2,93%.', [['cả nước', 'Việt Nam']]],
    ['thị xã Hương Thuỷ và TX. Sơn Tây, Q.1 và quận Ba Đình', [
      ['thị xã Hương Thuỷ', 'thị xã Hương Thủy'], ['TX. Sơn Tây', 'thị xã Sơn Tây'], ['Q.1', 'quận 1'], ['quận Ba Đình', 'quận Ba Đình'],
    ]],
    ['Huyện Đắk Hà bảo tồn văn hoá phi vật thể', [['Huyện Đắk Hà', 'huyện Đắk Hà']]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'Phòng Lao động, Thương binh và Xã hội chủ trì.', // `Xã hội` is no commune
    'Theo văn bản Hướng dẫn số 12, các cơ sở y tế', // `văn bản` is no village
    'Chủ tịch Hồ Chí Minh đã dạy', // a person, not the city
    'Ông Nguyễn Bình Định cho biết', // a province name inside a person's name
    'các phường, xã, xóm tổ trên địa bàn; cấp huyện, cấp xã', // level words without names
  ])('finds no place in: %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('keeps unknown names with their level word, unresolved', () => {
    const [p] = findPlaces('Tại xã Cu Suê, người dân phấn khởi');
    expect(p).toMatchObject({ text: 'xã Cu Suê', canonical: 'xã Cu Suê', level: 'commune', resolved: false });
    expect(p.code).toBeUndefined();
  });

  it('reports names shared by several units as ambiguous when nothing tells them apart', () => {
    const [p] = findPlaces('Huyện Châu Thành có nhiều hộ nghèo.');
    expect(p).toMatchObject({ level: 'district', resolved: false });
    expect(p.ambiguous).toBeGreaterThan(5);
    const [q] = findPlaces('Huyện Châu Thành có nhiều hộ nghèo.', { contextPlace: 'tỉnh Long An' });
    expect(q).toMatchObject({ canonical: 'huyện Châu Thành', code: '808', parent: 'tỉnh Long An', resolved: true });
  });

  it('gives offsets into the text and the post-2025 province', () => {
    const text = 'Năm 2022, huyện Bạch Thông có 416 hộ nghèo vay vốn';
    const [p] = findPlaces(text);
    expect(text.slice(p.start, p.end)).toBe('huyện Bạch Thông');
    expect(p).toMatchObject({
      kind: 'place', level: 'district', code: '063', era: 'old', parent: 'tỉnh Bắc Kạn', currentProvince: 'tỉnh Thái Nguyên', currentProvinceCode: '19',
    });
  });

  it('names old and new units side by side after the merger', () => {
    const [neu, old] = findPlaces('Từ ngày 1/7/2025, phường Ba Đình gồm các phường Trúc Bạch, Quán Thánh.', { publishedAt: '2025-07-15' });
    expect(neu).toMatchObject({ canonical: 'phường Ba Đình', era: 'new', code: '00004', parent: 'thành phố Hà Nội' });
    expect(old).toMatchObject({ canonical: 'phường Trúc Bạch', era: 'old', parent: 'quận Ba Đình' });
  });

  it('picks the list in force at the article date', () => {
    const text = 'UBND tỉnh Gia Lai vừa ban hành kế hoạch.';
    expect(findPlaces(text, { publishedAt: '2024-05-01' })[0]).toMatchObject({ code: '64', era: 'old', currentProvince: 'tỉnh Gia Lai' });
    expect(findPlaces(text, { publishedAt: '2025-10-01' })[0]).toMatchObject({ code: '52', era: 'new' });
  });
});

describe('article place and references', () => {
  const SEED_001 = 'Thành phố Thái Nguyên: Quan tâm thực hiện công tác giảm nghèo\n' +
    'Thời gian qua, công tác giảm nghèo trên địa bàn thành phố Thái Nguyên (tỉnh Thái Nguyên) luôn được Thành ủy, HĐND, UBND thành phố quan tâm chỉ đạo thực hiện. ' +
    'Ngay sau khi UBND tỉnh triển khai thực hiện, UBND thành phố đã ban hành Quyết định. Giảm tỷ lệ hộ nghèo toàn thành phố năm 2023 còn 0,54%.';

  it('infers the article place from the most-named unit', () => {
    expect(articlePlace(SEED_001)?.name).toBe('thành phố Thái Nguyên');
    expect(articlePlace('Không có địa danh nào.')).toBeUndefined();
  });

  it('reads bare level words against it when asked', () => {
    const refs = findPlaces(SEED_001, { references: true }).filter((p) => p.reference).map((p) => [p.text, p.canonical]);
    expect(refs).toEqual([
      ['thành phố', 'thành phố Thái Nguyên'], ['tỉnh', 'tỉnh Thái Nguyên'], ['thành phố', 'thành phố Thái Nguyên'], ['thành phố', 'thành phố Thái Nguyên'],
    ]);
  });

  it.each([
    ['Ngân hàng Chính sách xã hội huyện giải ngân vốn vay', 'huyện Bạch Thông'],
    ['phối hợp với Trung tâm Trợ giúp pháp lý tỉnh tổ chức truyền thông', 'tỉnh Bắc Kạn'],
    ['Năm 2023, huyện phấn đấu tỷ lệ hộ nghèo giảm từ 4% trở lên', 'huyện Bạch Thông'],
  ])('reference in %s', (text, canonical) => {
    const refs = findPlaces(text, { references: true, contextPlace: 'huyện Bạch Thông (Bắc Kạn)' }).filter((p) => p.reference);
    expect(refs.map((p) => p.canonical)).toEqual([canonical]);
  });

  it.each([
    'UBND tỉnh Hải Dương yêu cầu UBND các huyện, thị xã, thành phố thực hiện',
    'cán bộ làm công tác giảm nghèo cấp huyện, cấp xã',
    'nhiều hộ dân ở huyện miền núi Tuyên Hóa',
    'Tỉnh ủy chỉ đạo các sở, ngành',
  ])('no reference in %s', (text) => {
    const refs = findPlaces(text, { references: true, contextPlace: 'tỉnh Hải Dương' }).filter((p) => p.reference);
    expect(refs).toEqual([]);
  });
});

describe('text normalisation', () => {
  it('finds places in decomposed (NFD) text with offsets into it', () => {
    const text = 'Năm 2022, huyện Bạch Thông (Bắc Kạn) có 416 hộ nghèo'.normalize('NFD');
    const places = findPlaces(text);
    expect(places.map((p) => p.canonical)).toEqual(['huyện Bạch Thông', 'tỉnh Bắc Kạn']);
    for (const p of places) expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(places[0].text.normalize('NFC')).toBe('huyện Bạch Thông');
  });

  it('reads non-breaking spaces as spaces', () => {
    expect(found('UBND\u00a0tỉnh\u00a0Bắc\u00a0Kạn')).toEqual([['tỉnh\u00a0Bắc\u00a0Kạn', 'tỉnh Bắc Kạn']]);
  });
});
