// The regression gate: every fixture set scores at least its floor in test/fixtures/floors.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFloors, readFloors, replayFixtures, type ReplayReport } from '../../src/replay/index.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { ARTICLES, FLOORS } from './helpers.js';

describe('fixture sets against their floors', () => {
  const report: ReplayReport = replayFixtures([ARTICLES], { cwd: ROOT });
  const floors = readFloors(FLOORS);

  it('runs every fixture (none is broken)', () => {
    expect(report.fixtures.length).toBeGreaterThanOrEqual(5 + 6 + 10);
    expect(report.fixtures.filter((f) => f.error).map((f) => `${f.name}: ${f.error}`)).toEqual([]);
  });

  it('pins a floor for every set, and no floor for a set that has no fixtures', () => {
    expect(Object.keys(floors).sort()).toEqual(Object.keys(report.sets).sort());
  });

  it.each(Object.keys(floors))('set %s: F1 is at or above its floor', (set) => {
    const check = checkFloors(report, floors)[set];
    expect(check, `no fixtures in set ${set}`).toBeDefined();
    // On failure: replay that set to see which records changed, fix the regression (or, for a
    // deliberate trade-off, lower the floor in the same change and say why).
    const f1 = check.f1 ?? 0;
    expect(f1, `set ${set}: F1 ${f1.toFixed(3)} below floor ${check.floor}`).toBeGreaterThanOrEqual(check.floor - 1e-9);
  });

  it('the CLI gate agrees: replay --floors exits 0 and prints each floor', () => {
    const r = runCli(['replay', '--floors', FLOORS]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const set of Object.keys(floors)) expect(r.stdout).toMatch(new RegExp(`${set}\\s+P .* floor \\d\\.\\d\\d ok`));
  });

  it('floors.json is plain JSON with a comment key', () => {
    const raw = JSON.parse(readFileSync(FLOORS, 'utf8')) as Record<string, unknown>;
    expect(typeof raw.$comment).toBe('string');
  });
});
