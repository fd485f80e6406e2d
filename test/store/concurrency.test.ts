// A researcher reads while the nightly run writes (WAL, busy timeout), and a writer killed in the
// middle of an article leaves the old version whole. Writers run in child processes on dist/.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { openReader } from '../../src/store/query.js';
import { searchArticles } from '../../src/store/search.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { article, figure, insertArticleSql } from './fixtures.js';

const STORE_JS = pathToFileURL(join(ROOT, 'dist', 'store', 'index.js')).href;

/** Version i of the article: i % 4 + 1 figures, each saying which version it belongs to. */
const WRITER = `
import { openStore } from '${STORE_JS}';
const [path, rounds] = process.argv.slice(2);
const store = openStore(path, { busyTimeoutMs: 10000 });
const fig = (i, k) => ({ text: 'v' + i, start: 0, end: 1, value: k, unit: 'household', comparator: '=', indicator: 'poor_households',
  modality: 'actual', measure: 'level', sentence: 's', sentenceStart: 0, sentenceEnd: 1, rules: {} });
process.stdout.write('ready\\n');
for (let i = 0; i < Number(rounds); i++) {
  const text = 'phiên bản ' + i + ' hộ nghèo';
  store.saveArticle({ uri: 'live', source: 't', content: { title: 'v' + i, text, tags: [] },
    figures: Array.from({ length: i % 4 + 1 }, (_, k) => fig(i, k)), relations: [], entities: [],
    format: 'text', raw: text, contentHash: 'h' + i, textHash: 't' + i, fetchedAt: 'now' });
  store.saveArticle({ uri: 'new-' + i, source: 't', content: { title: 'thêm ' + i, text: 'đồng ' + i, tags: [] },
    figures: [], relations: [], entities: [], format: 'text', raw: 'x' + i, contentHash: 'n' + i, textHash: 'n' + i, fetchedAt: 'now' });
}
store.close();
`;

/** Saves a new version of the article and kills itself while the transaction is half done. */
const CRASHER = `
import { openStore } from '${STORE_JS}';
const store = openStore(process.argv[2]);
const fig = { text: 'new', start: 0, end: 1, value: 9, unit: 'household', comparator: '=', indicator: 'x', modality: 'actual',
  measure: 'level', sentence: 's', sentenceStart: 0, sentenceEnd: 1, rules: {} };
const bomb = { ...fig };
Object.defineProperty(bomb, 'text', { get() { process.kill(process.pid, 'SIGKILL'); return 'never'; } });
store.saveArticle({ uri: 'crash', source: 't', content: { title: 'Bản mới', text: 'Văn bản mới điện', tags: [] },
  figures: [fig, fig, bomb], relations: [], entities: [], format: 'text', raw: 'new', contentHash: 'new', textHash: 'new', fetchedAt: 'now' });
`;

describe('concurrency', () => {
  it('a reader is not blocked by an open write transaction and sees the last commit', () => {
    const path = join(tempDir(), 'two.db');
    const writer = openStore(path);
    insertArticleSql(writer.db, 'a', 'Một', 'x');
    const reader = openReader(path, { busyTimeoutMs: 100 });
    writer.db.exec('BEGIN IMMEDIATE');
    insertArticleSql(writer.db, 'b', 'Hai', 'đồng');
    const t0 = performance.now();
    expect(reader.db.prepare('SELECT COUNT(*) FROM articles').pluck().get()).toBe(1);
    expect(searchArticles(reader, 'dong')).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(100);
    writer.db.exec('COMMIT');
    expect(reader.db.prepare('SELECT COUNT(*) FROM articles').pluck().get()).toBe(2);
    expect(searchArticles(reader, 'dong').map((h) => h.title)).toEqual(['Hai']);
    reader.close();
    writer.close();
  });

  it('a second writer waits for the busy timeout, then fails cleanly', () => {
    const path = join(tempDir(), 'busy.db');
    const a = openStore(path);
    const b = openStore(path, { busyTimeoutMs: 50 });
    a.db.exec('BEGIN IMMEDIATE');
    expect(() => insertArticleSql(b.db, 'x', 'x', 'x')).toThrow(/database is locked/);
    a.db.exec('ROLLBACK');
    expect(() => insertArticleSql(b.db, 'x', 'x', 'x')).not.toThrow();
    a.close();
    b.close();
  });

  it('a reader polling while another process writes always sees whole articles', async () => {
    const dir = tempDir();
    const path = join(dir, 'live.db');
    openStore(path).close();
    writeFileSync(join(dir, 'writer.mjs'), WRITER);
    const child = spawn(process.execPath, [join(dir, 'writer.mjs'), path, '300'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let done = false;
    void exited.then(() => { done = true; });

    const reader = openReader(path, { busyTimeoutMs: 5000 });
    const snapshot = reader.db.prepare(`SELECT a.title, a.content_hash, (SELECT COUNT(*) FROM figures f WHERE f.article_id = a.id) AS n,
      (SELECT group_concat(DISTINCT f.text) FROM figures f WHERE f.article_id = a.id) AS texts
      FROM articles a WHERE a.uri = 'live'`);
    let reads = 0;
    const seen = new Set<string>();
    while (!done) {
      const row = snapshot.get() as { title: string; content_hash: string; n: number; texts: string } | undefined;
      if (row) {
        const i = Number(row.content_hash.slice(1));
        expect(row.title).toBe(`v${i}`);
        expect(row.n).toBe(i % 4 + 1);
        expect(row.texts).toBe(`v${i}`);
        const hits = searchArticles(reader, `"phien ban ${i}"`);
        expect(hits.length).toBeLessThanOrEqual(1);
        seen.add(row.content_hash);
        reads++;
      }
      await new Promise((r) => setImmediate(r));
    }
    expect(await exited, stderr).toBe(0);
    expect(reads).toBeGreaterThan(20);
    expect(seen.size).toBeGreaterThan(3);
    expect(reader.db.prepare('SELECT COUNT(*) FROM articles').pluck().get()).toBe(301);
    expect(searchArticles(reader, 'dong', { limit: 1000 })).toHaveLength(300);
    reader.close();
  });

  it('a writer killed in the middle of an article leaves the old version, whole and searchable', () => {
    const dir = tempDir();
    const path = join(dir, 'crash.db');
    const store = openStore(path);
    store.saveArticle(article('crash', { title: 'Bản cũ', text: 'Văn bản cũ nước sạch', version: 'old',
      figures: [figure({ text: 'old-1' }), figure({ text: 'old-2' })] }));
    store.close();
    writeFileSync(join(dir, 'crash.mjs'), CRASHER);
    const r = spawnSync(process.execPath, [join(dir, 'crash.mjs'), path], { encoding: 'utf8' });
    expect(r.signal).toBe('SIGKILL');

    const after = openStore(path);
    expect(after.db.prepare('SELECT title, text FROM articles').all()).toEqual([{ title: 'Bản cũ', text: 'Văn bản cũ nước sạch' }]);
    expect(after.db.prepare('SELECT text FROM figures ORDER BY ordinal').pluck().all()).toEqual(['old-1', 'old-2']);
    expect(searchArticles(after, 'nuoc sach')).toHaveLength(1);
    expect(searchArticles(after, 'dien')).toHaveLength(0);
    expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
    after.close();
    const raw = new Database(path);
    expect(() => raw.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    raw.close();
  });
});
