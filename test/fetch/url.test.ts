// URL keys, patterns, discovery filters and retry timing: the pure parts of the fetchers.
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config.js';
import { backoffMs, parseRetryAfter } from '../../src/fetch/retry.js';
import { applyFilters, sinceCutoff } from '../../src/fetch/sources/filter.js';
import { compilePattern, normalizeUrl, originOf, tryNormalizeUrl, urlFilter } from '../../src/fetch/url.js';

describe('normalizeUrl', () => {
  it.each([
    ['HTTP://VnExpress.NET:80/Kinh-Doanh/a.html', 'http://vnexpress.net/Kinh-Doanh/a.html'],
    ['https://tuoitre.vn:443/a.htm#comments', 'https://tuoitre.vn/a.htm'],
    ['https://x.vn/a?utm_source=fb&utm_medium=social&id=3', 'https://x.vn/a?id=3'],
    ['https://x.vn/a?fbclid=IwAR0&gclid=1&_ga=2&zarsrc=30', 'https://x.vn/a'],
    ['https://x.vn/a?b=2&a=1&a=0', 'https://x.vn/a?a=1&a=0&b=2'],
    ['https://x.vn/a/../b/./c.html', 'https://x.vn/b/c.html'],
    ['https://user:pw@x.vn/a', 'https://x.vn/a'],
    ['https://x.vn', 'https://x.vn/'],
  ])('%s -> %s', (input, key) => {
    expect(normalizeUrl(input)).toBe(key);
  });

  it('gives two spellings of one page one key, and keeps different pages apart', () => {
    expect(normalizeUrl('https://X.vn/p?id=1&utm_campaign=z#top')).toBe(normalizeUrl('https://x.vn:443/p?id=1'));
    expect(normalizeUrl('https://x.vn/p?id=1')).not.toBe(normalizeUrl('https://x.vn/p?id=2'));
    expect(normalizeUrl('https://x.vn/p/')).not.toBe(normalizeUrl('https://x.vn/p'));
    // Internationalised host names: one punycode key whatever the case.
    expect(normalizeUrl('https://ĐÀ-NẴNG.vn/tin')).toBe(normalizeUrl('https://đà-nẵng.vn/tin'));
    expect(normalizeUrl('https://đà-nẵng.vn/tin')).toMatch(/^https:\/\/xn--[a-z0-9-]+\.vn\/tin$/);
  });

  it('refuses what is not http(s)', () => {
    expect(() => normalizeUrl('ftp://x.vn/a')).toThrow(TypeError);
    expect(tryNormalizeUrl('javascript:void(0)')).toBeUndefined();
    expect(tryNormalizeUrl('/relative', 'https://x.vn/a/b')).toBe('https://x.vn/relative');
    expect(originOf('https://x.vn:8443/a?b')).toBe('https://x.vn:8443');
  });
});

describe('URL patterns and discovery filters', () => {
  it('matches globs anywhere and re: regular expressions', () => {
    expect(compilePattern('/kinh-doanh/').test('https://x.vn/kinh-doanh/a.html')).toBe(true);
    expect(compilePattern('/video/*.html').test('https://x.vn/video/2026/a.html')).toBe(true);
    expect(compilePattern('re:\\.pdf$').test('https://x.vn/a.pdf')).toBe(true);
    expect(compilePattern('re:\\.pdf$').test('https://x.vn/a.pdf.html')).toBe(false);
    const pass = urlFilter(['/xa-hoi/', '/kinh-te/'], ['*/video/*']);
    expect(['https://x.vn/xa-hoi/a', 'https://x.vn/kinh-te/video/b', 'https://x.vn/the-thao/c'].filter(pass)).toEqual(['https://x.vn/xa-hoi/a']);
  });

  it('rejects an invalid pattern in the config, naming the field', () => {
    expect(() => validateConfig({ sources: [{ kind: 'urls', urls: ['https://x.vn/'], exclude: ['re:(('] }], store: { path: 'a.db' } }))
      .toThrow(/sources\[0\]\.exclude\[0\]/);
    expect(() => validateConfig({ sources: [{ kind: 'urls', name: 'a', urls: ['https://x.vn/'] }, { kind: 'rss', name: 'a', url: 'https://x.vn/rss' }], store: { path: 'a.db' } }))
      .toThrow(/sources\[1\]\.name: source name "a" is used twice/);
  });

  it('reads since as a date, a datetime or a duration back from now', () => {
    const now = Date.parse('2026-03-07T00:00:00Z');
    expect(sinceCutoff('2d', now)?.toISOString()).toBe('2026-03-05T00:00:00.000Z');
    expect(sinceCutoff('12h', now)?.toISOString()).toBe('2026-03-06T12:00:00.000Z');
    expect(sinceCutoff('1w', now)?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(sinceCutoff('2026-01-01', now)?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(sinceCutoff(undefined, now)).toBeUndefined();
  });

  it('dedupes by key, drops old and excluded items, keeps the newest maxArticles', () => {
    const d = (s: string) => new Date(s);
    const found = [
      { url: 'https://x.vn/a?utm_source=rss', date: d('2026-03-06') },
      { url: 'https://x.vn/a', date: d('2026-03-06') },
      { url: 'https://x.vn/old', date: d('2020-01-01') },
      { url: 'https://x.vn/video/v', date: d('2026-03-06') },
      { url: 'https://x.vn/b#c', date: d('2026-03-05') },
      { url: 'https://x.vn/c', date: d('2026-03-07') },
      { url: 'mailto:x@x.vn' },
    ];
    const r = applyFilters(found, { since: '2026-01-01', exclude: ['/video/'], maxArticles: 2 }, Date.parse('2026-03-07T12:00:00Z'));
    expect(r.items.map((i) => i.key)).toEqual(['https://x.vn/c', 'https://x.vn/a']);
    expect(r.dropped).toEqual({ since: 1, pattern: 1, invalid: 1, maxArticles: 1 });
    const all = applyFilters(found.slice(0, 6), {});
    expect(all.items.find((i) => i.key === 'https://x.vn/b')?.url).toBe('https://x.vn/b');
  });
});

describe('retry timing', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-07T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Sat, 07 Mar 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('Fri, 06 Mar 2026 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(backoffMs(0, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffMs(0, 1000, 60_000, () => 0.999)).toBe(1000);
    expect(backoffMs(3, 1000, 60_000, () => 0.999)).toBe(7996);
    expect(backoffMs(20, 1000, 60_000, () => 0.999)).toBeLessThanOrEqual(60_000);
    const spread = new Set(Array.from({ length: 20 }, () => backoffMs(2, 1000, 60_000)));
    expect(spread.size).toBeGreaterThan(5);
  });
});
