// Config loading and validation, through the built CLI and the library.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';
import { runCli, tempDir } from './helpers/cli.js';

describe('config validation', () => {
  it('names the field path, what was expected and what was found (exit 2)', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ sources: [{ kind: 'files', paths: 'seeds/*.txt' }], store: { path: 'x.db' } }));
    const r = runCli(['--config', file, 'ingest']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sources[0].paths');
    expect(r.stderr).toMatch(/expected array/);
    expect(r.stderr).toContain('found "seeds/*.txt"');
  });

  it('rejects unknown fields and wrong types in fetch options', () => {
    expect(() => validateConfig({ sources: [{ kind: 'files', paths: ['a'] }], store: { path: 'a.db' }, fetch: { concurrency: 'many' } }))
      .toThrow(/fetch\.concurrency: .*expected number.*found "many"/s);
    expect(() => validateConfig({ sources: [{ kind: 'files', paths: ['a'] }], store: { path: 'a.db' }, colour: 'red' }))
      .toThrow(ConfigError);
    expect(() => validateConfig({ sources: [{ kind: 'ftp', url: 'x' }], store: { path: 'a.db' } })).toThrow(/sources\[0\]\.kind/);
  });

  it('fills fetch defaults', () => {
    const c = validateConfig({ sources: [{ kind: 'files', paths: ['a'] }], store: { path: 'a.db' } });
    expect(c.fetch).toMatchObject({ concurrency: 8, perHostConcurrency: 2, retries: 3, respectRobots: true });
  });

  it('loads a .ts config from the compiled CLI (no tsx at run time)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'one.txt'), 'Năm 2023, tỉnh Bắc Kạn có 1.234 hộ nghèo, tỷ lệ 2,5%.\n');
    writeFileSync(join(dir, 'my.config.ts'), `
      const paths: string[] = ['*.txt'];
      export default { sources: [{ kind: 'files' as const, name: 'mine', paths }], store: { path: 'db/out.db' } };
    `);
    const r = runCli(['--config', join(dir, 'my.config.ts'), 'ingest']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 new/);
    expect(r.stdout).toContain(join(dir, 'db', 'out.db'));
  });

  it('loads .mjs configs and fails clearly on a missing file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.mjs'), `export default { sources: [{ kind: 'files', paths: ['*.txt'] }], store: { path: 3 } };`);
    const bad = runCli(['--config', join(dir, 'c.mjs'), 'ingest']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/store\.path: .*expected string.*found 3/s);
    const missing = runCli(['--config', join(dir, 'nope.ts'), 'ingest']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('config file not found: ');
  });

  it('the repository default config validates', () => {
    const r = runCli(['ingest', '--db', join(tempDir(), 'x.db')]);
    expect(r.code).toBe(0);
  });
});

describe('cli basics', () => {
  it('prints help with an example for each command, and the version', () => {
    for (const cmd of ['ingest', 'extract']) {
      const r = runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples:/);
    }
    expect(runCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on unknown commands and options', () => {
    expect(runCli(['frobnicate']).code).toBe(2);
    expect(runCli(['extract', '--format', 'xml', 'seeds/000_63555a0f52033a30.txt']).code).toBe(2);
  });

  it('extract reads stdin with "-" and prints JSON lines with offsets', () => {
    const text = 'Năm 2023, huyện Bạch Thông có 416 hộ nghèo vay vốn, dư nợ 25.796 triệu đồng.';
    const r = runCli(['extract', '-'], { input: text });
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((x) => [x.value, x.unit])).toEqual([[416, 'household'], [25796000000, 'VND']]);
    for (const x of rows) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(rows[0]).toMatchObject({ period: 2023, location: 'huyện Bạch Thông', modality: 'actual', measure: 'level' });
  });

  it('extract --format table shows a readable table', () => {
    const r = runCli(['extract', 'seeds/001_5c3843daf007bff4.txt', '--format', 'table']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^#\s+text\s+value\s+unit\s+cmp\s+subject\s+modality/);
    expect(r.stdout).toContain('1.837,272 triệu đồng');
    expect(r.stdout).toMatch(/\d+ figures\n$/);
  });

  it('extract on a missing file reports it and exits 1', () => {
    const r = runCli(['extract', 'nope.txt']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope.txt');
  });
});
