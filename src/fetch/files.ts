// The `files` source: local .txt and .html files matched by globs.
import { readFileSync } from 'node:fs';
import { resolve, extname } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { InputError } from '../errors.js';
import type { FetchedDocument } from '../types.js';
import { decodeText } from './decode.js';

export type FetchOutcome = { ok: true; doc: FetchedDocument } | { ok: false; uri: string; error: InputError };

/** Expands globs (relative to baseDir) to a sorted, de-duplicated list of paths. */
export async function expandPaths(patterns: string[], baseDir: string): Promise<string[]> {
  // A path named literally is kept even when missing, so the run reports it as failed.
  const literal = patterns.filter((p) => !isDynamicPattern(p));
  const dynamic = patterns.filter((p) => isDynamicPattern(p));
  const found = dynamic.length ? await glob(dynamic, { cwd: baseDir, absolute: false, onlyFiles: true, dot: false, expandDirectories: false }) : [];
  return [...new Set([...found, ...literal])].sort();
}

/**
 * Reads one local file as a document, or says why it cannot be used. The read is synchronous: article
 * files are small, and the promise API's open/stat/read/close hops through the thread pool cost the
 * ingest's main thread (which also does every write) ~8% of its time.
 */
export async function readDocument(path: string, baseDir: string, source: string): Promise<FetchOutcome> {
  const full = resolve(baseDir, path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return { ok: false, uri: path, error: new InputError(path, `cannot read file (${err.code ?? err.message})`, 'E_READ', { cause: e }) };
  }
  try {
    const format = /\.html?$/i.test(extname(path)) ? 'html' : 'text';
    const body = decodeText(bytes, path, format);
    return { ok: true, doc: { uri: path, source, format, body, raw: bytes, fetchedAt: new Date().toISOString() } };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, uri: path, error: e };
    throw e;
  }
}
