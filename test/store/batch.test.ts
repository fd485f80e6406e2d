// WriteBatch: many articles per commit, each in its own savepoint.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WriteBatch } from '../../src/store/batch.js';
import { WRITTEN_ENTITIES_MAX, openStore, type ArticleInput, type Store } from '../../src/store/index.js';
import type { EntityMention, FigureRecord } from '../../src/types.js';
import { tempDir } from '../helpers/cli.js';

const figure = (text: string, unit: string): FigureRecord => ({
  text, start: 0, end: text.length, value: 1, unit, comparator: '=', modality: 'actual', measure: 'level', indicator: 'other',
  sentence: text, sentenceStart: 0, sentenceEnd: text.length, rules: {},
});
const place = (canonical: string): EntityMention => ({ kind: 'place', text: canonical, start: 0, end: canonical.length, canonical, level: 'province' });

function article(n: number, figures: FigureRecord[], entities: EntityMention[] = []): ArticleInput {
  return {
    uri: `a${n}.txt`, source: 's', content: { text: `Bài ${n}`, tags: [] }, figures, relations: [], entities,
    format: 'text', raw: `Bài ${n}`, contentHash: `h${n}`, textHash: `t${n}`, fetchedAt: '2026-01-01T00:00:00Z',
  };
}

let store: Store | undefined;
afterEach(() => store?.close());

function open(): { store: Store; path: string } {
  const path = join(tempDir(), 'b.db');
  store = openStore(path);
  return { store, path };
}

const count = (path: string, table: string) => {
  const d = new Database(path, { readonly: true });
  const n = (d.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  d.close();
  return n;
};

describe('WriteBatch', () => {
  it('commits every maxItems writes; another connection sees nothing of an open batch', () => {
    const { store, path } = open();
    const batch = new WriteBatch(store.db, { maxItems: 3, maxMs: 60_000 });
    batch.begin();
    batch.write(() => store.saveArticle(article(1, [])));
    batch.write(() => store.saveArticle(article(2, [])));
    expect(count(path, 'articles')).toBe(0);
    batch.write(() => store.saveArticle(article(3, [])));
    expect(count(path, 'articles')).toBe(3);
    batch.write(() => store.saveArticle(article(4, [])));
    expect(count(path, 'articles')).toBe(3);
    batch.commit();
    expect(count(path, 'articles')).toBe(4);
    expect(store.db.inTransaction).toBe(false);
  });

  it('commits an idle batch after maxMs', async () => {
    const { store, path } = open();
    const batch = new WriteBatch(store.db, { maxItems: 100, maxMs: 50 });
    batch.write(() => store.saveArticle(article(1, [])));
    expect(count(path, 'articles')).toBe(0);
    await new Promise((r) => setTimeout(r, 150));
    expect(count(path, 'articles')).toBe(1);
    batch.commit();
  });

  it('rolls back a failing write alone, and the units and entities it wrote are not taken as stored', () => {
    const { store, path } = open();
    // Refuses one article's figures: its savepoint rolls back, with the unit and entity rows it created.
    store.db.exec("CREATE TRIGGER refuse BEFORE INSERT ON figures WHEN new.text = 'bad' BEGIN SELECT RAISE(ABORT, 'refused'); END");
    const batch = new WriteBatch(store.db, { maxItems: 100, onRollback: () => store.forgetWritten() });
    batch.begin();
    batch.write(() => store.saveArticle(article(1, [figure('1 hộ', 'household')])));
    expect(() => batch.write(() => store.saveArticle(article(2, [figure('2 ha', 'hectare'), figure('bad', 'hectare')], [place('tỉnh Bắc Kạn')]))))
      .toThrow(/refused/);
    // The next article uses the unit and the entity the failed one created first: both must be written again.
    batch.write(() => store.saveArticle(article(3, [figure('3 ha', 'hectare')], [place('tỉnh Bắc Kạn')])));
    batch.commit();
    expect(count(path, 'articles')).toBe(2);
    expect(count(path, 'figures')).toBe(2);
    expect(count(path, 'entity_mentions')).toBe(1);
    const d = new Database(path, { readonly: true });
    expect(d.prepare('SELECT uri FROM articles ORDER BY id').pluck().all()).toEqual(['a1.txt', 'a3.txt']);
    expect(d.prepare("SELECT COUNT(*) FROM units WHERE code = 'hectare'").pluck().get()).toBe(1);
    expect(d.pragma('foreign_key_check')).toEqual([]);
    d.close();
  });

  it('starts its cache of written entities again past WRITTEN_ENTITIES_MAX, and mentions still point at the one entity', () => {
    const { store, path } = open();
    const batch = new WriteBatch(store.db, { maxItems: 1000 });
    const many = Array.from({ length: WRITTEN_ENTITIES_MAX + 5 }, (_, i) => place(`xã Số ${i}`));
    batch.write(() => store.saveArticle(article(1, [], many)));
    // xã Số 0 was forgotten when the cache started again: it is looked up, not inserted twice.
    batch.write(() => store.saveArticle(article(2, [], [place('xã Số 0'), place(`xã Số ${WRITTEN_ENTITIES_MAX + 4}`)])));
    batch.commit();
    const d = new Database(path, { readonly: true });
    expect(d.prepare("SELECT COUNT(*) FROM entities WHERE kind = 'place'").pluck().get()).toBe(WRITTEN_ENTITIES_MAX + 5);
    const ids = d.prepare(`SELECT e.canonical, COUNT(*) AS n, COUNT(DISTINCT m.entity_id) AS ids FROM entity_mentions m
      JOIN entities e ON e.id = m.entity_id WHERE e.canonical IN ('xã Số 0', 'xã Số ${WRITTEN_ENTITIES_MAX + 4}') GROUP BY e.canonical`).all();
    expect(ids).toEqual([
      { canonical: 'xã Số 0', n: 2, ids: 1 },
      { canonical: `xã Số ${WRITTEN_ENTITIES_MAX + 4}`, n: 2, ids: 1 },
    ]);
    d.close();
  });
});
