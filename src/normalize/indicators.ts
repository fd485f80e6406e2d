// The indicator taxonomy (src/data/indicators.json): groups figures so researchers can compare them.
import data from '../data/indicators.json' with { type: 'json' };

export interface Indicator {
  key: string;
  label_vi: string;
  label_en: string;
  units?: string[];
  any: string[];
  all?: string[];
  none?: string[];
}

export const INDICATORS: Indicator[] = data.indicators;

const words = (s: string) => ` ${s.toLowerCase().replace(/[^\p{L}\p{N}%]+/gu, ' ').trim()} `;

// Padded once at load, so matching is plain substring search on whole words.
const RULES = INDICATORS.map((ind) => ({
  key: ind.key,
  units: ind.units ? new Set(ind.units) : undefined,
  any: ind.any.map(words),
  all: ind.all?.map(words),
  none: ind.none?.map(words),
}));

/** The indicator key of a figure, from its subject, noun and unit. Whole words only: `trường` is not `hội trường`'s. */
export function indicatorOf(f: { subject?: string; noun?: string; unit: string }): string {
  const hay = words(`${f.subject ?? ''} | ${f.noun ?? ''}`);
  const has = (w: string) => hay.includes(w);
  for (const r of RULES) {
    if (r.units && !r.units.has(f.unit)) continue;
    if (r.none?.some(has)) continue;
    if (r.all && !r.all.every(has)) continue;
    if (r.any.length && !r.any.some(has)) continue;
    return r.key;
  }
  return 'other';
}
