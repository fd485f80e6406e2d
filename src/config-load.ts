// Loads a config file (.ts, .js, .mjs or .json) and validates it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createJiti } from 'jiti';
import { DEFAULT_CONFIG, validateConfig, type Config } from './config.js';
import { ConfigError } from './errors.js';

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or undefined for the built-in default. */
  file?: string;
  /** Relative paths in the config resolve against this directory. */
  baseDir: string;
}

export const DEFAULT_CONFIG_FILE = 'pipeline.config.ts';

/** Loads `file`, or `pipeline.config.ts` in `cwd` when it exists, or the built-in default. */
export async function loadConfig(file: string | undefined, cwd = process.cwd()): Promise<LoadedConfig> {
  const path = file ? resolve(cwd, file) : resolve(cwd, DEFAULT_CONFIG_FILE);
  if (!existsSync(path)) {
    if (file) throw new ConfigError(`config file not found: ${file}`);
    return { config: validateConfig(DEFAULT_CONFIG, 'built-in default config'), baseDir: cwd };
  }
  const raw = await readConfigFile(path);
  return { config: validateConfig(raw, path), file: path, baseDir: dirname(path) };
}

async function readConfigFile(path: string): Promise<unknown> {
  const ext = extname(path).toLowerCase();
  try {
    if (ext === '.json') return JSON.parse(readFileSync(path, 'utf8'));
    if (ext === '.ts' || ext === '.mts' || ext === '.cts') {
      // jiti compiles TypeScript configs at load time, so the built CLI needs no tsx.
      const jiti = createJiti(import.meta.url, { interopDefault: true, moduleCache: false });
      const mod = await jiti.import(path, { default: true });
      return mod;
    }
    if (ext === '.js' || ext === '.mjs' || ext === '.cjs') {
      const mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
      return mod.default ?? mod;
    }
  } catch (e) {
    throw new ConfigError(`cannot load config ${path}: ${(e as Error).message.split('\n')[0]}`, { cause: e });
  }
  throw new ConfigError(`config ${path}: unsupported extension "${ext}" (use .ts, .js, .mjs or .json)`);
}
