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

/** The indicator key of a figure, from its subject, noun and unit. */
export function indicatorOf(f: { subject?: string; noun?: string; unit: string; sentence?: string }): string {
  // Whole words only: `trường` (school) must not match `hội trường`.
  const hay = ` ${`${f.subject ?? ''} | ${f.noun ?? ''}`.toLowerCase().replace(/[^\p{L}\p{N}%]+/gu, ' ')} `;
  const has = (w: string) => hay.includes(` ${w.replace(/[^\p{L}\p{N}%]+/gu, ' ').trim()} `);
  for (const ind of INDICATORS) {
    if (ind.units && !ind.units.includes(f.unit)) continue;
    if (ind.none?.some(has)) continue;
    if (ind.all && !ind.all.every(has)) continue;
    if (ind.any.length && !ind.any.some(has)) continue;
    return ind.key;
  }
  return 'other';
}
