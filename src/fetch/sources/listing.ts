// Category (listing) pages: article links picked by a CSS selector, pages followed by `nextSelector`
// up to maxPages, each page once.
import { load } from 'cheerio/slim';
import { SolieuError } from '../../errors.js';
import { decodeHtml } from '../../extract/html/index.js';
import type { Discovered } from './filter.js';
import type { DiscoveryContext } from './context.js';

export interface ListingPage {
  links: string[];
  next?: string;
}

/** The links (`href` of the selected elements, or of an <a> inside them) and the next page of one page. */
export function parseListing(html: string, pageUrl: string, linkSelector: string, nextSelector?: string): ListingPage {
  const $ = load(html);
  const base = (() => {
    const href = $('base[href]').first().attr('href');
    try {
      return href ? new URL(href, pageUrl).href : pageUrl;
    } catch {
      return pageUrl;
    }
  })();
  const resolve = (href: string | undefined): string | undefined => {
    if (!href || /^(javascript|mailto|tel|data):/i.test(href.trim())) return undefined;
    try {
      const u = new URL(href.trim(), base);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
    } catch {
      return undefined;
    }
  };
  const links: string[] = [];
  $(linkSelector).each((_i, el) => {
    const node = $(el);
    const href = node.attr('href') ?? node.find('a[href]').first().attr('href');
    const u = resolve(href);
    if (u) links.push(u);
  });
  let next: string | undefined;
  if (nextSelector) {
    const n = $(nextSelector).first();
    next = resolve(n.attr('href') ?? n.find('a[href]').first().attr('href'));
  }
  return { links, next };
}

export interface ListingOptions {
  linkSelector: string;
  nextSelector?: string;
  maxPages?: number;
}

/** Without nextSelector only the first page is read; with it, up to maxPages (default 10). */
export async function discoverListing(url: string, o: ListingOptions, ctx: DiscoveryContext): Promise<Discovered[]> {
  const maxPages = o.nextSelector ? (o.maxPages ?? 10) : 1;
  const seen = new Set<string>();
  const out: Discovered[] = [];
  let page: string | undefined = url;
  for (let i = 0; page && i < maxPages && !seen.has(page) && !ctx.signal?.aborted; i++) {
    seen.add(page);
    let parsed: ListingPage;
    try {
      const doc = await ctx.get(page);
      parsed = parseListing(decodeHtml(doc.body, doc.contentType), doc.url, o.linkSelector, o.nextSelector);
    } catch (e) {
      if (i === 0 || !(e instanceof SolieuError)) throw e;
      ctx.failed(page, e);
      break;
    }
    out.push(...parsed.links.map((l) => ({ url: l })));
    page = parsed.next;
  }
  return out;
}
