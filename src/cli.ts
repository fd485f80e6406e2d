#!/usr/bin/env node
// The command line. Only this module prints or exits.
// Exit codes: 0 all good, 1 some inputs failed (the rest are stored), 2 usage or config error.
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { loadConfig } from './config-load.js';
import { SolieuError } from './errors.js';
import { decodeText } from './fetch/decode.js';
import { processDocument, runIngest, type IngestEvent } from './pipeline.js';
import type { FigureRecord } from './types.js';
import { formatTable } from './format.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

class ExitCode extends Error {
  constructor(readonly code: number) { super(`exit ${code}`); }
}

function program(): Command {
  const cli = new Command('solieu')
    .description('Vietnamese news reports in, a SQLite database of figures out.')
    .version(pkg.version)
    .option('--config <file>', 'config file (.ts, .js, .mjs or .json); default ./pipeline.config.ts')
    .option('--db <file>', 'database file, overriding store.path of the config')
    .showHelpAfterError()
    .exitOverride();

  cli.command('ingest')
    .description('Fetch the configured sources and store articles, figures and entities.')
    .addOption(new Option('--log <format>', 'progress output').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExamples:\n  $ solieu ingest\n  $ solieu ingest --config nightly.config.ts --db /srv/solieu.db --log json')
    .action(async (opts: { log: 'text' | 'json' }) => {
      const global = cli.opts<{ config?: string; db?: string }>();
      const { config, baseDir } = await loadConfig(global.config);
      const onEvent = (e: IngestEvent) => {
        if (opts.log === 'json') process.stdout.write(`${JSON.stringify({ ...e, at: new Date().toISOString() })}\n`);
        else if (e.type === 'article' && e.outcome === 'failed') process.stderr.write(`failed: ${e.error?.message}\n`);
      };
      const ac = new AbortController();
      const stop = () => ac.abort();
      process.once('SIGINT', stop);
      const s = await runIngest(config, { baseDir, dbPath: global.db, onEvent, signal: ac.signal });
      process.off('SIGINT', stop);
      const summary = {
        type: 'summary', run: s.runId, db: s.dbPath, status: s.status, new: s.articlesNew, updated: s.articlesUpdated,
        unchanged: s.articlesUnchanged, failed: s.articlesFailed, figures: s.figures, entities: s.entities,
        elapsedMs: Math.round(s.elapsedMs),
      };
      if (opts.log === 'json') process.stdout.write(`${JSON.stringify(summary)}\n`);
      else {
        process.stdout.write(
          `articles: ${s.articlesNew} new, ${s.articlesUpdated} updated, ${s.articlesUnchanged} unchanged, ${s.articlesFailed} failed\n` +
          `figures: ${s.figures} stored, entities: ${s.entities} mentions\n` +
          `database: ${s.dbPath} (run ${s.runId}, ${s.status})\n` +
          `elapsed: ${(s.elapsedMs / 1000).toFixed(2)} s\n`);
      }
      if (s.articlesFailed > 0 || s.status === 'interrupted') throw new ExitCode(1);
    });

  cli.command('extract')
    .description('Extract figures from article files (.txt or .html; "-" reads stdin) and print them.')
    .argument('<file...>', 'files to read, or - for standard input')
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'json', 'table']).default('jsonl'))
    .addHelpText('after', '\nExamples:\n  $ solieu extract seeds/001_5c3843daf007bff4.txt --format table\n  $ cat article.txt | solieu extract - --format json')
    .action((files: string[], opts: { format: 'jsonl' | 'json' | 'table' }) => {
      let failed = 0;
      const all: Array<{ file: string; figures: FigureRecord[] }> = [];
      for (const file of files) {
        try {
          const bytes = file === '-' ? readFileSync(0) : readFileSync(file);
          const format = /\.html?$/i.test(file) ? 'html' : 'text';
          const body = decodeText(bytes, file === '-' ? '(stdin)' : file, format);
          const processed = processDocument({ uri: file, source: 'cli', format, body });
          all.push({ file, figures: processed.figures });
        } catch (e) {
          failed++;
          const msg = e instanceof SolieuError ? e.message : `${file}: ${(e as Error).message}`;
          process.stderr.write(`error: ${msg}\n`);
        }
      }
      const multi = files.length > 1;
      if (opts.format === 'jsonl') {
        for (const a of all) for (const f of a.figures) process.stdout.write(`${JSON.stringify(multi ? { file: a.file, ...f } : f)}\n`);
      } else if (opts.format === 'json') {
        const out = multi ? all : (all[0]?.figures ?? []);
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      } else {
        for (const a of all) {
          if (multi) process.stdout.write(`\n${a.file}\n`);
          process.stdout.write(formatTable(a.figures));
        }
      }
      if (failed) throw new ExitCode(1);
    });
  return cli;
}

async function main(argv: string[]): Promise<number> {
  const cli = program();
  try {
    await cli.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof ExitCode) return e.code;
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2;
    }
    if (e instanceof SolieuError) {
      process.stderr.write(`error: ${e.message}\n`);
      return e.action === 'stop' ? 2 : 1;
    }
    process.stderr.write(`internal error: ${(e as Error).stack ?? e}\n`);
    return 1;
  }
}

main(process.argv).then((code) => { process.exitCode = code; });
