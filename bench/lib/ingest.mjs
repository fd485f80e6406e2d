// End-to-end cases: ingest of local files and of pages from a fixture server, then reprocess of
// what they stored. Each run is a child process, so its timing and peak RSS are its own.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textArticle, wrappedPage } from './corpus.mjs';
import { sampleThreads } from './threads.mjs';

const CHILD = fileURLToPath(new URL('./ingest-child.mjs', import.meta.url));
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const PART = 1000;

/** Runs node with args; resolves with the last stdout line as JSON (and, with `threads`, CPU per thread).
 * Async, so a server in this process keeps serving. */
export function runNode(args, { timeoutMs = 30 * 60_000, threads = false, command = process.execPath } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = threads ? sampleThreads(child.pid) : undefined;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const cpu = sampler?.stop();
      const last = stdout.trim().split('\n').pop();
      try {
        resolve({ code, result: JSON.parse(last), stderr, cpu });
      } catch {
        reject(new Error(`${args.slice(0, 3).join(' ')} exited ${code}: ${stderr.trim().split('\n').slice(-5).join(' | ') || stdout.slice(-300)}`));
      }
    });
  });
}

/** Writes articles from..n-1 as .txt files, a thousand per folder; returns the folder. */
export function writeLocalCorpus(fx, dir, n, from = 0) {
  const root = join(dir, 'corpus');
  for (let i = from; i < n; i++) {
    const part = join(root, `part-${String(Math.floor(i / PART)).padStart(3, '0')}`);
    if (i === from || i % PART === 0) mkdirSync(part, { recursive: true });
    writeFileSync(join(part, `${String(i).padStart(6, '0')}.txt`), textArticle(fx, i));
  }
  return root;
}

/** Ingest of the first n local articles into a fresh database: seconds, articles/s and the child's peak RSS.
 * `nodeFlags`: V8 options for the child (as a user would give them in NODE_OPTIONS). */
export async function ingestLocal(corpus, dir, n, label, nodeFlags = []) {
  const parts = Array.from({ length: Math.ceil(n / PART) }, (_, k) => `part-${String(k).padStart(3, '0')}/*.txt`);
  const dbPath = join(dir, `local-${label}.db`);
  const job = join(dir, `local-${label}.json`);
  writeFileSync(job, JSON.stringify({
    baseDir: corpus, dbPath,
    config: { sources: [{ kind: 'files', name: 'bench', paths: parts, maxArticles: n }], store: { path: dbPath } },
  }));
  const { result } = await runNode([...nodeFlags, CHILD, job]);
  if (result.articlesNew !== n) throw new Error(`local ingest stored ${result.articlesNew} of ${n} articles: ${JSON.stringify(result.errors)}`);
  const s = result.elapsedMs / 1000;
  return { dbPath, seconds: s, articlesPerSecond: n / s, perCpuSecond: n / (result.cpuMs / 1000), peakRssMb: result.maxRSSKb / 1024, liveHeapMb: result.liveHeapMb, figures: result.figures };
}

/** Peak RSS of a process that loads solieu and opens a database: the floor under every ingest figure. */
export async function baselineRssMb(dir) {
  const { result } = await runNode([CHILD, '--baseline', join(dir, 'baseline.db')]);
  return result.maxRSSKb / 1024;
}

/** A small news site on 127.0.0.1 serving pages /a/0.html ... from memory. */
export async function startSite(pages) {
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    const m = /^\/a\/(\d+)\.html$/.exec(req.url ?? '');
    const body = m ? pages[Number(m[1])] : undefined;
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length }).end(body);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    base: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

export function sitePages(fx, n) {
  return Array.from({ length: n }, (_, i) => Buffer.from(wrappedPage(fx, i)));
}

/** Ingest of n pages from the site with politeness off: pages/s. Throws when the HTTP fetcher cannot do it. */
export async function ingestHttp(site, dir, n, label) {
  const dbPath = join(dir, `http-${label}.db`);
  const job = join(dir, `http-${label}.json`);
  writeFileSync(job, JSON.stringify({
    baseDir: dir, dbPath,
    config: {
      sources: [{ kind: 'urls', name: 'bench-site', urls: Array.from({ length: n }, (_, i) => `${site.base}/a/${i}.html`) }],
      store: { path: dbPath },
      fetch: { perHostDelayMs: 0, respectRobots: false, concurrency: 16, perHostConcurrency: 16 },
    },
  }));
  const before = site.requests();
  const { result } = await runNode([CHILD, job]);
  if (result.articlesNew !== n) throw new Error(`http ingest stored ${result.articlesNew} of ${n} pages (status ${result.status}): ${JSON.stringify(result.errors)}`);
  const s = result.elapsedMs / 1000;
  return { seconds: s, pagesPerSecond: n / s, perCpuSecond: n / (result.cpuMs / 1000), peakRssMb: result.maxRSSKb / 1024, requests: site.requests() - before };
}

/** `solieu reprocess` of a database with w workers, through the CLI as a user runs it; `oneCore` pins
 * the process to one CPU (taskset), so the baseline is truly one core, GC helper threads included. */
export async function reprocess(dbPath, workers, { oneCore = false, force = false } = {}) {
  const cli = [CLI, 'reprocess', '--db', dbPath, '--workers', String(workers), '--format', 'json', ...(force ? ['--force'] : [])];
  const args = oneCore ? ['-c', '0', process.execPath, ...cli] : cli;
  const { code, result, stderr, cpu } = await runNode(args, { threads: true, command: oneCore ? 'taskset' : undefined });
  if (code !== 0 || result.failed) throw new Error(`reprocess exited ${code}: ${stderr.slice(-500)}`);
  // What an idle machine would take: no thread can go faster than its own CPU time, and all of
  // them together share the cores.
  const usable = oneCore ? 1 : availableParallelism();
  const idleSeconds = cpu ? Math.max(cpu.main, cpu.others[0] ?? 0, cpu.total / usable) : null;
  return { seconds: result.elapsedMs / 1000, articles: result.reprocessed, identical: result.identical, figures: result.figuresAfter, cpu, idleSeconds };
}

/** Whether `taskset` can pin a process to one CPU here. */
export function canPin() {
  return process.platform === 'linux' && spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}

export const cores = () => availableParallelism();
