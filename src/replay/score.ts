// Precision, recall and F1 over records. A record counts as correct only when it is paired and every
// compared field agrees, so attribute regressions (a target read as actual) lower F1 too.
import type { Counts, Score } from './types.js';

export function score(c: Counts): Score {
  // Nothing expected and nothing found is a perfect result, not 0/0.
  const precision = c.actual ? c.correct / c.actual : c.expected ? 0 : 1;
  const recall = c.expected ? c.correct / c.expected : c.actual ? 0 : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

/** Micro-average: add the counts, then score. */
export function sumScores(scores: Counts[]): Score {
  const c: Counts = { expected: 0, actual: 0, matched: 0, correct: 0 };
  for (const s of scores) {
    c.expected += s.expected;
    c.actual += s.actual;
    c.matched += s.matched;
    c.correct += s.correct;
  }
  return score(c);
}

export const EMPTY_SCORE: Score = score({ expected: 0, actual: 0, matched: 0, correct: 0 });
