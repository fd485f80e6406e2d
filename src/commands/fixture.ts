// solieu fixture add: turn an article file (or URL) into a replay fixture.
import type { Command } from 'commander';
import { relative } from 'node:path';
import { DEFAULT_DIR } from '../replay/fixtures.js';
import { examples } from './shared.js';

export function registerFixture(cli: Command): void {
  const fixture = cli.command('fixture').description('Manage replay fixtures (see solieu replay).');
  fixture.command('add')
    .description('Create a fixture from a local file (or, with network, a URL) with its current records as the first expectation.')
    .argument('<file-or-url>', 'an article: .html/.htm page or .txt text, or an http(s) URL')
    .requiredOption('--name <name>', 'fixture folder name (letters, digits, ".", "_", "-")')
    .option('--dir <dir>', 'folder of fixtures', DEFAULT_DIR)
    .option('--set <set>', 'fixture set it is scored in (floors.json)')
    .option('--force', 'replace an existing fixture of that name')
    .addHelpText('after', examples(
      'solieu fixture add ~/Downloads/bai-bao.html --name vnexpress-lai-suat --set html',
      'solieu fixture add https://example.vn/bai-viet.htm --name example-1',
    ))
    .action(async (input: string, opts: { name: string; dir: string; set?: string; force?: boolean }) => {
      const { addFixture } = await import('../replay/index.js');
      const added = await addFixture(input, { name: opts.name, dir: opts.dir, set: opts.set, force: opts.force });
      const rel = (p: string) => {
        const r = relative(process.cwd(), p);
        return !r ? '.' : r.startsWith('..') ? p : r;
      };
      process.stdout.write(`created ${rel(added.dir)}: ${added.result.actual.length} figures as the first expectation\n`);
      for (const f of added.files) process.stdout.write(`  ${rel(f)}\n`);
      process.stdout.write(`review ${rel(added.dir)}/expected.jsonl (fix what is wrong, drop what is not a figure), then run: solieu replay ${rel(added.dir)}\n`);
    });
  for (const c of fixture.commands) c.exitOverride();
}
