// The nightly run end to end: the built CLI against the fixture site. A full run over every source
// kind and every fault (recorded), then a replay of that recording with the site gone; a clean
// run twice, the second making only conditional requests.
import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReplayTransport } from '../../src/fetch/recording.js';
import { tempDir } from '../helpers/cli.js';
import { runCliAsync, writeConfig } from '../helpers/cli-async.js';
import { cleanSources, GOOD_ARTICLES, NEWS, SEEDS, startSite, type Site } from '../helpers/site-server.js';

// timeoutMs is generous: extraction shares the CLI's event loop, and a loaded machine slows it.
const FETCH = { perHostDelayMs: 10, timeoutMs: 3000, retries: 2, retryBaseMs: 50, maxBytes: 2_000_000, concurrency: 4, perHostConcurrency: 2 };

const FAILURES: Record<string, string> = {
  '/missing.html': 'E_HTTP_404',
  '/gone.html': 'E_HTTP_410',
  '/fault/loop-a.html': 'E_REDIRECT_LOOP',
  '/fault/slow.html': 'E_TIMEOUT',
  '/fault/huge.html': 'E_TOO_LARGE',
  '/fault/bomb.html': 'E_TOO_LARGE',
  '/fault/truncated.html': 'E_DECODE',
};

type Row = Record<string, unknown>;
function query(db: string, sql: string, ...params: unknown[]): Row[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare(sql).all(...params) as Row[];
  } finally {
    d.close();
  }
}

