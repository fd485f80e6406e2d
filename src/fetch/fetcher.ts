// The polite GET: robots.txt first, then the scheduler's slot, then retries with backoff or the
// server's Retry-After. Errors come out typed by what the caller should do: a RetryableError that
// ran out of attempts, an InputError (404, 410, robots, too large) that is final for this run.
import { InputError, RetryableError, SolieuError } from '../errors.js';
import type { FetchConfig } from '../config.js';
import type { GetOptions, HttpClient, HttpResponse } from './http.js';
import { backoffMs, statusError } from './retry.js';
import { sleep, type Scheduler } from './politeness.js';
import type { Robots } from './robots.js';
import { originOf } from './url.js';

export interface RetryEvent {
  url: string;
  /** The attempt about to be made (2 = first retry). */
  attempt: number;
  waitMs: number;
  code: string;
  retryAfter: boolean;
}

export interface FetcherOptions {
  http: HttpClient;
  scheduler: Scheduler;
  /** Absent when respectRobots is false. */
  robots?: Robots;
  fetch: Pick<FetchConfig, 'retries' | 'retryBaseMs' | 'retryMaxMs' | 'userAgent'>;
  signal?: AbortSignal;
  onRetry?: (e: RetryEvent) => void;
}

export class Fetcher {
  constructor(private readonly o: FetcherOptions) {}

  /**
   * Fetches robots.txt outside the scheduler's slots (a redirect to another host checks that host's
   * robots.txt while holding a slot, which must not wait for a slot), then holds the host for its delay.
   */
  async fetchRobots(url: string): Promise<HttpResponse> {
    try {
      return await this.o.http.get(url);
    } finally {
      const origin = originOf(url);
      this.o.scheduler.pauseHost(origin, Date.now() + this.o.scheduler.delayOf(origin));
    }
  }

  /** Throws InputError E_ROBOTS when robots.txt disallows the URL. */
  async checkRobots(url: string): Promise<void> {
    if (!this.o.robots) return;
    const origin = originOf(url);
    const rules = await this.o.robots.forOrigin(origin);
    if (rules.crawlDelayMs !== undefined) this.o.scheduler.setCrawlDelay(origin, Math.min(rules.crawlDelayMs, this.o.fetch.retryMaxMs));
    if (!rules.allowed(url)) {
      const why = rules.status === 'unreachable' ? 'robots.txt could not be fetched, so the whole host is off limits this run' : 'disallowed by robots.txt';
      throw new InputError(url, why, 'E_ROBOTS');
    }
  }

  /** A 2xx or 304 response, after robots, politeness and retries. `onAttempt` runs as each request starts. */
  async get(url: string, opts: Pick<GetOptions, 'headers'> & { onAttempt?: () => void } = {}): Promise<HttpResponse> {
    await this.checkRobots(url);
    const { retries, retryBaseMs, retryMaxMs } = this.o.fetch;
    for (let attempt = 0; ; attempt++) {
      let error: SolieuError;
      try {
        const res = await this.o.scheduler.run(url, () => {
          opts.onAttempt?.();
          return this.o.http.get(url, { headers: opts.headers, beforeRedirect: (u) => this.checkRobots(u) });
        });
        const bad = statusError(res, url);
        if (!bad) return res;
        error = bad;
      } catch (e) {
        if (!(e instanceof SolieuError)) throw e;
        error = e;
      }
      if (error.action !== 'retry') throw error;
      const after = error instanceof RetryableError ? error.retryAfterMs : undefined;
      if (attempt >= retries) throw new RetryableError(`${error.message} (gave up after ${attempt + 1} attempts)`, error.code, after, { cause: error });
      if (after !== undefined && after > retryMaxMs) {
        throw new RetryableError(`${error.message} (Retry-After ${Math.round(after / 1000)} s is longer than retryMaxMs)`, error.code, after, { cause: error });
      }
      const waitMs = after ?? backoffMs(attempt, retryBaseMs, retryMaxMs);
      // A 429/503 speaks for the whole host: nothing else goes to it before the pause ends.
      if (after !== undefined) this.o.scheduler.pauseHost(originOf(url), Date.now() + waitMs);
      this.o.onRetry?.({ url, attempt: attempt + 2, waitMs, code: error.code, retryAfter: after !== undefined });
      await sleep(waitMs, this.o.signal);
    }
  }
}
