// solieu ingest: fetch the configured sources and store articles, figures and entities.
import { Option, type Command } from 'commander';
import { loadConfig } from '../config-load.js';
import { runIngest, type IngestEvent } from '../pipeline.js';
import { ExitCode, examples, globals } from './shared.js';

export function registerIngest(cli: Command): void {
  cli.command('ingest')
    .description('Fetch the configured sources and store articles, figures and entities.')
    .addOption(new Option('--log <format>', 'progress output').choices(['text', 'json']).default('text'))
    .addHelpText('after', examples('solieu ingest', 'solieu ingest --config nightly.config.ts --db /srv/solieu.db --log json'))
    .action(async (opts: { log: 'text' | 'json' }, cmd: Command) => {
      const g = globals(cmd);
      const { config, baseDir } = await loadConfig(g.config);
      const onEvent = (e: IngestEvent) => {
        if (opts.log === 'json') process.stdout.write(`${JSON.stringify({ ...e, at: new Date().toISOString() })}\n`);
        else if (e.type === 'article' && e.outcome === 'failed') process.stderr.write(`failed: ${e.error?.message}\n`);
      };
      const ac = new AbortController();
      const stop = () => ac.abort();
      process.once('SIGINT', stop);
      const s = await runIngest(config, { baseDir, dbPath: g.db, onEvent, signal: ac.signal });
      process.off('SIGINT', stop);
      if (opts.log === 'json') {
        process.stdout.write(`${JSON.stringify({
          type: 'summary', run: s.runId, db: s.dbPath, status: s.status, new: s.articlesNew, updated: s.articlesUpdated,
          unchanged: s.articlesUnchanged, failed: s.articlesFailed, figures: s.figures, entities: s.entities,
          elapsedMs: Math.round(s.elapsedMs),
        })}\n`);
      } else {
        process.stdout.write(
          `articles: ${s.articlesNew} new, ${s.articlesUpdated} updated, ${s.articlesUnchanged} unchanged, ${s.articlesFailed} failed\n` +
          `figures: ${s.figures} stored, entities: ${s.entities} mentions\n` +
          `database: ${s.dbPath} (run ${s.runId}, ${s.status})\n` +
          `elapsed: ${(s.elapsedMs / 1000).toFixed(2)} s\n`);
      }
      if (s.articlesFailed > 0 || s.status === 'interrupted') throw new ExitCode(1);
    });
}
