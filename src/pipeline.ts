// Wires the stages: discover -> fetch -> extract -> normalize -> store. No printing, no exiting:
// progress is reported through `onEvent`, results through the returned summary.
//
// A run holds the database's run lock, works through one crawl (a frontier in SQLite: discovered,
// in flight, done, failed) and resumes the last crawl when it was cut short, so a run killed with
// SIGKILL and started again fetches only what is left. SIGINT (options.signal) lets in-flight
// requests end, keeps the rest in the frontier and marks the run interrupted.
import { setMaxListeners } from 'node:events';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config, SourceConfig } from './config.js';
import { SolieuError } from './errors.js';
import { expandPaths, readDocument } from './fetch/files.js';
import type { RetryEvent } from './fetch/fetcher.js';
import type { HttpResponse, RequestLog } from './fetch/http.js';
import { createNet, type Net } from './fetch/net.js';
import { conditionalHeaders, toDocument, validatorsOf } from './fetch/page.js';
import { Interrupted } from './fetch/politeness.js';
import { RunRecord } from './fetch/recording.js';
import { discoverWeb, sinceCutoff, type Candidate, type DiscoveryContext, type WebSource } from './fetch/sources/index.js';
import { tryNormalizeUrl, urlFilter } from './fetch/url.js';
import { createExtractor, workerCount, type Extractor } from './extract-pool.js';
import { sha256, type PreparedArticle } from './process.js';
import { WriteBatch } from './store/batch.js';
import { emptyCounts, Frontier, HEARTBEAT_MS, type FrontierItem, type SourceCounts } from './store/frontier.js';
import { openStore, type RunCounts, type RunError, type Store } from './store/index.js';
import type { FetchedDocument } from './types.js';

export type ArticleOutcome = 'new' | 'updated' | 'unchanged' | 'duplicate' | 'not_modified' | 'skipped' | 'failed';

export type IngestEvent =
  | { type: 'run'; runId: number; crawlId: number; resumed: boolean; tookOverLockOf?: number }
  | { type: 'source'; source: string; total: number; discovered?: number; dropped?: Record<string, number> }
  | { type: 'article'; source: string; uri: string; outcome: ArticleOutcome; figures?: number; error?: RunError }
  | { type: 'discovery'; source: string; uri: string; error: RunError }
  | { type: 'request'; url: string; status?: number; ms: number; bytes?: number; error?: string }
  | { type: 'retry'; url: string; attempt: number; waitMs: number; code: string; retryAfter: boolean };

export interface IngestOptions {
  /** Directory that relative paths in the config are resolved against. */
  baseDir: string;
  dbPath?: string;
  onEvent?: (e: IngestEvent) => void;
  signal?: AbortSignal;
  /** Save every HTTP exchange, and what the run stored, under this folder (docs/recording.md). */
  record?: string;
  /** Serve HTTP from a recording instead of the network. */
  replay?: string;
  /** Extraction threads; overrides config.extract.workers (0 = this thread). */
  workers?: number;
}

export interface SourceSummary extends SourceCounts {
  name: string;
}

export interface IngestSummary extends RunCounts {
  runId: number;
  crawlId: number;
  /** True when this run continued a crawl an earlier run left unfinished. */
  resumed: boolean;
  dbPath: string;
  elapsedMs: number;
  errors: RunError[];
  status: 'ok' | 'partial' | 'failed' | 'interrupted';
  /** 304 answers (also counted in articlesUnchanged). */
  notModified: number;
  duplicates: number;
  skipped: number;
  discovered: number;
  fetched: number;
  sources: SourceSummary[];
}

/** An unfinished crawl older than this is not resumed: a new night starts from the feeds again. */
export const RESUME_MAX_AGE_MS = 24 * 3600_000;


interface Src {
  name: string;
  config: SourceConfig;
  sourceId: number;
  counts: SourceCounts;
  cutoff?: Date;
}

