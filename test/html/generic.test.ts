// Cascade step 3 on its own: pages of sites without a profile (small pages written here).
import { describe, expect, it } from 'vitest';
import { cleanHtml, findByDensity, findBySelectors, parseHtml } from '../../src/extract/html/index.js';
import { Selector } from '../../src/extract/html/select.js';
import { textOf } from '../../src/extract/html/dom.js';
import { page, para } from './helpers.js';

const NAV = '<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li><li><a href="/kinh-te">Kinh tế</a></li></ul></nav>';
const RELATED = `<div class="box-related"><h3>Tin liên quan</h3><ul>${[1, 2, 3, 4].map((i) => `<li><a href="/t${i}">Bài khác số ${i} về giá xăng dầu tăng mạnh</a><p class="sapo">Tóm tắt bài khác ${i}: ${para(120, i)}</p></li>`).join('')}</ul></div>`;
const COMMENTS = `<div id="comments"><p>Bình luận: ${para(200, 3)}</p></div>`;
const FOOTER = '<footer><p>© 2026 Báo Mẫu. Tổng biên tập: Nguyễn Văn A. Giấy phép số 123/GP-BTTTT.</p></footer>';
const ARTICLE = [
  '<h1 class="post-title">Huyện Bạch Thông giảm 416 hộ nghèo trong năm 2023</h1>',
  '<div class="meta"><span class="post-date">Thứ bảy, 7/3/2026, 08:00 (GMT+7)</span> <span class="byline">Quỳnh Nga</span></div>',
  '<p class="summary">(Báo Mẫu) - Năm 2023, huyện Bạch Thông đã giảm 416 hộ nghèo, vượt kế hoạch đề ra cho năm.</p>',
  `<p>Đoạn một: ${para(300, 1)}</p>`,
  '<h2>Kết quả nổi bật</h2>',
  `<p>Đoạn hai: ${para(300, 2)}</p>`,
  '<figure><img src="/anh/1.jpg"><figcaption>anh man hinh 2024 01 03 luc 212933.png</figcaption></figure>',
  `<p>Đoạn ba: ${para(300, 4)}</p>`,
  '<ul><li>Mục một có 10 hộ</li><li>Mục hai có 20 hộ</li></ul>',
  '<table><tr><th>Xã</th><th>Hộ nghèo</th></tr><tr><td>Cẩm Giàng</td><td>12</td></tr><tr><td>Đôn Phong</td><td>7</td></tr></table>',
  `<p>Đoạn bốn: ${para(300, 5)}</p>`,
].join('');

