// The peer's own corpus (Duckling, Vietnamese), read the way score-quantity.mjs reads it:
// units `$` and `cent` are USD (cents scaled by 0.01); `min` alone is a lower bound (> or >=),
// `max` alone an upper bound (< or <=), both together a range. Ordinals are not quantities, and
// times and dates are never figures.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQuantity, scanQuantities } from '../../src/extract/quantity.js';
import { NON_FIGURE_UNITS } from '../../src/extract/units.js';
import type { Quantity } from '../../src/types.js';
import { close } from './want.js';

interface Row { input: string; value: number | string | null; unit?: string | null; min?: number | string; max?: number | string; dimension: string }

const fixture = (name: string): Row[] =>
  readFileSync(new URL(`../fixtures/duckling/${name}`, import.meta.url), 'utf8')
    .split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);

const UNIT: Record<string, string> = { $: 'USD', cent: 'USD', '£': 'GBP' };

/** Why a parsed quantity does not match a row ('' = it does), with the scorer's rules. */
function mismatch(row: Row, q: Quantity | null): string {
  if (!q) return 'null';
  const want = row.unit ? (UNIT[row.unit] ?? row.unit) : null;
  if (q.unit !== want) return `unit ${q.unit} != ${want}`;
  const s = row.unit === 'cent' ? 0.01 : 1;
  const { value, min, max } = row;
  if (typeof value === 'number') {
    if (!close(q.value, value * s)) return `value ${q.value} != ${value * s}`;
    if (q.valueMax !== undefined) return `unexpected valueMax ${q.valueMax}`;
    if (q.comparator !== '=') return `comparator ${q.comparator}`;
    return '';
  }
  if (typeof min === 'number' && typeof max === 'number') {
    return close(q.value, min * s) && close(q.valueMax, max * s) ? '' : `range ${q.value}..${q.valueMax} != ${min}..${max}`;
  }
  if (typeof max === 'number') {
    return close(q.value, max * s) && (q.comparator === '<' || q.comparator === '<=') ? '' : `upper bound ${q.comparator} ${q.value}`;
  }
  if (typeof min === 'number') {
    return close(q.value, min * s) && (q.comparator === '>' || q.comparator === '>=') ? '' : `lower bound ${q.comparator} ${q.value}`;
  }
  return 'row has no value';
}

describe('Duckling corpus through parseQuantity', () => {
  for (const file of ['Numeral.jsonl', 'AmountOfMoney.jsonl']) {
    const rows = fixture(file);
    it(`${file}: every row passes (${rows.length} rows)`, () => {
      const failures = rows
        .map((row) => ({ row, q: parseQuantity(row.input) }))
        .map(({ row, q }) => ({ input: row.input, why: mismatch(row, q), got: q }))
        .filter((f) => f.why !== '');
      expect(failures).toEqual([]);
    });
  }

  it('reads ordinals as ranks, not quantities', () => {
    const rows = fixture('Ordinal.jsonl');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(scanQuantities(row.input), row.input).toEqual([]);
      expect(parseQuantity(row.input), row.input).toBeNull();
    }
  });

  it('finds no figure in any time expression (at most a duration, which is not a figure)', () => {
    const rows = fixture('Time.jsonl');
    const figures = rows.flatMap((row) => scanQuantities(row.input)
      .filter((m) => m.unit !== null && !NON_FIGURE_UNITS.has(m.unit))
      .map((m) => `${row.input}: ${m.text} (${m.unit})`));
    expect(figures).toEqual([]);
  });
});
