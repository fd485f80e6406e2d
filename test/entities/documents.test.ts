import { describe, expect, it } from 'vitest';
import { mentions } from './helpers.js';

const CITY = { contextPlace: 'thành phố Thái Nguyên' };

describe('documents', () => {
  it.each<[string, Record<string, unknown>, object?]>([
    // Seeds
    ['UBND thành phố đã ban hành Quyết định số 662/QĐ-UBND ngày 30/01/2022 về việc thành lập Ban Chỉ đạo', {
      text: 'Quyết định số 662/QĐ-UBND ngày 30/01/2022', canonical: 'Quyết định số 662/QĐ-UBND ngày 30/01/2022',
      docType: 'Quyết định', number: '662', code: 'QĐ-UBND', issuerCode: 'UBND', issuer: 'Ủy ban nhân dân thành phố Thái Nguyên', date: '2022-01-30',
    }, CITY],
    ['UBND thành phố đã ban hành kế hoạch. Ban hành Kế hoạch 122/KH-UBND 05/5/2023 về việc thực hiện Chương trình', {
      text: 'Kế hoạch 122/KH-UBND 05/5/2023', docType: 'Kế hoạch', number: '122', code: 'KH-UBND',
      issuer: 'Ủy ban nhân dân thành phố Thái Nguyên', date: '2023-05-05', canonical: 'Kế hoạch số 122/KH-UBND ngày 05/05/2023',
    }, CITY],
    // New sentences
    ['Theo Quyết định số 90/QĐ-TTg ngày 18/01/2022 của Thủ tướng Chính phủ', {
      docType: 'Quyết định', number: '90', code: 'QĐ-TTg', issuer: 'Thủ tướng Chính phủ', date: '2022-01-18',
    }],
    ['thực hiện Nghị quyết 60-NQ/TW ngày 12/4/2025 của Ban Chấp hành Trung ương', {
      text: 'Nghị quyết 60-NQ/TW ngày 12/4/2025', canonical: 'Nghị quyết số 60-NQ/TW ngày 12/04/2025',
      docType: 'Nghị quyết', number: '60', code: 'NQ/TW', issuerCode: 'TW', issuer: 'Ban Chấp hành Trung ương Đảng', date: '2025-04-12',
    }],
    ['theo Quyết định 19/2025/QĐ-TTg', { docType: 'Quyết định', number: '19', year: 2025, code: 'QĐ-TTg', canonical: 'Quyết định số 19/2025/QĐ-TTg', issuer: 'Thủ tướng Chính phủ' }],
    ['Nghị định số 07/2021/NĐ-CP ngày 31/01/2021 của Chính phủ quy định chuẩn nghèo', {
      docType: 'Nghị định', number: '07', year: 2021, code: 'NĐ-CP', issuer: 'Chính phủ', date: '2021-01-31',
    }],
    ['Công văn số 1027/CTK-CSCL ngày 25 tháng 6 năm 2025', { docType: 'Công văn', number: '1027', code: 'CTK-CSCL', issuer: 'Cục Thống kê', date: '2025-06-25' }],
    ['Thông tư số 07/2021/TT-BLĐTBXH hướng dẫn', { docType: 'Thông tư', code: 'TT-BLĐTBXH', issuer: 'Bộ Lao động - Thương binh và Xã hội' }],
    ['căn cứ số 1654/NQ-UBTVQH15 của Ủy ban Thường vụ Quốc hội', { docType: 'Nghị quyết', number: '1654', code: 'NQ-UBTVQH15', issuer: 'Ủy ban Thường vụ Quốc hội' }],
    ['Chỉ thị 05-CT/TU của Tỉnh ủy', { docType: 'Chỉ thị', number: '05', code: 'CT/TU' }],
  ])('%s', (text, expected, options) => {
    const docs = mentions('document', text, options);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject(expected);
  });

  it.each([
    '398/414 hộ nghèo (= 96,13%)',
    'Kế hoạch thực hiện Chương trình năm 2023',
    'hỗ trợ xây mới 50 triệuđ/nhà',
    'giải quyết việc làm cho 727/700 lao động',
  ])('no document in: %s', (text) => {
    expect(mentions('document', text)).toEqual([]);
  });

  it('gives a document named twice the date of its full mention', () => {
    const docs = mentions('document', 'Quyết định số 662/QĐ-UBND ngày 30/01/2022 nêu rõ. Theo Quyết định 662/QĐ-UBND, thành phố...');
    expect(docs.map((d) => d.canonical)).toEqual(['Quyết định số 662/QĐ-UBND ngày 30/01/2022', 'Quyết định số 662/QĐ-UBND ngày 30/01/2022']);
  });

  it('marks the date inside a document', () => {
    const dates = mentions('date', 'Quyết định số 662/QĐ-UBND ngày 30/01/2022');
    expect(dates).toEqual([expect.objectContaining({ text: '30/01/2022', value: '2022-01-30', partOf: 'document' })]);
  });
});
