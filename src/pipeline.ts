// Wires the stages: fetch -> extract -> normalize -> store. No printing, no exiting:
// progress is reported through `onEvent`, results through the returned summary.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Config, SourceConfig } from './config.js';
import { SolieuError } from './errors.js';
import { expandPaths, readDocument, type FetchOutcome } from './fetch/files.js';
import { processDocument } from './process.js';
import { openStore, type RunCounts, type RunError, type Store } from './store/index.js';
import type { ProcessedArticle } from './types.js';

export type IngestEvent =
  | { type: 'source'; source: string; total: number }
  | { type: 'article'; source: string; uri: string; outcome: 'new' | 'updated' | 'unchanged' | 'duplicate' | 'failed'; figures?: number; error?: RunError };

export interface IngestOptions {
  /** Directory that relative paths in the config are resolved against. */
  baseDir: string;
  dbPath?: string;
  onEvent?: (e: IngestEvent) => void;
  signal?: AbortSignal;
}

export interface IngestSummary extends RunCounts {
  runId: number;
  dbPath: string;
  elapsedMs: number;
  errors: RunError[];
  status: 'ok' | 'partial' | 'failed' | 'interrupted';
}

const sha256 = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

export async function runIngest(config: Config, options: IngestOptions): Promise<IngestSummary> {
  const t0 = performance.now();
  const dbPath = resolve(options.baseDir, options.dbPath ?? config.store.path);
  const store = openStore(dbPath);
  const counts: RunCounts = { articlesNew: 0, articlesUpdated: 0, articlesUnchanged: 0, articlesFailed: 0, figures: 0, entities: 0 };
  const errors: RunError[] = [];
  const runId = store.beginRun('ingest');
  let status: IngestSummary['status'] = 'ok';
  try {
    for (const [i, source] of config.sources.entries()) {
      const name = source.name ?? `${source.kind}-${i + 1}`;
      const sourceId = store.sourceId(name, source.kind, source);
      for await (const outcome of discover(source, name, options)) {
        if (options.signal?.aborted) { status = 'interrupted'; break; }
        handle(store, runId, sourceId, name, outcome, counts, errors, options.onEvent);
      }
      if (status === 'interrupted') break;
    }
  } catch (e) {
    status = 'failed';
    errors.push({ uri: '(run)', code: (e as SolieuError).code ?? 'E_INTERNAL', message: (e as Error).message });
    store.finishRun(runId, status, counts, errors);
    store.close();
    throw e;
  }
  if (status === 'ok' && counts.articlesFailed > 0) status = 'partial';
  store.finishRun(runId, status, counts, errors);
  store.close();
  return { ...counts, runId, dbPath, elapsedMs: performance.now() - t0, errors, status };
}

function handle(store: Store, runId: number, sourceId: number, source: string, outcome: FetchOutcome, counts: RunCounts,
  errors: RunError[], onEvent?: (e: IngestEvent) => void): void {
  if (!outcome.ok) {
    fail(outcome.uri, outcome.error.code, outcome.error.message);
    return;
  }
  const doc = outcome.doc;
  const contentHash = sha256(doc.raw ?? doc.body);
  const existing = store.findArticle(doc.uri);
  if (existing && existing.contentHash === contentHash) {
    counts.articlesUnchanged++;
    store.recordItem(runId, source, doc.uri, 'unchanged', existing.id);
    onEvent?.({ type: 'article', source, uri: doc.uri, outcome: 'unchanged' });
    return;
  }
  let processed: ProcessedArticle;
  try {
    processed = processDocument(doc);
    if (!processed.content.text.trim()) throw new SolieuError(`${doc.uri}: no article text found`, 'E_NO_TEXT', 'skip');
  } catch (e) {
    const err = e as SolieuError;
    fail(doc.uri, err.code ?? 'E_EXTRACT', err.message);
    return;
  }
  const textHash = sha256(processed.content.text);
  const { outcome: saved, articleId } = store.saveArticle({
    ...processed, format: doc.format, raw: doc.raw ?? doc.body, contentHash, textHash, fetchedAt: doc.fetchedAt,
    etag: doc.etag, lastModified: doc.lastModified,
  }, sourceId);
  if (saved === 'new') counts.articlesNew++;
  else if (saved === 'updated') counts.articlesUpdated++;
  else counts.articlesUnchanged++;
  counts.figures += saved === 'unchanged' ? 0 : processed.figures.length;
  counts.entities += saved === 'unchanged' ? 0 : processed.entities.length;
  store.recordItem(runId, source, doc.uri, saved, articleId);
  onEvent?.({ type: 'article', source, uri: doc.uri, outcome: saved, figures: processed.figures.length });

  function fail(uri: string, code: string, message: string) {
    counts.articlesFailed++;
    const err = { uri, code, message };
    errors.push(err);
    store.recordItem(runId, source, uri, 'failed', undefined, { code, message });
    onEvent?.({ type: 'article', source, uri, outcome: 'failed', error: err });
  }
}

async function* discover(source: SourceConfig, name: string, options: IngestOptions): AsyncGenerator<FetchOutcome> {
  if (source.kind === 'files') {
    const paths = await expandPaths(source.paths, options.baseDir);
    const limited = source.maxArticles ? paths.slice(0, source.maxArticles) : paths;
    options.onEvent?.({ type: 'source', source: name, total: limited.length });
    for (const p of limited) yield await readDocument(p, options.baseDir, name);
    return;
  }
  throw new SolieuError(`source "${name}": kind "${source.kind}" is not supported yet`, 'E_SOURCE_KIND', 'stop');
}

