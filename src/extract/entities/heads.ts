// Where Finder entries may match: their heads (literal first words, see FinderEntry) in a trie of
// code units, walked from each word start. A walk stops at the first code unit no head continues
// with, so most words cost a lookup or two; no strings are made and no hash is computed.
import { isSpaceCode } from '../../normalize/text.js';

/** Per entry id, the positions where one of its heads starts, in the order found. */
export type Candidates = Array<number[] | undefined>;

interface BuildNode {
  ids: number[];
  children: Map<number, BuildNode>;
  /** After the last character of a word: the next word, after one or more white-space characters. */
  space?: BuildNode;
}

const newNode = (): BuildNode => ({ ids: [], children: new Map() });

/** Adds `p` to the candidates of `id` unless it is there already (it is the last one if so). */
function mark(out: Candidates, id: number, p: number): void {
  const list = out[id];
  if (!list) out[id] = [p];
  else if (list[list.length - 1] !== p) list.push(p);
}

/**
 * Heads of many entries. A space in a head stands for one or more white-space characters
 * (isSpaceCode); any other character must be there as written.
 */
export class HeadTrie {
  private readonly heads: Array<[head: string, id: number]> = [];
  private builtFor = -1;
  // The trie in flat arrays, nodes numbered from 1 (0: none). Node n's children are at
  // childFrom[n] .. childFrom[n + 1] - 1 of childChar/childNode, its entries at idFrom[n] .. of ids.
  /** The node of each first code unit. */
  readonly root = new Int32Array(0x10000);
  private childFrom = new Int32Array(1);
  private childChar = new Uint16Array(0);
  private childNode = new Int32Array(0);
  private idFrom = new Int32Array(1);
  private ids = new Int32Array(0);
  private spaceNext = new Int32Array(1);
  /** First code units of the heads, for those looked for anywhere rather than at word starts. */
  private firsts: number[] = [];

  add(head: string, id: number): void {
    this.heads.push([head, id]);
  }

  /** The first code unit of every head. */
  firstUnits(): readonly number[] {
    this.build();
    return this.firsts;
  }

  /** Marks `p` for every entry with a head written at `p` (heads are matched whatever comes before `p`). */
  at(src: string, p: number, out: Candidates): void {
    this.build();
    const n = this.root[src.charCodeAt(p) | 0];
    if (n !== 0) this.walk(src, p, p + 1, n, out);
  }

  /** From node `n`, reached by reading src[p..i), marks the heads ending on the way. */
  walk(src: string, p: number, i: number, n: number, out: Candidates): void {
    const { childFrom, childChar, childNode, idFrom, ids, spaceNext } = this;
    const len = src.length;
    for (;;) {
      for (let k = idFrom[n], e = idFrom[n + 1]; k < e; k++) mark(out, ids[k], p);
      if (i >= len) return;
      const c = src.charCodeAt(i);
      const space = spaceNext[n];
      if (space !== 0 && isSpaceCode(c)) {
        let r = i + 1;
        while (r < len && isSpaceCode(src.charCodeAt(r))) r++;
        this.walk(src, p, r, space, out);
      }
      let next = 0;
      for (let k = childFrom[n], e = childFrom[n + 1]; k < e; k++) {
        if (childChar[k] === c) {
          next = childNode[k];
          break;
        }
      }
      if (next === 0) return;
      n = next;
      i++;
    }
  }

  /** Builds the flat trie when heads were added since the last build. */
  build(): void {
    if (this.builtFor === this.heads.length) return;
    this.builtFor = this.heads.length;
    const top = new Map<number, BuildNode>();
    for (const [head, id] of this.heads) {
      let node: BuildNode | undefined;
      for (let k = 0; k < head.length; k++) {
        const c = head.charCodeAt(k);
        if (c === 0x20) {
          node = node!.space ??= newNode();
          continue;
        }
        const children = node ? node.children : top;
        let child = children.get(c);
        if (!child) children.set(c, (child = newNode()));
        node = child;
      }
      if (node && node.ids.at(-1) !== id) node.ids.push(id);
    }
    // Number the nodes breadth first, then fill the arrays.
    const order: BuildNode[] = [];
    const number = new Map<BuildNode, number>();
    const visit = (node: BuildNode): void => {
      number.set(node, order.length + 1);
      order.push(node);
    };
    for (const node of top.values()) visit(node);
    for (let k = 0; k < order.length; k++) {
      for (const child of order[k].children.values()) visit(child);
      if (order[k].space) visit(order[k].space!);
    }
    const size = order.length + 2;
    this.childFrom = new Int32Array(size);
    this.idFrom = new Int32Array(size);
    this.spaceNext = new Int32Array(size);
    const childChar: number[] = [];
    const childNode: number[] = [];
    const ids: number[] = [];
    order.forEach((node, k) => {
      const n = k + 1;
      this.childFrom[n] = childChar.length;
      this.idFrom[n] = ids.length;
      for (const [c, child] of node.children) {
        childChar.push(c);
        childNode.push(number.get(child)!);
      }
      ids.push(...node.ids);
      if (node.space) this.spaceNext[n] = number.get(node.space)!;
    });
    for (let n = order.length + 1; n < size; n++) {
      this.childFrom[n] = childChar.length;
      this.idFrom[n] = ids.length;
    }
    this.childChar = Uint16Array.from(childChar);
    this.childNode = Int32Array.from(childNode);
    this.ids = Int32Array.from(ids);
    this.root.fill(0);
    for (const [c, node] of top) this.root[c] = number.get(node)!;
    this.firsts = [...top.keys()];
  }
}
