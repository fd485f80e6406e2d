// One fixture's differences: figure records (missing, unexpected, changed), article metadata, entities.
import { diffRecord, norm } from './compare.js';
import { matchRecords } from './match.js';
import type { ChangedRecord, Counts, ExpectedArticle, FieldDiff, JsonRecord } from './types.js';

export interface RecordComparison {
  missing: Array<{ index: number; record: JsonRecord }>;
  unexpected: Array<{ index: number; record: JsonRecord }>;
  changed: ChangedRecord[];
  counts: Counts;
}

export function compareRecords(actual: JsonRecord[], expected: JsonRecord[], fields: string[]): RecordComparison {
  const m = matchRecords(actual, expected);
  const pairOf = new Map(m.pairs.map((p) => [p.actual, p.expected]));
  const textOf = (list: JsonRecord[], i: unknown) => (typeof i === 'number' && list[i] ? list[i].text : undefined);
  // Parents are indexes into each side's own list: equal when they point at the same pair.
  const sameParent = (a: unknown, e: unknown) => {
    const equal = (a === undefined || a === null) && (e === undefined || e === null)
      ? true
      : typeof a === 'number' && typeof e === 'number' && pairOf.get(a) === e;
    return { equal, actual: textOf(actual, a), expected: textOf(expected, e) };
  };
  const changed: ChangedRecord[] = [];
  let correct = 0;
  for (const p of m.pairs) {
    const a = actual[p.actual];
    const rules = (a.rules ?? {}) as Record<string, unknown>;
    const diffs = diffRecord(a, expected[p.expected], fields, sameParent)
      .map((d) => (typeof rules[d.field] === 'string' ? { ...d, rule: rules[d.field] as string } : d));
    if (diffs.length) {
      changed.push({ actualIndex: p.actual, expectedIndex: p.expected, text: String(a.text ?? ''),
        start: typeof a.start === 'number' ? a.start : undefined, by: p.by, diffs });
    } else correct++;
  }
  return {
    missing: m.missing.map((i) => ({ index: i, record: expected[i] })),
    unexpected: m.unexpected.map((i) => ({ index: i, record: actual[i] })),
    changed,
    counts: { expected: expected.length, actual: actual.length, matched: m.pairs.length, correct },
  };
}

const ARTICLE_FIELDS = ['title', 'date', 'author', 'section'] as const;

/** A date-only expectation (`2022-12-23`) checks the day; a full timestamp checks the instant. */
function datesEqual(actual: string, expected: string): boolean {
  if (!/T\d/.test(expected)) return actual.slice(0, 10) === expected.slice(0, 10);
  const a = Date.parse(actual);
  const e = Date.parse(expected);
  return Number.isFinite(a) && Number.isFinite(e) ? a === e : norm(actual) === norm(expected);
}

/** Only the fields the expectation names are compared; `null` means "none expected". */
export function compareArticle(actual: ExpectedArticle, expected: ExpectedArticle): FieldDiff[] {
  const out: FieldDiff[] = [];
  for (const f of ARTICLE_FIELDS) {
    if (!(f in expected)) continue;
    const a = actual[f] ?? null;
    const e = expected[f] ?? null;
    const equal = a === null || e === null ? a === e : f === 'date' ? datesEqual(a, e) : norm(a) === norm(e);
    if (!equal) out.push({ field: f, actual: a, expected: e });
  }
  return out;
}

/**
 * Entity mentions as a multiset: same kind, and the same canonical name when the expectation gives
 * one (else the same text as written).
 */
export function compareEntities(actual: JsonRecord[], expected: JsonRecord[]): { missing: JsonRecord[]; unexpected: JsonRecord[] } {
  const used = new Set<number>();
  const missing: JsonRecord[] = [];
  for (const e of expected) {
    const byCanonical = e.canonical !== undefined && e.canonical !== null;
    const i = actual.findIndex((a, j) => !used.has(j) && a.kind === e.kind &&
      (byCanonical ? norm(a.canonical) === norm(e.canonical) : norm(a.text) === norm(e.text)));
    if (i < 0) missing.push(e);
    else used.add(i);
  }
  return { missing, unexpected: actual.filter((_, i) => !used.has(i)) };
}
