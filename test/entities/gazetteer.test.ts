import { describe, expect, it } from 'vitest';
import {
  districtsOf, gazetteerCounts, mergedInto, newProvinces, oldProvinces, successorsOf, typeWord, unitByCode,
} from '../../src/normalize/gazetteer.js';
import { lookupPlace, parsePlace, placeCandidates } from '../../src/normalize/places.js';

const AFTER_MERGER = '2025-09-01';

// The 2025 merger (Resolution 60-NQ/TW): old province -> new province, written out independently of the data.
const MERGER: Array<[string, string]> = [
  ['tỉnh Hà Giang', 'tỉnh Tuyên Quang'], ['tỉnh Tuyên Quang', 'tỉnh Tuyên Quang'],
  ['tỉnh Bắc Kạn', 'tỉnh Thái Nguyên'], ['tỉnh Thái Nguyên', 'tỉnh Thái Nguyên'],
  ['tỉnh Yên Bái', 'tỉnh Lào Cai'], ['tỉnh Lào Cai', 'tỉnh Lào Cai'],
  ['tỉnh Vĩnh Phúc', 'tỉnh Phú Thọ'], ['tỉnh Hòa Bình', 'tỉnh Phú Thọ'], ['tỉnh Phú Thọ', 'tỉnh Phú Thọ'],
  ['tỉnh Bắc Giang', 'tỉnh Bắc Ninh'], ['tỉnh Bắc Ninh', 'tỉnh Bắc Ninh'],
  ['tỉnh Thái Bình', 'tỉnh Hưng Yên'], ['tỉnh Hưng Yên', 'tỉnh Hưng Yên'],
  ['tỉnh Hải Dương', 'thành phố Hải Phòng'], ['thành phố Hải Phòng', 'thành phố Hải Phòng'],
  ['tỉnh Hà Nam', 'tỉnh Ninh Bình'], ['tỉnh Nam Định', 'tỉnh Ninh Bình'], ['tỉnh Ninh Bình', 'tỉnh Ninh Bình'],
  ['tỉnh Quảng Bình', 'tỉnh Quảng Trị'], ['tỉnh Quảng Trị', 'tỉnh Quảng Trị'],
  ['tỉnh Quảng Nam', 'thành phố Đà Nẵng'], ['thành phố Đà Nẵng', 'thành phố Đà Nẵng'],
  ['tỉnh Kon Tum', 'tỉnh Quảng Ngãi'], ['tỉnh Quảng Ngãi', 'tỉnh Quảng Ngãi'],
  ['tỉnh Bình Định', 'tỉnh Gia Lai'], ['tỉnh Gia Lai', 'tỉnh Gia Lai'],
  ['tỉnh Ninh Thuận', 'tỉnh Khánh Hòa'], ['tỉnh Khánh Hòa', 'tỉnh Khánh Hòa'],
  ['tỉnh Phú Yên', 'tỉnh Đắk Lắk'], ['tỉnh Đắk Lắk', 'tỉnh Đắk Lắk'],
  ['tỉnh Đắk Nông', 'tỉnh Lâm Đồng'], ['tỉnh Bình Thuận', 'tỉnh Lâm Đồng'], ['tỉnh Lâm Đồng', 'tỉnh Lâm Đồng'],
  ['tỉnh Bình Phước', 'thành phố Đồng Nai'], ['tỉnh Đồng Nai', 'thành phố Đồng Nai'],
  ['tỉnh Bình Dương', 'thành phố Hồ Chí Minh'], ['tỉnh Bà Rịa - Vũng Tàu', 'thành phố Hồ Chí Minh'], ['thành phố Hồ Chí Minh', 'thành phố Hồ Chí Minh'],
  ['tỉnh Long An', 'tỉnh Tây Ninh'], ['tỉnh Tây Ninh', 'tỉnh Tây Ninh'],
  ['tỉnh Tiền Giang', 'tỉnh Đồng Tháp'], ['tỉnh Đồng Tháp', 'tỉnh Đồng Tháp'],
  ['tỉnh Bến Tre', 'tỉnh Vĩnh Long'], ['tỉnh Trà Vinh', 'tỉnh Vĩnh Long'], ['tỉnh Vĩnh Long', 'tỉnh Vĩnh Long'],
  ['tỉnh Kiên Giang', 'tỉnh An Giang'], ['tỉnh An Giang', 'tỉnh An Giang'],
  ['tỉnh Hậu Giang', 'thành phố Cần Thơ'], ['tỉnh Sóc Trăng', 'thành phố Cần Thơ'], ['thành phố Cần Thơ', 'thành phố Cần Thơ'],
  ['tỉnh Bạc Liêu', 'tỉnh Cà Mau'], ['tỉnh Cà Mau', 'tỉnh Cà Mau'],
  ['thành phố Hà Nội', 'thành phố Hà Nội'], ['thành phố Huế', 'thành phố Huế'], ['tỉnh Cao Bằng', 'tỉnh Cao Bằng'],
  ['tỉnh Điện Biên', 'tỉnh Điện Biên'], ['tỉnh Lai Châu', 'tỉnh Lai Châu'], ['tỉnh Sơn La', 'tỉnh Sơn La'],
  ['tỉnh Lạng Sơn', 'tỉnh Lạng Sơn'], ['tỉnh Quảng Ninh', 'tỉnh Quảng Ninh'], ['tỉnh Thanh Hóa', 'tỉnh Thanh Hóa'],
  ['tỉnh Nghệ An', 'tỉnh Nghệ An'], ['tỉnh Hà Tĩnh', 'tỉnh Hà Tĩnh'],
];

