#!/usr/bin/env node
// The command line. Only the CLI prints or exits; each command lives in src/commands/.
// Exit codes: 0 all good, 1 some inputs failed (the rest are stored), 2 usage or config error.
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { SolieuError } from './errors.js';
import { registerExtract } from './commands/extract.js';
import { registerIngest } from './commands/ingest.js';
import { registerQuery } from './commands/query.js';
import { registerSearch } from './commands/search.js';
import { registerExport } from './commands/export.js';
import { registerStats } from './commands/stats.js';
import { registerDb } from './commands/db.js';
import { registerReplay } from './commands/replay.js';
import { registerFixture } from './commands/fixture.js';
import { registerReprocess } from './commands/reprocess.js';
import { ExitCode } from './commands/shared.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

function program(): Command {
  const cli = new Command('solieu')
    .description('Vietnamese news reports in, a SQLite database of figures out.')
    .version(pkg.version)
    .option('--config <file>', 'config file (.ts, .js, .mjs or .json); default ./pipeline.config.ts')
    .option('--db <file>', 'database file, overriding store.path of the config')
    .showHelpAfterError()
    .exitOverride();
  // One line per command module.
  registerIngest(cli);
  registerExtract(cli);
  registerQuery(cli);
  registerSearch(cli);
  registerExport(cli);
  registerStats(cli);
  registerDb(cli);
  registerReplay(cli);
  registerFixture(cli);
  registerReprocess(cli);
  for (const c of cli.commands) c.exitOverride();
  return cli;
}

async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof ExitCode) return e.code;
    if (e instanceof CommanderError) {
      return ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code) ? 0 : 2;
    }
    if (e instanceof SolieuError) {
      process.stderr.write(`error: ${e.message}\n`);
      return e.action === 'stop' ? 2 : 1;
    }
    process.stderr.write(`internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

// `solieu extract ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
