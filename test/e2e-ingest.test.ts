// End to end: the built CLI ingests the seed articles into a temporary database.
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './helpers/cli.js';

interface Gold { article: string; text: string; value: number; unit: string; comparator: string; modality: string; measure: string; period?: number; location?: string; per?: string; total?: number; value_max?: number }
const gold: Gold[] = readFileSync(join(ROOT, 'test/fixtures/gold/seeds.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

// A dozen gold rows covering money, percent, ratio, rate, range, bounds, targets and changes.
const PICKS: Array<[string, string]> = [
  ['001_5c3843daf007bff4.txt', '539 hộ'],
  ['001_5c3843daf007bff4.txt', '0,47%'],
  ['001_5c3843daf007bff4.txt', '1.837,272 triệu đồng'],
  ['001_5c3843daf007bff4.txt', '398/414'],
  ['001_5c3843daf007bff4.txt', '50 triệuđ/nhà'],
  ['001_5c3843daf007bff4.txt', '500 người'],
  ['001_5c3843daf007bff4.txt', '0,45%'],
  ['000_63555a0f52033a30.txt', '4.711 hộ'],
  ['002_6e80bded62f7b578.txt', '6 - 7%/năm'],
  ['002_6e80bded62f7b578.txt', '25.796 triệu đồng'],
  ['003_dd4fc3613f477244.txt', '3.675 hộ'],
  ['003_dd4fc3613f477244.txt', '14,3%'],
  ['004_9d247ad7bafcaeec.txt', '700 lượt người'],
];

describe('solieu ingest (built CLI) on the seeds', () => {
  let dir: string;
  let db: string;
  let first: ReturnType<typeof runCli>;
  beforeAll(() => {
    dir = tempDir();
    db = join(dir, 'solieu.db');
    first = runCli(['ingest', '--db', db]);
  });

  it('stores the five articles and prints a summary', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/articles: 5 new, 0 updated, 0 unchanged, 0 failed/);
    expect(first.stdout).toMatch(/figures: \d+ stored/);
    expect(first.stdout).toMatch(/elapsed: [\d.]+ s/);
    const d = new Database(db, { readonly: true });
    expect((d.prepare('SELECT COUNT(*) n FROM articles').get() as { n: number }).n).toBe(5);
    const figures = (d.prepare('SELECT COUNT(*) n FROM figures').get() as { n: number }).n;
    // The gold has 126 figures; a working extractor finds nearly all of them and little else.
    expect(figures).toBeGreaterThan(110);
    expect(figures).toBeLessThan(150);
    const run = d.prepare('SELECT * FROM runs ORDER BY id DESC LIMIT 1').get() as Record<string, unknown>;
    expect(run).toMatchObject({ status: 'ok', articles_new: 5, articles_failed: 0, command: 'ingest' });
    expect(run.finished_at).toBeTruthy();
    d.close();
  });

  it.each(PICKS)('stores %s: %s as the gold says', (article, text) => {
    const g = gold.find((x) => x.article === article && x.text === text)!;
    expect(g).toBeDefined();
    const d = new Database(db, { readonly: true });
    const rows = d.prepare(`SELECT f.* FROM figures f JOIN articles a ON a.id = f.article_id
      WHERE a.uri LIKE ? AND f.unit = ? AND abs(f.value - ?) < 1e-6`).all(`%${article}`, g.unit, g.value) as Array<Record<string, unknown>>;
    d.close();
    const row = rows.find((r) => (g.total === undefined || r.total === g.total) && (g.value_max === undefined || r.value_max === g.value_max));
    expect(row, `no figure ${text} in ${article}`).toBeDefined();
    expect(row).toMatchObject({ comparator: g.comparator, modality: g.modality, measure: g.measure });
    if (g.period !== undefined) expect(row!.period).toBe(g.period);
    if (g.location) expect(row!.location).toBe(g.location);
    if (g.per) expect(row!.per).toBe(g.per);
    const art = readFileSync(join(ROOT, 'seeds', article), 'utf8');
    expect(typeof row!.start).toBe('number');
    expect(String(row!.sentence)).toContain(String(row!.text));
    void art;
  });

  it('stores entities with their mentions, resolved against the gazetteer', () => {
    const d = new Database(db, { readonly: true });
    const place = d.prepare("SELECT * FROM entities WHERE kind = 'place' AND canonical = 'huyện Bạch Thông'").get() as Record<string, unknown>;
    expect(place).toMatchObject({ level: 'district', parent: 'tỉnh Bắc Kạn' });
    const mentions = d.prepare(`SELECT m.text, m.start, m.end, a.text AS body FROM entity_mentions m JOIN articles a ON a.id = m.article_id
      WHERE m.entity_id = ?`).all(place.id) as Array<{ text: string; start: number; end: number; body: string }>;
    expect(mentions.length).toBeGreaterThan(3);
    for (const m of mentions) expect(m.body.slice(m.start, m.end)).toBe(m.text);
    const doc = d.prepare("SELECT data_json FROM entities WHERE kind = 'document' AND code = 'QĐ-UBND'").get() as { data_json: string } | undefined;
    expect(doc && JSON.parse(doc.data_json)).toMatchObject({ docType: 'Quyết định', number: '662', date: '2022-01-30' });
    d.close();
  });

  it('extract --entities prints one JSON line per mention', () => {
    const r = runCli(['extract', 'seeds/001_5c3843daf007bff4.txt', '--entities', '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const kinds = new Set(rows.map((x) => x.kind));
    for (const k of ['place', 'organization', 'document', 'program', 'date']) expect(kinds).toContain(k);
    const doc = rows.find((x) => x.kind === 'document');
    expect(doc).toMatchObject({ docType: 'Quyết định', number: '662', code: 'QĐ-UBND', date: '2022-01-30' });
  });

  it('re-ingesting the same inputs adds no rows and reports them unchanged', () => {
    const d0 = new Database(db, { readonly: true });
    const before = d0.prepare('SELECT (SELECT COUNT(*) FROM articles) a, (SELECT COUNT(*) FROM figures) f').get();
    d0.close();
    const again = runCli(['ingest', '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/articles: 0 new, 0 updated, 5 unchanged, 0 failed/);
    const d = new Database(db, { readonly: true });
    expect(d.prepare('SELECT (SELECT COUNT(*) FROM articles) a, (SELECT COUNT(*) FROM figures) f').get()).toEqual(before);
    expect((d.prepare('SELECT COUNT(*) n FROM runs').get() as { n: number }).n).toBe(2);
    d.close();
  });
});

describe('failing inputs', () => {
  it('records empty, binary and unreadable files as failed and stores the rest (exit 1)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    for (const f of readdirSync(join(ROOT, 'seeds')).slice(0, 2)) copyFileSync(join(ROOT, 'seeds', f), join(dir, 'in', f));
    writeFileSync(join(dir, 'in', 'empty.txt'), '');
    writeFileSync(join(dir, 'in', 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
    writeFileSync(join(dir, 'solieu.json'), JSON.stringify({
      sources: [{ kind: 'files', name: 'local', paths: ['in/*.txt', 'in/missing.txt'] }],
      store: { path: 'out/solieu.db' },
    }));
    const r = runCli(['--config', join(dir, 'solieu.json'), 'ingest']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/2 new, 0 updated, 0 unchanged, 3 failed/);
    expect(r.stderr).toMatch(/in\/empty\.txt: file is empty/);
    expect(r.stderr).toMatch(/in\/binary\.txt: binary file/);
    expect(r.stderr).toMatch(/in\/missing\.txt: cannot read file \(ENOENT\)/);
    const d = new Database(join(dir, 'out', 'solieu.db'), { readonly: true });
    expect((d.prepare('SELECT COUNT(*) n FROM articles').get() as { n: number }).n).toBe(2);
    const failed = d.prepare("SELECT uri, error_code FROM run_items WHERE outcome = 'failed' ORDER BY uri").all();
    expect(failed).toEqual([
      { uri: 'in/binary.txt', error_code: 'E_BINARY' },
      { uri: 'in/empty.txt', error_code: 'E_EMPTY' },
      { uri: 'in/missing.txt', error_code: 'E_READ' },
    ]);
    const run = d.prepare('SELECT status, articles_failed, errors_json FROM runs').get() as { status: string; articles_failed: number; errors_json: string };
    expect(run.status).toBe('partial');
    expect(run.articles_failed).toBe(3);
    expect(JSON.parse(run.errors_json)).toHaveLength(3);
    d.close();
  });
});

describe('extraction on worker threads', () => {
  // The same inputs with extraction on 2 workers and on the main thread: the same database, down
  // to row ids, because files are stored in discovery order whatever order the workers finish in.
  it('stores the same rows with --workers 2 as with --workers 0, and a bad file still fails alone', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    const seeds = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'));
    // Copies under other names, each made different so none is a duplicate of another.
    for (let i = 0; i < 12; i++) {
      const f = seeds[i % seeds.length];
      writeFileSync(join(dir, 'in', `${String(i).padStart(2, '0')}-${f}`), `(Bản ${i}) ${readFileSync(join(ROOT, 'seeds', f), 'utf8').replace(/^\uFEFF/, '')}`);
    }
    writeFileSync(join(dir, 'in', '05-empty.txt'), '');
    const dump = (db: string) => {
      const d = new Database(db, { readonly: true });
      const rows = {
        articles: d.prepare('SELECT id, uri, title, text_hash FROM articles ORDER BY id').all(),
        figures: d.prepare('SELECT id, article_id, ordinal, text, value, unit, subject, indicator, modality, measure, period, location FROM figures ORDER BY id').all(),
        mentions: d.prepare('SELECT m.id, m.article_id, e.kind, e.canonical, m.start FROM entity_mentions m JOIN entities e ON e.id = m.entity_id ORDER BY m.id').all(),
        failed: d.prepare("SELECT uri, error_code FROM run_items WHERE outcome = 'failed'").all(),
      };
      d.close();
      return rows;
    };
    const results = [0, 2].map((workers) => {
      writeFileSync(join(dir, `w${workers}.json`), JSON.stringify({
        sources: [{ kind: 'files', name: 'local', paths: ['in/*.txt'] }], store: { path: `w${workers}.db` }, extract: { workers },
      }));
      const r = runCli(['--config', join(dir, `w${workers}.json`), 'ingest']);
      expect(r.stdout).toMatch(/12 new, 0 updated, 0 unchanged, 1 failed/);
      expect(r.code).toBe(1);
      return dump(join(dir, `w${workers}.db`));
    });
    expect(results[0].figures.length).toBeGreaterThan(250);
    expect(results[0].failed).toEqual([{ uri: 'in/05-empty.txt', error_code: 'E_EMPTY' }]);
    expect(results[1]).toEqual(results[0]);
  });

  it('refuses a bad --workers (exit 2)', () => {
    const r = runCli(['ingest', '--workers', 'two', '--db', join(tempDir(), 'x.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--workers must be a whole number from 0 to 64, got "two"/);
  });
});
