// solieu ingest: fetch the configured sources and store articles, figures and entities.
import cliProgress from 'cli-progress';
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { loadConfig } from '../config-load.js';
import { ConfigError } from '../errors.js';
import type { IngestEvent, IngestSummary } from '../pipeline.js';
import { ExitCode, examples, globals } from './shared.js';

interface IngestFlags {
  log: 'text' | 'json';
  record?: string;
  replay?: string;
  workers?: string;
}

export function registerIngest(cli: Command): void {
  cli.command('ingest')
    .description('Fetch the configured sources and store articles, figures and entities.')
    .addOption(new Option('--log <format>', 'progress output: text (a progress bar on a terminal) or json (one line per event)').choices(['text', 'json']).default('text'))
    .option('--record <dir>', 'save every HTTP exchange and what the run stored under DIR (see docs/recording.md)')
    .option('--replay <dir>', 'serve HTTP from a recording made with --record, with no network')
    .option('--workers <n>', 'extraction threads (default: one per core but one, when there are 64 documents or more; 0 = none)')
    .addHelpText('after', examples(
      'solieu ingest',
      'solieu ingest --config nightly.config.ts --db /srv/solieu.db --log json',
      'solieu ingest --record night-2026-03-07/',
      'solieu ingest --replay night-2026-03-07/ --db /tmp/replay.db',
    ))
    .action(async (opts: IngestFlags, cmd: Command) => {
      const g = globals(cmd);
      if (opts.record && opts.replay) throw new ConfigError('--record and --replay cannot be used together');
      const workers = opts.workers === undefined ? undefined : Number(opts.workers);
      if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 64)) {
        throw new ConfigError(`--workers must be a whole number from 0 to 64, got "${opts.workers}"`);
      }
      const { config, baseDir } = await loadConfig(g.config);
      const json = opts.log === 'json';
      const progress = !json && process.stderr.isTTY ? new Progress() : undefined;
      const onEvent = (e: IngestEvent) => {
        if (json) process.stdout.write(`${JSON.stringify({ ...e, at: new Date().toISOString() })}\n`);
        else {
          const failure = e.type === 'article' && e.outcome === 'failed' ? e.error?.message : e.type === 'discovery' ? e.error.message : undefined;
          if (failure) progress ? progress.log(`failed: ${failure}`) : process.stderr.write(`failed: ${failure}\n`);
          progress?.event(e);
        }
      };
      // First Ctrl-C: finish the requests in flight, keep the rest for the next run. Second: quit now.
      const ac = new AbortController();
      const stop = () => {
        if (ac.signal.aborted) process.exit(130);
        ac.abort();
        if (!json) (progress ? progress.log.bind(progress) : (s: string) => process.stderr.write(`${s}\n`))('interrupting: waiting for requests in flight (Ctrl-C again to quit now)');
      };
      process.on('SIGINT', stop);
      let s: IngestSummary;
      try {
        // Loaded on use: the extractors and gazetteer cost ~0.5 s, which `--help` and other commands skip.
        const { runIngest } = await import('../pipeline.js');
        s = await runIngest(config, {
          baseDir, dbPath: g.db, onEvent, signal: ac.signal, workers,
          record: opts.record && resolve(opts.record), replay: opts.replay && resolve(opts.replay),
        });
      } finally {
        process.off('SIGINT', stop);
        progress?.stop();
      }
      if (json) {
        process.stdout.write(`${JSON.stringify({
          type: 'summary', run: s.runId, crawl: s.crawlId, resumed: s.resumed, db: s.dbPath, status: s.status, new: s.articlesNew,
          updated: s.articlesUpdated, unchanged: s.articlesUnchanged, notModified: s.notModified, duplicate: s.duplicates,
          skipped: s.skipped, failed: s.articlesFailed, figures: s.figures, entities: s.entities, sources: s.sources,
          elapsedMs: Math.round(s.elapsedMs), at: new Date().toISOString(),
        })}\n`);
      } else {
        process.stdout.write(textSummary(s));
      }
      if (s.articlesFailed > 0 || s.status === 'interrupted') throw new ExitCode(1);
    });
}

function textSummary(s: IngestSummary): string {
  let out = `articles: ${s.articlesNew} new, ${s.articlesUpdated} updated, ${s.articlesUnchanged} unchanged, ${s.articlesFailed} failed\n`;
  // Web sources get a line each: what was found, fetched, not modified, skipped and why.
  if (s.sources.some((x) => x.kind !== 'files')) {
    out += `pages: ${s.discovered} discovered, ${s.fetched} fetched, ${s.notModified} not modified, ${s.duplicates} duplicate, ${s.skipped} skipped\n`;
    for (const x of s.sources) {
      const why = Object.entries({ ...x.reasons.failed, ...x.reasons.skipped }).map(([k, n]) => `${k} ${n}`).join(', ');
      out += `  ${x.name} (${x.kind}): ${x.discovered} discovered, ${x.fetched} fetched, ${x.notModified} not modified, ` +
        `${x.new} new, ${x.updated} updated, ${x.duplicate} duplicate, ${x.skipped} skipped, ${x.failed} failed${why ? ` (${why})` : ''}\n`;
    }
  }
  out += `figures: ${s.figures} stored, entities: ${s.entities} mentions\n` +
    `database: ${s.dbPath} (run ${s.runId}, ${s.status}${s.resumed ? ', resumed an unfinished crawl' : ''})\n` +
    `elapsed: ${(s.elapsedMs / 1000).toFixed(2)} s\n`;
  return out;
}

/** A progress bar on stderr (TTY only): one tick per article, whatever its outcome. */
class Progress {
  private readonly multi = new cliProgress.MultiBar({
    stream: process.stderr, clearOnComplete: true, hideCursor: true, etaBuffer: 50, gracefulExit: false,
    format: ' {bar} {value}/{total} articles | {new} new, {failed} failed | {source}',
  }, cliProgress.Presets.shades_classic);
  private readonly bar = this.multi.create(0, 0, { new: 0, failed: 0, source: '' });
  private total = 0;
  private fresh = 0;
  private failed = 0;

  event(e: IngestEvent): void {
    if (e.type === 'source') {
      this.total += e.total;
      this.bar.setTotal(this.total);
    } else if (e.type === 'article') {
      if (e.outcome === 'new') this.fresh++;
      if (e.outcome === 'failed') this.failed++;
      this.bar.increment(1, { new: this.fresh, failed: this.failed, source: e.source });
    }
  }

  /** A line above the bar, written now (MultiBar would otherwise hold it until its next redraw). */
  log(line: string): void {
    this.multi.log(`${line}\n`);
    this.multi.update();
  }

  stop(): void {
    this.multi.update();
    this.multi.stop();
  }
}
