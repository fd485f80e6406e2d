// What a status or an error means for the next attempt: retry (after how long) or give up.
import { InputError, RetryableError, type SolieuError } from '../errors.js';
import type { HttpResponse } from './http.js';

/** Retry-After as milliseconds: delta-seconds or an HTTP date. Undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

/** Exponential backoff with jitter: base * 2^attempt, capped, times a random factor in [0.5, 1). */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  return Math.round(Math.min(maxMs, baseMs * 2 ** attempt) * (0.5 + random() / 2));
}

/**
 * undefined for a usable response (2xx, 304); otherwise the error to throw or retry:
 * 429/503 with their Retry-After, 408 and 5xx retryable, 404/410 and other statuses final.
 */
export function statusError(res: HttpResponse, url: string): SolieuError | undefined {
  const s = res.status;
  if ((s >= 200 && s < 300) || s === 304) return undefined;
  const what = `${url}: HTTP ${s}${res.redirects.length ? ` (at ${res.url})` : ''}`;
  if (s === 429 || s === 503) return new RetryableError(what, `E_HTTP_${s}`, parseRetryAfter(res.headers['retry-after']));
  if (s === 408 || s >= 500) return new RetryableError(what, `E_HTTP_${s}`);
  return new InputError(url, `HTTP ${s}${s === 404 ? ' Not Found' : s === 410 ? ' Gone' : ''}`, `E_HTTP_${s}`);
}
