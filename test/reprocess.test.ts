// solieu reprocess (built CLI): re-extraction from the stored raw pages restores what a fresh
// ingest stores, whatever the number of workers; a broken article fails alone.
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from './helpers/cli-async.js';
import { ROOT, runCli, tempDir } from './helpers/cli.js';

// The seeds and two real pages, so both the text and the HTML paths are reprocessed.
const INPUTS = [
  ...readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => join(ROOT, 'seeds', f)),
  join(ROOT, 'test/fixtures/html/001-vnexpress/source.html'),
  join(ROOT, 'test/fixtures/html/006-cafef/source.html'),
];

type Row = Record<string, unknown>;

/** Everything extraction wrote, keyed by article URI and figure ordinal, without row ids (a fresh ingest numbers them differently). */
function records(path: string): { figures: Row[]; relations: Row[]; mentions: Row[]; articles: Row[] } {
  const db = new Database(path, { readonly: true });
  try {
    return {
      articles: db.prepare('SELECT uri, title, lead, text, text_hash, published_at FROM articles ORDER BY uri').all() as Row[],
      figures: (db.prepare(`SELECT a.uri, f.* FROM figures f JOIN articles a ON a.id = f.article_id ORDER BY a.uri, f.ordinal`)
        .all() as Row[]).map(({ id, article_id, ...rest }) => (void id, void article_id, rest)),
      relations: db.prepare(`SELECT a.uri, p.ordinal AS parent, c.ordinal AS child, r.kind, r.check_result, r.detail
        FROM figure_relations r JOIN figures p ON p.id = r.parent_id JOIN figures c ON c.id = r.child_id
        JOIN articles a ON a.id = c.article_id ORDER BY a.uri, parent, child, r.kind`).all() as Row[],
      mentions: db.prepare(`SELECT a.uri, e.kind, e.canonical, m.text, m.start, m.end FROM entity_mentions m
        JOIN entities e ON e.id = m.entity_id JOIN articles a ON a.id = m.article_id ORDER BY a.uri, m.start, m.id`).all() as Row[],
    };
  } finally {
    db.close();
  }
}

