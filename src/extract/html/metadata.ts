// Cascade step 2: what the page says about itself. JSON-LD (NewsArticle and BreadcrumbList),
// OpenGraph, `article:*` and other <meta>, <link rel=canonical>, <time>, itemprop attributes.
import type { Document, Element } from 'domhandler';
import { attr, elementsOf, textOf } from './dom.js';
import { cleanValue, decodeEntities } from './text.js';
import { normalizeIsoDate } from './dates.js';
import { Selector } from './select.js';

export interface PageMetadata {
  /** JSON-LD headline, og:title, meta title, <title> (in that order of trust). */
  headline?: string;
  ogTitle?: string;
  htmlTitle?: string;
  description?: string;
  publishedAt?: string;
  modifiedAt?: string;
  /** Author names as given (not yet checked against the site name). */
  authors: string[];
  section?: string;
  /** Breadcrumb names from JSON-LD, root first. */
  breadcrumbs: string[];
  tags: string[];
  siteName?: string;
  publisher?: string;
  canonicalUrl?: string;
  language?: string;
  image?: string;
  /** JSON-LD @type or og:type of the page (`NewsArticle`, `article`, `website`). */
  type?: string;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNews|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|BackgroundNewsArticle|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|WebPage|ItemPage)$/;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

function isObject(v: Json | undefined): v is JsonObject {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Parse a JSON-LD block, forgiving raw control characters and trailing commas. */
export function parseJsonLd(text: string): JsonObject[] {
  const tries = [text, text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1')];
  for (const t of tries) {
    try {
      const v = JSON.parse(t) as Json;
      return flattenLd(v);
    } catch {
      /* next */
    }
  }
  return [];
}

function flattenLd(v: Json): JsonObject[] {
  const out: JsonObject[] = [];
  const stack: Json[] = [v];
  while (stack.length && out.length < 200) {
    const x = stack.pop()!;
    if (Array.isArray(x)) for (let i = x.length - 1; i >= 0; i--) stack.push(x[i]);
    else if (isObject(x)) {
      out.push(x);
      if (Array.isArray(x['@graph'])) stack.push(x['@graph']);
    }
  }
  return out;
}

function types(o: JsonObject): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function str(v: Json | undefined): string | undefined {
  if (typeof v === 'string' || typeof v === 'number') return cleanValue(String(v));
  if (isObject(v)) return str(v.name ?? v['@value'] ?? v.url ?? v['@id']);
  if (Array.isArray(v)) return str(v[0]);
  return undefined;
}

function names(v: Json | undefined): string[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  const out: string[] = [];
  for (const x of list) {
    if (isObject(x)) {
      if (types(x).includes('Organization')) continue;
      const n = str(x.name);
      if (n) out.push(n);
    } else {
      const n = str(x);
      if (n) out.push(n);
    }
  }
  return out;
}

function splitList(s: string | undefined): string[] {
  if (!s) return [];
  return s.split(/\s*[,;|]\s*/).map((x) => cleanValue(x)).filter((x): x is string => !!x && x.length <= 80);
}

/** <meta> values keyed by lower-cased property/name/itemprop/http-equiv; repeated keys keep all values. */
export function metaMap(doc: Document, sel: Selector = new Selector(doc)): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const m of sel.all('meta')) {
    const content = m.attribs.content;
    if (content === undefined) continue;
    for (const k of [m.attribs.property, m.attribs.name, m.attribs.itemprop, m.attribs['http-equiv']]) {
      if (!k) continue;
      const key = k.trim().toLowerCase();
      const list = map.get(key) ?? [];
      list.push(content);
      map.set(key, list);
    }
  }
  return map;
}

function firstMeta(map: Map<string, string[]>, keys: string[]): string | undefined {
  for (const k of keys) {
    for (const v of map.get(k) ?? []) {
      const c = cleanValue(v);
      if (c) return c;
    }
  }
  return undefined;
}

function resolveUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

export function normalizeLanguage(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const m = /^\s*([a-z]{2,3})(?:[-_]|$)/i.exec(s);
  return m ? m[1].toLowerCase() : undefined;
}

