// Dates and periods as ISO values: `30/01/2022` -> 2022-01-30 (day), `tháng 11/2023` -> 2023-11,
// `Quý I/2024` -> 2024-Q1, `năm 2023` -> 2023, `giai đoạn 2021 - 2025` -> 2021/2025 (range),
// `cuối năm 2024` -> 2024 with part `end`, `năm nay` -> the article's year.
import dates from '../../data/dates.json' with { type: 'json' };
import type { EntityMention } from '../../types.js';
import { foldCase } from '../../normalize/text.js';
import { Finder, W, digitsAt, headsOf, isDigitCode, isSpaceCode, phraseHeads, phraseSource, phrasesRegex, wordBefore } from './scan.js';

export type DateGrain = 'day' | 'month' | 'quarter' | 'half' | 'year' | 'range';

export interface DateMention extends EntityMention {
  kind: 'date';
  /** ISO 8601 where it has a form: 2022-01-30, 2023-11, 2023, 2021/2025, 2024-01/2024-09; else 2024-Q1, 2024-H1. */
  value: string;
  grain: DateGrain;
  /** `đầu năm` / `giữa năm` / `cuối năm`. */
  part?: 'start' | 'middle' | 'end';
  /** Resolved against the article's date (`năm nay`, `ngày 22/10`). */
  relative?: boolean;
}

