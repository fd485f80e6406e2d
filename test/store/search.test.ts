// Full-text search: with or without diacritics, đ included, kept in step with the articles table.
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { QueryError } from '../../src/store/query.js';
import { buildMatch, searchArticles, searchFold, unfoldSnippet } from '../../src/store/search.js';
import { tempDir } from '../helpers/cli.js';
import { article } from './fixtures.js';

let store: Store;
const ids: Record<string, number> = {};
const found = (q: string, o = {}) => searchArticles(store, q, o).map((h) => h.uri).sort();

beforeAll(() => {
  store = openStore(join(tempDir(), 'search.db'));
  const save = (key: string, a: Parameters<typeof article>[1]) => { ids[key] = store.saveArticle(article(key, a)).articleId; };
  save('thai', { title: 'Thành phố Thái Nguyên giảm nghèo', text: 'Năm 2023, thành phố còn 539 hộ nghèo, tỷ lệ 0,61%.' });
  save('money', { title: 'Kinh phí', lead: 'Đầu tư lớn', text: 'Tổng kinh phí 1.837,272 triệu đồng; ĐỒNG BẰNG sông Hồng.' });
  save('nfd', { title: 'Bắc Kạn'.normalize('NFD'), text: 'Người dân ở Ba Bể được hỗ trợ.'.normalize('NFD') });
  save('eth', { title: 'Ðà Nẵng (Ð chữ eth)', text: 'Trang cũ viết ðồng bằng chữ eth.' });
  save('plain', { title: 'Ho ngheo', text: 'Tin không dấu: ho ngheo, dong.' });
});
afterAll(() => store.close());

describe('search', () => {
  it('finds Thái Nguyên typed with or without diacritics, in any case', () => {
    for (const q of ['thai nguyen', 'Thái Nguyên', 'THAI NGUYEN', 'thái nguyen']) expect(found(q), q).toEqual(['thai']);
  });

  it('finds hộ nghèo from ho ngheo, and the unaccented article from hộ nghèo', () => {
    expect(found('ho ngheo')).toEqual(['plain', 'thai']);
    expect(found('hộ nghèo')).toEqual(['plain', 'thai']);
  });

  it('folds đ to d both ways, upper case and the look-alike eth too', () => {
    expect(found('dong')).toEqual(['eth', 'money', 'plain']);
    expect(found('đồng')).toEqual(['eth', 'money', 'plain']);
    expect(found('Đồng bằng')).toEqual(['eth', 'money']);
    expect(found('da nang')).toEqual(['eth']);
    expect(found('dau tu')).toEqual(['money']);
  });

  it('finds text stored decomposed (NFD) from a composed query and back', () => {
    expect(found('bac kan')).toEqual(['nfd']);
    expect(found('Bắc Kạn')).toEqual(['nfd']);
    expect(found('hỗ trợ'.normalize('NFD'))).toEqual(['nfd']);
  });

  it('supports phrases, prefixes and OR', () => {
    expect(found('"ho ngheo"')).toEqual(['plain', 'thai']);
    expect(found('"ngheo ho"')).toEqual([]);
    expect(found('ngh*')).toEqual(['plain', 'thai']);
    expect(found('kan OR nang')).toEqual(['eth', 'nfd']);
    expect(found('1.837,272')).toEqual(['money']);
  });

  it('ranks a title match first', () => {
    expect(searchArticles(store, 'ngheo').map((h) => h.uri)).toEqual(['plain', 'thai']);
    expect(searchArticles(store, 'ngheo', { limit: 1 })).toHaveLength(1);
  });

  it('marks the matches in the original text, đ and all', () => {
    const hit = searchArticles(store, 'dong bang', { mark: ['<b>', '</b>'] }).find((h) => h.uri === 'money')!;
    expect(hit.snippet).toContain('triệu <b>đồng</b>; <b>ĐỒNG</b> <b>BẰNG</b>');
    expect(hit.titleMarked).toBe('Kinh phí');
    const [t] = searchArticles(store, 'thai nguyen');
    expect(t.titleMarked).toBe('Thành phố [Thái] [Nguyên] giảm nghèo');
    expect(t).toMatchObject({ id: ids.thai, uri: 'thai', figures: 1 });
    const [lead] = searchArticles(store, 'dau tu');
    expect(lead.snippet).toBe('[Đầu] [tư] lớn');
  });

  it('takes FTS5 syntax with --fts, and reports a bad expression clearly', () => {
    expect(found('title:nguyen', { fts: true })).toEqual(['thai']);
    expect(found('NEAR(ho ngheo, 1)', { fts: true })).toEqual(['plain', 'thai']);
    expect(() => searchArticles(store, 'ho AND (', { fts: true })).toThrow(/bad FTS5 query/);
  });

  it('never lets what a user types break the query', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), (input) => {
      try {
        searchArticles(store, input);
      } catch (e) {
        expect(e).toBeInstanceOf(QueryError);
        expect((e as QueryError).code).toBe('E_SEARCH_EMPTY');
      }
    }), { numRuns: 300 });
    for (const s of ['AND', 'NOT ho', 'ho OR', 'title:x', '" OR "', 'a NEAR b', '^ho', '(ho', 'ho"ngheo', 'x*']) {
      expect(() => searchArticles(store, s), s).not.toThrow();
    }
    for (const s of ['  , ; -  ', '"', '*', '', 'OR']) expect(() => buildMatch(s), s).toThrow(/nothing to search for/);
  });

  it('keeps the index in step when an article is updated or deleted, whoever writes', () => {
    const id = store.saveArticle(article('temp', { title: 'Tạm', text: 'Điện lực' })).articleId;
    expect(found('dien luc')).toEqual(['temp']);
    store.db.prepare("UPDATE articles SET text = 'Nước sạch' WHERE id = ?").run(id);
    expect(found('dien luc')).toEqual([]);
    expect(found('nuoc sach')).toEqual(['temp']);
    store.db.prepare("UPDATE articles SET extracted_at = 'now' WHERE id = ?").run(id);
    expect(found('nuoc sach')).toEqual(['temp']);
    store.db.prepare('DELETE FROM articles WHERE id = ?').run(id);
    expect(found('nuoc sach')).toEqual([]);
    const missing = store.db.prepare('SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT id FROM articles_fts_docsize)').pluck().get();
    expect(missing).toBe(0);
  });
});

describe('fold and snippets', () => {
  it('fold keeps the length and changes only đ Đ ð Ð', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('đ', 'Đ', 'ð', 'Ð', 'a', 'ộ', ' ', '😀', 'd') }), (s) => {
      const f = searchFold(s);
      expect(f.length).toBe(s.length);
      for (let i = 0; i < s.length; i++) if (f[i] !== s[i]) expect('đĐðÐ').toContain(s[i]);
    }));
  });

  it('puts the original back into a snippet cut from the folded copy', () => {
    const original = 'Giá 5 triệu đồng, đi Đà Nẵng.';
    const folded = searchFold(original);
    const cut = `\u0004${folded.slice(6, 20).replace('dồng', '\u0002dồng\u0003')}\u0004`;
    expect(unfoldSnippet(cut, [original])).toBe('\u0004triệu \u0002đồng\u0003, đi\u0004');
    expect(unfoldSnippet('nothing like it', [original])).toBe('nothing like it');
  });
});