/** Read everything the page declares about itself. Never throws. */
export function readMetadata(doc: Document, url?: string, sel: Selector = new Selector(doc)): PageMetadata {
  const meta = metaMap(doc, sel);
  const md: PageMetadata = { authors: [], breadcrumbs: [], tags: [] };

  // JSON-LD
  let article: JsonObject | undefined;
  const ldAuthors: string[] = [];
  for (const s of sel.all('script').filter((e) => /ld\+json/i.test(e.attribs.type ?? ''))) {
    for (const o of parseJsonLd(scriptText(s))) {
      const t = types(o);
      if (t.includes('BreadcrumbList') && !md.breadcrumbs.length) md.breadcrumbs = breadcrumbNames(o);
      else if (!article && t.some((x) => ARTICLE_TYPES.test(x)) && (o.headline || o.datePublished || o.articleBody)) article = o;
    }
  }
  if (article) {
    md.type = types(article)[0];
    md.headline = str(article.headline) ?? str(article.name);
    md.description = str(article.description);
    md.publishedAt = normalizeIsoDate(str(article.datePublished) ?? str(article.dateCreated));
    md.modifiedAt = normalizeIsoDate(str(article.dateModified));
    ldAuthors.push(...names(article.author), ...names(article.creator));
    md.section = str(article.articleSection);
    const kw = article.keywords;
    md.tags = Array.isArray(kw) ? kw.map((k) => str(k)).filter((k): k is string => !!k) : splitList(str(kw));
    md.publisher = str(isObject(article.publisher) ? article.publisher.name : article.publisher);
    md.image = str(isObject(article.image) ? article.image.url : article.image);
    const page = article.mainEntityOfPage;
    md.canonicalUrl = resolveUrl(str(isObject(page) ? page['@id'] : page), url);
  }

  // OpenGraph and friends
  md.ogTitle = firstMeta(meta, ['og:title', 'twitter:title']);
  md.headline ??= firstMeta(meta, ['title', 'dc.title', 'headline', 'sailthru.title', 'its_title']);
  const titleEl = sel.first('title');
  md.htmlTitle = titleEl ? cleanValue(titleEl.children.map((c) => (c.type === 'text' ? c.data : '')).join('')) : undefined;
  md.description ??= firstMeta(meta, ['og:description', 'description', 'twitter:description', 'dc.description']);
  md.publishedAt ??= normalizeIsoDate(
    firstMeta(meta, ['article:published_time', 'og:article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'article.published', 'dc.date.issued', 'dcterms.created', 'dc.date', 'date', 'sailthru.date', 'parsely-pub-date', 'article:published']),
  );
  md.modifiedAt ??= normalizeIsoDate(firstMeta(meta, ['article:modified_time', 'og:updated_time', 'og:article:modified_time', 'datemodified', 'lastmod', 'last-modified', 'dc.date.modified', 'article.updated']));
  const metaAuthors = [
    ...(meta.get('article:author') ?? []),
    ...(meta.get('dable:author') ?? []),
    ...(meta.get('author') ?? []),
    ...(meta.get('dc.creator') ?? []),
    ...(meta.get('byl') ?? []),
    ...(meta.get('parsely-author') ?? []),
    ...(meta.get('sailthru.author') ?? []),
  ].flatMap((a) => a.split(/\s*;\s*/));
  md.authors = [...ldAuthors, ...metaAuthors.map((a) => cleanValue(a)).filter((a): a is string => !!a)];
  md.section ??= firstMeta(meta, ['article:section', 'articlesection', 'og:article:section', 'parsely-section', 'section']);
  if (!md.tags.length) {
    const tagMetas = meta.get('article:tag') ?? meta.get('og:article:tag') ?? [];
    md.tags = tagMetas.flatMap((t) => splitList(t));
  }
  if (!md.tags.length) md.tags = splitList(firstMeta(meta, ['news_keywords', 'parsely-tags']));
  md.siteName = firstMeta(meta, ['og:site_name', 'application-name', 'twitter:site']);
  md.type ??= firstMeta(meta, ['og:type']);
  md.image ??= resolveUrl(firstMeta(meta, ['og:image', 'twitter:image', 'thumbnail']), url);

  // <link rel=canonical>, og:url
  const canon = sel.all('link').find((e) => /(?:^|\s)canonical(?:\s|$)/i.test(e.attribs.rel ?? ''));
  md.canonicalUrl = resolveUrl(canon?.attribs.href, url) ?? resolveUrl(firstMeta(meta, ['og:url', 'twitter:url']), url) ?? md.canonicalUrl;

  // Language
  const html = sel.first('html');
  md.language = normalizeLanguage(html?.attribs.lang) ?? normalizeLanguage(firstMeta(meta, ['og:locale', 'content-language', 'language', 'inlanguage', 'dc.language']));

  // itemprop / <time> in the markup, when the head had no date.
  const itemprops = sel.all('[itemprop]');
  if (!md.publishedAt) md.publishedAt = itempropDate(itemprops, 'datepublished') ?? timeElementDate(sel);
  if (!md.modifiedAt) md.modifiedAt = itempropDate(itemprops, 'datemodified');
  if (!md.authors.length) {
    for (const el of itemprops.filter((e) => (e.attribs.itemprop ?? '').toLowerCase() === 'author')) {
      const nameEl = elementsOf(el, (e) => (e.attribs.itemprop ?? '').toLowerCase() === 'name')[0];
      const n = cleanValue(nameEl ? (nameEl.attribs.content ?? textOf(nameEl)) : (el.attribs.content ?? textOf(el)));
      if (n) md.authors.push(n);
    }
  }
  return md;
}

function scriptText(s: Element): string {
  let out = '';
  for (const c of s.children) if (c.type === 'text') out += c.data;
  return decodeEntitiesInJsonKeys(out);
}

/** Some sites HTML-escape the whole JSON-LD block (`&quot;`); decode only when it would not parse. */
function decodeEntitiesInJsonKeys(s: string): string {
  const t = s.trim();
  if (t.startsWith('{') || t.startsWith('[')) return s;
  return decodeEntities(s);
}

function breadcrumbNames(o: JsonObject): string[] {
  const list = o.itemListElement;
  if (!Array.isArray(list)) return [];
  const items: Array<{ pos: number; name: string }> = [];
  list.forEach((it, i) => {
    if (!isObject(it)) return;
    const name = str(it.name) ?? (isObject(it.item) ? str(it.item.name) : undefined);
    const pos = typeof it.position === 'number' ? it.position : Number(it.position) || i + 1;
    if (name) items.push({ pos, name });
  });
  return items.sort((a, b) => a.pos - b.pos).map((x) => x.name);
}

function itempropDate(els: Element[], prop: string): string | undefined {
  for (const el of els.filter((e) => (e.attribs.itemprop ?? '').toLowerCase() === prop)) {
    const v = normalizeIsoDate(el.attribs.content ?? el.attribs.datetime ?? textOf(el));
    if (v) return v;
  }
  return undefined;
}

function timeElementDate(sel: Selector): string | undefined {
  for (const el of sel.all('time')) {
    const v = normalizeIsoDate(attr(el, 'datetime') ?? textOf(el));
    if (v) return v;
  }
  return undefined;
}

