// The normalize stage: indicator keys, implausible values, relations between figures.
import { describe, expect, it } from 'vitest';
import { extractFigures, figuresOf, indicatorOf, suspectReason } from '../../src/index.js';

describe('indicator taxonomy', () => {
  it.each([
    [{ subject: 'tỷ lệ hộ nghèo', unit: 'percent' }, 'poverty_rate'],
    [{ subject: 'tỷ lệ hộ cận nghèo', unit: 'percent' }, 'near_poverty_rate'],
    [{ subject: 'hộ nghèo', noun: 'hộ nghèo', unit: 'household' }, 'poor_households'],
    [{ subject: 'hộ cận nghèo', noun: 'hộ cận nghèo', unit: 'household' }, 'near_poor_households'],
    [{ subject: 'người nghèo được cấp thẻ BHYT', unit: 'person' }, 'health_insurance'],
    [{ subject: 'dư nợ hộ nghèo vay vốn', unit: 'VND' }, 'credit_outstanding'],
    [{ subject: 'kinh phí hỗ trợ nhà ở', unit: 'VND' }, 'housing_support'],
    [{ subject: 'lớp đào tạo nghề cho lao động nông thôn', unit: 'item' }, 'vocational_training'],
    [{ subject: 'tổng kinh phí thực hiện chương trình', unit: 'VND' }, 'budget_funding'],
    [{ subject: 'số ghế ngồi được lắp đặt', unit: 'item' }, 'other'],
    [{ subject: 'hộ dân được kéo điện lưới', unit: 'household' }, 'other'],
  ])('%j -> %s', (f, key) => {
    expect(indicatorOf(f)).toBe(key);
  });
});

describe('implausible values are flagged, never changed', () => {
  it('a million millions of đồng is a thousands typo', () => {
    const [f] = extractFigures('Năm 2022, huyện Na Rì chi tiền ăn trưa cho trẻ em mẫu giáo, số kinh phí là 1.218.000 triệu đồng.');
    expect(f.value).toBe(1218000000000);
    expect(f.suspect).toBe(true);
    expect(f.suspectReason).toMatch(/typo/);
  });
  it('a poverty rate over 100% is suspect, a plan over-achieved is not', () => {
    expect(suspectReason({ text: '120%', value: 120, unit: 'percent', subject: 'tỷ lệ hộ nghèo' })).toMatch(/over 100%/);
    expect(suspectReason({ text: '103,8%', value: 103.8, unit: 'percent', subject: 'tỷ lệ đạt kế hoạch giao' })).toBeUndefined();
  });
  it('money too large for one commune, counts above the country', () => {
    expect(suspectReason({ text: '500 tỷ đồng', value: 5e11, unit: 'VND', location: 'xã Đồng Liên' })).toMatch(/xã/);
    expect(suspectReason({ text: '500 tỷ đồng', value: 5e11, unit: 'VND', location: 'tỉnh Thái Nguyên' })).toBeUndefined();
    expect(suspectReason({ text: '200.000.000 người', value: 2e8, unit: 'person' })).toMatch(/country/);
  });
  it('ordinary values are not flagged', () => {
    expect(extractFigures('Huyện có 539 hộ nghèo, tỷ lệ 0,61%, kinh phí 350 triệu đồng.').some((f) => f.suspect)).toBe(false);
  });
});

describe('relations', () => {
  it('a breakdown that adds up is ok, and children point to their parent', () => {
    const text = 'Tổng vốn năm 2024 là 94.277 triệu đồng, trong đó: ngân sách trung ương 85.477 triệu đồng, ngân sách tỉnh 8.800 triệu đồng.';
    const { figures, relations } = figuresOf({ text });
    expect(figures.map((f) => f.value)).toEqual([94277e6, 85477e6, 8800e6]);
    expect(relations.filter((r) => r.kind === 'breakdown')).toEqual([
      expect.objectContaining({ parent: 0, child: 1, check: 'ok' }),
      expect.objectContaining({ parent: 0, child: 2, check: 'ok' }),
    ]);
    expect(figures[1].parent).toBe(0);
  });

  it('a breakdown that does not add up is flagged on the parent', () => {
    const { figures, relations } = figuresOf({ text: 'Toàn xã hỗ trợ 11 hộ, trong đó xây mới 3 hộ, sửa chữa 9 hộ.' });
    expect(relations.find((r) => r.kind === 'breakdown')?.check).toBe('mismatch');
    expect(figures[0].rules.breakdown).toMatch(/does not add up/);
  });

  it('a ratio is checked against its percent', () => {
    const ok = figuresOf({ text: 'Thành phố có 398/414 (= 96,13%) hộ nghèo dùng nước sạch.' }).relations;
    expect(ok).toEqual([expect.objectContaining({ kind: 'ratio_percent', check: 'ok' })]);
    const bad = figuresOf({ text: 'Thành phố có 398/414 (= 86,13%) hộ nghèo dùng nước sạch.' }).relations;
    expect(bad).toEqual([expect.objectContaining({ kind: 'ratio_percent', check: 'mismatch' })]);
  });
});
