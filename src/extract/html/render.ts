// Turn the article container into paragraphs: block elements, headings and list items each make a
// paragraph, `<br><br>` splits one, a single `<br>` is a space, data tables become rows of
// tab-separated cells. Images and their captions go to `images`, never to the text.
import type { Element } from 'domhandler';
import { INVISIBLE, classTokens, elementsOf, isElement, isText, someUnder, textOf, textUpTo, type AnyNode } from './dom.js';
import { cleanInline } from './text.js';
import type { ImageRef } from './types.js';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'ul', 'html',
]);
const SKIP = new Set([...INVISIBLE, 'button', 'input', 'select', 'textarea', 'option', 'audio', 'video', 'source', 'picture-source', 'map', 'area']);
const CAPTION_RE = /caption|chu-?thich|chuthich|image-?desc|img-?desc|photo-?desc|pic-?desc|desc-?image|imgcaption|image_caption|img_caption|expnoedit|^photocms_caption$|^image-note$/;
const BR = '\u2028';

/** A caption that is only a file name (`anh man hinh 2024 01 03 luc 212933.png`, `IMG_1234.JPG`). */
export function isFileName(s: string): boolean {
  const t = s.trim();
  return t.length < 160 && /^[\w\s().,+~-]+\.(?:png|jpe?g|gif|webp|bmp|tiff?|svg|heic|avif)$/i.test(t);
}

export function isCaptionElement(el: Element): boolean {
  if (el.name === 'figcaption') return true;
  const toks = classTokens(el);
  if (toks.some((t) => CAPTION_RE.test(t))) return true;
  return el.name === 'p' && toks.includes('image');
}

export function imageSrc(img: Element, base?: string): string | undefined {
  const a = img.attribs;
  const srcset = (a['data-srcset'] ?? a.srcset ?? '').split(',')[0]?.trim().split(/\s+/)[0];
  const cands = [a['data-src'], a['data-original'], a['data-lazy-src'], a['data-lazy'], a['data-url'], a.src, srcset];
  for (const c of cands) {
    if (!c || /^data:/i.test(c) || /(?:^|\/)(?:blank|spacer|pixel|1x1)\.(?:gif|png)/i.test(c)) continue;
    try {
      return new URL(c.trim(), base).href;
    } catch {
      continue;
    }
  }
  return undefined;
}

function hasImage(el: Element): boolean {
  return someUnder(el, (e) => e.name === 'img' || e.name === 'picture', 300);
}

/** Share of an element's text that sits inside <em>/<i>: a whole-italic short line after a photo is its caption. */
function italicShare(el: Element): number {
  const all = textOf(el).length;
  if (!all) return 0;
  let it = 0;
  for (const e of elementsOf(el, (x) => x.name === 'em' || x.name === 'i')) {
    if (!hasItalicAncestor(e, el)) it += textOf(e).length;
  }
  return it / all;
}

function hasItalicAncestor(e: Element, stop: Element): boolean {
  for (let p = e.parent; p && p !== stop; p = p.parent) if (isElement(p) && (p.name === 'em' || p.name === 'i')) return true;
  return false;
}

/** A table used for layout (blocks of text in cells) rather than data. */
function isLayoutTable(t: Element): boolean {
  let cells = 0;
  someUnder(t, (e) => (e.name === 'td' || e.name === 'th') && ++cells > 1, 2000);
  if (cells <= 1) return true;
  // Nested tables, or cells holding paragraphs: layout. Looked for in the first few thousand nodes.
  return someUnder(t, (e) => e.name === 'table' || ((e.name === 'p' || e.name === 'div' || e.name === 'ul') && textUpTo(e, 150).length >= 150), 3000);
}

function tableRows(t: Element): string[] {
  const rows: string[] = [];
  for (const tr of elementsOf(t, (e) => e.name === 'tr')) {
    // Only this table's rows, not those of a nested one.
    let owner: AnyNode | null = tr.parent;
    while (owner && !(isElement(owner) && owner.name === 'table')) owner = owner.parent;
    if (owner !== t) continue;
    const cells = tr.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
    const vals = cells.map((c) => cleanInline(textOf(c)));
    if (vals.some(Boolean)) rows.push(vals.join('\t'));
  }
  return rows;
}

