// Issue 3, bullet by bullet: one quantity string in, the quantity (or null) out. Then the
// scanner on running sentences: offsets, several quantities, and none of the non-figures.
import { describe, expect, it } from 'vitest';
import { parseQuantity, scanQuantities } from '../../src/extract/quantity.js';
import { parseDigits, parseWordNumber } from '../../src/extract/numbers.js';
import type { Comparator } from '../../src/types.js';
import { differences, type Want } from './want.js';

type Row = [input: string, want: Want | null];

const n = (value: number, unit: string | null = null, more: Partial<Want> = {}): Want => ({ value, unit, ...more });
const hh = (value: number, more: Partial<Want> = {}): Want => n(value, 'household', { noun: 'hộ', ...more });

const TABLE: Record<string, Row[]> = {
  'digits: dot thousands, comma decimals, leading zeros, signs': [
    ['94.277', n(94277)],
    ['1.837,272', n(1837.272)],
    ['0,47', n(0.47)],
    ['1,20', n(1.2)],
    ['511.900.000', n(511900000)],
    ['01,10', n(1.1)],
    [',77', n(0.77)],
    ['0', n(0)],
    ['7', n(7)],
    ['100.000', n(100000)],
    ['1.000.000,5', n(1000000.5)],
    ['1.234.567', n(1234567)],
    ['03 dự án', n(3, 'item', { noun: 'dự án' })],
    ['05 hộ', hh(5)],
    ['-1.200.000', n(-1200000)],
    ['- 1.200.000', n(-1200000)],
    ['âm 1.200.000', n(-1200000)],
    ['-5%', n(-5, 'percent')],
    ['âm 5%', n(-5, 'percent')],
  ],
  'digits: English style decided by the digit groups': [
    ['1,234,567', n(1234567)],
    ['1,234,567.89', n(1234567.89)],
    ['1,234.5', n(1234.5)],
    ['1.960', n(1960)],
    ['1.960 triệu đồng', n(1960e6, 'VND')],
    ['1,234', n(1.234)],
    ['1,5 triệu', n(1.5e6)],
    ['1.5 triệu', n(1.5e6)],
    ['12.5%', n(12.5, 'percent')],
    ['5.67%', n(5.67, 'percent')],
  ],
  'scale words and shorthand': [
    ['5 nghìn', n(5000)],
    ['5 ngàn', n(5000)],
    ['2 triệu', n(2e6)],
    ['3 tỷ', n(3e9)],
    ['3 tỉ', n(3e9)],
    ['2 nghìn tỷ', n(2e12)],
    ['2 ngàn tỷ', n(2e12)],
    ['1,5 nghìn tỷ đồng', n(1.5e12, 'VND')],
    ['10 nghìn tỷ đồng', n(1e13, 'VND')],
    ['3 chục', n(30)],
    ['3 chục triệu', n(3e7)],
    ['5 trăm', n(500)],
    ['100K', n(100000)],
    ['100k', n(100000)],
    ['3M', n(3e6)],
    ['1,2M', n(1.2e6)],
    ['-1,2M', n(-1.2e6)],
    [',0012G', n(1.2e6)],
    ['5tr', n(5e6)],
    ['5 tr', n(5e6)],
    ['5 tr.đ', n(5e6, 'VND')],
    ['5tr.đ', n(5e6, 'VND')],
    ['5trđ', n(5e6, 'VND')],
    ['50 triệuđ', n(5e7, 'VND')],
    ['2 tỷđ', n(2e9, 'VND')],
    ['100kđ', n(100000, 'VND')],
    ['2 tỷ 044 triệu đồng', n(2044e6, 'VND')],
    ['3 triệu 500 nghìn đồng', n(3.5e6, 'VND')],
    ['1 triệu rưỡi', n(1.5e6)],
    ['2 triệu rưỡi đồng', n(2.5e6, 'VND')],
    ['1 triệu 2', n(1.2e6)],
    ['1.000 tỷ', n(1e12)],
    ['1.000 tỷ đồng', n(1e12, 'VND')],
    ['nửa triệu đồng', n(5e5, 'VND')],
  ],
  'numbers in words': [
    ['một', n(1)],
    ['chín', n(9)],
    ['mười', n(10)],
    ['mười một', n(11)],
    ['mười bốn', n(14)],
    ['mười tư', n(14)],
    ['mười lăm', n(15)],
    ['hai mươi', n(20)],
    ['hai mươi mốt', n(21)],
    ['hai mươi tư', n(24)],
    ['hai mươi lăm', n(25)],
    ['hai mươi nhăm', n(25)],
    ['ba mươi lăm', n(35)],
    ['trăm', n(100)],
    ['một trăm', n(100)],
    ['một trăm lẻ ba', n(103)],
    ['một trăm linh năm', n(105)],
    ['hai trăm năm mươi', n(250)],
    ['một trăm rưỡi', n(150)],
    ['một nghìn không trăm mười', n(1010)],
    ['một nghìn lẻ năm', n(1005)],
    ['một nghìn chín trăm sáu mươi', n(1960)],
    ['hai nghìn rưỡi', n(2500)],
    ['hai mươi mốt nghìn không trăm mười một', n(21011)],
    ['bảy trăm hai mươi mốt nghìn không trăm mười hai', n(721012)],
    ['hai triệu năm trăm nghìn', n(2.5e6)],
    ['hai mươi mốt triệu', n(2.1e7)],
    ['mười hai tỷ ba trăm bốn mươi lăm triệu', n(12345e6)],
    ['nửa', n(0.5)],
    ['một nửa', n(0.5)],
    ['hai phẩy năm', n(2.5)],
    ['hai chấm năm', n(2.5)],
    ['không phẩy bốn bảy', n(0.47)],
    ['một phẩy hai lăm', n(1.25)],
    ['hai phẩy năm triệu', n(2.5e6)],
    ['một tá', n(12)],
    ['ba tá', n(36)],
    ['nửa tá', n(6)],
    ['hai lớp', n(2, 'item', { noun: 'lớp' })],
    ['ba hộ', hh(3)],
    // năm after mươi is a year: hai mươi năm = twenty years (25 is hai mươi lăm).
    ['hai mươi năm', n(20, 'year')],
    ['mười năm', n(10, 'year')],
  ],
  'vague amounts: approximate, lower bound as value': [
    ['hàng trăm', n(100, null, { comparator: '~', vague: true })],
    ['hàng nghìn', n(1000, null, { comparator: '~', vague: true })],
    ['hàng ngàn', n(1000, null, { comparator: '~', vague: true })],
    ['vài chục', n(20, null, { comparator: '~', vague: true })],
    ['hàng trăm hộ', hh(100, { comparator: '~', vague: true })],
    ['hàng chục triệu đồng', n(1e7, 'VND', { comparator: '~', vague: true })],
    ['vài trăm triệu đồng', n(2e8, 'VND', { comparator: '~', vague: true })],
    ['hàng chục nghìn người', n(1e4, 'person', { comparator: '~', vague: true })],
  ],
  'money': [
    ['1.000 đồng', n(1000, 'VND')],
    ['1.000 đ', n(1000, 'VND')],
    ['1.000₫', n(1000, 'VND')],
    ['1.000 VNĐ', n(1000, 'VND')],
    ['1.000 VND', n(1000, 'VND')],
    ['1.000 vnđ', n(1000, 'VND')],
    ['500.000đ', n(500000, 'VND')],
    ['500.000VNĐ', n(500000, 'VND')],
    ['VN$1000', n(1000, 'VND')],
    ['mười đồng', n(10, 'VND')],
    ['100 USD', n(100, 'USD')],
    ['100USD', n(100, 'USD')],
    ['US$100', n(100, 'USD')],
    ['USD 100', n(100, 'USD')],
    ['$100', n(100, 'USD')],
    ['100$', n(100, 'USD')],
    ['$10k', n(10000, 'USD')],
    ['10K$', n(10000, 'USD')],
    ['USD1,23', n(1.23, 'USD')],
    ['100 đô', n(100, 'USD')],
    ['100 đô la', n(100, 'USD')],
    ['100 đô-la', n(100, 'USD')],
    ['100 đô la Mỹ', n(100, 'USD')],
    ['10 triệu đô la Mỹ', n(1e7, 'USD')],
    ['1,5 tỷ USD', n(1.5e9, 'USD')],
    ['100 EUR', n(100, 'EUR')],
    ['€100', n(100, 'EUR')],
    ['100€', n(100, 'EUR')],
    ['20 euros', n(20, 'EUR')],
    ['£9', n(9, 'GBP')],
    ['50 xu', n(0.5, 'USD')],
    ['50 xen', n(0.5, 'USD')],
    ['50 cents', n(0.5, 'USD')],
    ['mười xen', n(0.1, 'USD')],
    ['2 đô la và 23 xen', n(2.23, 'USD')],
    ['hai đô 23', n(2.23, 'USD')],
  ],
  'percent and percentage points': [
    ['5%', n(5, 'percent')],
    ['0,47%', n(0.47, 'percent')],
    ['0,47 %', n(0.47, 'percent')],
    ['103,8%', n(103.8, 'percent')],
    ['100%', n(100, 'percent')],
    ['5 phần trăm', n(5, 'percent')],
    ['năm phần trăm', n(5, 'percent')],
    ['mười lăm phần trăm', n(15, 'percent')],
    ['0,4 điểm phần trăm', n(0.4, 'percent', { points: true })],
    ['1,2 điểm %', n(1.2, 'percent', { points: true })],
    ['5%', n(5, 'percent', { points: false })],
  ],
  'ranges: value = lower, valueMax = upper, unit on both sides': [
    ['6 - 7%', n(6, 'percent', { valueMax: 7 })],
    ['6-7%', n(6, 'percent', { valueMax: 7 })],
    ['6–7%', n(6, 'percent', { valueMax: 7 })],
    ['5% - 7%', n(5, 'percent', { valueMax: 7 })],
    ['từ 6 đến 7%', n(6, 'percent', { valueMax: 7 })],
    ['từ 5 - 7%', n(5, 'percent', { valueMax: 7 })],
    ['khoảng 6 - 7%', n(6, 'percent', { valueMax: 7, comparator: '~' })],
    ['6 - 7%/năm', n(6, 'percent', { valueMax: 7, per: 'năm' })],
    ['khoảng 6-7%/năm', n(6, 'percent', { valueMax: 7, per: 'năm', comparator: '~' })],
    ['từ 1000 đồng đến 2000 đồng', n(1000, 'VND', { valueMax: 2000 })],
    ['từ 1000 đến 2000 đồng', n(1000, 'VND', { valueMax: 2000 })],
    ['giữa 1000 và 2000 đồng', n(1000, 'VND', { valueMax: 2000 })],
    ['giữa 1000 đồng và 2000 đồng', n(1000, 'VND', { valueMax: 2000 })],
    ['1000-2000 đồng', n(1000, 'VND', { valueMax: 2000 })],
    ['khoảng 1000-2000 đồng', n(1000, 'VND', { valueMax: 2000, comparator: '~' })],
    ['6 đến 7 triệu', n(6e6, null, { valueMax: 7e6 })],
    ['6-7 triệu đồng', n(6e6, 'VND', { valueMax: 7e6 })],
    ['từ 6 đến 7 triệu đồng', n(6e6, 'VND', { valueMax: 7e6 })],
    ['1,5-2 triệu đồng', n(1.5e6, 'VND', { valueMax: 2e6 })],
    ['500 nghìn - 1 triệu đồng', n(5e5, 'VND', { valueMax: 1e6 })],
    ['từ 2 triệu đến 2,5 triệu đồng', n(2e6, 'VND', { valueMax: 2.5e6 })],
    ['từ 10 đến 15 hộ', hh(10, { valueMax: 15 })],
    ['giữa 1,1 và 1,3 đô la', n(1.1, 'USD', { valueMax: 1.3 })],
    ['từ 1 phẩy 1 đến một chấm ba đô la', n(1.1, 'USD', { valueMax: 1.3 })],
  ],
  'ratios: value and total': [
    ['398/414', n(398, null, { total: 414 })],
    ['727/700 lao động', n(727, 'person', { total: 700, noun: 'lao động' })],
    ['42/42 người', n(42, 'person', { total: 42, noun: 'người' })],
    ['15/15 xã', n(15, 'item', { total: 15, noun: 'xã' })],
    ['9/10 chỉ tiêu', n(9, 'item', { total: 10, noun: 'chỉ tiêu' })],
    ['398/414 (= 96,13%) hộ nghèo', n(398, 'household', { total: 414, noun: 'hộ nghèo' })],
    ['1.234/2.000', n(1234, null, { total: 2000 })],
    ['2/3 số xã', n(2, null, { total: 3 })],
    ['29 trên 30 gói thầu', n(29, 'item', { total: 30, noun: 'gói thầu' })],
    ['100/100', n(100, null, { total: 100 })],
  ],
  'not ratios: dates, document numbers, school years': [
    ['30/01/2022', null],
    ['11/2023', null],
    ['22/10', null],
    ['ngày 22/10', null],
    ['3/4', null],
    ['662/QĐ-UBND', null],
    ['20/2021/NĐ-CP', null],
    ['Kế hoạch 122/KH-UBND', null],
    ['2023/2024', null],
  ],
  'rates: per': [
    ['3%/năm', n(3, 'percent', { per: 'năm' })],
    ['0,5%/tháng', n(0.5, 'percent', { per: 'tháng' })],
    ['50 triệuđ/nhà', n(5e7, 'VND', { per: 'nhà' })],
    ['25 triệu đồng/nhà', n(2.5e7, 'VND', { per: 'nhà' })],
    ['2 triệu đồng/người/tháng', n(2e6, 'VND', { per: 'người/tháng' })],
    ['7.500 đồng/kg', n(7500, 'VND', { per: 'kg' })],
    ['500 USD/tấn', n(500, 'USD', { per: 'tấn' })],
    ['2.500 USD/tấn', n(2500, 'USD', { per: 'tấn' })],
    ['100.000 đồng/hộ gia đình', n(100000, 'VND', { per: 'hộ gia đình' })],
    ['1,2 triệu đồng/m2', n(1.2e6, 'VND', { per: 'm2' })],
    ['10 tấn/ha', n(10, 'tonne', { per: 'ha' })],
    ['50 triệu đồng mỗi hộ', n(5e7, 'VND', { per: 'hộ' })],
    ['tối đa 3 triệu đồng/người', n(3e6, 'VND', { per: 'người', comparator: '<=' })],
    ['85 USD một thùng', n(85, 'USD', { per: 'thùng' })],
    ['1,5 triệu thùng dầu mỗi ngày', n(1.5e6, 'item', { noun: 'thùng', per: 'ngày' })],
    ['mỗi hộ nghèo được vay không quá 100 triệu đồng', n(1e8, 'VND', { per: 'hộ', comparator: '<=' })],
    ['mỗi năm trồng mới từ 1.200 đến 1.500 ha', n(1200, 'ha', { valueMax: 1500, per: 'năm' })],
    ['mỗi mô hình có mười lăm hộ', hh(15, { per: 'mô hình' })],
  ],
  'count units': [
    ['100 hộ', hh(100)],
    ['100 hộ gia đình', n(100, 'household', { noun: 'hộ gia đình' })],
    ['100 hộ nghèo', n(100, 'household', { noun: 'hộ nghèo' })],
    ['100 hộ cận nghèo', n(100, 'household', { noun: 'hộ cận nghèo' })],
    ['100 người', n(100, 'person', { noun: 'người' })],
    ['100 lao động', n(100, 'person', { noun: 'lao động' })],
    ['100 học sinh', n(100, 'person', { noun: 'học sinh' })],
    ['100 sinh viên', n(100, 'person', { noun: 'sinh viên' })],
    ['330 học viên', n(330, 'person', { noun: 'học viên' })],
    ['1.735 trẻ', n(1735, 'person', { noun: 'trẻ' })],
    ['100 trẻ em', n(100, 'person', { noun: 'trẻ em' })],
    ['100 cán bộ', n(100, 'person', { noun: 'cán bộ' })],
    ['100 hội viên', n(100, 'person', { noun: 'hội viên' })],
    ['100 giáo viên', n(100, 'person', { noun: 'giáo viên' })],
    ['100 bệnh nhân', n(100, 'person', { noun: 'bệnh nhân' })],
    ['21 nữ', n(21, 'person', { noun: 'nữ' })],
    ['100 lượt', n(100, 'turn', { noun: 'lượt' })],
    ['700 lượt người', n(700, 'turn', { noun: 'lượt người' })],
    ['100 lượt khách', n(100, 'turn', { noun: 'lượt khách' })],
    ['80 lượt cán bộ', n(80, 'turn', { noun: 'lượt cán bộ' })],
    ['20 mô hình', n(20, 'item', { noun: 'mô hình' })],
    ['04 lớp', n(4, 'item', { noun: 'lớp' })],
    ['24 tin, bài', n(24, 'item', { noun: 'tin, bài' })],
    ['26 nhà', n(26, 'item', { noun: 'nhà' })],
    ['100 con bò', n(100, 'item', { noun: 'con bò' })],
    ['5 chiếc xe', n(5, 'item', { noun: 'chiếc xe' })],
    ['ba quả trứng', n(3, 'item', { noun: 'quả trứng' })],
    ['một tá trứng', n(12, 'item', { noun: 'trứng' })],
    ['5 triệu dân', n(5e6, 'person', { noun: 'dân' })],
    ['260 hộ nghèo dân tộc thiểu số', n(260, 'household', { noun: 'hộ nghèo dân tộc thiểu số' })],
    ['10 hộ nghèo, hộ cận nghèo và hộ mới thoát nghèo', n(10, 'household', { noun: 'hộ nghèo, hộ cận nghèo và hộ mới thoát nghèo' })],
    ['1.210 lao động nữ', n(1210, 'person', { noun: 'lao động nữ' })],
    ['2.145 học sinh bán trú', n(2145, 'person', { noun: 'học sinh bán trú' })],
    ['3 trường hợp', n(3, 'item', { noun: 'trường hợp' })],
    ['3 hình thức', n(3, 'item', { noun: 'hình thức' })],
    ['huyện cấp 289,6 tấn gạo', n(289.6, 'tonne')],
    ['25 doanh nghiệp', n(25, 'item', { noun: 'doanh nghiệp' })],
    ['100 ha', n(100, 'ha')],
    ['100 héc-ta', n(100, 'ha')],
    ['100 tấn', n(100, 'tonne')],
    ['100 kg', n(100, 'kg')],
    ['20 km', n(20, 'km')],
    ['100 m²', n(100, 'm2')],
    ['100 m2', n(100, 'm2')],
    ['1.000m2', n(1000, 'm2')],
    ['50m²', n(50, 'm2')],
    ['100 mét vuông', n(100, 'm2')],
    ['100 m³', n(100, 'm3')],
    ['100 lít', n(100, 'litre')],
    ['17m', n(17, 'm')],
    ['500g', n(500, 'gram')],
  ],
  'not figures: years, dates, times, documents, codes, ordinals, phone numbers': [
    ['năm 2023', null],
    ['2023', null],
    ['2021 - 2025', null],
    ['2021-2025', null],
    ['2021–2025', null],
    ['giai đoạn 2021 - 2025', null],
    ['năm học 2023-2024', null],
    ['tháng 11/2023', null],
    ['tháng 11', null],
    ['ngày 30/01/2022', null],
    ['03:38 PM 13/12/2023', null],
    ['03:38', null],
    ['8h30', null],
    ['19h', null],
    ['10g45', null],
    ['13-12-2023', null],
    ['2023-12-13', null],
    ['13.12.2023', null],
    ['Quyết định số 662/QĐ-UBND', null],
    ['3B', null],
    ['bò 3B', null],
    ['4G', null],
    ['mạng 5G', null],
    ['Covid-19', null],
    ['COVID-19', null],
    ['SARS-CoV-2', null],
    ['H5N1', null],
    ['U23', null],
    ['J7', null],
    ['Samsung J7', null],
    ['thứ 2', null],
    ['thứ hai', null],
    ['Thứ Hai', null],
    ['thứ nhất', null],
    ['lần thứ 3', null],
    ['lần thứ ba', null],
    ['Quận 1', null],
    ['Điều 5', null],
    ['0912 345 678', null],
    ['0912345678', null],
    ['0912.345.678', null],
    ['+84 912 345 678', null],
    ['(024) 3824 1234', null],
    ['1900 1234', null],
    ['Đơn vị: triệu đồng', null],
    ['tỷ lệ hộ nghèo', null],
    ['không có gì', null],
    ['', null],
    ['   ', null],
  ],
  'names and ranks around numbers that are quantities after all': [
    ['tỷ lệ 5%', n(5, 'percent')],
    ['tổng số 1.200 hộ', hh(1200)],
    ['con số 5 triệu đồng', n(5e6, 'VND')],
    ['mỗi tháng 2 triệu đồng', n(2e6, 'VND')],
    ['Năm 2023, tỉnh có 539 hộ nghèo', n(539, 'household', { noun: 'hộ nghèo' })],
    ['Quyết định số 662/QĐ-UBND ngày 30/01/2022 hỗ trợ 5 hộ', hh(5)],
    ['lần thứ 3 hỗ trợ 50 triệu đồng', n(5e7, 'VND')],
  ],
};

