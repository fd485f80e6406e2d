// robots.txt per origin, as RFC 9309 says: a 2xx is parsed (Disallow, Allow, Crawl-delay); a 4xx
// ("unavailable") allows everything; a 5xx, a 429 or no answer ("unreachable") disallows everything
// for this run. A parsed or 4xx answer may be cached for up to 24 hours.
import mod from 'robots-parser';
import type { HttpResponse } from './http.js';

// robots-parser's typings declare an ES default export that NodeNext does not see.
const robotsParser = mod as unknown as typeof mod.default;

export interface RobotsRules {
  allowed(url: string): boolean;
  /** Crawl-delay in milliseconds, when the file sets one for us or for `*`. */
  crawlDelayMs?: number;
  /** fetched | cached | unavailable (4xx: allow all) | unreachable (5xx, network: disallow all) */
  status: 'fetched' | 'cached' | 'unavailable' | 'unreachable';
}

/** What the robots cache keeps: a status and, for a 2xx, the file. */
export interface CachedRobots {
  status: number;
  body?: string;
  fetchedAt: string;
}

export interface RobotsOptions {
  userAgent: string;
  /** Fetches /robots.txt (following redirects). Throws on network errors. */
  fetch: (url: string) => Promise<HttpResponse>;
  cache?: { get(url: string): CachedRobots | undefined; put(url: string, v: CachedRobots): void };
  /** RFC 9309: a cached robots.txt should not be used for more than 24 hours. */
  maxAgeMs?: number;
}

/** RFC 9309 asks crawlers to parse at least 500 KiB; more is ignored. */
const MAX_ROBOTS_BYTES = 500 * 1024;

export class Robots {
  private readonly byOrigin = new Map<string, Promise<RobotsRules>>();

  constructor(private readonly options: RobotsOptions) {}

  /** The rules for an origin, fetched once per run (concurrent callers share the fetch). */
  forOrigin(origin: string): Promise<RobotsRules> {
    let p = this.byOrigin.get(origin);
    if (!p) {
      p = this.load(origin);
      this.byOrigin.set(origin, p);
    }
    return p;
  }

  private async load(origin: string): Promise<RobotsRules> {
    const url = `${origin}/robots.txt`;
    const maxAge = this.options.maxAgeMs ?? 24 * 3600_000;
    const cached = this.options.cache?.get(url);
    if (cached && Date.now() - Date.parse(cached.fetchedAt) < maxAge) return this.rules(url, cached.status, cached.body, 'cached');
    let res: HttpResponse;
    try {
      res = await this.options.fetch(url);
    } catch (e) {
      // A redirect loop or too many redirects means "unavailable"; no answer means "unreachable".
      const code = (e as { code?: string }).code ?? '';
      // Replaying a recording that lacks this robots.txt: say so rather than block the host.
      if (code === 'E_NOT_RECORDED') throw e;
      if (/^E_(REDIRECT|TOO_MANY_REDIRECTS|TOO_LARGE|DECODE)/.test(code)) return this.rules(url, 404, undefined, 'fetched');
      return this.rules(url, 503, undefined, 'fetched');
    }
    const body = res.status >= 200 && res.status < 300 ? res.body.subarray(0, MAX_ROBOTS_BYTES).toString('utf8') : undefined;
    const rules = this.rules(url, res.status, body, 'fetched');
    if (rules.status !== 'unreachable') this.options.cache?.put(url, { status: res.status, body, fetchedAt: new Date().toISOString() });
    return rules;
  }

  private rules(url: string, status: number, body: string | undefined, how: 'fetched' | 'cached'): RobotsRules {
    if (status >= 200 && status < 300) {
      const parsed = robotsParser(url, body ?? '');
      const delay = parsed.getCrawlDelay(this.options.userAgent);
      return {
        // robots-parser answers undefined for a URL of another origin: not ours to judge, so allowed.
        allowed: (u) => parsed.isAllowed(u, this.options.userAgent) !== false,
        crawlDelayMs: typeof delay === 'number' && delay > 0 ? delay * 1000 : undefined,
        status: how,
      };
    }
    if ((status >= 300 && status < 500 && status !== 429)) return { allowed: () => true, status: how === 'cached' ? 'cached' : 'unavailable' };
    return { allowed: () => false, status: 'unreachable' };
  }
}
