// Each attribute rule of the figure extractor on its own table of sentences. Most sentences are new,
// written in the style of provincial reports; they are not copies of the seeds.
import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/index.js';

const one = (text: string, figure: string, meta: Parameters<typeof extractFigures>[1] = {}) => {
  const f = extractFigures(text, meta).find((x) => x.text === figure || x.text.startsWith(`${figure} `));
  if (!f) throw new Error(`no figure "${figure}" in: ${text}\nfound: ${extractFigures(text, meta).map((x) => x.text).join(' | ')}`);
  return f;
};

describe('modality: result or target', () => {
  it.each([
    ['Năm 2024, huyện phấn đấu giảm tỷ lệ hộ nghèo còn 3,5%.', '3,5%', 'target'],
    ['Mục tiêu đến năm 2025 có 80% lao động qua đào tạo.', '80%', 'target'],
    ['Tỉnh dự kiến giải ngân 120 tỷ đồng trong quý IV.', '120 tỷ đồng', 'target'],
    ['Kế hoạch năm 2025 đặt chỉ tiêu tạo việc làm cho 15.000 lao động.', '15.000 lao động', 'target'],
    ['Thời gian tới, xã sẽ hỗ trợ 40 hộ làm nhà mới.', '40 hộ', 'target'],
    ['Năm 2023, toàn huyện đã giảm được 312 hộ nghèo.', '312 hộ', 'actual'],
    ['Kết quả rà soát cuối năm 2023, thị xã còn 215 hộ nghèo.', '215 hộ', 'actual'],
    ['Tỷ lệ hộ nghèo chỉ còn 2,1%, vượt kế hoạch đề ra.', '2,1%', 'actual'],
    ['Nhờ triển khai đồng bộ các giải pháp, tỷ lệ hộ nghèo còn 4,02%, đạt mục tiêu đề ra.', '4,02%', 'actual'],
    ['Chương trình mục tiêu quốc gia giảm nghèo bền vững đã hỗ trợ 1.200 hộ.', '1.200 hộ', 'actual'],
  ])('%s -> %s is %s', (text, figure, modality) => {
    expect(one(text, figure).modality).toBe(modality);
  });

  it('a paragraph that sets a target makes its later sentences targets', () => {
    const text = 'Năm 2025, tỉnh phấn đấu giảm 2.000 hộ nghèo. Hỗ trợ 500 hộ làm nhà ở. 100% xã có đường ô tô đến trung tâm.';
    expect(extractFigures(text).map((f) => f.modality)).toEqual(['target', 'target', 'target']);
  });

  it('a headline that announces a goal makes the article a plan', () => {
    const text = 'Hỗ trợ 300 hộ nghèo phát triển sản xuất.';
    expect(one(text, '300 hộ', { title: 'Lào Cai: Phấn đấu giảm 3% hộ nghèo' }).modality).toBe('target');
    expect(one(text, '300 hộ', { title: 'Lào Cai: Nhiều kết quả giảm nghèo' }).modality).toBe('actual');
  });
});

describe('measure: level or change', () => {
  it.each([
    ['Năm 2023 giảm 1.225 hộ nghèo so với đầu năm.', '1.225 hộ', 'change'],
    ['Tỷ lệ hộ nghèo giảm 0,8% trong năm.', '0,8%', 'change'],
    ['Thu nhập bình quân tăng 12% so với cùng kỳ.', '12%', 'change'],
    ['Số hộ nghèo giảm còn 414 hộ.', '414 hộ', 'level'],
    ['Tỷ lệ hộ nghèo giảm xuống còn 1,6%.', '1,6%', 'level'],
    ['Toàn xã có 539 hộ nghèo.', '539 hộ', 'level'],
    ['Dư nợ đạt 4.820 tỷ đồng, tăng 8,5% so với đầu năm.', '4.820 tỷ đồng', 'level'],
    ['Dư nợ đạt 4.820 tỷ đồng, tăng 8,5% so với đầu năm.', '8,5%', 'change'],
  ])('%s -> %s is a %s', (text, figure, measure) => {
    expect(one(text, figure).measure).toBe(measure);
  });

  it('the parts of a breakdown share the measure of the whole', () => {
    const f = extractFigures('Năm 2024, tỉnh đặt mục tiêu giảm 3.200 hộ nghèo, hộ cận nghèo; trong đó có 2.100 hộ nghèo và 1.100 hộ cận nghèo.');
    expect(f.map((x) => [x.text, x.measure])).toEqual([['3.200 hộ', 'change'], ['2.100 hộ', 'change'], ['1.100 hộ', 'change']]);
  });
});

describe('period: the year a figure is about', () => {
  it.each([
    ['Cuối năm 2022, huyện có 812 hộ nghèo.', '812 hộ', {}, 2022],
    ['Tính đến tháng 10/2024, đã giải ngân 56 tỷ đồng.', '56 tỷ đồng', {}, 2024],
    ['Dư nợ đến ngày 31/12/2023 đạt 920 tỷ đồng.', '920 tỷ đồng', {}, 2023],
    ['Số hộ nghèo giảm 1,2% so với năm 2022.', '1,2%', { publishedAt: '2023-12-20T08:00:00+07:00' }, 2023],
    ['Từ đầu năm đến nay, xã tổ chức 6 lớp học nghề.', '6 lớp', { publishedAt: '2024-11-02T08:00:00+07:00' }, 2024],
    ['Năm ngoái, toàn tỉnh có 3.400 hộ thoát nghèo.', '3.400 hộ', { publishedAt: '2024-03-01T08:00:00+07:00' }, 2023],
  ])('%s -> %s in %s', (text, figure, meta, year) => {
    expect(one(text, figure, meta).period).toBe(year);
  });

  it('a year stated earlier carries over; document dates and programme spans do not count', () => {
    const text = 'Thực hiện Quyết định số 861/QĐ-TTg ngày 04/6/2021 và Chương trình giai đoạn 2021 - 2025, năm 2023 huyện có 410 hộ nghèo.\n\nHuyện đã hỗ trợ 52 hộ làm nhà.';
    const f = extractFigures(text);
    expect(f.map((x) => [x.text, x.period])).toEqual([['410 hộ', 2023], ['52 hộ', 2023]]);
  });
});