describe('shipped data', () => {
  it('has the official counts', () => {
    expect(gazetteerCounts()).toEqual({ oldProvinces: 63, districts: 696, communes: 10047, newProvinces: 34, newCommunes: 3321 });
  });

  it('maps every old province to one of the 34 new ones, each new one from at least one old', () => {
    const news = new Set(newProvinces().map((p) => p.code));
    for (const p of oldProvinces()) expect(news.has(p.newProvinceCode)).toBe(true);
    const total = newProvinces().reduce((n, p) => n + mergedInto(p.code).length, 0);
    expect(total).toBe(63);
    expect(mergedInto('19').map((p) => p.name)).toEqual(['Bắc Kạn', 'Thái Nguyên']);
  });

  it('gives every old district the new province of its old province', () => {
    for (const p of oldProvinces()) {
      for (const d of districtsOf(p.code)) expect(d.newProvinceCode).toBe(p.newProvinceCode);
    }
    expect(oldProvinces().reduce((n, p) => n + districtsOf(p.code).length, 0)).toBe(696);
  });
});

// The old list is the state of 01/03/2025 (Huế a centrally-run city since 1 January 2025).
const OLD_LIST_DATE = '2025-03-01';

describe('all 63 old provinces', () => {
  it.each(oldProvinces().map((p) => [p.code, p.name, typeWord(p.type)]))('%s %s', (code, name, word) => {
    const withWord = lookupPlace(`${word} ${name}`, { publishedAt: OLD_LIST_DATE });
    expect(withWord).toMatchObject({ code, level: 'province', era: 'old', name: `${word} ${name}` });
    // A bare name is the province.
    expect(lookupPlace(name, { publishedAt: OLD_LIST_DATE })?.code).toBe(code);
    expect(lookupPlace(name)?.code).toBe(code);
  });
});

describe('all 34 new provinces', () => {
  it.each(newProvinces().map((p) => [p.code, p.name, typeWord(p.type)]))('%s %s', (code, name, word) => {
    const place = lookupPlace(`${word} ${name}`, { publishedAt: AFTER_MERGER });
    expect(place).toMatchObject({ code, level: 'province', era: 'new', currentProvinceCode: code });
    expect(lookupPlace(name, { publishedAt: AFTER_MERGER })?.code).toBe(code);
  });
});

