// Pairs actual records with expected ones: by overlapping span first, then by value and unit.
// Gold rows carry no offsets, so the second pass is what pairs them; ties go to the same text, a
// similar subject, and document order.
import { norm, numbersEqual, subjectOverlap } from './compare.js';
import type { JsonRecord } from './types.js';

export interface Pair {
  actual: number;
  expected: number;
  by: 'span' | 'value';
}

export interface Matching {
  pairs: Pair[];
  /** Expected indexes left unpaired. */
  missing: number[];
  /** Actual indexes left unpaired. */
  unexpected: number[];
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const hasSpan = (r: JsonRecord) => isNum(r.start) && isNum(r.end);
const sameQuantity = (a: JsonRecord, e: JsonRecord) =>
  a.unit === e.unit && isNum(a.value) && isNum(e.value) && numbersEqual(a.value, e.value);

export function matchRecords(actual: JsonRecord[], expected: JsonRecord[]): Matching {
  const usedA = new Set<number>();
  const usedE = new Set<number>();
  const pairs: Pair[] = [];

  // Pass 1: spans. Best overlap first, a same-quantity pair breaking ties.
  const candidates: Array<{ a: number; e: number; score: number }> = [];
  expected.forEach((e, ei) => {
    if (!hasSpan(e)) return;
    actual.forEach((a, ai) => {
      if (!hasSpan(a)) return;
      const overlap = Math.min(a.end as number, e.end as number) - Math.max(a.start as number, e.start as number);
      if (overlap <= 0) return;
      candidates.push({ a: ai, e: ei, score: overlap + (sameQuantity(a, e) ? 1000 : 0) });
    });
  });
  candidates.sort((x, y) => y.score - x.score || x.e - y.e || x.a - y.a);
  for (const c of candidates) {
    if (usedA.has(c.a) || usedE.has(c.e)) continue;
    usedA.add(c.a);
    usedE.add(c.e);
    pairs.push({ actual: c.a, expected: c.e, by: 'span' });
  }

  // Pass 2: value and unit, in expected order, preferring the same text, a similar subject, and
  // an actual record after the one the previous expected record was paired with.
  let last = -1;
  expected.forEach((e, ei) => {
    const done = pairs.find((p) => p.expected === ei);
    if (done) { last = done.actual; return; }
    let best = -1;
    let bestScore = -1;
    actual.forEach((a, ai) => {
      if (usedA.has(ai) || !sameQuantity(a, e)) return;
      const score = (norm(a.text) === norm(e.text) ? 4 : 0) + (subjectOverlap(a.subject, e.subject) >= 0.5 ? 2 : 0) + (ai > last ? 1 : 0);
      if (score > bestScore) { best = ai; bestScore = score; }
    });
    if (best < 0) return;
    usedA.add(best);
    usedE.add(ei);
    pairs.push({ actual: best, expected: ei, by: 'value' });
    last = best;
  });

  pairs.sort((x, y) => x.actual - y.actual);
  return {
    pairs,
    missing: expected.map((_, i) => i).filter((i) => !usedE.has(i)),
    unexpected: actual.map((_, i) => i).filter((i) => !usedA.has(i)),
  };
}
