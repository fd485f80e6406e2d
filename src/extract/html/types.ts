// Shapes shared by the HTML and plain-text article cleaners.

export interface ImageRef {
  src: string;
  caption?: string;
}

/** An article cut out of a page (or a text file), with its metadata. */
export interface CleanedArticle {
  url?: string;
  canonicalUrl?: string;
  title?: string;
  /** The sapo as shown. When it was visible on the page it is also the first paragraph of `text`. */
  lead?: string;
  /** Body: paragraphs separated by a blank line. Figure offsets point into it. */
  text: string;
  paragraphs: string[];
  /** ISO 8601 with an offset (+07:00 unless the page says otherwise). */
  publishedAt?: string;
  modifiedAt?: string;
  author?: string;
  section?: string;
  tags: string[];
  language?: string;
  siteName?: string;
  images: ImageRef[];
  /** Which cascade step found the body: `profile:<name>`, `selector`, `density`, `fallback`, `text`. */
  method?: string;
  /** Things the caller may want to know (input truncated, charset guessed, ...). */
  warnings?: string[];
}

/** A site profile: CSS selectors for one outlet, tried in order. Data, not code (see sites/*.json). */
export interface SiteProfile {
  name: string;
  /** Host names (without `www.`); a page matches when its host equals or ends with `.` + one. */
  hosts: string[];
  siteName?: string;
  body: string[];
  title?: string[];
  lead?: string[];
  date?: string[];
  modified?: string[];
  author?: string[];
  section?: string[];
  tags?: string[];
  /** Removed from the body before it is turned into text. */
  remove?: string[];
  /** Removed from the end of the body when they are the last paragraphs (source lines, `(tổng hợp)`). */
  notes?: string;
}
