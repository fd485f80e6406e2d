// The normalize stage: indicator keys, implausible-value flags, relations between figures.
import type { FigureRecord, FigureRelation } from '../types.js';
import type { RawFigure } from '../extract/figures.js';
import { indicatorOf } from './indicators.js';
import { findRelations } from './relations.js';
import { suspectReason } from './suspect.js';

export { indicatorOf, INDICATORS } from './indicators.js';
export { suspectReason } from './suspect.js';
export { findRelations } from './relations.js';

export function normalizeFigures(raw: RawFigure[], text: string): { figures: FigureRecord[]; relations: FigureRelation[] } {
  const figures: FigureRecord[] = raw.map((f) => {
    const out: FigureRecord = { ...f, indicator: indicatorOf(f), rules: { ...f.rules } };
    out.rules.indicator = `taxonomy match on subject "${f.subject ?? ''}"`;
    const why = suspectReason(f);
    if (why) { out.suspect = true; out.suspectReason = why; out.rules.suspect = why; }
    return out;
  });
  const relations = findRelations(figures, text);
  for (const r of relations) {
    if (r.kind === 'breakdown' && r.check === 'mismatch') {
      const p = figures[r.parent];
      p.rules.breakdown = `breakdown does not add up: ${r.detail}`;
    }
  }
  return { figures, relations };
}
