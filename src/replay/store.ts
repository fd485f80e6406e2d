// A throwaway database that replayed documents go through, exactly as `ingest` stores them
// (processDocument, then saveArticle), and the records read back from it: replay compares what
// the database holds, so a store regression shows up as a diff too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { decodeText } from '../fetch/decode.js';
import { decodeHtml } from '../extract/html/index.js';
import { extractionHash, processDocument, sha256 } from '../process.js';
import { openStore, type Store } from '../store/index.js';
import { RECORD_FIELDS } from './compare.js';
import type { FetchedDocument } from '../types.js';
import type { ExpectedArticle, JsonRecord } from './types.js';

export interface ReplayDocument {
  uri: string;
  format: 'html' | 'text';
  bytes: Buffer;
  /** Content-Type of an HTTP response, for the charset of a page. */
  contentType?: string;
  fetchedAt?: string;
  outlet?: string;
}

export interface StoredArticle {
  articleId: number;
  text: string;
  textHash: string;
  article: ExpectedArticle;
  figures: JsonRecord[];
  entities: JsonRecord[];
}


/** Bytes to text the way ingest does for each format; pages get their charset sniffed. */
export function decodeDocument(doc: Pick<ReplayDocument, 'uri' | 'format' | 'bytes' | 'contentType'>): string {
  if (doc.format === 'text') return decodeText(doc.bytes, doc.uri, 'text');
  if (doc.bytes.length === 0) throw new InputError(doc.uri, 'file is empty', 'E_EMPTY');
  return decodeHtml(doc.bytes, doc.contentType);
}

export class ReplayStore {
  private readonly dir: string;
  readonly store: Store;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'solieu-replay-'));
    this.store = openStore(join(this.dir, 'replay.db'));
  }

  /** Decodes, processes and stores one file's bytes, then reads its records back from the database. */
  ingest(doc: ReplayDocument): StoredArticle {
    const body = decodeDocument(doc);
    return this.ingestDocument({ uri: doc.uri, source: 'replay', format: doc.format, body, raw: doc.bytes,
      fetchedAt: doc.fetchedAt ?? new Date().toISOString() }, doc.outlet);
  }

  /** A fetched document through processDocument and saveArticle, as pipeline.ts handle() does. */
  ingestDocument(doc: FetchedDocument, outlet?: string): StoredArticle {
    const processed = processDocument(doc);
    if (!processed.content.text.trim()) throw new InputError(doc.uri, 'no article text found', 'E_NO_TEXT');
    const textHash = sha256(processed.content.text);
    const { articleId } = this.store.saveArticle({
      ...processed, format: doc.format, raw: doc.raw ?? doc.body, contentHash: sha256(doc.raw ?? doc.body), textHash,
      fetchedAt: doc.fetchedAt, etag: doc.etag, lastModified: doc.lastModified, contentType: doc.contentType, outlet,
      extractionHash: extractionHash(processed),
    });
    return { articleId, textHash, ...this.read(articleId) };
  }

  private read(articleId: number): Omit<StoredArticle, 'articleId' | 'textHash'> {
    const db = this.store.db;
    const a = db.prepare('SELECT title, text, published_at, author, section FROM articles WHERE id = ?').get(articleId) as
      { title: string | null; text: string; published_at: string | null; author: string | null; section: string | null };
    const rows = db.prepare('SELECT * FROM figures WHERE article_id = ? ORDER BY ordinal').all(articleId) as Array<Record<string, unknown>>;
    // A breakdown (`trong đó`) is stored as a relation; the record shows it as `parent`.
    const parents = new Map<number, number>();
    const rel = db.prepare(`SELECT p.ordinal AS parent, c.ordinal AS child FROM figure_relations r
      JOIN figures p ON p.id = r.parent_id JOIN figures c ON c.id = r.child_id
      WHERE c.article_id = ? AND r.kind = 'breakdown'`).all(articleId) as Array<{ parent: number; child: number }>;
    for (const r of rel) if (!parents.has(r.child)) parents.set(r.child, r.parent);
    const figures = rows.map((row) => recordOfRow(row, parents.get(row.ordinal as number)));
    const entities = (db.prepare(`SELECT e.kind, m.text, m.start, m.end, e.canonical FROM entity_mentions m
      JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.start, m.id`).all(articleId) as JsonRecord[]);
    return {
      text: a.text,
      article: { title: a.title, date: a.published_at, author: a.author, section: a.section },
      figures, entities,
    };
  }

  close(): void {
    this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const COLUMN: Record<string, string> = {
  valueMax: 'value_max', suspectReason: 'suspect_reason', sentenceStart: 'sentence_start', sentenceEnd: 'sentence_end',
  rules: 'rules_json',
};

/** A figures row as the figure record `extract --format jsonl` prints, fields in its order. */
function recordOfRow(row: Record<string, unknown>, parent: number | undefined): JsonRecord {
  const out: JsonRecord = {};
  for (const f of RECORD_FIELDS) {
    let v = f === 'parent' ? parent : row[COLUMN[f] ?? f];
    if (f === 'rules') v = JSON.parse(String(v ?? '{}'));
    if (f === 'suspect') v = v === 1 ? true : undefined;
    if (v === null || v === undefined) continue;
    out[f] = v;
  }
  return out;
}
