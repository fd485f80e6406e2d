// Category listing pages are not articles: cleaning them must work and stay small and fast.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanHtml } from '../../src/extract/html/index.js';
import { LISTINGS } from './helpers.js';

describe('listing pages (test/fixtures/html-listing)', () => {
  it.each(readdirSync(LISTINGS).filter((f) => f.endsWith('.html')))('%s', (f) => {
    const html = readFileSync(join(LISTINGS, f), 'utf8');
    const t0 = performance.now();
    const r = cleanHtml(html);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.language).toBe('vi');
    expect(typeof r.text).toBe('string');
  });
});
