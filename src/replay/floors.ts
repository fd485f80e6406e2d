// floors.json: the minimum F1 of each fixture set. Raise a floor when quality goes up; a set
// below its floor fails `replay --floors` (and `npm test`), so quality can only go up.
import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors.js';
import type { ReplayReport } from './types.js';

export const DEFAULT_FLOORS = 'test/fixtures/floors.json';

/** `{ "set": 0.62, ... }`; keys starting with `$` are comments. */
export function readFloors(path: string): Record<string, number> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ConfigError(`cannot read floors ${path}: ${(e as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${path}: expected an object of set -> minimum F1`);
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (k.startsWith('$')) continue;
    if (typeof v !== 'number' || v < 0 || v > 1) throw new ConfigError(`${path}: floor of "${k}" must be a number from 0 to 1`);
    out[k] = v;
  }
  return out;
}

/** Floors of the sets this report scored; a set with a broken fixture is below its floor. */
export function checkFloors(report: ReplayReport, floors: Record<string, number>): NonNullable<ReplayReport['floors']> {
  const out: NonNullable<ReplayReport['floors']> = {};
  for (const [set, floor] of Object.entries(floors)) {
    const s = report.sets[set];
    if (!s) continue;
    const broken = report.fixtures.some((f) => f.set === set && f.error);
    // Scores are printed to 2 decimals and floors rounded down: compare with a hair of slack.
    out[set] = { floor, f1: s.f1, ok: !broken && s.f1 + 1e-9 >= floor };
  }
  return out;
}

/** Floors at the current scores, rounded down to 2 decimals: what to pin after an improvement. */
export function currentFloors(report: ReplayReport): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [set, s] of Object.entries(report.sets)) out[set] = Math.floor(s.f1 * 100 + 1e-9) / 100;
  return out;
}
