// Temporary fixture folders for the replay tests, built from files in test/fixtures only.
import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

export const ARTICLES = join(ROOT, 'test', 'fixtures', 'articles');
export const FLOORS = join(ROOT, 'test', 'fixtures', 'floors.json');

/** A folder with fixtures made by `fixture add` from hard-case sources: their expectations agree. */
export function agreeingFixtures(names: string[]): string {
  const dir = tempDir('solieu-replay-');
  for (const name of names) {
    const r = runCli(['fixture', 'add', join(ARTICLES, name, 'source.txt'), '--name', name, '--dir', dir, '--set', 'test']);
    if (r.code !== 0) throw new Error(`fixture add ${name}: ${r.stderr}`);
  }
  return dir;
}

export function copyFixture(name: string, to: string): string {
  const dst = join(to, name);
  cpSync(join(ARTICLES, name), dst, { recursive: true });
  return dst;
}

export const readLines = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
export const writeLines = (path: string, rows: Array<Record<string, unknown>>) => writeFileSync(path, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));

/** Every file under a folder with its content, to prove which files a command wrote. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(p, readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

export function makeDir(...parts: string[]): string {
  const d = join(...parts);
  mkdirSync(d, { recursive: true });
  return d;
}
