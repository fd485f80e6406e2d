// One HTTP exchange on the wire: no redirects, no decoding, no retries (the client and the fetcher
// do those). Network, recording and replay are three transports with the same shape, so a replayed
// run goes through exactly the code a live run does.
import { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { RetryableError, SolieuError } from '../errors.js';

export interface WireRequest {
  method: 'GET';
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
}

export interface WireResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body as sent (still gzip/br-encoded). Destroy it to abandon the exchange. */
  body: Readable;
}

export interface Transport {
  send(req: WireRequest): Promise<WireResponse>;
  close(): Promise<void>;
}

export interface NetworkOptions {
  timeoutMs: number;
}

/** undici with one keep-alive Agent; `timeoutMs` bounds connect, headers, each body gap and the whole exchange. */
export class NetworkTransport implements Transport {
  private readonly agent: Agent;

  constructor(private readonly options: NetworkOptions) {
    const t = options.timeoutMs;
    this.agent = new Agent({
      keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000, connect: { timeout: t }, headersTimeout: t, bodyTimeout: t,
    });
  }

  async send(req: WireRequest): Promise<WireResponse> {
    // The whole exchange, body included, must end within timeoutMs: a server dripping one byte a
    // second would never trip the body timeout.
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const res = await request(req.url, { method: req.method, headers: req.headers, dispatcher: this.agent, signal });
      return { status: res.statusCode, headers: flattenHeaders(res.headers), body: res.body };
    } catch (e) {
      throw networkError(req.url, e);
    }
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => this.agent.destroy());
  }
}

export function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Timeouts, resets and refused connections: worth retrying. SolieuErrors pass through. */
export function networkError(url: string, e: unknown): SolieuError {
  if (e instanceof SolieuError) return e;
  const err = e as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const code = str(err.code) ?? str(err.cause?.code) ?? '';
  const timeout = err.name === 'TimeoutError' || err.name === 'AbortError' || /TIMEOUT|ETIMEDOUT/.test(code);
  const detail = code || err.name || 'error';
  if (timeout) return new RetryableError(`${url}: timed out (${detail})`, 'E_TIMEOUT', undefined, { cause: e });
  const msg = err.cause?.message ?? err.message ?? String(e);
  return new RetryableError(`${url}: network error (${detail}: ${msg})`, 'E_NETWORK', undefined, { cause: e });
}