/** The whole extraction tables, ids included: two runs on copies of one file must agree to the row id. */
function dump(path: string): Row[][] {
  const db = new Database(path, { readonly: true });
  try {
    return ['figures', 'figure_relations', 'entities', 'entity_mentions']
      .map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY id`).all() as Row[]);
  } finally {
    db.close();
  }
}

function write(path: string, sql: string, ...params: unknown[]): void {
  const db = new Database(path);
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

function lastRun(path: string): { run: Row; items: Row[] } {
  const db = new Database(path, { readonly: true });
  try {
    const run = db.prepare('SELECT * FROM runs ORDER BY id DESC LIMIT 1').get() as Row;
    const items = db.prepare('SELECT uri, outcome, error_code FROM run_items WHERE run_id = ? ORDER BY uri').all(run.id) as Row[];
    return { run, items };
  } finally {
    db.close();
  }
}

describe('solieu reprocess (built CLI)', () => {
  let dir: string;
  let fresh: string;
  let fresh2: ReturnType<typeof records>;
  let tampered: string;

  beforeAll(() => {
    dir = tempDir();
    const config = join(dir, 'solieu.config.json');
    writeFileSync(config, JSON.stringify({ sources: [{ kind: 'files', name: 'mix', paths: INPUTS }], store: { path: 'solieu.db' } }));
    fresh = join(dir, 'fresh.db');
    const r = runCli(['--config', config, 'ingest', '--db', fresh]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    fresh2 = records(fresh);
    expect(fresh2.figures.length).toBeGreaterThan(50);

    // Wrong records, as an older extractor might have left them: a changed figure, a lost one,
    // a stray one, and an article whose stored text no longer matches its page.
    tampered = join(dir, 'tampered.db');
    copyFileSync(fresh, tampered);
    write(tampered, "UPDATE figures SET value = value * 10, subject = 'tampered', modality = 'target' WHERE id = (SELECT MIN(id) FROM figures)");
    write(tampered, 'DELETE FROM figures WHERE id = (SELECT MAX(id) FROM figures)');
    write(tampered, `INSERT INTO figures (article_id, ordinal, text, start, end, value, unit, comparator, indicator, modality, measure,
      sentence, sentence_start, sentence_end, rules_json) VALUES (1, 999, '1 hộ', 0, 4, 1, 'household', '=', 'other', 'actual', 'level', 'x', 0, 1, '{}')`);
    write(tampered, "UPDATE articles SET text = 'old text', text_hash = 'old', title = 'old title' WHERE id = 2");
    // The older extractor's records had a hash of their own.
    write(tampered, "UPDATE articles SET extraction_hash = 'older extractor'");
    expect(records(tampered)).not.toEqual(fresh2);
  });

  it('re-extracts every article: the records equal a fresh ingest', () => {
    const db = join(dir, 'w1.db');
    copyFileSync(tampered, db);
    const r = runCli(['reprocess', '--db', db, '--workers', '1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`reprocessed ${INPUTS.length} of ${INPUTS.length} articles with 1 worker`));
    expect(r.stdout).toMatch(/text or metadata changed: 1 articles/);
    expect(records(db)).toEqual(fresh2);

    const { run, items } = lastRun(db);
    expect(run).toMatchObject({ command: 'reprocess', status: 'ok', articles_updated: INPUTS.length, articles_failed: 0, figures: fresh2.figures.length });
    expect(items).toHaveLength(INPUTS.length);
    expect(items.every((i) => i.outcome === 'updated')).toBe(true);
  });

  it('gives the same database with 1 and 2 workers, down to row ids', () => {
    const one = join(dir, 'one.db');
    const two = join(dir, 'two.db');
    copyFileSync(tampered, one);
    copyFileSync(tampered, two);
    expect(runCli(['reprocess', '--db', one, '--workers', '1']).code).toBe(0);
    const r = runCli(['reprocess', '--db', two, '--workers', '2', '--format', 'json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ workers: 2, articles: INPUTS.length, reprocessed: INPUTS.length, failed: 0, status: 'ok' });
    expect(summary.figuresAfter).toBe(fresh2.figures.length);
    expect(dump(two)).toEqual(dump(one));
    expect(records(two)).toEqual(fresh2);
  });

  it('records a broken article as failed, keeps its old records, and goes on (exit 1)', () => {
    const db = join(dir, 'broken.db');
    copyFileSync(tampered, db);
    write(db, "UPDATE articles SET raw_page = X'00010203' WHERE id = 3");
    const before = records(db).figures.filter((f) => f.uri === INPUTS[2]);
    const r = runCli(['reprocess', '--db', db, '--workers', '2']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/failed: /);
    const { run, items } = lastRun(db);
    expect(run).toMatchObject({ command: 'reprocess', status: 'partial', articles_updated: INPUTS.length - 1, articles_failed: 1 });
    expect(items.filter((i) => i.outcome === 'failed')).toEqual([{ uri: INPUTS[2], outcome: 'failed', error_code: expect.any(String) }]);
    const after = records(db);
    expect(after.figures.filter((f) => f.uri === INPUTS[2])).toEqual(before);
    expect(after.figures.filter((f) => f.uri !== INPUTS[2])).toEqual(fresh2.figures.filter((f) => f.uri !== INPUTS[2]));
  });

  it('leaves articles whose records come out as stored alone; --force rewrites them', () => {
    const db = join(dir, 'same.db');
    copyFileSync(fresh, db);
    const before = dump(db);
    const r = runCli(['reprocess', '--db', db, '--workers', '2', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ reprocessed: INPUTS.length, identical: INPUTS.length, failed: 0, figuresAfter: fresh2.figures.length });
    expect(dump(db)).toEqual(before); // not a row rewritten: the same ids
    expect(lastRun(db).items.every((i) => i.outcome === 'unchanged')).toBe(true);

    const forced = runCli(['reprocess', '--db', db, '--workers', '1', '--force', '--format', 'json']);
    expect(JSON.parse(forced.stdout)).toMatchObject({ reprocessed: INPUTS.length, identical: 0 });
    expect(dump(db)).not.toEqual(before); // rewritten: new row ids
    expect(records(db)).toEqual(fresh2);
    expect(lastRun(db).items.every((i) => i.outcome === 'updated')).toBe(true);
  });

  it('refuses a database that does not exist, and a bad --workers (exit 2)', () => {
    expect(runCli(['reprocess', '--db', join(dir, 'missing.db')]).code).toBe(2);
    expect(runCli(['reprocess', '--db', fresh, '--workers', '0']).code).toBe(2);
  });
});

describe('reprocess decodes a page as ingest did', () => {
  // The charset is only in the Content-Type header (no <meta>, no BOM) and is not one the bytes
  // alone would suggest: without the stored header, reprocessing would read ř as ø.
  it('uses the stored Content-Type charset of the raw page', async () => {
    const para = 'Příliš žluťoučký kůň úpěl ďábelské ódy: nam 2023 toan tinh co 539 ho ngheo, ty le 0,61%, giam 0,47% so voi nam 2022.';
    const html = `<!doctype html><html><head><title>Kůň a 539 hộ</title></head><body><article><h1>Příliš žluťoučký kůň</h1>${
      Array.from({ length: 4 }, () => `<p>${para}</p>`).join('')}</article></body></html>`;
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-2' });
      res.end(iconv.encode(html.replace('hộ', 'ho'), 'iso-8859-2'));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const dir = tempDir();
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kun.html`;
      writeFileSync(join(dir, 'c.json'), JSON.stringify({
        sources: [{ kind: 'urls', name: 'cz', urls: [url] }], store: { path: 'c.db' }, fetch: { respectRobots: false, perHostDelayMs: 0 },
      }));
      const ingest = await runCliAsync(['--config', join(dir, 'c.json'), 'ingest']);
      expect(ingest.code).toBe(0);
      const db = join(dir, 'c.db');
      const read = () => {
        const d = new Database(db, { readonly: true });
        const row = d.prepare('SELECT text, content_type FROM articles').get() as { text: string; content_type: string };
        d.close();
        return row;
      };
      const before = read();
      expect(before.content_type).toBe('text/html; charset=iso-8859-2');
      expect(before.text).toContain('Příliš žluťoučký kůň');
      const r = runCli(['reprocess', '--db', db, '--workers', '1', '--format', 'json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ reprocessed: 1, contentChanged: 0 });
      expect(read().text).toBe(before.text);
    } finally {
      server.close();
    }
  });
});