export async function runIngest(config: Config, options: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const dbPath = resolve(options.baseDir, options.dbPath ?? config.store.path);
  const store = openStore(dbPath);
  const frontier = new Frontier(store);
  let runId: number;
  let tookOver: number | undefined;
  try {
    const begun = frontier.beginLockedRun('ingest');
    runId = begun.runId;
    tookOver = begun.tookOver?.run_id ?? undefined;
  } catch (e) {
    store.close();
    throw e;
  }
  const heartbeat = setInterval(() => frontier.heartbeat(runId), HEARTBEAT_MS);
  heartbeat.unref();
  const run = new Run(config, options, store, frontier, runId);
  try {
    const summary = await run.execute(tookOver);
    return { ...summary, elapsedMs: performance.now() - t0 };
  } finally {
    clearInterval(heartbeat);
    await run.close();
    frontier.releaseLock(runId);
    store.close();
  }
}

/** One ingestion run: its counters, its sources and its HTTP stack. */
class Run {
  private readonly counts: RunCounts = { articlesNew: 0, articlesUpdated: 0, articlesUnchanged: 0, articlesFailed: 0, figures: 0, entities: 0 };
  private readonly errors: RunError[] = [];
  private readonly sources: Src[];
  private readonly record?: RunRecord;
  private net?: Net;
  private crawlId = 0;
  private extractor?: Extractor;
  private readonly batch: WriteBatch;
  /** Aborted on SIGINT (the caller's signal) or on a fatal error in another item. */
  private readonly stop = new AbortController();
  private readonly signal: AbortSignal;

  constructor(
    private readonly config: Config,
    private readonly options: IngestOptions,
    private readonly store: Store,
    private readonly frontier: Frontier,
    private readonly runId: number,
  ) {
    this.batch = new WriteBatch(store.db, { onRollback: () => store.forgetWritten() });
    this.signal = options.signal ? AbortSignal.any([options.signal, this.stop.signal]) : this.stop.signal;
    // Every waiting request listens for the stop: hundreds of listeners are expected, not a leak.
    setMaxListeners(0, this.signal);
    const now = Date.now();
    this.sources = config.sources.map((s, i) => {
      const name = s.name ?? `${s.kind}-${i + 1}`;
      return { name, config: s, sourceId: store.sourceId(name, s.kind, s), counts: emptyCounts(s.kind), cutoff: sinceCutoff(s.since, now) };
    });
    if (options.record) {
      mkdirSync(options.record, { recursive: true });
      this.record = new RunRecord(options.record, config);
    }
  }

  private emit(e: IngestEvent): void {
    this.options.onEvent?.(e);
  }

  private get aborted(): boolean {
    return this.signal.aborted;
  }

  /** Stopped by the caller (SIGINT), as opposed to by a fatal error. */
  private get interrupted(): boolean {
    return this.options.signal?.aborted ?? false;
  }

  async execute(tookOver?: number): Promise<Omit<IngestSummary, 'elapsedMs'>> {
    let status: IngestSummary['status'] = 'ok';
    let resumed = false;
    try {
      ({ crawlId: this.crawlId, resumed } = this.frontier.openCrawl(this.runId, RESUME_MAX_AGE_MS));
      this.emit({ type: 'run', runId: this.runId, crawlId: this.crawlId, resumed, ...(tookOver ? { tookOverLockOf: tookOver } : {}) });
      if (this.sources.some((s) => s.config.kind !== 'files')) this.net = this.createNet();
      await this.discoverAll();
      const left = this.frontier.pendingBySource(this.crawlId);
      for (const s of this.sources) {
        this.emit({ type: 'source', source: s.name, total: left.get(s.name) ?? 0, discovered: s.counts.discovered, dropped: s.counts.reasons.dropped });
      }
      const total = this.sources.reduce((n, s) => n + (left.get(s.name) ?? 0), 0);
      this.extractor = createExtractor(workerCount(this.options.workers ?? this.config.extract.workers, total));
      // A fatal error (the database, a bug) stops the other items before it is thrown, so nothing
      // is still writing when the run is closed.
      const guard = <T>(p: Promise<T>) => p.catch((e: unknown) => { this.stop.abort(); throw e; });
      let results: PromiseSettledResult<void>[];
      this.batch.begin();
      try {
        results = await Promise.allSettled([
          guard(this.processFiles(this.sources.filter((s) => s.config.kind === 'files'))),
          ...this.sources.filter((s) => s.config.kind !== 'files').map((s) => guard(this.processPages(s))),
        ]);
      } finally {
        this.batch.commit();
      }
      const fatal = results.find((r) => r.status === 'rejected');
      if (fatal) throw (fatal as PromiseRejectedResult).reason;
      const unfinished = this.frontier.left(this.crawlId);
      if (this.interrupted && unfinished > 0) status = 'interrupted';
      else {
        if (unfinished === 0) this.frontier.finishCrawl(this.crawlId);
        if (this.counts.articlesFailed > 0) status = 'partial';
      }
    } catch (e) {
      status = 'failed';
      this.errors.push({ uri: '(run)', code: (e as SolieuError).code ?? 'E_INTERNAL', message: (e as Error).message });
      this.finish(status);
      throw e;
    }
    this.finish(status);
    const total = (k: keyof SourceCounts) => this.sources.reduce((n, s) => n + (s.counts[k] as number), 0);
    return {
      ...this.counts, runId: this.runId, crawlId: this.crawlId, resumed, dbPath: this.store.path, errors: this.errors, status,
      notModified: total('notModified'), duplicates: total('duplicate'), skipped: total('skipped'), discovered: total('discovered'),
      fetched: total('fetched'), sources: this.sources.map((s) => ({ name: s.name, ...s.counts })),
    };
  }

