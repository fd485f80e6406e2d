// Article-level context for figures: the years the text talks about, and the place it is about.
import type { Sentence } from './sentences.js';
import { isSpaceCode, unitTable } from '../normalize/text.js';

export interface ArticleMeta {
  title?: string;
  lead?: string;
  /** ISO date of publication; resolves `năm nay`, `năm ngoái`. */
  publishedAt?: string;
  /** The place the article is about, when the caller knows it. */
  location?: string;
}

export interface Attr<T> {
  value: T;
  rule: string;
}

export interface ArticleContext {
  title?: string;
  years: Array<{ year: number; at: number }>;
  location?: Attr<string>;
  publishedYear?: number;
  periodAt(offset: number, sentence: Sentence, sentences: Sentence[], si: number, end?: number): Attr<number> | undefined;
  locationAt(offset: number, sentence: Sentence): Attr<string> | undefined;
  /** A year in the sentence before the article's horizon (its publication year, else its latest year). */
  pastYearIn(sentence: Sentence): number | undefined;
}

const LEVEL = '([Tt]ỉnh|[Tt]hành phố|T[Pp]\\.?|[Hh]uyện|[Tt]hị xã|[Qq]uận|[Xx]ã|[Pp]hường|[Tt]hị trấn)';
const NAME = "((?:\\p{Lu}[\\p{L}\\p{M}'’]*)(?:[ -](?:\\p{Lu}[\\p{L}\\p{M}'’]*|\\d+))*)";
// Sticky, tried only where a level word starts: scanning with it at every position is slow.
const PLACE_AT = new RegExp(`(?<![\\p{L}])${LEVEL}\\s*${NAME}`, 'uy');
// Where PLACE_AT may match: its level words alone (no `u` flag, no lookbehind: a fast scan).
// LEVEL's words, factored by first letter, which the regex engine scans faster; no word is a
// prefix of another, so both forms match the same text at the same places.
const LEVEL_WORD = /[Tt](?:ỉnh|hành phố|hị xã|hị trấn)|T[Pp]|[Hh]uyện|[Qq]uận|[Xx]ã|[Pp]hường/g;

/** Level words as written -> as a researcher reads them (remembered: LEVEL spells a few dozen). */
function levelWord(w: string): string {
  let reading = READINGS.get(w);
  if (reading === undefined) {
    const l = w.toLowerCase().replace(/\.$/, '');
    reading = l === 'tp' ? 'thành phố' : l;
    READINGS.set(w, reading);
  }
  return reading;
}

const READINGS = new Map<string, string>();

// \p{Lu} by code unit below U+2000: where a name may start.
const UPPER = unitTable(/\p{Lu}/u);

/**
 * Whether PLACE_AT may match at the level word text[at, end): only when a capital follows it (after
 * spaces, and the dot of `TP.`). Most level words are not followed by one (`xã hội`, `thành phố này`),
 * and this read is much cheaper than the Unicode regex. Code units past the table take the regex.
 */
function capitalAfter(text: string, at: number, end: number): boolean {
  let i = end;
  if (text.charCodeAt(at) === 84 && end - at === 2 && text.charCodeAt(i) === 46) i++; // TP.
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  if (i === text.length) return false;
  const c = text.charCodeAt(i);
  return c >= UPPER.length || UPPER[c] === 1;
}

export interface PlaceMention {
  level: string;
  name: string;
  text: string;
  start: number;
  end: number;
}

/** Places written with a level word: tỉnh Thái Nguyên, huyện Bạch Thông, TP.HCM. `first`: stop at the first. */
export function placeMentions(text: string, first = false): PlaceMention[] {
  const out: PlaceMention[] = [];
  scanPlaces(text, first, out);
  return out;
}

/** placeMentions into `out`; true when a match was dropped as `Xã hội` on the way. */
function scanPlaces(text: string, first: boolean, out: PlaceMention[]): boolean {
  let dropped = false;
  // As a global regex scans: left to right, the next search from the end of a match.
  LEVEL_WORD.lastIndex = 0;
  for (let w = LEVEL_WORD.exec(text); w; w = LEVEL_WORD.exec(text)) {
    PLACE_AT.lastIndex = w.index;
    const m = capitalAfter(text, w.index, w.index + w[0].length) ? PLACE_AT.exec(text) : null;
    LEVEL_WORD.lastIndex = m ? w.index + m[0].length : w.index + 1;
    if (!m) continue;
    const lvl = m[1];
    // `Xã hội`, `Phường` at a sentence start with a common noun: require the level word in lower case,
    // or a capitalised level word followed by a name.
    if (/^xã$/i.test(lvl) && /^hội\b/i.test(m[2])) {
      dropped = true;
      continue;
    }
    // Only a name ending in a digit can end in a number (the regex would try every offset).
    const name = endsWithDigit(m[2]) ? m[2].replace(/\s+\d+$/, '') : m[2];
    out.push({ level: levelWord(lvl), name, text: m[0], start: m.index, end: m.index + m[0].length });
    if (first) break;
  }
  return dropped;
}

