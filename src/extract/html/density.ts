// Cascade step 3, for pages of unknown sites: find the element that holds the article.
// First the class names Vietnamese (and common) CMSes give article bodies, checked against the text
// they hold; then a Readability-style text-density score over paragraphs.
import type { Element } from 'domhandler';
import { classTokens, isElement, isText, measure, type AnyNode } from './dom.js';
import { POSITIVE_RE, isFurniture } from './boilerplate.js';
import { PARA_TAGS, paragraphMass, textBlocks, type Measures } from './mass.js';
import type { Selector } from './select.js';


/** Article-body containers of common CMSes, most specific first. */
export const BODY_SELECTORS = [
  '[itemprop="articleBody"]',
  '[data-role="content"]',
  '.fck_detail',
  '.singular-content',
  '.dt-news__content',
  '.the-article-body',
  '.article__body',
  '.article-body',
  '.articleBody',
  '.article-content',
  '.article__content',
  '.article-detail',
  '.detail-content',
  '.detail__content',
  '.detail-body',
  '.content-detail',
  '.contentdetail',
  '.content_detail',
  '.detail_content',
  '.maincontent',
  '#maincontent',
  '.main-content-detail',
  '.news-content',
  '.newsContent',
  '.post-content',
  '.entry-content',
  '.td-post-content',
  '.single-content',
  '.story-body',
  '.story__body',
  '.cms-body',
  '.content-body',
  '.body-content',
  '.box-content-detail',
  '.noidung',
  '.noi-dung',
  '.chi-tiet',
  '.chitiet',
  '.journal-content-article',
  '.art-body',
  '.text-content',
  '.bodytext',
  '#content_detail',
  '#content_detail_news',
  '.content_detail_news',
  '.news-detail-content',
  '.detail-content-body',
  '.article__body-content',
  '.article-text',
  '.post-body',
  '#article-body',
  '#divNewsContent',
  '.ArticleContent',
  '#ArticleContent',
  '.b-maincontent',
  '.boxdetail',
  '.zce-content-body',
  '.detail--normal',
  '#ctl00_mainContent',
  'article',
];

/** Best match of the known body selectors: the deepest one holding nearly all of the best one's text. */
export function findBySelectors(root: AnyNode, sel: Selector, m: Measures = measure(root)): Element | undefined {
  const mass = paragraphMass(root, m);
  let pageMass = 0;
  for (const v of mass.values()) if (v > pageMass) pageMass = v;
  const found = new Set<Element>();
  for (const s of BODY_SELECTORS) for (const el of sel.all(s, root)) found.add(el);
  let best: Element | undefined;
  let bestMass = 0;
  for (const el of found) {
    const v = mass.get(el) ?? 0;
    if (v > bestMass) {
      best = el;
      bestMass = v;
    }
  }
  // Too little text, or a small part of what the page holds: not the article container.
  if (!best || bestMass < 200 || bestMass < pageMass * 0.3) return undefined;
  let pick = best;
  for (const el of found) {
    if (el !== best && (mass.get(el) ?? 0) >= bestMass * 0.9 && depth(el) > depth(pick) && isInside(el, best)) pick = el;
  }
  return pick;
}

function depth(n: AnyNode): number {
  let d = 0;
  for (let p = n.parent; p; p = p.parent) d++;
  return d;
}

function isInside(n: AnyNode, anc: AnyNode): boolean {
  for (let p: AnyNode | null = n; p; p = p.parent) if (p === anc) return true;
  return false;
}

function classWeight(el: Element): number {
  let w = 0;
  const toks = classTokens(el);
  if (el.attribs.id) toks.push(el.attribs.id.toLowerCase());
  if (toks.some((t) => POSITIVE_RE.test(t))) w += 25;
  if (isFurniture(el)) w -= 25;
  if ((el.attribs.itemprop ?? '').toLowerCase() === 'articlebody') w += 50;
  return w;
}

function baseScore(el: Element): number {
  switch (el.name) {
    case 'article':
      return 10;
    case 'div':
    case 'section':
    case 'main':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
    case 'address':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

export interface DensityResult {
  /** The winning container and the siblings that belong with it, in document order. */
  nodes: Element[];
  score: number;
}

/** Readability-style scoring: paragraphs vote for their parent (1) and ancestors (1/2, 1/6, 1/9 ...). */
export function findByDensity(root: AnyNode, m: Measures = measure(root)): DensityResult | undefined {
  const scores = new Map<Element, number>();
  for (const b of textBlocks(root, m)) {
    if (b.len < 25) continue;
    const text = b.len;
    if (b.links / text > 0.5) continue;
    const el = b.el;
    const commas = countCommas(el);
    const points = 1 + commas + Math.min(Math.floor(text / 100), 3);
    // A div holding text directly is itself a paragraph container: it votes for itself first.
    let level = 0;
    const start: AnyNode | null = PARA_TAGS.has(el.name) ? el.parent : el;
    for (let p: AnyNode | null = start; p && level < 5; p = p.parent, level++) {
      if (!isElement(p)) break;
      if (!scores.has(p)) scores.set(p, baseScore(p) + classWeight(p));
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(p, scores.get(p)! + points / div);
      if (p === root) break;
    }
  }
  let top: Element | undefined;
  let topScore = -Infinity;
  for (const [el, s] of scores) {
    const len = m.len.get(el) ?? 0;
    const ld = len ? (m.linkLen.get(el) ?? 0) / len : 0;
    const final = s * (1 - ld);
    scores.set(el, final);
    if (final > topScore) {
      top = el;
      topScore = final;
    }
  }
  if (!top || topScore < 5) return undefined;
  // Climb while the parent scores nearly as well: the article was split over sibling wrappers.
  for (let p = top.parent; p && isElement(p) && p !== root; p = p.parent) {
    const s = scores.get(p) ?? 0;
    if (s >= topScore * 0.75 && (m.linkLen.get(p) ?? 0) / Math.max(1, m.len.get(p) ?? 1) < 0.25) top = p;
    else break;
  }
  const nodes = [top];
  const threshold = Math.max(10, (scores.get(top) ?? topScore) * 0.2);
  const parent = top.parent;
  if (parent && isElement(parent)) {
    const kids = parent.children.filter(isElement);
    const at = kids.indexOf(top);
    const before: Element[] = [];
    const after: Element[] = [];
    for (let i = at - 1; i >= 0; i--) {
      if (belongs(kids[i], scores, threshold, m)) before.unshift(kids[i]);
      else if ((m.len.get(kids[i]) ?? 0) >= 30) break;
    }
    for (let i = at + 1; i < kids.length; i++) {
      if (belongs(kids[i], scores, threshold, m)) after.push(kids[i]);
      else if ((m.len.get(kids[i]) ?? 0) >= 30) break;
    }
    nodes.unshift(...before);
    nodes.push(...after);
  }
  return { nodes, score: topScore };
}

/** A sibling of the winner that also reads as article text (the walk stops at a sibling with other text). */
function belongs(el: Element, scores: Map<Element, number>, threshold: number, m: Measures): boolean {
  if ((scores.get(el) ?? 0) >= threshold && !isFurniture(el)) return true;
  if (el.name !== 'p') return false;
  const len = m.len.get(el) ?? 0;
  const ld = len ? (m.linkLen.get(el) ?? 0) / len : 1;
  return len >= 80 && ld < 0.25;
}

function countCommas(el: Element): number {
  let n = 0;
  for (const c of el.children) if (isText(c) && n < 10) n += c.data.match(/,/g)?.length ?? 0;
  return Math.min(n, 10);
}