export interface DateOptions {
  /** Article date (ISO): resolves `năm nay`, `năm ngoái`, dates and months without a year. */
  publishedAt?: string;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const validYear = (y: number): boolean => y >= 1900 && y <= 2100;

function validDay(y: number, m: number, d: number): boolean {
  if (!validYear(y) || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function articleYear(publishedAt?: string): number | undefined {
  const m = publishedAt ? /^(\d{4})-\d{2}/.exec(publishedAt.trim()) : null;
  return m ? Number(m[1]) : undefined;
}

interface Found {
  start: number;
  end: number;
  value: string;
  grain: DateGrain;
  part?: DateMention['part'];
  relative?: boolean;
}

const PERIOD = `(?:(?:${dates.periodWords.map(phraseSource).join('|')})\\s+)?`;
const PART_WORDS = Object.keys(dates.yearParts).map((p) => p.split(' ')[0]);
const PART = `(?:(${PART_WORDS.map(phraseSource).join('|')})\\s+)?`;
const QUARTERS = dates.quarters as Record<string, number>;
const PARTS = dates.yearParts as Record<string, DateMention['part']>;
const RELATIVE = dates.relativeYears as Record<string, number>;
const RELATIVE_NOT_AFTER = dates.relativeNotAfter.map(foldCase);
const B = `(?<![${W}/.,])`;
const E = `(?![${W}]|[/.,]\\d)`;

// Patterns on the shadow text. Each returns a Found or undefined; `year` is the article's year.
// The third element: where a match can start (see Finder), so that the rule is tried only there.
type Rule = [RegExp, (m: RegExpExecArray, year: number | undefined) => Omit<Found, 'start' | 'end'> | undefined, string[] | undefined];

const DIGITS = [...'0123456789'];
const PART_HEADS = headsOf(PART_WORDS, phraseHeads);
const PERIOD_HEADS = headsOf(dates.periodWords, phraseHeads);
/** Heads of a rule made of optional parts: all of them, or undefined when one list is unknown. */
const either = (...lists: Array<string[] | undefined>): string[] | undefined =>
  (lists.every((l) => l !== undefined) ? (lists as string[][]).flat() : undefined);

const partOf = (word: string | undefined): DateMention['part'] | undefined => (word ? PARTS[`${word} năm`] : undefined);

const RULES: Rule[] = [
  // ngày 12 tháng 4 năm 2025
  [new RegExp(`${B}ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s*(?:năm|,)\\s*(\\d{4}))?${E}`, 'g'), (m, year) => {
    const y = m[3] ? Number(m[3]) : year;
    if (y === undefined || !validDay(y, Number(m[2]), Number(m[1]))) return undefined;
    return { value: `${y}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`, grain: 'day', relative: !m[3] || undefined };
  }, ['ngày']],
  // 30/01/2022, 05-5-2023
  [new RegExp(`${B}(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4})${E}`, 'g'), (m) => {
    const [d, mo, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
    return validDay(y, mo, d) ? { value: `${y}-${pad(mo)}-${pad(d)}`, grain: 'day' } : undefined;
  }, DIGITS],
  // ngày 22/10 (year from the article)
  [new RegExp(`(?<=ngày\\s+)(\\d{1,2})/(\\d{1,2})(?![\\d/])${E}`, 'g'), (m, year) => {
    if (year === undefined || !validDay(year, Number(m[2]), Number(m[1]))) return undefined;
    return { value: `${year}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`, grain: 'day', relative: true };
  }, DIGITS],
  // tháng 11/2023, tháng 12 năm 2023, tháng 9 (article's year)
  [new RegExp(`${B}${PART}tháng\\s+(\\d{1,2})(?:\\s*(?:/|-|năm)\\s*(\\d{4}))?${E}`, 'g'), (m, year) => {
    const mo = Number(m[2]);
    const y = m[3] ? Number(m[3]) : year;
    if (y === undefined || mo < 1 || mo > 12 || !validYear(y)) return undefined;
    return { value: `${y}-${pad(mo)}`, grain: 'month', part: m[1] ? partOf(m[1]) : undefined, relative: !m[3] || undefined };
  }, either(PART_HEADS, ['tháng'])],
  // Quý I/2024, quý 3 năm 2023, quý IV
  [new RegExp(`${B}${phraseSource('quý')}\\s+(iv|i{1,3}|[1-4])(?:\\s*(?:/|-|năm)\\s*(\\d{4}))?${E}`, 'g'), (m, year) => {
    const y = m[2] ? Number(m[2]) : year;
    if (y === undefined || !validYear(y)) return undefined;
    return { value: `${y}-Q${QUARTERS[m[1]]}`, grain: 'quarter', relative: !m[2] || undefined };
  }, phraseHeads('quý')],
  // giai đoạn 2021 - 2025, từ năm 2021 đến năm 2025, 2021-2025
  [new RegExp(`${B}${PERIOD}(?:từ\\s+)?(?:năm\\s+)?(\\d{4})\\s*(?:-|đến|tới)\\s*(?:năm\\s+)?(\\d{4})${E}`, 'g'), (m) => {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (!validYear(a) || !validYear(b) || b <= a || b - a > 30) return undefined;
    return { value: `${a}/${b}`, grain: 'range' };
  }, either(PERIOD_HEADS, ['từ', 'năm'], DIGITS)],
  // cuối năm 2024, năm 2023
  [new RegExp(`${B}${PART}năm\\s+(\\d{4})${E}`, 'g'), (m) => {
    const y = Number(m[2]);
    if (!validYear(y)) return undefined;
    return { value: String(y), grain: 'year', part: partOf(m[1]) };
  }, either(PART_HEADS, ['năm'])],
  // năm nay, cuối năm ngoái
  [new RegExp(`${B}${PART}(${Object.keys(RELATIVE).map(phraseSource).join('|')})${E}(?!\\s*\\d)`, 'g'), (m, year) => {
    if (year === undefined) return undefined;
    return { value: String(year + RELATIVE[m[2].replace(/\s+/g, ' ')]), grain: 'year', part: partOf(m[1]), relative: true };
  }, either(PART_HEADS, headsOf(Object.keys(RELATIVE), phraseHeads))],
  // Từ đầu năm (đến nay): the article's year
  [new RegExp(`${B}(đầu|giữa|cuối)\\s+năm${E}(?!\\s+(?:\\d|nay|ngoái|trước|tới|sau|học))`, 'g'), (m, year) => {
    if (year === undefined) return undefined;
    return { value: String(year), grain: 'year', part: partOf(m[1]), relative: true };
  }, ['đầu', 'giữa', 'cuối']],
];
// Quick tests for the rules that may start with a number: what its digits must be followed by.
const dayMonth = (seps: string) => (src: string, p: number): boolean => {
  const n = digitsAt(src, p);
  return (n === 1 || n === 2) && seps.includes(src[p + n]); // `(\d{1,2})[/-]`
};
const WHERE: Array<((src: string, p: number) => boolean) | undefined> = [
  undefined,
  dayMonth('/-'),
  dayMonth('/'),
  undefined,
  undefined,
  (src, p) => !isDigitCode(src.charCodeAt(p)) || digitsAt(src, p) === 4, // `(\d{4})` when no word before it
];
const RULES_FINDER = new Finder(RULES.map(([re, , heads], k) => ({ source: re.source, heads, where: WHERE[k] })));

const PARTIAL: Array<{ re: RegExp; grain: DateGrain; value?: string; months?: number[]; needsYear: boolean; heads?: string[] }> =
  dates.partialYears.flatMap((p) => p.forms.map((form) => ({
    re: new RegExp(`${phrasesRegex([form]).source}(?:\\s*(?:/|năm)?\\s*(\\d{4})(?!\\d))?`, 'g'),
    grain: p.grain as DateGrain, value: (p as { value?: string }).value, months: (p as { months?: number[] }).months,
    needsYear: / năm$/u.test(form) && !/(đầu|cuối) năm$/u.test(form),
    heads: phraseHeads(form),
  })));
const PARTIAL_FINDER = new Finder(PARTIAL.map((p) => ({ source: p.re.source, heads: p.heads })));

function partialYears(text: string, shadow: string, year: number | undefined, out: Found[]): void {
  PARTIAL_FINDER.run(text, shadow, (m, k) => {
    const p = PARTIAL[k];
    if (p.needsYear && !m[1]) return;
    const y = m[1] ? Number(m[1]) : year;
    if (y === undefined || !validYear(y)) return;
    const value = p.months ? `${y}-${pad(p.months[0])}/${y}-${pad(p.months[1])}` : `${y}-${p.value}`;
    out.push({ start: m.index, end: m.index + m[0].length, value, grain: p.grain, relative: !m[1] || undefined });
  });
}

/** `/\d$/.test(shadow.slice(0, i).trimEnd())`: a digit is the last thing before `i`. */
function digitBefore(shadow: string, i: number): boolean {
  let j = Math.min(i, shadow.length) - 1;
  while (j >= 0 && isSpaceCode(shadow.charCodeAt(j))) j--;
  return j >= 0 && isDigitCode(shadow.charCodeAt(j));
}

/** Longest first; a shorter match inside a kept one is dropped. */
function select(found: Found[]): Found[] {
  const kept: Found[] = [];
  for (const f of [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Dates and periods in `text`. `shadow` is shadowOf(text). */
export function findDates(text: string, shadow: string, options: DateOptions = {}): DateMention[] {
  const year = articleYear(options.publishedAt);
  const found: Found[] = [];
  RULES_FINDER.run(text, shadow, (m, k) => {
    const f = RULES[k][1](m, year);
    if (!f) return;
    if (f.relative && f.grain === 'year' && !f.part) {
      // `hai năm trước`, `những năm tới`: durations and vague spans, not a year.
      const before = wordBefore(shadow, m.index);
      if (RELATIVE_NOT_AFTER.includes(before) || digitBefore(shadow, m.index)) return;
    }
    found.push({ start: m.index, end: m.index + m[0].length, ...f });
  });
  partialYears(text, shadow, year, found);
  return select(found).map((f) => {
    const mention: DateMention = {
      kind: 'date', text: text.slice(f.start, f.end), start: f.start, end: f.end,
      canonical: f.value, value: f.value, grain: f.grain,
    };
    if (f.part) mention.part = f.part;
    if (f.relative) mention.relative = true;
    return mention;
  });
}
