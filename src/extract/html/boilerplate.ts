// Page furniture that is never article text, recognised by tag, class/id/role tokens, or link density.
// Used by the generic steps and, inside the body, after a site profile.
import type { Element } from 'domhandler';
import { classTokens, elementsOf, measure, removeNodes, type AnyNode } from './dom.js';
import { paragraphMass } from './mass.js';

/** Tags removed outright. */
const DROP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'form-button', 'button', 'input', 'select', 'textarea', 'option', 'label', 'nav', 'aside', 'footer', 'dialog', 'audio', 'video', 'source', 'map', 'link', 'meta']);

/**
 * Tokens (of class, id, role, type, data-role) that mark furniture. Matched on `-`/`_` word edges, so
 * `box-related` and `tin_lien_quan` hit, `threads` does not hit `ads`.
 */
const NEGATIVE_WORDS = [
  'related', 'relate', 'relatednews', 'lienquan', 'lien-quan', 'tinlienquan', 'tin-lien-quan', 'tinkhac', 'tin-khac', 'other-news', 'othernews', 'more-news', 'morenews',
  'xemthem', 'xem-them', 'readmore', 'read-more', 'see-also', 'seealso', 'cungchuyenmuc', 'cung-chuyen-muc', 'tincungmuc', 'samecate', 'same-category', 'samezone',
  'comment', 'comments', 'binhluan', 'binh-luan', 'fb-comments', 'disqus', 'share', 'sharing', 'social', 'socials', 'facebook', 'zalo', 'twitter', 'like-share',
  'tag', 'tags', 'tagdetail', 'tag-list', 'keyword', 'keywords', 'tukhoa', 'tu-khoa', 'breadcrumb', 'breadcrumbs', 'menu', 'nav', 'navbar', 'navigation', 'footer', 'header', 'sidebar',
  'banner', 'ads', 'adv', 'advert', 'advertisement', 'quangcao', 'quang-cao', 'qc', 'sponsor', 'sponsored', 'promo', 'popup', 'modal', 'newsletter', 'subscribe',
  'login', 'register', 'rating', 'vote', 'toolbar', 'pagination', 'paging', 'most-read', 'mostread', 'xemnhieu', 'xem-nhieu', 'docnhieu', 'doc-nhieu', 'hot-news', 'hotnews',
  'tin-moi', 'tinmoi', 'latest', 'trending', 'cookie', 'author-info', 'box-author', 'sendstar', 'react', 'reaction', 'follow', 'podcast-player', 'player',
  'widget-related', 'box-tinlienquan', 'box-news-other', 'news-other', 'topic', 'topics', 'dable', 'taboola', 'outbrain', 'relatedbox', 'kbwscwl-relatedbox',
];
const NEGATIVE_RE = new RegExp(`(?:^|[-_])(?:${NEGATIVE_WORDS.map((w) => w.replace(/[-]/g, '[-_]?')).join('|')})(?:$|[-_\\d])`);
/** Substrings that mark furniture anywhere in a token (camelCase names: `VCObjectBoxRelatedNewsItemSapo`). */
const NEGATIVE_SUB = /related|lienquan|binhluan|comment|quangcao|advertis|breadcrumb|newsletter|socialshare|sharebutton|relatenews|tinkhac/;
/** Tokens that mark the article itself: never pruned by the rules above. */
export const POSITIVE_RE = /(?:^|[-_])(?:article|articlebody|article-body|body|content|contents|detail|details|entry|main|maincontent|post|story|text|fck|singular|noidung|noi-dung|chitiet|chi-tiet|baiviet|bai-viet|cms|afcbc)(?:$|[-_])/;

function tokensOf(el: Element): string[] {
  const out = classTokens(el);
  for (const a of ['id', 'role', 'type', 'data-role', 'data-type', 'itemprop', 'aria-label']) {
    const v = el.attribs[a];
    if (v && v.length < 80) out.push(...v.toLowerCase().split(/\s+/));
  }
  return out;
}

/** True when the element's class/id/role says it is furniture (and nothing says it is the article). */
export function isFurniture(el: Element): boolean {
  const toks = tokensOf(el);
  if (!toks.length) return false;
  let neg = false;
  for (const t of toks) {
    if (t === 'articlebody' || t === 'content' || t === 'maincontent' || t === 'article-body') return false;
    if (NEGATIVE_RE.test(t) || NEGATIVE_SUB.test(t)) neg = true;
  }
  return neg;
}

