import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/extract/entities/index.js';
import type { EntityMention } from '../../src/types.js';

const seed = (name: string): string => readFileSync(new URL(`../../seeds/${name}`, import.meta.url), 'utf8');

type Expected = [EntityMention['kind'], string, string];

// Mentions each seed must yield ([kind, text as written, canonical]), checked by hand against the text.
const SEEDS: Array<{ file: string; publishedAt?: string; context: string | undefined; has: Expected[]; hasNot: Expected[] }> = [
  {
    file: '000_63555a0f52033a30.txt',
    context: 'tỉnh Thái Nguyên',
    has: [
      ['program', 'Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025', 'Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025'],
      ['place', 'tỉnh Thái Nguyên', 'tỉnh Thái Nguyên'],
      ['date', 'năm 2023', '2023'],
      ['person', 'Tiến Dũng', 'Tiến Dũng'],
    ],
    hasNot: [['organization', 'BTV', 'Ban Thường vụ']],
  },
  {
    file: '001_5c3843daf007bff4.txt',
    publishedAt: '2023-12-13',
    context: 'thành phố Thái Nguyên',
    has: [
      ['place', 'Thành phố Thái Nguyên', 'thành phố Thái Nguyên'],
      ['date', '13/12/2023', '2023-12-13'],
      ['organization', 'Thành ủy', 'Thành ủy Thái Nguyên'],
      ['organization', 'HĐND', 'Hội đồng nhân dân thành phố Thái Nguyên'],
      ['organization', 'UBND thành phố', 'Ủy ban nhân dân thành phố Thái Nguyên'],
      ['date', 'cuối năm 2022', '2022'],
      ['place', 'xã Đồng Liên', 'xã Đồng Liên'],
      ['program', 'Chương trình MTQG giảm nghèo bền vững', 'Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025'],
      ['organization', 'UBND tỉnh', 'Ủy ban nhân dân tỉnh Thái Nguyên'],
      ['document', 'Quyết định số 662/QĐ-UBND ngày 30/01/2022', 'Quyết định số 662/QĐ-UBND ngày 30/01/2022'],
      ['date', 'giai đoạn 2021-2025', '2021/2025'],
      ['document', 'Kế hoạch 122/KH-UBND 05/5/2023', 'Kế hoạch số 122/KH-UBND ngày 05/05/2023'],
      ['program', 'Chương trình MTQG giảm nghèo', 'Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025'],
      ['date', 'tháng 11/2023', '2023-11'],
      ['date', '22/10/2023', '2023-10-22'],
      ['organization', 'trường THPT Ngô Quyền', 'Trường THPT Ngô Quyền'],
      ['date', 'đầu năm', '2023'],
      ['date', 'tháng 12 năm 2023', '2023-12'],
      ['organization', 'Phòng Văn hóa và Thông tin', 'Phòng Văn hóa và Thông tin'],
      ['organization', 'Phòng Lao động – TBXH thành phố', 'Phòng Lao động - Thương binh và Xã hội thành phố Thái Nguyên'],
      ['person', 'Hồng Phượng', 'Hồng Phượng'],
      ['place', 'TP.HCM', 'thành phố Hồ Chí Minh'],
      ['organization', 'BHXH TP.HCM', 'Bảo hiểm xã hội thành phố Hồ Chí Minh'],
      ['person', 'Bộ trưởng Đào Ngọc Dung', 'Đào Ngọc Dung'],
      ['place', 'huyện Lý Nhân', 'huyện Lý Nhân'],
    ],
    hasNot: [['organization', 'UBND', 'Ủy ban nhân dân'], ['date', 'sang năm', '2024']],
  },
  {
    file: '002_6e80bded62f7b578.txt',
    context: 'huyện Bạch Thông',
    has: [
      ['place', 'huyện Bạch Thông', 'huyện Bạch Thông'],
      ['place', 'Bắc Kạn', 'tỉnh Bắc Kạn'],
      ['organization', 'Ngân hàng Chính sách xã hội huyện', 'Ngân hàng Chính sách xã hội huyện Bạch Thông'],
      ['organization', 'Trung tâm Trợ giúp pháp lý tỉnh', 'Trung tâm Trợ giúp pháp lý nhà nước tỉnh Bắc Kạn'],
      ['program', 'Quỹ “Vì người nghèo”', 'Quỹ Vì người nghèo'],
      ['organization', 'UBND tỉnh Bắc Kạn', 'Ủy ban nhân dân tỉnh Bắc Kạn'],
      ['person', 'Bà Phùng Thị Hiến', 'Phùng Thị Hiến'],
      ['organization', 'Phòng Lao động, Thương binh và Xã hội huyện Bạch Thông', 'Phòng Lao động - Thương binh và Xã hội huyện Bạch Thông'],
      ['program', 'xây dựng nông thôn mới', 'Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021 - 2025'],
      ['person', 'Quỳnh Nga', 'Quỳnh Nga'],
      ['organization', 'Hội Nông dân tỉnh Quảng Trị', 'Hội Nông dân tỉnh Quảng Trị'],
      ['place', 'huyện Cư M’gar', "huyện Cư M'gar"],
      ['place', 'tỉnh KonTum', 'tỉnh Kon Tum'],
      ['place', 'Thanh Hoá', 'tỉnh Thanh Hóa'],
      ['person', 'Chị Lý Ân', 'Lý Ân'],
    ],
    hasNot: [],
  },
  {
    file: '003_dd4fc3613f477244.txt',
    context: undefined,
    has: [
      ['date', 'cuối năm 2024', '2024'],
      ['program', 'Chương trình mục tiêu quốc gia giảm nghèo bền vững', 'Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025'],
      ['program', 'phong trào thi đua “Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”',
        'Phong trào thi đua "Vì người nghèo - Không để ai bị bỏ lại phía sau" giai đoạn 2021 - 2025'],
      ['person', 'Thanh Tòng', 'Thanh Tòng'],
    ],
    hasNot: [['place', 'Cả nước', 'Việt Nam']],
  },
  {
    file: '004_9d247ad7bafcaeec.txt',
    publishedAt: '2023-03-13',
    context: 'tỉnh Hải Dương',
    has: [
      ['place', 'Hải Dương', 'tỉnh Hải Dương'],
      ['date', '13/03/2023', '2023-03-13'],
      ['program', 'Chương trình Mục tiêu quốc gia giảm nghèo bền vững', 'Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025'],
      ['organization', 'UBND tỉnh Hải Dương', 'Ủy ban nhân dân tỉnh Hải Dương'],
      ['date', 'gia đoạn 2021-2025', '2021/2025'],
      ['organization', 'Chính phủ Việt Nam', 'Chính phủ Việt Nam'],
      ['organization', 'Hội Phụ nữ', 'Hội Liên hiệp Phụ nữ'],
      ['organization', 'Hội Cựu chiến binh', 'Hội Cựu chiến binh'],
      ['organization', 'Đoàn Thanh niên', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh'],
      ['person', 'Minh Hưng', 'Minh Hưng'],
      ['organization', 'Thành đoàn Hải Phòng', 'Thành đoàn Hải Phòng'],
      ['place', 'Xã Nam Thanh', 'xã Nam Thanh'],
      ['place', 'Nam Trực', 'huyện Nam Trực'],
    ],
    hasNot: [],
  },
];

const triple = (m: EntityMention): Expected => [m.kind, m.text, m.canonical];

describe.each(SEEDS)('seed $file', ({ file, publishedAt, context, has, hasNot }) => {
  const text = seed(file);
  const found = extractEntities(text, { publishedAt });

  it('finds the expected mentions', () => {
    expect(found.map(triple)).toEqual(expect.arrayContaining(has));
    for (const bad of hasNot) expect(found.map(triple)).not.toContainEqual(bad);
  });

  it('gives offsets that point at the mention text, in order', () => {
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
    for (let k = 1; k < found.length; k++) expect(found[k].start).toBeGreaterThanOrEqual(found[k - 1].start);
  });

  it('does not overlap mentions of one kind', () => {
    const byKind = new Map<string, EntityMention[]>();
    for (const m of found) byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), m]);
    for (const list of byKind.values()) {
      for (let k = 1; k < list.length; k++) expect(list[k].start, list[k].text).toBeGreaterThanOrEqual(list[k - 1].end);
    }
  });

  it('reads the same article place the gold annotation uses', () => {
    const places = found.filter((m) => m.kind === 'place');
    const counts = new Map<string, number>();
    for (const p of places) counts.set(p.canonical, (counts.get(p.canonical) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(top).toBe(context);
  });
});

it('runs fast', () => {
  const texts = SEEDS.map((s) => seed(s.file));
  extractEntities(texts[0]);
  const t0 = performance.now();
  for (const t of texts) extractEntities(t);
  // About 30 ms an article on an idle machine; the bound only catches pathological slowdowns.
  expect(performance.now() - t0).toBeLessThan(5000);
});

it('gives the same mentions for NFD text, with offsets into it', () => {
  const text = seed('002_6e80bded62f7b578.txt');
  const nfd = text.normalize('NFD');
  const a = extractEntities(text);
  const b = extractEntities(nfd);
  expect(b.map((m) => [m.kind, m.canonical])).toEqual(a.map((m) => [m.kind, m.canonical]));
  for (const m of b) expect(nfd.slice(m.start, m.end)).toBe(m.text);
});
