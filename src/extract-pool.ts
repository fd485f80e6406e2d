// Extraction for ingest, on this thread or on worker threads. The main thread reads, dedupes and
// writes (SQLite takes one writer at a time); the workers do the CPU work (cleaning, figures,
// entities, hashing, compressing the raw page). Each document's result is a promise, so callers
// keep whatever order they need.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SolieuError } from './errors.js';
import { prepareArticle, type DocumentInput, type PreparedArticle } from './process.js';

export interface Extractor {
  /** Worker threads in use (0: extraction runs on the calling thread). */
  readonly workers: number;
  extract(doc: DocumentInput): Promise<PreparedArticle>;
  close(): Promise<void>;
}

/** Workers that die are replaced up to this many times per run; past that the run stops. */
const MAX_RESTARTS = 8;
/**
 * A small young generation per worker: extraction makes short-lived garbage, which a small nursery
 * collects as well, and V8's default nursery (up to 48 MB) made each worker ~25 MB bigger (measured:
 * peak RSS of a 1 000-article ingest with 2 workers 277 MB at the default, 228 MB at 8 MB, same speed).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8 };
/** Below this many documents a pool is not worth its start-up (each worker loads solieu: ~0.2 s). */
export const POOL_MIN_DOCUMENTS = 64;

/**
 * How many workers a run of `documents` documents gets: `requested` when given (0 = this thread),
 * else one per core but one when the run is large enough: the calling thread does every write and needs
 * a core of its own (2 cores, 5 000 articles: 179 articles/s with 1 worker, 149 with 2, 108 with none).
 * Source files (.ts, under the test runner) cannot
 * start worker threads, so they always run inline unless asked.
 */
export function workerCount(requested: number | undefined, documents: number): number {
  if (requested !== undefined) return requested;
  if (import.meta.url.endsWith('.ts') || documents < POOL_MIN_DOCUMENTS) return 0;
  const cores = availableParallelism();
  return cores > 1 ? Math.min(cores - 1, 8) : 0;
}

export function createExtractor(workers: number): Extractor {
  return workers > 0 ? new ExtractPool(workers) : { workers: 0, extract: async (doc) => prepareArticle(doc), close: async () => {} };
}

type Reply = { id: number; ok: true; result: PreparedArticle } | { id: number; ok: false; code: string; message: string; action: SolieuError['action'] };

interface Waiting {
  uri: string;
  resolve: (r: PreparedArticle) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  waiting: Map<number, Waiting>;
}

class ExtractPool implements Extractor {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private restarts = 0;
  private closed = false;
  private broken?: SolieuError;
  private readonly url = new URL(`./extract-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

  constructor(readonly workers: number) {
    for (let i = 0; i < workers; i++) this.slots.push(this.spawn());
  }

  extract(doc: DocumentInput): Promise<PreparedArticle> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.closed) return Promise.reject(new SolieuError('extraction pool is closed', 'E_POOL_CLOSED', 'stop'));
    // The least busy worker: documents differ in size, so round robin would queue behind a big one.
    const slot = this.slots.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.waiting.set(id, { uri: doc.uri, resolve, reject });
      const { uri, source, format, body, raw } = doc;
      slot.worker.postMessage({ id, doc: { uri, source, format, body, raw } });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.url, { resourceLimits: WORKER_LIMITS }), waiting: new Map() };
    slot.worker.on('message', (msg: Reply) => {
      const w = slot.waiting.get(msg.id);
      if (!w) return;
      slot.waiting.delete(msg.id);
      if (msg.ok) w.resolve(revive(msg.result));
      else w.reject(new SolieuError(msg.message, msg.code, msg.action));
    });
    // A worker that dies fails the documents it held (skip: the rest of the run goes on) and is replaced.
    const lost = (reason: string) => {
      if (this.closed || !this.slots.includes(slot)) return;
      for (const w of slot.waiting.values()) w.reject(new SolieuError(`${w.uri}: extraction worker died: ${reason}`, 'E_WORKER', 'skip'));
      slot.waiting.clear();
      if (++this.restarts > MAX_RESTARTS) {
        this.broken = new SolieuError(`extraction workers keep dying (last: ${reason})`, 'E_WORKER', 'stop');
        return;
      }
      this.slots.splice(this.slots.indexOf(slot), 1, this.spawn());
    };
    slot.worker.on('error', (e) => lost(e.message));
    slot.worker.on('exit', (code) => lost(`exit code ${code}`));
    return slot;
  }
}

/** Buffers cross threads as plain Uint8Arrays: make the compressed page a Buffer again. */
function revive(r: PreparedArticle): PreparedArticle {
  const g = r.rawGzip as Uint8Array;
  return Buffer.isBuffer(g) ? r : { ...r, rawGzip: Buffer.from(g.buffer, g.byteOffset, g.byteLength) };
}
