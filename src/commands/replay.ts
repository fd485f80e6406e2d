// solieu replay: run fixture articles (or a recorded ingestion) offline and show what changed.
import { Option, type Command } from 'commander';
import { ConfigError } from '../errors.js';
import type { ReplayReport } from '../replay/index.js';
import { DEFAULT_DIR } from '../replay/fixtures.js';
import { ExitCode, examples } from './shared.js';

interface ReplayCliOptions {
  only?: string;
  update?: boolean;
  format: 'text' | 'json' | 'junit';
  http?: string;
  floors?: string;
}

export function registerReplay(cli: Command): void {
  cli.command('replay')
    .description('Replay fixture articles offline through the ingest path and compare the records with their expectations.')
    .argument('[dir...]', `fixture folders, or folders of fixture folders (default ${DEFAULT_DIR})`)
    .option('--only <fields>', 'compare only these record fields, comma-separated (e.g. modality,measure)')
    .option('--update', 'after showing the diff, rewrite the expectations that differ from the current output')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'junit']).default('text'))
    .option('--http <dir>', 'replay a recorded ingestion (ingest --record DIR) and compare with its run.json and figures.jsonl')
    .option('--floors <file>', 'check each fixture set\'s F1 against this floor file: exit 1 only below a floor or on a broken fixture')
    .addHelpText('after', examples(
      'solieu replay',
      'solieu replay test/fixtures/articles/hard-range --only modality,measure',
      'solieu replay --format junit > replay.xml',
      'solieu replay --floors test/fixtures/floors.json',
      'solieu replay --update test/fixtures/articles/seed-000',
      'solieu replay --http recordings/2024-05-01',
    ))
    .action(async (dirs: string[], opts: ReplayCliOptions) => {
      // Loaded on use: the extractors cost ~0.5 s to load.
      const {
        applyUpdates, checkFloors, fixtureDiffers, plannedUpdates, readFloors, replayFixtures, replayRecording,
        reportJson, reportJunit, reportText, unknownFields,
      } = await import('../replay/index.js');
      const only = opts.only?.split(',').map((s) => s.trim()).filter(Boolean);
      if (only) {
        const bad = unknownFields(only);
        if (bad.length) throw new ConfigError(`--only: unknown field(s) ${bad.join(', ')}`);
        if (!only.length) throw new ConfigError('--only: name at least one field');
      }
      if (opts.http && dirs.length) throw new ConfigError('--http replays a recording: give no fixture folders with it');
      if (opts.http && opts.update) throw new ConfigError('--update rewrites fixtures; it does not apply to --http');
      const report: ReplayReport = opts.http
        ? await replayRecording(opts.http, { only })
        : replayFixtures(dirs.length ? dirs : [DEFAULT_DIR], { only, allowMissingExpected: opts.update });
      if (opts.floors) report.floors = checkFloors(report, readFloors(opts.floors));

      const out = opts.format === 'json' ? reportJson(report) : opts.format === 'junit' ? reportJunit(report) : reportText(report);
      process.stdout.write(out);

      const broken = report.fixtures.some((f) => f.error);
      if (opts.update) {
        const updates = report.fixtures.flatMap(plannedUpdates);
        applyUpdates(updates);
        // Keep stdout parseable in json/junit mode.
        const log = opts.format === 'text' ? process.stdout : process.stderr;
        for (const u of updates) log.write(`updated ${u.path}\n`);
        if (!updates.length) log.write('nothing to update\n');
        if (broken) throw new ExitCode(1);
        return;
      }
      const failed = opts.floors
        ? broken || Object.values(report.floors ?? {}).some((f) => !f.ok)
        : report.fixtures.some(fixtureDiffers) || report.summary.length > 0;
      if (failed) throw new ExitCode(1);
    });
}
