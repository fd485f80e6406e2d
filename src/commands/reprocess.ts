// solieu reprocess: re-extract every stored article from its stored raw page, on all cores.
import { Option, type Command } from 'commander';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { ConfigError } from '../errors.js';
import { databasePath } from './db.js';
import { ExitCode, examples } from './shared.js';

export function registerReprocess(cli: Command): void {
  cli.command('reprocess')
    .description('Re-extract every stored article from its stored raw page, without fetching, and replace its figures and entities (after an extractor upgrade).')
    .option('--workers <n>', `worker threads doing the extraction (default: the number of cores, here ${availableParallelism()})`)
    .option('--force', 'rewrite every article\'s records, even those that come out the same as stored')
    .addOption(new Option('--format <format>', 'summary format').choices(['text', 'json']).default('text'))
    .addHelpText('after', examples('solieu reprocess', 'solieu reprocess --db /srv/solieu.db --workers 4 --format json'))
    .action(async (opts: { workers?: string; force?: boolean; format: 'text' | 'json' }, cmd: Command) => {
      const workers = opts.workers === undefined ? undefined : Number(opts.workers);
      if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) {
        throw new ConfigError(`--workers must be a positive whole number, got "${opts.workers}"`);
      }
      const path = await databasePath(cmd);
      // Opening would create an empty database: a wrong path is more likely than a wish for nothing.
      if (!existsSync(path)) throw new ConfigError(`no database at ${path}: nothing to reprocess`);

      const tty = opts.format === 'text' && process.stderr.isTTY;
      let shown = 0;
      const onProgress = (done: number, total: number) => {
        if (!tty || (done < total && performance.now() - shown < 200)) return;
        shown = performance.now();
        process.stderr.write(`\rreprocessing ${done}/${total}`);
      };
      const ac = new AbortController();
      const stop = () => ac.abort();
      process.once('SIGINT', stop);
      let s;
      try {
        // Loaded on use, like the other heavy commands.
        const { reprocessDatabase } = await import('../reprocess.js');
        s = await reprocessDatabase(path, { workers, force: opts.force, signal: ac.signal, onProgress });
      } finally {
        process.off('SIGINT', stop);
        if (tty && shown) process.stderr.write('\n');
      }

      if (opts.format === 'json') {
        const { errors, ...rest } = s;
        process.stdout.write(`${JSON.stringify({ ...rest, elapsedMs: Math.round(s.elapsedMs), errors })}\n`);
      } else {
        const secs = s.elapsedMs / 1000;
        process.stdout.write([
          `database: ${s.dbPath}`,
          `reprocessed ${s.reprocessed} of ${s.articles} articles with ${s.workers} worker(s) in ${secs.toFixed(1)} s` +
            (s.reprocessed ? ` (${Math.round(s.reprocessed / secs)} articles/s)` : ''),
          ...(s.identical ? [`unchanged: ${s.identical} articles came out as stored and were left alone (--force rewrites them)`] : []),
          `figures: ${s.figuresBefore} before, ${s.figuresAfter} after`,
          ...(s.contentChanged ? [`text or metadata changed: ${s.contentChanged} articles`] : []),
          ...(s.skipped ? [`skipped: ${s.skipped} (stored anew by an ingest run meanwhile)`] : []),
          ...(s.failed ? [`failed: ${s.failed}`] : []),
          `run ${s.runId}: ${s.status}`,
        ].join('\n') + '\n');
        for (const e of s.errors.slice(0, 20)) process.stderr.write(`failed: ${e.message.startsWith(e.uri) ? '' : `${e.uri}: `}${e.message}\n`);
        if (s.errors.length > 20) process.stderr.write(`... and ${s.errors.length - 20} more (see run_items of run ${s.runId})\n`);
      }
      if (s.failed || s.status === 'interrupted') throw new ExitCode(1);
    });
}
