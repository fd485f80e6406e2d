// solieu search "words": articles matching the words, diacritics optional, best first, with snippets.
import { Option, type Command } from 'commander';
import { openReader } from '../store/query.js';
import { searchArticles } from '../store/search.js';
import { ConfigError } from '../errors.js';
import { databasePath } from './db.js';
import { examples } from './shared.js';

export function registerSearch(cli: Command): void {
  cli.command('search')
    .description('Full-text search of article titles, leads and texts. Case and diacritics do not matter (dong finds đồng).')
    .argument('<words...>', 'words that must all appear; "a phrase" in quotes, ngh* for a prefix, OR between alternatives')
    .option('--limit <n>', 'how many articles at most', '20')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'jsonl']).default('text'))
    .option('--fts', 'take the words as an FTS5 query (NEAR, title:..., AND/OR/NOT) instead')
    .addHelpText('after', examples(
      'solieu search thai nguyen ho ngheo',
      'solieu search "\\"hộ nghèo\\"" --limit 5',
      'solieu search "tỷ lệ" ngh* --format json',
      'solieu search --fts "title:ngheo NEAR(ho ngheo, 3)"',
    ))
    .action(async (words: string[], opts: { limit: string; format: 'text' | 'json' | 'jsonl'; fts?: boolean }, cmd: Command) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new ConfigError(`--limit must be a positive whole number, got "${opts.limit}"`);
      const tty = opts.format === 'text' && process.stdout.isTTY && !process.env.NO_COLOR;
      const mark: [string, string] = tty ? ['\x1b[1;33m', '\x1b[0m'] : ['**', '**'];
      const store = openReader(await databasePath(cmd));
      let hits;
      try {
        hits = searchArticles(store, words.join(' '), { limit, fts: opts.fts, mark });
      } finally {
        store.close();
      }
      if (opts.format === 'json') {
        process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
      } else if (opts.format === 'jsonl') {
        for (const h of hits) process.stdout.write(`${JSON.stringify(h)}\n`);
      } else {
        const out = hits.map((h, i) => [
          `${i + 1}. ${h.titleMarked ?? h.title ?? '(untitled)'}`,
          `   ${[h.outlet, h.publishedAt?.slice(0, 10), `${h.figures} figures`, `article ${h.id}`].filter(Boolean).join(' · ')}`,
          `   ${h.url ?? h.uri}`,
          `   ${h.snippet.replace(/\s+/g, ' ')}`,
        ].join('\n'));
        process.stdout.write(hits.length ? `${out.join('\n\n')}\n` : 'no articles found\n');
      }
    });
}
