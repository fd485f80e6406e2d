// cleanText: an article saved as plain text (seeds/*.txt). The header (section, breadcrumb, title,
// date) and the footer (byline, `TAG:`, `Tin khác`, other articles' teasers) become metadata or go;
// the body keeps its characters and line structure (NFC only), because figures are located by
// offsets into `text`.
import { PageError } from './errors.js';
import { isDateLine, parseVietnameseDate } from './dates.js';
import { parseByline } from './byline.js';
import { isFileName } from './render.js';
import { cleanInline, looksVietnamese, nfcText, sameKey } from './text.js';
import type { CleanedArticle } from './types.js';

const BREADCRUMB_SEP = /\s+(?:\/|»|>|›|\|)\s+/;
const LEAD_PREFIX = /^\s*\((?:[^()\n]{2,40})\)\s*[-–—:]?\s*\S/;
const FOOTER_MARK = /^\s*(?:(?:tags?|từ khóa|từ khoá|chủ đề)\s*:|(?:tin khác|tin liên quan|bài liên quan|tin cùng chuyên mục|các tin khác|tin mới|tin mới nhất|xem thêm|đọc thêm|có thể bạn quan tâm|bài viết liên quan)\s*:?\s*$)/i;
const TAG_LINE = /^\s*(?:tags?|từ khóa|từ khoá|chủ đề)\s*:\s*(.*)$/i;

/** `Trang chủ / Xã hội / An sinh xã hội`: the parts, or undefined. */
export function parseBreadcrumb(line: string): string[] | undefined {
  const s = line.trim();
  if (!s || s.length > 160) return undefined;
  const parts = s.split(BREADCRUMB_SEP).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return undefined;
  if (parts.some((p) => p.length > 50 || p.split(/\s+/).length > 8 || /[.!?]$/.test(p))) return undefined;
  const home = /^(?:trang chủ|home|trang nhất)$/i.test(parts[0]);
  return home || parts.length >= 3 ? parts : undefined;
}

/** A headline: one line, not too long, no sentence-final punctuation (a question mark is fine). */
function isTitleLike(line: string): boolean {
  const s = line.trim();
  if (s.length < 10 || s.length > 220) return false;
  if (/[.…;,:]$/.test(s) || s.endsWith('./.')) return false;
  if (LEAD_PREFIX.test(s) || isDateLine(s) || parseByline(s)) return false;
  return s.split(/\s+/).length <= 40;
}

/** Lines after a byline that are other articles' headlines (and their teasers), not this article. */
function isTeaserTail(lines: string[]): boolean {
  const nonBlank = lines.map((l) => l.trim()).filter(Boolean);
  if (!nonBlank.length) return true;
  if (FOOTER_MARK.test(nonBlank[0])) return true;
  if (nonBlank.length < 2 || nonBlank.length > 60) return false;
  const heads = nonBlank.filter((l) => isTitleLike(l)).length;
  return heads >= 2 && heads >= nonBlank.length * 0.4;
}

function nextNonBlank(lines: string[], i: number): number {
  while (i < lines.length && !lines[i].trim()) i++;
  return i;
}

/** Clean an article saved as plain text. Pure; throws PageError only for a non-string. */
export function cleanText(input: string): CleanedArticle {
  if (typeof input !== 'string') throw new PageError('<text>', `cleanText needs a string, got ${input === null ? 'null' : typeof input}`, 'E_PAGE_BAD_INPUT');
  const lines = nfcText(input.replace(/\r\n?/g, '\n')).split('\n');

  // Header: section line, breadcrumb, title, date, in that order, each optional.
  let i = nextNonBlank(lines, 0);
  let section: string | undefined;
  let title: string | undefined;
  let publishedAt: string | undefined;
  let header = false;
  const crumbAt = (k: number) => (k < lines.length ? parseBreadcrumb(lines[k]) : undefined);
  const next = nextNonBlank(lines, i + 1);
  const cr0 = crumbAt(i);
  const cr1 = crumbAt(next);
  if (!cr0 && cr1 && lines[i].trim().length <= 60 && sameKey(cr1[cr1.length - 1]) === sameKey(lines[i])) {
    i = next; // the section line repeats the breadcrumb's leaf
  }
  const crumbs = crumbAt(i);
  if (crumbs) {
    section = cleanInline(crumbs[crumbs.length - 1]);
    header = true;
    i = nextNonBlank(lines, i + 1);
  }
  if (i < lines.length && isTitleLike(lines[i])) {
    const after = nextNonBlank(lines, i + 1);
    const follows = after < lines.length ? lines[after] : '';
    const blankBetween = after > i + 1;
    if (header || isDateLine(follows) || LEAD_PREFIX.test(follows) || (blankBetween && follows.trim().length > lines[i].trim().length * 1.5)) {
      title = cleanInline(lines[i]);
      header = true;
      i = after;
    }
  }
  if (i < lines.length && isDateLine(lines[i])) {
    publishedAt = parseVietnameseDate(lines[i]);
    header = true;
    i = nextNonBlank(lines, i + 1);
  }
  const bodyStart = header ? i : 0;
  const leadLine = bodyStart < lines.length && LEAD_PREFIX.test(lines[bodyStart]) ? cleanInline(lines[bodyStart]) : undefined;

  // Footer: `TAG:` / `Tin khác` cut everything after; a byline just before goes to `author`.
  let end = lines.length;
  const tags: string[] = [];
  for (let k = bodyStart + 1; k < lines.length; k++) {
    if (FOOTER_MARK.test(lines[k])) {
      end = k;
      break;
    }
  }
  for (let k = end; k < lines.length; k++) {
    const m = TAG_LINE.exec(lines[k]);
    if (m && m[1].trim()) tags.push(...m[1].split(/\s*[,;]\s*/).map((t) => cleanInline(t)).filter(Boolean));
  }
  let author: string | undefined;
  // The byline: the last name-like line whose following lines are empty or other articles' teasers.
  for (let k = end - 1; k > bodyStart; k--) {
    if (!lines[k].trim()) continue;
    const b = parseByline(lines[k]);
    if (!b) {
      if (end - k > 200) break;
      continue;
    }
    if (isTeaserTail(lines.slice(k + 1, end))) {
      author = b.author;
      end = k;
    }
    break;
  }

  // Blank lines at either end go; every other line stays as it is (trailing spaces included).
  const body = lines.slice(bodyStart, end).filter((l) => !isFileName(l));
  while (body.length && !body[body.length - 1].trim()) body.pop();
  while (body.length && !body[0].trim()) body.shift();
  const text = body.join('\n');
  const paragraphs = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return {
    url: undefined,
    canonicalUrl: undefined,
    title,
    lead: leadLine,
    text,
    paragraphs,
    publishedAt,
    modifiedAt: undefined,
    author,
    section,
    tags,
    language: looksVietnamese(text) ? 'vi' : undefined,
    siteName: undefined,
    images: [],
    method: 'text',
  };
}
