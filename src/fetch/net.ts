// Builds the HTTP stack for a run: transport (network, recording or replay) -> client -> scheduler
// and robots -> polite fetcher.
import type { FetchConfig } from '../config.js';
import { Fetcher, type RetryEvent } from './fetcher.js';
import { HttpClient, type RequestLog } from './http.js';
import { Scheduler } from './politeness.js';
import { RecordingTransport, ReplayTransport } from './recording.js';
import { Robots, type RobotsOptions } from './robots.js';
import { NetworkTransport, type Transport } from './transport.js';

export interface NetOptions {
  fetch: FetchConfig;
  /** Save every exchange under this folder. */
  record?: string;
  /** Serve exchanges from this folder; no network. */
  replay?: string;
  signal?: AbortSignal;
  onRequest?: (log: RequestLog) => void;
  onRetry?: (e: RetryEvent) => void;
  /** Where robots.txt answers are kept between runs (not used when recording or replaying). */
  robotsCache?: RobotsOptions['cache'];
}

export interface Net {
  fetcher: Fetcher;
  close(): Promise<void>;
}

export function createNet(o: NetOptions): Net {
  const f = o.fetch;
  const base: Transport = o.replay ? new ReplayTransport(o.replay) : new NetworkTransport({ timeoutMs: f.timeoutMs });
  const transport: Transport = o.record ? new RecordingTransport(base, o.record) : base;
  const http = new HttpClient(transport, { userAgent: f.userAgent, maxBytes: f.maxBytes, maxRedirects: f.maxRedirects }, o.onRequest);
  const scheduler = new Scheduler({ concurrency: f.concurrency, perHostConcurrency: f.perHostConcurrency, perHostDelayMs: f.perHostDelayMs, signal: o.signal });
  // A recording must hold robots.txt and a replay must read it from the recording, so the
  // database's robots cache is left out of both.
  const robots = f.respectRobots
    ? new Robots({ userAgent: f.userAgent, fetch: (u) => fetcher.fetchRobots(u), cache: o.record || o.replay ? undefined : o.robotsCache })
    : undefined;
  const fetcher: Fetcher = new Fetcher({ http, scheduler, robots, fetch: f, signal: o.signal, onRetry: o.onRetry });
  return { fetcher, close: () => transport.close() };
}
