// Cascade step 2 on its own: what a page says about itself.
import { describe, expect, it } from 'vitest';
import { parseHtml, readMetadata, cleanHtml } from '../../src/extract/html/index.js';
import { page, para } from './helpers.js';

const md = (html: string, url?: string) => readMetadata(parseHtml(html).doc, url);

describe('readMetadata', () => {
  it('JSON-LD NewsArticle, with @graph, arrays of authors and double-escaped entities', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', name: 'Báo Mẫu' },
        {
          '@type': ['NewsArticle'],
          headline: 'Chi&amp;#7871;n s&amp;#7921; đ&#7849;y giá',
          description: 'Tóm tắt',
          datePublished: '2026-03-07T08:01:00+07:00',
          dateModified: '2026-03-07T01:05:00Z',
          author: [{ '@type': 'Person', name: 'NH&#7852;T XUÂN' }, { '@type': 'Person', name: 'NGHI VŨ' }, { '@type': 'Organization', name: 'Báo Mẫu' }],
          articleSection: 'Kinh doanh',
          keywords: 'giá hoa, 8-3',
          mainEntityOfPage: { '@id': 'https://bao.example.vn/a-1.htm' },
          publisher: { '@type': 'Organization', name: 'Báo Mẫu' },
        },
        { '@type': 'BreadcrumbList', itemListElement: [{ position: 2, item: { name: 'Kinh doanh' } }, { position: 1, item: { name: 'Trang chủ' } }] },
      ],
    };
    const m = md(page('', `<script type="application/ld+json">${JSON.stringify(ld)}</script>`));
    expect(m.headline).toBe('Chiến sự đẩy giá');
    expect(m.publishedAt).toBe('2026-03-07T08:01:00+07:00');
    expect(m.modifiedAt).toBe('2026-03-07T08:05:00+07:00');
    expect(m.authors).toEqual(['NHẬT XUÂN', 'NGHI VŨ']);
    expect(m.section).toBe('Kinh doanh');
    expect(m.tags).toEqual(['giá hoa', '8-3']);
    expect(m.breadcrumbs).toEqual(['Trang chủ', 'Kinh doanh']);
    expect(m.canonicalUrl).toBe('https://bao.example.vn/a-1.htm');
    expect(m.publisher).toBe('Báo Mẫu');
  });

  it('forgives broken JSON-LD (raw newlines, trailing commas)', () => {
    const m = md(page('', '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Dòng\nhai","datePublished":"2024-01-02T03:04:05+07:00",}</script>'));
    expect(m.headline).toBe('Dòng hai');
    expect(m.publishedAt).toBe('2024-01-02T03:04:05+07:00');
  });

  it('OpenGraph and article:* meta, <link rel=canonical>, lang', () => {
    const head = [
      '<meta property="og:title" content="Tiêu đề OG">',
      '<meta property="og:site_name" content="Báo Mẫu">',
      '<meta property="og:description" content="Mô tả &amp; tóm tắt">',
      '<meta property="article:published_time" content="2026-03-07T00:01:00">',
      '<meta property="article:section" content="Thời sự">',
      '<meta property="article:tag" content="a">',
      '<meta property="article:tag" content="b, c">',
      '<meta name="author" content="Lê Văn A">',
      '<link rel="canonical" href="/bai-viet-1.htm">',
    ].join('');
    const m = md(page('', head).replace('lang="vi"', 'lang="vi-VN"'), 'https://bao.example.vn/x?utm=1');
    expect(m.ogTitle).toBe('Tiêu đề OG');
    expect(m.siteName).toBe('Báo Mẫu');
    expect(m.description).toBe('Mô tả & tóm tắt');
    expect(m.publishedAt).toBe('2026-03-07T00:01:00+07:00');
    expect(m.section).toBe('Thời sự');
    expect(m.tags).toEqual(['a', 'b', 'c']);
    expect(m.authors).toEqual(['Lê Văn A']);
    expect(m.canonicalUrl).toBe('https://bao.example.vn/bai-viet-1.htm');
    expect(m.language).toBe('vi');
  });

  it('<time datetime> and itemprop when the head has no date', () => {
    expect(md(page('<time datetime="2025-05-01T10:00:00+07:00">1/5</time>')).publishedAt).toBe('2025-05-01T10:00:00+07:00');
    expect(md(page('<span itemprop="datePublished" content="2025-05-02">2/5</span>')).publishedAt).toBe('2025-05-02');
    expect(md(page('<div itemprop="author"><span itemprop="name">Trần B</span></div>')).authors).toEqual(['Trần B']);
  });

  it('is empty, not broken, on a page without metadata', () => {
    const m = md('<p>x</p>');
    expect(m.authors).toEqual([]);
    expect(m.tags).toEqual([]);
    expect(m.publishedAt).toBeUndefined();
  });
});

describe('metadata in cleanHtml', () => {
  it('stripSiteSuffix keeps title parts that are not the site', async () => {
    const { stripSiteSuffix } = await import('../../src/extract/html/index.js');
    expect(stripSiteSuffix('Giá vàng tăng - Báo VnExpress Kinh doanh', 'vnexpress.net', 'vnexpress.net')).toBe('Giá vàng tăng');
    expect(stripSiteSuffix('Chính sách mới | baochinhphu.vn')).toBe('Chính sách mới');
    expect(stripSiteSuffix('Giá vàng hôm nay - Cảnh báo mới của ngân hàng')).toBe('Giá vàng hôm nay - Cảnh báo mới của ngân hàng');
    expect(stripSiteSuffix('Cao tốc Tuyên Quang - Phú Thọ: Điều chỉnh đầu tư', 'Dân trí', 'dantri.com.vn')).toBe('Cao tốc Tuyên Quang - Phú Thọ: Điều chỉnh đầu tư');
    expect(stripSiteSuffix('Tin mới - Tuổi Trẻ Online')).toBe('Tin mới');
  });

  it('organisation authors are not bylines; the title loses the site suffix', () => {
    const head = '<title>Giá xăng giảm mạnh - Báo Mẫu Online</title><meta name="author" content="Báo Mẫu"><meta property="og:site_name" content="Báo Mẫu">';
    const r = cleanHtml(page(`<article><p>${para(600)}</p></article>`, head), 'https://baomau.vn/gia-xang.html');
    expect(r.title).toBe('Giá xăng giảm mạnh');
    expect(r.author).toBeUndefined();
    expect(r.siteName).toBe('Báo Mẫu');
  });
});
