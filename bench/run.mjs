#!/usr/bin/env node
// solieu's benchmark suite (plain Node on dist/; run `npm run build` first).
//   npm run bench                      full sizes (about 15 minutes on 2 cores)
//   npm run bench -- --quick           tiny sizes, to prove it works (CI); writes $TMPDIR/solieu-bench-quick.json
//   npm run bench -- --out FILE        write the results there instead
//   npm run bench -- --only scan,clean run some case groups; their results are merged into results.json
//   npm run bench -- --markdown        print results.json as the README's Markdown table
//   npm run bench -- --budget 30       minutes for the full run (default 15): extra runs that would
//                                      not fit are skipped and say so; the first run of each case always runs
// The workload is generated from the fixtures with a seeded PRNG (bench/lib/corpus.mjs), the same
// every run. Each case runs after a warm-up; values are medians of the runs, with min and max.
// Writes bench/results.json ({ machine, date, cases: { NAME: { value, unit, runs, min, max } } }).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { extractFigures, scanQuantities } from '../dist/index.js';
import { pagesPerSecond, readabilityText, solieuText } from './lib/clean.mjs';
import { htmlPage, loadFixtures, textCorpus } from './lib/corpus.mjs';
import { baselineRssMb, canPin, cores, ingestHttp, ingestLocal, reprocess, sitePages, startSite, writeLocalCorpus } from './lib/ingest.mjs';
import { describeMachine, markdownTable, textTable } from './lib/report.mjs';
import { machine, median, missing, round, seconds, summarize, timed } from './lib/stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PUBLISHED = fileURLToPath(new URL('./results.json', import.meta.url));
const GROUPS = ['scan', 'extract', 'clean', 'ingest_local', 'ingest_http', 'store', 'reprocess'];

const { values: opts } = parseArgs({ options: {
  quick: { type: 'boolean' }, only: { type: 'string' }, budget: { type: 'string' }, markdown: { type: 'boolean' }, out: { type: 'string' },
} });
// A quick run must not overwrite the published full results (CI runs it on every push): it writes
// to the temporary directory unless --out says otherwise.
const RESULTS = opts.out ? resolve(opts.out) : opts.quick ? join(tmpdir(), 'solieu-bench-quick.json') : PUBLISHED;
if (opts.markdown) {
  // The README table, from the last results.
  const r = JSON.parse(readFileSync(RESULTS, 'utf8'));
  console.log(`${describeMachine(r.machine)}; ${r.machine.mode} run of ${r.date.slice(0, 10)}\n\n${markdownTable(r)}`);
  process.exit(0);
}
const quick = Boolean(opts.quick);
const only = opts.only ? opts.only.split(',').map((s) => s.trim()) : GROUPS;
for (const g of only) if (!GROUPS.includes(g)) throw new Error(`--only: unknown group "${g}" (groups: ${GROUPS.join(', ')})`);

// Sizes and runs. Quick mode only proves every case works; its numbers mean little.
const SIZE = quick
  ? { scanBytes: 1e6, extractBytes: 2e5, cleanPages: ['006-cafef', '010-dantri'], cleanVariants: 1, cleanRuns: 2, readabilityRuns: 1,
    local: [100], localRuns: 1, warmup: 10, http: 100, httpRuns: 1, storeRuns: 1, reprocessRuns: 1, runs: 2 }
  : { scanBytes: 50e6, extractBytes: 8e6, cleanPages: null, cleanVariants: 2, cleanRuns: 5, readabilityRuns: 3,
    local: [1000, 10000, 50000], localRuns: 3, warmup: 500, http: 10000, httpRuns: 2, storeRuns: 2, reprocessRuns: 2, runs: 3 };
const LOCAL_MAIN = quick ? 100 : 10000; // the count ingest_local_* and reprocess_* are reported at