  private finish(status: IngestSummary['status']): void {
    for (const s of this.sources) this.frontier.saveSourceCounts(this.runId, s.name, s.counts);
    this.store.finishRun(this.runId, status, this.counts, this.errors);
    const n = (k: keyof SourceCounts) => this.sources.reduce((x, s) => x + (s.counts[k] as number), 0);
    this.record?.finish(status, {
      new: this.counts.articlesNew, updated: this.counts.articlesUpdated, unchanged: this.counts.articlesUnchanged,
      notModified: n('notModified'), duplicate: n('duplicate'), failed: this.counts.articlesFailed, figures: this.counts.figures,
      entities: this.counts.entities,
    });
  }

  async close(): Promise<void> {
    this.batch.commit();
    await Promise.all([this.net?.close(), this.extractor?.close()]);
  }

  private createNet(): Net {
    return createNet({
      fetch: this.config.fetch,
      record: this.options.record,
      replay: this.options.replay,
      signal: this.signal,
      onRequest: (r: RequestLog) => {
        this.frontier.logRequest(this.runId, r);
        this.emit({ type: 'request', url: r.url, status: r.status, ms: r.durationMs, bytes: r.bytes, error: r.error });
      },
      onRetry: (r: RetryEvent) => this.emit({ type: 'retry', ...r }),
      robotsCache: {
        get: (url) => {
          const c = this.frontier.cacheGet(url);
          return c && { status: c.status, body: c.body?.toString('utf8'), fetchedAt: c.fetchedAt };
        },
        put: (url, v) => this.frontier.cachePut({ url, status: v.status, body: v.body === undefined ? undefined : Buffer.from(v.body), fetchedAt: v.fetchedAt }),
      },
    });
  }

  // ---- discovery ----

  /** Discovers every source not yet discovered in this crawl (concurrently), then adds them in config order. */
  private async discoverAll(): Promise<void> {
    const todo = this.sources.filter((s) => !this.frontier.isDiscovered(this.crawlId, s.name));
    const found = await Promise.all(todo.map((s) => this.discover(s)));
    todo.forEach((s, i) => {
      const items = found[i];
      if (!items) return;
      s.counts.discovered = this.frontier.addDiscovered(this.crawlId, s.name, items, !this.aborted);
    });
  }

  private async discover(s: Src): Promise<Candidate[] | undefined> {
    const c = s.config;
    if (c.kind === 'files') {
      const paths = await expandPaths(c.paths, this.options.baseDir);
      const pass = urlFilter(c.include, c.exclude);
      let kept = paths.filter(pass);
      if (kept.length < paths.length) s.counts.reasons.dropped.pattern = paths.length - kept.length;
      if (c.maxArticles && kept.length > c.maxArticles) {
        s.counts.reasons.dropped.maxArticles = kept.length - c.maxArticles;
        kept = kept.slice(0, c.maxArticles);
      }
      return kept.map((p) => ({ key: p, url: p }));
    }
    try {
      const r = await discoverWeb(c as WebSource, this.discoveryContext(s));
      Object.assign(s.counts.reasons.dropped, r.dropped);
      return r.items;
    } catch (e) {
      if (e instanceof Interrupted) return undefined;
      if (!(e instanceof SolieuError) || e.action === 'stop') throw e;
      this.discoveryFailed(s, 'url' in c ? c.url : s.name, e);
      return undefined;
    }
  }

