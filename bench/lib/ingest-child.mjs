// One ingest run in a process of its own, so its peak RSS (maxRSS) is the ingest's alone.
//   node bench/lib/ingest-child.mjs JOB.json     runs runIngest(config) and prints one JSON line
//   node bench/lib/ingest-child.mjs --baseline   loads solieu and opens a database, nothing else
// JOB.json: { config, baseDir, dbPath } (a file: 10 000 URLs do not fit in an argument).
import { readFileSync } from 'node:fs';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import v8 from 'node:v8';
import { openStore, runIngest, validateConfig } from '../../dist/index.js';

const arg = process.argv[2];
// The heap in use right after each full collection is what the main thread keeps alive (RSS adds
// garbage not yet collected and the room V8 reserves). A leak shows as this rising with the article count.
const liveAfterGc = [];
const gcs = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) liveAfterGc.push(v8.getHeapStatistics().used_heap_size);
});
gcs.observe({ entryTypes: ['gc'] });
const out = (o) => {
  const u = process.resourceUsage();
  process.stdout.write(`${JSON.stringify({ ...o, maxRSSKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 })}\n`);
};

if (arg === '--baseline') {
  openStore(process.argv[3]).close();
  out({});
} else {
  const job = JSON.parse(readFileSync(arg, 'utf8'));
  const t0 = performance.now();
  const s = await runIngest(validateConfig(job.config), { baseDir: job.baseDir, dbPath: job.dbPath });
  gcs.disconnect();
  const late = liveAfterGc.slice(Math.floor(liveAfterGc.length / 2)); // after the start-up collections
  out({
    liveHeapMb: late.length ? Math.max(...late) / 2 ** 20 : null, majorGcs: liveAfterGc.length,
    elapsedMs: performance.now() - t0, status: s.status, articlesNew: s.articlesNew, articlesFailed: s.articlesFailed,
    figures: s.figures, fetched: s.fetched, duplicates: s.duplicates, errors: s.errors.slice(0, 5),
  });
}
