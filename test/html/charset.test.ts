// Pages encoded here, from the UTF-8 fixtures, into windows-1258 and UTF-16, with right and wrong declarations.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { cleanHtml, decodeHtml, sniffCharset, PageError } from '../../src/extract/html/index.js';
import { loadFixtures, norm, page, para } from './helpers.js';

const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/** Windows-1258 spells tones as combining marks after a precomposed base (ê, ơ, ă...): rewrite to that form. */
function cp1258Form(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const d = ch.normalize('NFD');
    if (d.length === 1) {
      out += ch;
      continue;
    }
    const marks = [...d.slice(1)];
    const tone = marks.filter((m) => TONES.has(m)).join('');
    const shape = marks.filter((m) => !TONES.has(m)).join('');
    out += (d[0] + shape).normalize('NFC') + tone;
  }
  return out;
}

function encode1258(html: string): Uint8Array {
  return iconv.encode(cp1258Form(html), 'windows-1258');
}

const fixture = loadFixtures().find((f) => f.name.startsWith('010'))!;
const e = fixture.expected;
const reference = cleanHtml(fixture.html, e.url);
const asDeclared = (label: string) => fixture.html.replace(/charset=["']?UTF-8["']?/gi, `charset="${label}"`);

function expectSameArticle(html: string) {
  const r = cleanHtml(html, e.url);
  expect(norm(r.title)).toBe(norm(e.title));
  expect(r.lead).toBe(e.lead);
  for (const s of e.must_contain) expect(norm(r.text)).toContain(norm(s));
  expect(r.text).toBe(reference.text);
}

describe('decodeHtml: declared charsets', () => {
  it('round-trips the encoder helper', () => {
    const s = 'Thực hiện đồng bộ các giải pháp giảm nghèo, hoà nhập, thuỷ lợi';
    expect(iconv.decode(Buffer.from(encode1258(s)), 'windows-1258').normalize('NFC')).toBe(s);
  });

  it('windows-1258 from the Content-Type header', () => {
    const bytes = encode1258(asDeclared('windows-1258'));
    expect(sniffCharset(bytes, 'text/html; charset=windows-1258')).toMatchObject({ charset: 'windows-1258', source: 'header' });
    expectSameArticle(decodeHtml(bytes, 'text/html; charset=windows-1258'));
  });

  it('windows-1258 from <meta charset> and <meta http-equiv>', () => {
    const bytes = encode1258(asDeclared('windows-1258'));
    expect(sniffCharset(bytes)).toMatchObject({ charset: 'windows-1258', source: 'meta' });
    expectSameArticle(decodeHtml(bytes));
    const small = encode1258(page(`<h1>Giảm nghèo bền vững</h1><p>${para(300)}</p>`).replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'));
    expect(sniffCharset(small).charset).toBe('windows-1258');
    expect(decodeHtml(small)).toContain('Giảm nghèo bền vững');
  });

  it('UTF-16 with a BOM, both byte orders', () => {
    for (const enc of ['utf16le', 'utf16be'] as const) {
      const bom = enc === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff];
      const body = iconv.encode(fixture.html, enc);
      const bytes = new Uint8Array([...bom, ...body]);
      expect(sniffCharset(bytes).source).toBe('bom');
      const text = decodeHtml(bytes);
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expectSameArticle(text);
    }
  });

  it('UTF-16LE without a BOM, found by its zero bytes', () => {
    const bytes = iconv.encode(fixture.html, 'utf16le');
    expect(sniffCharset(bytes).charset).toBe('utf-16le');
    expectSameArticle(decodeHtml(bytes));
  });

  it('UTF-8 with a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(fixture.html)]);
    const text = decodeHtml(bytes);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expectSameArticle(text);
  });
});

describe('decodeHtml: wrong declarations fall back to detection', () => {
  it('windows-1258 bytes declared as UTF-8 (invalid UTF-8)', () => {
    const bytes = encode1258(fixture.html); // the page still says UTF-8
    const g = sniffCharset(bytes, 'text/html; charset=utf-8');
    expect(g).toMatchObject({ charset: 'windows-1258', source: 'detected', overruled: 'utf-8' });
    expectSameArticle(decodeHtml(bytes, 'text/html; charset=utf-8'));
  });

  it('windows-1258 bytes declared as ISO-8859-1', () => {
    const bytes = encode1258(asDeclared('iso-8859-1'));
    expect(sniffCharset(bytes).charset).toBe('windows-1258');
    expectSameArticle(decodeHtml(bytes));
  });

  it('UTF-8 bytes declared as windows-1258', () => {
    const bytes = Buffer.from(asDeclared('windows-1258'));
    expect(sniffCharset(bytes)).toMatchObject({ charset: 'utf-8', overruled: 'windows-1258' });
    expectSameArticle(decodeHtml(bytes));
  });

  it('UTF-8 bytes declared as UTF-16 (no zero bytes): read as UTF-8', () => {
    const bytes = Buffer.from(asDeclared('utf-16'));
    expect(sniffCharset(bytes).charset).toBe('utf-8');
    expectSameArticle(decodeHtml(bytes));
  });

  it('an unknown label is ignored', () => {
    const bytes = Buffer.from(asDeclared('x-no-such-charset'));
    expectSameArticle(decodeHtml(bytes));
  });

  it('a few invalid bytes in a UTF-8 page: lossy UTF-8, the article intact', () => {
    const buf = Buffer.from(fixture.html);
    const bytes = new Uint8Array(buf.length + 6);
    const cut = fixture.html.indexOf('</head>');
    const at = Buffer.byteLength(fixture.html.slice(0, cut));
    bytes.set(buf.subarray(0, at));
    bytes.set([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1], at);
    bytes.set(buf.subarray(at), at + 6);
    expect(sniffCharset(bytes).charset).toBe('utf-8');
    expectSameArticle(decodeHtml(bytes));
  });

  it('no declaration at all', () => {
    const html = page(`<h1>Hải Dương: giảm tỷ lệ hộ nghèo</h1><p>${para(300)}</p>`).replace('<meta charset="utf-8">', '');
    expect(decodeHtml(Buffer.from(html))).toBe(html);
    expect(decodeHtml(encode1258(html))).toBe(html);
    expect(decodeHtml(Buffer.from('<p>plain ascii</p>'))).toBe('<p>plain ascii</p>');
  });

  it('rejects what is not bytes', () => {
    expect(() => decodeHtml('text' as unknown as Uint8Array)).toThrow(PageError);
    try {
      decodeHtml(null as unknown as Uint8Array);
    } catch (err) {
      expect((err as PageError).code).toBe('E_PAGE_BAD_INPUT');
    }
  });
});
