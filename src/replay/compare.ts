// Field-by-field comparison of an actual figure record with an expected one.
import type { FieldDiff, JsonRecord } from './types.js';

/** Every field of a figure record, in the order `extract --format jsonl` prints them. */
export const RECORD_FIELDS = [
  'text', 'start', 'end', 'value', 'valueMax', 'total', 'unit', 'noun', 'per', 'comparator', 'subject', 'indicator',
  'modality', 'measure', 'period', 'location', 'suspect', 'suspectReason', 'sentence', 'sentenceStart', 'sentenceEnd',
  'parent', 'rules',
] as const;

/**
 * Compared unless --only names them otherwise. Offsets, sentences, rules and the suspect reason are
 * provenance: they shift with every cleaning change and would bury the real differences.
 */
export const DEFAULT_FIELDS = [
  'text', 'value', 'valueMax', 'total', 'unit', 'noun', 'per', 'comparator', 'subject', 'indicator', 'modality',
  'measure', 'period', 'location', 'suspect', 'parent',
];

const NUMERIC = new Set(['value', 'valueMax', 'total', 'period', 'start', 'end', 'sentenceStart', 'sentenceEnd']);

/** The fields to compare for one fixture: --only wins; else the defaults minus the fixture's ignore list. */
export function comparedFields(only: string[] | undefined, ignore: string[] = []): string[] {
  if (only && only.length) return only;
  return DEFAULT_FIELDS.filter((f) => !ignore.includes(f));
}

/** Unknown names in a --only list. */
export function unknownFields(fields: string[]): string[] {
  return fields.filter((f) => !(RECORD_FIELDS as readonly string[]).includes(f));
}

/** The scorer's normalisation for strings: NFC, collapsed whitespace, lower case. */
export const norm = (s: unknown): string => String(s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** Equal within a small tolerance: parsing `1.837,272 triệu` goes through floating point. */
export function numbersEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 + 1e-6 * Math.max(Math.abs(a), Math.abs(b));
}

const tokens = (s: unknown) => norm(s).split(/[^\p{L}\p{N}%]+/u).filter(Boolean);

/** Share of the expected subject's tokens found in the actual one (the scorer's rule: >= 0.5 agrees). */
export function subjectOverlap(actual: unknown, expected: unknown): number {
  const want = tokens(expected);
  if (!want.length) return tokens(actual).length ? 0 : 1;
  const have = new Set(tokens(actual));
  return want.filter((t) => have.has(t)).length / want.length;
}

/** Absent, null and `suspect: false` all mean "not stated". */
function absent(field: string, v: unknown): boolean {
  return v === undefined || v === null || v === '' || (field === 'suspect' && v === false);
}

export function fieldEqual(field: string, actual: unknown, expected: unknown): boolean {
  const a = absent(field, actual);
  const e = absent(field, expected);
  if (a || e) return a && e;
  if (NUMERIC.has(field) && typeof actual === 'number' && typeof expected === 'number') return numbersEqual(actual, expected);
  if (field === 'subject') return subjectOverlap(actual, expected) >= 0.5;
  if (typeof actual === 'string' && typeof expected === 'string') {
    // Units and enums are codes: exact. Text fields: the scorer's normalisation.
    return ['unit', 'comparator', 'modality', 'measure', 'indicator'].includes(field) ? actual === expected : norm(actual) === norm(expected);
  }
  return JSON.stringify(actual) === JSON.stringify(expected);
}

/**
 * Differences on the compared fields. `parent` is an index into each side's own list, so it is
 * compared through `sameParent` (are both parents the same matched pair?) rather than by number.
 */
export function diffRecord(actual: JsonRecord, expected: JsonRecord, fields: string[],
  sameParent?: (a: unknown, e: unknown) => { equal: boolean; actual: unknown; expected: unknown }): FieldDiff[] {
  const out: FieldDiff[] = [];
  for (const f of fields) {
    if (f === 'parent' && sameParent) {
      const p = sameParent(actual.parent, expected.parent);
      if (!p.equal) out.push({ field: f, actual: p.actual, expected: p.expected });
      continue;
    }
    if (!fieldEqual(f, actual[f], expected[f])) out.push({ field: f, actual: actual[f], expected: expected[f] });
  }
  return out;
}
