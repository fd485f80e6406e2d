// Links between figures: `trong đó` breakdowns (children should not exceed, and when they cover
// the parent, should sum to it) and ratios with their percent (`398/414 (= 96,13%)`).
import type { FigureRelation } from '../types.js';

interface Fig {
  value: number;
  total?: number;
  unit: string;
  start: number;
  end: number;
  sentenceStart: number;
  parent?: number;
}

const BREAKDOWN = /(?<![\p{L}])(?:trong đó|bao gồm|gồm)(?![\p{L}])/iu;

export function findRelations(figures: Fig[], text: string): FigureRelation[] {
  const out: FigureRelation[] = [];
  for (let i = 0; i < figures.length; i++) {
    const p = figures[i];
    // Ratio followed by its percent.
    if (p.total !== undefined && figures[i + 1]?.unit === 'percent') {
      const c = figures[i + 1];
      const between = text.slice(p.end, c.start);
      if (/^\s*\(\s*=?\s*$/.test(between)) {
        const expect = (p.value / p.total) * 100;
        const ok = Math.abs(expect - c.value) <= 0.051 + 1e-9 || Math.abs(expect - c.value) <= Math.abs(c.value) * 0.001;
        out.push({ parent: i, child: i + 1, kind: 'ratio_percent', check: ok ? 'ok' : 'mismatch',
          detail: `${p.value}/${p.total} = ${expect.toFixed(2)}%, text says ${c.value}%` });
      }
    }
    // Breakdown: the parent, then `trong đó`, then children of the same unit in the same sentence.
    const next = figures[i + 1];
    if (!next || next.sentenceStart !== p.sentenceStart || next.unit !== p.unit) continue;
    const between = text.slice(p.end, next.start);
    if (!BREAKDOWN.test(between) || between.includes(';')) continue;
    const children: number[] = [];
    for (let k = i + 1; k < figures.length; k++) {
      const c = figures[k];
      if (c.sentenceStart !== p.sentenceStart || c.unit !== p.unit) break;
      // Stop at a new clause that is not part of the list (a `;` after the children).
      if (k > i + 1 && /;/.test(text.slice(figures[k - 1].end, c.start))) break;
      children.push(k);
    }
    const sum = children.reduce((s, k) => s + figures[k].value, 0);
    const tol = Math.max(Math.abs(p.value) * 0.005, 1e-6);
    let check: FigureRelation['check'] = 'unchecked';
    let detail: string;
    if (children.length >= 2) {
      check = Math.abs(sum - p.value) <= tol ? 'ok' : 'mismatch';
      detail = `children sum to ${sum}, parent is ${p.value}`;
    } else {
      check = sum <= p.value + tol ? 'ok' : 'mismatch';
      detail = `one part (${sum}) of ${p.value}`;
    }
    for (const k of children) {
      figures[k].parent = i;
      out.push({ parent: i, child: k, kind: 'breakdown', check, detail });
    }
    i = children[children.length - 1] ?? i;
  }
  return out;
}