describe('a full run over every source kind and every fault (recorded, then replayed)', () => {
  let site: Site;
  let dir: string;
  let db: string;
  let rec: string;
  let config: string;
  let run: Awaited<ReturnType<typeof runCliAsync>>;
  const path = (uri: unknown) => new URL(String(uri)).pathname;

  beforeAll(async () => {
    site = await startSite({ slowMs: 20_000, retryAfterS: 1 });
    dir = tempDir();
    db = join(dir, 'night.db');
    rec = join(dir, 'recording');
    config = writeConfig(dir, {
      sources: [...cleanSources(site.url), { kind: 'rss', name: 'faults', url: `${site.url}/faults.rss` }],
      store: { path: 'night.db' },
      fetch: FETCH,
    });
    run = await runCliAsync(['--config', config, 'ingest', '--log', 'json', '--record', rec]);
  });
  afterAll(async () => {
    await site.close();
  });

  it('stores every good article exactly once and exits 1 because some failed', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const rows = query(db, 'SELECT uri, text_hash FROM articles');
    expect(rows.map((r) => path(r.uri)).sort()).toEqual([...GOOD_ARTICLES].sort());
    expect(new Set(rows.map((r) => r.text_hash)).size).toBe(GOOD_ARTICLES.length);
    // The page listed twice (with and without tracking parameters) was fetched once; the AMP copy was
    // fetched and found to be a duplicate of the canonical page, which is the one stored.
    expect(site.hits(`/seeds/${SEEDS[0]}.html`)).toHaveLength(1);
    expect(query(db, "SELECT uri FROM run_items WHERE outcome = 'duplicate'").map((r) => path(r.uri)))
      .toEqual([expect.stringMatching(new RegExp(`^(/amp)?/seeds/${SEEDS[0]}\\.html$`))]);
    for (const p of GOOD_ARTICLES.filter((g) => !g.startsWith('/fault/'))) expect(site.hits(p), p).toHaveLength(1);
  });

  it('records each failure with its reason', () => {
    const failed = query(db, "SELECT uri, error_code, error FROM run_items WHERE outcome = 'failed'");
    expect(Object.fromEntries(failed.map((r) => [path(r.uri), r.error_code]))).toEqual(FAILURES);
    for (const r of failed) expect(String(r.error)).toContain(path(r.uri));
    const run0 = query(db, 'SELECT status, articles_new, articles_failed, errors_json FROM runs')[0];
    expect(run0).toMatchObject({ status: 'partial', articles_new: GOOD_ARTICLES.length, articles_failed: 7 });
    expect(JSON.parse(String(run0.errors_json))).toHaveLength(7);
    const perSource = Object.fromEntries(query(db, 'SELECT * FROM run_sources').map((r) => [r.source, r]));
    expect(perSource.faults).toMatchObject({ kind: 'rss', discovered: 10, fetched: 3, new: 3, failed: 7 });
    expect(JSON.parse(String(perSource.faults.reasons_json)).failed).toEqual({
      E_HTTP_404: 1, E_HTTP_410: 1, E_REDIRECT_LOOP: 1, E_TIMEOUT: 1, E_TOO_LARGE: 2, E_DECODE: 1,
    });
    expect(perSource.feed).toMatchObject({ discovered: 4, skipped: 1, failed: 0 });
    expect(JSON.parse(String(perSource.feed.reasons_json)).skipped).toEqual({ E_ROBOTS: 1 });
    expect(JSON.parse(String(perSource.sitemap.reasons_json)).dropped).toEqual({ since: 1 });
  });

  it('is polite: robots.txt, since and maxPages are obeyed; retries wait as told', () => {
    expect(site.hits('/robots.txt')).toHaveLength(1);
    expect(site.hits('/private/secret.html')).toHaveLength(0);
    expect(site.hits('/old/2019.html')).toHaveLength(0);
    expect(site.hits('/sitemaps/2018.xml')).toHaveLength(0);
    expect(site.hits('/list/4.html')).toHaveLength(0);
    const [first, second] = site.hits('/fault/429.html');
    expect(second.at - first.at).toBeGreaterThanOrEqual(950);
    expect(site.hits('/fault/flaky.html').map((e) => e.status)).toEqual([500, 500, 200]);
    expect(site.hits('/missing.html')).toHaveLength(1);
    expect(site.hits('/gone.html')).toHaveLength(1);
    expect(site.hits('/fault/slow.html')).toHaveLength(1 + FETCH.retries);
    expect(site.maxInFlight).toBeLessThanOrEqual(FETCH.perHostConcurrency);
  });

  it('logs every HTTP request in fetch_log', () => {
    const logged = query(db, 'SELECT url, status, error FROM fetch_log');
    expect(logged).toHaveLength(site.log.length);
    expect(logged.filter((r) => r.url === `${site.url}/fault/huge.html`)[0]).toMatchObject({ status: 200, error: expect.stringMatching(/E_TOO_LARGE/) });
    expect(logged.filter((r) => r.url === `${site.url}/fault/slow.html`).every((r) => r.status === null && /E_TIMEOUT/.test(String(r.error)))).toBe(true);
  });

  it('prints one JSON object per line with --log json, ending with the summary', () => {
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Row);
    const types = new Set(lines.map((l) => l.type));
    for (const t of ['run', 'source', 'article', 'request', 'retry', 'summary']) expect(types).toContain(t);
    const summary = lines.at(-1)!;
    expect(summary).toMatchObject({ type: 'summary', status: 'partial', new: GOOD_ARTICLES.length, failed: 7, duplicate: 1, skipped: 1 });
    expect(lines.filter((l) => l.type === 'article' && l.outcome === 'failed')).toHaveLength(7);
  });

  it('reads a page in the wrong charset by its bytes', () => {
    const [row] = query(db, "SELECT text FROM articles WHERE uri LIKE '%/fault/win1258.html'");
    expect(row.text).toContain('2.150 lượt hộ nghèo, hộ cận nghèo vay vốn');
  });

  it('recorded every exchange under a hashed name, and what it stored', () => {
    const names = readdirSync(join(rec, 'exchanges'));
    expect(names.length).toBeGreaterThan(30);
    for (const n of names) expect(n).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(readdirSync(rec).sort()).toEqual(['exchanges', 'figures.jsonl', 'run.json']);
    const runJson = JSON.parse(readFileSync(join(rec, 'run.json'), 'utf8')) as { summary: Row; articles: Row[] };
    expect(runJson.summary).toMatchObject({ new: GOOD_ARTICLES.length, failed: 7 });
    expect(runJson.articles.map((a) => a.uri).sort()).toEqual(query(db, 'SELECT uri FROM articles').map((r) => r.uri).sort());
    const figures = readFileSync(join(rec, 'figures.jsonl'), 'utf8').trim().split('\n');
    expect(figures).toHaveLength(Number(query(db, 'SELECT COUNT(*) n FROM figures')[0].n));
  });

  it('replays the recording with the site gone and stores the same records', async () => {
    await site.close();
    const replayDb = join(dir, 'replay.db');
    const r = await runCliAsync(['--config', config, '--db', replayDb, 'ingest', '--replay', rec]);
    expect(r.stderr).not.toMatch(/E_NOT_RECORDED|E_NETWORK/);
    expect(r.code).toBe(1);
    const articles = (d: string) => query(d, `SELECT a.uri, a.content_hash, a.text_hash, a.canonical_url,
      (SELECT COUNT(*) FROM figures f WHERE f.article_id = a.id) AS figures FROM articles a ORDER BY a.uri`);
    expect(articles(replayDb)).toEqual(articles(db));
    const failed = (d: string) => query(d, "SELECT uri, error_code FROM run_items WHERE outcome = 'failed' ORDER BY uri");
    expect(failed(replayDb)).toEqual(failed(db));
    // Which of the two copies of one article came first can differ; the stored one cannot.
    const seen = (d: string) => query(d, "SELECT uri FROM run_items WHERE outcome IN ('new', 'duplicate') ORDER BY uri");
    expect(seen(replayDb)).toEqual(seen(db));
    expect(query(replayDb, 'SELECT COUNT(*) n FROM fetch_log')[0].n).toBeGreaterThan(30);
  });

  it('a request with no recorded exchange fails as E_NOT_RECORDED', async () => {
    await expect(new ReplayTransport(rec).send({ method: 'GET', url: 'http://127.0.0.1:9/never.html', headers: {} }))
      .rejects.toMatchObject({ code: 'E_NOT_RECORDED', message: expect.stringContaining('http://127.0.0.1:9/never.html') });
    expect(existsSync(join(rec, 'exchanges', '..', '..', 'never.html'))).toBe(false);
  });
});

