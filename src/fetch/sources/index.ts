// Discovery for the web sources: what pages a source names, before any article is fetched.
import type { SourceConfig } from '../../config.js';
import type { DiscoveryContext } from './context.js';
import { applyFilters, sinceCutoff, type FilterResult } from './filter.js';
import { discoverListing } from './listing.js';
import { discoverFeed } from './rss.js';
import { discoverSitemap } from './sitemap.js';

export type WebSource = Exclude<SourceConfig, { kind: 'files' }>;

/** The article URLs of a source, filtered (since, include/exclude, maxArticles). */
export async function discoverWeb(source: WebSource, ctx: DiscoveryContext, now = Date.now()): Promise<FilterResult> {
  let found;
  switch (source.kind) {
    case 'urls': found = source.urls.map((url) => ({ url })); break;
    case 'rss': found = await discoverFeed(source.url, ctx); break;
    case 'sitemap': found = await discoverSitemap(source.url, ctx, sinceCutoff(source.since, now)); break;
    case 'listing': found = await discoverListing(source.url, source, ctx); break;
  }
  return applyFilters(found, source, now);
}

export type { DiscoveryContext, DiscoveryDocument } from './context.js';
export type { Candidate, Discovered } from './filter.js';
export { sinceCutoff } from './filter.js';
