// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item's link and date.
import { InputError } from '../../errors.js';
import type { Discovered } from './filter.js';
import { parseDate, xmlText, type DiscoveryContext } from './context.js';
import { asArray, parseXml, textOf, type XmlNode } from './xml.js';

/** The items of a feed document, links resolved against the feed's URL. */
export function parseFeed(text: string, feedUrl: string): Discovered[] {
  let doc: XmlNode;
  try {
    doc = parseXml(text);
  } catch (e) {
    throw new InputError(feedUrl, `not a readable feed (${(e as Error).message.split('\n')[0]})`, 'E_FEED', { cause: e });
  }
  const rss = doc.rss as XmlNode | undefined;
  const rdf = doc.RDF as XmlNode | undefined;
  const atom = doc.feed as XmlNode | undefined;
  const out: Discovered[] = [];
  const push = (href: string | undefined, date: unknown) => {
    if (!href) return;
    try {
      out.push({ url: new URL(href, feedUrl).href, date: parseDate(textOf(date)) });
    } catch {
      // A link that is not a URL is skipped; the rest of the feed is fine.
    }
  };
  if (rss || rdf) {
    const channel = (rss?.channel ?? rdf?.channel ?? {}) as XmlNode;
    const items = asArray((rss ? channel.item : rdf?.item) as XmlNode[] | undefined);
    for (const it of items) {
      const guid = it.guid as XmlNode | string | undefined;
      const permalink = typeof guid === 'object' && guid?.['@_isPermaLink'] === 'false' ? undefined : textOf(guid);
      const link = textOf(it.link) ?? (permalink && /^https?:\/\//i.test(permalink) ? permalink : undefined) ?? textOf((it as XmlNode)['@_about']);
      push(link, it.pubDate ?? it.date ?? it.published ?? it.updated);
    }
    return out;
  }
  if (atom) {
    for (const entry of asArray(atom.entry as XmlNode[] | undefined)) {
      const links = asArray(entry.link as XmlNode[] | undefined);
      const alt = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
      push(typeof alt === 'object' ? (alt?.['@_href'] as string | undefined) : textOf(alt), entry.published ?? entry.updated);
    }
    return out;
  }
  throw new InputError(feedUrl, 'not an RSS or Atom feed', 'E_FEED');
}

export async function discoverFeed(url: string, ctx: DiscoveryContext): Promise<Discovered[]> {
  const doc = await ctx.get(url);
  return parseFeed(xmlText(doc.body), doc.url);
}
