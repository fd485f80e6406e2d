// solieu extract: print the figures of article files.
import { Option, type Command } from 'commander';
import { readFileSync } from 'node:fs';
import { SolieuError } from '../errors.js';
import { decodeText } from '../fetch/decode.js';
import { formatEntityTable, formatTable } from '../format.js';
import type { EntityMention, FigureRecord } from '../types.js';
import { ExitCode, examples } from './shared.js';

export function registerExtract(cli: Command): void {
  cli.command('extract')
    .description('Extract figures from article files (.txt or .html; "-" reads stdin) and print them.')
    .argument('<file...>', 'files to read, or - for standard input')
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'json', 'table']).default('jsonl'))
    .option('--entities', 'print entity mentions (places, organisations, documents, people, programmes, dates) instead of figures')
    .addHelpText('after', examples('solieu extract seeds/001_5c3843daf007bff4.txt --format table', 'cat article.txt | solieu extract - --format json',
      'solieu extract seeds/002_6e80bded62f7b578.txt --entities --format jsonl'))
    .action(async (files: string[], opts: { format: 'jsonl' | 'json' | 'table'; entities?: boolean }) => {
      // Loaded on use: the extractors and the gazetteer cost ~0.5 s to load, other commands need none of it.
      const { processDocument } = await import('../process.js');
      let failed = 0;
      const all: Array<{ file: string; figures: Array<FigureRecord | EntityMention> }> = [];
      for (const file of files) {
        try {
          const bytes = file === '-' ? readFileSync(0) : readFileSync(file);
          const format = /\.html?$/i.test(file) ? 'html' : 'text';
          const body = decodeText(bytes, file === '-' ? '(stdin)' : file, format);
          const processed = processDocument({ uri: file, source: 'cli', format, body });
          all.push({ file, figures: opts.entities ? processed.entities : processed.figures });
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
        process.stdout.write(`${JSON.stringify(multi ? all : (all[0]?.figures ?? []), null, 2)}\n`);
      } else {
        for (const a of all) {
          if (multi) process.stdout.write(`\n${a.file}\n`);
          process.stdout.write(opts.entities ? formatEntityTable(a.figures as EntityMention[]) : formatTable(a.figures as FigureRecord[]));
        }
      }
      if (failed) throw new ExitCode(1);
    });
}
