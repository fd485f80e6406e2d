// Cascade step 1 on its own: site profiles (sites/*.json).
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanHtml, findProfile, PROFILES } from '../../src/extract/html/index.js';
import { compileSelector } from '../../src/extract/html/select.js';
import { page, para } from './helpers.js';

const SITES = fileURLToPath(new URL('../../src/extract/html/sites/', import.meta.url));

describe('site profiles', () => {
  it('every JSON file is loaded, well formed, and its selectors run on the fast path', () => {
    const files = readdirSync(SITES).filter((f) => f.endsWith('.json'));
    expect(PROFILES.length).toBe(files.length);
    for (const p of PROFILES) {
      expect(p.name).toMatch(/^[a-z0-9-]+$/);
      expect(p.hosts.length).toBeGreaterThan(0);
      expect(p.body.length).toBeGreaterThan(0);
      for (const key of ['body', 'title', 'lead', 'date', 'author', 'section', 'tags', 'remove'] as const) {
        for (const s of p[key] ?? []) expect(compileSelector(s), `${p.name}.${key}: ${s}`).not.toBeNull();
      }
    }
    for (const name of ['vnexpress', 'tuoitre', 'baochinhphu', 'cafef', 'dantri', 'laodongxahoi', 'baodantoc']) expect(PROFILES.some((p) => p.name === name)).toBe(true);
  });

  it('findProfile matches hosts, www., m. and subdomains', () => {
    expect(findProfile('https://vnexpress.net/a-1.html')?.name).toBe('vnexpress');
    expect(findProfile('https://www.tuoitre.vn/a.htm')?.name).toBe('tuoitre');
    expect(findProfile('https://m.dantri.com.vn/a.htm')?.name).toBe('dantri');
    expect(findProfile('https://kinhdoanh.vnexpress.net/a.html')?.name).toBe('vnexpress');
    expect(findProfile('http://laodongxahoi.net/a.html')?.name).toBe('laodongxahoi');
    expect(findProfile('https://baodantoc.vn/a.htm')?.name).toBe('baodantoc');
    expect(findProfile('https://notvnexpress.net/a.html')).toBeUndefined();
    expect(findProfile('https://example.com/')).toBeUndefined();
    expect(findProfile('not a url')).toBeUndefined();
    expect(findProfile(undefined)).toBeUndefined();
  });

  it('a profile alone (no metadata) gives title, lead, date, author, section and body', () => {
    const html = page(
      '<div class="header-content"><ul class="breadcrumb"><li><a>Kinh doanh</a></li><li><a>Quốc tế</a></li></ul><span class="date">Thứ bảy, 7/3/2026, 00:05 (GMT+7)</span></div>' +
        '<h1 class="title-detail">Cách các nước đối phó cú sốc năng lượng</h1><p class="description">Tóm tắt bài viết về năng lượng.</p>' +
        `<article class="fck_detail"><p class="Normal">${para(400)}</p><p class="Normal">${para(300, 3)}</p><p class="Normal" style="text-align:right;"><strong>Hà Thu</strong> <em>(tổng hợp)</em></p></article>` +
        '<div class="box-category"><a href="/x">Tin khác rất dài về kinh doanh quốc tế</a></div>',
    );
    const r = cleanHtml(html, 'https://vnexpress.net/cach-cac-nuoc-5047363.html');
    expect(r.method).toBe('profile:vnexpress');
    expect(r.title).toBe('Cách các nước đối phó cú sốc năng lượng');
    expect(r.lead).toBe('Tóm tắt bài viết về năng lượng.');
    expect(r.publishedAt).toBe('2026-03-07T00:05:00+07:00');
    expect(r.author).toBe('Hà Thu');
    expect(r.section).toBe('Quốc tế');
    expect(r.siteName).toBe('VnExpress');
    expect(r.paragraphs.length).toBe(3);
    expect(r.text).not.toContain('Hà Thu');
    expect(r.text).not.toContain('Tin khác');
  });

  it('the guessed seed-outlet profiles read a typical page of theirs', () => {
    const body =
      '<ul class="breadcrumb"><li><a>Trang chủ</a></li><li><a>Xã hội</a></li><li><a>An sinh xã hội</a></li></ul>' +
      '<h1 class="article-title">Thành phố Thái Nguyên: Quan tâm thực hiện công tác giảm nghèo</h1>' +
      '<div class="article-date">03:38 PM 13/12/2023</div>' +
      `<div class="article-content"><p>(LĐXH)- ${para(300)}</p><p>${para(400, 2)}</p><p>Hồng Phượng</p></div>` +
      '<div class="article-tags">TAG: <a>giảm nghèo</a></div><div class="other-news"><h3>Tin khác</h3><a>Quảng Nam: Năm 2024, tỷ lệ giải ngân</a></div>';
    for (const url of ['https://laodongxahoi.net/thanh-pho-thai-nguyen-1.html', 'https://baodantoc.vn/thanh-pho-thai-nguyen-1.htm']) {
      const r = cleanHtml(page(body), url);
      expect(r.method).toMatch(/^profile:/);
      expect(r.title).toBe('Thành phố Thái Nguyên: Quan tâm thực hiện công tác giảm nghèo');
      expect(r.publishedAt).toBe('2023-12-13T15:38:00+07:00');
      expect(r.section).toBe('An sinh xã hội');
      expect(r.author).toBe('Hồng Phượng');
      expect(r.text.startsWith('(LĐXH)- ')).toBe(true);
      expect(r.text).not.toContain('Tin khác');
      expect(r.text).not.toContain('Quảng Nam');
    }
  });

  it('falls back to the generic steps when the profile body selector finds nothing', () => {
    const r = cleanHtml(page(`<h1>Tiêu đề khác mẫu hoàn toàn mới</h1><div class="story"><p>${para(500)}</p><p>${para(400, 1)}</p></div>`), 'https://vnexpress.net/x-1.html');
    expect(r.method).not.toMatch(/^profile:/);
    expect(r.paragraphs.length).toBe(2);
  });
});
