// Reading fixture folders: `<name>/source.html|source.txt`, `meta.json`, `expected.jsonl`,
// `expected-article.json`, `expected-entities.jsonl`. A broken fixture is returned with `error`
// set rather than thrown, so one bad folder never stops the others.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { parseJsonObject, parseJsonl } from './jsonl.js';
import type { ExpectedArticle, Fixture, FixtureMeta } from './types.js';

export const DEFAULT_DIR = 'test/fixtures/articles';
export const FILES = {
  html: 'source.html',
  text: 'source.txt',
  meta: 'meta.json',
  expected: 'expected.jsonl',
  article: 'expected-article.json',
  entities: 'expected-entities.jsonl',
} as const;

const FIXTURE_FILES: string[] = Object.values(FILES);

/** A folder is a fixture when it holds any fixture file; else its subfolders are fixtures. */
export function isFixtureDir(dir: string): boolean {
  return FIXTURE_FILES.some((f) => existsSync(join(dir, f)));
}

/** Fixture folders under the given directories, sorted by name within each directory. */
export function fixtureDirs(dirs: string[], cwd = process.cwd()): string[] {
  const out: string[] = [];
  for (const d of dirs) {
    const dir = resolve(cwd, d);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ConfigError(`fixture directory not found: ${d}`);
    if (isFixtureDir(dir)) { out.push(dir); continue; }
    for (const name of readdirSync(dir).sort()) {
      const sub = join(dir, name);
      if (statSync(sub).isDirectory() && !name.startsWith('.')) out.push(sub);
    }
  }
  return [...new Set(out)];
}

export function loadFixture(dir: string): Fixture {
  const name = basename(dir);
  const fx: Fixture = { name, dir, set: 'default', meta: {} };
  try {
    const metaPath = join(dir, FILES.meta);
    if (existsSync(metaPath)) {
      fx.meta = parseJsonObject<FixtureMeta>(readFileSync(metaPath, 'utf8'), FILES.meta);
      if (fx.meta.set !== undefined && typeof fx.meta.set !== 'string') throw new Error(`${FILES.meta}: "set" must be a string`);
      if (fx.meta.ignore !== undefined && !Array.isArray(fx.meta.ignore)) throw new Error(`${FILES.meta}: "ignore" must be a list of field names`);
      if (fx.meta.set) fx.set = fx.meta.set;
    }
    const html = existsSync(join(dir, FILES.html));
    const text = existsSync(join(dir, FILES.text));
    if (html && text) throw new Error(`both ${FILES.html} and ${FILES.text}: keep one`);
    if (!html && !text) throw new Error(`missing source (${FILES.html} or ${FILES.text})`);
    fx.format = html ? 'html' : 'text';
    fx.sourcePath = join(dir, html ? FILES.html : FILES.text);
    const expectedPath = join(dir, FILES.expected);
    if (existsSync(expectedPath)) fx.expected = parseJsonl(readFileSync(expectedPath, 'utf8'), FILES.expected);
    const articlePath = join(dir, FILES.article);
    if (existsSync(articlePath)) fx.expectedArticle = parseJsonObject<ExpectedArticle>(readFileSync(articlePath, 'utf8'), FILES.article);
    const entitiesPath = join(dir, FILES.entities);
    if (existsSync(entitiesPath)) fx.expectedEntities = parseJsonl(readFileSync(entitiesPath, 'utf8'), FILES.entities);
  } catch (e) {
    fx.error = (e as Error).message;
  }
  return fx;
}