describe('generic extraction (no profile, no metadata)', () => {
  const html = page(NAV + `<div class="wrapper"><div class="main-col"><div class="noi-dung-bai">${ARTICLE}</div>${RELATED}${COMMENTS}</div><aside>${RELATED}</aside></div>` + FOOTER);
  const r = cleanHtml(html, 'https://unknown.example.vn/tin/bach-thong.html', { profiles: [] });

  it('finds title, date, byline and lead from the page alone', () => {
    expect(r.title).toBe('Huyện Bạch Thông giảm 416 hộ nghèo trong năm 2023');
    expect(r.publishedAt).toBe('2026-03-07T08:00:00+07:00');
    expect(r.author).toBe('Quỳnh Nga');
    expect(r.lead).toBe('(Báo Mẫu) - Năm 2023, huyện Bạch Thông đã giảm 416 hộ nghèo, vượt kế hoạch đề ra cho năm.');
  });

  it('keeps the body with headings, list items and table rows as paragraphs', () => {
    expect(r.paragraphs[0]).toBe(r.lead);
    for (const s of ['Đoạn một:', 'Kết quả nổi bật', 'Đoạn hai:', 'Đoạn ba:', 'Đoạn bốn:']) expect(r.text).toContain(s);
    expect(r.paragraphs).toContain('Kết quả nổi bật');
    expect(r.paragraphs).toContain('Mục một có 10 hộ');
    expect(r.paragraphs).toContain('Mục hai có 20 hộ');
    expect(r.paragraphs).toContain('Xã\tHộ nghèo');
    expect(r.paragraphs).toContain('Cẩm Giàng\t12');
    expect(r.text).toBe(r.paragraphs.join('\n\n'));
  });

  it('drops menus, related lists, comments, footer, captions and file names', () => {
    for (const s of ['Trang chủ', 'Bài khác số', 'Tóm tắt bài khác', 'Bình luận', 'Tổng biên tập', 'anh man hinh', 'Tin liên quan']) expect(r.text).not.toContain(s);
    expect(r.images).toEqual([{ src: 'https://unknown.example.vn/anh/1.jpg' }]);
  });

  it('findBySelectors and findByDensity each find the container on their own', () => {
    const { doc } = parseHtml(page(NAV + `<div class="article-content">${ARTICLE}</div>` + RELATED));
    const bySel = findBySelectors(doc, new Selector(doc));
    expect(bySel?.attribs.class).toBe('article-content');
    const { doc: doc2 } = parseHtml(page(NAV + `<div class="x1"><div class="x2">${ARTICLE}</div></div>` + RELATED));
    const dens = findByDensity(doc2);
    expect(dens).toBeDefined();
    const text = dens!.nodes.map((n) => textOf(n)).join(' ');
    expect(text).toContain('Đoạn một');
    expect(text).toContain('Đoạn bốn');
  });
});

describe('text hygiene', () => {
  const one = (body: string) => cleanHtml(page(`<article>${body}<p>${para(400)}</p></article>`), undefined, { profiles: [] });

  it('decodes entities, composes NFC, keeps tone marks as published', () => {
    const r = one('<p>Ho&agrave; b&igrave;nh &amp; thuy\u0309 l\u01a1\u0323i: 1.000&nbsp;đồng, hoà và hòa, thuỷ và thủy.</p>');
    expect(r.paragraphs[0]).toBe('Hoà bình & thuỷ lợi: 1.000 đồng, hoà và hòa, thuỷ và thủy.');
  });

  it('joins soft-hyphenated words, treats one <br> as a space and two as a break', () => {
    const r = one('<p>giảm&shy;nghèo bền\u00advững</p><p>dòng một<br>dòng hai<br/><br>đoạn mới</p>');
    expect(r.paragraphs[0]).toBe('giảmnghèo bềnvững');
    expect(r.paragraphs[1]).toBe('dòng một dòng hai');
    expect(r.paragraphs[2]).toBe('đoạn mới');
  });

  it('removes invisible marks before composing (a soft hyphen between a letter and its tone)', () => {
    const r = one('<p>Hồng Phượng\u00ad\u0301 và tie\u0302\u200b\u0301n</p>');
    expect(r.paragraphs[0]).toBe('Hồng Phượnǵ và tiến');
    expect(r.paragraphs[0]).toBe(r.paragraphs[0].normalize('NFC'));
  });

  it('collapses whitespace and keeps inline words apart', () => {
    const r = one('<p>  Chứng   khoán <b>MB</b>\n\n  (MBS) <i>nhận</i> định  </p>');
    expect(r.paragraphs[0]).toBe('Chứng khoán MB (MBS) nhận định');
  });

  it('old-style pages: paragraphs separated by <br><br> in one div', () => {
    const r = cleanHtml(page(`<div id="content">${[1, 2, 3].map((i) => para(200, i)).join('<br><br>')}</div>`), undefined, { profiles: [] });
    expect(r.paragraphs.length).toBe(3);
  });

  it('drops teaser lines inside the body', () => {
    const r = one('<p>Xem thêm: <a href="/x">Giá vàng hôm nay</a></p><p>>> <a href="/y">Tin khác</a></p>');
    expect(r.text).not.toContain('Giá vàng hôm nay');
  });
});
