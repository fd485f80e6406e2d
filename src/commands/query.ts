// solieu query "SQL": one read-only statement, rows printed as a table, CSV, JSON or JSON Lines.
import { Option, type Command } from 'commander';
import { readFileSync } from 'node:fs';
import { SCHEMA_VERSION } from '../store/index.js';
import { openReader, prepareQuery } from '../store/query.js';
import { writeRows, type RowFormat } from '../store/rows.js';
import { databasePath, isBrokenPipe } from './db.js';
import { examples } from './shared.js';

export function registerQuery(cli: Command): void {
  cli.command('query')
    .description('Run one SQL statement on the database, read-only (a write fails and changes nothing), and print the rows.')
    .argument('<sql>', 'one SQL statement; "-" reads it from standard input')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json', 'jsonl']).default('table'))
    .option('-p, --param <value...>', 'values for the ? placeholders, in order')
    .addHelpText('after', examples(
      'solieu query "SELECT outlet, COUNT(*) FROM articles GROUP BY outlet"',
      `solieu query "SELECT * FROM v_indicator_by_location_year WHERE indicator = 'poverty_rate'" --format csv > poverty.csv`,
      'solieu query "SELECT location, period, value FROM v_figures WHERE location LIKE ?" -p "%Thái Nguyên%" --format jsonl',
      'solieu query - --format json < report.sql',
    ))
    .action(async (sqlArg: string, opts: { format: RowFormat; param?: string[] }, cmd: Command) => {
      const sql = sqlArg === '-' ? readFileSync(0, 'utf8') : sqlArg;
      const store = openReader(await databasePath(cmd));
      try {
        const v = store.schemaVersion();
        if (v < SCHEMA_VERSION) {
          process.stderr.write(`note: the database has schema version ${v}, older than this solieu's ${SCHEMA_VERSION}; "solieu db migrate" upgrades it\n`);
        }
        const q = prepareQuery(store, sql, opts.param ?? []);
        if (!q.columns.length) {
          for (const _ of q.rows()) void _;
          return;
        }
        await writeRows(process.stdout, q.columns, q.rows(), opts.format);
      } catch (e) {
        if (!isBrokenPipe(e)) throw e;
      } finally {
        store.close();
      }
    });
}
