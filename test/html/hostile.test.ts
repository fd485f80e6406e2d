// Hostile input: each case returns a result or throws a PageError, fast, without a stack overflow.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanHtml, decodeHtml, PageError, MAX_DEPTH, MAX_HTML_CHARS } from '../../src/extract/html/index.js';
import { loadFixtures, norm, page, para } from './helpers.js';

const fixture = loadFixtures().find((f) => f.name.startsWith('010'))!;

function timed<T>(fn: () => T, ms = 5000): T {
  const t0 = performance.now();
  const r = fn();
  expect(performance.now() - t0).toBeLessThan(ms);
  return r;
}

function expectPageError(fn: () => unknown, code: string) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(PageError);
    expect(err).toBeInstanceOf(Error);
    expect((err as PageError).code).toBe(code);
    expect((err as PageError).action).toBe('skip');
    return;
  }
  throw new Error(`expected PageError ${code}`);
}

describe('hostile pages', () => {
  it('a 50 MB page: the article survives, the rest is cut', () => {
    const filler = '<div class="box"><a href="/x">Tin khác</a> ' + 'lorem ipsum '.repeat(20) + '</div>\n';
    const big = fixture.html.replace('</body>', filler.repeat(Math.ceil((50 << 20) / filler.length)) + '</body>');
    expect(big.length).toBeGreaterThan(50 << 20);
    const r = timed(() => cleanHtml(big, fixture.expected.url));
    expect(norm(r.title)).toBe(norm(fixture.expected.title));
    expect(norm(r.text)).toContain(norm(fixture.expected.must_contain[0]));
    expect(r.warnings?.join(' ')).toMatch(/cut/);
  });

  it('a 50 MB script and a 20 MB paragraph', () => {
    const r1 = timed(() => cleanHtml(fixture.html.replace('<body>', `<body><script>var x = "${'a'.repeat(50 << 20)}";</script>`), fixture.expected.url));
    expect(norm(r1.text)).toContain(norm(fixture.expected.must_contain[1]));
    const r2 = timed(() => cleanHtml(page(`<h1>Tiêu đề bài viết về giảm nghèo</h1><p>${'Giảm nghèo bền vững. '.repeat(1 << 20)}</p>`)));
    expect(r2.text.length).toBeGreaterThan(1000);
    expect(r2.text.length).toBeLessThanOrEqual(MAX_HTML_CHARS);
  });

  const n = 100_000;
  it.each([
    ['<div>', '</div>'],
    ['<div><span>', '</span></div>'],
    ['<blockquote>', '</blockquote>'],
    ['<table><tr><td>', '</td></tr></table>'],
    ['<ul><li>', '</li></ul>'],
  ])('100 000 nested %s', (open, close) => {
    const html = page(open.repeat(n) + `<p>${para(400)}</p>` + close.repeat(n));
    const r = timed(() => cleanHtml(html));
    expect(r.text).toContain('công vững');
    expect(r.warnings?.join(' ')).toMatch(/flattened|dropped/);
    expect(MAX_DEPTH).toBeLessThan(1000);
  });

  it('100 000 elements never closed, or closed by the wrong tags', () => {
    expect(timed(() => cleanHtml(page('<div>'.repeat(n) + para(200)))).text).toContain('công vững');
    expect(timed(() => cleanHtml(page('<span><b>'.repeat(n / 2) + para(200) + '</i>'.repeat(n)))).text).toContain('công vững');
  });

  it('a page of nothing but scripts', () => {
    const scripts = '<script>document.write("<p>not text</p>");</script>'.repeat(20_000);
    const r = timed(() => cleanHtml(`<html><head>${scripts}</head><body>${scripts}</body></html>`));
    expect(r.text).toBe('');
    expect(r.paragraphs).toEqual([]);
    expect(r.title).toBeUndefined();
  });

  it('invalid UTF-8 bytes', () => {
    const bytes = new Uint8Array(200_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = 0x80 + ((i * 37) % 0x7f);
    const text = timed(() => decodeHtml(bytes, 'text/html; charset=utf-8'));
    expect(typeof text).toBe('string');
    // Read as a page it has no markup: plain text, not a crash.
    const r = timed(() => cleanHtml(text));
    expect(r.method).toBe('text');
    // Broken bytes inside a real page.
    const buf = Buffer.from(fixture.html);
    for (let i = 5000; i < buf.length; i += 997) buf[i] = 0xff;
    const r2 = timed(() => cleanHtml(decodeHtml(buf), fixture.expected.url));
    expect(norm(r2.title)).toBe(norm(fixture.expected.title));
  });

  it('input that is not HTML', () => {
    expectPageError(() => cleanHtml('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj'), 'E_PAGE_NOT_HTML');
    expectPageError(() => cleanHtml('\x89PNG\r\n\x1a\n\0\0\0\rIHDR'), 'E_PAGE_NOT_HTML');
    expectPageError(() => cleanHtml(String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 131) % 256))), 'E_PAGE_NOT_HTML');
    expectPageError(() => cleanHtml('{"title": "Giảm nghèo", "items": [1, 2, 3]}'), 'E_PAGE_NOT_HTML');
    expectPageError(() => cleanHtml(undefined as unknown as string), 'E_PAGE_BAD_INPUT');
    expectPageError(() => cleanHtml(Buffer.from('<p>x</p>') as unknown as string), 'E_PAGE_BAD_INPUT');
    // Plain text is read as a text article.
    const r = cleanHtml('Năm 2023, huyện Bạch Thông có 416 hộ nghèo vay vốn.\n\nQuỳnh Nga');
    expect(r.method).toBe('text');
    expect(r.text).toBe('Năm 2023, huyện Bạch Thông có 416 hộ nghèo vay vốn.');
    expect(r.author).toBe('Quỳnh Nga');
    expect(cleanHtml('').text).toBe('');
  });

  const body = `<p>${para(300)}</p>`;
  it.each([
    ['an unclosed comment', () => page(body + '<!-- never closed ' + 'x'.repeat(1 << 20))],
    ['an unclosed script', () => page(body + '<script>never closed ' + 'x'.repeat(1 << 20))],
    ['an unclosed quote', () => page(`<div class="unclosed>` + body)],
    ['a million `<`', () => page(body + '<'.repeat(1 << 20))],
    ['100 000 unclosed attributes', () => page(body + '<a href="'.repeat(100_000))],
    ['200 000 attributes', () => page(body + `<div ${'a=1 '.repeat(200_000)}>x</div>`)],
    ['500 000 entities', () => page(body + '&amp;'.repeat(500_000))],
    ['200 000 date-like fragments', () => page(body + '1/1/'.repeat(200_000))],
    ['200 000 empty paragraphs', () => page(body + '<p>'.repeat(200_000))],
    ['300 000 line breaks', () => page(body + '<br>'.repeat(300_000))],
    ['a 100 000-row table', () => page(`<table>${'<tr><td>1</td><td>2</td></tr>'.repeat(100_000)}</table>` + body)],
  ])('broken markup: %s', (_name, make) => {
    const r = timed(() => cleanHtml(make()));
    expect(typeof r.text).toBe('string');
    expect(r.text).toContain('công vững');
  });

  it('random markup never crashes', () => {
    const piece = fc.constantFrom('<div>', '</div>', '<p>', '</p>', '<br>', '<table><tr><td>', '</td>', '<a href="x">', '</a>', '<script>', '</script>', '<!--', '-->', '&amp;', '&#7879;', '"', "'", '<', '>', ' ', '\n', 'Giảm nghèo ', '1.000 hộ, ', '07/03/2026 08:01', 'Hồng Phượng', '\u00ad', '\u0301');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 300 }), (parts) => {
        const html = '<html><body>' + parts.join('') + '</body></html>';
        const r = cleanHtml(html);
        expect(r.text).toBe(r.text.normalize('NFC'));
        expect(r.text).toBe(r.paragraphs.join('\n\n'));
      }),
      { numRuns: 300 },
    );
  });
});
