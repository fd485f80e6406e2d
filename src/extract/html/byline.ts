// Bylines: recognise an author line at the end of a body (`Hồng Phượng`, `Hà Thu (tổng hợp)`,
// `Theo Thanh Xuân`, `Tiến Dũng và nhóm PV, BTV`) and clean author names from metadata.
import { asciiKey } from '../../normalize/text.js';
import { LETTER, LOWER, UPPER, cleanInline } from './text.js';

const ROLE = /^(?:nhóm\s+)?(?:pv|btv|ctv|phóng viên|biên tập viên|cộng tác viên|pv\s*\+\s*btv|ttxvn|vna|vnews|ttxvn\/vietnam\+|vietnam\+|nhóm pv|nhóm phóng viên)$/i;
const ORG_WORDS = /(?:^|\s)(?:báo|tạp chí|online|news|điện tử|ban biên tập|bbt|tòa soạn|toà soạn|admin|administrator|cổng thông tin|trang tin|editor|web ?master|nhà xuất bản|đài|truyền hình)(?:\s|$)/i;
/** One word of a personal name: capitalised (`Phượng`), all caps (`XUÂN`), or initials (`N.`, `Q.A`, `Ng.`). */
const U = `[${UPPER}]`;
const L = `[${LOWER}\u0300-\u036f]`;
const NAME_WORD = new RegExp(`^(?:${U}${L.slice(0, -1)}'’]*|${U}[${UPPER}\u0300-\u036f]+|(?:${U}${L}?\\.)+(?:${U}${L}*)?)$`);
const INITIALS = new RegExp(`^(?:${U}${L}?\\.)+${U}?${L}*\\.?$`);
const SOURCE_WORD = new RegExp(`^${U}[${LETTER}0-9.+&/-]*$`);
const TWO_CAPS = new RegExp(`${U}.*${U}`);
const PREFIX = /^(?:theo|bài(?:\s+và\s+ảnh|,\s*ảnh)?\s*:|tác giả\s*:|ảnh\s*:|by|người viết\s*:|thực hiện\s*:|bài\s*&\s*ảnh\s*:)\s*/i;
const SUFFIX = new RegExp(`\\s*[(（](?:tổng hợp|th|lược dịch|dịch|biên dịch|theo [^)]{1,40}|[${UPPER}0-9][${LETTER}0-9 .&+/-]{1,30})[)）]\\s*$`, 'i');

export interface Byline {
  author: string;
  /** Source outlet after a slash or on its own line (`VnEconomy`). */
  source?: string;
}

function isNamePart(part: string): boolean {
  const words = part.split(/\s+/).filter(Boolean);
  // A lone word only when it carries initials (`N.Hải`, `Q.A`): a bare `Minh` could be anything.
  if (words.length === 1) return INITIALS.test(words[0]);
  if (words.length > 5) return false;
  return words.every((w) => NAME_WORD.test(w));
}

/** A short line that is only a source outlet (`VnEconomy`, `Reuters`, `TTXVN`). */
export function isSourceLine(line: string): boolean {
  if (line.length > 200) return false;
  const s = cleanInline(line).replace(/^theo\s+/i, '').replace(/[.;]$/, '');
  if (!s || s.length > 40) return false;
  if (ROLE.test(s)) return true;
  const words = s.split(/\s+/);
  if (words.length > 3) return false;
  // `VnEconomy`, `Reuters`, `AFP`, `Bloomberg`, `Zing.vn`: one or two capitalised tokens, no sentence.
  return words.every((w) => SOURCE_WORD.test(w)) && (words.length === 1 || TWO_CAPS.test(words[0]));
}

/**
 * If `line` is a byline, the author it names. Strict: every part must look like a personal name or
 * a newsroom role, and the line must be short; a sentence never passes.
 */
export function parseByline(line: string): Byline | undefined {
  if (line.length > 400) return undefined;
  let s = cleanInline(line);
  if (!s || s.length > 80) return undefined;
  s = s.replace(/\s*\.\/\.\s*$/, '').replace(/[.;,]\s*$/, '');
  const hadTheo = /^theo\s/i.test(s);
  s = s.replace(PREFIX, '');
  let source: string | undefined;
  const slash = /^(.*?)\s*[/|]\s*([^/|]+)$/.exec(s);
  if (slash && isSourceLine(slash[2])) {
    source = slash[2].trim();
    s = slash[1];
  }
  s = s.replace(SUFFIX, '').replace(SUFFIX, '').trim();
  if (!s || /\d/.test(s) || /[:!?"“”]/.test(s)) return undefined;
  const parts = s.split(/\s*(?:,|;|&|\s+và\s+|\s+-\s+|\s+–\s+)\s*/i).filter(Boolean);
  if (!parts.length) return undefined;
  let names = 0;
  for (const p of parts) {
    if (isNamePart(p)) names++;
    else if (!ROLE.test(p)) return undefined;
  }
  if (!names) return undefined;
  // `Theo Reuters` names a source, not an author.
  if (hadTheo && parts.length === 1 && isSourceLine(parts[0]) && !/\s/.test(parts[0])) return undefined;
  return { author: s, source };
}

/** Clean an author value from metadata or a byline element; undefined for organisations, URLs, handles. */
export function cleanAuthor(raw: string | undefined, ctx: { siteName?: string; host?: string } = {}): string | undefined {
  if (!raw || raw.length > 400) return undefined;
  let s = cleanInline(raw).replace(PREFIX, '').replace(SUFFIX, '').replace(/[.;,\s]+$/, '').trim();
  if (!s || s.length > 80 || s.length < 2) return undefined;
  if (/https?:|www\.|@|\.(?:vn|com|net|org|info)\b/i.test(s)) return undefined;
  if (/\d/.test(s) || ORG_WORDS.test(s)) return undefined;
  if (s.split(/\s+/).length > 12) return undefined;
  const key = asciiKey(s);
  for (const other of [ctx.siteName, ctx.host]) {
    if (!other) continue;
    const o = asciiKey(other).replace(/\.(?:com\.vn|vn|com|net|org)$/, '').replace(/^(?:bao|bao dien tu)\s+/, '');
    const oCompact = o.replace(/[\s.-]/g, '');
    const kCompact = key.replace(/[\s.-]/g, '');
    if (o && (kCompact === oCompact || oCompact.includes(kCompact) || kCompact.includes(oCompact))) return undefined;
  }
  return s;
}

/** Join several authors, dropping repeats (case and tone insensitive). */
export function joinAuthors(names: Array<string | undefined>): string | undefined {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    if (!n) continue;
    const k = asciiKey(n);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(n);
  }
  return out.length ? out.join(', ') : undefined;
}
