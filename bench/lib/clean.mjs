// HTML cleaning: solieu's cleanHtml against @mozilla/readability on jsdom, on the same pages in
// the same process, so the ratio holds whatever else the machine is doing.
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { cleanHtml } from '../../dist/extract/html/index.js';

const urlOf = (page) => `https://bench.example/${page.name}.html`;

/** What most extractors do: parse into a full DOM (jsdom), then Readability. Scripts never run. */
export function readabilityText(page) {
  const dom = new JSDOM(page.html, { url: urlOf(page), virtualConsole: new VirtualConsole() });
  try {
    return new Readability(dom.window.document).parse()?.textContent ?? '';
  } finally {
    dom.window.close();
  }
}

export function solieuText(page) {
  return cleanHtml(page.html, urlOf(page)).text;
}

/** Pages per second of `textOf` over `pages`; the characters found keep the work honest (and are checked). */
export function pagesPerSecond(textOf, pages) {
  let chars = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const p of pages) chars += textOf(p).length;
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { pagesPerSecond: pages.length / seconds, perCpuSecond: pages.length / ((c.user + c.system) / 1e6), seconds, chars };
}
