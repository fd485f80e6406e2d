// The article stage: a fetched document -> the article's text and metadata.
// HTML goes through cleanHtml; plain text through cleanText (byline, tags and teasers dropped).
import type { ArticleContent, FetchedDocument } from '../types.js';
import { cleanHtml, cleanText, type CleanedArticle } from './html/index.js';

export function extractArticle(doc: Pick<FetchedDocument, 'uri' | 'format' | 'body'>): ArticleContent & { cleaned: CleanedArticle } {
  const url = /^https?:\/\//i.test(doc.uri) ? doc.uri : undefined;
  const c = doc.format === 'html' ? cleanHtml(doc.body, url) : cleanText(doc.body);
  // Headlines state figures too (`Phấn đấu giảm tỷ lệ hộ nghèo xuống còn 1,6%`): the text figures are
  // read from, and stored, is the headline followed by the body.
  const text = c.title && !c.text.startsWith(c.title) ? `${c.title}\n\n${c.text}` : c.text;
  return {
    url: c.url ?? url, canonicalUrl: c.canonicalUrl, title: c.title, lead: c.lead, text,
    publishedAt: c.publishedAt, modifiedAt: c.modifiedAt, author: c.author, section: c.section, tags: c.tags,
    language: c.language, siteName: c.siteName, cleaned: c,
  };
}