/** Years mentioned as periods (not document dates, not programme spans such as 2021 - 2025). */
function yearMentions(text: string): Array<{ year: number; at: number }> {
  const out: Array<{ year: number; at: number }> = [];
  const re = /(?<![\d.])((?:19|20)\d\d)(?![\d])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    const before = text.slice(Math.max(0, at - 40), at);
    // The regexes below that end at `before`'s end are tried only when its last character fits
    // (anchored at the end, a regex still tries every offset of `before`).
    const slash = before.endsWith('/');
    const trimmed = before.trimEnd();
    // 31/12/2024 and 11/2023 name a year; 20/2021/NĐ-CP does not (checked below).
    if (slash && !/(?<![\d/])\d{1,2}\/(?:\d{1,2}\/)?$/.test(before)) continue;
    // `so với năm 2023` is the base of a comparison, not the figure's period.
    if (mayEndComparison(trimmed) && /so (?:với|cùng kỳ)(?: (?:cuối |đầu )?(?:năm|kỳ))?\s*$/iu.test(before)) continue;
    const after = text.slice(at + 4, at + 12);
    if (((trimmed.endsWith('-') || trimmed.endsWith('–')) && /\d\s*[-–]\s*$/.test(before)) || /^\s*[-–]\s*(?:19|20)\d\d/.test(after)) continue; // 2021 - 2025
    if (/\/[\p{Lu}Đ]/u.test(after)) continue; // 20/2021/NĐ-CP
    // A date right after a document code is the document's date: 122/KH-UBND 05/5/2023, ngày 30/01/2022 về việc.
    if (slash && /[\p{Lu}Đ]{2,}[-–][\p{Lu}Đ]+\s*(?:ngày\s*)?\d{1,2}\/\d{1,2}\/$/u.test(before)) continue;
    if (slash && /(?:số|Số)\s*\d+\/[^\s]*\s*ngày\s*\d{1,2}\/\d{1,2}\/$/u.test(before)) continue;
    out.push({ year: Number(m[1]), at });
  }
  // `năm nay`, `năm ngoái` are resolved later against the publication date.
  return out;
}

/**
 * Whether `s` (trimmed) may end like /so (?:với|cùng kỳ)(?: (?:cuối |đầu )?(?:năm|kỳ))?/iu: in
 * `với`, `kỳ` or `năm`, whose last letters match only i/I, ỳ/Ỳ, m/M under /iu.
 */
function mayEndComparison(s: string): boolean {
  const c = s.charCodeAt(s.length - 1);
  return c === 105 || c === 73 || c === 0x1ef3 || c === 0x1ef2 || c === 109 || c === 77;
}