  private discoveryFailed(s: Src, uri: string, e: SolieuError): void {
    const err = { uri, code: e.code, message: e.message };
    this.countFailure(s, err);
    this.store.recordItem(this.runId, s.name, uri, 'failed', undefined, err);
    this.emit({ type: 'discovery', source: s.name, uri, error: err });
  }

  /** Feeds, sitemaps and listing pages: conditional GET, a 304 answered from the cached body. */
  private discoveryContext(s: Src): DiscoveryContext {
    const fetcher = this.net!.fetcher;
    return {
      maxBytes: this.config.fetch.maxBytes,
      signal: this.signal,
      failed: (uri, e) => this.discoveryFailed(s, uri, e),
      get: async (url) => {
        const key = tryNormalizeUrl(url) ?? url;
        const cached = this.frontier.cacheGet(key);
        const res = await fetcher.get(url, { headers: cached?.body ? conditionalHeaders(cached) : {} });
        if (res.status === 304 && cached?.body) return { url: res.url, body: cached.body, contentType: cached.contentType };
        if (res.status === 304) throw new SolieuError(`${url}: 304 Not Modified to an unconditional request`, 'E_HTTP_304', 'skip');
        const v = validatorsOf(res);
        if (v.etag || v.lastModified) {
          this.frontier.cachePut({ url: key, status: res.status, ...v, contentType: res.headers['content-type'], body: res.body, fetchedAt: new Date().toISOString() });
        }
        return { url: res.url, body: res.body, contentType: res.headers['content-type'] };
      },
    };
  }

  // ---- fetching and storing ----

  /**
   * Local files, in discovery order. Files are read and extracted a few ahead (as many as keep the
   * workers busy) and stored in order, so the database is the same whatever the number of workers.
   */
  private async processFiles(sources: Src[]): Promise<void> {
    const ahead: Array<Promise<() => void>> = [];
    // Deep enough that the workers still have work while this thread writes a batch.
    const depth = Math.max(1, this.extractor!.workers * 8);
    const writeNext = async () => (await ahead.shift()!)();
    for (const s of sources) {
      for (const it of this.frontier.iterate(this.crawlId, s.name)) {
        if (this.aborted) break;
        const p = this.readFile(it, s);
        p.catch(() => {}); // awaited in turn below; this only keeps a rejection from counting as unhandled meanwhile
        ahead.push(p);
        if (ahead.length >= depth) await writeNext();
      }
    }
    while (ahead.length) await writeNext();
  }

  private async readFile(it: FrontierItem, s: Src): Promise<() => void> {
    this.frontier.start(it.id);
    const outcome = await readDocument(it.uri, this.options.baseDir, s.name);
    if (!outcome.ok) return () => this.fail(it, s, outcome.uri, outcome.error);
    s.counts.fetched++;
    return this.prepare(outcome.doc, it, s);
  }

  /** Web pages of one source, a bounded number at a time (the fetcher's politeness decides when each goes). */
  private async processPages(s: Src): Promise<void> {
    const items = this.frontier.iterate(this.crawlId, s.name);
    const lane = async () => {
      for (let r = items.next(); !r.done && !this.aborted; r = items.next()) await this.processPage(r.value, s);
    };
    await Promise.all(Array.from({ length: this.config.fetch.concurrency }, lane));
  }

