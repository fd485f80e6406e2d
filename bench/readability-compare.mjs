#!/usr/bin/env node
// cleanHtml (dist/extract/html) against @mozilla/readability + jsdom on the real pages in
// test/fixtures/html/<name>/{source.html,expected.json}. Run `npm run build` first.
//   node bench/readability-compare.mjs            table on stdout
//   node bench/readability-compare.mjs --json     the same numbers as JSON
//   node bench/readability-compare.mjs --repeat 10
// `compareWithReadability({ fixturesDir, repeat })` returns the numbers for a bench runner.
//
// Body words: the fixtures hold no full gold text, so body quality is estimated from what they do hold.
//   recall    = share of the words of the must_contain sentences found in title + lead + text
//   precision = (share of the must_not_contain strings kept out of the text)
//               x min(1, body_chars / characters extracted)   (furniture shows up as extra length)
// Dates count when the day matches; authors as the shared scorer counts them (every name present).
// Speed: the first pass over the pages (cold, as a one-off run sees it) and the median of `repeat`
// warm passes, both in the same process, so the ratio holds whatever else the machine is doing.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const norm = (s) => (s ?? '').toString().normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
const words = (s) => norm(s).match(/[\p{L}\p{N}]+(?:[.,][\p{N}]+)*/gu) ?? [];

/** The fixture pages: [{ name, html, expected }]. */
export function loadPages(fixturesDir = join(ROOT, 'test/fixtures/html')) {
  return readdirSync(fixturesDir)
    .filter((d) => statSync(join(fixturesDir, d)).isDirectory())
    .sort()
    .map((name) => ({
      name,
      html: readFileSync(join(fixturesDir, name, 'source.html'), 'utf8'),
      expected: JSON.parse(readFileSync(join(fixturesDir, name, 'expected.json'), 'utf8')),
    }));
}