// The time budget, shared out between the groups. At the target speeds everything fits easily;
// when a case is far slower, its extra runs (and the 50 000-article run) are skipped, with a note.
const BUDGET_S = Number(opts.budget ?? 15) * 60;
const SHARE = { scan: 0.05, extract: 0.05, clean: 0.06, ingest_local: 0.4, ingest_http: 0.14, store: 0.1, reprocess: 0.2 };
let groupStart = 0;
let groupName = '';
const skipped = [];
/** True when a further run of about `projected` seconds still fits the current group's share. */
function fits(projected, what) {
  const left = SHARE[groupName] * BUDGET_S - (performance.now() - groupStart) / 1000;
  if (projected <= left) return true;
  skipped.push(`${what}: skipped, ~${Math.round(projected)} s would exceed the time budget (${Math.max(0, Math.round(left))} s left for ${groupName})`);
  log(`  ${skipped[skipped.length - 1]}`);
  return false;
}

/** The heap cap README suggests for ingest on small hosts. */
const CAPPED_HEAP_FLAG = '--max-old-space-size=512';

// Targets from issue 10, for this 2-core machine.
const TARGETS = {
  extract_mb_s: ['>=', 10],
  clean_speedup_vs_readability: ['>=', 20],
  ingest_local_articles_s: ['>=', 1000],
  ingest_local_peak_rss_mb: ['<', 300],
  ingest_local_rss_growth_mb: ['<=', 20],
  export_rss_growth_mb: ['<=', 20],
  reprocess_speedup: ['>=', 1.7],
};

const log = (s) => process.stderr.write(`${s}\n`);

/** Which code was measured: the commit, and whether the working tree had changes on top. */
function codeVersion() {
  try {
    const git = (...a) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--untracked-files=no') ? ' + uncommitted changes' : ''}`;
  } catch {
    return 'unknown';
  }
}
const fx = loadFixtures(ROOT);
const tmp = mkdtempSync(join(tmpdir(), 'solieu-bench-'));
const cases = {};
const state = {}; // what one group leaves for another (the ingested database for reprocess)

