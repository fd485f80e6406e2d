// solieu stats: articles per outlet and month, figures per unit and indicator, the last runs.
import { Option, type Command } from 'commander';
import { openReader } from '../store/query.js';
import { formatTable } from '../store/rows.js';
import { collectStats } from '../store/stats.js';
import { ConfigError } from '../errors.js';
import { databasePath } from './db.js';
import { examples } from './shared.js';

export function registerStats(cli: Command): void {
  cli.command('stats')
    .description('Summarise the database: articles per outlet and month, figures per unit and indicator, last runs.')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--runs <n>', 'how many recent runs to show', '5')
    .addHelpText('after', examples('solieu stats', 'solieu stats --db /srv/solieu.db --format json'))
    .action(async (opts: { format: 'text' | 'json'; runs: string }, cmd: Command) => {
      const runs = Number(opts.runs);
      if (!Number.isInteger(runs) || runs < 0) throw new ConfigError(`--runs must be a whole number, got "${opts.runs}"`);
      const path = await databasePath(cmd);
      const store = openReader(path);
      let s;
      try {
        s = collectStats(store, { runs });
      } finally {
        store.close();
      }
      if (opts.format === 'json') {
        process.stdout.write(`${JSON.stringify({ db: path, ...s }, null, 2)}\n`);
        return;
      }
      const t = s.totals;
      const table = <T extends object>(rows: T[], cols: Array<keyof T & string>) =>
        rows.length ? formatTable(cols, rows.map((r) => cols.map((c) => r[c]))) : '(none)\n';
      process.stdout.write([
        `database: ${path} (schema version ${s.schemaVersion})`,
        `${t.articles} articles, ${t.figures} figures, ${t.entities} entities (${t.mentions} mentions), ${t.runs} runs`,
        '', 'Articles per outlet and month', table(s.articlesByOutletMonth, ['outlet', 'month', 'articles']),
        'Figures per unit', table(s.figuresByUnit, ['unit', 'label', 'figures']),
        'Figures per indicator', table(s.figuresByIndicator, ['indicator', 'figures', 'actual', 'target', 'suspect']),
        'Last runs', table(s.lastRuns, ['id', 'command', 'status', 'started_at', 'finished_at', 'articles_new',
          'articles_updated', 'articles_unchanged', 'articles_failed', 'figures']),
      ].join('\n'));
    });
}
