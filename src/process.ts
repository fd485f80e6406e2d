// Extract + normalize for one document: the pure part of the pipeline (no I/O).
// ingest, extract, replay and reprocess all go through processDocument, so they agree.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { SolieuError } from './errors.js';
import { extractArticle } from './extract/article.js';
import { extractEntities } from './extract/entities/index.js';
import { findFigures } from './extract/figures.js';
import { normalizeFigures } from './normalize/index.js';
import type { ArticleContent, EntityMention, FetchedDocument, FigureRecord, FigureRelation, ProcessedArticle } from './types.js';

export type DocumentInput = Pick<FetchedDocument, 'uri' | 'format' | 'body' | 'source'> & { raw?: Uint8Array };

/** Extract + normalize one document. */
export function processDocument(doc: Pick<FetchedDocument, 'uri' | 'format' | 'body' | 'source'>): ProcessedArticle {
  const { cleaned, ...content } = extractArticle(doc);
  void cleaned;
  const { figures, relations } = figuresOf(content);
  return { uri: doc.uri, source: doc.source, content, figures, relations, entities: entitiesOf(content) };
}

/** What ingest stores for a document, beyond its records: computed with them, on a worker thread when there are workers. */
export interface PreparedArticle {
  processed: ProcessedArticle;
  /** sha256 of the body text: the same article under two URLs. */
  textHash: string;
  /** The raw input (bytes as received, else the body), gzip-compressed, for reprocessing. */
  rawGzip: Buffer;
  /** extractionHash of the records: reprocess leaves the article alone while it stays the same. */
  extractionHash: string;
}

/** Hex sha256: content hashes, text hashes (the same article under two URLs), extraction hashes. */
export const sha256 = (s: string | Uint8Array): string => createHash('sha256').update(s).digest('hex');

/** A digest of what extraction produced for an article: the same records give the same hash. */
export function extractionHash(p: Pick<ProcessedArticle, 'figures' | 'relations' | 'entities'>): string {
  return sha256(JSON.stringify([p.figures, p.relations, p.entities]));
}

/** processDocument, refusing a page with no article text, plus the text hash and the compressed raw page. */
export function prepareArticle(doc: DocumentInput): PreparedArticle {
  const processed = processDocument(doc);
  if (!processed.content.text.trim()) throw new SolieuError(`${doc.uri}: no article text found`, 'E_NO_TEXT', 'skip');
  return {
    processed,
    textHash: sha256(processed.content.text),
    rawGzip: gzipSync(doc.raw ?? Buffer.from(doc.body, 'utf8')),
    extractionHash: extractionHash(processed),
  };
}

/** Figures of an article's text, normalised. */
export function figuresOf(content: Pick<ArticleContent, 'text' | 'title' | 'lead' | 'publishedAt'>): { figures: FigureRecord[]; relations: FigureRelation[] } {
  const raw = findFigures(content.text, { title: content.title, lead: content.lead, publishedAt: content.publishedAt });
  return normalizeFigures(raw, content.text);
}

/** Entity mentions of an article's text; relative dates resolve against its publication date. */
export function entitiesOf(content: Pick<ArticleContent, 'text' | 'publishedAt'>): EntityMention[] {
  return extractEntities(content.text, { publishedAt: content.publishedAt });
}
