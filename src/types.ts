// Records that flow between the stages: fetch -> extract -> normalize -> store.

export type Comparator = '=' | '~' | '>' | '>=' | '<' | '<=';
export type Modality = 'actual' | 'target';
export type Measure = 'level' | 'change';

/** What `parseQuantity` returns for one quantity string. */
export interface Quantity {
  value: number;
  valueMax?: number;
  total?: number;
  /** Unit code (`VND`, `percent`, `household`, ...) or null for a bare number. */
  unit: string | null;
  comparator: Comparator;
  per?: string;
  noun?: string;
  /** Vague amounts (`hàng trăm`): value is the lower bound; never reported as a figure. */
  vague?: boolean;
  /** Percentage points (`điểm phần trăm`) rather than a percent. */
  points?: boolean;
}

/** A quantity found in a text by the scanner. */
export interface QuantityMatch extends Quantity {
  /** Surface of the number(s) and their unit, as written (bound words excluded). */
  text: string;
  start: number;
  end: number;
  /** Start of the whole match, bound words included. */
  matchStart: number;
  /** The bound word as written (`trên`, `khoảng`), when there is one. */
  bound?: string;
  /** True when the number was written in words (`hai lớp`). */
  inWords?: boolean;
  /** The unit was not written but implied by the sentence (`ngân sách tỉnh: 8.800 triệu`). */
  impliedUnit?: boolean;
}

/** One figure as `extract --format jsonl` prints it (see gold/GUIDELINES). */
export interface FigureRecord {
  text: string;
  start: number;
  end: number;
  value: number;
  valueMax?: number;
  total?: number;
  unit: string;
  noun?: string;
  per?: string;
  comparator: Comparator;
  subject?: string;
  indicator: string;
  modality: Modality;
  measure: Measure;
  period?: number;
  location?: string;
  suspect?: boolean;
  suspectReason?: string;
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** Index (in the article's figure list) of the figure this one breaks down. */
  parent?: number;
  /** Which rule decided each attribute, for researchers asking "why". */
  rules: Record<string, string>;
}

export type EntityKind = 'place' | 'organization' | 'document' | 'person' | 'program' | 'date';

export interface EntityMention {
  kind: EntityKind;
  text: string;
  start: number;
  end: number;
  canonical: string;
  [field: string]: unknown;
}

export interface FigureRelation {
  parent: number;
  child: number;
  kind: 'breakdown' | 'ratio_percent';
  /** ok | mismatch | unchecked */
  check: 'ok' | 'mismatch' | 'unchecked';
  detail?: string;
}

/** A document as the fetch stage hands it on. */
export interface FetchedDocument {
  /** URL or file path, as the source named it. */
  uri: string;
  source: string;
  /** `html` goes through HTML cleaning; `text` is an article as plain text. */
  format: 'html' | 'text';
  body: string;
  fetchedAt: string;
  /** Raw bytes as received, kept compressed by the store for reprocessing. */
  raw?: Buffer;
  /** The response's Content-Type header: reprocessing decodes the raw page with the same charset. */
  contentType?: string;
  httpStatus?: number;
  etag?: string;
  lastModified?: string;
}

/** The article cut out of a page or a text file. */
export interface ArticleContent {
  url?: string;
  canonicalUrl?: string;
  title?: string;
  lead?: string;
  /** Body text: paragraphs separated by blank lines. Figure offsets point into it. */
  text: string;
  publishedAt?: string;
  modifiedAt?: string;
  author?: string;
  section?: string;
  tags: string[];
  language?: string;
  siteName?: string;
}

/** Everything the extract + normalize stages produce for one article. */
export interface ProcessedArticle {
  uri: string;
  source: string;
  content: ArticleContent;
  figures: FigureRecord[];
  relations: FigureRelation[];
  entities: EntityMention[];
}
