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
  const hay = `${f.subject ?? ''} | ${f.noun ?? ''}`.toLowerCase();
  for (const ind of INDICATORS) {
    if (ind.units && !ind.units.includes(f.unit)) continue;
    if (ind.none?.some((w) => hay.includes(w))) continue;
    if (ind.all && !ind.all.every((w) => hay.includes(w))) continue;
    if (ind.any.length && !ind.any.some((w) => hay.includes(w))) continue;
    return ind.key;
  }
  return 'other';
}