export interface Rendered {
  paragraphs: string[];
  images: ImageRef[];
}

/** Render the given nodes (in order) to paragraphs. Iterative: safe on any depth. */
export function renderBlocks(nodes: AnyNode[], base?: string): Rendered {
  const paragraphs: string[] = [];
  const images: ImageRef[] = [];
  const seenSrc = new Set<string>();
  let buf = '';
  let afterImage = false;

  const addImage = (src: string | undefined, caption?: string) => {
    if (!src || seenSrc.has(src)) {
      if (src && caption) {
        const img = images.find((i) => i.src === src);
        if (img && !img.caption) img.caption = caption;
      }
      return;
    }
    seenSrc.add(src);
    const cap = caption && !isFileName(caption) ? caption : undefined;
    images.push(cap ? { src, caption: cap } : { src });
  };
  const attachCaption = (caption: string) => {
    const last = images[images.length - 1];
    if (last && !last.caption && caption && !isFileName(caption)) last.caption = caption;
  };
  const flush = (): boolean => {
    if (!buf) return false;
    const chunks = buf.split(new RegExp(`${BR}(?:\\s*${BR})+`));
    buf = '';
    let any = false;
    for (const c of chunks) {
      const t = cleanInline(c.split(BR).join(' '));
      if (t) {
        paragraphs.push(t);
        any = true;
      }
    }
    return any;
  };

  type Item = AnyNode | { close: Element; imagesBefore: number; parasBefore: number };
  // parasBefore/imagesBefore: counts when the block opened, to see what the block itself produced.
  const stack: Item[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]);
  while (stack.length) {
    const item = stack.pop()!;
    if ('close' in item) {
      const el = item.close;
      flush();
      const made = paragraphs.length - item.parasBefore;
      const imaged = images.length > item.imagesBefore;
      if (made === 0 && imaged) afterImage = true;
      else if (made > 0) {
        // A short, all-italic line right after a photo is the photo's caption.
        if (afterImage && made === 1 && paragraphs[paragraphs.length - 1].length <= 300 && !imaged && italicShare(el) >= 0.9) {
          attachCaption(paragraphs.pop()!);
        }
        afterImage = false;
      }
      continue;
    }
    const n = item;
    if (isText(n)) {
      buf += n.data;
      continue;
    }
    if (!isElement(n)) continue;
    const name = n.name;
    if (SKIP.has(name)) continue;
    if (name === 'br') {
      buf += BR;
      continue;
    }
    if (name === 'img') {
      addImage(imageSrc(n, base));
      continue;
    }
    if (isCaptionElement(n)) {
      flush();
      for (const img of elementsOf(n, (e) => e.name === 'img')) addImage(imageSrc(img, base));
      attachCaption(cleanInline(textOf(n)));
      continue;
    }
    if (name === 'figure' || name === 'table') {
      const text = textUpTo(n, 600);
      if (text.length <= 600 && hasImage(n)) {
        flush();
        const capEl = elementsOf(n, (e) => isCaptionElement(e))[0];
        const caption = cleanInline(capEl ? textOf(capEl) : text);
        const imgs = elementsOf(n, (e) => e.name === 'img');
        imgs.forEach((img, i) => addImage(imageSrc(img, base), i === 0 ? caption || undefined : undefined));
        afterImage = true;
        continue;
      }
      if (name === 'table' && !isLayoutTable(n)) {
        flush();
        paragraphs.push(...tableRows(n));
        afterImage = false;
        continue;
      }
    }
    if (BLOCK.has(name)) {
      flush();
      stack.push({ close: n, imagesBefore: images.length, parasBefore: paragraphs.length });
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  flush();
  return { paragraphs, images };
}
