// Politeness against real servers: robots.txt (RFC 9309 failure rules, Crawl-delay), Retry-After,
// backoff on 5xx, final 404/410, per-host and global concurrency, per-host delay, stopping.
import { afterEach, describe, expect, it } from 'vitest';
import { fetchSchema, type FetchConfig } from '../../src/config.js';
import type { RetryEvent } from '../../src/fetch/fetcher.js';
import { createNet, type Net } from '../../src/fetch/net.js';
import { Interrupted } from '../../src/fetch/politeness.js';
import { waitFor } from '../helpers/cli-async.js';
import { SEEDS, startSite, type Site, type SiteOptions } from '../helpers/site-server.js';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const x of open.splice(0)) await x.close();
});

async function setup(siteOptions: SiteOptions = {}, fetch: Partial<FetchConfig> = {}, signal?: AbortSignal) {
  const site = await startSite(siteOptions);
  const retries: RetryEvent[] = [];
  const net: Net = createNet({
    fetch: fetchSchema.parse({ perHostDelayMs: 0, timeoutMs: 3000, retries: 2, retryBaseMs: 50, ...fetch }),
    onRetry: (e) => retries.push(e),
    signal,
  });
  open.push(net, site);
  return { site, net, retries, url: (p: string) => site.url + p };
}

const seed = (i: number) => `/seeds/${SEEDS[i]}.html`;
const starts = (site: Site, path?: string) => site.log.filter((e) => !path || e.path === path).map((e) => e.at);
const gaps = (ts: number[]) => ts.slice(1).map((t, i) => t - ts[i]);

describe('robots.txt', () => {
  it('a Disallow path is never requested', async () => {
    const { site, net, url } = await setup();
    await expect(net.fetcher.get(url('/private/secret.html'))).rejects.toMatchObject({ code: 'E_ROBOTS', action: 'skip' });
    expect((await net.fetcher.get(url(seed(0)))).status).toBe(200);
    expect(site.log.map((e) => e.path)).toEqual(['/robots.txt', seed(0)]);
  });

  it('rules for another user agent do not apply to us; robots.txt is fetched once per host', async () => {
    const { site, net, url } = await setup({ robots: 'User-agent: solieu-test\nDisallow: /seeds/\n\nUser-agent: *\nDisallow:\n' }, { userAgent: 'solieu-test/2.0' });
    await expect(net.fetcher.get(url(seed(0)))).rejects.toMatchObject({ code: 'E_ROBOTS' });
    expect((await net.fetcher.get(url('/private/secret.html'))).status).toBe(200);
    expect(site.hits('/robots.txt')).toHaveLength(1);
  });

  it('a 4xx robots.txt ("unavailable") allows everything', async () => {
    const { site, net, url } = await setup({ robots: 404 });
    expect((await net.fetcher.get(url('/private/secret.html'))).status).toBe(200);
    expect(site.hits('/private/secret.html')).toHaveLength(1);
  });

  it.each([[500], [503], ['reset' as const]])('a robots.txt answering %s ("unreachable") disallows the whole host for the run', async (robots) => {
    const { site, net, url } = await setup({ robots }, { retries: 0 });
    await expect(net.fetcher.get(url(seed(0)))).rejects.toMatchObject({ code: 'E_ROBOTS', message: expect.stringMatching(/could not be fetched/) });
    await expect(net.fetcher.get(url(seed(1)))).rejects.toMatchObject({ code: 'E_ROBOTS' });
    expect(site.log.map((e) => e.path)).toEqual(['/robots.txt']);
  });

  it('respectRobots: false never asks for robots.txt', async () => {
    const { site, net, url } = await setup({}, { respectRobots: false });
    expect((await net.fetcher.get(url('/private/secret.html'))).status).toBe(200);
    expect(site.hits('/robots.txt')).toHaveLength(0);
  });

  it('Crawl-delay spaces the requests to that host', async () => {
    const { site, net, url } = await setup({ robots: 'User-agent: *\nCrawl-delay: 0.3\n' }, { perHostConcurrency: 4 });
    await Promise.all([0, 1, 2].map((i) => net.fetcher.get(url(seed(i)))));
    const ts = starts(site).slice(1);
    expect(ts).toHaveLength(3);
    // Measured where the server sees them: a new connection can arrive a little late, so allow some slack.
    for (const g of gaps(ts)) expect(g).toBeGreaterThanOrEqual(240);
  });
});

