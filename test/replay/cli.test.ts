// solieu replay and solieu fixture add through the built CLI, on temporary fixture folders.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { agreeingFixtures, readLines, snapshot, writeLines } from './helpers.js';

// Fixtures without money amounts: extract/subject.ts keeps regex state between documents on money
// subjects (see the report), and these tests need the same records however often a text is replayed.
const A = 'hard-points';
const B = 'hard-ratio';
const NAMES = [A, B];

/** Flips the modality of the first record of a fixture; returns the field diff replay should print. */
function injectChange(fixtureDir: string): { line: string; original: string } {
  const path = join(fixtureDir, 'expected.jsonl');
  const original = readFileSync(path, 'utf8');
  const rows = readLines(path);
  const was = rows[0].modality as string;
  const now = was === 'actual' ? 'target' : 'actual';
  rows[0] = { ...rows[0], modality: now };
  writeLines(path, rows);
  return { line: `modality: "${was}" -> "${now}"`, original };
}

describe('solieu fixture add', () => {
  it('creates a fixture whose first expectation is the current output, so it replays clean', () => {
    const dir = agreeingFixtures(['hard-plan']);
    const fx = join(dir, 'hard-plan');
    for (const f of ['source.txt', 'meta.json', 'expected.jsonl', 'expected-article.json']) expect(existsSync(join(fx, f)), f).toBe(true);
    const rows = readLines(join(fx, 'expected.jsonl'));
    expect(rows.length).toBeGreaterThan(3);
    expect(rows[0]).toHaveProperty('start');
    expect(rows[0]).toHaveProperty('rules');
    expect(JSON.parse(readFileSync(join(fx, 'meta.json'), 'utf8'))).toMatchObject({ set: 'test', file: 'source.txt' });
    expect(JSON.parse(readFileSync(join(fx, 'expected-article.json'), 'utf8')).title).toBe('Kế hoạch giảm nghèo bền vững huyện Trấn Yên năm 2024');
    const r = runCli(['replay', dir]);
    expect(r.stdout).toContain('ok   hard-plan [test]  P 1.00  R 1.00  F1 1.00');
    expect(r.code).toBe(0);
  });

  it('refuses to overwrite an existing fixture (exit 2) unless --force', () => {
    const dir = agreeingFixtures(['hard-plan']);
    const again = runCli(['fixture', 'add', join(dir, 'hard-plan', 'source.txt'), '--name', 'hard-plan', '--dir', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    const bad = runCli(['fixture', 'add', join(dir, 'nope.txt'), '--name', 'x', '--dir', dir]);
    expect(bad.code).toBe(1);
    expect(existsSync(join(dir, 'x')), 'no half-made fixture').toBe(false);
  });
});

describe('solieu replay', () => {
  let dir: string;
  beforeAll(() => {
    dir = agreeingFixtures(NAMES);
  });
  /** A private copy of the agreeing fixtures, to edit. */
  const fresh = () => {
    const work = tempDir('solieu-replay-');
    cpSync(dir, work, { recursive: true });
    return work;
  };

  it('exits 0 when every record agrees', () => {
    const r = runCli(['replay', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 fixtures: 2 agree, 0 differ, 0 broken/);
  });

  it('detects an injected change: exit 1 and a field-level diff naming the fixture', () => {
    const work = fresh();
    const { line } = injectChange(join(work, A));
    const r = runCli(['replay', work]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`FAIL ${A} [test]`);
    expect(r.stdout).toContain('changed (field: actual -> expected):');
    expect(r.stdout).toContain(line);
    expect(r.stdout).toContain(`ok   ${B}`);
    // --only restricts the compared fields: the modality edit is not looked at.
    const only = runCli(['replay', work, '--only', 'value,unit,comparator']);
    expect(only.code).toBe(0);
    const mod = runCli(['replay', work, '--only', 'modality']);
    expect(mod.code).toBe(1);
  });

  it('reports missing and unexpected records, and precision/recall/F1', () => {
    const work = fresh();
    rmSync(join(work, B), { recursive: true });
    const path = join(work, A, 'expected.jsonl');
    const rows = readLines(path);
    const dropped = rows.pop()!;
    rows.push({ text: '999 hộ', value: 999, unit: 'household', comparator: '=', modality: 'actual', measure: 'level' });
    writeLines(path, rows);
    const r = runCli(['replay', work, '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const fx = report.fixtures[0];
    expect(fx.status).toBe('differ');
    expect(fx.missing.map((m: { record: { text: string } }) => m.record.text)).toEqual(['999 hộ']);
    expect(fx.unexpected.map((u: { record: { text: string } }) => u.record.text)).toEqual([dropped.text]);
    const n = rows.length;
    expect(fx.score.precision).toBeCloseTo((n - 1) / n, 6);
    expect(fx.score.recall).toBeCloseTo((n - 1) / n, 6);
    expect(report.overall.f1).toBeCloseTo(fx.score.f1, 6);
  });

  it('rejects an unknown --only field with exit 2', () => {
    const r = runCli(['replay', dir, '--only', 'modality,colour']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown field(s) colour');
  });

  it('--update shows the diff, then rewrites exactly the changed file', () => {
    const work = fresh();
    const fx = join(work, A);
    const { line, original } = injectChange(fx);
    const before = snapshot(work);
    const r = runCli(['replay', work, '--update']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(line);
    expect(r.stdout).toContain(`updated ${join(fx, 'expected.jsonl')}`);
    expect(r.stdout.match(/^updated /gm)).toHaveLength(1);
    const after = snapshot(work);
    const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
    expect(changed).toEqual([join(fx, 'expected.jsonl')]);
    expect(readFileSync(join(fx, 'expected.jsonl'), 'utf8')).toBe(original);
    expect(runCli(['replay', work]).code).toBe(0);
    // Nothing left to update: nothing written.
    const again = runCli(['replay', work, '--update']);
    expect(again.stdout).toContain('nothing to update');
    expect([...snapshot(work)]).toEqual([...after]);
  });

  it('--update with --only touches only the named fields of a hand-written expectation', () => {
    const work = tempDir('solieu-replay-');
    const fx = join(work, 'one');
    cpSync(join(dir, A), fx, { recursive: true });
    const path = join(fx, 'expected.jsonl');
    // A hand-written (gold-style) expectation: no offsets, no provenance, a wrong modality.
    const slim = readLines(path).map((r) => ({ text: r.text, value: r.value, unit: r.unit, modality: r.modality === 'actual' ? 'target' : 'actual' }));
    writeLines(path, slim);
    const r = runCli(['replay', work, '--only', 'modality', '--update']);
    expect(r.code).toBe(0);
    const fixed = readLines(path);
    expect(fixed.map((x) => Object.keys(x))).toEqual(slim.map((x) => Object.keys(x)));
    expect(fixed.map((x) => x.modality)).not.toEqual(slim.map((x) => x.modality));
    expect(runCli(['replay', work, '--only', 'modality']).code).toBe(0);
  });

  it('reports a broken fixture by name (bad JSON, missing source) and still runs the others', () => {
    const work = fresh();
    writeFileSync(join(work, B, 'expected.jsonl'), '{"text": "1 hộ", "value": 1,\n');
    rmSync(join(work, A, 'source.txt'));
    cpSync(join(dir, A), join(work, 'good'), { recursive: true });
    const r = runCli(['replay', work]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/BROKEN hard-ratio \[test\]: expected\.jsonl line 1: bad JSON/);
    expect(r.stdout).toMatch(/BROKEN hard-points \[test\]: missing source/);
    expect(r.stdout).toContain('ok   good');
    expect(r.stdout).toContain('3 fixtures: 1 agree, 0 differ, 2 broken');
  });

  it('--format junit is valid XML: one testcase per fixture, failures and errors marked', () => {
    const work = fresh();
    injectChange(join(work, A));
    // A folder name that needs escaping in XML.
    cpSync(join(dir, B), join(work, 'bad<&>"name'), { recursive: true });
    const bad = join(work, 'broken');
    cpSync(join(dir, B), bad, { recursive: true });
    writeFileSync(join(bad, 'meta.json'), '{ nope');
    const r = runCli(['replay', work, '--format', 'junit']);
    expect(r.code).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.stdout);
    const suites = [xml.testsuites.testsuite].flat();
    const cases = suites.flatMap((s: { testcase: unknown }) => [s.testcase].flat()) as Array<Record<string, unknown>>;
    expect(cases.map((c) => c.name).sort()).toEqual(['bad<&>"name', 'broken', A, B]);
    expect(xml.testsuites.tests).toBe('4');
    expect(xml.testsuites.failures).toBe('1');
    expect(xml.testsuites.errors).toBe('1');
    const byName = new Map(cases.map((c) => [c.name, c]));
    expect(byName.get(A)).toHaveProperty('failure');
    expect(JSON.stringify(byName.get(A))).toContain('modality');
    expect(byName.get('broken')).toHaveProperty('error');
    expect(byName.get(B)).not.toHaveProperty('failure');
  });

  it('--floors: exit status follows the floors, not the diffs', () => {
    const work = fresh();
    injectChange(join(work, A));
    const floors = join(work, 'floors.json');
    writeFileSync(floors, JSON.stringify({ $comment: 'test', test: 0.5 }));
    const low = runCli(['replay', join(work, A), join(work, B), '--floors', floors]);
    expect(low.stdout).toMatch(/test\s+P .* floor 0\.50 ok/);
    expect(low.code).toBe(0);
    writeFileSync(floors, JSON.stringify({ test: 1 }));
    const high = runCli(['replay', join(work, A), join(work, B), '--floors', floors]);
    expect(high.stdout).toMatch(/floor 1\.00 BELOW/);
    expect(high.code).toBe(1);
  });

  it('a missing fixture directory is a usage error (exit 2)', () => {
    const r = runCli(['replay', join(dir, 'does-not-exist')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fixture directory not found');
  });
});
