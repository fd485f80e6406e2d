// The normalize stage: indicator keys, implausible-value flags, relations between figures.
import type { FigureRecord, FigureRelation } from '../types.js';
import type { RawFigure } from '../extract/figures.js';
import { indicatorOf } from './indicators.js';
import { findRelations } from './relations.js';
import { suspectReason } from './suspect.js';

export { indicatorOf, INDICATORS } from './indicators.js';
export { suspectReason } from './suspect.js';
export { findRelations } from './relations.js';

/**
 * Completes the raw figures into records, in place: `raw` itself becomes `figures` (its callers
 * drop the raw figures; copying every figure was a fifth of this stage). Keys keep their order:
 * those of the raw figure, then indicator, suspect and suspectReason.
 */
export function normalizeFigures(raw: RawFigure[], text: string): { figures: FigureRecord[]; relations: FigureRelation[] } {
  for (const f of raw) {
    f.indicator = indicatorOf(f);
    f.rules.indicator = `taxonomy match on subject "${f.subject ?? ''}"`;
    const why = suspectReason(f);
    if (why) { f.suspect = true; f.suspectReason = why; f.rules.suspect = why; }
  }
  const figures = raw as FigureRecord[];
  const relations = findRelations(figures, text);
  for (const r of relations) {
    if (r.kind === 'breakdown' && r.check === 'mismatch') {
      const p = figures[r.parent];
      p.rules.breakdown = `breakdown does not add up: ${r.detail}`;
    }
  }
  return { figures, relations };
}
