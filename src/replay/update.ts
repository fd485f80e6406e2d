// --update: expectations rewritten from what the extractor produces now. Only files whose content
// changes are written, so a reviewer sees exactly what moved in `git diff`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffRecord } from './compare.js';
import { FILES } from './fixtures.js';
import { toJsonl } from './jsonl.js';
import { matchRecords } from './match.js';
import type { FixtureResult, JsonRecord } from './types.js';

export interface FileUpdate {
  fixture: string;
  path: string;
  content: string;
}

/**
 * The new expected list, in the order the extractor found the records (so `parent` indexes are the
 * actual ones). A matched record that agrees is kept as written; one that differs keeps its own
 * shape with the compared fields taken from the actual record (so `--only modality` touches only
 * modality); a missing one is dropped; an unexpected one is added as the full record.
 */
export function updatedRecords(actual: JsonRecord[], expected: JsonRecord[], fields: string[]): JsonRecord[] {
  const m = matchRecords(actual, expected);
  const byActual = new Map(m.pairs.map((p) => [p.actual, p.expected]));
  return actual.map((a, ai) => {
    const ei = byActual.get(ai);
    if (ei === undefined) return a;
    const e = expected[ei];
    const diffs = diffRecord(a, e, fields.filter((f) => f !== 'parent'));
    const out: JsonRecord = { ...e };
    for (const d of diffs) {
      if (a[d.field] === undefined) delete out[d.field];
      else out[d.field] = a[d.field];
    }
    if (diffs.length && typeof e.start === 'number') { out.start = a.start; out.end = a.end; }
    // The new list is in actual order, one entry per actual record: actual parent indexes hold.
    if (fields.includes('parent') || 'parent' in e) {
      if (a.parent === undefined) delete out.parent;
      else out.parent = a.parent;
    }
    return out;
  });
}

const different = (r: FixtureResult) => r.missing.length > 0 || r.unexpected.length > 0 || r.changed.length > 0;

/** The files to write for one fixture result; none for a broken fixture or one that agrees. */
export function plannedUpdates(r: FixtureResult): FileUpdate[] {
  if (r.error) return [];
  const out: FileUpdate[] = [];
  const push = (file: string, content: string) => {
    const path = join(r.dir, file);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== content) out.push({ fixture: r.name, path, content });
  };
  if (!r.expected) push(FILES.expected, toJsonl(r.actual));
  else if (different(r)) push(FILES.expected, toJsonl(updatedRecords(r.actual, r.expected, r.fields)));
  if (r.article.length && r.expectedArticle && r.actualArticle) {
    const next: Record<string, unknown> = { ...r.expectedArticle };
    for (const d of r.article) if (d.field in next) next[d.field] = r.actualArticle[d.field as keyof typeof r.actualArticle] ?? null;
    push(FILES.article, `${JSON.stringify(next, null, 2)}\n`);
  }
  if (r.entities && (r.entities.missing.length || r.entities.unexpected.length)) push(FILES.entities, toJsonl(r.actualEntities ?? []));
  return out;
}

export function applyUpdates(updates: FileUpdate[]): void {
  for (const u of updates) writeFileSync(u.path, u.content);
}
