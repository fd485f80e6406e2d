// solieu reprocess: re-extract every stored article from its stored raw page, without fetching.
// With N > 1 workers, N worker threads do the CPU work (gunzip + processDocument) while this thread
// reads the articles in id order, a page at a time, and writes the results back in the same order,
// a batch per transaction. With 1 worker everything runs on this thread: one core, no threads.
// Writing in id order makes the database the same whatever the number of workers.
import { availableParallelism } from 'node:os';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { openStore, type RunCounts, type RunError, type Store } from './store/index.js';
import { reprocessOne, type ReprocessResult, type ReprocessTask } from './reprocess-worker.js';

export interface ReprocessOptions {
  /** Threads doing the extraction; default os.availableParallelism(). 1 runs on the calling thread. */
  workers?: number;
  /** Rewrite every article's records, even when re-extraction gives the stored ones again. */
  force?: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface ReprocessSummary {
  runId: number;
  dbPath: string;
  status: 'ok' | 'partial' | 'failed' | 'interrupted';
  workers: number;
  /** Articles in the database when the run started. */
  articles: number;
  reprocessed: number;
  /** Of those, articles whose text and records came out the same as stored: left as they were. */
  identical: number;
  failed: number;
  /** Articles whose text or metadata came out different (the article row was updated too). */
  contentChanged: number;
  /** Articles an ingest run replaced while they were being reprocessed: left as that run stored them. */
  skipped: number;
  figuresBefore: number;
  figuresAfter: number;
  elapsedMs: number;
  errors: RunError[];
}

interface Chunk {
  seq: number;
  tasks: Array<Pick<ReprocessTask, 'id' | 'uri' | 'source'> & { contentHash: string }>;
  results?: ReprocessResult[];
}

interface RunOptions {
  total: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** The next chunk of articles in id order; undefined at the end. */
  next: () => { chunk: Chunk; tasks: ReprocessTask[] } | undefined;
  write: (chunks: Chunk[]) => void;
}

type ArticleRow = Omit<ReprocessTask, 'stored' | 'contentType' | 'storedHash'> & ReprocessTask['stored'] &
  { content_hash: string; content_type: string | null; extraction_hash: string | null };

/** Outstanding chunks per worker: one being worked on, one queued, so a worker never idles. */
const PER_WORKER = 2;
/** Workers that die are replaced, up to this many times per run (a worker that cannot even start would loop). */
const MAX_RESTARTS = 8;

export async function reprocessDatabase(dbPath: string, options: ReprocessOptions = {}): Promise<ReprocessSummary> {
  const t0 = performance.now();
  const store = openStore(dbPath);
  const one = (sql: string) => store.db.prepare(sql).pluck().get() as number;
  const total = one('SELECT COUNT(*) FROM articles');
  const figuresBefore = one('SELECT COUNT(*) FROM figures');
  const wanted = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const workers = Math.max(1, Math.min(wanted, total));
  // Small chunks for small databases (so every worker gets some), up to 32 articles per message.
  const chunkSize = Math.max(1, Math.min(32, Math.ceil(total / (workers * 4))));
  const runId = store.beginRun('reprocess');
  const counts: RunCounts = { articlesNew: 0, articlesUpdated: 0, articlesUnchanged: 0, articlesFailed: 0, figures: 0, entities: 0 };
  const errors: RunError[] = [];
  let contentChanged = 0;
  let identical = 0;
  let status: ReprocessSummary['status'] = 'ok';
  try {
    const o: RunOptions = {
      total, signal: options.signal, onProgress: options.onProgress, next: pageReader(store, chunkSize, options.force ?? false),
      write: batchWriter(store, runId, counts, errors, () => contentChanged++, () => identical++),
    };
    if (total > 0) await (workers === 1 ? runInline(o) : runPool(o, workers));
    if (options.signal?.aborted) status = 'interrupted';
    else if (counts.articlesFailed > 0) status = 'partial';
  } catch (e) {
    errors.push({ uri: '(run)', code: (e as { code?: string }).code ?? 'E_INTERNAL', message: (e as Error).message });
    store.finishRun(runId, 'failed', counts, errors);
    store.close();
    throw e;
  }
  store.finishRun(runId, status, counts, errors);
  const figuresAfter = one('SELECT COUNT(*) FROM figures');
  store.close();
  return {
    runId, dbPath, status, workers, articles: total, reprocessed: counts.articlesUpdated, identical, failed: counts.articlesFailed,
    contentChanged, skipped: counts.articlesUnchanged, figuresBefore, figuresAfter, elapsedMs: performance.now() - t0, errors,
  };
}

/** Reads the articles a chunk at a time (keyset pages: no statement stays open across the writes). */
function pageReader(store: Store, chunkSize: number, force: boolean): RunOptions['next'] {
  const page = store.db.prepare(`SELECT a.id, a.uri, COALESCE(s.name, 'reprocess') AS source, a.raw_format AS format,
    a.raw_page AS raw, a.content_type, a.extraction_hash, a.content_hash, a.title, a.lead, a.text_hash, a.section, a.author, a.tags_json, a.published_at, a.modified_at
    FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id > ? ORDER BY a.id LIMIT ?`);
  let lastId = 0;
  let seq = 0;
  return () => {
    const rows = page.all(lastId, chunkSize) as ArticleRow[];
    if (!rows.length) return undefined;
    lastId = rows[rows.length - 1].id;
    const tasks: ReprocessTask[] = rows.map((r) => ({
      id: r.id, uri: r.uri, source: r.source, format: r.format, raw: r.raw, contentType: r.content_type ?? undefined,
      storedHash: force ? undefined : r.extraction_hash ?? undefined,
      stored: { title: r.title, lead: r.lead, text_hash: r.text_hash, section: r.section, author: r.author,
        tags_json: r.tags_json, published_at: r.published_at, modified_at: r.modified_at },
    }));
    const chunk: Chunk = { seq: seq++, tasks: rows.map((r) => ({ id: r.id, uri: r.uri, source: r.source, contentHash: r.content_hash })) };
    return { chunk, tasks };
  };
}

/** Writes a run of chunks in one transaction; each article in its own savepoint, so one bad write fails only it. */
function batchWriter(store: Store, runId: number, counts: RunCounts, errors: RunError[], onContent: () => void, onIdentical: () => void): RunOptions['write'] {
  const db = store.db;
  const updateContent = db.prepare(`UPDATE articles SET title = ?, lead = ?, text = ?, text_hash = ?, section = ?, author = ?,
    tags_json = ?, published_at = ?, modified_at = ? WHERE id = ?`);
  const contentHash = db.prepare('SELECT content_hash FROM articles WHERE id = ?').pluck();
  const article = db.transaction((r: Extract<ReprocessResult, { ok: true; extractionHash: string }>) => {
    // Figure offsets point into articles.text: when the text changed, the row must change with them.
    const c = r.content;
    if (c) updateContent.run(c.title, c.lead, c.text, c.text_hash, c.section, c.author, c.tags_json, c.published_at, c.modified_at, r.id);
    store.replaceExtraction(r.id, r.figures, r.relations, r.entities, r.extractionHash);
  });
  const fail = (t: Chunk['tasks'][number], code: string, message: string) => {
    counts.articlesFailed++;
    errors.push({ uri: t.uri, code, message });
    store.recordItem(runId, t.source, t.uri, 'failed', t.id, { code, message });
  };
  return db.transaction((chunks: Chunk[]) => {
    for (const chunk of chunks) {
      chunk.tasks.forEach((t, i) => {
        const r = chunk.results![i];
        // An ingest run may have stored a new version (or deleted it) since it was read: its records are newer than ours.
        const current = contentHash.get(t.id);
        if (current !== t.contentHash) {
          counts.articlesUnchanged++;
          store.recordItem(runId, t.source, t.uri, 'unchanged', current === undefined ? undefined : t.id);
          return;
        }
        if (!r.ok) return fail(t, r.code, r.message);
        if ('identical' in r) {
          // The same text and records: rewriting them would only churn the indexes and the WAL.
          onIdentical();
          counts.articlesUpdated++;
          store.recordItem(runId, t.source, t.uri, 'unchanged', t.id);
          return;
        }
        try {
          article(r);
        } catch (e) {
          return fail(t, (e as { code?: string }).code ?? 'E_STORE', (e as Error).message);
        }
        if (r.content) onContent();
        counts.articlesUpdated++;
        counts.figures += r.figures.length;
        counts.entities += r.entities.length;
        store.recordItem(runId, t.source, t.uri, 'updated', t.id);
      });
    }
  });
}

/** One core: extract and write each chunk in turn on this thread. */
async function runInline(o: RunOptions): Promise<void> {
  let done = 0;
  for (let next = o.next(); next && !o.signal?.aborted; next = o.next()) {
    next.chunk.results = next.tasks.map(reprocessOne);
    o.write([next.chunk]);
    done += next.tasks.length;
    o.onProgress?.(done, o.total);
    await yieldToEvents(); // lets SIGINT through
  }
}

interface Slot {
  worker: Worker;
  outstanding: Map<number, Chunk>;
}

/** Feeds chunks to worker threads and writes their results back in order, while the workers go on. */
function runPool(o: RunOptions, workers: number): Promise<void> {
  const workerUrl = new URL(`./reprocess-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  return new Promise<void>((resolve, reject) => {
    const slots: Slot[] = [];
    const done = new Map<number, Chunk>(); // results waiting for an earlier chunk
    let writeSeq = 0;
    let pending = 0; // chunks sent and not yet written
    let written = 0;
    let exhausted = false;
    let finished = false;
    let restarts = 0;

    const finish = (e?: unknown) => {
      if (finished) return;
      finished = true;
      for (const s of slots) void s.worker.terminate();
      if (e) reject(e);
      else resolve();
    };

    const spawn = (): Slot => {
      const slot: Slot = { worker: new Worker(workerUrl), outstanding: new Map() };
      slot.worker.on('message', (msg: { seq: number; results: ReprocessResult[] }) => {
        const chunk = slot.outstanding.get(msg.seq);
        if (!chunk) return;
        slot.outstanding.delete(msg.seq);
        chunk.results = msg.results;
        arrived(chunk);
      });
      // A worker that dies fails the articles it held; a fresh one takes its place.
      const lost = (reason: string) => {
        if (finished || !slots.includes(slot)) return;
        if (++restarts > MAX_RESTARTS) {
          finish(new Error(`reprocess workers keep dying (last: ${reason})`));
          return;
        }
        slots.splice(slots.indexOf(slot), 1, spawn());
        for (const chunk of slot.outstanding.values()) {
          chunk.results = chunk.tasks.map((t) => ({ id: t.id, ok: false as const, code: 'E_WORKER', message: `${t.uri}: worker died: ${reason}` }));
          arrived(chunk);
        }
        slot.outstanding.clear();
      };
      slot.worker.on('error', (e) => lost(e.message));
      slot.worker.on('exit', (code) => lost(`exit code ${code}`));
      return slot;
    };

    const arrived = (chunk: Chunk) => {
      done.set(chunk.seq, chunk);
      const ready: Chunk[] = [];
      for (let c = done.get(writeSeq); c; c = done.get(writeSeq)) {
        done.delete(writeSeq++);
        ready.push(c);
      }
      if (!ready.length) return;
      pending -= ready.length;
      // Refill before writing, so the workers have their next chunk while this thread writes.
      fill();
      try {
        o.write(ready);
      } catch (e) {
        finish(e);
        return;
      }
      for (const c of ready) written += c.tasks.length;
      o.onProgress?.(written, o.total);
      if (pending === 0 && (exhausted || o.signal?.aborted)) finish();
    };

    const fill = () => {
      // The bound on pending also bounds `done`: a slow chunk holds back at most workers * PER_WORKER others.
      while (!exhausted && !o.signal?.aborted && pending < workers * PER_WORKER) {
        const slot = slots.reduce((a, b) => (b.outstanding.size < a.outstanding.size ? b : a));
        if (slot.outstanding.size >= PER_WORKER) break;
        const next = o.next();
        if (!next) {
          exhausted = true;
          break;
        }
        slot.outstanding.set(next.chunk.seq, next.chunk);
        pending++;
        slot.worker.postMessage({ seq: next.chunk.seq, tasks: next.tasks });
      }
    };

    try {
      for (let i = 0; i < workers; i++) slots.push(spawn());
      fill();
    } catch (e) {
      finish(e);
    }
  });
}
