// `replay --http DIR`: a recorded ingestion (docs/recording.md) replayed offline. Each article of
// run.json is fetched again from the recorded exchanges through the fetch stack ingest uses
// (ReplayTransport -> HttpClient: redirects, Content-Encoding; toDocument: content type, charset),
// stored in a temporary database, and compared with the recorded figures.jsonl, text hash, figure
// count and run summary.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fetchSchema, type FetchConfig } from '../config.js';
import { ConfigError } from '../errors.js';
import { HttpClient } from '../fetch/http.js';
import { toDocument } from '../fetch/page.js';
import { ReplayTransport } from '../fetch/recording.js';
import { parseJsonObject, parseJsonl } from './jsonl.js';
import { brokenResult, buildReport, compareFixture, type ReplayOptions } from './replay.js';
import { ReplayStore } from './store.js';
import type { FieldDiff, Fixture, FixtureResult, JsonRecord, ReplayReport } from './types.js';

export interface RecordedRun {
  startedAt?: string;
  finishedAt?: string;
  config?: { fetch?: unknown; [key: string]: unknown };
  summary?: Partial<Record<'new' | 'updated' | 'unchanged' | 'notModified' | 'failed' | 'figures' | 'entities', number>>;
  articles: Array<{ uri: string; canonicalUrl?: string | null; textHash?: string; figures?: number }>;
}

export interface Recording {
  dir: string;
  run: RecordedRun;
  /** Recorded figure records by article URI, without the added `article` field. */
  figures: Map<string, JsonRecord[]>;
}

export function loadRecording(dir: string): Recording {
  const runPath = join(dir, 'run.json');
  if (!existsSync(runPath)) throw new ConfigError(`not a recording: ${runPath} not found`);
  let run: RecordedRun;
  const figures = new Map<string, JsonRecord[]>();
  try {
    run = parseJsonObject<RecordedRun>(readFileSync(runPath, 'utf8'), 'run.json');
    const figPath = join(dir, 'figures.jsonl');
    if (existsSync(figPath)) {
      for (const r of parseJsonl(readFileSync(figPath, 'utf8'), 'figures.jsonl')) {
        const { article, ...record } = r;
        const uri = String(article ?? '');
        figures.set(uri, [...(figures.get(uri) ?? []), record]);
      }
    }
  } catch (e) {
    throw new ConfigError(`${dir}: ${(e as Error).message}`);
  }
  if (!Array.isArray(run.articles)) throw new ConfigError(`${runPath}: "articles" must be a list`);
  return { dir, run, figures };
}

/** The recorded run's fetch settings (user agent, byte cap, redirects), defaults where it has none. */
function fetchConfig(run: RecordedRun): FetchConfig {
  const parsed = fetchSchema.safeParse(run.config?.fetch ?? {});
  return parsed.success ? parsed.data : fetchSchema.parse({});
}

export async function replayRecording(dir: string, options: ReplayOptions = {}): Promise<ReplayReport> {
  const rec = loadRecording(dir);
  const f = fetchConfig(rec.run);
  const transport = new ReplayTransport(dir);
  const http = new HttpClient(transport, { userAgent: f.userAgent, maxBytes: f.maxBytes, maxRedirects: f.maxRedirects });
  const store = new ReplayStore();
  const results: FixtureResult[] = [];
  // Recorded records are `extract` JSON: compare `parent` (a stored breakdown) only if they carry it.
  const hasParent = [...rec.figures.values()].some((list) => list.some((r) => r.parent !== undefined));
  const fx = (uri: string): Fixture => ({
    name: uri, set: 'recording', dir, meta: hasParent ? {} : { ignore: ['parent'] }, expected: rec.figures.get(uri) ?? [],
  });
  let figures = 0;
  let entities = 0;
  try {
    for (const a of rec.run.articles) {
      const t0 = performance.now();
      let stored;
      try {
        const res = await http.get(a.uri);
        if (res.status < 200 || res.status >= 300) throw new Error(`${a.uri}: recorded response is HTTP ${res.status}`);
        stored = store.ingestDocument(toDocument(res, a.uri, 'replay'));
      } catch (e) {
        results.push(brokenResult(fx(a.uri), `${(e as Error).message}${codeOf(e)}`, performance.now() - t0));
        continue;
      }
      figures += stored.figures.length;
      entities += stored.entities.length;
      const extra: FieldDiff[] = [];
      if (a.textHash && a.textHash !== stored.textHash) extra.push({ field: 'textHash', actual: stored.textHash, expected: a.textHash });
      if (typeof a.figures === 'number' && a.figures !== stored.figures.length) extra.push({ field: 'figures', actual: stored.figures.length, expected: a.figures });
      results.push(compareFixture(fx(a.uri), stored.figures, undefined, undefined, options, () => performance.now() - t0, extra));
    }
  } finally {
    store.close();
    await transport.close();
  }
  return buildReport(results, summaryDiffs(rec, results, figures, entities));
}

const codeOf = (e: unknown) => {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('E_') ? ` (${code})` : '';
};

/** The run as a whole. Totals compare only when the recorded run stored every article afresh. */
function summaryDiffs(rec: Recording, results: FixtureResult[], figures: number, entities: number): FieldDiff[] {
  const out: FieldDiff[] = [];
  const replayed = results.filter((r) => !r.error).length;
  if (replayed !== rec.run.articles.length) out.push({ field: 'articles', actual: replayed, expected: rec.run.articles.length });
  const s = rec.run.summary ?? {};
  const fresh = !(s.unchanged ?? 0) && !(s.notModified ?? 0);
  if (fresh && typeof s.figures === 'number' && s.figures !== figures) out.push({ field: 'figures', actual: figures, expected: s.figures });
  if (fresh && typeof s.entities === 'number' && s.entities !== entities) out.push({ field: 'entities', actual: entities, expected: s.entities });
  const known = new Set(rec.run.articles.map((a) => a.uri));
  const stray = [...rec.figures.keys()].filter((u) => !known.has(u));
  if (stray.length) out.push({ field: 'figures.jsonl', actual: `records of ${stray.length} article(s) not in run.json: ${stray.join(', ')}`, expected: 'only articles of run.json' });
  return out;
}
