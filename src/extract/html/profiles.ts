// Cascade step 1: site profiles. One JSON file per outlet under sites/ (selectors are data, not code);
// each field is a list of selectors tried in order.
import type { Document, Element } from 'domhandler';
import baochinhphu from './sites/baochinhphu.json' with { type: 'json' };
import baodantoc from './sites/baodantoc.json' with { type: 'json' };
import cafef from './sites/cafef.json' with { type: 'json' };
import dantri from './sites/dantri.json' with { type: 'json' };
import laodongxahoi from './sites/laodongxahoi.json' with { type: 'json' };
import tuoitre from './sites/tuoitre.json' with { type: 'json' };
import vnexpress from './sites/vnexpress.json' with { type: 'json' };
import { measure, textOf } from './dom.js';
import { paragraphMass } from './mass.js';
import type { Selector } from './select.js';
import type { SiteProfile } from './types.js';

export const PROFILES: readonly SiteProfile[] = [vnexpress, tuoitre, baochinhphu, cafef, dantri, laodongxahoi, baodantoc];

/** Host of an absolute URL without `www.`/`m.` (a regex: cheaper than new URL() on a cold start). */
export function hostOf(url: string | undefined): string | undefined {
  const m = url ? /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^:/?#\s]+)/i.exec(url.trim()) : null;
  return m ? m[1].toLowerCase().replace(/\.$/, '').replace(/^www\d*\./, '').replace(/^m\./, '') : undefined;
}

/** The profile for a URL's host (exact, or a subdomain of a listed host). */
export function findProfile(url: string | undefined, profiles: readonly SiteProfile[] = PROFILES): SiteProfile | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  return profiles.find((p) => p.hosts.some((h) => host === h || host.endsWith('.' + h)));
}

/** First selector of the list that matches something non-empty: its elements. */
export function pick(sel: Selector, selectors: string[] | undefined, root?: Element | Document): Element[] {
  for (const s of selectors ?? []) {
    const els = sel.all(s, root).filter((e) => textOf(e).length > 0 || e.attribs.datetime || e.attribs.content);
    if (els.length) return els;
  }
  return [];
}

export function pickText(sel: Selector, selectors: string[] | undefined, root?: Element | Document): string | undefined {
  const el = pick(sel, selectors, root)[0];
  return el ? textOf(el) || undefined : undefined;
}

/** The profile's body element: the first selector whose best match holds real paragraph text. */
export function profileBody(sel: Selector, profile: SiteProfile, doc: Document, m = measure(doc), mass = paragraphMass(doc, m)): Element | undefined {
  for (const s of profile.body) {
    const els = sel.all(s, doc);
    if (!els.length) continue;
    let best: Element | undefined;
    let bestLen = 0;
    for (const el of els) {
      const v = (mass.get(el) ?? 0) + (m.len.get(el) ?? 0) * 0.01;
      if (v > bestLen) {
        best = el;
        bestLen = v;
      }
    }
    if (best && (m.len.get(best) ?? 0) >= 150) return best;
  }
  return undefined;
}
