// Schema and migrations: from empty, from version 1, refusing newer files; constraints; views.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { SCHEMA_VERSION, openStore } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openReader } from '../../src/store/query.js';
import { searchArticles } from '../../src/store/search.js';
import { tempDir } from '../helpers/cli.js';
import { article, figure, insertArticleSql, insertFigureSql, makeV1Database } from './fixtures.js';

const names = (db: Database.Database, type: string) =>
  (db.prepare('SELECT name FROM sqlite_master WHERE type = ? ORDER BY name').pluck().all(type) as string[]);

describe('migrations', () => {
  it('are numbered 1, 2, ... with no gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('build the whole schema on an empty file', () => {
    const store = openStore(join(tempDir(), 'new.db'));
    expect(store.schemaVersion()).toBe(SCHEMA_VERSION);
    const db = store.db;
    expect(names(db, 'table')).toEqual(expect.arrayContaining(['articles', 'figures', 'figure_relations', 'units', 'entities',
      'entity_mentions', 'runs', 'run_items', 'sources', 'fetch_log', 'schema_migrations', 'articles_fts']));
    expect(names(db, 'view')).toEqual(expect.arrayContaining(['articles_fts_content', 'v_figures', 'v_indicator_by_location_year']));
    expect(names(db, 'trigger')).toEqual(expect.arrayContaining(['articles_fts_delete', 'articles_fts_insert', 'articles_fts_update']));
    expect(names(db, 'index')).toEqual(expect.arrayContaining(['figures_location_period', 'figures_period',
      'articles_outlet_published', 'articles_source', 'run_items_article']));
    expect(names(db, 'index')).not.toContain('figures_location');
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    store.close();
  });

  it('run once: reopening changes nothing', () => {
    const path = join(tempDir(), 'again.db');
    openStore(path).close();
    const store = openStore(path);
    expect((store.db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get())).toBe(MIGRATIONS.length);
    store.close();
  });

  it('bring a version 1 database to the current version, indexing the articles already there', () => {
    const path = join(tempDir(), 'v1.db');
    const old = makeV1Database(path);
    const a = insertArticleSql(old, 'https://example.vn/a', 'Thành phố Thái Nguyên giảm nghèo', 'Tổng kinh phí 1.837 triệu đồng cho hộ nghèo.');
    insertArticleSql(old, 'https://example.vn/b', 'Bắc Kạn', 'Không có gì.');
    insertFigureSql(old, a, 0, { value: 0.61, location: 'thành phố Thái Nguyên' });
    old.close();

    const store = openStore(path);
    expect(store.schemaVersion()).toBe(SCHEMA_VERSION);
    expect(searchArticles(store, 'thai nguyen').map((h) => h.id)).toEqual([a]);
    expect(searchArticles(store, 'dong').map((h) => h.id)).toEqual([a]);
    expect(searchArticles(store, 'ho ngheo')[0].snippet).toContain('[hộ] [nghèo]');
    expect(store.db.prepare('SELECT location, value, article_title FROM v_figures').all())
      .toEqual([{ location: 'thành phố Thái Nguyên', value: 0.61, article_title: 'Thành phố Thái Nguyên giảm nghèo' }]);
    store.close();
  });

  it('leave an older file alone when opened read-only, and say how to upgrade it', () => {
    const path = join(tempDir(), 'v1ro.db');
    makeV1Database(path).close();
    const reader = openReader(path);
    expect(reader.schemaVersion()).toBe(1);
    expect(() => searchArticles(reader, 'x')).toThrow(/schema version 2.*has version 1.*solieu db migrate/);
    reader.close();
  });

  it('refuse a database newer than the code, writable or read-only', () => {
    const path = join(tempDir(), 'future.db');
    openStore(path).close();
    const raw = new Database(path);
    raw.prepare("INSERT INTO schema_migrations VALUES (99, 'from the future', '2030-01-01')").run();
    raw.close();
    for (const open of [() => openStore(path), () => openReader(path)]) {
      let err: unknown;
      try { open().close(); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).code).toBe('E_SCHEMA_NEWER');
      expect((err as Error).message).toContain(`schema version 99, newer than this solieu knows (${SCHEMA_VERSION}); upgrade solieu`);
    }
  });
});

