// GET with redirects (capped, loop-safe), gzip/deflate/br decoding and a byte cap, over a Transport.
// Status codes are returned, not judged: the fetcher decides what a 404 or a 503 means.
import { promisify } from 'node:util';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { InputError, SolieuError } from '../errors.js';
import { networkError, type Transport } from './transport.js';
import { normalizeUrl } from './url.js';

export interface HttpOptions {
  userAgent: string;
  maxBytes: number;
  maxRedirects: number;
}

export interface HttpResponse {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Decoded body (Content-Encoding undone), at most maxBytes. */
  body: Buffer;
  redirects: string[];
}

/** One request on the wire, for fetch_log. */
export interface RequestLog {
  url: string;
  status?: number;
  durationMs: number;
  /** Bytes on the wire (before decoding). */
  bytes?: number;
  error?: string;
}

export interface GetOptions {
  headers?: Record<string, string>;
  /** Called before following a redirect; throw to refuse it (robots.txt). */
  beforeRedirect?: (url: string) => Promise<void>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotli = promisify(zlib.brotliDecompress);

export class HttpClient {
  constructor(
    private readonly transport: Transport,
    private readonly options: HttpOptions,
    private readonly onRequest?: (log: RequestLog) => void,
  ) {}

  async get(url: string, opts: GetOptions = {}): Promise<HttpResponse> {
    const seen = new Set([safeKey(url)]);
    const redirects: string[] = [];
    let current = url;
    for (;;) {
      const t0 = performance.now();
      const log = (entry: Omit<RequestLog, 'url' | 'durationMs'>) =>
        this.onRequest?.({ url: current, durationMs: Math.round(performance.now() - t0), ...entry });
      const headers: Record<string, string> = {
        'user-agent': this.options.userAgent,
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
        'accept-encoding': 'gzip, deflate, br',
        'accept-language': 'vi,en;q=0.5',
        ...lower(opts.headers ?? {}),
      };
      let res;
      try {
        res = await this.transport.send({ method: 'GET', url: current, headers });
      } catch (e) {
        const err = networkError(current, e);
        log({ error: `${err.code}: ${err.message}` });
        throw err;
      }
      const location = res.headers.location;
      if (REDIRECTS.has(res.status) && location) {
        const wire = await drain(res.body, 64 * 1024);
        log({ status: res.status, bytes: wire });
        let next: string;
        try {
          next = new URL(location, current).href;
          normalizeUrl(next);
        } catch {
          throw new InputError(url, `redirect to an unusable location "${location.slice(0, 200)}"`, 'E_REDIRECT');
        }
        if (seen.has(safeKey(next))) throw new InputError(url, `redirect loop (${[...redirects, next].join(' -> ')})`, 'E_REDIRECT_LOOP');
        if (redirects.length >= this.options.maxRedirects) {
          throw new InputError(url, `more than ${this.options.maxRedirects} redirects`, 'E_TOO_MANY_REDIRECTS');
        }
        await opts.beforeRedirect?.(next);
        seen.add(safeKey(next));
        redirects.push(next);
        current = next;
        continue;
      }
      let raw: Buffer;
      try {
        raw = await readCapped(res.body, this.options.maxBytes, current, res.headers['content-length']);
      } catch (e) {
        const err = networkError(current, e);
        log({ status: res.status, error: `${err.code}: ${err.message}` });
        throw err;
      }
      let body: Buffer;
      try {
        body = await decodeBody(raw, res.headers['content-encoding'], this.options.maxBytes, current);
      } catch (e) {
        const err = e as SolieuError;
        log({ status: res.status, bytes: raw.length, error: `${err.code}: ${err.message}` });
        throw err;
      }
      log({ status: res.status, bytes: raw.length });
      return { url: current, status: res.status, headers: res.headers, body, redirects };
    }
  }
}

function lower(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

function safeKey(url: string): string {
  try {
    return normalizeUrl(url);
  } catch {
    return url;
  }
}

/** Reads a redirect's small body so the connection can be reused; gives up (and closes it) past `limit`. */
async function drain(body: Readable, limit: number): Promise<number> {
  let n = 0;
  try {
    for await (const c of body) {
      n += (c as Buffer).length;
      if (n > limit) break;
    }
  } catch {
    // A broken redirect body does not matter: the Location header is all we need.
  }
  if (!body.destroyed) body.destroy();
  return n;
}

function tooLarge(url: string, maxBytes: number): InputError {
  return new InputError(url, `response larger than maxBytes (${maxBytes} bytes); cut off`, 'E_TOO_LARGE');
}

/** The raw body, refusing more than maxBytes: the stream is destroyed, never buffered whole. */
export async function readCapped(body: Readable, maxBytes: number, url: string, contentLength?: string): Promise<Buffer> {
  if (contentLength && Number(contentLength) > maxBytes) {
    body.destroy();
    throw tooLarge(url, maxBytes);
  }
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of body) {
    n += (c as Buffer).length;
    if (n > maxBytes) {
      body.destroy();
      throw tooLarge(url, maxBytes);
    }
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Undoes Content-Encoding (gzip, deflate, br; several in order). zlib stops at maxOutputLength, so a
 * gzip bomb costs maxBytes of memory and is refused, never inflated whole.
 */
export async function decodeBody(raw: Buffer, contentEncoding: string | undefined, maxBytes: number, url: string): Promise<Buffer> {
  const codings = (contentEncoding ?? '').split(',').map((s) => s.trim().toLowerCase()).filter((s) => s && s !== 'identity');
  let out = raw;
  for (const coding of codings.reverse()) out = await decodeOne(out, coding, maxBytes, url);
  return out;
}

/** Decompresses gzip data (a .xml.gz sitemap) with the same cap. */
export function gunzipCapped(raw: Buffer, maxBytes: number, url: string): Promise<Buffer> {
  return decodeOne(raw, 'gzip', maxBytes, url);
}

async function decodeOne(raw: Buffer, coding: string, maxBytes: number, url: string): Promise<Buffer> {
  const opts = { maxOutputLength: maxBytes };
  try {
    if (coding === 'gzip' || coding === 'x-gzip') return await gunzip(raw, opts);
    if (coding === 'br') return await brotli(raw, opts);
    if (coding === 'deflate') {
      // "deflate" should be zlib-wrapped; some servers send raw deflate.
      const zlibHeader = raw.length >= 2 && (raw[0] & 0x0f) === 8 && ((raw[0] << 8) | raw[1]) % 31 === 0;
      return await (zlibHeader ? inflate(raw, opts) : inflateRaw(raw, opts));
    }
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw tooLarge(url, maxBytes);
    throw new InputError(url, `cannot decode ${coding} body (${err.message})`, 'E_DECODE', { cause: e });
  }
  throw new InputError(url, `unsupported Content-Encoding "${coding}"`, 'E_DECODE');
}
