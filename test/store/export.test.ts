// Export: CSV read back equals the rows (RFC 4180 quoting), JSON too, names checked, output
// written no faster than the stream takes it.
import fc from 'fast-check';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRelation, findRelation, listRelations } from '../../src/store/export.js';
import { openStore, type Store } from '../../src/store/index.js';
import { QueryError, openReader } from '../../src/store/query.js';
import { cellText, csvLine, writeRows, type Row } from '../../src/store/rows.js';
import { tempDir } from '../helpers/cli.js';
import { parseCsv } from './csv.js';
import { article, figure } from './fixtures.js';

/** A Writable that keeps what it is given; optionally slow, to make the writer wait for 'drain'. */
function sink(options: { highWaterMark?: number; slow?: boolean } = {}) {
  const chunks: string[] = [];
  let maxBuffered = 0;
  const w = new Writable({
    highWaterMark: options.highWaterMark ?? 16384,
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString('utf8'));
      if (options.slow) setTimeout(cb, 1); else cb();
    },
  });
  const origWrite = w.write.bind(w);
  w.write = ((chunk: unknown, ...rest: never[]) => {
    const r = origWrite(chunk as string, ...rest);
    maxBuffered = Math.max(maxBuffered, w.writableLength);
    return r;
  }) as typeof w.write;
  return { w, text: () => chunks.join(''), maxBuffered: () => maxBuffered };
}

const TRICKY: Row[] = [
  [1, 'plain', 0.61, null],
  [2, 'comma, inside', -1837272000, ''],
  [3, 'quote " inside and "" two', 1e-7, 'line\nbreak'],
  [4, 'CRLF\r\nand CR\r alone', 123456789012, '"starts with a quote'],
  [5, 'Tổng kinh phí 1.837,272 triệu đồng; Đà Nẵng 😀', 0, ' spaces '],
];

let store: Store;
let path: string;

beforeAll(() => {
  path = join(tempDir(), 'e.db');
  const s = openStore(path);
  s.db.exec('CREATE TABLE tricky (id INTEGER PRIMARY KEY, label TEXT, amount REAL, note TEXT)');
  const ins = s.db.prepare('INSERT INTO tricky VALUES (?, ?, ?, ?)');
  for (const r of TRICKY) ins.run(...r);
  s.db.exec('CREATE TABLE "odd ""name""" (x)');
  s.db.exec('INSERT INTO "odd ""name""" VALUES (42)');
  s.saveArticle(article('https://example.vn/a', { title: 'Hộ nghèo, "đồng"', figures: [figure(), figure({ text: '0,61%', value: 0.61, unit: 'percent' })] }));
  s.close();
  store = openReader(path);
});
afterAll(() => store.close());

async function exportText(name: string, format: 'csv' | 'json' | 'jsonl', options = {}) {
  const s = sink();
  const n = await exportRelation(store, name, format, s.w, options);
  return { n, text: s.text() };
}

describe('export', () => {
  it('CSV read back with an RFC 4180 reader equals the rows', async () => {
    const { n, text } = await exportText('tricky', 'csv');
    expect(n).toBe(TRICKY.length);
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = parseCsv(text);
    expect(parsed[0]).toEqual(['id', 'label', 'amount', 'note']);
    expect(parsed.slice(1)).toEqual(TRICKY.map((r) => r.map(cellText)));
  });

  it('CSV of a view read back equals what a query returns', async () => {
    const { text } = await exportText('v_figures', 'csv');
    const stmt = store.db.prepare('SELECT * FROM v_figures').raw(true);
    const rows = stmt.all() as Row[];
    const parsed = parseCsv(text);
    expect(parsed[0]).toEqual(stmt.columns().map((c) => c.name));
    expect(parsed.slice(1)).toEqual(rows.map((r) => r.map(cellText)));
  });

  it('any strings survive CSV quoting', async () => {
    const chars = fc.constantFrom('a', 'đ', ',', '"', '\r', '\n', ' ', '😀', ';');
    await fc.assert(fc.asyncProperty(fc.array(fc.array(fc.string({ unit: chars }), { minLength: 2, maxLength: 2 }), { maxLength: 5 }),
      async (rows) => {
        const s = sink();
        await writeRows(s.w, ['a', 'b'], rows, 'csv');
        expect(parseCsv(s.text())).toEqual([['a', 'b'], ...rows]);
      }));
    expect(csvLine(['a,b', 'c"d', null, 5])).toBe('"a,b","c""d",,5\r\n');
  });

  it('JSON and JSON Lines read back equal the rows', async () => {
    const cols = ['id', 'label', 'amount', 'note'];
    const objects = TRICKY.map((r) => Object.fromEntries(cols.map((c, i) => [c, r[i]])));
    const json = await exportText('tricky', 'json');
    expect(JSON.parse(json.text)).toEqual(objects);
    const jsonl = await exportText('tricky', 'jsonl');
    expect(jsonl.text.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual(objects);
    expect(JSON.parse((await exportText('units', 'json')).text).length).toBeGreaterThan(20);
    const empty = await exportText('fetch_log', 'json');
    expect(JSON.parse(empty.text)).toEqual([]);
  });

  it('writes a BOM for Excel when asked', async () => {
    const { text } = await exportText('tricky', 'csv', { bom: true });
    expect(text.startsWith('\ufeffid,label')).toBe(true);
  });

  it('takes only names of tables and views from sqlite_master', () => {
    expect(findRelation(store, 'FIGURES')).toEqual({ name: 'figures', type: 'table' });
    expect(findRelation(store, 'odd "name"')).toEqual({ name: 'odd "name"', type: 'table' });
    for (const bad of ['figures; DROP TABLE figures', 'figures WHERE 1', '"figures"', 'nope', 'figures_article', '']) {
      expect(() => findRelation(store, bad), bad).toThrow(QueryError);
    }
    expect(() => findRelation(store, 'nope')).toThrow(/no table or view named "nope"; choose one of: .*v_figures/);
    expect(listRelations(store).map((r) => r.name)).not.toContain('articles_fts_data');
  });

  it('exports a table with an awkward name', async () => {
    expect((await exportText('odd "name"', 'csv')).text).toBe('x\r\n42\r\n');
  });

  it('waits for a slow reader instead of buffering everything', async () => {
    const s = sink({ highWaterMark: 1024, slow: true });
    const rows = function* () { for (let i = 0; i < 20000; i++) yield [i, `row ${i}, "quoted"`, 'x'.repeat(50)]; };
    const n = await writeRows(s.w, ['i', 's', 'pad'], rows(), 'csv');
    expect(n).toBe(20000);
    // One chunk (64 KB) at most sits in the stream's buffer, not the 1.4 MB of output.
    expect(s.text().length).toBeGreaterThan(1_400_000);
    expect(s.maxBuffered()).toBeLessThan(200_000);
  });

  it('fails instead of hanging when the output breaks', async () => {
    const w = new Writable({ highWaterMark: 16, write(_c, _e, cb) { cb(Object.assign(new Error('broken pipe'), { code: 'EPIPE' })); } });
    const rows = function* () { for (let i = 0; i < 100000; i++) yield [i, 'x'.repeat(20)]; };
    await expect(writeRows(w, ['i', 'x'], rows(), 'csv')).rejects.toMatchObject({ code: 'EPIPE' });
  });
});
