// The benchmark workload, generated deterministically from the fixtures: the seed articles and the
// real pages, varied with a seeded PRNG (numbers, years, place names, paragraphs borrowed and
// reordered), so any number of distinct but realistic articles can be made, the same every run.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, good enough to vary text. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rng, list) => list[Math.floor(rng() * list.length)];

// Provinces and cities: names the gazetteer knows, so varied articles still carry real places.
const PLACES = [
  'Thái Nguyên', 'Bắc Kạn', 'Hà Giang', 'Cao Bằng', 'Lào Cai', 'Yên Bái', 'Tuyên Quang', 'Lạng Sơn', 'Sơn La', 'Điện Biên',
  'Lai Châu', 'Hòa Bình', 'Phú Thọ', 'Bắc Giang', 'Quảng Ninh', 'Hải Dương', 'Hưng Yên', 'Thái Bình', 'Nam Định', 'Ninh Bình',
  'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Quảng Bình', 'Quảng Trị', 'Quảng Nam', 'Quảng Ngãi', 'Bình Định', 'Phú Yên', 'Khánh Hòa',
  'Gia Lai', 'Kon Tum', 'Đắk Lắk', 'Đắk Nông', 'Lâm Đồng', 'Bình Phước', 'Tây Ninh', 'Đồng Nai', 'Long An', 'Tiền Giang',
  'Bến Tre', 'Trà Vinh', 'Vĩnh Long', 'Đồng Tháp', 'An Giang', 'Kiên Giang', 'Hậu Giang', 'Sóc Trăng', 'Bạc Liêu', 'Cà Mau',
];
const PLACE_RE = new RegExp(PLACES.join('|'), 'g');

/** The fixtures: seeds/*.txt and test/fixtures/html/<name>/source.html. */
export function loadFixtures(root) {
  const seedDir = join(root, 'seeds');
  const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ name: f, text: readFileSync(join(seedDir, f), 'utf8').replace(/^\uFEFF/, '') }));
  const htmlDir = join(root, 'test/fixtures/html');
  const pages = readdirSync(htmlDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    .map((name) => ({ name, html: readFileSync(join(htmlDir, name, 'source.html'), 'utf8') }));
  return { seeds, pages, articles: seeds.map((s) => bodyAndTail(s.text)) };
}

/** A seed's paragraphs: the body, and the tail from the byline on (author, tags, related links), which stays last. */
function bodyAndTail(text) {
  const paras = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const end = paras.findIndex((p, i) => i > 0 && ((p.length < 40 && !/\d/.test(p)) || /^TAG:|\nTAG:/.test(p)));
  return end < 0 ? { body: paras, tail: [] } : { body: paras.slice(0, end), tail: paras.slice(end) };
}

/** New digits of the same shape: 1.837,272 stays a number with the same separators; years stay years;
 * dates and times (digits next to / or :) are kept. */
function varyNumbers(rng, s) {
  return s.replace(/\d+/g, (d, at) => {
    if (/[/:]/.test(s[at - 1] ?? '') || /[/:]/.test(s[at + d.length] ?? '')) return d;
    if (d.length === 4 && /^(19|20)/.test(d)) return String(2010 + Math.floor(rng() * 16));
    let out = String(1 + Math.floor(rng() * 9));
    for (let i = 1; i < d.length; i++) out += Math.floor(rng() * 10);
    return out;
  });
}

/** One place throughout the article (it stays coherent), sometimes a second one. */
function varyPlaces(rng, s) {
  const main = pick(rng, PLACES);
  const other = pick(rng, PLACES);
  return s.replace(PLACE_RE, () => (rng() < 0.8 ? main : other));
}

function varyText(rng, s) {
  return varyPlaces(rng, varyNumbers(rng, s));
}

/** Article i as plain text: a seed with body paragraphs borrowed, reordered and dropped, new numbers and places. */
export function textArticle(fx, i) {
  const rng = prng(0x5eed ^ Math.imul(i + 1, 0x9e3779b1));
  const { body, tail } = fx.articles[i % fx.articles.length];
  const out = [body[0]]; // the lead stays first
  for (const p of body.slice(1)) {
    const r = rng();
    if (r < 0.1) continue; // dropped
    if (r < 0.3) {
      const other = pick(rng, fx.articles).body; // borrowed from any seed's body
      out.push(other.length > 1 ? other[1 + Math.floor(rng() * (other.length - 1))] : p);
    } else out.push(p);
  }
  // A couple of neighbouring swaps keep the article readable but different.
  for (let k = 0; k < 2 && out.length > 3; k++) {
    const j = 1 + Math.floor(rng() * (out.length - 2));
    [out[j], out[j + 1]] = [out[j + 1], out[j]];
  }
  return varyText(rng, [...out, ...tail].join('\n\n'));
}

/** Article i as a small news page (the seeds wrapped in HTML, as the fixture server of issue 7 serves them). */
export function wrappedPage(fx, i) {
  const text = textArticle(fx, i);
  const paras = text.split('\n\n');
  const title = paras[0].split(/(?<=[.!?])\s/)[0].slice(0, 120);
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const day = String(1 + (i % 28)).padStart(2, '0');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${esc(title)} - Báo Bench</title>
<meta property="og:title" content="${esc(title)}"><meta property="og:site_name" content="Báo Bench">
<meta property="article:published_time" content="2024-03-${day}T08:00:00+07:00"></head>
<body><header><nav><a href="/">Trang chủ</a> <a href="/xa-hoi">Xã hội</a> <a href="/kinh-te">Kinh tế</a></nav></header>
<main><article><h1>${esc(title)}</h1><p class="sapo">${esc(paras[0])}</p>
${paras.slice(1).map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article><aside><h3>Tin liên quan</h3><ul><li><a href="/a/${i + 1}.html">Bài tiếp theo</a></li></ul></aside></main>
<footer>© Báo Bench. Giấy phép số 123/GP-BTTTT.</footer></body></html>`;
}

/** Page i: one of the real fixture pages with new numbers and places in its text (tags left alone). */
export function htmlPage(fx, i) {
  const rng = prng(0xfa9e ^ Math.imul(i + 1, 0x85ebca6b));
  const page = fx.pages[i % fx.pages.length];
  return { name: page.name, html: page.html.replace(/>([^<]+)</g, (_, t) => `>${varyText(rng, t)}<`) };
}

/** Text articles from index `from` on until `bytes` UTF-8 bytes are reached. */
export function textCorpus(fx, bytes, from = 0) {
  const out = [];
  let size = 0;
  for (let i = from; size < bytes; i++) {
    const t = textArticle(fx, i);
    out.push(t);
    size += Buffer.byteLength(t);
  }
  return { articles: out, bytes: size };
}