describe('old -> new mapping', () => {
  it.each(MERGER)('%s is now in %s', (old, current) => {
    expect(lookupPlace(old, { publishedAt: '2024-01-01' })?.currentProvince).toBe(current);
  });

  it('covers all 63 old provinces in the table above', () => {
    expect(new Set(MERGER.map(([old]) => old)).size).toBe(63);
  });

  it('reuses codes, so the era decides which unit a name means', () => {
    expect(lookupPlace('tỉnh Gia Lai', { publishedAt: '2023-01-01' })).toMatchObject({ code: '64', era: 'old', currentProvinceCode: '52' });
    expect(lookupPlace('tỉnh Gia Lai', { publishedAt: AFTER_MERGER })).toMatchObject({ code: '52', era: 'new' });
    expect(lookupPlace('tỉnh Quảng Trị', { publishedAt: '2023-01-01' })?.code).toBe('45');
    expect(lookupPlace('tỉnh Quảng Trị', { publishedAt: AFTER_MERGER })?.code).toBe('44');
    expect(lookupPlace('tỉnh Bình Định', { publishedAt: AFTER_MERGER })).toMatchObject({ code: '52', era: 'old', currentProvince: 'tỉnh Gia Lai' });
  });

  it('maps old communes to the new units they went into', () => {
    const dongLien = lookupPlace('xã Đồng Liên', { context: 'thành phố Thái Nguyên' })!;
    const unit = unitByCode(dongLien.code!, 'old')!;
    const next = successorsOf(unit);
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((u) => u.era === 'new' && u.provinceCode === '19')).toBe(true);
    // Island districts without communes became special zones.
    expect(successorsOf(unitByCode('755')!).map((u) => `${u.type} ${u.name}`)).toEqual(['dk Côn Đảo']);
  });
});

describe('districts', () => {
  it.each([
    ['huyện Bạch Thông', '063', 'tỉnh Bắc Kạn', 'tỉnh Thái Nguyên'],
    ['quận Ba Đình', '001', 'thành phố Hà Nội', 'thành phố Hà Nội'],
    ['thành phố Thái Nguyên', '164', 'tỉnh Thái Nguyên', 'tỉnh Thái Nguyên'],
    ['thị xã Phú Thọ', '228', 'tỉnh Phú Thọ', 'tỉnh Phú Thọ'],
    ["huyện Cư M'gar", '648', 'tỉnh Đắk Lắk', 'tỉnh Đắk Lắk'],
    ['huyện Cư M’gar', '648', 'tỉnh Đắk Lắk', 'tỉnh Đắk Lắk'],
    ['huyện Lý Nhân', '353', 'tỉnh Hà Nam', 'tỉnh Ninh Bình'],
    ['huyện Thường Xuân', '396', 'tỉnh Thanh Hóa', 'tỉnh Thanh Hóa'],
    ['huyện Kon Plông', '613', 'tỉnh Kon Tum', 'tỉnh Quảng Ngãi'],
    ['huyện Lạc Dương', '675', 'tỉnh Lâm Đồng', 'tỉnh Lâm Đồng'],
    ['huyện Côn Đảo', '755', 'tỉnh Bà Rịa - Vũng Tàu', 'thành phố Hồ Chí Minh'],
    ['Quận 1', '760', 'thành phố Hồ Chí Minh', 'thành phố Hồ Chí Minh'],
    ['TX. Sơn Tây', '269', 'thành phố Hà Nội', 'thành phố Hà Nội'],
    ['huyện Quảng Ninh', '456', 'tỉnh Quảng Bình', 'tỉnh Quảng Trị'],
  ])('%s', (text, code, parent, current) => {
    expect(lookupPlace(text)).toMatchObject({ code, level: 'district', parent, currentProvince: current });
  });

  it('resolves every one of the 696 districts given its province', () => {
    let n = 0;
    for (const p of oldProvinces()) {
      for (const d of districtsOf(p.code)) {
        const place = lookupPlace(`${typeWord(d.type)} ${d.name} (${p.name})`);
        expect(place?.code, `${d.name} (${p.name})`).toBe(d.code);
        n++;
      }
    }
    expect(n).toBe(696);
  });
});

