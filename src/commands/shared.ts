// What every command needs: the global options and a typed way to exit with a code.
import type { Command } from 'commander';

export interface GlobalOptions {
  config?: string;
  db?: string;
}

/** Thrown by a command to end the process with this exit code (0, 1 or 2). */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export function globals(cmd: Command): GlobalOptions {
  let root = cmd;
  while (root.parent) root = root.parent;
  return root.opts<GlobalOptions>();
}

export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}`;
}
