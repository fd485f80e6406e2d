// Frontier.iterate: a source's items left in the crawl, in discovery order, a page at a time.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Frontier } from '../../src/store/frontier.js';
import { openStore, type Store } from '../../src/store/index.js';
import { tempDir } from '../helpers/cli.js';

let store: Store | undefined;
afterEach(() => store?.close());

describe('Frontier.iterate', () => {
  it('yields every pending item of the source once, in order, across pages, skipping done ones and other crawls', () => {
    store = openStore(join(tempDir(), 'f.db'));
    const f = new Frontier(store);
    const run = f.beginLockedRun('ingest').runId;
    const old = f.openCrawl(run, 0).crawlId;
    f.addDiscovered(old, 'a', [{ key: 'old-1', url: 'old-1' }], true);
    f.finishCrawl(old);
    const crawl = f.openCrawl(run, 0).crawlId;
    const keys = (p: string, n: number) => Array.from({ length: n }, (_, i) => ({ key: `${p}-${i}`, url: `${p}-${i}` }));
    // Two sources interleaved in id order, so a page of one source skips over the other's rows.
    for (let k = 0; k < 5; k++) {
      f.addDiscovered(crawl, 'a', keys(`a${k}`, 3), false);
      f.addDiscovered(crawl, 'b', keys(`b${k}`, 2), false);
    }
    const all = [...f.iterate(crawl, 'a', 4)];
    expect(all.map((i) => i.uri)).toEqual(Array.from({ length: 5 }, (_, k) => [0, 1, 2].map((i) => `a${k}-${i}`)).flat());
    expect(new Set(all.map((i) => i.source))).toEqual(new Set(['a']));
    // Done and failed items are left out; in-flight ones (a killed run) are kept.
    f.finish(all[0].id, 'done', 'new');
    f.finish(all[5].id, 'failed', undefined, { code: 'E_X', message: 'x' });
    f.start(all[6].id);
    const left = [...f.iterate(crawl, 'a', 4)].map((i) => i.id);
    expect(left).toEqual(all.map((i) => i.id).filter((id) => id !== all[0].id && id !== all[5].id));
    expect(f.pendingBySource(crawl)).toEqual(new Map([['a', 13], ['b', 10]]));
  });

  it('reads one page at a time: items finished while iterating are not read again', () => {
    store = openStore(join(tempDir(), 'f.db'));
    const f = new Frontier(store);
    const crawl = f.openCrawl(f.beginLockedRun('ingest').runId, 0).crawlId;
    f.addDiscovered(crawl, 'a', Array.from({ length: 10 }, (_, i) => ({ key: `u${i}`, url: `u${i}` })), true);
    const seen: string[] = [];
    for (const it of f.iterate(crawl, 'a', 3)) {
      seen.push(it.uri);
      f.finish(it.id, 'done', 'new');
    }
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `u${i}`));
    expect([...f.iterate(crawl, 'a', 3)]).toEqual([]);
  });
});
