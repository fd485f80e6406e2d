// Text hygiene for everything taken out of a page: entities, NFC, odd spaces, soft hyphens, whitespace.
import { decodeHTML } from 'entities';
import { nfc } from '../../normalize/text.js';

const ENTITY_RE = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** Decode HTML entities, repeatedly for double-escaped JSON-LD (`&amp;#7871;`), at most 3 rounds. */
export function decodeEntities(s: string): string {
  for (let i = 0; i < 3 && ENTITY_RE.test(s); i++) s = decodeHTML(s);
  return s;
}

/**
 * Characters whose NFC form is themselves: ASCII, Latin-1, Latin Extended A/B, the precomposed
 * Vietnamese letters (U+1E00-U+1EFF), most punctuation and currency signs. A string made only of
 * these skips String.normalize, whose first call alone costs tens of milliseconds (ICU data).
 */
const NFC_STABLE = /^[\u0000-\u02ff\u1e00-\u1eff\u2002-\u206f\u20a0-\u20cf]*$/;

/** The project's nfc(), skipping the normalisation step for strings that cannot change under it. */
export function nfcText(s: string): string {
  // Invisible marks go before composing: `g` + soft hyphen + U+0301 must end as `ǵ`.
  if (!NFC_STABLE.test(s)) return nfc(s.replace(/[\u200b\u200c\u200d\ufeff\u00ad]/g, ''));
  // Same clean-up as nfc() after normalising (src/normalize/text.ts).
  return s.replace(/[\u00a0\u2007\u202f\u2009\u200a]/g, ' ').replace(/[\u200b\u200c\u200d\ufeff\u00ad]/g, '');
}

/** NFC, plain spaces, no soft hyphens or zero-width marks, whitespace collapsed, trimmed. */
export function cleanInline(s: string): string {
  return nfcText(s).replace(/\s+/g, ' ').trim();
}

/** For strings from attributes and JSON-LD: decode entities first. */
export function cleanValue(s: unknown): string | undefined {
  if (typeof s !== 'string' && typeof s !== 'number') return undefined;
  const v = cleanInline(decodeEntities(String(s)));
  return v || undefined;
}

// Letter classes spelled out for Latin and Vietnamese: `\p{L}`-style classes cost milliseconds to
// compile on first use, which every one-off run pays.
/** Upper-case letters: ASCII, Latin-1, Latin Extended-A/B capitals used here, Vietnamese (U+1EA0-U+1EF8 even). */
export const UPPER = 'A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ';
export const LOWER = 'a-zß-öø-ÿăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ';
/** Any Latin letter (with the combining tone marks, for text that is not NFC). */
export const LETTER = 'A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ\u0300-\u036f';

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

const WORD_RE = new RegExp(`[${LETTER}0-9]+`, 'g');

export function wordCount(s: string): number {
  const m = s.match(WORD_RE);
  return m ? m.length : 0;
}