describe('incremental: a second run makes only conditional requests', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => {
    await site.close();
  });

  it('stores everything the first time, then nothing new with every request conditional', async () => {
    const dir = tempDir();
    const db = join(dir, 'inc.db');
    // Extraction on a worker thread here (a run this small would otherwise stay on the main thread),
    // so the web path through the pool is covered: dedupe, validators, 304s.
    const config = writeConfig(dir, { sources: cleanSources(site.url), store: { path: 'inc.db' }, fetch: FETCH, extract: { workers: 1 } });
    const first = await runCliAsync(['--config', config, 'ingest']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const good = SEEDS.length + NEWS.length;
    expect(first.stdout).toMatch(new RegExp(`articles: ${good} new, 0 updated, 0 unchanged, 0 failed`));
    expect(first.stdout).toMatch(/feed \(rss\): 4 discovered, 3 fetched, 0 not modified, \d new, 0 updated, \d duplicate, 1 skipped, 0 failed \(E_ROBOTS 1\)/);
    const before = query(db, 'SELECT (SELECT COUNT(*) FROM articles) a, (SELECT COUNT(*) FROM figures) f, (SELECT MAX(extracted_at) FROM articles) t')[0];

    site.log.length = 0;
    const second = await runCliAsync(['--config', config, 'ingest']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(new RegExp(`articles: 0 new, 0 updated, ${good + 1} unchanged, 0 failed`));
    expect(second.stdout).toMatch(new RegExp(`pages: \\d+ discovered, 0 fetched, ${good + 1} not modified`));
    expect(second.stdout).toContain('(run 2, ok)');
    expect(site.log.length).toBeGreaterThan(good);
    // robots.txt is cached for 24 hours; every other request carries a validator and gets a 304.
    for (const e of site.log) {
      expect(e.headers['if-none-match'], e.path).toBeTruthy();
      expect(e.status, e.path).toBe(304);
    }
    expect(site.hits('/robots.txt')).toHaveLength(0);
    expect(query(db, 'SELECT (SELECT COUNT(*) FROM articles) a, (SELECT COUNT(*) FROM figures) f, (SELECT MAX(extracted_at) FROM articles) t')[0]).toEqual(before);
    expect(query(db, 'SELECT DISTINCT outcome FROM run_items WHERE run_id = 2')).toEqual([{ outcome: 'not_modified' }]);
  });
});
