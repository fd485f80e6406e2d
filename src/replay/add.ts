// `fixture add`: a new fixture folder from a local file (or a URL), with what the extractor produces
// now as the first expectation. The tester reviews expected.jsonl and corrects it by hand.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { ConfigError, InputError } from '../errors.js';
import { FILES, loadFixture } from './fixtures.js';
import { toJsonl } from './jsonl.js';
import { runFixture } from './replay.js';
import { ReplayStore } from './store.js';
import type { FixtureMeta, FixtureResult } from './types.js';

export interface AddOptions {
  name: string;
  dir: string;
  set?: string;
  /** Replace an existing fixture folder. */
  force?: boolean;
  cwd?: string;
}

export interface AddedFixture {
  dir: string;
  files: string[];
  result: FixtureResult;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

interface Source { bytes: Buffer; format: 'html' | 'text'; meta: FixtureMeta }

async function readSource(input: string, cwd: string): Promise<Source> {
  const fetched = new Date().toISOString();
  if (isUrl(input)) {
    // Only here does solieu touch the network for fixtures; tests use local files.
    const { fetch } = await import('undici');
    let res;
    try {
      res = await fetch(input, { redirect: 'follow', signal: AbortSignal.timeout(30_000) });
    } catch (e) {
      throw new InputError(input, `cannot fetch (${(e as Error).message})`, 'E_FETCH', { cause: e });
    }
    if (!res.ok) throw new InputError(input, `HTTP ${res.status}`, 'E_HTTP');
    const type = res.headers.get('content-type') ?? '';
    return { bytes: Buffer.from(await res.arrayBuffer()), format: /text\/plain/i.test(type) ? 'text' : 'html', meta: { url: res.url || input, fetched } };
  }
  const path = resolve(cwd, input);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new InputError(input, `cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, 'E_READ', { cause: e });
  }
  return { bytes, format: /^\.html?$/i.test(extname(path)) ? 'html' : 'text', meta: { file: basename(path), fetched } };
}

export async function addFixture(input: string, options: AddOptions): Promise<AddedFixture> {
  const cwd = options.cwd ?? process.cwd();
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(options.name)) {
    throw new ConfigError(`fixture name "${options.name}": use letters, digits, ".", "_" and "-" only`);
  }
  const dir = resolve(cwd, options.dir, options.name);
  if (existsSync(dir) && !options.force) throw new ConfigError(`fixture ${options.name} already exists in ${options.dir} (use --force to replace it)`);
  const src = await readSource(input, cwd);
  if (options.set) src.meta.set = options.set;
  if (options.force) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const write = (file: string, content: string | Buffer) => {
    writeFileSync(join(dir, file), content);
    files.push(join(dir, file));
  };
  const store = new ReplayStore();
  try {
    write(src.format === 'html' ? FILES.html : FILES.text, src.bytes);
    write(FILES.meta, `${JSON.stringify(src.meta, null, 2)}\n`);
    const result = runFixture(loadFixture(dir), store, { allowMissingExpected: true, cwd });
    if (result.error) throw new InputError(input, result.error, 'E_FIXTURE');
    write(FILES.expected, toJsonl(result.actual));
    const a = result.actualArticle ?? {};
    write(FILES.article, `${JSON.stringify({ title: a.title ?? null, date: a.date ?? null, author: a.author ?? null, section: a.section ?? null }, null, 2)}\n`);
    return { dir, files, result };
  } catch (e) {
    // No half-made fixture left behind: it would show up as broken in every replay.
    rmSync(dir, { recursive: true, force: true });
    throw e;
  } finally {
    store.close();
  }
}