describe('location: the unit a figure is about', () => {
  it('the headline place with its level from the body', () => {
    const text = 'Bảo Lâm: Giảm nghèo nhanh\n\nNăm 2023, huyện Bảo Lâm có 2.145 hộ nghèo. Huyện Bảo Lâm đã hỗ trợ 90 hộ.';
    expect(extractFigures(text).map((f) => f.location)).toEqual(['huyện Bảo Lâm', 'huyện Bảo Lâm']);
  });

  it('same names at two levels stay apart: the level word decides', () => {
    const city = extractFigures('Thành phố Thái Nguyên có 414 hộ nghèo, tỷ lệ 0,47%.');
    expect(city[0].location).toBe('thành phố Thái Nguyên');
    const province = extractFigures('Năm 2023, tỉnh Thái Nguyên có 9.516 hộ nghèo.');
    expect(province[0].location).toBe('tỉnh Thái Nguyên');
  });

  it('a place named before the figure in its sentence wins over the article place', () => {
    const text = 'Năm 2023, tỉnh Bắc Kạn có 12.000 hộ nghèo. Huyện Ba Bể có 2.300 hộ nghèo. Cuối năm, huyện Pác Nặm có 1.900 hộ nghèo.';
    expect(extractFigures(text).map((f) => f.location)).toEqual(['tỉnh Bắc Kạn', 'huyện Ba Bể', 'huyện Pác Nặm']);
  });

  it('no place, no location', () => {
    expect(extractFigures('Phấn đấu giảm tỷ lệ hộ nghèo còn 1,2%.')[0].location).toBeUndefined();
  });
});

describe('subject: what the figure measures', () => {
  const has = (subject: string | undefined, ...words: string[]) => words.every((w) => (subject ?? '').toLowerCase().includes(w));
  it.each([
    ['Toàn xã có 315 hộ nghèo, tỷ lệ 4,2%.', '4,2%', ['tỷ lệ', 'hộ nghèo']],
    ['Huyện đã cấp thẻ BHYT cho 2.400 người nghèo.', '2.400 người', ['người nghèo', 'cấp thẻ bhyt']],
    ['Kinh phí hỗ trợ làm nhà là 1.500 triệu đồng.', '1.500 triệu đồng', ['kinh phí', 'nhà']],
    ['Có 86 hộ cận nghèo vay vốn, dư nợ 3.200 triệu đồng.', '3.200 triệu đồng', ['dư nợ', 'vay vốn']],
    ['100% học sinh thuộc hộ nghèo được miễn học phí.', '100%', ['học sinh', 'miễn học phí']],
    ['Tỷ lệ bao phủ bảo hiểm y tế đạt 96,5%.', '96,5%', ['tỷ lệ bao phủ bảo hiểm y tế']],
    ['Toàn tỉnh còn 5.300 hộ cận nghèo, chiếm 3,1%.', '3,1%', ['tỷ lệ', 'hộ cận nghèo']],
  ])('%s -> %s measures %j', (text, figure, words) => {
    const s = one(text, figure).subject;
    expect(has(s, ...words), `subject was "${s}"`).toBe(true);
  });
});

describe('which numbers are figures (GUIDELINES)', () => {
  it.each([
    ['Trong 6 năm, huyện đã giảm 40% hộ nghèo.', ['40%']],
    ['Thu nhập tăng gấp 2-3 lần so với trước.', []],
    ['Hàng chục triệu đồng đã được ủng hộ, hàng trăm hộ được giúp đỡ.', []],
    ['Hai dự án trên đã giải ngân 5 tỷ đồng.', ['5 tỷ đồng']],
    ['Trẻ em dưới 5 tuổi được khám sức khỏe miễn phí cho 300 em.', ['300 em']],
    ['Theo Quyết định số 662/QĐ-UBND ngày 30/01/2022, giai đoạn 2021 - 2025 hỗ trợ 30 hộ.', ['30 hộ']],
    ['Hai huyện Mèo Vạc và Đồng Văn có tỷ lệ hộ nghèo trên 30%.', ['30%']],
  ])('%s -> %j', (text, figures) => {
    expect(extractFigures(text).map((f) => f.text)).toEqual(figures);
  });
});

describe('provenance', () => {
  it('every figure has offsets into the text, its sentence and the rule of each attribute', () => {
    const text = 'Năm 2023, huyện Bạch Thông có 416 hộ nghèo vay vốn, dư nợ 25.796 triệu đồng. Năm 2024 phấn đấu giảm 3% hộ nghèo.';
    for (const f of extractFigures(text)) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(text.slice(f.sentenceStart, f.sentenceEnd)).toBe(f.sentence);
      expect(f.sentence).toContain(f.text);
      for (const k of ['subject', 'modality', 'measure', 'period', 'comparator', 'indicator']) expect(f.rules[k], k).toBeTruthy();
    }
  });
});
