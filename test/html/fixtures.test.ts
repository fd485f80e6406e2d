// Every fixture folder (real pages, Readability layout): every field of expected.json.
import { describe, expect, it } from 'vitest';
import { cleanHtml } from '../../src/extract/html/index.js';
import { loadFixtures, norm } from './helpers.js';

const fixtures = loadFixtures();

describe('real pages (test/fixtures/html/*)', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThanOrEqual(6));

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: every expected field', (_name, f) => {
    const e = f.expected;
    const r = cleanHtml(f.html, e.url);
    expect(norm(r.title)).toBe(norm(e.title));
    // The date to the minute when the page shows a time, else the day.
    const n = e.published.length > 10 ? 16 : 10;
    expect((r.publishedAt ?? '').slice(0, n)).toBe(e.published.slice(0, n));
    expect(r.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\+07:00)?$/);
    if (e.author === null) expect(r.author).toBeUndefined();
    else expect(norm(r.author)).toBe(norm(e.author));
    expect(norm(r.section)).toBe(norm(e.section));
    expect(r.lead).toBe(e.lead);
    const all = norm([r.title, r.lead, r.text].join(' '));
    for (const s of e.must_contain) expect(all, `must contain: ${s}`).toContain(norm(s));
    for (const s of e.must_not_contain) expect(norm(r.text), `must not contain: ${s}`).not.toContain(norm(s));
    // body_chars is lead + body: a size guide.
    expect(r.text.length).toBeGreaterThan(e.body_chars * 0.9);
    expect(r.text.length).toBeLessThan(e.body_chars * 1.1);
    // Shape of the rest.
    expect(r.text).toBe(r.paragraphs.join('\n\n'));
    expect(r.text).toBe(r.text.normalize('NFC'));
    expect(r.paragraphs.every((p) => p.length > 0 && p === p.trim() && !p.includes('\n'))).toBe(true);
    expect(r.paragraphs[0]).toBe(e.lead);
    expect(r.url).toBe(e.url);
    expect(r.canonicalUrl).toBe(e.url);
    expect(r.language).toBe('vi');
    expect(r.siteName).toBeTruthy();
    expect(r.method).toMatch(/^profile:/);
    expect(r.images.length).toBeGreaterThan(0);
    for (const img of r.images) expect(img.src).toMatch(/^https?:\/\//);
  });

  // The same pages with no site profile: metadata + generic selectors/density must still get them.
  it.each(fixtures.map((f) => [f.name, f] as const))('%s: generic steps alone', (_name, f) => {
    const e = f.expected;
    const r = cleanHtml(f.html, e.url, { profiles: [] });
    expect(r.method).not.toMatch(/^profile:/);
    expect(norm(r.title)).toBe(norm(e.title));
    expect((r.publishedAt ?? '').slice(0, 10)).toBe(e.published.slice(0, 10));
    if (e.author) expect(norm(r.author)).toBe(norm(e.author));
    expect(norm(r.section)).toBe(norm(e.section));
    const all = norm([r.title, r.lead, r.text].join(' '));
    for (const s of e.must_contain) expect(all).toContain(norm(s));
    for (const s of e.must_not_contain) expect(norm(r.text)).not.toContain(norm(s));
  });
});
