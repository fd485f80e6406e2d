// cleanHtml: the cascade. Site profile -> page metadata -> generic selectors and text density ->
// fallback, field by field. Visible fields (title, sapo, date, byline, breadcrumb) are read before
// any pruning; the body is pruned and rendered last.
import type { Document, Element } from 'domhandler';
import { asciiKey } from '../../normalize/text.js';
import { PageError } from './errors.js';
import { classTokens, closest, elementsOf, findFrom, flatten, measure, parseHtml, removeNodes, textOf, type AnyNode } from './dom.js';
import { Selector } from './select.js';
import { readMetadata, type PageMetadata } from './metadata.js';
import { findProfile, hostOf, pick, profileBody } from './profiles.js';
import { findByDensity, findBySelectors } from './density.js';
import { paragraphMass } from './mass.js';
import { isOtherArticlesBox, pruneFurniture, pruneLinkLists } from './boilerplate.js';
import { isFileName, renderBlocks } from './render.js';
import { dateFromUrl, isDateLine, normalizeIsoDate, parseVietnameseDate } from './dates.js';
import { cleanAuthor, isSourceLine, joinAuthors, parseByline } from './byline.js';
import { cleanInline, looksVietnamese, sameKey } from './text.js';
import { cleanText } from './text-article.js';
import type { CleanedArticle, ImageRef, SiteProfile } from './types.js';

/** Pages longer than this (after dropping scripts, styles and comments) are cut: no article is this long. */
export const MAX_HTML_CHARS = 5_000_000;

// ---------------------------------------------------------------- input guards

const BINARY_MAGIC = /^(?:%PDF-|PK\x03\x04|\x89PNG|GIF8[79]a|\xff\xd8\xff|\x1f\x8b|Rar!|\x7fELF|ID3|OggS|RIFF)/;

/** Throw for input that is not a page at all: wrong type, binary data, JSON. */
function guardInput(html: unknown, name: string): asserts html is string {
  if (typeof html !== 'string') throw new PageError(name, `cleanHtml needs a string, got ${html === null ? 'null' : typeof html}`, 'E_PAGE_BAD_INPUT');
  const head = html.slice(0, 65536);
  if (BINARY_MAGIC.test(head.trimStart().slice(0, 8))) throw new PageError(name, 'binary data (PDF, image or archive), not HTML', 'E_PAGE_NOT_HTML');
  const ctrl = head.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (ctrl > head.length * 0.01 + 2) throw new PageError(name, 'binary data, not HTML', 'E_PAGE_NOT_HTML');
  const t = head.trimStart();
  if ((t.startsWith('{') || t.startsWith('[')) && !/<(?:html|body|div|p|article)\b/i.test(head)) {
    throw new PageError(name, 'JSON, not HTML', 'E_PAGE_NOT_HTML');
  }
}

const HEAVY = ['script', 'style', 'svg', 'noscript', 'template'];
const CLOSERS: Record<string, RegExp> = Object.fromEntries(HEAVY.map((t) => [t, new RegExp(`</${t}\\s*>`, 'gi')]));

function heavyTagAt(html: string, at: number): string | undefined {
  const head = html.slice(at, at + 9).toLowerCase();
  return HEAVY.find((t) => head.startsWith(t) && !/[a-z0-9-]/.test(head.charAt(t.length)));
}

/**
 * Remove <script> (except JSON-LD), <style>, <svg>, <noscript>, <template> and comments before
 * tokenizing: often most of a news page, and never article text. Linear even when a tag never closes.
 */
