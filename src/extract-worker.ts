// The CPU half of ingest, on a worker thread: a fetched document in, its prepared article out
// (see extract-pool.ts). The main thread owns the database.
import { parentPort } from 'node:worker_threads';
import type { SolieuError } from './errors.js';
import { prepareArticle, type DocumentInput } from './process.js';

parentPort?.on('message', (msg: { id: number; doc: DocumentInput }) => {
  try {
    parentPort!.postMessage({ id: msg.id, ok: true, result: prepareArticle(msg.doc) });
  } catch (e) {
    const err = e as Partial<SolieuError>;
    parentPort!.postMessage({ id: msg.id, ok: false, code: err.code ?? 'E_EXTRACT', message: err.message ?? String(e), action: err.action ?? 'skip' });
  }
});
