// When a request may start: at most `concurrency` at once, at most `perHostConcurrency` per host, and
// at least the host's delay (perHostDelayMs, or robots.txt Crawl-delay, or a Retry-After pause)
// between two starts on one host. Requests of other hosts are not held up by a slow one.
import PQueue from 'p-queue';
import { originOf } from './url.js';

export interface SchedulerOptions {
  concurrency: number;
  perHostConcurrency: number;
  perHostDelayMs: number;
  signal?: AbortSignal;
}

/** The run was asked to stop (SIGINT) before this request started: the item stays in the frontier. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

interface Host {
  queue: PQueue;
  delayMs: number;
  /** Earliest time (ms since epoch) the next request may start. */
  nextAt: number;
}

/** Resolves after ms, or rejects with Interrupted when the signal fires first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new Interrupted());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    const t = setTimeout(done, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new Interrupted());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class Scheduler {
  private readonly global: PQueue;
  private readonly hosts = new Map<string, Host>();

  constructor(private readonly options: SchedulerOptions) {
    this.global = new PQueue({ concurrency: options.concurrency });
  }

  private host(origin: string): Host {
    let h = this.hosts.get(origin);
    if (!h) {
      h = { queue: new PQueue({ concurrency: this.options.perHostConcurrency }), delayMs: this.options.perHostDelayMs, nextAt: 0 };
      this.hosts.set(origin, h);
    }
    return h;
  }

  /** robots.txt Crawl-delay: never shorter than perHostDelayMs. */
  setCrawlDelay(origin: string, ms: number): void {
    const h = this.host(origin);
    h.delayMs = Math.max(this.options.perHostDelayMs, ms);
  }

  delayOf(origin: string): number {
    return this.host(origin).delayMs;
  }

  /** No request to this host starts before `until` (a 429/503 Retry-After). */
  pauseHost(origin: string, until: number): void {
    const h = this.host(origin);
    h.nextAt = Math.max(h.nextAt, until);
  }

  /** Runs fn when the host and the global limits allow; rejects with Interrupted if stopped before it starts. */
  run<T>(url: string, fn: () => Promise<T>): Promise<T> {
    const { signal } = this.options;
    const h = this.host(originOf(url));
    // No signal is given to p-queue: it would reject a running task on abort and free its slot while
    // the request is still on the wire. Queued tasks see the signal as they start and give up at once.
    return h.queue.add(async () => {
      if (signal?.aborted) throw new Interrupted();
      // Re-check after each wait: a Retry-After pause may have pushed nextAt further.
      for (let wait = h.nextAt - Date.now(); wait > 0; wait = h.nextAt - Date.now()) await sleep(wait, signal);
      h.nextAt = Date.now() + h.delayMs;
      return this.global.add(async () => {
        if (signal?.aborted) throw new Interrupted();
        return fn();
      });
    });
  }
}
