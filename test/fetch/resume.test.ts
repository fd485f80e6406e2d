// Crashes and stops: a run killed with SIGKILL and started again fetches only what is left and ends
// with the same articles as an uninterrupted run; SIGINT stops after the requests in flight; the
// run lock keeps a second run off the database and is taken over from a dead process.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config.js';
import { runIngest } from '../../src/pipeline.js';
import { openStore } from '../../src/store/index.js';
import { tempDir } from '../helpers/cli.js';
import { runCliAsync, spawnCli, waitFor, writeConfig } from '../helpers/cli-async.js';
import { cleanSources, startSite, type Site } from '../helpers/site-server.js';

// One request at a time, each answered after 80 ms: a run lasts a few seconds, long enough to stop.
const SLOW = { perHostDelayMs: 20, timeoutMs: 5000, retries: 1, retryBaseMs: 50, concurrency: 1, perHostConcurrency: 1 };

type Row = Record<string, unknown>;
function query(db: string, sql: string): Row[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all() as Row[];
  } finally {
    d.close();
  }
}
/** What a run stored, independent of the port: path, content and text hashes, figure count. */
function stored(db: string): Row[] {
  return query(db, `SELECT a.uri, a.content_hash, a.text_hash, (SELECT COUNT(*) FROM figures f WHERE f.article_id = a.id) AS figures
    FROM articles a`).map((r) => ({ ...r, uri: new URL(String(r.uri)).pathname })).sort((a, b) => String(a.uri).localeCompare(String(b.uri)));
}
const isArticle = (p: string) => /^\/(seeds|news|amp)\//.test(p);

