// Sitemaps (sitemaps.org, Google News): <urlset> with <loc>, <lastmod> and <news:publication_date>,
// <sitemapindex> of child sitemaps (followed, loop-safe, depth-capped), gzip (.xml.gz) included.
import { InputError, SolieuError } from '../../errors.js';
import { gunzipCapped } from '../http.js';
import type { Discovered } from './filter.js';
import { parseDate, xmlText, type DiscoveryContext } from './context.js';
import { asArray, parseXml, textOf, type XmlNode } from './xml.js';

export type Sitemap = { kind: 'index'; sitemaps: Discovered[] } | { kind: 'urlset'; urls: Discovered[] };

const MAX_DEPTH = 3;
const MAX_SITEMAPS = 500;

export function parseSitemap(text: string, sitemapUrl: string): Sitemap {
  let doc: XmlNode;
  try {
    doc = parseXml(text);
  } catch (e) {
    throw new InputError(sitemapUrl, `not a readable sitemap (${(e as Error).message.split('\n')[0]})`, 'E_SITEMAP', { cause: e });
  }
  const entries = (list: unknown, date: (n: XmlNode) => unknown): Discovered[] => {
    const out: Discovered[] = [];
    for (const n of asArray(list as XmlNode[] | undefined)) {
      const loc = textOf(n.loc);
      if (!loc) continue;
      try {
        out.push({ url: new URL(loc, sitemapUrl).href, date: parseDate(textOf(date(n))) });
      } catch {
        // An unusable <loc> is skipped.
      }
    }
    return out;
  };
  const index = doc.sitemapindex as XmlNode | undefined;
  if (index) return { kind: 'index', sitemaps: entries(index.sitemap, (n) => n.lastmod) };
  const urlset = doc.urlset as XmlNode | undefined;
  if (urlset) {
    return {
      kind: 'urlset',
      urls: entries(urlset.url, (n) => (n.news as XmlNode | undefined)?.publication_date ?? n.lastmod),
    };
  }
  throw new InputError(sitemapUrl, 'not a sitemap (no <urlset> or <sitemapindex>)', 'E_SITEMAP');
}

/**
 * Every page URL under a sitemap or sitemap index. A child sitemap whose <lastmod> is before
 * `since` is not fetched; a child that fails is reported and the others are still read.
 */
export async function discoverSitemap(url: string, ctx: DiscoveryContext, since?: Date): Promise<Discovered[]> {
  const seen = new Set<string>();
  const out: Discovered[] = [];
  const visit = async (u: string, depth: number, root: boolean): Promise<void> => {
    if (seen.has(u) || seen.size >= MAX_SITEMAPS || ctx.signal?.aborted) return;
    seen.add(u);
    let map: Sitemap;
    try {
      const doc = await ctx.get(u);
      const gz = doc.body[0] === 0x1f && doc.body[1] === 0x8b;
      const bytes = gz ? await gunzipCapped(doc.body, ctx.maxBytes, u) : doc.body;
      map = parseSitemap(xmlText(bytes), doc.url);
    } catch (e) {
      if (root || !(e instanceof SolieuError)) throw e;
      ctx.failed(u, e);
      return;
    }
    if (map.kind === 'urlset') {
      out.push(...map.urls);
      return;
    }
    if (depth >= MAX_DEPTH) {
      ctx.failed(u, new InputError(u, `sitemap index nested deeper than ${MAX_DEPTH}`, 'E_SITEMAP'));
      return;
    }
    for (const child of map.sitemaps) {
      if (since && child.date && child.date < since) continue;
      await visit(child.url, depth + 1, false);
    }
  };
  await visit(url, 0, true);
  return out;
}