export function stripHeavy(html: string): string {
  const out: string[] = [];
  let keepFrom = 0;
  let i = findFrom(html, '<', 0);
  while (i >= 0 && i < html.length) {
    let next = i + 1;
    if (html.startsWith('!--', i + 1)) {
      const end = findFrom(html, '-->', i + 4);
      out.push(html.slice(keepFrom, i));
      keepFrom = next = end < 0 ? html.length : end + 3;
    } else {
      // Only look closer when the next letter can start one of the heavy tags (s, n, t).
      const c = html.charCodeAt(i + 1) | 0x20;
      const tag = c === 0x73 || c === 0x6e || c === 0x74 ? heavyTagAt(html, i + 1) : undefined;
      if (tag) {
        const close = CLOSERS[tag];
        close.lastIndex = i;
        const m = close.exec(html);
        const stop = m ? m.index + m[0].length : html.length;
        const tagEnd = findFrom(html, '>', i);
        const isLd = tag === 'script' && tagEnd > 0 && tagEnd - i < 300 && /ld\+json/i.test(html.slice(i, tagEnd));
        out.push(html.slice(keepFrom, i));
        if (isLd && stop - i < 200_000) out.push(html.slice(i, stop));
        keepFrom = next = stop;
      }
    }
    i = findFrom(html, '<', next);
  }
  out.push(html.slice(keepFrom));
  return out.join('');
}

// ---------------------------------------------------------------- small helpers

