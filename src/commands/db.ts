// solieu db check | migrate: look after the database file. Also the helpers the read-only
// commands share: where the database is, and a quiet end when the reader closes the pipe.
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { loadConfig } from '../config-load.js';
import { checkDatabase } from '../store/check.js';
import { SCHEMA_VERSION, openStore } from '../store/index.js';
import { openReader } from '../store/query.js';
import { formatTable } from '../store/rows.js';
import { ExitCode, examples, globals } from './shared.js';

/** The database file: --db, else store.path of the config (relative to the config's folder). */
export async function databasePath(cmd: Command): Promise<string> {
  const g = globals(cmd);
  if (g.db) return resolve(g.db);
  const { config, baseDir } = await loadConfig(g.config);
  return resolve(baseDir, config.store.path);
}

/** True when the output was closed early (`solieu export figures | head`): not an error. */
export function isBrokenPipe(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

export function registerDb(cli: Command): void {
  const db = cli.command('db').description('Look after the database file: check it, migrate it.');

  db.command('check')
    .description('Check the database: PRAGMA integrity_check, foreign keys, schema version, search index. Read-only; exit 1 on problems.')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', examples('solieu db check', 'solieu db check --db /srv/solieu.db --format json'))
    .action(async (opts: { format: 'text' | 'json' }, cmd: Command) => {
      const path = await databasePath(cmd);
      const store = openReader(path);
      let report;
      try {
        report = checkDatabase(store);
      } finally {
        store.close();
      }
      if (opts.format === 'json') {
        process.stdout.write(`${JSON.stringify({ db: path, ...report }, null, 2)}\n`);
      } else {
        const out: string[] = [`database: ${path}`];
        out.push(`schema: version ${report.schemaVersion}${report.schemaVersion < report.codeSchemaVersion
          ? ` (this solieu knows ${report.codeSchemaVersion}: run "solieu db migrate")` : ''}`);
        out.push(`integrity: ${report.integrity.length ? `${report.integrity.length} problem(s)` : 'ok'}`);
        for (const l of report.integrity) out.push(`  ${l}`);
        out.push(`foreign keys: ${report.foreignKeys.length ? `${report.foreignKeys.length} row(s) point at nothing` : 'ok'}`);
        if (report.foreignKeys.length) {
          out.push(formatTable(['table', 'rowid', 'parent', 'fkid'],
            report.foreignKeys.slice(0, 50).map((r) => [r.table, r.rowid, r.parent, r.fkid])).trimEnd());
        }
        if (report.schemaVersion >= 2) out.push(`search index: ${report.search.length ? 'problems' : 'ok'}`);
        for (const l of report.search) out.push(`  ${l}`);
        for (const l of report.skipped) out.push(`skipped: ${l}`);
        out.push(report.ok ? 'ok' : 'PROBLEMS FOUND');
        process.stdout.write(`${out.join('\n')}\n`);
      }
      if (!report.ok) throw new ExitCode(1);
    });

  db.command('migrate')
    .description(`Bring the database to the current schema (version ${SCHEMA_VERSION}); creates it when missing. Every write command does this too.`)
    .addHelpText('after', examples('solieu db migrate --db old-copy.db'))
    .action(async (_opts: unknown, cmd: Command) => {
      const path = await databasePath(cmd);
      const store = openStore(path);
      try {
        process.stdout.write(`database: ${path}\nschema: version ${store.schemaVersion()}\n`);
      } finally {
        store.close();
      }
    });
}