  private async processPage(it: FrontierItem, s: Src): Promise<void> {
    if (this.aborted) return;
    const fetcher = this.net!.fetcher;
    const cached = this.frontier.cacheGet(it.uri);
    // Validators are worth sending only while what they stand for is still here.
    const usable = cached && (cached.articleId !== undefined || cached.outcome === 'skipped') && (cached.etag || cached.lastModified);
    const headers = usable ? conditionalHeaders(cached) : {};
    let res: HttpResponse;
    try {
      res = await fetcher.get(it.requestUrl, { headers, onAttempt: () => this.frontier.start(it.id) });
    } catch (e) {
      if (e instanceof Interrupted) {
        this.frontier.reset(it.id);
        return;
      }
      if (!(e instanceof SolieuError) || e.action === 'stop') throw e;
      if (e.code === 'E_ROBOTS') this.skip(it, s, e);
      else this.fail(it, s, it.uri, e);
      return;
    }
    if (res.status === 304) {
      if (!usable) {
        this.fail(it, s, it.uri, new SolieuError(`${it.uri}: 304 Not Modified to an unconditional request`, 'E_HTTP_304', 'skip'));
        return;
      }
      s.counts.notModified++;
      if (cached.outcome === 'skipped') {
        this.skip(it, s, new SolieuError(`${it.uri}: skipped before and not modified since`, 'E_NOT_MODIFIED_SKIPPED', 'skip'));
        return;
      }
      this.counts.articlesUnchanged++;
      this.batch.write(() => {
        this.store.recordItem(this.runId, s.name, it.uri, 'not_modified', cached.articleId);
        this.frontier.finish(it.id, 'done', 'not_modified');
      });
      this.emit({ type: 'article', source: s.name, uri: it.uri, outcome: 'not_modified' });
      return;
    }
    s.counts.fetched++;
    // Extraction is CPU work on this thread: let other responses be read first, so a burst of
    // finished downloads does not hold the event loop until their neighbours' deadlines pass.
    await new Promise((r) => setImmediate(r));
    const uri = tryNormalizeUrl(res.url) ?? res.url;
    let doc: FetchedDocument;
    try {
      doc = toDocument(res, uri, s.name);
    } catch (e) {
      if (!(e instanceof SolieuError)) throw e;
      this.fail(it, s, it.uri, e);
      return;
    }
    (await this.prepare(doc, it, s))();
  }

  /**
   * The part of a document that needs no database writes: is it unchanged, and if not its
   * extraction (on a worker thread when there are workers). Returns the writes, to run in order.
   */
  private async prepare(doc: FetchedDocument, it: FrontierItem, s: Src): Promise<() => void> {
    const contentHash = sha256(doc.raw ?? doc.body);
    const existing = this.store.findArticle(doc.uri);
    if (existing && existing.contentHash === contentHash) {
      return () => this.batch.write(() => {
        this.counts.articlesUnchanged++;
        s.counts.unchanged++;
        this.store.recordItem(this.runId, s.name, doc.uri, 'unchanged', existing.id);
        this.frontier.finish(it.id, 'done', 'unchanged');
        this.cache(doc, it, s, existing.id, 'stored');
        this.emit({ type: 'article', source: s.name, uri: doc.uri, outcome: 'unchanged' });
      });
    }
    let prepared: PreparedArticle;
    try {
      prepared = await this.extractor!.extract(doc);
    } catch (e) {
      if (e instanceof SolieuError && e.action === 'stop') throw e;
      const err = e as SolieuError;
      return () => this.fail(it, s, doc.uri, new SolieuError(err.message, err.code ?? 'E_EXTRACT', 'skip'));
    }
    return () => this.batch.write(() => this.handleDocument(doc, it, s, contentHash, prepared));
  }

  private cache(doc: FetchedDocument, it: FrontierItem, s: Src, articleId: number | undefined, outcome: 'stored' | 'duplicate' | 'skipped'): void {
    if (s.config.kind === 'files') return;
    this.frontier.cachePut({ url: it.uri, status: doc.httpStatus ?? 200, etag: doc.etag, lastModified: doc.lastModified, articleId, outcome, fetchedAt: doc.fetchedAt });
  }

