// Export a whole table or view as CSV, JSON or JSON Lines, streaming: rows come one at a time from
// `stmt.iterate()` and go out as the stream accepts them, so a million rows take no more memory
// than ten. The name is looked up in sqlite_master, never pasted into SQL as typed.
import type { Statement } from 'better-sqlite3';
import type { Writable } from 'node:stream';
import type { Store } from './index.js';
import { QueryError, toQueryError } from './query.js';
import { writeRows, type Row } from './rows.js';

export type ExportFormat = 'csv' | 'json' | 'jsonl';

export interface Relation {
  name: string;
  type: 'table' | 'view';
}

/** Tables and views a user can export, internal ones (sqlite_*, FTS shadow tables) left out. */
export function listRelations(store: Store): Relation[] {
  return store.db.prepare(`SELECT name, type FROM sqlite_master
    WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
      AND name NOT GLOB 'articles_fts_*'
    ORDER BY type, name`).all() as Relation[];
}

/** The table or view called `name` (case-insensitive, as SQL is), or a QueryError listing the choices. */
export function findRelation(store: Store, name: string): Relation {
  const row = store.db.prepare(`SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE`)
    .get(name) as Relation | undefined;
  if (row) return row;
  const names = listRelations(store).map((r) => r.name).join(', ');
  throw new QueryError(`no table or view named "${name}"; choose one of: ${names}`, 'E_EXPORT_NAME');
}

/** `"name"` with inner quotes doubled: safe for a name that came from sqlite_master. */
export function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Columns and a row iterator for every row of a table or view. */
export function relationRows(store: Store, name: string): { relation: Relation; columns: string[]; rows: () => IterableIterator<Row> } {
  const relation = findRelation(store, name);
  let stmt: Statement;
  try {
    stmt = store.db.prepare(`SELECT * FROM ${quoteName(relation.name)}`).raw(true);
  } catch (e) {
    throw toQueryError(e);
  }
  const columns = stmt.columns().map((c) => c.name);
  function* rows(): IterableIterator<Row> {
    try {
      yield* stmt.iterate() as IterableIterator<Row>;
    } catch (e) {
      throw toQueryError(e);
    }
  }
  return { relation, columns, rows };
}

/** Writes every row of `name` to `out`; resolves to the row count once the last chunk is accepted. */
export async function exportRelation(store: Store, name: string, format: ExportFormat, out: Writable,
  options: { bom?: boolean } = {}): Promise<number> {
  const { columns, rows } = relationRows(store, name);
  return writeRows(out, columns, rows(), format, options);
}
