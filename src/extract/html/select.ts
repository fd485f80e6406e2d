// CSS selectors over our domhandler tree. The simple selectors site profiles use (tag, #id, .class,
// [attr], [attr=v], [attr*=v], [attr^=v], [attr$=v], [attr~=v], descendant and child combinators,
// comma lists) run on a per-document index, compiled once and cached; anything else goes through
// cheerio (css-select). A bad selector selects nothing instead of throwing.
import { load, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Document, Element } from 'domhandler';
import { isElement, walk } from './dom.js';

interface AttrTest {
  name: string;
  op?: '=' | '*=' | '^=' | '$=' | '~=' | '|=';
  value?: string;
  ci?: boolean;
}

interface Compound {
  tag?: string;
  id?: string;
  classes: string[];
  attrs: AttrTest[];
}

/** One complex selector, right to left: parts[0] is the subject, combinators[i] joins parts[i] and parts[i+1]. */
interface Complex {
  parts: Compound[];
  combinators: Array<' ' | '>'>;
}

const cache = new Map<string, Complex[] | null>();

const TOKEN = /(?:\s*(>)\s*|\s*(,)\s*|([a-zA-Z][\w-]*|\*)|#([\w-]+)|\.([\w-]+)|\[\s*([\w:-]+)\s*(?:([*^$~|]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]+))\s*(i)?\s*)?\]|(\s+))/y;

/** Parse a selector list we can run ourselves, or null to hand it to css-select. */
export function compileSelector(selector: string): Complex[] | null {
  const hit = cache.get(selector);
  if (hit !== undefined) return hit;
  const out: Complex[] = [];
  let compounds: Compound[] = [];
  let combs: Array<' ' | '>'> = [];
  let cur: Compound | null = null;
  let pending: ' ' | '>' | null = null;
  const s = selector.trim();
  let pos = 0;
  let ok = s.length > 0;
  const finishCompound = () => {
    if (cur) {
      if (compounds.length) combs.push(pending ?? ' ');
      compounds.push(cur);
      cur = null;
      pending = null;
    }
  };
  while (ok && pos < s.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(s);
    if (!m || m[0].length === 0) {
      ok = false;
      break;
    }
    pos = TOKEN.lastIndex;
    if (m[12] !== undefined) {
      finishCompound();
      continue;
    }
    if (m[1]) {
      finishCompound();
      pending = '>';
      continue;
    }
    if (m[2]) {
      finishCompound();
      if (!compounds.length) ok = false;
      out.push({ parts: compounds.reverse(), combinators: combs.reverse() });
      compounds = [];
      combs = [];
      continue;
    }
    cur ??= { classes: [], attrs: [] };
    const c: Compound = cur;
    if (m[3]) {
      if (c.tag || c.id || c.classes.length || c.attrs.length) ok = false;
      else if (m[3] !== '*') c.tag = m[3].toLowerCase();
    } else if (m[4]) c.id = m[4];
    else if (m[5]) c.classes.push(m[5]);
    else if (m[6]) c.attrs.push({ name: m[6].toLowerCase(), op: m[7] as AttrTest['op'], value: m[8] ?? m[9] ?? m[10], ci: !!m[11] });
  }
  finishCompound();
  if (ok && compounds.length) out.push({ parts: compounds.reverse(), combinators: combs.reverse() });
  else ok = false;
  const result = ok ? out : null;
  if (cache.size < 2000) cache.set(selector, result);
  return result;
}

function attrOk(el: Element, a: AttrTest): boolean {
  const raw = el.attribs[a.name];
  if (raw === undefined) return false;
  if (!a.op || a.value === undefined) return true;
  const v = a.ci ? raw.toLowerCase() : raw;
  const w = a.ci ? a.value.toLowerCase() : a.value;
  switch (a.op) {
    case '=':
      return v === w;
    case '*=':
      return w !== '' && v.includes(w);
    case '^=':
      return w !== '' && v.startsWith(w);
    case '$=':
      return w !== '' && v.endsWith(w);
    case '~=':
      return v.split(/\s+/).includes(w);
    case '|=':
      return v === w || v.startsWith(w + '-');
  }
}

const classCache = new WeakMap<Element, string[]>();

function classesOf(el: Element): string[] {
  let list = classCache.get(el);
  if (!list) {
    const c = el.attribs.class;
    list = c ? c.split(/\s+/).filter(Boolean) : [];
    classCache.set(el, list);
  }
  return list;
}

function compoundOk(el: Element, c: Compound): boolean {
  if (c.tag && el.name !== c.tag) return false;
  if (c.id && el.attribs.id !== c.id) return false;
  if (c.classes.length) {
    if (!el.attribs.class) return false;
    const have = classesOf(el);
    for (const k of c.classes) if (!have.includes(k)) return false;
  }
  for (const a of c.attrs) if (!attrOk(el, a)) return false;
  return true;
}

export class Selector {
  private $?: CheerioAPI;
  private index?: { all: Element[]; order: Map<Element, number>; byTag: Map<string, Element[]>; byClass: Map<string, Element[]>; byId: Map<string, Element[]> };

  constructor(private readonly doc: Document) {}

  private buildIndex() {
    const all: Element[] = [];
    const order = new Map<Element, number>();
    const byTag = new Map<string, Element[]>();
    const byClass = new Map<string, Element[]>();
    const byId = new Map<string, Element[]>();
    const push = (m: Map<string, Element[]>, k: string, el: Element) => {
      const l = m.get(k);
      if (l) l.push(el);
      else m.set(k, [el]);
    };
    walk(this.doc, (n) => {
      if (!isElement(n)) return;
      order.set(n, all.length);
      all.push(n);
      push(byTag, n.name, n);
      const id = n.attribs.id;
      if (id) push(byId, id, n);
      const cls = n.attribs.class;
      if (cls) for (const k of new Set(cls.split(/\s+/))) if (k) push(byClass, k, n);
    });
    this.index = { all, order, byTag, byClass, byId };
    return this.index;
  }

  /** Elements matching `selector` under `root` (the whole document by default), in document order. */
  all(selector: string, root?: AnyNode): Element[] {
    const compiled = compileSelector(selector);
    if (!compiled) return this.viaCheerio(selector, root);
    const idx = this.index ?? this.buildIndex();
    const found = new Set<Element>();
    const poolOf = (c: Compound) => (c.id ? idx.byId.get(c.id) : c.classes.length ? idx.byClass.get(c.classes[0]) : c.tag ? idx.byTag.get(c.tag) : idx.all);
    for (const cx of compiled) {
      // Any part with no candidate at all (no element has that class or id): nothing can match.
      if (cx.parts.some((c) => !poolOf(c)?.length)) continue;
      const subject = cx.parts[0];
      const pool = poolOf(subject)!;
      const memo = new Map<number, boolean>();
      for (const el of pool) {
        if (!compoundOk(el, subject)) continue;
        if (!this.attachedUnder(el, root)) continue;
        if (this.matchRest(el, cx, 0, memo, idx.order)) found.add(el);
      }
    }
    const list = [...found];
    if (compiled.length > 1) list.sort((a, b) => (idx.order.get(a) ?? 0) - (idx.order.get(b) ?? 0));
    return list;
  }

  first(selector: string, root?: AnyNode): Element | undefined {
    return this.all(selector, root)[0];
  }

  /** Still in the tree (pruning detaches nodes) and under root, when one is given (root itself excluded). */
  private attachedUnder(el: Element, root?: AnyNode): boolean {
    let p: AnyNode | null = el.parent;
    while (p) {
      if (root && p === root) return true;
      if (p === this.doc) return !root || root === this.doc;
      p = p.parent;
    }
    return false;
  }

  /** Do parts[i+1..] match el's ancestors? Memoised per (part, element) so long chains stay linear. */
  private matchRest(el: Element, cx: Complex, i: number, memo: Map<number, boolean>, order: Map<Element, number>): boolean {
    if (i >= cx.combinators.length) return true;
    const key = (order.get(el) ?? 0) * 16 + i;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const next = cx.parts[i + 1];
    let ok = false;
    if (cx.combinators[i] === '>') {
      const p = el.parent;
      ok = !!p && isElement(p) && compoundOk(p, next) && this.matchRest(p, cx, i + 1, memo, order);
    } else {
      for (let p = el.parent; p && !ok; p = p.parent) {
        if (isElement(p) && compoundOk(p, next) && this.matchRest(p, cx, i + 1, memo, order)) ok = true;
      }
    }
    memo.set(key, ok);
    return ok;
  }

  private viaCheerio(selector: string, root?: AnyNode): Element[] {
    try {
      this.$ ??= load(this.doc);
      const found = root ? this.$(root as Element).find(selector) : this.$(selector);
      return found.toArray().filter((n): n is Element => isElement(n));
    } catch {
      return [];
    }
  }
}
