// Parsing and DOM helpers. Nothing here recurses over the tree, and nothing is quadratic in depth:
// pages can nest 100 000 elements. The tokenizer is our own (htmlparser2's open-element stack is an
// array it unshifts, which takes seconds on such pages); it builds domhandler nodes so cheerio and
// css-select still work on the result. Elements deeper than MAX_DEPTH are flattened.
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { Document, Element, Text, type AnyNode, type ChildNode, type ParentNode } from 'domhandler';

export type { AnyNode, ChildNode, ParentNode };
export { Document, Element, Text };

/** Deeper elements are kept but their children become siblings: no real page nests this deep. */
export const MAX_DEPTH = 256;
/** Elements past this count are dropped (their text is kept): bounds memory on hostile pages. */
export const MAX_ELEMENTS = 50_000;

/** Elements whose content is never visible text. */
export const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'head', 'title', 'meta', 'link', 'base']);

export interface ParseStats {
  elements: number;
  flattened: number;
  dropped: number;
}

const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Content is text up to the matching close tag; RCDATA ones decode entities. */
const RAW = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
const RCDATA = new Set(['textarea', 'title']);

// Start tags that close open elements first (as htmlparser2 and browsers do): `<p>` after `<p>`, `<li>` after `<li>`.
const P_CLOSERS = ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'];
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['select', FORM],
  ['input', FORM],
  ['output', FORM],
  ['button', FORM],
  ['datalist', FORM],
  ['textarea', FORM],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', new Set(['dd', 'dt'])],
  ['dt', new Set(['dd', 'dt'])],
  ['rt', new Set(['rt', 'rp'])],
  ['rp', new Set(['rt', 'rp'])],
  ['tbody', new Set(['thead', 'tbody'])],
  ['tfoot', new Set(['thead', 'tbody'])],
  ...P_CLOSERS.map((t) => [t, new Set(['p'])] as [string, Set<string>]),
]);

