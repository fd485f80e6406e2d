// Discovery: RSS 2.0, RDF and Atom feeds, sitemaps (index, news, gzip), listing pages with
// pagination; parsers on real and hand-written documents, discovery against the fixture site.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSchema } from '../../src/config.js';
import { createNet, type Net } from '../../src/fetch/net.js';
import type { DiscoveryContext } from '../../src/fetch/sources/context.js';
import { parseDate } from '../../src/fetch/sources/context.js';
import { discoverWeb } from '../../src/fetch/sources/index.js';
import { parseListing } from '../../src/fetch/sources/listing.js';
import { parseFeed } from '../../src/fetch/sources/rss.js';
import { parseSitemap } from '../../src/fetch/sources/sitemap.js';
import type { SolieuError } from '../../src/errors.js';
import { ROOT } from '../helpers/cli.js';
import { LAYOUT, sitePath, startSite, type Site } from '../helpers/site-server.js';

describe('feed, sitemap and listing parsers', () => {
  it('reads RSS 2.0 items: link, else a permalink guid; dates in RFC 822 and Vietnamese day-first form', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
      <item><title>A</title><link>https://x.vn/a.html</link><pubDate>Sat, 07 Mar 2026 08:00:00 +0700</pubDate></item>
      <item><title>B</title><guid isPermaLink="true">https://x.vn/b.html</guid><pubDate>07/03/2026 09:15</pubDate></item>
      <item><title><![CDATA[C & D]]></title><link><![CDATA[/c.html?x=1&y=2]]></link></item>
      <item><title>no link</title><guid isPermaLink="false">123</guid></item>
    </channel></rss>`;
    const items = parseFeed(xml, 'https://x.vn/rss/home.rss');
    expect(items.map((i) => i.url)).toEqual(['https://x.vn/a.html', 'https://x.vn/b.html', 'https://x.vn/c.html?x=1&y=2']);
    expect(items[0].date?.toISOString()).toBe('2026-03-07T01:00:00.000Z');
    expect(items[1].date?.toISOString()).toBe('2026-03-07T02:15:00.000Z');
    expect(items[2].date).toBeUndefined();
  });

  it('reads Atom entries (alternate link, relative href) and RSS 1.0 (RDF) items', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><link rel="self" href="/self"/><link rel="alternate" href="/tin/a.html"/>
      <updated>2026-03-06T10:00:00Z</updated></entry><entry><link href="https://y.vn/b"/><published>2026-03-05T00:00:00+07:00</published></entry></feed>`;
    expect(parseFeed(atom, 'https://x.vn/feeds/atom.xml').map((i) => [i.url, i.date?.toISOString()])).toEqual([
      ['https://x.vn/tin/a.html', '2026-03-06T10:00:00.000Z'], ['https://y.vn/b', '2026-03-04T17:00:00.000Z']]);
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://x.vn/"><title>T</title></channel>
      <item rdf:about="https://x.vn/r1"><title>R</title><link>https://x.vn/r1</link><dc:date>2026-03-01</dc:date></item></rdf:RDF>`;
    expect(parseFeed(rdf, 'https://x.vn/rdf').map((i) => [i.url, i.date?.toISOString()])).toEqual([['https://x.vn/r1', '2026-03-01T00:00:00.000Z']]);
    expect(() => parseFeed('<html><body>not a feed</body></html>', 'https://x.vn/rss')).toThrow(/not an RSS or Atom feed/);
    expect(parseDate('not a date')).toBeUndefined();
  });

  it('reads sitemap indexes and news sitemaps', () => {
    const index = parseSitemap(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://x.vn/s1.xml</loc><lastmod>2026-03-01</lastmod></sitemap><sitemap><loc>https://x.vn/s2.xml.gz</loc></sitemap></sitemapindex>`, 'https://x.vn/sitemap.xml');
    expect(index).toMatchObject({ kind: 'index', sitemaps: [{ url: 'https://x.vn/s1.xml' }, { url: 'https://x.vn/s2.xml.gz' }] });
    const news = parseSitemap(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://x.vn/a.html</loc><lastmod>2020-01-01</lastmod><news:news><news:publication_date>2026-03-06T08:00:00+07:00</news:publication_date></news:news></url>
      <url><loc> https://x.vn/b.html </loc></url></urlset>`, 'https://x.vn/news.xml');
    expect(news.kind === 'urlset' && news.urls.map((u) => [u.url, u.date?.toISOString()])).toEqual([
      ['https://x.vn/a.html', '2026-03-06T01:00:00.000Z'], ['https://x.vn/b.html', undefined]]);
  });

  it('finds the article links and the next page of real listing pages', () => {
    const vne = readFileSync(join(ROOT, 'test/fixtures/html-listing/vnexpress_list.html'), 'utf8');
    const page = parseListing(vne, 'https://vnexpress.net/kinh-doanh', '.title-news a', 'a.next-page');
    expect(page.links.length).toBeGreaterThanOrEqual(40);
    expect(page.links).toContain('https://vnexpress.net/cach-cac-nuoc-doi-pho-cu-soc-nang-luong-tu-trung-dong-5047363.html');
    expect(page.next).toBe('https://vnexpress.net/kinh-doanh-p2');
    const tt = readFileSync(join(ROOT, 'test/fixtures/html-listing/tuoitre_list.html'), 'utf8');
    const links = parseListing(tt, 'https://tuoitre.vn/kinh-doanh.htm', 'a.box-category-link-with-avatar').links;
    expect(links).toContain('https://tuoitre.vn/chien-su-day-gia-hoa-nhap-khau-dip-8-3-tang-manh-20260307075519174.htm');
    expect(links.every((l) => l.startsWith('https://tuoitre.vn/'))).toBe(true);
  });
});

describe('discovery against the fixture site', () => {
  let site: Site;
  let net: Net;
  const failures: Array<[string, string]> = [];
  let ctx: DiscoveryContext;
  beforeAll(async () => {
    site = await startSite();
    net = createNet({ fetch: fetchSchema.parse({ perHostDelayMs: 0, timeoutMs: 3000, retries: 0 }) });
    ctx = {
      maxBytes: 1_000_000,
      failed: (u, e: SolieuError) => failures.push([u, e.code]),
      get: async (u) => {
        const r = await net.fetcher.get(u);
        return { url: r.url, body: r.body, contentType: r.headers['content-type'] };
      },
    };
  });
  afterAll(async () => {
    await net.close();
    await site.close();
  });
  const abs = (p: string) => site.url + sitePath(p).replace(/#.*$/, '');

  it('rss and atom sources list their items, keyed without tracking parameters', async () => {
    const rss = await discoverWeb({ kind: 'rss', url: `${site.url}/feed.rss` }, ctx);
    // Newest first: the feed dates its items one minute apart, in order.
    expect(rss.items.map((i) => i.url)).toEqual(LAYOUT.feed.map(abs).reverse());
    expect(rss.items.at(-1)!.key).toBe(abs(LAYOUT.feed[0]).replace(/\?.*$/, ''));
    const atom = await discoverWeb({ kind: 'rss', url: `${site.url}/atom.xml`, exclude: ['/amp/'] }, ctx);
    expect(atom.items.map((i) => i.url).sort()).toEqual([abs(LAYOUT.atom[0]), abs(LAYOUT.atom[1])].sort());
    expect(atom.dropped).toEqual({ pattern: 1 });
  });

  it('a sitemap index is followed into a news sitemap and a gzipped one; since skips old children and old URLs', async () => {
    const before = site.log.length;
    const r = await discoverWeb({ kind: 'sitemap', url: `${site.url}/sitemap.xml`, since: '2025-01-01' }, ctx);
    expect(r.items.map((i) => i.url).sort()).toEqual([...LAYOUT.sitemapNews, LAYOUT.sitemapOld[0]].map(abs).sort());
    expect(r.dropped).toEqual({ since: 1 });
    const asked = site.log.slice(before).map((e) => e.path);
    expect(asked).toEqual(expect.arrayContaining(['/sitemap.xml', '/sitemaps/news.xml', '/sitemaps/old.xml.gz']));
    // The 2018 child sitemap's <lastmod> is before since: never requested.
    expect(asked).not.toContain('/sitemaps/2018.xml');
    const all = await discoverWeb({ kind: 'sitemap', url: `${site.url}/sitemap.xml` }, ctx);
    expect(all.items).toHaveLength(4);
    // Without since the 2018 child is read, and its 404 is reported without failing the others.
    expect(failures).toContainEqual([`${site.url}/sitemaps/2018.xml`, 'E_HTTP_404']);
  });

  it('a listing source follows nextSelector up to maxPages', async () => {
    const before = site.log.length;
    const r = await discoverWeb({ kind: 'listing', url: `${site.url}/list/1.html`, linkSelector: 'a.story', nextSelector: 'a.next', maxPages: 2 }, ctx);
    expect(r.items.map((i) => i.url)).toEqual([...LAYOUT.list[0], ...LAYOUT.list[1]].map(abs));
    expect(site.log.slice(before).map((e) => e.path)).toEqual(['/list/1.html', '/list/2.html']);
    const one = await discoverWeb({ kind: 'listing', url: `${site.url}/list/1.html`, linkSelector: 'a.story', maxArticles: 1 }, ctx);
    expect(one.items.map((i) => i.url)).toEqual([abs(LAYOUT.list[0][0])]);
  });

  it('a missing feed fails the source with the HTTP status', async () => {
    await expect(discoverWeb({ kind: 'rss', url: `${site.url}/nope.rss` }, ctx)).rejects.toMatchObject({ code: 'E_HTTP_404' });
  });
});
