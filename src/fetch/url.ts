// URL normalisation and matching. Two spellings of one page (host case, default port, a fragment,
// tracking parameters, parameter order) must give one key, or the page is fetched and stored twice.

/** Query parameters that only say where a click came from; dropped from the key. */
const TRACKING = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'igshid', 'mc_cid', 'mc_eid',
  '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'zarsrc', 'zalo_source',
]);
const TRACKING_PREFIX = /^(utm_|pk_|mtm_)/i;

/** True for parameters such as utm_source, fbclid, gclid. */
export function isTrackingParam(name: string): boolean {
  return TRACKING_PREFIX.test(name) || TRACKING.has(name.toLowerCase());
}

/**
 * The key of a URL: scheme and host lower-cased (URL does this), default port and fragment dropped,
 * tracking parameters removed, the remaining parameters sorted by name (stable, so repeated names keep
 * their order). Throws TypeError for what is not an http(s) URL.
 */
export function normalizeUrl(input: string, base?: string): string {
  const u = new URL(input.trim(), base);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new TypeError(`not an http(s) URL: ${input}`);
  u.hash = '';
  u.username = '';
  u.password = '';
  const params = [...u.searchParams].filter(([k]) => !isTrackingParam(k));
  params.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // The key only: requests go to the URL as discovered, so re-encoding the query here is safe.
  u.search = params.length ? new URLSearchParams(params).toString() : '';
  return u.href;
}

/** normalizeUrl, or undefined for what is not an http(s) URL. */
export function tryNormalizeUrl(input: string | undefined, base?: string): string | undefined {
  if (!input) return undefined;
  try {
    return normalizeUrl(input, base);
  } catch {
    return undefined;
  }
}

/** scheme://host[:port]: the unit of politeness and of robots.txt. */
export function originOf(url: string): string {
  return new URL(url).origin;
}

/**
 * A config pattern: `re:` then a regular expression (`re:\\.pdf$`); anything else is a glob in which
 * `*` matches any run of characters, matched anywhere in the URL (`/kinh-doanh/`, `/video/*.html`).
 */
export function compilePattern(pattern: string): RegExp {
  if (pattern.startsWith('re:')) return new RegExp(pattern.slice(3));
  return new RegExp(pattern.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*'));
}

/** include (any must match, when given) and exclude (none may match). */
export function urlFilter(include?: string[], exclude?: string[]): (url: string) => boolean {
  const inc = include?.map(compilePattern);
  const exc = exclude?.map(compilePattern) ?? [];
  return (url) => (!inc || inc.some((r) => r.test(url))) && !exc.some((r) => r.test(url));
}
