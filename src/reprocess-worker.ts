// The CPU half of `solieu reprocess`: stored raw page in, records out (gunzip, decode, extract).
// It runs in worker threads; the main thread owns the database and does every write, since
// SQLite takes one writer at a time anyway.
import { parentPort } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { SolieuError } from './errors.js';
import { decodeHtml } from './extract/html/index.js';
import { decodeText } from './fetch/decode.js';
import { extractionHash, processDocument, sha256 } from './process.js';
import type { EntityMention, FigureRecord, FigureRelation } from './types.js';

/** The article columns that come from extraction (as Store.saveArticle writes them). */
export interface ContentColumns {
  title: string | null;
  lead: string | null;
  text: string;
  text_hash: string;
  section: string | null;
  author: string | null;
  tags_json: string;
  published_at: string | null;
  modified_at: string | null;
}

export interface ReprocessTask {
  id: number;
  uri: string;
  source: string;
  format: 'html' | 'text';
  /** articles.raw_page: gzip bytes. */
  raw: Uint8Array | null;
  /** articles.content_type: the page's charset as its server declared it. */
  contentType?: string;
  /** The stored content columns, without the text (its hash stands for it). */
  stored: Omit<ContentColumns, 'text'>;
  /** articles.extraction_hash; unset to rewrite the records whatever they are (reprocess --force). */
  storedHash?: string;
}

export type ReprocessResult =
  | { id: number; ok: true; figures: FigureRecord[]; relations: FigureRelation[]; entities: EntityMention[]; extractionHash: string;
    /** Set only when the extracted content differs from the stored row, so unchanged text is not sent back. */
    content?: ContentColumns }
  /** Re-extraction gave the stored text and records again: nothing to write. */
  | { id: number; ok: true; identical: true }
  | { id: number; ok: false; code: string; message: string };

const CONTENT_KEYS = ['title', 'lead', 'text_hash', 'section', 'author', 'tags_json', 'published_at', 'modified_at'] as const;

/** Re-extracts one stored article. Never throws: a failure is a result. */
export function reprocessOne(task: ReprocessTask): ReprocessResult {
  try {
    if (!task.raw || task.raw.length === 0) {
      throw new SolieuError(`${task.uri}: no stored raw page; ingest it again`, 'E_NO_RAW', 'skip');
    }
    const bytes = gunzipSync(task.raw);
    // As ingest decodes: text files as UTF-8 (refusing binary), pages with the charset their header gave or sniffed.
    const body = task.format === 'text' ? decodeText(bytes, task.uri, 'text') : decodeHtml(bytes, task.contentType);
    const p = processDocument({ uri: task.uri, source: task.source, format: task.format, body });
    if (!p.content.text.trim()) throw new SolieuError(`${task.uri}: no article text found`, 'E_NO_TEXT', 'skip');
    const c = p.content;
    const columns: ContentColumns = {
      title: c.title ?? null, lead: c.lead ?? null, text: c.text,
      text_hash: sha256(c.text),
      section: c.section ?? null, author: c.author ?? null, tags_json: JSON.stringify(c.tags ?? []),
      published_at: c.publishedAt ?? null, modified_at: c.modifiedAt ?? null,
    };
    const changed = CONTENT_KEYS.some((k) => columns[k] !== task.stored[k]);
    const hash = extractionHash(p);
    if (!changed && hash === task.storedHash) return { id: task.id, ok: true, identical: true };
    return { id: task.id, ok: true, figures: p.figures, relations: p.relations, entities: p.entities, extractionHash: hash, content: changed ? columns : undefined };
  } catch (e) {
    const err = e as Partial<SolieuError>;
    return { id: task.id, ok: false, code: err.code ?? 'E_EXTRACT', message: err.message ?? String(e) };
  }
}

// In a worker: each message is a chunk of tasks; the answer carries the chunk's sequence number.
parentPort?.on('message', (msg: { seq: number; tasks: ReprocessTask[] }) => {
  parentPort!.postMessage({ seq: msg.seq, results: msg.tasks.map(reprocessOne) });
});
