// Unit words, read from src/data/units.json, and a small phrase matcher over tokens.
import lexicon from '../data/units.json' with { type: 'json' };
import { KeyFilter, tokenize, wordKey, type Token } from './tokens.js';

export interface PhraseHit<T> {
  value: T;
  /** Index of the token after the phrase. */
  next: number;
  phrase: string;
}

/** Longest-match lookup of multi-token phrases (lower case) at a token position. */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, Array<{ toks: string[]; value: T; phrase: string }>>();
  /** byFirst by the wordKey of the first word: a token is looked up without making its string. */
  private readonly byKey = new Map<number, Array<{ toks: string[]; value: T; phrase: string }>>();
  /** byKey's keys: most tokens are in no table, and a bit test says so faster than the Map. */
  private readonly keys = new KeyFilter();

  add(phrase: string, value: T): this {
    const toks = tokenize(phrase.toLocaleLowerCase('vi')).map((t) => t.lo);
    if (!toks.length) return this;
    const list = this.byFirst.get(toks[0]) ?? [];
    list.push({ toks, value, phrase });
    list.sort((a, b) => b.toks.length - a.toks.length);
    this.byFirst.set(toks[0], list);
    const key = wordKey(toks[0]);
    this.byKey.set(key, [...this.byFirst.entries()].filter(([w]) => wordKey(w) === key).flatMap(([, l]) => l));
    this.keys.add(key);
    return this;
  }

  /** The lower-case first words of the phrases: no phrase matches at a token not among them. */
  firstWords(): IterableIterator<string> {
    return this.byFirst.keys();
  }

  /** Match at `i`. `glued` = phrase tokens must touch (no space), as in `US$` or `m²`. */
  match(tokens: Token[], i: number): PhraseHit<T> | null {
    const first = tokens[i];
    if (!first || !this.keys.mayHave(first.key)) return null;
    const list = this.byKey.get(first.key);
    if (!list) return null;
    const lo = first.lo;
    outer: for (const entry of list) {
      if (entry.toks[0] !== lo) continue;
      for (let k = 1; k < entry.toks.length; k++) {
        const t = tokens[i + k];
        if (!t || t.lo !== entry.toks[k] || t.newline) continue outer;
      }
      const end = i + entry.toks.length;
      return { value: entry.value, next: end, phrase: entry.phrase };
    }
    return null;
  }
}

export type UnitKind = 'currency' | 'percent' | 'points' | 'count' | 'measure' | 'duration' | 'multiplier';
export interface UnitInfo {
  kind: UnitKind;
  code: string;
}

const after = new PhraseTable<UnitInfo>();
const before = new PhraseTable<UnitInfo>();
for (const c of lexicon.currencies) {
  for (const w of c.after) after.add(w, { kind: 'currency', code: c.code });
  for (const w of c.before) before.add(w, { kind: 'currency', code: c.code });
}
for (const w of lexicon.percent) after.add(w, { kind: 'percent', code: 'percent' });
for (const w of lexicon.percentPoints) after.add(w, { kind: 'points', code: 'percent' });
for (const [code, words] of Object.entries(lexicon.measures)) for (const w of words) after.add(w, { kind: 'measure', code });
for (const [code, words] of Object.entries(lexicon.counts)) for (const w of words) after.add(w, { kind: 'count', code });
const DURATION_CODES: Record<string, string> = {
  năm: 'year', tháng: 'month', ngày: 'day', tuần: 'week', giờ: 'hour', tiếng: 'hour', phút: 'minute', giây: 'second',
  quý: 'quarter', 'thập kỷ': 'decade', 'thế kỷ': 'century', tuổi: 'age', đêm: 'night', 'buổi sáng': 'morning',
};
for (const w of lexicon.durations) after.add(w, { kind: 'duration', code: DURATION_CODES[w] ?? w });
for (const w of lexicon.multipliers) after.add(w, { kind: 'multiplier', code: 'times' });

/** Unit words written after a number. */
export const unitsAfter = after;
/** Currency marks written before a number (`$10`, `USD1,23`). */
export const unitsBefore = before;

export const cents = new PhraseTable<true>();
for (const w of lexicon.cents) cents.add(w, true);

export const scales = new PhraseTable<number>();
for (const [w, v] of Object.entries(lexicon.scales)) if (w.length > 1) scales.add(w, v);
/** Scale letters glued to digits: 100k, 3M, ,0012G. */
export const GLUED_SCALES = new Map<string, number>(Object.entries({ k: 1e3, m: 1e6, g: 1e9, tr: 1e6 }));
/** Glued shorthand: triệuđ = triệu đồng. */
export const GLUED_WORDS = new Map<string, [string, string]>(Object.entries(lexicon.glued as unknown as Record<string, [string, string]>));

export const itemNouns = new PhraseTable<true>();
for (const w of lexicon.itemNouns) itemNouns.add(w, true);
/** Words after a number that are never its counted noun. */
export const NOT_NOUNS = new Set(lexicon.notNouns);

/** Unit codes of quantities that are not figures (time spans, ages, multipliers). */
export const NON_FIGURE_UNITS = new Set([...Object.values(DURATION_CODES), 'times']);
