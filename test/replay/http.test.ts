// replay --http on a recording written here by hand, file by file, as docs/recording.md describes.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exchangeKey } from '../../src/fetch/recording.js';
import { decodeHtml } from '../../src/extract/html/index.js';
import { processDocument } from '../../src/process.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { ARTICLES, readLines, writeLines } from './helpers.js';

const PAGE_URL = 'https://dantri.com.vn/bat-dong-san/gia-chung-cu-van-neo-cao-nguoi-mua-kho-voi-20221223135201919.htm';
const TEXT_URL = 'https://example.vn/bai/van-yen-giam-ngheo';
const TEXT_FINAL = 'https://example.vn/bai/van-yen-giam-ngheo.txt';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

interface Served { url: string; status: number; headers: Record<string, string>; body: Buffer }

function writeExchange(dir: string, s: Served): string {
  const request = { method: 'GET' as const, url: s.url, headers: { 'user-agent': 'solieu-test', 'accept-encoding': 'gzip, deflate, br' } };
  const key = exchangeKey(request);
  writeFileSync(join(dir, 'exchanges', `${key}.json`), JSON.stringify({
    request, response: { status: s.status, headers: s.headers, bodyBase64: s.body.toString('base64') }, at: '2024-05-01T02:00:00.000Z',
  }, null, 1));
  return key;
}

/** A recording of a run that fetched one gzip-encoded page and one text article behind a redirect. */
function makeRecording(): { dir: string; keys: Record<string, string>; total: number } {
  const dir = tempDir('solieu-recording-');
  mkdirSync(join(dir, 'exchanges'));
  const page = readFileSync(join(ARTICLES, 'html-011-dantri-vneconomy', 'source.html'));
  // No money in the text article: extract/subject.ts carries regex state from one money subject to the
  // next document, and the recording is computed in this process while replay runs in a fresh one.
  const text = readFileSync(join(ARTICLES, 'hard-points', 'source.txt'));
  const keys = {
    page: writeExchange(dir, { url: PAGE_URL, status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }, body: gzipSync(page) }),
    redirect: writeExchange(dir, { url: TEXT_URL, status: 301, headers: { location: TEXT_FINAL }, body: Buffer.alloc(0) }),
    text: writeExchange(dir, { url: TEXT_FINAL, status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text }),
  };
  // What the recorded run stored: processDocument on the decoded bodies, as ingest does.
  const docs = [
    { uri: PAGE_URL, format: 'html' as const, body: decodeHtml(page, 'text/html; charset=utf-8') },
    { uri: TEXT_URL, format: 'text' as const, body: text.toString('utf8') },
  ].map((d) => processDocument({ ...d, source: 'web' }));
  const figures = docs.flatMap((p) => p.figures.map((f) => ({ article: p.uri, ...f })));
  writeLines(join(dir, 'figures.jsonl'), figures);
  writeFileSync(join(dir, 'run.json'), JSON.stringify({
    startedAt: '2024-05-01T02:00:00.000Z', finishedAt: '2024-05-01T02:00:05.000Z', config: { sources: [] },
    summary: { new: 2, updated: 0, unchanged: 0, notModified: 0, failed: 0, figures: figures.length, entities: docs.reduce((n, p) => n + p.entities.length, 0) },
    articles: docs.map((p) => ({ uri: p.uri, canonicalUrl: p.content.canonicalUrl ?? null, textHash: sha256(p.content.text), figures: p.figures.length })),
  }, null, 2));
  return { dir, keys, total: figures.length };
}

describe('solieu replay --http', () => {
  let template: ReturnType<typeof makeRecording>;
  let rec: ReturnType<typeof makeRecording>;
  beforeAll(() => {
    template = makeRecording();
  });
  beforeEach(() => {
    rec = { ...template, dir: tempDir('solieu-recording-') };
    cpSync(template.dir, rec.dir, { recursive: true });
  });

  it('replays a faithful recording with no differences (exit 0)', () => {
    const r = runCli(['replay', '--http', rec.dir]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`ok   ${PAGE_URL} [recording]`);
    expect(r.stdout).toContain(`ok   ${TEXT_URL} [recording]`);
    expect(r.stdout).toContain('2 fixtures: 2 agree, 0 differ, 0 broken');
    expect(r.code).toBe(0);
  });

  it('reports a changed record and a changed text hash of the recorded run (exit 1)', () => {
    const path = join(rec.dir, 'figures.jsonl');
    const rows = readLines(path);
    const i = rows.findIndex((f) => f.article === TEXT_URL);
    const was = rows[i].modality as string;
    const now = was === 'actual' ? 'target' : 'actual';
    rows[i] = { ...rows[i], modality: now };
    writeLines(path, rows);
    const run = JSON.parse(readFileSync(join(rec.dir, 'run.json'), 'utf8'));
    run.articles[0].textHash = '0'.repeat(64);
    writeFileSync(join(rec.dir, 'run.json'), JSON.stringify(run));
    const r = runCli(['replay', '--http', rec.dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`FAIL ${TEXT_URL}`);
    expect(r.stdout).toContain(`modality: "${was}" -> "${now}"`);
    expect(r.stdout).toMatch(new RegExp(`FAIL ${PAGE_URL.replace(/[.?]/g, '\\$&')}[^\\n]*\\n  article \\(field: actual -> expected\\):\\n    ~ textHash: "[0-9a-f]{64}" -> "0{64}"`));
  });

  it('compares the run summary with the replayed totals', () => {
    const run = JSON.parse(readFileSync(join(rec.dir, 'run.json'), 'utf8'));
    run.summary.figures += 1;
    writeFileSync(join(rec.dir, 'run.json'), JSON.stringify(run));
    const r = runCli(['replay', '--http', rec.dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('recorded run (field: replayed -> recorded):');
    expect(r.stdout).toContain(`~ figures: ${rec.total} -> ${rec.total + 1}`);
  });

  it('names an article whose exchange was not recorded and still replays the others', () => {
    rmSync(join(rec.dir, 'exchanges', `${rec.keys.page}.json`));
    const r = runCli(['replay', '--http', rec.dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`BROKEN ${PAGE_URL.replace(/[.?]/g, '\\$&')} \\[recording\\]: .*E_NOT_RECORDED`));
    expect(r.stdout).toContain(`ok   ${TEXT_URL}`);
    expect(r.stdout).toContain('~ articles: 1 -> 2');
  });

  it('writes JUnit XML for a recording too', () => {
    const run = JSON.parse(readFileSync(join(rec.dir, 'run.json'), 'utf8'));
    run.summary.figures = 0;
    writeFileSync(join(rec.dir, 'run.json'), JSON.stringify(run));
    const r = runCli(['replay', '--http', rec.dir, '--format', 'junit']);
    expect(r.code).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    expect(r.stdout).toContain('<testsuite name="summary" tests="1" failures="1"');
  });

  it('refuses what is not a recording, fixture folders next to --http, and --update (exit 2)', () => {
    expect(runCli(['replay', '--http', tempDir()]).code).toBe(2);
    expect(runCli(['replay', '--http', rec.dir, ARTICLES]).code).toBe(2);
    expect(runCli(['replay', '--http', rec.dir, '--update']).code).toBe(2);
  });
});