describe('retries', () => {
  it('waits for Retry-After on a 429 (and holds the host meanwhile), then succeeds', async () => {
    const { site, net, retries, url } = await setup({ retryAfterS: 1 }, { perHostConcurrency: 2 });
    const [res, other] = await Promise.all([
      net.fetcher.get(url('/fault/429.html')),
      // Asked for a moment after the 429: it must wait for the pause too.
      new Promise((r) => setTimeout(r, 150)).then(() => net.fetcher.get(url(seed(0)))),
    ]);
    expect(res.status).toBe(200);
    expect(other.status).toBe(200);
    const [first, second] = starts(site, '/fault/429.html');
    expect(second - first).toBeGreaterThanOrEqual(950);
    expect(site.hits(seed(0))[0].at - first).toBeGreaterThanOrEqual(950);
    expect(retries).toEqual([expect.objectContaining({ url: url('/fault/429.html'), attempt: 2, waitMs: 1000, code: 'E_HTTP_429', retryAfter: true })]);
  });

  it('fails a URL whose Retry-After is longer than retryMaxMs without waiting', async () => {
    const { site, net, url } = await setup({ retryAfterS: 3600 }, { retryMaxMs: 2000 });
    await expect(net.fetcher.get(url('/fault/429.html'))).rejects.toMatchObject({ code: 'E_HTTP_429', message: expect.stringMatching(/Retry-After 3600 s/) });
    expect(site.hits('/fault/429.html')).toHaveLength(1);
  });

  it('backs off after a 500 twice, then gets the page', async () => {
    const { site, net, retries, url } = await setup({}, { retryBaseMs: 100 });
    expect((await net.fetcher.get(url('/fault/flaky.html'))).status).toBe(200);
    expect(site.hits('/fault/flaky.html').map((e) => e.status)).toEqual([500, 500, 200]);
    expect(retries.map((r) => [r.attempt, r.code])).toEqual([[2, 'E_HTTP_500'], [3, 'E_HTTP_500']]);
    // Exponential with jitter: the first wait in [50, 100), the second in [100, 200).
    expect(retries[0].waitMs).toBeGreaterThanOrEqual(50);
    expect(retries[0].waitMs).toBeLessThan(100);
    expect(retries[1].waitMs).toBeGreaterThanOrEqual(100);
    expect(retries[1].waitMs).toBeLessThan(200);
    const [a, b, c] = starts(site, '/fault/flaky.html');
    expect(b - a).toBeGreaterThanOrEqual(retries[0].waitMs - 5);
    expect(c - b).toBeGreaterThanOrEqual(retries[1].waitMs - 5);
  });

  it('gives up after `retries` retries with the last error', async () => {
    const { site, net, url } = await setup({}, { retries: 1 });
    await expect(net.fetcher.get(url('/fault/flaky.html'))).rejects.toMatchObject({ code: 'E_HTTP_500', action: 'retry', message: expect.stringMatching(/gave up after 2 attempts/) });
    expect(site.hits('/fault/flaky.html')).toHaveLength(2);
  });

  it('a 404 and a 410 are final: asked once', async () => {
    const { site, net, retries, url } = await setup();
    await expect(net.fetcher.get(url('/missing.html'))).rejects.toMatchObject({ code: 'E_HTTP_404', action: 'skip' });
    await expect(net.fetcher.get(url('/gone.html'))).rejects.toMatchObject({ code: 'E_HTTP_410', action: 'skip' });
    expect(site.hits('/missing.html')).toHaveLength(1);
    expect(site.hits('/gone.html')).toHaveLength(1);
    expect(retries).toEqual([]);
  });

  it('retries timeouts', async () => {
    const { site, net, url } = await setup({ slowMs: 5000 }, { timeoutMs: 300, retries: 1 });
    await expect(net.fetcher.get(url('/fault/slow.html'))).rejects.toMatchObject({ code: 'E_TIMEOUT' });
    expect(site.hits('/fault/slow.html')).toHaveLength(2);
  });
});

describe('concurrency and delay', () => {
  it('never has more than perHostConcurrency requests in flight to one host', async () => {
    const { site, net, url } = await setup({ latencyMs: 80 }, { perHostConcurrency: 2, concurrency: 8 });
    await Promise.all(SEEDS.map((_s, i) => net.fetcher.get(url(seed(i)))));
    expect(site.maxInFlight).toBe(2);
  });

  it('never has more than concurrency requests in flight in all', async () => {
    const a = await setup({ latencyMs: 80 }, { perHostConcurrency: 4, concurrency: 1 });
    await Promise.all(SEEDS.map((_s, i) => a.net.fetcher.get(a.url(seed(i)))));
    expect(a.site.maxInFlight).toBe(1);
  });

  it('spaces requests to one host by perHostDelayMs', async () => {
    const { site, net, url } = await setup({}, { perHostDelayMs: 150, perHostConcurrency: 4 });
    await Promise.all([0, 1, 2, 3].map((i) => net.fetcher.get(url(seed(i)))));
    // robots.txt, then four pages, each start at least 150 ms after the one before.
    for (const g of gaps(starts(site))) expect(g).toBeGreaterThanOrEqual(110);
    expect(starts(site).at(-1)! - starts(site)[0]).toBeGreaterThanOrEqual(4 * 150 - 40);
  });

  it('when stopped, requests not yet started reject with Interrupted and the one in flight completes', async () => {
    const ac = new AbortController();
    const { site, net, url } = await setup({ latencyMs: 300 }, { concurrency: 1, perHostConcurrency: 1 }, ac.signal);
    await net.fetcher.checkRobots(url(seed(0)));
    const all = SEEDS.map((_s, i) => net.fetcher.get(url(seed(i))).then((r) => r.status, (e: Error) => e));
    // Stop once the first page is on the wire.
    await waitFor(() => site.log.some((e) => e.path.startsWith('/seeds/')));
    ac.abort();
    const results = await Promise.all(all);
    expect(results[0]).toBe(200);
    for (const r of results.slice(1)) expect(r).toBeInstanceOf(Interrupted);
    expect(site.log.filter((e) => e.path.startsWith('/seeds/'))).toHaveLength(1);
  });
});
