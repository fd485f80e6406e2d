// What a discovering source may do: GET a document (feed, sitemap, listing page) and report the
// ones that failed, so discovery goes on past a broken sitemap or page 3 of a listing.
import type { SolieuError } from '../../errors.js';

export interface DiscoveryDocument {
  /** The URL that answered, after redirects: relative links resolve against it. */
  url: string;
  body: Buffer;
  contentType?: string;
}

export interface DiscoveryContext {
  get(url: string): Promise<DiscoveryDocument>;
  failed(url: string, error: SolieuError): void;
  maxBytes: number;
  signal?: AbortSignal;
}

/** Bytes of an XML document to text: BOM, then the XML declaration's encoding, else UTF-8. */
export function xmlText(body: Buffer): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return body.subarray(3).toString('utf8');
  const decl = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(body.subarray(0, 200).toString('latin1'));
  const enc = decl?.[1].toLowerCase();
  if (!enc || enc === 'utf-8' || enc === 'utf8') return body.toString('utf8');
  try {
    return new TextDecoder(enc).decode(body);
  } catch {
    return body.toString('utf8');
  }
}

/** A date string from a feed or a sitemap, or undefined when unreadable. */
export function parseDate(s: unknown): Date | undefined {
  if (typeof s !== 'string' || !s.trim()) return undefined;
  // Vietnamese feeds write 07/03/2026 for 7 March (day first); Date.parse would read July 3.
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s.trim());
  const iso = vn
    ? `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}T${(vn[4] ?? '0').padStart(2, '0')}:${vn[5] ?? '00'}:${vn[6] ?? '00'}+07:00`
    : s.trim();
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : new Date(t);
}
