// The research commands through the built CLI (dist/cli.js), on the five seed articles.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/store/index.js';
import { CLI, runCli, tempDir } from '../helpers/cli.js';
import { parseCsv } from './csv.js';
import { WRITES, fileHash, makeV1Database, insertArticleSql } from './fixtures.js';

let dir: string;
let db: string;

beforeAll(() => {
  dir = tempDir();
  db = join(dir, 'solieu.db');
  const r = runCli(['ingest', '--db', db]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
});

describe('solieu query', () => {
  it('prints a table by default, and CSV, JSON, JSON Lines on request', () => {
    const t = runCli(['query', 'SELECT COUNT(*) AS n FROM articles', '--db', db]);
    expect(t).toMatchObject({ code: 0, stderr: '' });
    expect(t.stdout).toBe('n\n-\n5\n(1 row)\n');
    const sql = 'SELECT id, title FROM articles ORDER BY id';
    const csv = runCli(['query', sql, '--format', 'csv', '--db', db]);
    const json = runCli(['query', sql, '--format', 'json', '--db', db]);
    const jsonl = runCli(['query', sql, '--format', 'jsonl', '--db', db]);
    const rows = JSON.parse(json.stdout) as Array<{ id: number; title: string | null }>;
    expect(rows).toHaveLength(5);
    expect(jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual(rows);
    expect(parseCsv(csv.stdout)).toEqual([['id', 'title'], ...rows.map((r) => [String(r.id), r.title ?? ''])]);
    expect(rows.map((r) => r.title)).toContain('Thành phố Thái Nguyên: Quan tâm thực hiện công tác giảm nghèo');
  });

  it('binds -p values to ? placeholders and reads SQL from stdin with -', () => {
    const r = runCli(['query', "SELECT COUNT(*) AS n FROM v_figures WHERE indicator = ? AND modality = 'target'", '-p', 'poverty_rate',
      '--format', 'jsonl', '--db', db]);
    expect(JSON.parse(r.stdout).n).toBeGreaterThan(0);
    const s = runCli(['query', '-', '--format', 'csv', '--db', db], { input: 'SELECT 1 AS one' });
    expect(s.stdout).toBe('one\r\n1\r\n');
  });

  // Every statement of WRITES is refused in query.test.ts; through the CLI, one of each kind.
  const SOME_WRITES = WRITES.filter((w) => /^(INSERT INTO units|UPDATE|DELETE|ATTACH|DROP TABLE|CREATE TABLE|PRAGMA journal_mode|PRAGMA user_version|VACUUM INTO)/.test(w));

  it('covers each kind of write', () => expect(SOME_WRITES).toHaveLength(9));

  it.each(SOME_WRITES)('refuses %s with exit 2, and the file stays byte for byte the same', (sql) => {
    const before = fileHash(db);
    const r = runCli(['query', sql, '--db', db], { cwd: dir });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/^error: solieu query is read-only: .*nothing was changed\n$/);
    expect(r.stdout).toBe('');
    expect(fileHash(db)).toBe(before);
    expect(readdirSync(dir).filter((f) => !f.startsWith('solieu.db'))).toEqual([]);
  });

  it('reports bad SQL with exit 2', () => {
    const r = runCli(['query', 'SELECT * FROM nowhere', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: SQL error: no such table: nowhere\n');
  });

  it('says so when the database does not exist, and does not create it', () => {
    const missing = join(dir, 'nope', 'x.db');
    const r = runCli(['query', 'SELECT 1', '--db', missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/database not found: .*x\.db/);
    expect(existsSync(missing)).toBe(false);
  });

  it('refuses a database newer than itself with a clear message', () => {
    const future = join(tempDir(), 'future.db');
    runCli(['db', 'migrate', '--db', future]);
    const raw = new Database(future);
    raw.prepare("INSERT INTO schema_migrations VALUES (99, 'future', 'x')").run();
    raw.close();
    const r = runCli(['query', 'SELECT 1', '--db', future]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`schema version 99, newer than this solieu knows (${SCHEMA_VERSION}); upgrade solieu`);
  });
});

describe('solieu search', () => {
  it('finds Thái Nguyên, hộ nghèo and đồng typed without diacritics, with title, link, date and snippet', () => {
    const r = runCli(['search', 'thai', 'nguyen', '--limit', '1', '--db', db]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^1\. Thành phố \*\*Thái\*\* \*\*Nguyên\*\*: Quan tâm/);
    expect(r.stdout).toMatch(/2023-12-13/);
    expect(r.stdout).toMatch(/seeds\/001_5c3843daf007bff4\.txt/);
    expect(r.stdout).not.toMatch(/^2\./m);
    const money = JSON.parse(runCli(['search', 'trieu dong', '--format', 'json', '--db', db]).stdout) as Array<{ snippet: string }>;
    expect(money.length).toBeGreaterThan(0);
    expect(money.some((h) => /\*\*triệu\*\* \*\*đồng\*\*/.test(h.snippet))).toBe(true);
    const poor = JSON.parse(runCli(['search', 'ho ngheo', '--format', 'json', '--db', db]).stdout) as unknown[];
    expect(poor).toHaveLength(5);
  });

  it('says when nothing matches, and rejects a bad --limit', () => {
    expect(runCli(['search', 'zzzxq', '--db', db]).stdout).toBe('no articles found\n');
    const bad = runCli(['search', 'x', '--limit', 'ten', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--limit must be a positive whole number/);
  });

  it('tells how to upgrade an older database instead of failing on a missing table', () => {
    const old = join(tempDir(), 'v1.db');
    const d = makeV1Database(old);
    insertArticleSql(d, 'u', 'Thái Nguyên', 'hộ nghèo');
    d.close();
    const r = runCli(['search', 'thai', '--db', old]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/search needs database schema version 2, but .* has version 1: run "solieu db migrate/);
    expect(runCli(['db', 'migrate', '--db', old]).stdout).toContain(`schema: version ${SCHEMA_VERSION}`);
    expect(runCli(['search', 'thai', '--db', old]).stdout).toMatch(/\*\*Thái\*\* Nguyên/);
  });
});

describe('solieu export', () => {
  it('writes v_figures as CSV to a file; read back it equals the rows', () => {
    const out = join(dir, 'figures.csv');
    const r = runCli(['export', 'v_figures', '--out', out, '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^exported \d+ rows of v_figures to /);
    const d = new Database(db, { readonly: true });
    const stmt = d.prepare('SELECT * FROM v_figures').raw(true);
    const rows = stmt.all() as unknown[][];
    const cols = stmt.columns().map((c) => c.name);
    d.close();
    expect(rows.length).toBeGreaterThan(100);
    expect(parseCsv(readFileSync(out, 'utf8'))).toEqual([cols, ...rows.map((row) => row.map((v) => (v === null ? '' : String(v))))]);
    expect(readdirSync(dir).filter((f) => f.includes('.part-'))).toEqual([]);
  });

  it('writes JSON and JSON Lines to stdout', () => {
    const json = JSON.parse(runCli(['export', 'v_indicator_by_location_year', '--format', 'json', '--db', db]).stdout) as Array<Record<string, unknown>>;
    expect(json.length).toBeGreaterThan(10);
    expect(json[0]).toHaveProperty('avg_value');
    const lines = runCli(['export', 'units', '--format', 'jsonl', '--db', db]).stdout.trim().split('\n');
    expect(JSON.parse(lines[0])).toMatchObject({ code: 'VND', label_vi: 'đồng' });
  });

  it('refuses a name that is not a table or view, listing the choices, and leaves no file', () => {
    const out = join(dir, 'bad.csv');
    const r = runCli(['export', 'figures; DROP TABLE figures', '--out', out, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no table or view named "figures; DROP TABLE figures"; choose one of: .*figures.*v_figures/);
    expect(existsSync(out)).toBe(false);
    expect(runCli(['query', 'SELECT COUNT(*) AS n FROM figures', '--format', 'jsonl', '--db', db]).stdout).not.toBe('{"n":0}\n');
  });

  it('says it cannot write the file, with exit 2', () => {
    const r = runCli(['export', 'units', '--out', join(dir, 'no', 'such', 'dir', 'u.csv'), '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: cannot write .*u\.csv: ENOENT/);
  });

  it('stops quietly when the reader closes the pipe early', async () => {
    const child = spawn(process.execPath, [CLI, 'export', 'v_figures', '--format', 'jsonl', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('solieu stats and db check', () => {
  it('stats shows articles per outlet and month, figures per unit and indicator, and the last runs', () => {
    const r = runCli(['stats', '--db', db]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    for (const s of ['Articles per outlet and month', 'Figures per unit', 'Figures per indicator', 'Last runs', 'poverty_rate', 'household', '2023-12']) {
      expect(r.stdout).toContain(s);
    }
    const j = JSON.parse(runCli(['stats', '--format', 'json', '--db', db]).stdout);
    expect(j.totals.articles).toBe(5);
    expect(j.lastRuns[0]).toMatchObject({ command: 'ingest', status: 'ok', articles_new: 5 });
    expect(j.figuresByUnit.reduce((s: number, u: { figures: number }) => s + u.figures, 0)).toBe(j.totals.figures);
  });

  it('db check passes on a sound file and changes nothing', () => {
    const before = fileHash(db);
    const r = runCli(['db', 'check', '--db', db]);
    expect(r.stdout).toMatch(/integrity: ok\nforeign keys: ok\nsearch index: ok\nok\n$/);
    expect(r.code).toBe(0);
    expect(fileHash(db)).toBe(before);
  });

  it('db check exits 1 on a dangling foreign key and a stale search index', () => {
    const copy = join(tempDir(), 'broken.db');
    const src = new Database(db, { readonly: true });
    src.exec(`VACUUM INTO '${copy}'`);
    src.close();
    const d = new Database(copy);
    d.pragma('foreign_keys = OFF');
    d.exec("INSERT INTO figure_relations (parent_id, child_id, kind, check_result) VALUES (999999, 999998, 'breakdown', 'ok')");
    d.exec('DROP TRIGGER articles_fts_update');
    d.exec("UPDATE articles SET text = 'hoàn toàn khác' WHERE id = 1");
    d.close();
    const r = runCli(['db', 'check', '--db', copy]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/foreign keys: 2 row\(s\) point at nothing/);
    expect(r.stdout).toMatch(/1 article\(s\) indexed with other text than they hold \(ids 1\)/);
    expect(r.stdout).toMatch(/indexed term\(s\) do not match/);
    expect(r.stdout).toMatch(/'rebuild'/);
    expect(r.stdout).toMatch(/PROBLEMS FOUND\n$/);
    const j = JSON.parse(runCli(['db', 'check', '--format', 'json', '--db', copy]).stdout);
    expect(j.ok).toBe(false);
    expect(j.foreignKeys).toHaveLength(2);
  });
});

describe('help', () => {
  it.each([['query'], ['search'], ['export'], ['stats'], ['db', 'check'], ['db', 'migrate']])('solieu %s --help has examples', (...cmd) => {
    const r = runCli([...cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Examples:\n {2}\$ solieu /);
  });
});
