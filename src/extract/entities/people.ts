// People: a capitalised name after an honorific (`Bà Phùng Thị Hiến`, `chị Lý Ân`) or a title
// (`Bộ trưởng Đào Ngọc Dung`, `Chủ tịch UBND tỉnh Nguyễn Văn A`), with a title given after a comma
// (`..., Trưởng Phòng Lao động, Thương binh và Xã hội huyện Bạch Thông`); and the article's byline.
import data from '../../data/people.json' with { type: 'json' };
import type { EntityMention } from '../../types.js';
import { isProvinceName } from '../../normalize/gazetteer.js';
import { displayName } from '../../normalize/names.js';
import { foldCase } from '../../normalize/text.js';
import type { OrganizationMention } from './organizations.js';
import type { PlaceMention } from './places.js';
import {
  Finder, L, NO_WORD_AFTER, NO_WORD_BEFORE, beforeHyphen, exactHeads, exactSource, headsOf, isSpaceCode, isUpper, isUpperCode, phraseHeads,
  phraseSource, properRun, runText, upperCount, type Syllable,
} from './scan.js';

export interface PersonMention extends EntityMention {
  kind: 'person';
  /** As written before the name: `Bà`, `chị`. */
  honorific?: string;
  /** `Bộ trưởng`, `Trưởng Phòng Lao động - Thương binh và Xã hội huyện Bạch Thông`. */
  title?: string;
  /** Canonical name of the organisation in the title. */
  organization?: string;
  /** `author` for the byline. */
  role?: 'author';
}

export interface PeopleContext {
  places: PlaceMention[];
  orgs: OrganizationMention[];
}

// `GS`, `ThS`, `PGS.TS`, `Đ/c`: at most one lower-case letter, and two capitals or a slash.
const isAbbreviation = (w: string): boolean =>
  !/\s/.test(w) && [...w].filter((c) => c !== c.toUpperCase()).length <= 1 && (upperCount(w) >= 2 || w.includes('/'));
const alternation = (words: string[]): string =>
  [...words].sort((a, b) => b.length - a.length).map((w) => (isAbbreviation(w) ? exactSource(w) : phraseSource(w))).join('|');

// Honorifics: words on the shadow (any case); abbreviations (`GS`, `ThS`) as written.
const HONORIFIC_WORDS = data.honorifics.filter((w) => !isAbbreviation(w));
const HONORIFIC_ABBR = data.honorifics.filter(isAbbreviation);
const HONORIFIC_RE = new RegExp(`${NO_WORD_BEFORE}(?:${alternation(HONORIFIC_WORDS)})(?=\\s)`, 'g');
const HONORIFIC_ABBR_RE = new RegExp(`${NO_WORD_BEFORE}(?:${alternation(HONORIFIC_ABBR)})\\.?(?=\\s)`, 'g');
const TITLE_RE = new RegExp(`${NO_WORD_BEFORE}(?:${alternation(data.titles)})${NO_WORD_AFTER}`, 'g');
const TITLE_STICKY = new RegExp(`(?:${alternation(data.titles)})${NO_WORD_AFTER}`, 'y');
const NEEDS_ORG = new Set(data.titlesNeedOrg.map(foldCase));
/** Where a match of alternation(words) can start. */
const headsOfWords = (words: string[]): string[] | undefined =>
  headsOf(words, (w) => (isAbbreviation(w) ? exactHeads(w) : phraseHeads(w)));
const HONORIFICS = new Finder([
  { source: HONORIFIC_RE.source, heads: headsOfWords(HONORIFIC_WORDS) },
  { source: HONORIFIC_ABBR_RE.source, onText: true, heads: headsOfWords(HONORIFIC_ABBR) },
]);
const TITLES = new Finder([{ source: TITLE_RE.source, heads: headsOfWords(data.titles) }]);
const AUTHOR_SUFFIX = new RegExp(`\\s+(?:${data.authorSuffixes.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})[^\\n]{0,24}$`, 'u');

interface Span {
  start: number;
  end: number;
}
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/** Name run at `at`: capitalised syllables, no digits, not a province, not starting an organisation. */
function nameAt(text: string, at: number, min: number, ctx: PeopleContext): Syllable[] | undefined {
  const run = beforeHyphen(properRun(text, at, 5)).filter((s) => !s.digits);
  if (run.length < min) return undefined;
  if (ctx.orgs.some((o) => o.start === at)) return undefined;
  if (ctx.places.some((p) => p.start === at && !p.reference && p.level !== 'province')) return undefined;
  return run;
}

/** `, Trưởng Phòng ...` after a name: the title word(s) and the organisation after them. */
function titleAfter(text: string, shadow: string, end: number, ctx: PeopleContext): { title: string; organization?: string } | undefined {
  const comma = /^ ?, ?/u.exec(text.slice(end, end + 3));
  if (!comma) return undefined;
  return titleAt(text, shadow, end + comma[0].length, ctx);
}

function titleAt(text: string, shadow: string, at: number, ctx: PeopleContext): { title: string; organization?: string; end: number } | undefined {
  TITLE_STICKY.lastIndex = at;
  const m = TITLE_STICKY.exec(shadow);
  if (!m) return undefined;
  // `Trưởng Phòng Lao động ...`: the organisation may start inside the longest title (`Trưởng phòng`).
  const titleEnd = at + m[0].length;
  const org = ctx.orgs.find((o) =>
    (o.start > at && o.start < titleEnd) || (o.start > titleEnd && o.start <= titleEnd + 2 && /^[ \u00a0]{1,2}$/u.test(text.slice(titleEnd, o.start))));
  if (!org && NEEDS_ORG.has(foldCase(m[0]))) return undefined;
  if (!org) return { title: displayName(text.slice(at, titleEnd)), end: titleEnd };
  const word = displayName(text.slice(at, org.start));
  return { title: `${word} ${org.canonical}`, organization: org.canonical, end: org.end };
}

