// The article stage: a fetched document -> the article's text and metadata.
// HTML goes through cleanHtml; plain text through cleanText (byline, tags and teasers dropped).
import type { ArticleContent, FetchedDocument } from '../types.js';
import { nfc } from '../normalize/text.js';

export function extractArticle(doc: Pick<FetchedDocument, 'uri' | 'format' | 'body'>): ArticleContent {
  // Placeholder until the HTML/text cleaners land: the whole text as the body.
  const text = nfc(doc.body);
  return { text, tags: [] };
}