const NAME = /[a-zA-Z][^\s/>]*/y;
// One attribute, or a stray slash. Quoted values may hold `>`.
const ATTR = /[\s/]*([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/y;
const TAG_END = /[\s/]*>/y;

const CLOSE_RE = new Map<string, RegExp>();

const FIND_RE = new Map<string, RegExp>();

/**
 * `s.indexOf(needle, from)` through a cached global regex. In optimised code V8's indexOf with a start
 * position can cost O(length) per call (measured: a million calls on a 1 MB page took 20 s); a regex
 * search costs only the distance it scans.
 */
export function findFrom(s: string, needle: string, from: number): number {
  let re = FIND_RE.get(needle);
  if (!re) FIND_RE.set(needle, (re = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g')));
  re.lastIndex = from;
  return re.test(s) ? re.lastIndex - needle.length : -1;
}

/**
 * Make V8 store a concatenated string flat. A page built by `+` is a rope; on very large ropes every
 * character access can re-walk it, which turned a 1 MB run of `<` into a 20-second parse.
 */
export function flatten(s: string): string {
  Number(s);
  return s;
}

function decodeText(s: string): string {
  return s.includes('&') ? decodeHTML(s) : s;
}

class TreeBuilder {
  readonly root = new Document([]);
  readonly stats: ParseStats = { elements: 0, flattened: 0, dropped: 0 };
  private readonly stack: ParentNode[] = [this.root];
  /** How many elements of each name are open: a close tag with none open is ignored in O(1). */
  private readonly open = new Map<string, number>();

  private top(): ParentNode {
    return this.stack[this.stack.length - 1];
  }

  private append(node: ChildNode): void {
    const parent = this.top();
    const kids = parent.children;
    const prev = kids[kids.length - 1];
    kids.push(node);
    node.parent = parent;
    if (prev) {
      node.prev = prev;
      prev.next = node;
    }
  }

  /** Text waiting to become one node: runs of `<` or entities arrive in many pieces. */
  private pending: string[] = [];

  text(data: string): void {
    if (data) this.pending.push(data);
  }

  /** Turn pending text into a node (called before any element event and at the end). */
  flush(): void {
    if (!this.pending.length) return;
    const data = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    this.pending = [];
    const kids = this.top().children;
    const last = kids[kids.length - 1];
    if (last && last.type === 'text') (last as Text).data += data;
    else this.append(new Text(data));
  }

  private pop(): void {
    const el = this.stack.pop() as Element;
    this.open.set(el.name, (this.open.get(el.name) ?? 1) - 1);
  }

  /** A raw-text element (script, style, title, ...): its content is one text child, never open. */
  rawElement(name: string, attribs: Record<string, string>, content: string): void {
    this.flush();
    const implied = IMPLIES_CLOSE.get(name);
    if (implied) {
      while (this.stack.length > 1 && implied.has((this.top() as Element).name)) this.pop();
    }
    if (this.stats.elements >= MAX_ELEMENTS) {
      this.stats.dropped++;
      return;
    }
    this.stats.elements++;
    const el = new Element(name, attribs);
    this.append(el);
    if (content) {
      const t = new Text(content);
      t.parent = el;
      el.children.push(t);
    }
  }

  openTag(name: string, attribs: Record<string, string>): void {
    this.flush();
    const implied = IMPLIES_CLOSE.get(name);
    if (implied) {
      while (this.stack.length > 1 && implied.has((this.top() as Element).name)) this.pop();
    }
    if (this.stats.elements >= MAX_ELEMENTS) {
      this.stats.dropped++;
      return;
    }
    this.stats.elements++;
    const el = new Element(name, attribs);
    this.append(el);
    if (VOID.has(name)) return;
    if (this.stack.length > MAX_DEPTH) {
      this.stats.flattened++;
      return;
    }
    this.stack.push(el);
    this.open.set(name, (this.open.get(name) ?? 0) + 1);
  }

  closeTag(name: string): void {
    this.flush();
    if (VOID.has(name)) {
      if (name === 'br') this.openTag('br', {});
      return;
    }
    if (!this.open.get(name)) return;
    while (this.stack.length > 1) {
      const el = this.top() as Element;
      this.pop();
      if (el.name === name) break;
    }
  }
}

/**
 * Parse HTML into a domhandler Document: lenient like a browser for what matters here (implied end
 * tags, void and raw-text elements, entities), linear in the input, never deeper than MAX_DEPTH.
 */
export function parseHtml(html: string): { doc: Document; stats: ParseStats } {
  flatten(html);
  const b = new TreeBuilder();
  const n = html.length;
  let pos = 0;
  while (pos < n) {
    const lt = findFrom(html, '<', pos);
    if (lt < 0) {
      b.text(decodeText(html.slice(pos)));
      break;
    }
    if (lt > pos) b.text(decodeText(html.slice(pos, lt)));
    const c = html.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      const end = html.startsWith('!--', lt + 1) ? findFrom(html, '-->', lt + 4) : findFrom(html, '>', lt + 2);
      pos = end < 0 ? n : end + (html.startsWith('!--', lt + 1) ? 3 : 1);
      continue;
    }
    if (c === 63 /* ? */) {
      const end = findFrom(html, '>', lt + 2);
      pos = end < 0 ? n : end + 1;
      continue;
    }
    if (c === 47 /* / */) {
      NAME.lastIndex = lt + 2;
      const m = NAME.exec(html);
      const end = findFrom(html, '>', lt + 2);
      if (m) b.closeTag(m[0].toLowerCase());
      pos = end < 0 ? n : end + 1;
      continue;
    }
    // Not a letter after `<`: plain text (checked before touching the regex, which is costlier).
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) {
      b.text('<');
      pos = lt + 1;
      continue;
    }
    NAME.lastIndex = lt + 1;
    const m = NAME.exec(html)!;
    const name = m[0].toLowerCase();
    const attribs: Record<string, string> = {};
    let p = NAME.lastIndex;
    for (;;) {
      TAG_END.lastIndex = p;
      if (TAG_END.test(html)) {
        p = TAG_END.lastIndex;
        break;
      }
      ATTR.lastIndex = p;
      const a = ATTR.exec(html);
      if (!a || ATTR.lastIndex === p) {
        // Broken markup (an unclosed quote): end the tag at the next `>`.
        const end = findFrom(html, '>', p);
        p = end < 0 ? n : end + 1;
        break;
      }
      p = ATTR.lastIndex;
      const key = a[1].toLowerCase();
      if (!(key in attribs)) {
        const v = a[2] ?? a[3] ?? a[4] ?? '';
        attribs[key] = v.includes('&') ? decodeHTMLAttribute(v) : v;
      }
    }
    pos = p;
    if (RAW.has(name) || RCDATA.has(name)) {
      // Text up to the matching close tag, searched case-insensitively.
      let close = CLOSE_RE.get(name);
      if (!close) CLOSE_RE.set(name, (close = new RegExp(`</${name}(?=[\\s/>])`, 'ig')));
      close.lastIndex = pos;
      const e = close.exec(html);
      const stop = e ? e.index : n;
      const body = html.slice(pos, stop);
      b.rawElement(name, attribs, RCDATA.has(name) ? decodeText(body) : body);
      if (e) {
        const gt = findFrom(html, '>', stop);
        pos = gt < 0 ? n : gt + 1;
      } else pos = n;
    } else b.openTag(name, attribs);
  }
  b.flush();
  return { doc: b.root, stats: b.stats };
}

export function isElement(n: AnyNode | null | undefined): n is Element {
  return !!n && (n.type === 'tag' || n.type === 'script' || n.type === 'style');
}

export function isText(n: AnyNode | null | undefined): n is Text {
  return !!n && n.type === 'text';
}

/** Pre-order walk. `visit` returns false to skip a node's children. */
export function walk(root: AnyNode, visit: (n: AnyNode) => boolean | void): void {
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (visit(n) === false) continue;
    const kids = (n as ParentNode).children;
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

/** All elements under root (root included when it is one), in document order. */
export function elementsOf(root: AnyNode, filter?: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  walk(root, (n) => {
    if (isElement(n) && (!filter || filter(n))) out.push(n);
  });
  return out;
}

/** Raw visible text (script, style and friends skipped), whitespace as in the source. */
export function rawText(root: AnyNode): string {
  const parts: string[] = [];
  walk(root, (n) => {
    if (isText(n)) parts.push(n.data);
    else if (isElement(n) && INVISIBLE.has(n.name)) return false;
  });
  return parts.join('');
}

/** Visible text with whitespace collapsed. */
export function textOf(root: AnyNode): string {
  return rawText(root).replace(/\s+/g, ' ').trim();
}

export function attr(el: Element, name: string): string | undefined {
  const v = el.attribs[name];
  return v === undefined ? undefined : v;
}

export function classTokens(el: Element): string[] {
  const c = el.attribs.class;
  return c ? c.toLowerCase().split(/\s+/).filter(Boolean) : [];
}

/** Detach many nodes at once: one pass per parent instead of a splice per node (pages can have 100 000 siblings). */
export function removeNodes(nodes: Iterable<ChildNode>): void {
  const byParent = new Map<ParentNode, Set<ChildNode>>();
  for (const n of nodes) {
    if (!n.parent) continue;
    let set = byParent.get(n.parent);
    if (!set) byParent.set(n.parent, (set = new Set()));
    set.add(n);
  }
  for (const [parent, gone] of byParent) {
    const kept = parent.children.filter((c) => !gone.has(c));
    for (const n of gone) n.parent = n.prev = n.next = null;
    for (let i = 0; i < kept.length; i++) {
      kept[i].prev = kept[i - 1] ?? null;
      kept[i].next = kept[i + 1] ?? null;
    }
    parent.children = kept;
  }
}

/** Does any node under root (root excluded) pass the test? Stops early, and after `maxNodes` visits. */
export function someUnder(root: AnyNode, test: (e: Element) => boolean, maxNodes = 5000): boolean {
  let seen = 0;
  let found = false;
  walk(root, (n) => {
    if (found || ++seen > maxNodes) return false;
    if (n !== root && isElement(n) && test(n)) found = true;
    return !found;
  });
  return found;
}

/** Visible text under root, but stop collecting after `max` characters (cheap size checks). */
export function textUpTo(root: AnyNode, max: number): string {
  let out = '';
  walk(root, (n) => {
    if (out.length > max) return false;
    if (isText(n)) out += n.data;
    else if (isElement(n) && INVISIBLE.has(n.name)) return false;
  });
  return out.replace(/\s+/g, ' ').trim();
}

/** Detach a node from its parent. */
export function removeNode(n: ChildNode): void {
  const parent = n.parent;
  if (!parent) return;
  const i = parent.children.indexOf(n);
  if (i >= 0) parent.children.splice(i, 1);
  if (n.prev) n.prev.next = n.next;
  if (n.next) n.next.prev = n.prev;
  n.parent = n.prev = n.next = null;
}

/** Depth of a node (root = 0), by walking up. */
export function depthOf(n: AnyNode): number {
  let d = 0;
  for (let p = n.parent; p; p = p.parent) d++;
  return d;
}

export function contains(ancestor: AnyNode, n: AnyNode): boolean {
  for (let p: AnyNode | null = n; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** The nearest ancestor (or self) that passes the test, up to `limit` levels. */
export function closest(n: AnyNode, test: (e: Element) => boolean, limit = 50): Element | undefined {
  let p: AnyNode | null = n;
  for (let i = 0; p && i <= limit; i++, p = p.parent) if (isElement(p) && test(p)) return p;
  return undefined;
}

/** Text lengths of every element under root, total and inside links, computed bottom-up in one pass. */
export function measure(root: AnyNode): { len: Map<Element, number>; linkLen: Map<Element, number>; links: Map<Element, number> } {
  const len = new Map<Element, number>();
  const linkLen = new Map<Element, number>();
  const links = new Map<Element, number>();
  // Pre-order list, then reversed: every element comes after all of its descendants.
  const order: Element[] = [];
  walk(root, (n) => {
    if (!isElement(n)) return n.type === 'root';
    if (INVISIBLE.has(n.name)) {
      len.set(n, 0);
      linkLen.set(n, 0);
      links.set(n, 0);
      return false;
    }
    order.push(n);
    return true;
  });
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i];
    let total = 0;
    let inLinks = 0;
    let count = el.name === 'a' ? 1 : 0;
    for (const c of el.children) {
      if (c.type === 'text') total += countChars(c.data);
      else if (isElement(c)) {
        total += len.get(c) ?? 0;
        inLinks += linkLen.get(c) ?? 0;
        count += links.get(c) ?? 0;
      }
    }
    len.set(el, total);
    linkLen.set(el, el.name === 'a' ? total : inLinks);
    links.set(el, count);
  }
  return { len, linkLen, links };
}

/** Characters of text ignoring runs of whitespace (each run counts as one). A native replace beats a char loop. */
export function countChars(s: string): number {
  return s.length < 2 ? s.length : s.replace(/\s+/g, ' ').length;
}
