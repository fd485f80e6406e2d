import { describe, expect, it } from 'vitest';
import { findAuthor } from '../../src/extract/entities/index.js';
import { mentions } from './helpers.js';

describe('people', () => {
  it.each<[string, Array<Record<string, unknown>>]>([
    // Seeds
    ['Bà Phùng Thị Hiến, Trưởng Phòng Lao động, Thương binh và Xã hội huyện Bạch Thông cho biết: Năm 2023', [{
      text: 'Bà Phùng Thị Hiến', canonical: 'Phùng Thị Hiến', honorific: 'Bà',
      title: 'Trưởng Phòng Lao động - Thương binh và Xã hội huyện Bạch Thông',
      organization: 'Phòng Lao động - Thương binh và Xã hội huyện Bạch Thông',
    }]],
    ['Bộ trưởng Đào Ngọc Dung tặng quà Tết Ất Tỵ', [{ text: 'Bộ trưởng Đào Ngọc Dung', canonical: 'Đào Ngọc Dung', title: 'Bộ trưởng' }]],
    ['Bộ trưởng Đào Ngọc Dung: Dành những điều tốt nhất', [{ canonical: 'Đào Ngọc Dung', title: 'Bộ trưởng' }]],
    ['Chị Lý Ân - Điển hình phụ nữ dân tộc thiểu số làm kinh tế giỏi', [{ text: 'Chị Lý Ân', canonical: 'Lý Ân', honorific: 'Chị' }]],
    ['trang trại của gia đình chị Lý Ân đã tràn ngập hoa trái', [{ canonical: 'Lý Ân', honorific: 'chị' }]],
    // New sentences
    ['Chủ tịch UBND tỉnh Bắc Kạn Nguyễn Văn An cho biết', [{
      text: 'Chủ tịch UBND tỉnh Bắc Kạn Nguyễn Văn An', canonical: 'Nguyễn Văn An',
      title: 'Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn', organization: 'Ủy ban nhân dân tỉnh Bắc Kạn',
    }]],
    ['Ông Nguyễn Văn Bình, Phó Giám đốc Sở LĐ-TBXH tỉnh Thanh Hoá, nói', [{
      canonical: 'Nguyễn Văn Bình', honorific: 'Ông', title: 'Phó Giám đốc Sở Lao động - Thương binh và Xã hội tỉnh Thanh Hóa',
    }]],
    ['Thứ trưởng Bộ LĐ-TBXH Lê Văn Thanh phát biểu', [{
      canonical: 'Lê Văn Thanh', title: 'Thứ trưởng Bộ Lao động - Thương binh và Xã hội',
    }]],
    ['theo đồng chí Hà Văn Sơn, Bí thư Huyện ủy', [{ canonical: 'Hà Văn Sơn', honorific: 'đồng chí', title: 'Bí thư Huyện ủy' }]],
    ['GS.TS Nguyễn Thiện Nhân cho rằng', [{ canonical: 'Nguyễn Thiện Nhân', honorific: 'GS.TS' }]],
  ])('%s', (text, expected) => {
    expect(mentions('person', text)).toEqual(expected.map((e) => expect.objectContaining({ kind: 'person', ...e })));
  });

  it.each([
    'Tại tỉnh Bà Rịa - Vũng Tàu, bà con phấn khởi', // `Bà` in a place name; `bà con` is no name
    'anh chị em trong xóm',
    'Trưởng thôn cho biết', // a title with no name
    'tăng trưởng kinh tế',
  ])('no person in: %s', (text) => {
    expect(mentions('person', text)).toEqual([]);
  });

  it('drops a province name found inside a person name', () => {
    const all = mentions('person', 'bà Hà Giang cho biết').concat(mentions('place', 'bà Hà Giang cho biết'));
    expect(all.map((m) => m.kind)).toEqual(['person']);
  });
});

describe('byline', () => {
  const body = 'Giảm nghèo bền vững đã trở thành nhiệm vụ ưu tiên trong quá trình chỉ đạo, điều hành của các cấp ủy Đảng và chính quyền./.';
  it.each([
    [`${body}\n\nHồng Phượng\nTAG:\nTin khác\nQuảng Nam: Năm 2024, tỷ lệ giải ngân đạt 58%`, 'Hồng Phượng'],
    [`${body}\n\nTiến Dũng và nhóm PV, BTV`, 'Tiến Dũng'],
    [`${body}\n\u00a0\n\n                          Thanh Tòng`, 'Thanh Tòng'],
    [`${body}\nMinh Hưng\nTAG:`, 'Minh Hưng'],
  ])('finds the author', (text, name) => {
    const author = findAuthor(text);
    expect(author).toMatchObject({ kind: 'person', canonical: name, role: 'author' });
    expect(text.slice(author!.start, author!.end)).toBe(name);
  });

  it.each([
    `${body}\n\nNam Định quan tâm tu bổ các công trình ghi công liệt sĩ`,
    `${body}\n\nHải Dương`,
    'Hồng Phượng\nmột dòng ngắn.',
  ])('no author in %#', (text) => {
    expect(findAuthor(text)).toBeUndefined();
  });
});
