// Paragraph text per element: the measure both the boilerplate pruning and the density step use.
import type { Element } from 'domhandler';
import { INVISIBLE, elementsOf, isElement, isText, measure, type AnyNode } from './dom.js';

export type Measures = ReturnType<typeof measure>;

const INLINE = new Set(['a', 'b', 'strong', 'i', 'em', 'u', 'span', 'font', 'sub', 'sup', 'small', 'big', 'mark', 'abbr', 'cite', 'q', 'code', 'time', 'br', 'wbr', 'img', 'label', 'ins', 'del', 's', 'strike', 'tt']);
export const PARA_TAGS = new Set(['p', 'pre', 'blockquote', 'li', 'dd', 'td', 'h2', 'h3', 'h4']);
const MIN_BLOCK = 40;

/** The text an element holds directly, as a paragraph would: own text nodes plus inline children. */
export function inlineLen(el: Element, m: Measures): { len: number; links: number } {
  let len = 0;
  let links = 0;
  for (const c of el.children) {
    if (isText(c)) len += c.data.trim() ? c.data.replace(/\s+/g, ' ').length : 0;
    else if (isElement(c) && INLINE.has(c.name)) {
      len += m.len.get(c) ?? 0;
      links += m.linkLen.get(c) ?? 0;
    }
  }
  return { len, links };
}

/** Elements that read as paragraphs, with their own length and link length. */
export function textBlocks(root: AnyNode, m: Measures): Array<{ el: Element; len: number; links: number }> {
  const out: Array<{ el: Element; len: number; links: number }> = [];
  for (const el of elementsOf(root)) {
    if (INVISIBLE.has(el.name)) continue;
    if (PARA_TAGS.has(el.name)) {
      // Count a list item or cell only when it holds text directly, not nested blocks.
      const own = el.name === 'p' || el.name === 'pre' ? { len: m.len.get(el) ?? 0, links: m.linkLen.get(el) ?? 0 } : inlineLen(el, m);
      if (own.len) out.push({ el, ...own });
    } else if (!INLINE.has(el.name)) {
      const own = inlineLen(el, m);
      if (own.len >= MIN_BLOCK) out.push({ el, ...own });
    }
  }
  return out;
}

/**
 * Length of article-like paragraph text under every element: paragraphs of 40+ characters that are
 * mostly not links, added to each ancestor up to root.
 */
export function paragraphMass(root: AnyNode, m: Measures = measure(root)): Map<Element, number> {
  const mass = new Map<Element, number>();
  for (const b of textBlocks(root, m)) {
    if (b.len < MIN_BLOCK || b.links / b.len > 0.3) continue;
    for (let p: AnyNode | null = b.el; p; p = p.parent) {
      if (isElement(p)) mass.set(p, (mass.get(p) ?? 0) + b.len);
      if (p === root) break;
    }
  }
  return mass;
}