function similar(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  // Cheap exit before normalising: very different lengths never match (and pages can hold 5 MB paragraphs).
  if (a.length > b.length * 3 + 40 || b.length > a.length * 3 + 40) return false;
  const x = sameKey(a);
  const y = sameKey(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [s, l] = x.length < y.length ? [x, y] : [y, x];
  if (l.includes(s) && s.length >= l.length * 0.6) return true;
  const ta = new Set(x.split(' '));
  const tb = new Set(y.split(' '));
  let inter = 0;
  for (const t of ta) if (tb.has(t)) inter++;
  return inter / Math.max(ta.size, tb.size) >= 0.8;
}

/** `Title - Báo VnExpress Kinh doanh` -> `Title`: drop trailing parts that name the site. */
export function stripSiteSuffix(title: string | undefined, siteName?: string, host?: string): string | undefined {
  if (!title) return undefined;
  let t = cleanInline(title);
  const siteKey = siteName ? asciiKey(siteName) : '';
  const hostKey = host ? asciiKey(host.split('.')[0]) : '';
  for (let i = 0; i < 3; i++) {
    const m = /^(.*\S)\s+[|\-–—:»]\s+([^|\-–—]{2,60})$/.exec(t);
    if (!m) break;
    const tail = asciiKey(m[2]);
    const compact = tail.replace(/\s/g, '');
    const isSite =
      /^(?:bao|tap chi|cong thong tin|trang tin|dai)\s|(?:^|\s)(?:online|news|vn)(?:\s|$)|\.(?:vn|com|net)\b/.test(tail) ||
      (!!siteKey && (tail.includes(siteKey) || siteKey.includes(tail))) ||
      (!!hostKey && compact.includes(hostKey));
    if (!isSite) break;
    t = m[1];
  }
  return t;
}

/** Not inside a box of other articles, comments, menus or footers. Wrappers holding much of the page's text don't count. */
function isVisibleCandidate(el: Element, c: Context): boolean {
  const limit = c.pageMass * 0.4;
  return !closest(el, (e) => isOtherArticlesBox(e) && (c.mass.get(e) ?? 0) < limit, 15);
}

/** The part of the page that holds the headline and the article: the title's nearest big ancestor. */
function articleScope(c: Context, titleEl: Element | undefined): AnyNode {
  if (!titleEl) return c.doc;
  const need = c.pageMass * 0.5;
  return closest(titleEl, (e) => (c.mass.get(e) ?? 0) >= need, 12) ?? c.doc;
}

// ---------------------------------------------------------------- fields

interface Context {
  doc: Document;
  sel: Selector;
  md: PageMetadata;
  profile?: SiteProfile;
  url?: string;
  host?: string;
  siteName?: string;
  /** Text lengths and paragraph text under each element, before pruning, and the page's largest. */
  m: ReturnType<typeof measure>;
  mass: Map<Element, number>;
  pageMass: number;
}

function chooseTitle(c: Context): { title?: string; el?: Element } {
  if (c.profile) {
    const el = pick(c.sel, c.profile.title, c.doc)[0];
    if (el) return { title: cleanInline(textOf(el)), el };
  }
  const ref = c.md.headline ?? c.md.ogTitle ?? stripSiteSuffix(c.md.htmlTitle, c.siteName, c.host);
  const h1s = c.sel.all('h1').slice(0, 20);
  for (const h of h1s) {
    const t = cleanInline(textOf(h));
    if (ref && similar(t, ref)) return { title: t, el: h };
  }
  const ogTitle = stripSiteSuffix(c.md.ogTitle, c.siteName, c.host);
  if (ref) return { title: similar(ogTitle, ref) && ogTitle ? ogTitle : ref };
  // No metadata: the first h1 that reads like a headline (not a logo).
  for (const h of h1s) {
    const t = cleanInline(textOf(h));
    if (t.length >= 15 && t.split(' ').length >= 4 && isVisibleCandidate(h, c)) return { title: t, el: h };
  }
  return { title: stripSiteSuffix(c.md.htmlTitle, c.siteName, c.host) };
}

/** Class-token test for a field word, also when glued to a prefix (`ArticleLead`, `newsdate`, `detail_sapo`). */
function fieldClass(words: string): RegExp {
  return new RegExp(`(?:^|[-_]|article|detail|news|post|content|story|entry|main|single)(?:${words})(?:$|[-_\\d])`);
}

const LEAD_RE = fieldClass('sapo|lead|summary|description|desc|chapeau|excerpt|intro|teaser|abstract|tomtat|tom-tat|subtitle|sub-title|standfirst|init');

function chooseLead(c: Context, titleEl: Element | undefined): Element | undefined {
  if (c.profile) {
    const el = pick(c.sel, c.profile.lead, c.doc)[0];
    if (el) return el;
  }
  const cands = elementsOf(c.doc, (e) => {
    if (e.name === 'meta' || e.name === 'script' || e.name === 'a' || e.name === 'img') return false;
    const role = (e.attribs['data-role'] ?? '').toLowerCase();
    const prop = (e.attribs.itemprop ?? '').toLowerCase();
    return role === 'sapo' || prop === 'description' || classTokens(e).some((t) => LEAD_RE.test(t));
  });
  let best: Element | undefined;
  for (const e of cands) {
    const t = textOf(e);
    if (t.length < 30 || t.length > 1500 || !isVisibleCandidate(e, c)) continue;
    // Teaser lists repeat the class: a sapo inside a list item is another article's.
    if (closest(e, (x) => x.name === 'li', 6)) continue;
    if (similar(t, c.md.description) || (c.md.description && sameKey(t).startsWith(sameKey(c.md.description).slice(0, 60)))) return e;
    if (!best && (!titleEl || followsTitle(e, titleEl))) best = e;
  }
  return best;
}

/** True when `e` comes after the title element in document order (cheap: shared-ancestor walk). */
function followsTitle(e: Element, title: Element): boolean {
  const chain = new Map<AnyNode, AnyNode | null>();
  let child: AnyNode | null = null;
  for (let p: AnyNode | null = title; p; child = p, p = p.parent) chain.set(p, child);
  let cur: AnyNode = e;
  for (let p: AnyNode | null = e.parent; p; cur = p, p = p.parent) {
    if (chain.has(p)) {
      const tBranch = chain.get(p);
      const kids = (p as Element).children;
      return kids.indexOf(cur as never) > kids.indexOf(tBranch as never);
    }
  }
  return false;
}

function dateFromElement(el: Element): string | undefined {
  return normalizeIsoDate(el.attribs.datetime ?? el.attribs.content) ?? parseVietnameseDate(textOf(el).slice(0, 200));
}

const DATE_CLASS = fieldClass('date|time|datetime|publish|published|pubdate|pdate|ngay|thoigian|thoi-gian|post-date|posted|created|timestamp|dateline');

function chooseDate(c: Context, titleEl: Element | undefined): string | undefined {
  if (c.profile) {
    for (const el of pick(c.sel, c.profile.date, c.doc)) {
      const d = dateFromElement(el);
      if (d) return d;
    }
  }
  if (c.md.publishedAt) return c.md.publishedAt;
  // Visible dates near the title: class names like `date`, `time`, `publish`.
  const scope = titleEl ? (closest(titleEl, (e) => elementsOf(e, (x) => x !== e && DATE_CLASS.test(classTokens(x).join(' '))).length > 0, 6) ?? c.doc) : c.doc;
  for (const el of elementsOf(scope, (e) => classTokens(e).some((t) => DATE_CLASS.test(t)) || (e.attribs['data-role'] ?? '') === 'publishdate')) {
    if (!isVisibleCandidate(el, c) || closest(el, (x) => x.name === 'li', 5)) continue;
    const t = textOf(el);
    if (t.length > 120) continue;
    const d = dateFromElement(el);
    if (d) return d;
  }
  return dateFromUrl(c.url) ?? dateFromUrl(c.md.canonicalUrl);
}

const AUTHOR_CLASS = fieldClass('author|authors|byline|tac-?gia|tacgia|writer|reporter|nguoi-?viet|butdanh|but-danh');

function cleanAuthors(raw: string[], c: Context): string | undefined {
  const ctx = { siteName: c.siteName ?? c.md.siteName, host: c.host };
  return joinAuthors(raw.flatMap((r) => r.split(/\s*;\s*/)).map((r) => parseByline(r)?.author ?? cleanAuthor(r, ctx)).map((a) => (a ? cleanAuthor(a, ctx) : undefined)));
}

const AUTHOR_NAME_CLASS = /(?:^|[-_])(?:name|author-name|authorname|ten|fullname)(?:$|[-_])/;

function isAuthorLink(e: Element): boolean {
  return e.name === 'a' && /\/(?:tac-gia|tacgia|author|authors|nguoi-viet|but-danh)\//i.test(e.attribs.href ?? '');
}

function isAuthorElement(e: Element): boolean {
  return classTokens(e).some((t) => AUTHOR_CLASS.test(t)) || (e.attribs.rel ?? '') === 'author' || (e.attribs.itemprop ?? '').toLowerCase() === 'author' || isAuthorLink(e);
}

/** Byline elements near the headline: the first author block's names (its links or name parts, else its text). */
function visibleAuthor(c: Context, scope: AnyNode): string | undefined {
  const cands = elementsOf(scope, (e) => isAuthorElement(e) && e.name !== 'meta' && e.name !== 'img');
  const set = new Set(cands);
  for (const block of cands) {
    if (closest(block.parent as Element, (x) => set.has(x), 10)) continue;
    if (!isVisibleCandidate(block, c)) continue;
    if (closest(block, (x) => x.name === 'li', 4) && !isAuthorLink(block)) continue;
    const leaves = elementsOf(block, (e) => e !== block && (isAuthorLink(e) || classTokens(e).some((t) => AUTHOR_NAME_CLASS.test(t)) || (e.attribs.itemprop ?? '') === 'name'));
    const texts = (leaves.length ? leaves : [block]).map((e) => textOf(e)).filter((t) => t && t.length <= 80);
    const a = cleanAuthors(texts, c);
    if (a) return a;
  }
  return undefined;
}

function chooseAuthor(c: Context, titleEl: Element | undefined): string | undefined {
  if (c.profile) {
    const els = pick(c.sel, c.profile.author, c.doc);
    const a = cleanAuthors(els.map((e) => textOf(e)), c);
    if (a) return a;
  }
  return cleanAuthors(c.md.authors, c) ?? visibleAuthor(c, articleScope(c, titleEl));
}

const CRUMB_CLASS = /(?:^|[-_])(?:breadcrumb|breadcrumbs|bread-crumb|bread-crumbs|breadcrum|crumb|crumbs|duong-dan|duongdan)(?:$|[-_])/;
const HOME = /^(?:trang chủ|home|trang nhất|tin tức|news)$/i;

function chooseSection(c: Context, title: string | undefined, titleEl: Element | undefined): string | undefined {
  const ok = (s: string | undefined) => !!s && s.length <= 60 && !HOME.test(s) && !similar(s, title);
  if (c.profile) {
    const els = pick(c.sel, c.profile.section, c.doc);
    for (let i = els.length - 1; i >= 0; i--) {
      const s = cleanInline(textOf(els[i]));
      if (ok(s)) return s;
    }
  }
  for (let i = c.md.breadcrumbs.length - 1; i >= 0; i--) if (ok(c.md.breadcrumbs[i])) return c.md.breadcrumbs[i];
  const crumbs = elementsOf(c.doc, (e) => classTokens(e).some((t) => CRUMB_CLASS.test(t)) || /breadcrumb/i.test(e.attribs['aria-label'] ?? '') || /BreadcrumbList/.test(e.attribs.itemtype ?? ''));
  for (const bc of crumbs) {
    const items = elementsOf(bc, (e) => e.name === 'a' || e.name === 'li' || (e.attribs.itemprop ?? '') === 'name');
    const texts = items.map((e) => cleanInline(textOf(e))).filter(Boolean);
    for (let i = texts.length - 1; i >= 0; i--) if (ok(texts[i])) return texts[i];
  }
  if (ok(c.md.section)) return c.md.section;
  // A category label by the headline (`.detail-cate`, `a.category`, data-role=cate-name).
  if (titleEl) {
    const scope = closest(titleEl, (e) => elementsOf(e, (x) => isCategory(x)).length > 0, 4);
    for (const el of scope ? elementsOf(scope, isCategory) : []) {
      const links = elementsOf(el, (e) => e.name === 'a');
      const s = cleanInline(textOf(links.length ? links[links.length - 1] : el));
      if (links.length <= 3 && ok(s) && s.split(' ').length <= 6 && isVisibleCandidate(el, c)) return s;
    }
  }
  return undefined;
}

const CATEGORY_CLASS = /(?:^|[-_])(?:cate|category|cat|chuyen-?muc|chuyenmuc|section-name|zone|folder)(?:$|[-_])/;

function isCategory(e: Element): boolean {
  return (e.attribs['data-role'] ?? '') === 'cate-name' || classTokens(e).some((t) => CATEGORY_CLASS.test(t));
}

const TAG_CLASS = /(?:^|[-_])(?:tags?|tag-list|keywords?|tukhoa|tu-khoa|tag-item|box-tag)(?:$|[-_])/;

function chooseTags(c: Context, titleEl: Element | undefined): string[] {
  let tags: string[] = [];
  if (c.profile) tags = pick(c.sel, c.profile.tags, c.doc).map((e) => cleanInline(textOf(e)));
  if (!tags.length) tags = c.md.tags;
  if (!tags.length && titleEl) {
    // A tag box after the headline (the trending bar at the top of a page is not this article's).
    const box = elementsOf(c.doc, (e) => e.name !== 'a' && e.name !== 'meta' && classTokens(e).some((t) => TAG_CLASS.test(t)) && followsTitle(e, titleEl))[0];
    if (box) tags = elementsOf(box, (e) => e.name === 'a').map((e) => cleanInline(textOf(e)));
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tags) {
    const v = t.replace(/^#/, '').replace(/[\s,;.|]+$/, '').trim();
    const k = v.toLowerCase();
    if (!v || v.length > 60 || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

// ---------------------------------------------------------------- body

const LABELS = /^(?:tin mới|tin liên quan|xem thêm|đọc thêm|bài liên quan|tin cùng chuyên mục|tin khác|chia sẻ|bình luận|quảng cáo|advertisement|video|ảnh|xem tiếp)\s*:?$/i;
const TEASER_START = /^(?:>>|»|xem thêm\s*:|đọc thêm\s*:|tin liên quan\s*:|xem tiếp\s*:|mời (?:quý )?(?:bạn đọc|độc giả)|video đang được xem nhiều)/i;

interface BodyResult {
  paragraphs: string[];
  images: ImageRef[];
  method: string;
  root?: Element;
}

function bodyFromProfile(c: Context): BodyResult | undefined {
  if (!c.profile) return undefined;
  const root = profileBody(c.sel, c.profile, c.doc, c.m, c.mass);
  if (!root) return undefined;
  removeNodes((c.profile.remove ?? []).flatMap((s) => c.sel.all(s, root)).filter((el) => el !== root));
  pruneFurniture(root, { mass: c.mass });
  pruneLinkLists(root);
  const r = renderBlocks([root], c.url);
  return { ...r, method: `profile:${c.profile.name}`, root };
}

function bodyGeneric(c: Context): BodyResult | undefined {
  const body = c.sel.first('body') ?? c.doc;
  pruneFurniture(body, { mass: c.mass });
  const m = measure(body);
  const bySel = findBySelectors(body, c.sel, m);
  if (bySel) {
    pruneLinkLists(bySel);
    const r = renderBlocks([bySel], c.url);
    if (r.paragraphs.join(' ').length >= 150) return { ...r, method: 'selector', root: bySel };
  }
  const dens = findByDensity(body, m);
  if (dens) {
    for (const n of dens.nodes) pruneLinkLists(n);
    const r = renderBlocks(dens.nodes, c.url);
    if (r.paragraphs.length) return { ...r, method: 'density', root: dens.nodes[0] };
  }
  return undefined;
}

/** Last resort: every paragraph-like element with some text, in page order. */
function bodyFallback(c: Context): BodyResult {
  const body = c.sel.first('body') ?? c.doc;
  const ps = elementsOf(body, (e) => e.name === 'p' && textOf(e).length >= 40);
  if (ps.length) {
    const r = renderBlocks(ps, c.url);
    return { ...r, method: 'fallback' };
  }
  return { ...renderBlocks([body], c.url), method: 'fallback' };
}

/** Body paragraphs minus repeats of the title/lead, dates, file names, labels, teasers and the byline. */
function tidyParagraphs(paras: string[], title: string | undefined, lead: string | undefined, author?: string): { paragraphs: string[]; byline?: string } {
  let out = paras.filter((p, i) => {
    if (isFileName(p) || LABELS.test(p) || TEASER_START.test(p)) return false;
    // The header repeated inside the body: headline, a date line, `date | author`, the author alone.
    if (i < 4 && p.length < 160) {
      if (similar(p, title) || isDateLine(p)) return false;
      if (author && (p === author || parseByline(p)?.author === author || isDateLine(p.replace(author, '')))) return false;
    }
    return true;
  });
  if (lead) {
    // The sapo sometimes repeats as the first paragraph (or is a prefix-less copy of it).
    out = out.filter((p, i) => !(i < 3 && (similar(p, lead) || (p.length > 40 && p.length <= lead.length && sameKey(lead).endsWith(sameKey(p))))));
  }
  // Bylines, source lines and `(tổng hợp)` notes at the end.
  let byline: string | undefined;
  for (let k = 0; k < 3 && out.length; k++) {
    const last = out[out.length - 1];
    const b = parseByline(last);
    if (b) {
      byline ??= b.author;
      out.pop();
      continue;
    }
    if (last.length <= 40 && (isSourceLine(last) || /^\(?(?:tổng hợp|theo [^)]+)\)?$/i.test(last)) && out.length > 1 && byline === undefined) {
      const prev = parseByline(out[out.length - 2]);
      if (prev) {
        out.pop();
        continue;
      }
    }
    break;
  }
  return { paragraphs: out, byline };
}

// ---------------------------------------------------------------- entry point

/**
 * Cut the article out of a page. `url` (the page's address) picks the site profile and resolves links;
 * without it the canonical URL is used. Throws PageError for input that is not a page (binary, JSON,
 * not a string); plain text without tags is read as a text article.
 */
export interface CleanHtmlOptions {
  /** Site profiles to use (default: all of sites/). Pass [] to test the generic steps alone. */
  profiles?: readonly SiteProfile[];
}

export function cleanHtml(html: string, url?: string, options: CleanHtmlOptions = {}): CleanedArticle {
  const name = url ?? '<html>';
  guardInput(html, name);
  flatten(html);
  const warnings: string[] = [];
  if (!/<[a-z!/?]/i.test(html.slice(0, 200_000))) {
    const t = cleanText(html);
    return { ...t, url, method: 'text', warnings: ['no markup: read as plain text'] };
  }
  // Scripts, styles and comments go before tokenizing: half of a news page, and never text.
  let src = stripHeavy(html);
  if (src.length > MAX_HTML_CHARS) {
    // Cut at a tag boundary near the limit: the head and the start of the body hold the article.
    const cut = src.lastIndexOf('<', MAX_HTML_CHARS);
    src = src.slice(0, cut > MAX_HTML_CHARS * 0.9 ? cut : MAX_HTML_CHARS);
    warnings.push(`page cut to ${MAX_HTML_CHARS} characters`);
  }
  const { doc, stats } = parseHtml(src);
  if (stats.flattened) warnings.push(`${stats.flattened} elements nested deeper than the limit were flattened`);
  if (stats.dropped) warnings.push(`${stats.dropped} elements past the limit were dropped`);

  const sel = new Selector(doc);
  const md = readMetadata(doc, url, sel);
  const profile = findProfile(url, options.profiles) ?? findProfile(md.canonicalUrl, options.profiles);
  const pageUrl = url ?? md.canonicalUrl;
  const host = hostOf(pageUrl);
  const m = measure(doc);
  const mass = paragraphMass(doc, m);
  let pageMass = 0;
  for (const v of mass.values()) if (v > pageMass) pageMass = v;
  const c: Context = { doc, sel, md, profile, url: pageUrl, host, siteName: profile?.siteName ?? md.siteName, m, mass, pageMass };

  // Visible fields first: pruning removes headers and breadcrumbs.
  const { title, el: titleEl } = chooseTitle(c);
  const leadEl = chooseLead(c, titleEl);
  let lead = leadEl ? cleanInline(textOf(leadEl)) || undefined : undefined;
  const publishedAt = chooseDate(c, titleEl);
  let modifiedAt = md.modifiedAt;
  if (profile?.modified) for (const el of pick(sel, profile.modified, doc)) modifiedAt = dateFromElement(el) ?? modifiedAt;
  const section = chooseSection(c, title, titleEl);
  const tags = chooseTags(c, titleEl);
  let author = chooseAuthor(c, titleEl);

  // Body: profile, then generic selectors and density, then every paragraph.
  const body = bodyFromProfile(c) ?? bodyGeneric(c) ?? bodyFallback(c);
  let paragraphs = body.paragraphs;
  const bodyRoot = body.root;
  const leadInBody = !!(leadEl && bodyRoot && isInside(leadEl, bodyRoot));

  // No sapo element: the first paragraph is the sapo when the description says so.
  if (!lead && md.description && paragraphs.length > 1 && paragraphs[0].length < 2000 && (similar(paragraphs[0], md.description) || sameKey(paragraphs[0]).startsWith(sameKey(md.description).replace(/ \S*$/, '').slice(0, 80)))) {
    lead = paragraphs[0];
  }
  const tidy = tidyParagraphs(paragraphs, title, leadInBody ? undefined : lead, author);
  paragraphs = tidy.paragraphs;
  if (lead && !leadInBody && !paragraphs.slice(0, 2).some((p) => similar(p, lead))) paragraphs = [lead, ...paragraphs];
  if (!lead && md.description && !paragraphs.length) lead = md.description;

  author ??= tidy.byline ? cleanAuthor(tidy.byline, { siteName: c.siteName, host }) : undefined;

  const text = paragraphs.join('\n\n');
  let images = body.images;
  if (!images.length && md.image) images = [{ src: md.image }];
  const language = md.language ?? (looksVietnamese(text) ? 'vi' : undefined);
  const siteName = profile?.siteName ?? (md.siteName && !/^https?:/i.test(md.siteName) ? md.siteName : undefined) ?? md.publisher ?? host;

  const out: CleanedArticle = {
    url,
    canonicalUrl: md.canonicalUrl,
    title,
    lead,
    text,
    paragraphs,
    publishedAt,
    modifiedAt,
    author,
    section,
    tags,
    language,
    siteName,
    images,
    method: body.method,
  };
  if (warnings.length) out.warnings = warnings;
  return out;
}

function isInside(n: AnyNode, anc: AnyNode): boolean {
  for (let p: AnyNode | null = n; p; p = p.parent) if (p === anc) return true;
  return false;
}

