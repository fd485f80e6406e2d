// Bytes -> string for HTML pages: BOM, then the Content-Type header, then <meta charset> /
// <meta http-equiv>, each checked against the bytes; a declaration the bytes contradict falls back to
// detection (valid UTF-8, else windows-1258 when it yields Vietnamese, else windows-1252).
import iconv from 'iconv-lite';
import { PageError } from './errors.js';
import { VIET_CHARS } from './text.js';

export type CharsetSource = 'bom' | 'header' | 'meta' | 'detected' | 'default';

export interface CharsetGuess {
  charset: string;
  source: CharsetSource;
  /** The declaration that was overruled by the bytes, if any. */
  overruled?: string;
}

const SAMPLE = 1 << 20;

/** Charset label from a Content-Type value (`text/html; charset="windows-1258"`). */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(contentType);
  return m ? m[1] : undefined;
}

/** Charset declared by <meta charset> or <meta http-equiv="Content-Type"> in the first 64 KB. */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes.subarray(0, 65536));
  const re = /<meta\b([^>]{0,500})>/gi;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const attrs = m[1];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(attrs);
    if (direct) return direct[1];
  }
  return undefined;
}

/** WHATWG-style label normalisation; undefined for labels iconv cannot decode. */
export function normalizeCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const l = label.trim().toLowerCase().replace(/^x-/, '');
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(l)) return 'utf-8';
  if (/^(utf-?16|ucs-?2|unicode|csunicode|iso-10646-ucs-2)$/.test(l)) return 'utf-16';
  if (/^utf-?16-?le$/.test(l)) return 'utf-16le';
  if (/^utf-?16-?be$/.test(l)) return 'utf-16be';
  if (/^(iso-?8859-?1|latin-?1|l1|us-ascii|ascii|ansi_x3\.4-1968|cp819|ibm819|iso_8859-1|windows-?1252|cp1252)$/.test(l)) return 'windows-1252';
  if (/^(windows-?1258|cp-?1258)$/.test(l)) return 'windows-1258';
  if (iconv.encodingExists(l)) return l;
  return undefined;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

function bomCharset(b: Uint8Array): { charset: string; skip: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (b[0] === 0xfe && b[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  if (b[0] === 0xff && b[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  return undefined;
}

/** UTF-16 without a BOM shows as ASCII with a zero byte every other position. */
function sniffUtf16(b: Uint8Array): string | undefined {
  const n = Math.min(b.length - (b.length % 2), 1024);
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function hasHighBytes(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) return true;
  return false;
}

function isValidUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Share of non-ASCII characters that are Vietnamese letters, after NFC. */
function vietnameseShare(s: string): number {
  const t = s.normalize('NFC');
  let nonAscii = 0;
  let viet = 0;
  const re = new RegExp(VIET_CHARS.source);
  for (const ch of t) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    if (re.test(ch)) viet++;
  }
  return nonAscii ? viet / nonAscii : 0;
}

function countReplacement(s: string): number {
  return s.match(/\ufffd/g)?.length ?? 0;
}

function countHighBytes(b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < b.length; i++) if (b[i] >= 0x80) n++;
  return n;
}

/** Pick a single-byte or lossy-UTF-8 reading for bytes that are not valid UTF-8. */
function detectNonUtf8(b: Uint8Array): string {
  const sample = b.subarray(0, SAMPLE);
  const asUtf8 = new TextDecoder('utf-8').decode(sample);
  const bad = countReplacement(asUtf8) / Math.max(1, countHighBytes(sample));
  // Mostly UTF-8 with a few broken bytes: keep UTF-8 (lossy).
  if (bad < 0.05) return 'utf-8';
  const as1258 = iconv.decode(Buffer.from(sample), 'windows-1258');
  if (countReplacement(as1258) === 0 && vietnameseShare(as1258) >= 0.4) return 'windows-1258';
  return 'windows-1252';
}

/** Decide how to read the bytes, and why. */
export function sniffCharset(bytes: Uint8Array, contentType?: string): CharsetGuess {
  const bom = bomCharset(bytes);
  if (bom) return { charset: bom.charset, source: 'bom' };
  const header = normalizeCharset(charsetFromContentType(contentType));
  const meta = header ? undefined : normalizeCharset(charsetFromMeta(bytes));
  const declared = header ?? meta;
  const source: CharsetSource = header ? 'header' : 'meta';
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { charset: utf16, source: declared?.startsWith('utf-16') ? source : 'detected' };
  const high = hasHighBytes(bytes.subarray(0, SAMPLE)) || (bytes.length > SAMPLE && hasHighBytes(bytes));
  if (!high) return { charset: declared && declared !== 'utf-16' ? declared : 'utf-8', source: declared ? source : 'default' };
  const validUtf8 = isValidUtf8(bytes);
  // A page declaring UTF-16 but holding no zero bytes is 8-bit: WHATWG reads it as UTF-8.
  const d = declared === 'utf-16' || declared === 'utf-16le' || declared === 'utf-16be' ? 'utf-8' : declared;
  if (d === 'utf-8') {
    if (validUtf8) return { charset: 'utf-8', source };
    const guess = detectNonUtf8(bytes);
    return guess === 'utf-8' ? { charset: 'utf-8', source } : { charset: guess, source: 'detected', overruled: declared };
  }
  if (d) {
    // Multi-byte UTF-8 sequences that all decode are strong evidence against an 8-bit declaration.
    if (validUtf8 && (d === 'windows-1252' || d === 'windows-1258' || d.startsWith('iso-8859'))) return { charset: 'utf-8', source: 'detected', overruled: declared };
    if (d === 'windows-1252') {
      const as1258 = iconv.decode(Buffer.from(bytes.subarray(0, SAMPLE)), 'windows-1258');
      if (countReplacement(as1258) === 0 && vietnameseShare(as1258) >= 0.6) return { charset: 'windows-1258', source: 'detected', overruled: declared };
    }
    return { charset: d, source };
  }
  if (validUtf8) return { charset: 'utf-8', source: 'detected' };
  return { charset: detectNonUtf8(bytes), source: 'detected' };
}

/**
 * Decode a fetched page. `contentType` is the HTTP header value, if any.
 * Throws PageError(E_PAGE_BAD_INPUT) for a non-byte argument; never throws on odd bytes.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  if (!(bytes instanceof Uint8Array)) throw new PageError('<bytes>', 'decodeHtml needs a Uint8Array or Buffer', 'E_PAGE_BAD_INPUT');
  const guess = sniffCharset(bytes, contentType);
  const skip = bomCharset(bytes)?.skip ?? 0;
  const body = skip ? bytes.subarray(skip) : bytes;
  let text: string;
  if (guess.charset === 'utf-8') text = new TextDecoder('utf-8').decode(body);
  else {
    try {
      text = iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), guess.charset);
    } catch (cause) {
      throw new PageError('<bytes>', `cannot decode as ${guess.charset}`, 'E_PAGE_CHARSET', { cause });
    }
  }
  // Windows-1258 spells tones as combining marks: compose them, as every other source is composed.
  if (guess.charset === 'windows-1258') text = text.normalize('NFC');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