function byHonorific(text: string, shadow: string, ctx: PeopleContext, out: PersonMention[]): void {
  HONORIFICS.run(text, shadow, (m) => {
    const start = m.index;
    // `Bà Rịa - Vũng Tàu`: the honorific is part of a place.
    if (ctx.places.some((p) => !p.reference && start >= p.start && start < p.end)) return;
    const gap = /^[ \u00a0]+/u.exec(text.slice(start + m[0].length, start + m[0].length + 3));
    if (!gap) return;
    let at = start + m[0].length + gap[0].length;
    // `ông Chủ tịch UBND xã Nguyễn Văn A`: a title between honorific and name.
    const inner = titleAt(text, shadow, at, ctx);
    if (inner) {
      const g = /^[ \u00a0]+/u.exec(text.slice(inner.end, inner.end + 3));
      if (g) at = inner.end + g[0].length;
    }
    const run = nameAt(text, at, 1, ctx);
    if (!run) return;
    const name = runText(text, run);
    if (isProvinceName(`${text.slice(start, start + m[0].length)} ${name}`)) return;
    const end = run.at(-1)!.end;
    const person: PersonMention = {
      kind: 'person', text: text.slice(start, end), start, end, canonical: displayName(name),
      honorific: text.slice(start, start + m[0].length),
    };
    const title = inner ?? titleAfter(text, shadow, end, ctx);
    if (title) {
      person.title = title.title;
      if (title.organization) person.organization = title.organization;
    }
    out.push(person);
  });
}

function byTitle(text: string, shadow: string, ctx: PeopleContext, out: PersonMention[]): void {
  TITLES.run(text, shadow, (m) => {
    const start = m.index;
    if (out.some((p) => start >= p.start && start < p.end)) return;
    const title = titleAt(text, shadow, start, ctx);
    if (!title) return;
    const gap = /^[ \u00a0]+/u.exec(text.slice(title.end, title.end + 3));
    if (!gap) return;
    const run = nameAt(text, title.end + gap[0].length, 2, ctx);
    if (!run) return;
    const end = run.at(-1)!.end;
    const person: PersonMention = {
      kind: 'person', text: text.slice(start, end), start, end, canonical: displayName(runText(text, run)), title: title.title,
    };
    if (title.organization) person.organization = title.organization;
    out.push(person);
  });
}

// AUTHOR_SUFFIX ends `[^\n]{0,24}$` (code points, so up to 48 code units): a suffix it removes
// starts at most that far before the end.
const AUTHOR_SUFFIXES: string[] = data.authorSuffixes;
// A long line (80 units) ending like a paragraph: `/[.!?…"”)\/]$/u`.
const PARAGRAPH_END = new Set([...'.!?…"”)/'].map((c) => c.charCodeAt(0)));

const BYLINE = new RegExp(`^[\\s\\u00a0]*([${L}]{2,}(?:[ \\u00a0][${L}]{2,}){1,3})$`);

/** The byline: a short capitalised line after the last long paragraph (`Hồng Phượng`). */
export function findAuthor(text: string): PersonMention | undefined {
  // Lines are read in place (no split): only those starting with a capital are sliced. Of the line
  // before, the length and last character of its trimmed content (afterParagraph).
  let previousLength = 0;
  let previousLast = -1;
  for (let start = 0; start <= text.length;) {
    let lineEnd = text.indexOf('\n', start);
    if (lineEnd < 0) lineEnd = text.length;
    // trimmed: text[start, end) (trimEnd removes exactly isSpaceCode); content: text[from, end).
    let end = lineEnd;
    while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
    let from = start;
    while (from < end && isSpaceCode(text.charCodeAt(from))) from++;
    if (from < end) {
      // A byline's first word is capitalised: other lines need no closer look.
      if (isUpperCode(text.charCodeAt(from))) {
        const trimmed = text.slice(start, end);
        const body = AUTHOR_SUFFIXES.some((x) => trimmed.includes(x, trimmed.length - x.length - 48)) ? trimmed.replace(AUTHOR_SUFFIX, '') : trimmed;
        const m = BYLINE.exec(body);
        // Every word capitalised, the rest of it lower case: `Hồng Phượng`, not `TAG:` or `Tin khác`.
        const name = m && m[1].split(/[ \u00a0]/).every((w) => isUpper(w[0]) && w.slice(1) === w.slice(1).toLowerCase());
        const afterParagraph = previousLength >= 80 && PARAGRAPH_END.has(previousLast);
        if (m && name && afterParagraph && !isProvinceName(m[1])) {
          const s = start + body.indexOf(m[1]);
          return {
            kind: 'person', text: m[1], start: s, end: s + m[1].length, canonical: displayName(m[1]), role: 'author',
          };
        }
      }
      previousLength = end - from;
      previousLast = text.charCodeAt(end - 1);
    }
    start = lineEnd + 1;
  }
  return undefined;
}

/** People in `text`. `shadow` is shadowOf(text); places and organisations from their matchers. */
export function findPeople(text: string, shadow: string, ctx: PeopleContext): PersonMention[] {
  const out: PersonMention[] = [];
  byHonorific(text, shadow, ctx, out);
  byTitle(text, shadow, ctx, out);
  const author = findAuthor(text);
  if (author && !out.some((p) => overlaps(p, author))) out.push(author);
  return out.sort((a, b) => a.start - b.start);
}