// Every bound word of the issue, on a count, a sum of money and a percent.
const BOUND_WORDS: Array<[string, Comparator]> = [
  ['trên', '>'], ['hơn', '>'], ['vượt', '>'], ['cao hơn', '>'], ['nhiều hơn', '>'],
  ['tối thiểu', '>='], ['ít nhất', '>='], ['không dưới', '>='], ['không ít hơn', '>='],
  ['dưới', '<'], ['chưa đến', '<'], ['ít hơn', '<'], ['kém hơn', '<'], ['không tới', '<'],
  ['tối đa', '<='], ['không quá', '<='], ['không hơn', '<='], ['không cao hơn', '<='],
  ['khoảng', '~'], ['gần', '~'], ['xấp xỉ', '~'], ['chừng', '~'], ['tầm', '~'], ['hơn kém', '~'],
  ['trên dưới', '~'], ['khoảng chừng', '~'],
  // An estimate is a stated value, not an approximation.
  ['ước', '='], ['ước đạt', '='], ['ước tính', '='],
];
TABLE['bounds: every bound word'] = BOUND_WORDS.flatMap(([w, c]): Row[] => [
  [`${w} 100 hộ`, hh(100, { comparator: c })],
  [`${w} 5 tỷ đồng`, n(5e9, 'VND', { comparator: c })],
  [`${w} 0,5%`, n(0.5, 'percent', { comparator: c })],
]);
TABLE['bounds: up to, from, and changes that are not bounds'] = [
  ['bị phạt hành chính đến 30 triệu đồng', n(3e7, 'VND', { comparator: '<=' })],
  ['phạt tới 150 triệu đồng', n(1.5e8, 'VND', { comparator: '<=' })],
  ['lên đến 5 tỷ đồng', n(5e9, 'VND', { comparator: '<=' })],
  ['giá phải từ 80 triệu đồng/m2', n(8e7, 'VND', { comparator: '>=', per: 'm2' })],
  ['giảm từ 18,5% cuối năm 2022 xuống còn 15,2%', n(18.5, 'percent')],
  ['tăng từ 1% lên 3%', n(1, 'percent')],
  ['trao quà đến 100 hộ', hh(100)],
];
TABLE['bounds: từ ... trở lên / trở xuống'] = [
  ['từ 100 hộ trở lên', hh(100, { comparator: '>=' })],
  ['100 hộ trở lên', hh(100, { comparator: '>=' })],
  ['từ 100 người trở lên', n(100, 'person', { comparator: '>=' })],
  ['từ 7000 đồng trở xuống', n(7000, 'VND', { comparator: '<=' })],
  ['100 người trở xuống', n(100, 'person', { comparator: '<=' })],
  ['từ $1,42 trở lên', n(1.42, 'USD', { comparator: '>=' })],
];

