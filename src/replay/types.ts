// Shapes shared by the replay modules: fixtures in, per-fixture results and a report out.

/** An expected or actual record as JSON: a figure record, possibly partial (gold rows have no offsets). */
export type JsonRecord = Record<string, unknown>;

/** What a fixture's meta.json may say. Every field is optional. */
export interface FixtureMeta {
  /** Where the page came from; used as the article URI (so HTML profiles see the real site). */
  url?: string;
  outlet?: string;
  /** When the page was fetched (ISO date). */
  fetched?: string;
  /** Fixture set the fixture is scored in (floors.json has one floor per set). */
  set?: string;
  /** Fields this fixture's expectations do not annotate (gold rows have no `indicator`). */
  ignore?: string[];
  /** Free text for the tester: where the expectation comes from, what was dropped and why. */
  notes?: string | string[];
  [key: string]: unknown;
}

export interface ExpectedArticle {
  title?: string | null;
  date?: string | null;
  author?: string | null;
  section?: string | null;
}

/** A fixture folder, read but not yet run. `error` is set when it cannot be run at all. */
export interface Fixture {
  name: string;
  dir: string;
  set: string;
  meta: FixtureMeta;
  sourcePath?: string;
  format?: 'html' | 'text';
  /** Expected figure records, in file order. Undefined when expected.jsonl is absent. */
  expected?: JsonRecord[];
  expectedArticle?: ExpectedArticle;
  expectedEntities?: JsonRecord[];
  error?: string;
}

/** One field that differs: what the extractor gave now, and what the expectation says. */
export interface FieldDiff {
  field: string;
  actual: unknown;
  expected: unknown;
  /** The extractor's rule that set the actual value (from `rules`), to see why it changed. */
  rule?: string;
}

export interface ChangedRecord {
  /** Index in the actual list and in the expected file. */
  actualIndex: number;
  expectedIndex: number;
  text: string;
  start?: number;
  /** How the pair was matched. */
  by: 'span' | 'value';
  diffs: FieldDiff[];
}

export interface Counts {
  expected: number;
  actual: number;
  /** Pairs found (span or value and unit), whatever their fields say. */
  matched: number;
  /** Pairs whose compared fields all agree. */
  correct: number;
}

export interface Score extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface FixtureResult {
  name: string;
  set: string;
  dir: string;
  /** Set when the fixture could not be run (bad JSON, missing source, unreadable page). */
  error?: string;
  fields: string[];
  missing: Array<{ index: number; record: JsonRecord }>;
  unexpected: Array<{ index: number; record: JsonRecord }>;
  changed: ChangedRecord[];
  /** Article-level differences (title, date, author, section; or textHash and counts for --http). */
  article: FieldDiff[];
  entities?: { missing: JsonRecord[]; unexpected: JsonRecord[] };
  score: Score;
  /** The records the extractor produced now (for --update and fixture add). */
  actual: JsonRecord[];
  /** The expected records as read (undefined when expected.jsonl is absent). */
  expected?: JsonRecord[];
  expectedArticle?: ExpectedArticle;
  actualArticle?: ExpectedArticle;
  actualEntities?: JsonRecord[];
  elapsedMs: number;
}

export interface ReplayReport {
  fixtures: FixtureResult[];
  sets: Record<string, Score>;
  overall: Score;
  /** Per compared field, over paired records: how many agree. Shows which attribute is weak. */
  fields: Record<string, { agree: number; paired: number }>;
  /** Extra lines about the run as a whole (the --http summary comparison). */
  summary: FieldDiff[];
  /** Floors checked (with --floors): set -> { floor, f1, ok }. */
  floors?: Record<string, { floor: number; f1: number | null; ok: boolean }>;
}

export const fixtureDiffers = (r: FixtureResult): boolean =>
  Boolean(r.error) || r.missing.length > 0 || r.unexpected.length > 0 || r.changed.length > 0 || r.article.length > 0 ||
  Boolean(r.entities && (r.entities.missing.length > 0 || r.entities.unexpected.length > 0));
