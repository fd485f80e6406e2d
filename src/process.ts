// Extract + normalize for one document: the pure part of the pipeline (no I/O).
// ingest, extract, replay and reprocess all go through processDocument, so they agree.
import { extractArticle } from './extract/article.js';
import { extractEntities } from './extract/entities/index.js';
import { findFigures } from './extract/figures.js';
import { normalizeFigures } from './normalize/index.js';
import type { ArticleContent, EntityMention, FetchedDocument, FigureRecord, FigureRelation, ProcessedArticle } from './types.js';

/** Extract + normalize one document. */
export function processDocument(doc: Pick<FetchedDocument, 'uri' | 'format' | 'body' | 'source'>): ProcessedArticle {
  const { cleaned, ...content } = extractArticle(doc);
  void cleaned;
  const { figures, relations } = figuresOf(content);
  return { uri: doc.uri, source: doc.source, content, figures, relations, entities: entitiesOf(content) };
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
