// The HTTP client against the fixture site: decoding, the byte cap, redirects, timeouts, charset.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, type RequestLog } from '../../src/fetch/http.js';
import { toDocument } from '../../src/fetch/page.js';
import { NetworkTransport } from '../../src/fetch/transport.js';
import { NEWS, SEEDS, startSite, type Site } from '../helpers/site-server.js';

const UA = 'solieu-test/1.0 (+https://example.invalid/bot)';

describe('HttpClient', () => {
  let site: Site;
  let transport: NetworkTransport;
  let client: HttpClient;
  const logs: RequestLog[] = [];
  beforeAll(async () => {
    site = await startSite({ slowMs: 5000 });
    transport = new NetworkTransport({ timeoutMs: 600 });
    client = new HttpClient(transport, { userAgent: UA, maxBytes: 1_000_000, maxRedirects: 3 }, (l) => logs.push(l));
  });
  afterAll(async () => {
    await transport.close();
    await site.close();
  });

  it('sends the User-Agent and Accept-Encoding, and undoes gzip, br and deflate', async () => {
    const news = await client.get(`${site.url}/news/${NEWS[0]}.html`);
    expect(news.headers['content-encoding']).toBe('gzip');
    expect(news.body.toString('utf8')).toContain('<html');
    expect((await client.get(`${site.url}/list/1.html`)).body.toString()).toContain('a class="story"');
    expect((await client.get(`${site.url}/sitemaps/news.xml`)).body.toString()).toContain('<urlset');
    const req = site.hits(`/news/${NEWS[0]}.html`)[0];
    expect(req.headers['user-agent']).toBe(UA);
    expect(req.headers['accept-encoding']).toMatch(/gzip.*deflate.*br/);
    const last = logs.find((l) => l.url.endsWith(`/news/${NEWS[0]}.html`))!;
    expect(last).toMatchObject({ status: 200 });
    // bytes on the wire: the compressed size, smaller than the page
    expect(last.bytes).toBeLessThan(news.body.length);
  });

  it('answers a conditional request with a 304 and no body', async () => {
    const first = await client.get(`${site.url}/seeds/${SEEDS[0]}.html`);
    const again = await client.get(`${site.url}/seeds/${SEEDS[0]}.html`, { headers: { 'If-None-Match': first.headers.etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('cuts a 50 MB body off at maxBytes without reading it all', async () => {
    const t0 = performance.now();
    await expect(client.get(`${site.url}/fault/huge.html`)).rejects.toMatchObject({ code: 'E_TOO_LARGE', action: 'skip' });
    expect(performance.now() - t0).toBeLessThan(5000);
    const log = logs.find((l) => l.url.endsWith('/fault/huge.html'))!;
    expect(log.error).toMatch(/E_TOO_LARGE/);
  });

  it('refuses a gzip bomb (50 KB that inflates to 50 MB) after maxBytes of output', async () => {
    const before = process.memoryUsage().rss;
    await expect(client.get(`${site.url}/fault/bomb.html`)).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });

  it('fails a truncated gzip body as undecodable (final, not retried)', async () => {
    await expect(client.get(`${site.url}/fault/truncated.html`)).rejects.toMatchObject({ code: 'E_DECODE', action: 'skip' });
  });

  it('follows redirects, stops loops and caps their number', async () => {
    const r = await client.get(`${site.url}/fault/redirect.html`);
    expect(r.status).toBe(200);
    expect(r.url).toBe(`${site.url}/news/${NEWS[5]}.html`);
    expect(r.redirects).toEqual([`${site.url}/news/${NEWS[5]}.html`]);
    await expect(client.get(`${site.url}/fault/loop-a.html`)).rejects.toMatchObject({ code: 'E_REDIRECT_LOOP' });
    expect(site.hits('/fault/loop-a.html')).toHaveLength(1);
    expect(site.hits('/fault/loop-b.html')).toHaveLength(1);
    const strict = new HttpClient(transport, { userAgent: UA, maxBytes: 1_000_000, maxRedirects: 0 });
    await expect(strict.get(`${site.url}/fault/redirect.html`)).rejects.toMatchObject({ code: 'E_TOO_MANY_REDIRECTS' });
  });

  it('times out a slow server (retryable)', async () => {
    const t0 = performance.now();
    await expect(client.get(`${site.url}/fault/slow.html`)).rejects.toMatchObject({ code: 'E_TIMEOUT', action: 'retry' });
    const took = performance.now() - t0;
    expect(took).toBeGreaterThanOrEqual(550);
    expect(took).toBeLessThan(4000);
  });

  it('fails a refused connection as a retryable network error', async () => {
    await expect(client.get('http://127.0.0.1:9/')).rejects.toMatchObject({ code: 'E_NETWORK', action: 'retry' });
  });

  it('reads a page whose header names the wrong charset by its bytes', async () => {
    const res = await client.get(`${site.url}/fault/win1258.html`);
    expect(res.headers['content-type']).toContain('utf-8');
    const doc = toDocument(res, res.url, 'test');
    expect(doc.body).toContain('Cao Bằng giải ngân 95 tỷ đồng');
    expect(doc.body).toContain('hộ nghèo');
    expect(doc.body).not.toContain('\uFFFD');
  });

  it('refuses what is not a page', () => {
    const res = { url: 'https://x.vn/a.pdf', status: 200, headers: { 'content-type': 'application/pdf' }, body: Buffer.from('%PDF-1.4'), redirects: [] };
    expect(() => toDocument(res, res.url, 'test')).toThrow(/not an article page/);
  });
});
