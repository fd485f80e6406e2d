// Dates as ISO 8601 in Vietnam time: `2026-03-07T08:01:00+07:00`. Sources: JSON-LD/meta values
// (any ISO form, with or without a zone), the visible Vietnamese forms, and article ids in URLs.

const VN_MINUTES = 7 * 60;

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function daysIn(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validDate(y: number, m: number, d: number): boolean {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

/** Format wall-clock parts that are in the given offset (minutes east of UTC) as +07:00 time. */
function format(y: number, mo: number, d: number, h: number, mi: number, s: number, offsetMin: number): string {
  const utc = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMin * 60_000;
  const t = new Date(utc + VN_MINUTES * 60_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}+07:00`;
}

/**
 * A machine date (JSON-LD, meta, <time datetime>) to +07:00. A value without a zone is taken as
 * Vietnam time (CafeF writes `2026-03-07T00:01:00`). Also accepts Unix seconds/milliseconds.
 */
export function normalizeIsoDate(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const s = value.trim();
  if (s.length > 64) return undefined;
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const t = new Date(ms + VN_MINUTES * 60_000);
    if (!validDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())) return undefined;
    return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), VN_MINUTES);
  }
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|GMT|UTC|[+-]\d{2}:?\d{2}|[+-]\d{1,2})?$/i.exec(s);
  if (!m) return parseVietnameseDate(s);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validDate(y, mo, d)) return undefined;
  if (m[4] === undefined) return `${m[1]}-${pad(mo)}-${pad(d)}`;
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const sec = m[6] ? Number(m[6]) : 0;
  if (h > 23 || mi > 59 || sec > 59) return undefined;
  return format(y, mo, d, h, mi, sec, zoneMinutes(m[7]));
}

function zoneMinutes(z: string | undefined): number {
  if (!z) return VN_MINUTES;
  if (/^(z|gmt|utc)$/i.test(z)) return 0;
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (!m) return VN_MINUTES;
  const v = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -v : v;
}

const DMY = /(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)/;
const YMD = /(?<!\d)((?:19|20)\d{2})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)/;
const WORDS = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,|năm)\s*((?:19|20)\d{2})(?!\d)/i;
const NOT_LETTER_AFTER = '(?![A-Za-zÀ-ỹ])';
const TIME = new RegExp(`(?<![\\d/.-])(\\d{1,2})\\s*(?::|h|g|giờ)\\s*(\\d{2})(?:\\s*:\\s*(\\d{2}))?(?!\\d)(?:\\s*(AM|PM|SA|CH|sáng|chiều|tối|đêm)${NOT_LETTER_AFTER})?`, 'i');
const DATE_WORDS = /(?<![A-Za-zÀ-ỹ])(thứ\s*(hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|t[2-7]|cn|cập nhật|đăng(?: lúc| ngày)?|ngày|lúc|giờ|gmt|utc|published|updated|am|pm)(?![A-Za-zÀ-ỹ])/gi;
const ZONE = /(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?/i;

/**
 * A date as Vietnamese pages show it: `03:38 PM 13/12/2023`, `Thứ bảy, 7/3/2026, 08:00 (GMT+7)`,
 * `07/03/2026 08:47`, `Chủ nhật, 24/12/2022 - 19:25`, `07-03-2026 - 00:01 AM`, `8h30 ngày 7/3/2026`,
 * `ngày 7 tháng 3 năm 2026`. Returns +07:00 ISO, or the date alone when no time is shown.
 */
export function parseVietnameseDate(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const s = text.normalize('NFC').slice(0, 400);
  let y: number, mo: number, d: number;
  let rest: string;
  const a = DMY.exec(s);
  const b = a ? null : YMD.exec(s);
  const c = a || b ? null : WORDS.exec(s);
  if (a) [d, mo, y] = [Number(a[1]), Number(a[2]), Number(a[3])];
  else if (b) [y, mo, d] = [Number(b[1]), Number(b[2]), Number(b[3])];
  else if (c) [d, mo, y] = [Number(c[1]), Number(c[2]), Number(c[3])];
  else return undefined;
  const hit = (a ?? b ?? c)!;
  if (!validDate(y, mo, d)) return undefined;
  rest = s.slice(0, hit.index) + ' | ' + s.slice(hit.index + hit[0].length);
  const t = TIME.exec(rest);
  if (!t) return `${y}-${pad(mo)}-${pad(d)}`;
  let h = Number(t[1]);
  const mi = Number(t[2]);
  const sec = t[3] ? Number(t[3]) : 0;
  const ampm = (t[4] ?? '').toLowerCase();
  if ((ampm === 'pm' || ampm === 'ch' || ampm === 'chiều' || ampm === 'tối') && h < 12) h += 12;
  if ((ampm === 'am' || ampm === 'sa') && h === 12) h = 0;
  if (h > 23 || mi > 59 || sec > 59) return `${y}-${pad(mo)}-${pad(d)}`;
  const z = ZONE.exec(rest);
  const offset = z ? (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0)) : VN_MINUTES;
  return format(y, mo, d, h, mi, sec, offset);
}

/** True when a short line is nothing but a date/time (`03:38 PM 13/12/2023`, `Thứ hai, 01/01/2024 - 10:00`). */
export function isDateLine(line: string): boolean {
  const s = line.trim();
  if (!s || s.length > 80 || !parseVietnameseDate(s)) return false;
  const left = s
    .replace(DMY, ' ')
    .replace(YMD, ' ')
    .replace(WORDS, ' ')
    .replace(new RegExp(TIME.source, 'gi'), ' ')
    .replace(new RegExp(ZONE.source, 'gi'), ' ')
    .replace(DATE_WORDS, ' ')
    .replace(/[\s,|()\-–—:+7.]/g, '');
  return left.length <= 3;
}

/**
 * Last resort: a timestamp embedded in an article URL, as Dân trí and Tuổi Trẻ ids are
 * (`...-20221223180348340.htm` -> 2022-12-23T18:03:48+07:00), or a `/2023/12/13/` path.
 */
export function dateFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    /* not absolute: use as is */
  }
  const ids = [...path.matchAll(/(?<!\d)(20\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\d{0,6}(?!\d)/g)];
  for (const m of ids.reverse()) {
    const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
    if (validDate(y, mo, d) && h < 24 && mi < 60 && s < 60) return format(y, mo, d, h, mi, s, VN_MINUTES);
  }
  const p = /\/(20\d{2})\/(\d{1,2})\/(\d{1,2})\//.exec(path);
  if (p && validDate(Number(p[1]), Number(p[2]), Number(p[3]))) return `${p[1]}-${pad(Number(p[2]))}-${pad(Number(p[3]))}`;
  return undefined;
}