describe('constraints', () => {
  const fresh = () => openStore(join(tempDir(), 'c.db'));

  it.each([
    ['comparator', { comparator: '≈' }],
    ['modality', { modality: 'forecast' }],
    ['measure', { measure: 'rate' }],
  ])('reject a bad %s', (_col, bad) => {
    const store = fresh();
    const id = insertArticleSql(store.db, 'u', 't', 'x');
    expect(() => insertFigureSql(store.db, id, 0, { value: 1, ...bad })).toThrow(/CHECK constraint failed/);
    expect(() => insertFigureSql(store.db, id, 1, { value: 1 })).not.toThrow();
    store.close();
  });

  it('reject a figure with an unknown article or a relation kind outside the list', () => {
    const store = fresh();
    expect(() => insertFigureSql(store.db, 999, 0, { value: 1 })).toThrow(/FOREIGN KEY/);
    const id = insertArticleSql(store.db, 'u', 't', 'x');
    const f = insertFigureSql(store.db, id, 0, { value: 1 });
    expect(() => store.db.prepare("INSERT INTO figure_relations (parent_id, child_id, kind, check_result) VALUES (?, ?, 'sum', 'ok')")
      .run(f, f)).toThrow(/CHECK constraint failed/);
    store.close();
  });

  it('roll back a whole article when one figure is refused: the old version stays', () => {
    const store = fresh();
    const v1 = article('https://example.vn/x', { title: 'Bản cũ', text: 'Văn bản cũ đồng', figures: [figure(), figure({ text: 'v1b' })] });
    store.saveArticle(v1);
    const bad = article('https://example.vn/x', { title: 'Bản mới', text: 'Văn bản mới', version: '2',
      figures: [figure({ text: 'v2a' }), figure({ text: 'v2b', comparator: 'about' as never })] });
    expect(() => store.saveArticle(bad)).toThrow(/CHECK constraint failed/);
    expect(store.db.prepare('SELECT title, text FROM articles').all()).toEqual([{ title: 'Bản cũ', text: 'Văn bản cũ đồng' }]);
    expect(store.db.prepare('SELECT text FROM figures ORDER BY ordinal').pluck().all()).toEqual(['539 hộ', 'v1b']);
    expect(searchArticles(store, 'cu').length).toBe(1);
    expect(searchArticles(store, 'moi').length).toBe(0);
    store.close();
  });

  it('store an unchanged article once (idempotent re-ingest) and replace a changed one whole', () => {
    const store = fresh();
    const a = article('https://example.vn/y', { title: 'Hộ nghèo', figures: [figure(), figure({ text: 'b' })] });
    expect(store.saveArticle(a).outcome).toBe('new');
    expect(store.saveArticle(a).outcome).toBe('unchanged');
    expect(store.counts()).toMatchObject({ articles: 1, figures: 2 });
    const b = article('https://example.vn/y', { title: 'Đời sống', text: 'Đời sống khá hơn.', version: '2', figures: [figure({ text: 'c' })] });
    expect(store.saveArticle(b).outcome).toBe('updated');
    expect(store.counts()).toMatchObject({ articles: 1, figures: 1 });
    expect(searchArticles(store, 'ho ngheo', {}).map((h) => h.title)).toEqual([]);
    expect(searchArticles(store, 'doi song').map((h) => h.title)).toEqual(['Đời sống']);
    store.close();
  });
});

describe('views', () => {
  it('v_figures has one row per figure with its article, place, year and unit', () => {
    const store = openStore(join(tempDir(), 'v.db'));
    const { articleId } = store.saveArticle(article('https://example.vn/z', { title: 'Tin', outlet: 'example.vn',
      publishedAt: '2023-12-13T15:38:00+07:00', figures: [figure(), figure({ text: '0,61%', value: 0.61, unit: 'percent', indicator: 'poverty_rate' })] }));
    store.replaceExtraction(articleId, [figure(), figure({ text: '0,61%', value: 0.61, unit: 'percent', indicator: 'poverty_rate' })],
      [{ parent: 0, child: 1, kind: 'breakdown', check: 'unchecked' }], []);
    const rows = store.db.prepare('SELECT * FROM v_figures ORDER BY ordinal').all() as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      article_id: articleId, outlet: 'example.vn', article_title: 'Tin', article_url: 'https://example.vn/z',
      published_date: '2023-12-13', indicator: 'poverty_rate', location: 'huyện Bạch Thông', period: 2023,
      modality: 'actual', measure: 'level', value: 0.61, unit: 'percent', unit_kind: 'percent', text: '0,61%',
      part_of_figure_id: rows[0].figure_id,
    });
    store.close();
  });

  it('v_indicator_by_location_year keeps actual and target apart and leaves suspect values out of min/max/avg', () => {
    const store = openStore(join(tempDir(), 'w.db'));
    const a = insertArticleSql(store.db, 'https://a.vn/1', 'A', 'x');
    const b = insertArticleSql(store.db, 'https://b.vn/2', 'B', 'y');
    insertFigureSql(store.db, a, 0, { value: 2.0 });
    insertFigureSql(store.db, b, 0, { value: 3.0 });
    insertFigureSql(store.db, b, 1, { value: 300, suspect: 1 });
    insertFigureSql(store.db, b, 2, { value: 1.5, modality: 'target' });
    insertFigureSql(store.db, b, 3, { value: -0.5, measure: 'change' });
    const rows = store.db.prepare(`SELECT modality, measure, figures, suspect_figures, min_value, max_value, avg_value, articles,
      article_ids, article_urls FROM v_indicator_by_location_year
      WHERE indicator = 'poverty_rate' AND location = 'tỉnh Thái Nguyên' AND period = 2023 ORDER BY modality, measure`).all();
    expect(rows).toEqual([
      { modality: 'actual', measure: 'change', figures: 1, suspect_figures: 0, min_value: -0.5, max_value: -0.5, avg_value: -0.5,
        articles: 1, article_ids: `[${b}]`, article_urls: '["https://b.vn/2"]' },
      { modality: 'actual', measure: 'level', figures: 3, suspect_figures: 1, min_value: 2, max_value: 3, avg_value: 2.5,
        articles: 2, article_ids: `[${a},${b}]`, article_urls: '["https://a.vn/1","https://b.vn/2"]' },
      { modality: 'target', measure: 'level', figures: 1, suspect_figures: 0, min_value: 1.5, max_value: 1.5, avg_value: 1.5,
        articles: 1, article_ids: `[${b}]`, article_urls: '["https://b.vn/2"]' },
    ]);
    store.close();
  });

  it('queries on figures by indicator, place or year use an index', () => {
    const store = openStore(join(tempDir(), 'p.db'));
    const plan = (sql: string) => (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ');
    expect(plan("SELECT * FROM figures WHERE indicator = 'poverty_rate' AND location = 'x'")).toMatch(/USING INDEX figures_indicator/);
    expect(plan("SELECT * FROM figures WHERE location = 'x' AND period = 2023")).toMatch(/USING INDEX figures_location_period/);
    expect(plan('SELECT * FROM figures WHERE period = 2023')).toMatch(/USING INDEX figures_period/);
    expect(plan("SELECT * FROM articles WHERE outlet = 'x' ORDER BY published_at")).toMatch(/articles_outlet_published/);
    store.close();
  });
});
