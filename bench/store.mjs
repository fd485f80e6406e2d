#!/usr/bin/env node
// Store benchmark (plain Node on dist/; run `npm run build` first).
//   node bench/store.mjs           100 000 figures inserted; exports of 100 000 and 1 000 000 rows
//   node bench/store.mjs --quick   10 000 figures; exports of 10 000 and 100 000 rows (seconds)
// Inserts go through Store.saveArticle, as the pipeline does. Each export runs in a child process
// writing CSV to /dev/null, so its peak RSS is its own: flat memory shows as the same peak for
// 10x the rows. `runStoreBench({ quick })` returns the numbers for the bench runner.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exportRelation } from '../dist/store/export.js';
import { openStore } from '../dist/store/index.js';
import { openReader } from '../dist/store/query.js';
import { searchArticles } from '../dist/store/search.js';

const SELF = fileURLToPath(import.meta.url);
const PER_ARTICLE = 50;
const mb = (kb) => Math.round(kb / 1024 * 10) / 10;

const SENTENCE = 'Năm 2023, toàn huyện Bạch Thông còn 539 hộ nghèo, chiếm tỷ lệ 0,61%; tổng kinh phí hỗ trợ 1.837,272 triệu đồng.';

function articleInput(i) {
  const text = Array.from({ length: 20 }, () => SENTENCE).join(' ');
  const figures = Array.from({ length: PER_ARTICLE }, (_, k) => ({
    text: `${k} hộ`, start: 36, end: 42, value: 539 + k, unit: k % 3 ? 'household' : 'percent', noun: 'hộ nghèo', comparator: '=',
    subject: 'hộ nghèo', indicator: k % 2 ? 'poor_households' : 'poverty_rate', modality: k % 4 ? 'actual' : 'target',
    measure: 'level', period: 2015 + (k % 10), location: `huyện ${i % 40}`, sentence: SENTENCE, sentenceStart: 0,
    sentenceEnd: SENTENCE.length, rules: { unit: 'bench' },
  }));
  return {
    uri: `https://bench.example/${i}`, source: 'bench', outlet: 'bench.example',
    content: { url: `https://bench.example/${i}`, title: `Giảm nghèo bền vững ở huyện ${i % 40} (${i})`, text, tags: [],
      publishedAt: `20${10 + (i % 14)}-0${1 + (i % 9)}-15T08:00:00+07:00` },
    figures, relations: [], entities: [], format: 'text', raw: text, contentHash: `c${i}`, textHash: `t${i}`,
    fetchedAt: '2024-01-01T00:00:00Z',
  };
}

/** In a child process: export `name` as CSV to /dev/null; print rows, seconds and peak RSS. */
async function exportChild(path, name) {
  const store = openReader(path);
  const out = createWriteStream('/dev/null');
  const t0 = performance.now();
  const rows = await exportRelation(store, name, 'csv', out);
  out.end();
  await finished(out);
  const seconds = (performance.now() - t0) / 1000;
  store.close();
  process.stdout.write(`${JSON.stringify({ rows, seconds, maxRSSKb: process.resourceUsage().maxRSS })}\n`);
}

function runExport(path, name) {
  const r = spawnSync(process.execPath, [SELF, '--export-child', path, name], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`export child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

export async function runStoreBench({ quick = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'solieu-bench-'));
  const path = join(dir, 'bench.db');
  try {
    const figures = quick ? 10_000 : 100_000;
    const articles = figures / PER_ARTICLE;
    const store = openStore(path);
    const inputs = Array.from({ length: articles }, (_, i) => articleInput(i));
    const t0 = performance.now();
    for (const a of inputs) store.saveArticle(a);
    const insertSeconds = (performance.now() - t0) / 1000;

    // Search latency on the articles just stored.
    const t1 = performance.now();
    const hits = searchArticles(store, 'ho ngheo bach thong', { limit: 20 });
    const searchMs = performance.now() - t1;

    // Grow figures tenfold with SQL copies (fast), for the large export.
    for (let k = 1; k < 10; k++) {
      store.db.prepare(`INSERT INTO figures (article_id, ordinal, text, start, end, value, value_max, total, unit, noun, per,
        comparator, subject, indicator, modality, measure, period, location, suspect, suspect_reason, sentence,
        sentence_start, sentence_end, rules_json)
        SELECT article_id, ordinal + ? * ${PER_ARTICLE}, text, start, end, value + ?, value_max, total, unit, noun, per,
        comparator, subject, indicator, modality, measure, period, location, suspect, suspect_reason, sentence,
        sentence_start, sentence_end, rules_json FROM figures WHERE ordinal < ${PER_ARTICLE}`).run(k, k);
    }
    store.db.exec(`CREATE VIEW bench_small AS SELECT * FROM figures WHERE id <= ${figures}`);
    const total = store.db.prepare('SELECT COUNT(*) FROM figures').pluck().get();
    store.close();

    const baseline = runExport(path, 'sources');
    const small = runExport(path, 'bench_small');
    const large = runExport(path, 'figures');
    return {
      store_insert_figures: figures,
      store_insert_seconds: round(insertSeconds, 3),
      store_insert_figures_s: Math.round(figures / insertSeconds),
      store_search_ms: round(searchMs, 2),
      store_search_hits: hits.length,
      export_rows: large.rows,
      export_seconds: round(large.seconds, 3),
      export_rows_s: Math.round(large.rows / large.seconds),
      export_peak_rss_mb: mb(large.maxRSSKb),
      export_small_rows: small.rows,
      export_small_peak_rss_mb: mb(small.maxRSSKb),
      export_baseline_rss_mb: mb(baseline.maxRSSKb),
      export_rss_growth_mb: round(mb(large.maxRSSKb) - mb(small.maxRSSKb), 1),
      figures_table_rows: total,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(x, digits) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const args = process.argv.slice(2);
  if (args[0] === '--export-child') {
    await exportChild(args[1], args[2]);
  } else {
    const quick = args.includes('--quick');
    const r = await runStoreBench({ quick });
    console.log(`store bench${quick ? ' (quick)' : ''}`);
    console.log(`  insert ${r.store_insert_figures} figures: ${r.store_insert_seconds} s, ${r.store_insert_figures_s} figures/s`);
    console.log(`  search: ${r.store_search_ms} ms (${r.store_search_hits} hits)`);
    console.log(`  export ${r.export_small_rows} rows to CSV: peak RSS ${r.export_small_peak_rss_mb} MB`);
    console.log(`  export ${r.export_rows} rows to CSV: ${r.export_seconds} s, ${r.export_rows_s} rows/s, peak RSS ${r.export_peak_rss_mb} MB`);
    console.log(`  (a process that opens the database and exports nothing peaks at ${r.export_baseline_rss_mb} MB; 10x the rows adds ${r.export_rss_growth_mb} MB)`);
    console.log(JSON.stringify(r));
  }
}
