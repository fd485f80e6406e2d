// Read-only querying: reads work, every kind of write is refused before it runs, the file is untouched.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/errors.js';
import { openStore } from '../../src/store/index.js';
import { QueryError, firstKeyword, openReader, prepareQuery } from '../../src/store/query.js';
import { tempDir } from '../helpers/cli.js';
import { WRITES, article, figure, fileHash } from './fixtures.js';

let dir: string;
let path: string;

beforeAll(() => {
  dir = tempDir();
  path = join(dir, 'q.db');
  const store = openStore(path);
  store.saveArticle(article('https://example.vn/a', { title: 'Hộ nghèo', figures: [figure(), figure({ text: 'x', value: 2 })] }));
  store.close();
});

const all = (sql: string, params: unknown[] = []) => {
  const r = openReader(path);
  try {
    const q = prepareQuery(r, sql, params);
    return { columns: q.columns, rows: [...q.rows()] };
  } finally {
    r.close();
  }
};


describe('read-only query', () => {
  it('runs reads, with ? parameters, keeping both columns of a duplicated name', () => {
    expect(all('SELECT COUNT(*) AS n FROM figures')).toEqual({ columns: ['n'], rows: [[2]] });
    expect(all('SELECT a.id, f.id FROM figures f JOIN articles a ON a.id = f.article_id WHERE f.value < ?', [100]))
      .toEqual({ columns: ['id', 'id'], rows: [[1, 2]] });
    expect(all('PRAGMA user_version').rows).toEqual([[0]]);
    expect(all('EXPLAIN QUERY PLAN SELECT * FROM figures').columns).toContain('detail');
    expect(all("SELECT title FROM articles WHERE id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'ho ngheo')").rows)
      .toEqual([['Hộ nghèo']]);
  });

  it.each(WRITES)('refuses %s and changes nothing', (sql) => {
    const before = fileHash(path);
    let err: unknown;
    try { all(sql); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(QueryError);
    expect((err as QueryError).code).toBe('E_QUERY_WRITE');
    expect((err as Error).message).toMatch(/read-only.*nothing was changed/);
    expect(fileHash(path)).toBe(before);
    expect(all('SELECT COUNT(*) FROM figures').rows).toEqual([[2]]);
    expect(existsSync(join(dir, 'copy.db'))).toBe(false);
    expect(existsSync('copy.db')).toBe(false);
  });

  it('reports bad SQL, several statements and an empty one as E_QUERY_SQL', () => {
    for (const sql of ['SELEC 1', 'SELECT * FROM nowhere', 'SELECT 1; SELECT 2', '   ']) {
      expect(() => all(sql), sql).toThrow(QueryError);
      try { all(sql); } catch (e) { expect((e as QueryError).code).toBe('E_QUERY_SQL'); }
    }
    expect(() => all("SELECT * FROM articles_fts WHERE articles_fts MATCH 'AND ('")).toThrow(/SQL error: fts5: syntax error/);
  });

  it('finds the first keyword under comments', () => {
    expect(firstKeyword('  -- a\n/* b */ select 1')).toBe('SELECT');
    expect(firstKeyword('/* unterminated')).toBe('');
    expect(firstKeyword('(SELECT 1)')).toBe('');
  });

  it('says when the database file does not exist instead of creating it', () => {
    const missing = join(dir, 'missing.db');
    expect(() => openReader(missing)).toThrow(StoreError);
    expect(() => openReader(missing)).toThrow(/database not found/);
    expect(existsSync(missing)).toBe(false);
  });
});
