// Our selector engine against cheerio (css-select) on the real pages.
import { describe, expect, it } from 'vitest';
import { load } from 'cheerio/slim';
import { parseHtml, PROFILES, BODY_SELECTORS } from '../../src/extract/html/index.js';
import { Selector, compileSelector } from '../../src/extract/html/select.js';
import { loadFixtures } from './helpers.js';

describe('Selector', () => {
  const selectors = new Set<string>([...BODY_SELECTORS, 'div p', 'ul > li a', 'a, p', 'div.container > div', '[class*="detail"]', 'h1 , h2', '[data-role=content]', "meta[property='og:title']", 'li:last-child a']);
  for (const p of PROFILES) for (const k of ['body', 'title', 'lead', 'date', 'author', 'section', 'tags', 'remove'] as const) for (const s of p[k] ?? []) selectors.add(s);

  it.each(loadFixtures().map((f) => [f.name, f.html] as const))('%s: same elements as css-select', (_n, html) => {
    const { doc } = parseHtml(html);
    const ours = new Selector(doc);
    const $ = load(doc);
    for (const s of selectors) {
      const a = ours.all(s);
      const b = $(s).toArray();
      expect(a.length, s).toBe(b.length);
      expect(a.every((x, i) => x === b[i]), s).toBe(true);
    }
  });

  it('compiles simple selectors and hands others to css-select', () => {
    expect(compileSelector('div.a#b[x="1"] > p .c')).not.toBeNull();
    expect(compileSelector('li:last-child a')).toBeNull();
    expect(compileSelector('')).toBeNull();
    const { doc } = parseHtml('<ul><li>a</li><li>b</li></ul>');
    expect(new Selector(doc).all('li:last-child').length).toBe(1);
    expect(new Selector(doc).all('li:::nonsense')).toEqual([]);
  });

  it('scopes to a root and skips detached nodes', () => {
    const { doc } = parseHtml('<div id="a"><p>1</p></div><div id="b"><p>2</p></div>');
    const sel = new Selector(doc);
    const b = sel.first('#b')!;
    expect(sel.all('p', b).length).toBe(1);
    const pa = sel.first('#a p')!;
    pa.parent!.children = [];
    pa.parent = null;
    expect(sel.all('p').length).toBe(1);
  });
});
