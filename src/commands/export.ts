// solieu export NAME: a whole table or view as CSV, JSON or JSON Lines, streamed to stdout or a file.
import { Option, type Command } from 'commander';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { ConfigError, SolieuError } from '../errors.js';
import { exportRelation, type ExportFormat } from '../store/export.js';
import { openReader } from '../store/query.js';
import { databasePath, isBrokenPipe } from './db.js';
import { examples } from './shared.js';

export function registerExport(cli: Command): void {
  cli.command('export')
    .description('Write every row of a table or view (figures, articles, v_figures, ...) as CSV, JSON or JSON Lines, streaming.')
    .argument('<name>', 'table or view name; a wrong name lists the choices')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'jsonl', 'json']).default('csv'))
    .option('--out <file>', 'write to this file (written whole or not at all) instead of standard output')
    .option('--bom', 'start CSV with a UTF-8 byte order mark, for Excel')
    .addHelpText('after', examples(
      'solieu export v_figures --out figures.csv',
      'solieu export v_indicator_by_location_year --format jsonl | head',
      'solieu export articles --format json --out articles.json',
    ))
    .action(async (name: string, opts: { format: ExportFormat; out?: string; bom?: boolean }, cmd: Command) => {
      const store = openReader(await databasePath(cmd));
      try {
        if (!opts.out) {
          try {
            await exportRelation(store, name, opts.format, process.stdout, { bom: opts.bom });
          } catch (e) {
            if (!isBrokenPipe(e)) throw e;
          }
          return;
        }
        // A partial file next to the target, renamed once complete: never half an export under the name.
        const part = `${opts.out}.part-${process.pid}`;
        const file = createWriteStream(part);
        try {
          await once(file, 'open').catch((e: Error) => { throw new ConfigError(`cannot write ${opts.out}: ${e.message}`, { cause: e }); });
          const n = await exportRelation(store, name, opts.format, file, { bom: opts.bom });
          file.end();
          await finished(file);
          renameSync(part, opts.out);
          process.stderr.write(`exported ${n} rows of ${name} to ${opts.out}\n`);
        } catch (e) {
          file.destroy();
          rmSync(part, { force: true });
          const err = e as NodeJS.ErrnoException;
          if (err.syscall && !(e instanceof SolieuError)) throw new ConfigError(`cannot write ${opts.out}: ${err.message}`, { cause: e });
          throw e;
        }
      } finally {
        store.close();
      }
    });
}
