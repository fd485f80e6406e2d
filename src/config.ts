// The pipeline config: validated with zod at the edge, so a wrong field fails with its path,
// what was expected and what was found.
import { z } from 'zod';
import { ConfigError } from './errors.js';
import { compilePattern } from './fetch/url.js';

const duration = z.string().regex(/^\d+\s*(m|h|d|w)$/, 'a duration like "2d", "12h", "30m" or "1w"');

const pattern = z.string().min(1).refine((p) => {
  try {
    compilePattern(p);
    return true;
  } catch {
    return false;
  }
}, 'a URL pattern: a glob with * or "re:" and a valid regular expression');

const common = {
  name: z.string().min(1).optional(),
  since: z.union([z.iso.date(), z.iso.datetime({ offset: true }), duration]).optional(),
  include: z.array(pattern).optional(),
  exclude: z.array(pattern).optional(),
  maxArticles: z.number().int().positive().optional(),
};

export const sourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('files'), paths: z.array(z.string().min(1)).min(1), ...common }).strict(),
  z.object({ kind: z.literal('urls'), urls: z.array(z.url()).min(1), ...common }).strict(),
  z.object({ kind: z.literal('rss'), url: z.url(), ...common }).strict(),
  z.object({ kind: z.literal('sitemap'), url: z.url(), ...common }).strict(),
  z.object({
    kind: z.literal('listing'), url: z.url(), linkSelector: z.string().min(1),
    nextSelector: z.string().min(1).optional(), maxPages: z.number().int().positive().optional(), ...common,
  }).strict(),
]);

export const fetchSchema = z.object({
  userAgent: z.string().min(1).default('solieu/0.1 (+https://github.com/solieu/solieu)'),
  concurrency: z.number().int().positive().max(256).default(8),
  perHostConcurrency: z.number().int().positive().max(64).default(2),
  perHostDelayMs: z.number().int().nonnegative().default(1000),
  timeoutMs: z.number().int().positive().default(30_000),
  maxBytes: z.number().int().positive().default(10 * 1024 * 1024),
  retries: z.number().int().nonnegative().max(10).default(3),
  respectRobots: z.boolean().default(true),
  maxRedirects: z.number().int().nonnegative().max(20).default(5),
  /** First backoff step after a 5xx or a network error; doubles each retry, with jitter. */
  retryBaseMs: z.number().int().nonnegative().default(1000),
  /** Longest wait between attempts; a Retry-After longer than this fails the URL for this run. */
  retryMaxMs: z.number().int().positive().default(120_000),
}).strict();

export const extractSchema = z.object({
  /**
   * Worker threads for extraction during ingest. Unset: one per core but one (up to 8) when a run has 64
   * documents or more, else none. 0: extract on the main thread.
   */
  workers: z.number().int().nonnegative().max(64).optional(),
}).strict();

export const configSchema = z.object({
  sources: z.array(sourceSchema).min(1),
  store: z.object({ path: z.string().min(1) }).strict(),
  fetch: fetchSchema.prefault({}),
  extract: extractSchema.prefault({}),
}).strict().superRefine((c, ctx) => {
  // Run counts, the frontier and run_items are kept per source name.
  const seen = new Set<string>();
  c.sources.forEach((s, i) => {
    const name = s.name ?? `${s.kind}-${i + 1}`;
    if (seen.has(name)) ctx.addIssue({ code: 'custom', path: ['sources', i, 'name'], message: `source name "${name}" is used twice` });
    seen.add(name);
  });
});

export type SourceConfig = z.infer<typeof sourceSchema>;
export type FetchConfig = z.infer<typeof fetchSchema>;
export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

/** Typed helper for `pipeline.config.ts`; validation happens when the config is loaded. */
export function defineConfig(config: ConfigInput): ConfigInput {
  return config;
}

/** Validates a config object; throws ConfigError naming each wrong field. */
export function validateConfig(input: unknown, origin = 'config'): Config {
  const r = configSchema.safeParse(input);
  if (r.success) return r.data;
  const lines = r.error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(root)';
    return `  ${path}: ${issue.message}${describeFound(input, issue.path)}`;
  });
  throw new ConfigError(`${origin}: invalid config\n${lines.join('\n')}`);
}

function describeFound(input: unknown, path: PropertyKey[]): string {
  let cur: unknown = input;
  for (const p of path) {
    if (cur && typeof cur === 'object' && p in (cur as object)) cur = (cur as Record<PropertyKey, unknown>)[p];
    else return '';
  }
  const shown = JSON.stringify(cur);
  return ` (found ${shown === undefined ? String(cur) : shown.length > 60 ? `${shown.slice(0, 57)}...` : shown})`;
}

export const DEFAULT_CONFIG: ConfigInput = {
  sources: [{ kind: 'files', name: 'seeds', paths: ['seeds/*.txt'] }],
  store: { path: 'data/solieu.db' },
};