describe('tone-mark variants and spellings', () => {
  it.each([
    ['Thanh Hoá', 'Thanh Hóa'], ['tỉnh Khánh Hoà', 'tỉnh Khánh Hòa'], ['Hoà Bình', 'Hòa Bình'],
    ['thị xã Hương Thuỷ', 'thị xã Hương Thủy'], ['TP. Thanh Hoá', 'thành phố Thanh Hóa'], ['THANH HÓA', 'Thanh Hóa'],
    ['tỉnh KonTum', 'tỉnh Kon Tum'], ['Bà Rịa-Vũng Tàu', 'Bà Rịa - Vũng Tàu'], ['Đăk Lăk', 'Đắk Lắk'],
  ])('%s = %s', (a, b) => {
    const pa = lookupPlace(a);
    expect(pa).toBeDefined();
    expect(pa).toEqual(lookupPlace(b));
  });

  it('displays one tone style', () => {
    expect(lookupPlace('Thanh Hoá')?.name).toBe('tỉnh Thanh Hóa');
    expect(lookupPlace('tỉnh Hoà Bình')?.name).toBe('tỉnh Hòa Bình');
  });

  it.each([
    ['TP.HCM', '79'], ['TP HCM', '79'], ['Tp.Hồ Chí Minh', '79'], ['TPHCM', '79'], ['thành phố Hồ Chí Minh', '79'],
    ['Thừa Thiên Huế', '46'], ['tỉnh Thừa Thiên Huế', '46'], ['Bắc Cạn', '06'],
  ])('alias %s', (text, code) => {
    expect(lookupPlace(text)?.code).toBe(code);
  });
});

describe('same-name units', () => {
  it('tells tỉnh from thành phố Thái Nguyên by the level word', () => {
    expect(lookupPlace('tỉnh Thái Nguyên')).toMatchObject({ level: 'province', code: '19' });
    expect(lookupPlace('thành phố Thái Nguyên')).toMatchObject({ level: 'district', code: '164', parent: 'tỉnh Thái Nguyên' });
    expect(lookupPlace('TP Thái Nguyên')?.code).toBe('164');
  });

  it('reads a bare name as the province unless the article is about the same-name city', () => {
    expect(lookupPlace('Thái Nguyên')?.code).toBe('19');
    expect(lookupPlace('Thái Nguyên', { context: 'tỉnh Bắc Kạn' })?.code).toBe('19');
    expect(lookupPlace('Thái Nguyên', { context: 'thành phố Thái Nguyên' })?.code).toBe('164');
  });

  it.each([
    ['huyện Quảng Ninh', 'district'], ['tỉnh Quảng Ninh', 'province'], ['Quảng Ninh', 'province'],
    ['huyện Điện Biên', 'district'], ['Điện Biên', 'province'], ['thành phố Hà Tĩnh', 'district'], ['tỉnh Hà Tĩnh', 'province'],
    ['huyện Hòa Bình', 'district'], ['Hòa Bình', 'province'],
  ])('%s is a %s', (text, level) => {
    expect(lookupPlace(text)?.level).toBe(level);
  });

  it('reads thành phố Huế by date: the provincial city before 2025, the centrally-run city after', () => {
    expect(lookupPlace('thành phố Huế', { publishedAt: '2023-05-01' })).toMatchObject({
      level: 'district', code: '474', parent: 'tỉnh Thừa Thiên Huế', currentProvince: 'thành phố Huế',
    });
    expect(lookupPlace('thành phố Huế', { publishedAt: '2025-03-01' })).toMatchObject({ level: 'province', code: '46' });
    expect(lookupPlace('thành phố Huế')).toMatchObject({ level: 'province', code: '46' });
  });

  it('needs a parent or context for names shared by many districts', () => {
    expect(lookupPlace('huyện Châu Thành')).toBeUndefined();
    expect(placeCandidates('huyện Châu Thành').length).toBeGreaterThan(5);
    expect(lookupPlace('huyện Châu Thành (Long An)')).toMatchObject({ code: '808', parent: 'tỉnh Long An' });
    expect(lookupPlace('huyện Châu Thành, tỉnh Tiền Giang')?.parent).toBe('tỉnh Tiền Giang');
    expect(lookupPlace('huyện Châu Thành', { context: 'tỉnh Bến Tre' })?.parent).toBe('tỉnh Bến Tre');
    expect(lookupPlace('huyện Châu Thành', { context: 'huyện Chợ Lách (Bến Tre)' })?.parent).toBe('tỉnh Bến Tre');
  });

  it('resolves communes with a parent chain or the article place', () => {
    expect(lookupPlace('xã Cư Suê, huyện Cư M’gar, tỉnh Đắk Lắk')).toMatchObject({ level: 'commune', parent: "huyện Cư M'gar" });
    expect(lookupPlace('Xã Nam Thanh (Nam Trực)')).toMatchObject({ parent: 'huyện Nam Trực', province: 'tỉnh Nam Định', currentProvince: 'tỉnh Ninh Bình' });
    expect(lookupPlace('phường 5')).toBeUndefined();
    expect(lookupPlace('phường 5', { context: 'thành phố Vũng Tàu' })?.parent).toBe('thành phố Vũng Tàu');
  });

  it('uses the new list after the merger', () => {
    expect(lookupPlace('phường Ba Đình', { publishedAt: AFTER_MERGER })).toMatchObject({
      code: '00004', era: 'new', level: 'commune', parent: 'thành phố Hà Nội', currentProvince: 'thành phố Hà Nội',
    });
    expect(lookupPlace('đặc khu Phú Quốc', { publishedAt: AFTER_MERGER })).toMatchObject({ level: 'commune', parent: 'tỉnh An Giang' });
  });

  it('knows Đồng Nai became a city on 30 April 2026', () => {
    expect(lookupPlace('tỉnh Đồng Nai', { publishedAt: '2025-10-01' })?.name).toBe('tỉnh Đồng Nai');
    expect(lookupPlace('thành phố Đồng Nai', { publishedAt: '2026-06-01' })).toMatchObject({ name: 'thành phố Đồng Nai', era: 'new', code: '75' });
  });
});

