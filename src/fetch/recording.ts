// Record and replay HTTP traffic (docs/recording.md). Exchange files are named by a hash of the
// request, never by its URL, so no URL can write outside the folder.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { InputError, RetryableError, SolieuError } from '../errors.js';
import type { FigureRecord } from '../types.js';
import { networkError, type Transport, type WireRequest, type WireResponse } from './transport.js';
import { normalizeUrl } from './url.js';

export interface Exchange {
  request: WireRequest;
  response?: { status: number; headers: Record<string, string>; bodyBase64: string };
  /** False when the client stopped reading (a body over maxBytes): the body is what was read. */
  bodyComplete?: boolean;
  /** The body failed part-way (a reset, a timeout): replay fails the same way after the body. */
  bodyError?: { code: string; message: string };
  /** No response at all (refused, timed out before the headers). */
  error?: { code: string; message: string };
  at: string;
}

/** sha256 of `METHOD normalisedURL\nif-none-match\nif-modified-since` (empty when absent). */
export function exchangeKey(req: Pick<WireRequest, 'method' | 'url' | 'headers'>): string {
  let url: string;
  try {
    url = normalizeUrl(req.url);
  } catch {
    url = req.url;
  }
  const h = req.headers;
  return createHash('sha256')
    .update(`${req.method} ${url}\n${h['if-none-match'] ?? ''}\n${h['if-modified-since'] ?? ''}`)
    .digest('hex');
}

function exchangePath(dir: string, key: string): string {
  return join(dir, 'exchanges', `${key}.json`);
}

function errorInfo(e: unknown): { code: string; message: string } {
  const err = e instanceof SolieuError ? e : networkError('', e);
  return { code: err.code, message: err.message };
}

/** Passes exchanges through to `inner` and writes each one to DIR/exchanges/ when it ends. */
export class RecordingTransport implements Transport {
  constructor(private readonly inner: Transport, private readonly dir: string) {
    mkdirSync(join(dir, 'exchanges'), { recursive: true });
  }

  async send(req: WireRequest): Promise<WireResponse> {
    let res: WireResponse;
    try {
      res = await this.inner.send(req);
    } catch (e) {
      this.write({ request: req, error: errorInfo(e), at: new Date().toISOString() });
      throw e;
    }
    const chunks: Buffer[] = [];
    const tee = new PassThrough();
    let ended = false;
    let bodyError: { code: string; message: string } | undefined;
    res.body.on('data', (c: Buffer) => chunks.push(c));
    res.body.on('end', () => { ended = true; });
    res.body.on('error', (e) => { bodyError = errorInfo(networkError(req.url, e)); });
    res.body.pipe(tee);
    res.body.on('error', (e) => tee.destroy(e));
    let written = false;
    const finish = () => {
      if (written) return;
      written = true;
      this.write({
        request: req,
        response: { status: res.status, headers: res.headers, bodyBase64: Buffer.concat(chunks).toString('base64') },
        ...(ended || bodyError ? {} : { bodyComplete: false }),
        ...(bodyError ? { bodyError } : {}),
        at: new Date().toISOString(),
      });
    };
    // The reader abandoning the body (destroy) must abandon the wire too.
    tee.on('close', () => {
      if (!ended && !res.body.destroyed) res.body.destroy();
      finish();
    });
    res.body.on('close', () => setImmediate(finish));
    return { status: res.status, headers: res.headers, body: tee };
  }

  private write(x: Exchange): void {
    // Written whole then renamed: a run killed mid-write leaves no half file.
    const path = exchangePath(this.dir, exchangeKey(x.request));
    writeFileSync(`${path}.tmp`, `${JSON.stringify(x, null, 1)}\n`);
    renameSync(`${path}.tmp`, path);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Serves recorded exchanges with no network. A conditional request with no recording falls back to the plain one. */
export class ReplayTransport implements Transport {
  constructor(private readonly dir: string) {
    if (!existsSync(join(dir, 'exchanges'))) throw new InputError(dir, 'not a recording (no exchanges/ folder)', 'E_NOT_RECORDED');
  }

  async send(req: WireRequest): Promise<WireResponse> {
    const plain = { ...req, headers: { ...req.headers } };
    delete plain.headers['if-none-match'];
    delete plain.headers['if-modified-since'];
    const path = [exchangePath(this.dir, exchangeKey(req)), exchangePath(this.dir, exchangeKey(plain))].find((p) => existsSync(p));
    if (!path) throw new InputError(req.url, 'no recorded exchange for this request', 'E_NOT_RECORDED');
    const x = JSON.parse(readFileSync(path, 'utf8')) as Exchange;
    if (x.error || !x.response) throw replayedError(req.url, x.error);
    const body = Buffer.from(x.response.bodyBase64, 'base64');
    const stream = x.bodyError
      ? Readable.from((async function* () { yield body; throw replayedError(req.url, x.bodyError); })())
      : Readable.from(body.length ? [body] : []);
    return { status: x.response.status, headers: x.response.headers, body: stream };
  }

  async close(): Promise<void> {}
}

function replayedError(url: string, e?: { code: string; message: string }): SolieuError {
  const code = e?.code ?? 'E_NETWORK';
  const message = `${url}: ${e?.message.replace(/^.*?: /, '') ?? 'recorded failure'} (replayed)`;
  return code === 'E_TIMEOUT' || code === 'E_NETWORK' ? new RetryableError(message, code) : new SolieuError(message, code, 'skip');
}

export interface RecordedArticle {
  uri: string;
  canonicalUrl?: string;
  textHash: string;
  figures: number;
}

/** DIR/run.json and DIR/figures.jsonl: what the recorded run stored, to compare a replay against. */
export class RunRecord {
  private readonly articles: RecordedArticle[] = [];
  private readonly figureLines: string[] = [];
  private readonly startedAt = new Date().toISOString();

  constructor(private readonly dir: string, private readonly config: unknown) {}

  article(a: RecordedArticle, figures: FigureRecord[]): void {
    this.articles.push(a);
    for (const f of figures) this.figureLines.push(JSON.stringify({ article: a.uri, ...f }));
  }

  /** The article stored as `oldUri` is now this one (the canonical copy replaced it). */
  replace(oldUri: string, a: RecordedArticle, figures: FigureRecord[]): void {
    const i = this.articles.findIndex((x) => x.uri === oldUri);
    if (i >= 0) this.articles.splice(i, 1);
    const prefix = `{"article":${JSON.stringify(oldUri)},`;
    for (let j = this.figureLines.length - 1; j >= 0; j--) if (this.figureLines[j].startsWith(prefix)) this.figureLines.splice(j, 1);
    this.article(a, figures);
  }

  finish(status: string, summary: Record<string, number>): void {
    const run = { startedAt: this.startedAt, finishedAt: new Date().toISOString(), status, config: this.config, summary, articles: this.articles };
    writeFileSync(join(this.dir, 'run.json'), `${JSON.stringify(run, null, 2)}\n`);
    writeFileSync(join(this.dir, 'figures.jsonl'), this.figureLines.map((l) => `${l}\n`).join(''));
  }
}