  /** Dedupe and store one extracted document; records the outcome (all in the caller's transaction). */
  private handleDocument(doc: FetchedDocument, it: FrontierItem, s: Src, contentHash: string, prepared: PreparedArticle): void {
    const web = s.config.kind !== 'files';
    const cache = (articleId: number | undefined, outcome: 'stored' | 'duplicate' | 'skipped') => this.cache(doc, it, s, articleId, outcome);
    const { processed, textHash, rawGzip, extractionHash } = prepared;
    // since: a feed or sitemap date was checked at discovery; an undated page is judged by its own date.
    const published = processed.content.publishedAt ? Date.parse(processed.content.publishedAt) : NaN;
    if (s.cutoff && !it.listedAt && published < s.cutoff.getTime()) {
      this.skip(it, s, new SolieuError(`${doc.uri}: published ${processed.content.publishedAt}, before since`, 'E_SINCE', 'skip'));
      cache(undefined, 'skipped');
      return;
    }
    const canonicalUrl = tryNormalizeUrl(processed.content.canonicalUrl);
    const dup = this.frontier.findDuplicate(doc.uri, textHash, canonicalUrl, processed.content.title);
    if (dup !== undefined) {
      s.counts.duplicate++;
      // Whichever copy came first, the stored article ends up as the canonical page: when this page is
      // its own canonical and the stored copy is not, the stored row moves to this URI and content.
      const other = this.frontier.articleRef(dup);
      const promote = web && canonicalUrl === doc.uri && other !== undefined && other.canonicalUrl !== other.uri;
      if (promote) {
        this.frontier.moveArticle(dup, doc.uri);
        this.store.saveArticle({
          ...processed, content: { ...processed.content, canonicalUrl }, format: doc.format, raw: doc.raw ?? doc.body, rawGzip, extractionHash, contentHash,
          textHash, fetchedAt: doc.fetchedAt, etag: doc.etag, lastModified: doc.lastModified, contentType: doc.contentType,
        }, s.sourceId);
        this.record?.replace(other.uri, { uri: doc.uri, canonicalUrl, textHash, figures: processed.figures.length }, processed.figures);
      }
      this.store.recordItem(this.runId, s.name, doc.uri, 'duplicate', dup);
      this.frontier.finish(it.id, 'done', 'duplicate');
      cache(dup, promote ? 'stored' : 'duplicate');
      this.emit({ type: 'article', source: s.name, uri: doc.uri, outcome: 'duplicate' });
      return;
    }
    const { outcome: saved, articleId } = this.store.saveArticle({
      ...processed, content: { ...processed.content, canonicalUrl }, format: doc.format, raw: doc.raw ?? doc.body, rawGzip, extractionHash, contentHash,
      textHash, fetchedAt: doc.fetchedAt, etag: doc.etag, lastModified: doc.lastModified, contentType: doc.contentType,
    }, s.sourceId);
    if (saved === 'new') { this.counts.articlesNew++; s.counts.new++; }
    else if (saved === 'updated') { this.counts.articlesUpdated++; s.counts.updated++; }
    else { this.counts.articlesUnchanged++; s.counts.unchanged++; }
    if (saved !== 'unchanged') {
      this.counts.figures += processed.figures.length;
      this.counts.entities += processed.entities.length;
      this.record?.article({ uri: doc.uri, canonicalUrl, textHash, figures: processed.figures.length }, processed.figures);
    }
    this.store.recordItem(this.runId, s.name, doc.uri, saved, articleId);
    this.frontier.finish(it.id, 'done', saved);
    cache(articleId, 'stored');
    this.emit({ type: 'article', source: s.name, uri: doc.uri, outcome: saved, figures: processed.figures.length });
  }

  private countFailure(s: Src, err: RunError): void {
    this.counts.articlesFailed++;
    s.counts.failed++;
    s.counts.reasons.failed[err.code] = (s.counts.reasons.failed[err.code] ?? 0) + 1;
    this.errors.push(err);
  }

  private fail(it: FrontierItem, s: Src, uri: string, e: SolieuError): void {
    const err = { uri, code: e.code, message: e.message };
    this.countFailure(s, err);
    this.batch.write(() => {
      this.store.recordItem(this.runId, s.name, uri, 'failed', undefined, err);
      this.frontier.finish(it.id, 'failed', undefined, err);
    });
    this.emit({ type: 'article', source: s.name, uri, outcome: 'failed', error: err });
  }

  /** Not an error: robots.txt said no, or the page is older than `since`. No run_items row (there is no such outcome). */
  private skip(it: FrontierItem, s: Src, e: SolieuError): void {
    s.counts.skipped++;
    s.counts.reasons.skipped[e.code] = (s.counts.reasons.skipped[e.code] ?? 0) + 1;
    this.frontier.finish(it.id, 'done', 'skipped', { code: e.code, message: e.message });
    this.emit({ type: 'article', source: s.name, uri: it.uri, outcome: 'skipped', error: { uri: it.uri, code: e.code, message: e.message } });
  }
}