const ROWS = Object.values(TABLE).flat();

describe('parseQuantity, table', () => {
  it('has at least 200 cases', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(200);
  });
  for (const [group, rows] of Object.entries(TABLE)) {
    describe(group, () => {
      it.each(rows)('%s', (input, want) => {
        const got = parseQuantity(input);
        expect(differences(got, want), `${input} -> ${JSON.stringify(got)}`).toEqual([]);
      });
    });
  }
});

describe('parseDigits and parseWordNumber, the building blocks', () => {
  it.each([
    ['94.277', 94277], ['1.837,272', 1837.272], [',77', 0.77], ['1.960', 1960], ['1,234,567', 1234567],
    ['1.5', 1.5], ['1,234.5', 1234.5], ['007', 7],
  ] as Array<[string, number]>)('parseDigits(%s) = %d', (s, v) => {
    expect(parseDigits(s)).toBe(v);
  });
  it.each(['1.2.3', '1,2,3', '13.12.2023', 'abc', '', '1..2', '1,234.5,6'])('parseDigits(%s) is null', (s) => {
    expect(parseDigits(s)).toBeNull();
  });
  it('reads mixed digits and words, and says how many words it used', () => {
    expect(parseWordNumber(['2', 'tỷ', '044', 'triệu', 'đồng'])).toEqual({ value: 2044e6, used: 4 });
    expect(parseWordNumber(['3', 'triệu', '500', 'nghìn'])).toEqual({ value: 3.5e6, used: 4 });
    expect(parseWordNumber(['hai', 'mươi', 'năm'])).toEqual({ value: 20, used: 2 });
    expect(parseWordNumber(['5', 'triệu', '3', 'triệu'])).toEqual({ value: 5e6, used: 2 });
    expect(parseWordNumber(['đồng'])).toBeNull();
    expect(parseWordNumber([])).toBeNull();
  });
});

