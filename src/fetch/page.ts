// An HTTP response to a document for the extract stage: content type checked, charset decoded
// (header, BOM, <meta>, then the bytes themselves, as the HTML extractor does).
import { InputError } from '../errors.js';
import { decodeHtml } from '../extract/html/index.js';
import type { FetchedDocument } from '../types.js';
import { decodeText } from './decode.js';
import type { HttpResponse } from './http.js';

/** Validators to send back on the next request for this URL. */
export function validatorsOf(res: Pick<HttpResponse, 'headers'>): { etag?: string; lastModified?: string } {
  return { etag: res.headers.etag || undefined, lastModified: res.headers['last-modified'] || undefined };
}

/** Conditional request headers from stored validators. */
export function conditionalHeaders(v: { etag?: string; lastModified?: string } | undefined): Record<string, string> {
  const h: Record<string, string> = {};
  if (v?.etag) h['if-none-match'] = v.etag;
  if (v?.lastModified) h['if-modified-since'] = v.lastModified;
  return h;
}

export function toDocument(res: HttpResponse, uri: string, source: string): FetchedDocument {
  const contentType = res.headers['content-type'] ?? '';
  const mime = contentType.split(';')[0].trim().toLowerCase();
  if (mime && !/^(text\/|application\/(xhtml\+xml|xml)$)/.test(mime)) {
    throw new InputError(uri, `not an article page (Content-Type ${mime})`, 'E_CONTENT_TYPE');
  }
  if (res.body.length === 0) throw new InputError(uri, 'empty response body', 'E_EMPTY');
  const format = mime === 'text/plain' ? 'text' : 'html';
  const body = format === 'html' ? decodeHtml(res.body, contentType) : decodeText(res.body, uri, 'text');
  const v = validatorsOf(res);
  return {
    uri, source, format, body, raw: res.body, fetchedAt: new Date().toISOString(), httpStatus: res.status, ...v,
    ...(contentType ? { contentType } : {}),
  };
}
