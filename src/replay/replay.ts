// Replays fixture folders: each source goes through the ingest path into a temporary database, and
// the records read back are compared with the fixture's expectations. No printing: a report out.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { comparedFields } from './compare.js';
import { compareArticle, compareEntities, compareRecords } from './diff.js';
import { fixtureDirs, loadFixture } from './fixtures.js';
import { EMPTY_SCORE, score, sumScores } from './score.js';
import { ReplayStore } from './store.js';
import type { FieldDiff, Fixture, FixtureResult, JsonRecord, ReplayReport } from './types.js';

export interface ReplayOptions {
  /** Compare only these fields (--only). */
  only?: string[];
  /** A fixture without expected.jsonl is broken, unless we are about to write one (--update). */
  allowMissingExpected?: boolean;
  cwd?: string;
}

export function replayFixtures(dirs: string[], options: ReplayOptions = {}): ReplayReport {
  const cwd = options.cwd ?? process.cwd();
  const fixtures = fixtureDirs(dirs, cwd).map(loadFixture);
  const store = new ReplayStore();
  try {
    return buildReport(fixtures.map((fx) => runFixture(fx, store, options)));
  } finally {
    store.close();
  }
}

/** A result with nothing compared, for a fixture that could not be run. */
export function brokenResult(fx: Pick<Fixture, 'name' | 'set' | 'dir'>, error: string, elapsedMs = 0): FixtureResult {
  return { name: fx.name, set: fx.set, dir: fx.dir, error, fields: [], missing: [], unexpected: [], changed: [], article: [],
    score: EMPTY_SCORE, actual: [], elapsedMs };
}

export function runFixture(fx: Fixture, store: ReplayStore, options: ReplayOptions = {}): FixtureResult {
  const t0 = performance.now();
  const ms = () => performance.now() - t0;
  if (fx.error || !fx.sourcePath || !fx.format) return brokenResult(fx, fx.error ?? 'missing source', ms());
  if (!fx.expected && !options.allowMissingExpected) return brokenResult(fx, 'missing expected.jsonl (write one, or run replay --update)', ms());
  let stored;
  try {
    const url = typeof fx.meta.url === 'string' && /^https?:\/\//i.test(fx.meta.url) ? fx.meta.url : undefined;
    const uri = url ?? relative(options.cwd ?? process.cwd(), fx.sourcePath);
    stored = store.ingest({
      uri, format: fx.format, bytes: readFileSync(fx.sourcePath),
      fetchedAt: typeof fx.meta.fetched === 'string' ? fx.meta.fetched : undefined,
      outlet: typeof fx.meta.outlet === 'string' ? fx.meta.outlet : undefined,
    });
  } catch (e) {
    return brokenResult(fx, (e as Error).message, ms());
  }
  return compareFixture(fx, stored.figures, stored.article, stored.entities, options, ms);
}

/** Compares what was produced with what the fixture expects. */
export function compareFixture(fx: Fixture, actual: JsonRecord[], actualArticle: FixtureResult['actualArticle'],
  actualEntities: JsonRecord[] | undefined, options: ReplayOptions, ms: () => number, extra: FieldDiff[] = []): FixtureResult {
  const fields = comparedFields(options.only, fx.meta.ignore);
  const r = compareRecords(actual, fx.expected ?? [], fields);
  return {
    name: fx.name, set: fx.set, dir: fx.dir, fields,
    missing: r.missing, unexpected: r.unexpected, changed: r.changed,
    article: [...extra, ...(fx.expectedArticle && actualArticle ? compareArticle(actualArticle, fx.expectedArticle) : [])],
    entities: fx.expectedEntities ? compareEntities(actualEntities ?? [], fx.expectedEntities) : undefined,
    score: score(r.counts), actual, expected: fx.expected, expectedArticle: fx.expectedArticle, actualArticle, actualEntities,
    elapsedMs: ms(),
  };
}

/** Per-set and overall scores (micro-averaged); broken fixtures add nothing to the counts. */
export function buildReport(fixtures: FixtureResult[], summary: FieldDiff[] = []): ReplayReport {
  const sets: ReplayReport['sets'] = {};
  for (const set of [...new Set(fixtures.map((f) => f.set))].sort()) {
    sets[set] = sumScores(fixtures.filter((f) => f.set === set && !f.error).map((f) => f.score));
  }
  return { fixtures, sets, overall: sumScores(fixtures.filter((f) => !f.error).map((f) => f.score)), fields: fieldAgreement(fixtures), summary };
}

/** Strict F1 hides which attribute fails; this counts, per field, the paired records that agree. */
function fieldAgreement(fixtures: FixtureResult[]): ReplayReport['fields'] {
  const out: ReplayReport['fields'] = {};
  for (const f of fixtures) {
    if (f.error) continue;
    for (const field of f.fields) {
      const c = (out[field] ??= { agree: 0, paired: 0 });
      c.paired += f.score.matched;
      c.agree += f.score.matched - f.changed.filter((ch) => ch.diffs.some((d) => d.field === field)).length;
    }
  }
  return out;
}