describe('level words and references', () => {
  it.each([
    ['huyện Bạch Thông (Bắc Kạn)', 'huyện', 'Bạch Thông', 'Bắc Kạn'],
    ['TP.HCM', 'thành phố', 'HCM', undefined],
    ['Thị xã Phú Thọ', 'thị xã', 'Phú Thọ', undefined],
    ['xã Cư Suê, huyện Cư M’gar', 'xã', 'Cư Suê', 'huyện Cư M’gar'],
    ['Hải Dương', undefined, 'Hải Dương', undefined],
  ])('parses %s', (text, word, name, parent) => {
    const parsed = parsePlace(text);
    expect(parsed.word?.canonical).toBe(word);
    expect(parsed.name).toBe(name);
    expect(parsed.parent).toBe(parent);
  });

  it('reads a bare level word against the article place', () => {
    expect(lookupPlace('tỉnh', { context: 'huyện Bạch Thông' })?.name).toBe('tỉnh Bắc Kạn');
    expect(lookupPlace('thành phố', { context: 'thành phố Thái Nguyên' })?.name).toBe('thành phố Thái Nguyên');
    expect(lookupPlace('huyện', { context: 'xã Đồng Liên' })).toBeUndefined();
    expect(lookupPlace('tỉnh')).toBeUndefined();
  });

  it('keeps villages and the country outside the gazetteer', () => {
    expect(lookupPlace('thôn Nà Pài (xã Đồng Liên)')).toMatchObject({ name: 'thôn Nà Pài', level: 'village', parent: 'xã Đồng Liên', currentProvince: 'tỉnh Thái Nguyên' });
    expect(lookupPlace('cả nước')).toEqual({ name: 'Việt Nam', level: 'national', code: 'VN' });
  });
});