function bag(list) {
  const m = new Map();
  for (const w of list) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Share of the words of `sentences` (as a multiset) present in `text`. */
function wordShare(sentences, text) {
  const have = bag(words(text));
  let total = 0;
  let hit = 0;
  for (const s of sentences) {
    for (const [w, n] of bag(words(s))) {
      total += n;
      hit += Math.min(n, have.get(w) ?? 0);
    }
  }
  return total ? hit / total : 1;
}

/** Score one extraction against a page's expectations. */
export function scorePage(result, expected) {
  const all = [result.title, result.lead, result.text].filter(Boolean).join(' ');
  const recall = wordShare(expected.must_contain ?? [], all);
  const dropped = (expected.must_not_contain ?? []).filter((s) => !norm(result.text).includes(norm(s))).length / Math.max(1, (expected.must_not_contain ?? []).length);
  const size = Math.min(1, expected.body_chars / Math.max(1, (result.text ?? '').length));
  const precision = dropped * size;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const day = (s) => (s ?? '').toString().slice(0, 10);
  const date = expected.published ? day(result.publishedAt) === day(expected.published) : undefined;
  const author = expected.author
    ? expected.author
        .split(/\s*(?:[,;/–-]|\svà\s)\s*/)
        .filter(Boolean)
        .every((a) => norm(result.author).includes(norm(a)))
    : undefined;
  const title = expected.title ? norm(result.title) === norm(expected.title) : undefined;
  return { precision, recall, f1, date, author, title };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timePass(fn, pages) {
  const t0 = performance.now();
  for (const p of pages) fn(p);
  return performance.now() - t0;
}

/**
 * Run both extractors over the fixture pages. Returns per-page scores, averages and speeds.
 * Readability needs jsdom and @mozilla/readability (devDependencies); without them only solieu is scored.
 */
export async function compareWithReadability({ fixturesDir, repeat = 5, distDir = join(ROOT, 'dist') } = {}) {
  const pages = loadPages(fixturesDir);
  const api = await import(pathToFileURL(join(distDir, 'extract/html/index.js')).href);
  const extractors = {
    solieu: (p) => api.cleanHtml(p.html, p.expected.url),
  };
  try {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const { Readability } = await import('@mozilla/readability');
    extractors.readability = (p) => {
      const dom = new JSDOM(p.html, { url: p.expected.url, virtualConsole: new VirtualConsole() });
      try {
        const r = new Readability(dom.window.document).parse();
        return { title: r?.title, text: r?.textContent ?? '', author: r?.byline, publishedAt: r?.publishedTime };
      } finally {
        dom.window.close();
      }
    };
  } catch {
    /* not installed: solieu only */
  }

  const out = { pages: pages.map((p) => p.name), extractors: {} };
  for (const [name, fn] of Object.entries(extractors)) {
    // Cold: the first pass, in page order, JIT and caches empty (for this extractor).
    const rows = [];
    const t0 = performance.now();
    for (const p of pages) {
      let r;
      try {
        r = fn(p);
      } catch (e) {
        r = { text: '', error: String(e?.message ?? e) };
      }
      rows.push({ page: p.name, ...scorePage(r, p.expected) });
    }
    const coldMs = performance.now() - t0;
    const warm = [];
    for (let i = 0; i < repeat; i++) warm.push(timePass(fn, pages));
    const mean = (k) => {
      const xs = rows.map((r) => r[k]).filter((v) => v !== undefined);
      return xs.length ? xs.reduce((a, b) => a + Number(b), 0) / xs.length : undefined;
    };
    const warmMs = median(warm);
    out.extractors[name] = {
      rows,
      precision: mean('precision'),
      recall: mean('recall'),
      f1: mean('f1'),
      date: mean('date'),
      author: mean('author'),
      title: mean('title'),
      coldMsPerPage: coldMs / pages.length,
      warmMsPerPage: warmMs / pages.length,
      pagesPerSecond: (pages.length * 1000) / warmMs,
    };
  }
  const s = out.extractors.solieu;
  const r = out.extractors.readability;
  if (r) out.speedup = { cold: r.coldMsPerPage / s.coldMsPerPage, warm: r.warmMsPerPage / s.warmMsPerPage };
  return out;
}

/** The comparison as a Markdown table. */
export function formatTable(res) {
  const f = (v, d = 3) => (v === undefined ? 'n/a' : Number(v).toFixed(d));
  const lines = [
    '| extractor | body P | body R | body F1 | title | date | author | ms/page cold | ms/page warm | pages/s (warm) |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [name, e] of Object.entries(res.extractors)) {
    lines.push(`| ${name} | ${f(e.precision)} | ${f(e.recall)} | ${f(e.f1)} | ${f(e.title, 2)} | ${f(e.date, 2)} | ${f(e.author, 2)} | ${f(e.coldMsPerPage, 1)} | ${f(e.warmMsPerPage, 1)} | ${f(e.pagesPerSecond, 1)} |`);
  }
  if (res.speedup) lines.push('', `solieu is ${res.speedup.warm.toFixed(1)}x faster warm, ${res.speedup.cold.toFixed(1)}x cold (${res.pages.length} pages).`);
  return lines.join('\n');
}

function perPage(res) {
  const names = Object.keys(res.extractors);
  const lines = ['| page | ' + names.map((n) => `${n} F1 / date / author`).join(' | ') + ' |', '|---|' + names.map(() => '---').join('|') + '|'];
  res.pages.forEach((p, i) => {
    const cells = names.map((n) => {
      const r = res.extractors[n].rows[i];
      const yn = (v) => (v === undefined ? '-' : v ? 'yes' : 'no');
      return `${r.f1.toFixed(3)} / ${yn(r.date)} / ${yn(r.author)}`;
    });
    lines.push(`| ${p} | ${cells.join(' | ')} |`);
  });
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, repeat: { type: 'string' }, fixtures: { type: 'string' } } });
  const res = await compareWithReadability({ repeat: Number(values.repeat ?? 5), fixturesDir: values.fixtures });
  if (values.json) console.log(JSON.stringify(res, null, 2));
  else console.log(formatTable(res) + '\n\n' + perPage(res));
}
