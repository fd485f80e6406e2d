// JSON Lines in and out, with the line number in every parse error.
import type { JsonRecord } from './types.js';

/** Parses JSONL text; blank lines are skipped. Throws naming `name` and the line. */
export function parseJsonl(text: string, name: string): JsonRecord[] {
  const out: JsonRecord[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new Error(`${name} line ${i + 1}: bad JSON (${(e as Error).message})`);
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error(`${name} line ${i + 1}: not a JSON object`);
    out.push(v as JsonRecord);
  });
  return out;
}

export function toJsonl(records: JsonRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

/** Parses a JSON object file, naming it in the error. */
export function parseJsonObject<T>(text: string, name: string): T {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new Error(`${name}: bad JSON (${(e as Error).message})`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error(`${name}: not a JSON object`);
  return v as T;
}