const groups = {
  async scan() {
    const { articles, bytes } = textCorpus(fx, SIZE.scanBytes);
    log(`  ${articles.length} articles, ${(bytes / 1e6).toFixed(1)} MB`);
    // Warm-up: one untimed pass over a tenth of the corpus. V8 compiles its optimised code only after
    // many calls; with 50 articles the first timed run was still a third slower than the last.
    for (const a of articles.slice(0, Math.ceil(articles.length / 10))) scanQuantities(a);
    const rates = [];
    const cpu = [];
    for (let r = 0; r < SIZE.runs; r++) {
      let found = 0;
      const t = await timed(() => { for (const a of articles) found += scanQuantities(a).length; });
      rates.push(bytes / 1e6 / t.wall);
      cpu.push(bytes / 1e6 / t.cpu);
      log(`  run ${r + 1}: ${(bytes / 1e6 / t.wall).toFixed(2)} MB/s, ${(bytes / 1e6 / t.cpu).toFixed(2)} MB per CPU-second (${found} quantities)`);
    }
    cases.scan_mb_s = summarize(rates, 'MB/s', { per_cpu_second: round(median(cpu)), note: `scanQuantities over ${(bytes / 1e6).toFixed(0)} MB of article text, one thread` });
  },

  async extract() {
    const { articles, bytes } = textCorpus(fx, SIZE.extractBytes, 100_000);
    log(`  ${articles.length} articles, ${(bytes / 1e6).toFixed(1)} MB`);
    for (const a of articles) extractFigures(a); // warm-up: one untimed pass (see scan)
    const mbs = [];
    const perSecond = [];
    const cpu = [];
    for (let r = 0; r < SIZE.runs; r++) {
      let figures = 0;
      const t = await timed(() => { for (const a of articles) figures += extractFigures(a).length; });
      mbs.push(bytes / 1e6 / t.wall);
      perSecond.push(articles.length / t.wall);
      cpu.push(t.cpu);
      log(`  run ${r + 1}: ${(bytes / 1e6 / t.wall).toFixed(2)} MB/s, ${(articles.length / t.wall).toFixed(0)} articles/s, ${(bytes / 1e6 / t.cpu).toFixed(2)} MB per CPU-second (${figures} figures)`);
    }
    const note = `extractFigures on ${articles.length} articles (${(bytes / 1e6).toFixed(1)} MB), one thread = one core`;
    cases.extract_mb_s = summarize(mbs, 'MB/s', { per_cpu_second: round(median(cpu.map((c) => bytes / 1e6 / c))), note });
    cases.extract_articles_s = summarize(perSecond, 'articles/s', { per_cpu_second: round(median(cpu.map((c) => articles.length / c))), note });
  },

  async clean() {
    const names = SIZE.cleanPages ?? fx.pages.map((p) => p.name);
    const pages = [];
    for (let v = 0; v < SIZE.cleanVariants; v++) {
      fx.pages.forEach((p, k) => { if (names.includes(p.name)) pages.push(htmlPage(fx, v * fx.pages.length + k)); });
    }
    const mb = pages.reduce((n, p) => n + Buffer.byteLength(p.html), 0) / 1e6;
    log(`  ${pages.length} pages (${mb.toFixed(1)} MB) from ${names.join(', ')}`);
    for (const p of pages.slice(0, names.length)) { solieuText(p); readabilityText(p); } // warm-up
    const ours = [];
    const theirs = [];
    const oursCpu = [];
    const theirsCpu = [];
    for (let r = 0; r < SIZE.cleanRuns; r++) {
      const o = pagesPerSecond(solieuText, pages);
      ours.push(o.pagesPerSecond);
      oursCpu.push(o.perCpuSecond);
      log(`  cleanHtml run ${r + 1}: ${o.pagesPerSecond.toFixed(1)} pages/s (${o.chars} characters of text)`);
    }
    for (let r = 0; r < SIZE.readabilityRuns; r++) {
      const t = pagesPerSecond(readabilityText, pages);
      theirs.push(t.pagesPerSecond);
      theirsCpu.push(t.perCpuSecond);
      log(`  readability+jsdom run ${r + 1}: ${t.pagesPerSecond.toFixed(2)} pages/s (${t.chars} characters of text)`);
    }
    cases.clean_pages_s = summarize(ours, 'pages/s', { per_cpu_second: round(median(oursCpu)), note: `cleanHtml on ${pages.length} real news pages (${Math.round(mb * 1000 / pages.length)} KB each on average)` });
    cases.readability_pages_s = summarize(theirs, 'pages/s', { per_cpu_second: round(median(theirsCpu)), note: '@mozilla/readability on jsdom, same pages, same process' });
    const runs = Math.min(ours.length, theirs.length);
    cases.clean_speedup_vs_readability = {
      value: round(median(ours) / median(theirs)), unit: 'x', runs,
      min: round(Math.min(...ours) / Math.max(...theirs)), max: round(Math.max(...ours) / Math.min(...theirs)),
      per_cpu_second: round(median(oursCpu) / median(theirsCpu)),
      note: 'median cleanHtml pages/s over median Readability+jsdom pages/s; min and max pair the extremes',
    };
    // Speed is half the story: bench/readability-compare.mjs scores both on the fixtures' expectations.
    if (quick) return;
    try {
      const { compareWithReadability } = await import('./readability-compare.mjs');
      const q = await compareWithReadability({ repeat: 2 });
      const e = q.extractors;
      Object.assign(cases.clean_speedup_vs_readability, {
        body_f1: { solieu: round(e.solieu.f1), readability: round(e.readability?.f1) },
        fixtures_speedup: { warm: round(q.speedup?.warm), cold: round(q.speedup?.cold) },
      });
      log(`  body F1 on the ${q.pages.length} fixtures: cleanHtml ${e.solieu.f1.toFixed(3)}, Readability ${e.readability?.f1?.toFixed(3)}; speed-up there ${q.speedup?.warm?.toFixed(1)}x warm, ${q.speedup?.cold?.toFixed(1)}x cold`);
    } catch (e) {
      log(`  (no quality comparison: ${e.message})`);
    }
  },

  async ingest_local() {
    let written = 0;
    const corpusUpTo = async (n) => {
      if (n <= written) return;
      const t = await seconds(() => { state.corpus = writeLocalCorpus(fx, tmp, n, written); });
      log(`  wrote article files ${written} to ${n - 1} in ${t.toFixed(1)} s`);
      written = n;
    };
    await corpusUpTo(LOCAL_MAIN);
    const floor = await baselineRssMb(tmp);
    rmSync((await ingestLocal(state.corpus, tmp, SIZE.warmup, 'warmup')).dbPath); // warm-up (file cache, disk)
    const samples = Object.fromEntries(SIZE.local.map((n) => [n, { rates: [], rss: [], cpu: [], live: [] }]));
    let rate = 0; // articles/s of the last run, to project the next
    const once = async (n, r) => {
      await corpusUpTo(n);
      const res = await ingestLocal(state.corpus, tmp, n, `${n}-${r}`);
      rate = res.articlesPerSecond;
      samples[n].rates.push(res.articlesPerSecond);
      samples[n].rss.push(res.peakRssMb);
      samples[n].cpu.push(res.perCpuSecond);
      if (res.liveHeapMb != null) samples[n].live.push(res.liveHeapMb);
      log(`  ${n} articles, run ${r + 1}: ${res.seconds.toFixed(1)} s, ${res.articlesPerSecond.toFixed(0)} articles/s (${res.perCpuSecond.toFixed(0)} per CPU-second), peak RSS ${res.peakRssMb.toFixed(0)} MB, live heap ${res.liveHeapMb?.toFixed(1) ?? '?'} MB (${res.figures} figures)`);
      // Keep one database at the main count for reprocess; drop the rest (a 50 000-article file is large).
      if (n === LOCAL_MAIN && !state.db) state.db = res.dbPath;
      else rmSync(res.dbPath, { force: true });
    };
    // First one run per count (1 000 vs 10 000 vs 50 000 is the memory question), then more runs
    // at the smaller counts for the spread. Runs above the main count go only if they fit the budget.
    for (const n of SIZE.local) {
      if (n > LOCAL_MAIN && !fits(n / rate, `ingest of ${n} local articles`)) continue;
      await once(n, 0);
    }
    for (let r = 1; r < SIZE.localRuns; r++) {
      for (const n of SIZE.local.filter((c) => c <= LOCAL_MAIN)) {
        if (fits(n / rate, `ingest of ${n} local articles, run ${r + 1}`)) await once(n, r);
      }
    }
    // The same ingest with the heap capped as README's "Memory" section suggests for small hosts: V8
    // grows a heap by a smaller factor when its limit is small, so less garbage waits between collections.
    let capped;
    if (fits(LOCAL_MAIN / rate, `capped-heap ingest of ${LOCAL_MAIN} local articles`)) {
      capped = await ingestLocal(state.corpus, tmp, LOCAL_MAIN, 'capped', [CAPPED_HEAP_FLAG]);
      rmSync(capped.dbPath, { force: true });
      log(`  ${LOCAL_MAIN} articles with ${CAPPED_HEAP_FLAG}: ${capped.seconds.toFixed(1)} s, ${capped.articlesPerSecond.toFixed(0)} articles/s, peak RSS ${capped.peakRssMb.toFixed(0)} MB`);
    }
    const byCount = {};
    for (const [n, v] of Object.entries(samples)) {
      if (v.rates.length) byCount[n] = { articles_s: summarize(v.rates, 'articles/s', { per_cpu_second: round(median(v.cpu)) }), peak_rss_mb: summarize(v.rss, 'MB'),
        live_heap_mb: v.live.length ? summarize(v.live, 'MB') : undefined };
    }
    const main = byCount[LOCAL_MAIN];
    cases.ingest_local_articles_s = { ...main.articles_s, note: `solieu ingest of ${LOCAL_MAIN} local .txt articles into a fresh database, in a child process` };
    cases.ingest_local_peak_rss_mb = {
      ...main.peak_rss_mb, baseline_mb: round(floor),
      by_count: Object.fromEntries(Object.entries(byCount).map(([n, v]) => [n, v.peak_rss_mb.value])),
      note: `maxRSS of the ingest process at ${LOCAL_MAIN} articles; a process that only loads solieu and opens a database peaks at ${round(floor)} MB`,
    };
    if (capped) {
      cases.ingest_local_capped_heap_peak_rss_mb = { value: round(capped.peakRssMb), unit: 'MB', runs: 1, min: round(capped.peakRssMb), max: round(capped.peakRssMb),
        articles_s: round(capped.articlesPerSecond),
        note: `maxRSS of the ingest of ${LOCAL_MAIN} local articles with NODE_OPTIONS=${CAPPED_HEAP_FLAG} (README, Memory)` };
    }
    const counts = Object.keys(byCount).map(Number);
    if (counts.length > 1) {
      // A leak grows with the count; V8 sizing its heap to the work does not, once the work is steady.
      // So growth is measured from the main count up when there is a larger one, else from the smallest.
      const hi = Math.max(...counts);
      const lo = hi > LOCAL_MAIN && byCount[LOCAL_MAIN] ? LOCAL_MAIN : Math.min(...counts);
      const rss = (n) => byCount[n].peak_rss_mb.value;
      const growth = rss(hi) - rss(lo);
      cases.ingest_local_rss_growth_mb = { value: round(growth), unit: 'MB', runs: 1, min: round(growth), max: round(growth),
        from_smallest_mb: round(rss(hi) - rss(Math.min(...counts))),
        note: `peak RSS at ${hi} articles minus at ${lo} (${round((growth * 1024) / (hi - lo))} KB per extra article); flat memory shows as ~0. ` +
          `from_smallest_mb: from ${Math.min(...counts)} articles, where the heap is still growing to its working size` };
      const live = (n) => byCount[n].live_heap_mb?.value;
      if (live(hi) != null && live(lo) != null) {
        const g = live(hi) - live(lo);
        cases.ingest_local_live_heap_growth_mb = { value: round(g), unit: 'MB', runs: 1, min: round(g), max: round(g),
          by_count: Object.fromEntries(counts.map((n) => [n, live(n) ?? null])),
          note: `main-thread heap in use right after a full collection (the largest in the second half of the run), at ${hi} articles minus at ${lo}: ` +
            'what the process keeps alive, without the garbage and reserve that RSS also counts' };
      }
      for (const n of counts) if (n !== LOCAL_MAIN) cases[`ingest_local_${n / 1000}k_articles_s`] = byCount[n].articles_s;
    }
  },

  async ingest_http() {
    const n = SIZE.http;
    const pages = sitePages(fx, n);
    const site = await startSite(pages);
    const note = `solieu ingest of ${n} pages (seed articles wrapped in HTML, ${Math.round(pages.reduce((a, p) => a + p.length, 0) / n / 1000)} KB each) from a node:http server on 127.0.0.1, politeness off, concurrency 16`;
    try {
      await ingestHttp(site, tmp, SIZE.warmup, 'warmup');
      const rates = [];
      const rss = [];
      const cpu = [];
      for (let r = 0; r < SIZE.httpRuns; r++) {
        if (r > 0 && !fits(n / rates[r - 1], `ingest of ${n} pages over HTTP, run ${r + 1}`)) break;
        const res = await ingestHttp(site, tmp, n, String(r));
        rates.push(res.pagesPerSecond);
        rss.push(res.peakRssMb);
        cpu.push(res.perCpuSecond);
        log(`  run ${r + 1}: ${res.seconds.toFixed(1)} s, ${res.pagesPerSecond.toFixed(0)} pages/s (${res.perCpuSecond.toFixed(0)} per CPU-second of the ingest process), ${res.requests} requests, peak RSS ${res.peakRssMb.toFixed(0)} MB`);
        rmSync(join(tmp, `http-${r}.db`), { force: true });
      }
      cases.ingest_http_pages_s = summarize(rates, 'pages/s', { per_cpu_second: round(median(cpu)), note });
      cases.ingest_http_peak_rss_mb = summarize(rss, 'MB');
    } finally {
      await site.close();
    }
  },

  async store() {
    const path = fileURLToPath(new URL('./store.mjs', import.meta.url));
    if (!existsSync(path)) {
      cases.store_insert_figures_s = missing('figures/s', 'bench/store.mjs is missing');
      cases.export_peak_rss_mb = missing('MB', 'bench/store.mjs is missing');
      return;
    }
    const { runStoreBench } = await import('./store.mjs');
    const runs = [];
    let last = 0;
    for (let r = 0; r < SIZE.storeRuns; r++) {
      if (r > 0 && !fits(last, `store bench, run ${r + 1}`)) break;
      const t0 = performance.now();
      const s = await runStoreBench({ quick });
      last = (performance.now() - t0) / 1000;
      runs.push(s);
      log(`  run ${r + 1}: ${s.store_insert_figures_s} figures/s inserted; export of ${s.export_rows} rows: ${s.export_rows_s} rows/s, peak RSS ${s.export_peak_rss_mb} MB (${s.export_small_rows} rows: ${s.export_small_peak_rss_mb} MB)`);
    }
    const col = (k) => runs.map((s) => s[k]);
    const one = runs[0];
    cases.store_insert_figures_s = summarize(col('store_insert_figures_s'), 'figures/s', { note: `${one.store_insert_figures} figures through Store.saveArticle (bench/store.mjs)` });
    cases.export_peak_rss_mb = summarize(col('export_peak_rss_mb'), 'MB', {
      rows: one.export_rows, small_rows: one.export_small_rows, small_peak_rss_mb: round(median(col('export_small_peak_rss_mb'))),
      baseline_mb: round(median(col('export_baseline_rss_mb'))), note: `solieu export figures as CSV, ${one.export_rows} rows, in a child process` });
    cases.export_rows_s = summarize(col('export_rows_s'), 'rows/s');
    cases.export_rss_growth_mb = summarize(col('export_rss_growth_mb'), 'MB', { note: `peak RSS exporting ${one.export_rows} rows minus ${one.export_small_rows} rows` });
  },

  async reprocess() {
    if (!state.db) {
      state.corpus ??= writeLocalCorpus(fx, tmp, LOCAL_MAIN);
      state.db = (await ingestLocal(state.corpus, tmp, LOCAL_MAIN, 'for-reprocess')).dbPath;
    }
    const all = cores();
    const pin = canPin();
    const one = [];
    const many = [];
    const ratios = [];
    const idle = [];
    const idleUnpinned = [];
    // One core is `--workers 1` pinned to one CPU (taskset), so the baseline has no second core for
    // its GC threads either. Runs alternate, so a change in machine load hits both alike; each run is
    // a fresh process (the CLI), starting cold as users see it.
    for (let r = 0; r < SIZE.reprocessRuns; r++) {
      if (r > 0 && !fits(LOCAL_MAIN / one[r - 1] + LOCAL_MAIN / many[r - 1], `reprocess pair ${r + 1}`)) break;
      const a = await reprocess(state.db, 1, { oneCore: pin });
      const b = await reprocess(state.db, all);
      if (a.figures !== b.figures) throw new Error(`reprocess with 1 and ${all} workers disagree: ${a.figures} vs ${b.figures} figures`);
      one.push(a.articles / a.seconds);
      many.push(b.articles / b.seconds);
      ratios.push(a.seconds / b.seconds);
      if (a.idleSeconds && b.idleSeconds) {
        idle.push(a.idleSeconds / b.idleSeconds);
        // `--workers 1` left free to use the second core for its GC threads.
        idleUnpinned.push(Math.max(a.cpu.main, a.cpu.total / all) / b.idleSeconds);
      }
      const cpu = (x) => (x.cpu ? ` [CPU s: main thread ${x.cpu.main.toFixed(1)}, busiest other ${(x.cpu.others[0] ?? 0).toFixed(1)}, all threads ${x.cpu.total.toFixed(1)}]` : '');
      log(`  run ${r + 1}: 1 ${pin ? 'core' : 'worker'} ${a.seconds.toFixed(1)} s${cpu(a)}, ${all} workers ${b.seconds.toFixed(1)} s${cpu(b)}: ${(a.seconds / b.seconds).toFixed(2)}x (${a.articles} articles, ${b.identical} left as stored, ${a.figures} figures)`);
    }
    cases.reprocess_speedup = summarize(ratios, 'x', {
      workers: all, idle_projection: idle.length ? round(median(idle)) : null,
      idle_projection_vs_unpinned_1_worker: idleUnpinned.length ? round(median(idleUnpinned)) : null,
      note: `solieu reprocess of ${LOCAL_MAIN} stored articles whose records come out as stored (the same code: nothing is rewritten; see reprocess_rewrite_speedup for --force): wall time of --workers 1 ${pin ? 'pinned to one CPU (taskset -c 0)' : '(not pinned: no taskset)'} ` +
        `over wall time of --workers ${all}. idle_projection: the same ratio from each thread's CPU time (a run takes at least ` +
        'its busiest thread, and all threads share the cores), which is what an idle machine shows: on a shared one the scheduler ' +
        'shares CPU between sessions, not threads. idle_projection_vs_unpinned_1_worker: against --workers 1 free to run its GC on the second core',
    });
    cases.reprocess_articles_s = summarize(many, 'articles/s', { workers: all });
    cases.reprocess_1_core_articles_s = summarize(one, 'articles/s', { workers: 1, pinned: pin });
    // The same code finds every article's records as stored, so the pairs above write nothing: the
    // speed-up of re-extraction. With --force every article is rewritten, as after an upgrade that
    // changes everything: the main thread's writes are then the serial part.
    if (fits(LOCAL_MAIN / one[0] + LOCAL_MAIN / many[0] + 60, 'reprocess --force pair')) {
      const a = await reprocess(state.db, 1, { oneCore: pin, force: true });
      const b = await reprocess(state.db, all, { force: true });
      log(`  --force: 1 ${pin ? 'core' : 'worker'} ${a.seconds.toFixed(1)} s, ${all} workers ${b.seconds.toFixed(1)} s: ${(a.seconds / b.seconds).toFixed(2)}x (${b.identical} left alone)`);
      const r = a.seconds / b.seconds;
      cases.reprocess_rewrite_speedup = { value: round(r), unit: 'x', runs: 1, min: round(r), max: round(r), workers: all,
        note: 'reprocess --force (every article rewritten): --workers 1 on one core over --workers ' + all };
    }
  },
};

