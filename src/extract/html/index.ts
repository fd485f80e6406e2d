// Article extraction from news pages and text files. Pure: no I/O.
export { cleanHtml, stripSiteSuffix, MAX_HTML_CHARS } from './article.js';
export { cleanText, parseBreadcrumb } from './text-article.js';
export { decodeHtml, sniffCharset, normalizeCharset, charsetFromContentType, charsetFromMeta, type CharsetGuess } from './charset.js';
export { parseVietnameseDate, normalizeIsoDate, dateFromUrl, isDateLine } from './dates.js';
export { readMetadata, type PageMetadata } from './metadata.js';
export { findProfile, PROFILES } from './profiles.js';
export { findByDensity, findBySelectors, BODY_SELECTORS } from './density.js';
export { paragraphMass } from './mass.js';
export { parseByline, cleanAuthor } from './byline.js';
export { parseHtml, MAX_DEPTH, MAX_ELEMENTS } from './dom.js';
export { PageError, type PageErrorCode } from './errors.js';
export type { CleanedArticle, ImageRef, SiteProfile } from './types.js';
