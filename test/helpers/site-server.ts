// A fixture news site on 127.0.0.1 (random port) for the fetch tests: real article pages, the seeds
// wrapped in HTML, robots.txt, RSS, Atom, a sitemap index with a gzipped sitemap, paginated listing
// pages, and faults on chosen paths. Every request is logged with its time and headers.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { brotliCompressSync, createGzip, deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { ROOT } from './cli.js';

export interface LoggedRequest {
  method: string;
  /** Path with query, as requested. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** ms since epoch when the request arrived. */
  at: number;
  status?: number;
}

export interface SiteOptions {
  /** robots.txt: the default rules, a status code to answer with, or 'reset' to drop the connection. */
  robots?: 'rules' | number | 'reset' | string;
  /** How long /fault/slow.html waits before answering. */
  slowMs?: number;
  /** Retry-After seconds on the first /fault/429.html. */
  retryAfterS?: number;
  /** Delay every answer by this many ms (to make a run last long enough to be killed). */
  latencyMs?: number;
}

export interface Site {
  url: string;
  log: LoggedRequest[];
  /** Logged requests whose path (without query) is `path`. */
  hits(path: string): LoggedRequest[];
  /** Most requests in flight at once. */
  maxInFlight: number;
  close(): Promise<void>;
}

/** The fixture pages: name -> HTML bytes (utf-8). */
export const NEWS = readdirSync(join(ROOT, 'test/fixtures/html'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
export const SEEDS = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')).sort();

const LAST_MODIFIED = 'Sat, 07 Mar 2026 01:00:00 GMT';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A plain-text article as a simple news page. */
export function wrapArticle(text: string, opts: { canonical?: string; published?: string; extra?: string; charset?: string } = {}): string {
  const paras = text.split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean);
  const title = paras[0].length < 160 ? paras[0] : paras[0].slice(0, 100);
  const body = (paras[0].length < 160 ? paras.slice(1) : paras).map((p) => `<p>${esc(p)}</p>`).join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="${opts.charset ?? 'utf-8'}"><title>${esc(title)}</title>
${opts.canonical ? `<link rel="canonical" href="${esc(opts.canonical)}">` : ''}
<meta property="article:published_time" content="${opts.published ?? '2026-03-06T08:00:00+07:00'}">
</head><body>
<header><nav><a href="/">Trang chủ</a> <a href="/list/1.html">Xã hội</a></nav></header>
<main><article><h1>${esc(title)}</h1>
${body}
${opts.extra ?? ''}
</article></main>
<footer><p>Báo điện tử thử nghiệm. Giấy phép số 01/GP-TEST.</p></footer>
</body></html>
`;
}

/** Vietnamese text as windows-1258 bytes: tone marks as combining characters, as that code page wants. */
export function toWindows1258(s: string): Buffer {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  let out = '';
  for (const ch of s.normalize('NFC')) {
    if (ch.charCodeAt(0) < 0x80 || !iconv.encode(ch, 'windows-1258').includes(0x3f)) {
      out += ch;
      continue;
    }
    const d = ch.normalize('NFD');
    const tones = d.match(TONES)?.join('') ?? '';
    out += d.replace(TONES, '').normalize('NFC') + tones;
  }
  return iconv.encode(out, 'windows-1258');
}

const fixture = (name: string) => readFileSync(join(ROOT, 'test/fixtures/site', name), 'utf8');
const seedText = (id: string) => readFileSync(join(ROOT, 'seeds', `${id}.txt`), 'utf8');

/** The feeds: which paths each one lists. Exported so tests know what to expect. */
export const LAYOUT = {
  feed: ['/seeds/S0.html?utm_source=rss&utm_medium=feed', '/seeds/S1.html?fbclid=abc', '/news/N0.html', '/private/secret.html'],
  atom: ['/news/N1.html', '/seeds/S0.html', '/amp/seeds/S0.html'],
  sitemapNews: ['/news/N2.html', '/news/N3.html#comments'],
  sitemapOld: ['/seeds/S2.html', '/old/2019.html'],
  list: [['/seeds/S3.html', '/news/N4.html'], ['/news/N5.html'], ['/seeds/S4.html']],
  faults: ['/fault/429.html', '/fault/flaky.html', '/fault/win1258.html', '/fault/slow.html', '/fault/loop-a.html',
    '/fault/huge.html', '/fault/bomb.html', '/fault/truncated.html', '/missing.html', '/gone.html'],
};

/** Resolves the N0..N5 / S0..S4 placeholders to fixture names. */
export function sitePath(p: string): string {
  return p.replace(/\/N(\d)\.html/, (_m, i: string) => `/${NEWS[Number(i)]}.html`).replace(/\/S(\d)\.html/, (_m, i: string) => `/${SEEDS[Number(i)]}.html`);
}

/** One source of each web kind over the site's good pages (no faults): 11 articles and an AMP copy. */
export function cleanSources(base: string) {
  return [
    { kind: 'rss', name: 'feed', url: `${base}/feed.rss` },
    { kind: 'rss', name: 'atom', url: `${base}/atom.xml` },
    { kind: 'sitemap', name: 'sitemap', url: `${base}/sitemap.xml`, since: '2025-01-01' },
    { kind: 'listing', name: 'list', url: `${base}/list/1.html`, linkSelector: 'a.story', nextSelector: 'a.next', maxPages: 3 },
  ] as const;
}

/** Paths of the good articles a full run must store, one each. */
export const GOOD_ARTICLES = [
  ...SEEDS.map((s) => `/seeds/${s}.html`),
  ...NEWS.map((n) => `/news/${n}.html`),
  '/fault/429.html', '/fault/flaky.html', '/fault/win1258.html',
];

export async function startSite(options: SiteOptions = {}): Promise<Site> {
  const log: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  const counters = new Map<string, number>();
  const state = { inFlight: 0, maxInFlight: 0 };
  let base = '';
  const bomb = await (bombOnce ??= gzipBomb(50 * 1024 * 1024));

  const rss = (items: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Tin mới</title><link>${base}/</link>
${items.map((p, i) => `<item><title>Bài ${i}</title><link>${esc(base + sitePath(p))}</link><pubDate>${new Date(Date.UTC(2026, 2, 6, 1, i)).toUTCString()}</pubDate><guid isPermaLink="false">id-${i}</guid></item>`).join('\n')}
</channel></rss>`;
  const atom = (items: string[]) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title><id>${base}/atom.xml</id><updated>2026-03-06T09:00:00+07:00</updated>
${items.map((p, i) => `<entry><title>Bài ${i}</title><id>urn:x:${i}</id><link rel="alternate" type="text/html" href="${esc(sitePath(p))}"/><link rel="self" href="${base}/x"/><updated>2026-03-06T0${i}:30:00+07:00</updated></entry>`).join('\n')}
</feed>`;
  const urlset = (items: Array<[string, string]>, news: boolean) => `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${items.map(([p, d]) => `<url><loc>${esc(base + sitePath(p))}</loc>${news ? `<news:news><news:publication><news:name>Test</news:name><news:language>vi</news:language></news:publication><news:publication_date>${d}</news:publication_date><news:title>x</news:title></news:news>` : `<lastmod>${d}</lastmod>`}</url>`).join('\n')}
</urlset>`;
  const listing = (page: number) => {
    const links = LAYOUT.list[page - 1] ?? [];
    const next = page < LAYOUT.list.length + 1 ? `<a class="next" href="/list/${page + 1}.html">Trang sau</a>` : '';
    return `<!doctype html><html><head><meta charset="utf-8"><title>Xã hội - trang ${page}</title></head><body>
<ul>${links.map((l) => `<li><h3><a class="story" href="${esc(sitePath(l))}">Bài</a></h3></li>`).join('')}</ul>
<a class="ad" href="/quang-cao.html">Quảng cáo</a> ${next}</body></html>`;
  };

  const article = (path: string): Buffer | undefined => {
    let m = /^\/news\/([\w-]+)\.html$/.exec(path);
    if (m && NEWS.includes(m[1])) return readFileSync(join(ROOT, 'test/fixtures/html', m[1], 'source.html'));
    m = /^\/seeds\/(\w+)\.html$/.exec(path);
    if (m && SEEDS.includes(m[1])) return Buffer.from(wrapArticle(seedText(m[1]), { canonical: `${base}/seeds/${m[1]}.html` }));
    m = /^\/amp\/seeds\/(\w+)\.html$/.exec(path);
    // The same article under a second URL: its canonical link names the first; a line of AMP chrome
    // makes the bytes (and the text) differ, so only the canonical link shows they are one article.
    if (m && SEEDS.includes(m[1])) {
      return Buffer.from(wrapArticle(seedText(m[1]), { canonical: `/seeds/${m[1]}.html`, extra: '<p>Xem phiên bản đầy đủ của bài viết trên trang chính của báo.</p>' }));
    }
    if (path === '/private/secret.html') return Buffer.from(wrapArticle(fixture('flaky.txt')));
    if (path === '/old/2019.html') return Buffer.from(wrapArticle(fixture('retry-after.txt'), { published: '2019-01-01T08:00:00+07:00' }));
    return undefined;
  };

  const server = createServer((req, res) => {
    const entry: LoggedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, at: Date.now() };
    log.push(entry);
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    res.on('close', () => { state.inFlight--; });
    const origWriteHead = res.writeHead.bind(res);
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      entry.status = status;
      return (origWriteHead as (...a: unknown[]) => ServerResponse)(status, ...rest);
    }) as typeof res.writeHead;
    const go = () => handle(req, res).catch((e) => { if (!res.headersSent) { res.writeHead(500); res.end(String(e)); } });
    if (options.latencyMs) setTimeout(go, options.latencyMs);
    else go();
  });

  /** 200 with validators, or 304 when the client's validators match; compressed as asked. */
  const send = (req: IncomingMessage, res: ServerResponse, body: Buffer, type: string, encoding?: 'gzip' | 'br' | 'deflate') => {
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    if ((inm && inm === etag) || (!inm && ims && Date.parse(ims) >= Date.parse(LAST_MODIFIED))) {
      res.writeHead(304, { etag, 'last-modified': LAST_MODIFIED });
      res.end();
      return;
    }
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const headers: Record<string, string> = { 'content-type': type, etag, 'last-modified': LAST_MODIFIED };
    let out = body;
    if (encoding && accepts.includes(encoding)) {
      out = encoding === 'gzip' ? gzipSync(body) : encoding === 'br' ? brotliCompressSync(body) : deflateSync(body);
      headers['content-encoding'] = encoding;
    }
    headers['content-length'] = String(out.length);
    res.writeHead(200, headers);
    res.end(out);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', base);
    const path = url.pathname;
    const n = (counters.get(path) ?? 0) + 1;
    counters.set(path, n);
    const html = 'text/html; charset=utf-8';
    const xml = 'application/xml; charset=utf-8';

    if (path === '/robots.txt') {
      const r = options.robots ?? 'rules';
      if (r === 'reset') { req.socket.destroy(); return; }
      if (typeof r === 'number') { res.writeHead(r, { 'content-type': 'text/plain' }); res.end(`status ${r}`); return; }
      const text = r === 'rules' ? 'User-agent: *\nDisallow: /private/\n\nUser-agent: badbot\nDisallow: /\n' : r;
      send(req, res, Buffer.from(text), 'text/plain; charset=utf-8');
      return;
    }
    if (path === '/feed.rss') return send(req, res, Buffer.from(rss(LAYOUT.feed)), 'application/rss+xml; charset=utf-8');
    if (path === '/faults.rss') return send(req, res, Buffer.from(rss(LAYOUT.faults)), 'application/rss+xml; charset=utf-8');
    if (path === '/atom.xml') return send(req, res, Buffer.from(atom(LAYOUT.atom)), 'application/atom+xml');
    if (path === '/sitemap.xml') {
      return send(req, res, Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>${base}/sitemaps/news.xml</loc><lastmod>2026-03-06</lastmod></sitemap>
<sitemap><loc>${base}/sitemaps/old.xml.gz</loc><lastmod>2026-03-05</lastmod></sitemap>
<sitemap><loc>${base}/sitemaps/2018.xml</loc><lastmod>2018-12-31</lastmod></sitemap>
</sitemapindex>`), xml);
    }
    if (path === '/sitemaps/news.xml') return send(req, res, Buffer.from(urlset(LAYOUT.sitemapNews.map((p) => [p, '2026-03-06T08:00:00+07:00']), true)), xml, 'deflate');
    if (path === '/sitemaps/old.xml.gz') {
      const items: Array<[string, string]> = [[LAYOUT.sitemapOld[0], '2026-03-04'], [LAYOUT.sitemapOld[1], '2019-01-01']];
      return send(req, res, gzipSync(urlset(items, false)), 'application/x-gzip');
    }
    const list = /^\/list\/(\d+)\.html$/.exec(path);
    if (list) return send(req, res, Buffer.from(listing(Number(list[1]))), html, 'br');

    // ---- faults ----
    if (path === '/fault/429.html') {
      if (n === 1) { res.writeHead(429, { 'retry-after': String(options.retryAfterS ?? 1), 'content-type': 'text/plain' }); res.end('slow down'); return; }
      return send(req, res, Buffer.from(wrapArticle(fixture('retry-after.txt'))), html);
    }
    if (path === '/fault/flaky.html') {
      if (n <= 2) { res.writeHead(500, { 'content-type': 'text/plain' }); res.end('oops'); return; }
      return send(req, res, Buffer.from(wrapArticle(fixture('flaky.txt'))), html, 'gzip');
    }
    if (path === '/fault/win1258.html') {
      // The header says UTF-8; the bytes are windows-1258 (and the <meta> agrees with the bytes).
      return send(req, res, toWindows1258(wrapArticle(fixture('win1258.txt'), { charset: 'windows-1258' })), 'text/html; charset=utf-8');
    }
    if (path === '/fault/slow.html') {
      const t = setTimeout(() => send(req, res, Buffer.from(wrapArticle(fixture('flaky.txt'))), html), options.slowMs ?? 20_000);
      res.on('close', () => clearTimeout(t));
      return;
    }
    if (path === '/fault/loop-a.html' || path === '/fault/loop-b.html') {
      res.writeHead(302, { location: path.endsWith('a.html') ? '/fault/loop-b.html' : '/fault/loop-a.html' });
      res.end();
      return;
    }
    if (path === '/fault/redirect.html') { res.writeHead(301, { location: sitePath('/news/N5.html') }); res.end(); return; }
    if (path === '/fault/huge.html') return streamHuge(res, 50 * 1024 * 1024);
    if (path === '/fault/bomb.html') {
      res.writeHead(200, { 'content-type': html, 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      res.end(bomb);
      return;
    }
    if (path === '/fault/truncated.html') {
      const gz = gzipSync(wrapArticle(fixture('flaky.txt')));
      const cut = gz.subarray(0, Math.floor(gz.length / 2));
      res.writeHead(200, { 'content-type': html, 'content-encoding': 'gzip', 'content-length': String(cut.length) });
      res.end(cut);
      return;
    }
    if (path === '/gone.html') { res.writeHead(410, { 'content-type': 'text/plain' }); res.end('gone'); return; }

    const page = article(path);
    if (page) return send(req, res, page, html, path.startsWith('/news/') ? 'gzip' : undefined);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };

  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    log,
    hits: (p) => log.filter((e) => e.path.split('?')[0] === p),
    get maxInFlight() { return state.maxInFlight; },
    close: () => new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }),
  };
}

/** 50 MB of HTML, generated as the client reads it (never held in memory), no Content-Length. */
function streamHuge(res: ServerResponse, total: number): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  const chunk = Buffer.alloc(64 * 1024, '<p>tin tin tin</p>\n');
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      sent += chunk.length;
      if (!res.write(chunk)) { res.once('drain', pump); return; }
    }
    res.end();
  };
  res.on('close', () => { sent = total + 1; });
  pump();
}

let bombOnce: Promise<Buffer> | undefined;

/** gzip of `size` zero bytes, compressed chunk by chunk (about 50 KB for 50 MB). */
function gzipBomb(size: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const gz = createGzip({ level: 1 });
    const parts: Buffer[] = [];
    gz.on('data', (c: Buffer) => parts.push(c));
    gz.on('end', () => resolve(Buffer.concat(parts)));
    gz.on('error', reject);
    const zero = Buffer.alloc(1024 * 1024);
    let left = size;
    const write = () => {
      while (left > 0) {
        left -= zero.length;
        if (!gz.write(zero)) { gz.once('drain', write); return; }
      }
      gz.end();
    };
    write();
  });
}
