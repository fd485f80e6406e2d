// Shared expectations for the quantity tests: compare a parsed quantity with a partial one.
import { expect } from 'vitest';
import type { Comparator, Quantity } from '../../src/types.js';

export interface Want {
  value: number;
  /** Defaults to null (a bare number). */
  unit?: string | null;
  /** Must be absent when not given. */
  valueMax?: number;
  /** Must be absent when not given. */
  total?: number;
  /** Defaults to '='. */
  comparator?: Comparator;
  per?: string;
  noun?: string;
  vague?: boolean;
  points?: boolean;
}

/** Equal up to floating-point noise (1.234 * 1e6). */
export function close(a: number | undefined, b: number): boolean {
  return typeof a === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/** The differences between what was parsed and what was wanted, as readable lines (empty = pass). */
export function differences(got: Quantity | null, want: Want | null): string[] {
  if (want === null) return got === null ? [] : [`expected null, got ${JSON.stringify(got)}`];
  if (got === null) return ['expected a quantity, got null'];
  const out: string[] = [];
  if (!close(got.value, want.value)) out.push(`value ${got.value} != ${want.value}`);
  if (got.unit !== (want.unit ?? null)) out.push(`unit ${got.unit} != ${want.unit ?? null}`);
  if (got.comparator !== (want.comparator ?? '=')) out.push(`comparator ${got.comparator} != ${want.comparator ?? '='}`);
  if (want.valueMax === undefined ? got.valueMax !== undefined : !close(got.valueMax, want.valueMax)) out.push(`valueMax ${got.valueMax} != ${want.valueMax}`);
  if (want.total === undefined ? got.total !== undefined : !close(got.total, want.total)) out.push(`total ${got.total} != ${want.total}`);
  if (want.per !== undefined && got.per !== want.per) out.push(`per ${got.per} != ${want.per}`);
  if (want.noun !== undefined && got.noun !== want.noun) out.push(`noun ${got.noun} != ${want.noun}`);
  if (want.vague !== undefined && Boolean(got.vague) !== want.vague) out.push(`vague ${got.vague} != ${want.vague}`);
  if (want.points !== undefined && Boolean(got.points) !== want.points) out.push(`points ${got.points} != ${want.points}`);
  return out;
}

export function expectQuantity(input: string, got: Quantity | null, want: Want | null): void {
  const diff = differences(got, want);
  expect(diff, `${input} -> ${JSON.stringify(got)}`).toEqual([]);
}