describe('resuming', () => {
  let site: Site;
  let baseline: Row[];
  beforeAll(async () => {
    site = await startSite({ latencyMs: 80 });
    // The uninterrupted run to compare with (through the library: the CLI is exercised below).
    const dir = tempDir();
    const r = await runIngest(validateConfig({ sources: [...cleanSources(site.url)], store: { path: 'a.db' }, fetch: { ...SLOW, concurrency: 4, perHostConcurrency: 4 } }), { baseDir: dir });
    expect(r).toMatchObject({ status: 'ok', articlesFailed: 0 });
    baseline = stored(join(dir, 'a.db'));
    expect(baseline.length).toBe(11);
  });
  afterAll(async () => {
    await site.close();
  });

  it('a run killed with SIGKILL, started again, fetches only what is left and stores the same set', async () => {
    const dir = tempDir();
    const db = join(dir, 'k.db');
    const config = writeConfig(dir, { sources: cleanSources(site.url), store: { path: 'k.db' }, fetch: SLOW });
    const mark = site.log.length;
    const killed = spawnCli(['--config', config, 'ingest']);
    // Let it store a few articles, then check the lock holds a second run off, then kill it.
    await waitFor(() => site.log.slice(mark).filter((e) => isArticle(e.path) && e.status === 200).length >= 4);
    await expect(runIngest(validateConfig({ sources: [...cleanSources(site.url)], store: { path: db } }), { baseDir: dir }))
      .rejects.toMatchObject({ code: 'E_LOCKED', name: 'StoreError', message: expect.stringMatching(/locked by another ingest run .*pid \d+/) });
    killed.child.kill('SIGKILL');
    const k = await killed.done;
    expect(k.signal).toBe('SIGKILL');

    // Done before the kill, robots.txt skips aside (those were never requested).
    const doneBefore = query(db, "SELECT uri, request_url FROM frontier WHERE state = 'done' AND outcome <> 'skipped'");
    const storedBefore = stored(db).length;
    expect(storedBefore).toBeGreaterThanOrEqual(2);
    expect(storedBefore).toBeLessThan(11);
    expect(query(db, 'SELECT status FROM runs')).toEqual([{ status: 'running' }]);

    const mark2 = site.log.length;
    const resumed = await runCliAsync(['--config', config, 'ingest']);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('resumed an unfinished crawl');
    expect(stored(db)).toEqual(baseline);
    // Nothing done before the kill was asked for again, and discovery was not redone.
    const asked = site.log.slice(mark2).map((e) => e.path);
    for (const d of doneBefore) expect(asked).not.toContain(new URL(String(d.request_url)).pathname + new URL(String(d.request_url)).search);
    expect(asked.filter((p) => !isArticle(p))).toEqual([]);
    expect(asked.length).toBeLessThanOrEqual(12 - doneBefore.length);
    // The killed run's lock was stale (its process is gone): taken over, and that run marked interrupted.
    expect(query(db, 'SELECT id, status FROM runs ORDER BY id')).toEqual([{ id: 1, status: 'interrupted' }, { id: 2, status: 'ok' }]);
    expect(query(db, 'SELECT COUNT(*) n FROM run_lock')).toEqual([{ n: 0 }]);
  });

  it('SIGINT stops after the requests in flight, marks the run interrupted (exit 1), and the next run finishes', async () => {
    const dir = tempDir();
    const db = join(dir, 'i.db');
    const config = writeConfig(dir, { sources: cleanSources(site.url), store: { path: 'i.db' }, fetch: SLOW });
    const mark = site.log.length;
    const running = spawnCli(['--config', config, 'ingest']);
    await waitFor(() => site.log.slice(mark).filter((e) => isArticle(e.path)).length >= 3);
    running.child.kill('SIGINT');
    const r = await running.done;
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/database: .* \(run 1, interrupted\)/);
    expect(r.stderr).toContain('interrupting');
    // Every request that reached the server was completed and recorded: nothing was abandoned.
    const asked = site.log.slice(mark).filter((e) => isArticle(e.path)).map((e) => e.path.split('?')[0]);
    const recorded = query(db, 'SELECT uri FROM run_items').map((x) => new URL(String(x.uri)).pathname);
    expect(recorded.sort()).toEqual(asked.sort());
    expect(Number(query(db, "SELECT COUNT(*) n FROM frontier WHERE state = 'discovered'")[0].n)).toBeGreaterThan(0);
    expect(query(db, 'SELECT status FROM runs')).toEqual([{ status: 'interrupted' }]);

    const again = await runIngest(validateConfig(JSON.parse(readFileSync(config, 'utf8'))), { baseDir: dir });
    expect(again).toMatchObject({ status: 'ok', resumed: true, articlesFailed: 0 });
    expect(stored(db)).toEqual(baseline);
  });
});

describe('the run lock', () => {
  it('a live lock stops a second run (exit 2, a clear message); a dead process\'s lock is taken over', async () => {
    const dir = tempDir();
    const db = join(dir, 'l.db');
    const config = writeConfig(dir, { sources: [{ kind: 'files', paths: ['*.txt'] }], store: { path: 'l.db' } });
    const store = openStore(db);
    const now = new Date().toISOString();
    // Held by this (live) test process.
    store.db.prepare('INSERT INTO run_lock (id, run_id, pid, hostname, acquired_at, heartbeat_at) VALUES (1, NULL, ?, ?, ?, ?)')
      .run(process.pid, (await import('node:os')).hostname(), now, now);
    const blocked = await runCliAsync(['--config', config, 'ingest']);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/error: database .*l\.db is locked by another ingest run \(run \?, pid \d+ on .*\); wait for it to end/);
    expect(query(db, 'SELECT COUNT(*) n FROM runs')).toEqual([{ n: 0 }]);
    // A process that has exited holds it now: the next run takes it over.
    const dead = spawnSync(process.execPath, ['-e', '']);
    store.db.prepare('UPDATE run_lock SET pid = ?').run(dead.pid);
    store.close();
    const ok = await runIngest(validateConfig(JSON.parse(readFileSync(config, 'utf8'))), { baseDir: dir });
    expect(ok.status).toBe('ok');
    expect(query(db, 'SELECT COUNT(*) n FROM run_lock')).toEqual([{ n: 0 }]);
  });
});