const info = { ...machine(), mode: quick ? 'quick' : 'full', code: codeVersion() };
const t0 = performance.now();
try {
  for (const g of GROUPS) {
    if (!only.includes(g)) continue;
    log(`${g}...`);
    const tg = performance.now();
    groupStart = tg;
    groupName = g;
    try {
      await groups[g]();
    } catch (e) {
      log(`  FAILED: ${e.stack ?? e}`);
      process.exitCode = 1;
    }
    log(`  (${((performance.now() - tg) / 1000).toFixed(0)} s)`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
info.loadavg_end = loadavg().map((x) => Math.round(x * 100) / 100);
info.seconds = Math.round((performance.now() - t0) / 1000);
if (!quick) info.budget_s = BUDGET_S;
if (skipped.length) info.skipped = skipped;

// Targets: judged on full runs only (quick sizes are too small to mean anything).
for (const [name, [op, bound]] of Object.entries(TARGETS)) {
  const c = cases[name];
  if (!c) continue;
  c.target = `${op} ${bound}`;
  if (!quick && c.value !== null) c.met = op === '>=' ? c.value >= bound : op === '<' ? c.value < bound : c.value <= bound;
}

// --only merges into the existing results of the same mode; a full run replaces them. `runs`
// says which run measured which groups, under which load.
const run = { date: new Date().toISOString(), groups: only, seconds: info.seconds, code: info.code,
  loadavg_start: info.loadavg_start, loadavg_end: info.loadavg_end, ...(skipped.length ? { skipped } : {}) };
let results = { machine: info, date: run.date, cases, runs: [run] };
if (opts.only && existsSync(RESULTS)) {
  const old = JSON.parse(readFileSync(RESULTS, 'utf8'));
  if (old.machine?.mode === info.mode) results = { ...results, cases: { ...old.cases, ...cases }, runs: [...(old.runs ?? []), run] };
}
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);

console.log(`\nsolieu bench (${info.mode}) on ${describeMachine(info)}; load average ${info.loadavg_start[0]} -> ${info.loadavg_end[0]}; ${info.seconds} s`);
console.log(textTable(results));
for (const [name, c] of Object.entries(cases)) if (c.value === null && c.note) console.log(`${name}: ${c.note}`);
for (const s of skipped) console.log(s);
console.log(`\nwrote ${RESULTS}`);