export function isHidden(el: Element): boolean {
  if (el.attribs.hidden !== undefined) return true;
  if (el.attribs['aria-hidden'] === 'true' && el.name !== 'span' && el.name !== 'i') return true;
  const style = el.attribs.style;
  return !!style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

export interface PruneOptions {
  /** Elements that must survive (with their ancestors). */
  keep?: Set<AnyNode>;
  /** Paragraph mass computed earlier for the same tree (saves a pass). */
  mass?: Map<Element, number>;
  /** Also remove <header> and class-matched furniture (off inside a profile's body if it over-prunes). */
  byClass?: boolean;
}

/**
 * Remove furniture under `root` in place. An element that holds most of the paragraph text under
 * `root` is never removed, whatever its class says (a wrapper called `main-nav-wrap` happens).
 */
export function pruneFurniture(root: AnyNode, opts: PruneOptions = {}): void {
  const byClass = opts.byClass ?? true;
  const mass = opts.mass ?? paragraphMass(root, measure(root));
  const total = Math.max(1, maxOf(mass));
  // Holds half the article-like text: keep, whatever its class says.
  const vital = (el: Element) => (mass.get(el) ?? 0) >= total * 0.5;
  const doomed: Element[] = [];
  for (const el of elementsOf(root)) {
    if (el === root) continue;
    if (opts.keep?.has(el)) continue;
    let drop = DROP_TAGS.has(el.name) || isHidden(el);
    if (!drop && byClass) drop = el.name === 'header' || isFurniture(el);
    if (drop && el.name !== 'script' && el.name !== 'style' && vital(el)) drop = false;
    if (drop) doomed.push(el);
  }
  removeNodes(outermost(doomed));
}

/** Drop doomed elements inside other doomed ones: removing the outer one is enough. */
function outermost(doomed: Element[]): Element[] {
  const set = new Set(doomed);
  return doomed.filter((el) => {
    for (let p = el.parent; p; p = p.parent) if (set.has(p as Element)) return false;
    return true;
  });
}

function maxOf(mass: Map<Element, number>): number {
  let n = 0;
  for (const v of mass.values()) if (v > n) n = v;
  return n;
}

/** Remove containers under root that are mostly links (related lists, tag clouds, menus). */
export function pruneLinkLists(root: AnyNode): void {
  const { len, linkLen, links: linkCount } = measure(root);
  const doomed: Element[] = [];
  for (const el of elementsOf(root)) {
    if (el === root || !/^(?:ul|ol|div|section|table|dl|p)$/.test(el.name)) continue;
    const l = len.get(el) ?? 0;
    if (!l) continue;
    const density = (linkLen.get(el) ?? 0) / l;
    const links = linkCount.get(el) ?? 0;
    if (el.name === 'p' ? density > 0.9 && l < 200 && startsLikeTeaser(el) : density > 0.6 && links >= 2 && l < 2000) doomed.push(el);
  }
  removeNodes(outermost(doomed));
}

function startsLikeTeaser(el: Element): boolean {
  // A paragraph that is only a link: keep it unless it reads like a pointer to another article.
  return el.children.length <= 3;
}

/** Narrower than isFurniture: boxes of other articles, comments and footers, where a date, sapo or
 * author name belongs to someone else. Headers and breadcrumbs are not in it. */
const OTHER_RE = /related|lienquan|lien-quan|tinkhac|tin-khac|other|xemthem|xem-them|readmore|read-more|samecate|same-cate|cungchuyenmuc|cung-chuyen-muc|tincungmuc|comment|binhluan|binh-luan|footer|sidebar|mostread|most-read|xemnhieu|xem-nhieu|docnhieu|doc-nhieu|tinmoi|tin-moi|latest|trending|hotnews|hot-news|dable|taboola|outbrain|list-news|news-list|box-news|listing|item-news|story-item|box-category|timeline|widget|banner|menu|^nav|[-_]nav(?:$|[-_])/;

export function isOtherArticlesBox(el: Element): boolean {
  if (el.name === 'nav' || el.name === 'footer' || el.name === 'aside') return true;
  for (const t of classTokens(el)) if (OTHER_RE.test(t)) return true;
  const id = (el.attribs.id ?? '').toLowerCase();
  return !!id && OTHER_RE.test(id);
}