interface Seen { text: string; value: number; unit: string | null; valueMax?: number; total?: number; comparator?: Comparator; per?: string }

/** Scans, checks the offsets of every match, and returns them in a short form. */
function scan(text: string): Seen[] {
  const found = scanQuantities(text);
  for (const m of found) {
    expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(m.matchStart).toBeLessThanOrEqual(m.start);
    if (m.bound) expect(text.slice(m.matchStart, m.start).toLocaleLowerCase('vi')).toContain(m.bound.split(' ')[0]);
  }
  for (let i = 1; i < found.length; i++) expect(found[i].matchStart).toBeGreaterThanOrEqual(found[i - 1].end);
  return found.map((m) => {
    const s: Seen = { text: m.text, value: m.value, unit: m.unit };
    if (m.valueMax !== undefined) s.valueMax = m.valueMax;
    if (m.total !== undefined) s.total = m.total;
    if (m.comparator !== '=') s.comparator = m.comparator;
    if (m.per) s.per = m.per;
    return s;
  });
}

describe('scanQuantities on running text', () => {
  it('finds several quantities in one sentence, with offsets and bounds outside the text', () => {
    const s = 'Năm 2023, toàn tỉnh giảm 1.225 hộ nghèo, còn 3.675 hộ, tỷ lệ 0,47% (giảm 0,4 điểm phần trăm); ' +
      'kinh phí hỗ trợ 2 tỷ 044 triệu đồng, mức 50 triệuđ/nhà, lãi suất 3%/năm, giải quyết việc làm cho 727/700 lao động, ' +
      'tăng trưởng khoảng 6 - 7%, trồng hơn 1.000 ha rừng.';
    expect(scan(s)).toEqual([
      { text: '1.225 hộ', value: 1225, unit: 'household' },
      { text: '3.675 hộ', value: 3675, unit: 'household' },
      { text: '0,47%', value: 0.47, unit: 'percent' },
      { text: '0,4 điểm phần trăm', value: 0.4, unit: 'percent' },
      { text: '2 tỷ 044 triệu đồng', value: 2044e6, unit: 'VND' },
      { text: '50 triệuđ/nhà', value: 5e7, unit: 'VND', per: 'nhà' },
      { text: '3%/năm', value: 3, unit: 'percent', per: 'năm' },
      { text: '727/700 lao động', value: 727, unit: 'person', total: 700 },
      { text: '6 - 7%', value: 6, unit: 'percent', valueMax: 7, comparator: '~' },
      { text: '1.000 ha', value: 1000, unit: 'ha', comparator: '>' },
    ]);
  });

  it('reads a seed article paragraph', () => {
    const s = 'Theo kết quả rà soát hộ nghèo, hộ cận nghèo năm 2023, hộ nghèo của thành phố giảm còn 414 hộ, tỷ lệ 0,47% ' +
      '(vượt kế hoạch), hộ cận nghèo giảm còn 513 hộ, tỷ lệ 0,58% (vượt kế hoạch).';
    expect(scan(s).map((m) => m.text)).toEqual(['414 hộ', '0,47%', '513 hộ', '0,58%']);
  });

  it('reports none of the non-figures', () => {
    const s = 'Ngày 30/01/2022, UBND thành phố ban hành Quyết định số 662/QĐ-UBND về giai đoạn 2021 - 2025 và Kế hoạch ' +
      '122/KH-UBND 05/5/2023; cập nhật lúc 03:38 PM 13/12/2023. Liên hệ 0912 345 678 hoặc (024) 3824 1234, hotline ' +
      '1900 1234. Mạng 4G, giống bò 3B, dịch Covid-19, điện thoại Samsung J7, thứ 2, lần thứ 3, năm 2023, tháng 11/2023, ' +
      'năm học 2023-2024, Quận 1, Điều 5, U23 Việt Nam, SARS-CoV-2, Đơn vị tính: triệu đồng, tỷ lệ hộ nghèo.';
    expect(scan(s)).toEqual([]);
  });

  it('keeps the figures around the non-figures', () => {
    const s = 'Năm 2023, theo Quyết định 662/QĐ-UBND ngày 30/01/2022, xã có 539 hộ nghèo (chiếm 0,61%), thứ 2 là xã B với 22/10 hộ.';
    expect(scan(s)).toEqual([
      { text: '539 hộ', value: 539, unit: 'household' },
      { text: '0,61%', value: 0.61, unit: 'percent' },
      { text: '22/10 hộ', value: 22, unit: 'household', total: 10 },
    ]);
  });

  it('does not take words for numbers in running text', () => {
    // một (a), năm (year), tỷ lệ (rate), trăm năm (a century): no quantity.
    expect(scan('Một năm qua, tỷ lệ hộ nghèo giảm mạnh, mục tiêu trăm năm trồng người.')).toEqual([]);
    // but numbers in words with a unit count.
    expect(scan('Tổ chức hai lớp tập huấn cho ba mươi học viên.')).toEqual([
      { text: 'hai lớp', value: 2, unit: 'item' },
      { text: 'ba mươi học viên', value: 30, unit: 'person' },
    ]);
  });

  it('marks vague amounts so the figure extractor can drop them', () => {
    const [m] = scanQuantities('Hàng trăm hộ dân được hỗ trợ.');
    expect(m).toMatchObject({ value: 100, unit: 'household', vague: true, comparator: '~' });
  });

  it('does not count names, list members or a sentence start', () => {
    // khoản 1, 2 Điều 8: the 2 is a clause number and Điều a name, not a counted noun.
    expect(scan('Nghị định sửa đổi khoản 1, 2 Điều 8 Nghị định số 06/2005/NĐ-CP.').filter((m) => m.unit !== null)).toEqual([]);
    expect(scan('tăng từ 1% lên 3% và từ 5% lên 7%')).toEqual([
      { text: '1%', value: 1, unit: 'percent' }, { text: '3%', value: 3, unit: 'percent' },
      { text: '5%', value: 5, unit: 'percent' }, { text: '7%', value: 7, unit: 'percent' },
    ]);
  });

  it('does not give a sum of money a stray unit', () => {
    // The unit is left out (money), the next word is no counted noun, and năm belongs to a date.
    expect(scan('Thu 5 tỷ nhưng chưa đủ; tổng 3 tỷ gồm vốn vay; hỗ trợ 5 tỷ năm 2023 và 2 tỷ năm nay.')).toEqual([
      { text: '5 tỷ', value: 5e9, unit: null },
      { text: '3 tỷ', value: 3e9, unit: null },
      { text: '5 tỷ', value: 5e9, unit: null },
      { text: '2 tỷ', value: 2e9, unit: null },
    ]);
    expect(scan('Dân số 1,2 triệu dân, khai thác 1,5 triệu thùng dầu, dài 17m.')).toEqual([
      { text: '1,2 triệu dân', value: 1.2e6, unit: 'person' },
      { text: '1,5 triệu thùng', value: 1.5e6, unit: 'item' },
      { text: '17m', value: 17, unit: 'm' },
    ]);
  });

  it('reads decomposed (NFD) text with offsets into the text as given', () => {
    const s = 'Năm 2023 có 539 hộ nghèo, hơn 2 tỷ đồng.'.normalize('NFD');
    const found = scanQuantities(s);
    expect(found.map((m) => [m.value, m.unit, m.comparator])).toEqual([[539, 'household', '='], [2e9, 'VND', '>']]);
    for (const m of found) expect(s.slice(m.start, m.end)).toBe(m.text);
  });

  it('keeps offsets right around line breaks and non-ASCII text', () => {
    const s = '🙂 Tổng kinh phí:\n1.837,272 triệu đồng\n\n— khoảng 30%';
    expect(scan(s)).toEqual([
      { text: '1.837,272 triệu đồng', value: 1837272000, unit: 'VND' },
      { text: '30%', value: 30, unit: 'percent', comparator: '~' },
    ]);
  });
});
