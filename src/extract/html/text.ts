// Text hygiene for everything taken out of a page: entities, NFC, odd spaces, soft hyphens, whitespace.
import { decodeHTML } from 'entities';
import { nfc } from '../../normalize/text.js';

const ENTITY_RE = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** Decode HTML entities, repeatedly for double-escaped JSON-LD (`&amp;#7871;`), at most 3 rounds. */
export function decodeEntities(s: string): string {
  for (let i = 0; i < 3 && ENTITY_RE.test(s); i++) s = decodeHTML(s);
  return s;
}

/** NFC, plain spaces, no soft hyphens or zero-width marks, whitespace collapsed, trimmed. */
export function cleanInline(s: string): string {
  return nfc(s).replace(/\s+/g, ' ').trim();
}

/** For strings from attributes and JSON-LD: decode entities first. */
export function cleanValue(s: unknown): string | undefined {
  if (typeof s !== 'string' && typeof s !== 'number') return undefined;
  const v = cleanInline(decodeEntities(String(s)));
  return v || undefined;
}

/** Vietnamese letters outside ASCII+Latin-1: a cheap language and charset check. */
export const VIET_CHARS = /[ăâđêôơưĂÂĐÊÔƠƯạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/;

export function looksVietnamese(s: string): boolean {
  const sample = s.length > 20_000 ? s.slice(0, 20_000) : s;
  let hits = 0;
  const re = new RegExp(VIET_CHARS.source, 'g');
  while (re.exec(sample) && ++hits < 5);
  return hits >= Math.min(5, Math.max(1, Math.floor(sample.length / 200)));
}

/** Same text for comparisons: NFC, lower case, single spaces, no trailing punctuation. */
export function sameKey(s: string): string {
  return cleanInline(s).toLowerCase().replace(/[\s.,:;!?…"'“”‘’()\-–—]+/g, ' ').trim();
}

export function wordCount(s: string): number {
  const m = s.match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}