export function articleContext(text: string, sentences: Sentence[], meta: ArticleMeta): ArticleContext {
  const years = yearMentions(text);
  const publishedYear = meta.publishedAt ? Number(meta.publishedAt.slice(0, 4)) || undefined : undefined;
  const location = meta.location ? { value: meta.location, rule: 'given by the caller' } : mainPlace(text, meta);

  // Per sentence (by start): its first place mention, and whether a match was dropped before it.
  const firstPlaces = new Map<number, { mention?: PlaceMention; dropped: boolean }>();
  const firstPlace = (sentence: Sentence) => {
    let first = firstPlaces.get(sentence.start);
    if (!first) {
      const out: PlaceMention[] = [];
      const dropped = scanPlaces(text.slice(sentence.start, sentence.end), true, out);
      first = { mention: out[0], dropped };
      firstPlaces.set(sentence.start, first);
    }
    return first;
  };
  // The first place in the sentence before `offset`: placeMentions(text.slice(sentence.start, offset), true)[0].
  // The scan of the whole sentence, made once for all its figures, tells unless a match crosses `offset`
  // (matches that end before it are the same in the text cut there, and none starts after it).
  const placeBefore = (offset: number, sentence: Sentence): PlaceMention | undefined => {
    if (offset <= sentence.end) {
      const { mention, dropped } = firstPlace(sentence);
      const at = offset - sentence.start;
      if (mention && mention.end <= at) return mention;
      if (!dropped && (!mention || mention.start >= at)) return undefined;
    }
    return placeMentions(text.slice(sentence.start, offset), true)[0];
  };

  return {
    title: meta.title,
    years,
    location,
    publishedYear,
    periodAt(offset, sentence, _sentences, _si, end = offset) {
      // 0. A year right after the figure: `18,5% cuối năm 2022`, `15,2% (năm 2023)`.
      const next = years.find((y) => y.at >= end && y.at < sentence.end);
      if (next && /^[\s,(]*(?:vào |đến |tính đến )?(?:cuối |đầu |giữa )?(?:năm |tháng \d{1,2}\/|\d{1,2}\/\d{1,2}\/)?$/u.test(text.slice(end, next.at))) {
        return { value: next.year, rule: 'year right after the figure' };
      }
      // 1. The nearest year before the figure in its sentence.
      let best: { year: number; at: number } | undefined;
      for (const y of years) if (y.at >= sentence.start && y.at < offset) best = y;
      if (best) return { value: best.year, rule: 'year in the sentence, before the figure' };
      // 2. A year after the figure in the same sentence.
      const later = years.find((y) => y.at > offset && y.at < sentence.end);
      if (later) return { value: later.year, rule: 'year in the sentence, after the figure' };
      // 3. năm nay / năm ngoái against the publication date.
      if (publishedYear) {
        const s = sentence.text.toLowerCase();
        if (/năm nay|từ đầu năm|trong năm qua/.test(s)) return { value: publishedYear, rule: '"năm nay" and the publication date' };
        if (/năm ngoái|năm trước/.test(s)) return { value: publishedYear - 1, rule: '"năm ngoái" and the publication date' };
      }
      // 4. The last year mentioned before, anywhere in the article.
      for (const y of years) if (y.at < sentence.start) best = y;
      if (best) return { value: best.year, rule: 'last year mentioned earlier in the article' };
      if (publishedYear) return { value: publishedYear, rule: 'publication year' };
      const first = years[0];
      if (first) return { value: first.year, rule: 'first year mentioned in the article' };
      return undefined;
    },
    pastYearIn(sentence) {
      const horizon = publishedYear ?? Math.max(0, ...years.map((y) => y.year));
      const y = years.find((x) => x.at >= sentence.start && x.at < sentence.end && x.year < horizon);
      return y?.year;
    },
    locationAt(offset, sentence) {
      // A place named in the sentence before the figure (`Huyện X có ...`, `Tại xã Y, ...`, `Năm 2023,
      // tỉnh Z có ...`) wins over the article's place; a commune only when the article has none.
      const lead = placeBefore(offset, sentence);
      if (lead && (lead.level !== 'xã' || !location)) return { value: `${lead.level} ${lead.name}`, rule: 'place named before the figure in its sentence' };
      return location;
    },
  };
}

/** The place an article is about: its headline's place, else its most mentioned place. */
function mainPlace(text: string, meta: ArticleMeta): Attr<string> | undefined {
  const places = placeMentions(text);
  const counts = new Map<string, { n: number; first: number; level: string; name: string }>();
  for (const p of places) {
    const key = `${p.level} ${p.name}`;
    const c = counts.get(key) ?? { n: 0, first: p.start, level: p.level, name: p.name };
    c.n++;
    counts.set(key, c);
  }
  const rank = (lvl: string) => ['tỉnh', 'thành phố', 'huyện', 'thị xã', 'quận', 'xã', 'phường', 'thị trấn'].indexOf(lvl);
  // Headline `Hải Dương: ...`, `Thành phố Thái Nguyên: ...`
  const heads = [meta.title, firstLine(text)].filter(Boolean) as string[];
  for (const h of heads) {
    // `Xã Nậm Có mở hai lớp ...`: a headline that opens with a place is about it.
    const opening = placeMentions(h.slice(0, 80))[0];
    if (opening && opening.start === 0 && !/^[^:]{2,60}:/.test(h)) return { value: `${opening.level} ${opening.name}`, rule: 'place opening the headline' };
    const lead = /^([^:]{2,60}):/.exec(h)?.[1]?.trim();
    if (!lead) continue;
    const withLevel = placeMentions(lead)[0];
    if (withLevel) return { value: `${withLevel.level} ${withLevel.name}`, rule: 'place in the headline' };
    const named = [...counts.entries()].filter(([, c]) => c.name === lead).sort((a, b) => b[1].n - a[1].n || rank(a[1].level) - rank(b[1].level));
    if (named[0]) return { value: named[0][0], rule: 'headline place, level from the body' };
  }
  const sorted = [...counts.entries()].filter(([, c]) => !['xã', 'phường', 'thị trấn'].includes(c.level) || counts.size === 1)
    .sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first);
  if (sorted[0]) return { value: sorted[0][0], rule: 'most mentioned place in the article' };
  return undefined;
}

function firstLine(text: string): string {
  return text.slice(0, 200).split('\n')[0] ?? '';
}

function endsWithDigit(s: string): boolean {
  const c = s.charCodeAt(s.length - 1);
  return c >= 48 && c <= 57;
}
