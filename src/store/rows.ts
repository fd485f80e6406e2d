// Rows out: CSV (RFC 4180), JSON, JSON Lines and a plain-text table, written as a stream.
// Rows are arrays in column order (better-sqlite3 `raw` mode), so `SELECT a.id, f.id` keeps both.
import type { Writable } from 'node:stream';

export type RowFormat = 'csv' | 'json' | 'jsonl' | 'table';
export type Row = unknown[];

export interface WriteOptions {
  /** Start a CSV with a UTF-8 byte order mark, so Excel reads Vietnamese right. */
  bom?: boolean;
  /** Widest cell of a table, in characters (longer ones are cut with …). */
  maxWidth?: number;
}

/** A cell as text: NULL is empty, a BLOB is base64, numbers as JavaScript prints them. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Buffer.isBuffer(v)) return v.toString('base64');
  return String(v);
}

/** One CSV field: quoted when it holds a comma, a quote, CR or LF (RFC 4180), quotes doubled. */
export function csvField(v: unknown): string {
  const s = cellText(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: unknown[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** Column names made unique for JSON keys: a second `id` becomes `id_2`. */
export function uniqueNames(columns: string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    return n === 1 ? c : `${c}_${n}`;
  });
}

function jsonValue(v: unknown): unknown {
  if (Buffer.isBuffer(v)) return v.toString('base64');
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  return v;
}

export function jsonObject(names: string[], row: Row): string {
  const o: Record<string, unknown> = {};
  names.forEach((n, i) => { o[n] = jsonValue(row[i]); });
  return JSON.stringify(o);
}

const width = (s: string) => [...s].length;
function fit(s: string, w: number): string {
  const chars = [...s];
  if (chars.length > w) return `${chars.slice(0, Math.max(0, w - 1)).join('')}…`;
  return s + ' '.repeat(w - chars.length);
}
function tableCell(v: unknown): string {
  if (Buffer.isBuffer(v)) return `<blob ${v.length} bytes>`;
  return cellText(v).normalize('NFC').replace(/\s+/g, ' ');
}

/** A fixed-width table of a few rows (for stats and other small results). */
export function formatTable(columns: string[], rows: Row[], maxWidth = 60): string {
  const cells = rows.map((r) => r.map(tableCell));
  const widths = columns.map((c, i) => Math.min(maxWidth, Math.max(width(c), ...cells.map((r) => width(r[i] ?? '')))));
  const line = (r: string[]) => r.map((c, i) => fit(c, widths[i])).join('  ').trimEnd();
  return `${[line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n')}\n`;
}

/** Waits until `out` wants more data; fails if it errors or closes first. */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      out.off('drain', onDrain); out.off('error', onError); out.off('close', onClose);
      if (err) reject(err); else resolve();
    };
    const onDrain = () => done();
    const onError = (e: Error) => done(e);
    const onClose = () => done(Object.assign(new Error('output closed'), { code: 'EPIPE' }));
    out.on('drain', onDrain); out.on('error', onError); out.on('close', onClose);
  });
}

/**
 * Writes rows to `out` in `format`, a chunk at a time, waiting for 'drain' when the stream's
 * buffer is full: memory stays flat however many rows the iterator yields. Returns the row count.
 * Does not end `out` (it may be stdout).
 */
export async function writeRows(out: Writable, columns: string[], rows: Iterable<Row>, format: RowFormat,
  options: WriteOptions = {}): Promise<number> {
  let failure: Error | undefined;
  const onError = (e: Error) => { failure ??= e; };
  out.on('error', onError);
  let chunk = '';
  const flush = async (force = false) => {
    if (failure) throw failure;
    if (!force && chunk.length < 1 << 16) return;
    if (chunk && !out.write(chunk)) await drained(out);
    chunk = '';
    if (failure) throw failure;
  };
  const names = uniqueNames(columns);
  let n = 0;
  try {
    if (format === 'table') {
      n = await writeTable(columns, rows, options.maxWidth ?? 40, async (s) => { chunk += s; await flush(); });
    } else {
      if (format === 'csv') chunk += (options.bom ? '\ufeff' : '') + csvLine(columns);
      if (format === 'json') chunk += '[';
      for (const row of rows) {
        if (format === 'csv') chunk += csvLine(row);
        else if (format === 'jsonl') chunk += `${jsonObject(names, row)}\n`;
        else chunk += `${n ? ',' : ''}\n${jsonObject(names, row)}`;
        n++;
        await flush();
      }
      if (format === 'json') chunk += n ? '\n]\n' : ']\n';
    }
    await flush(true);
  } finally {
    out.off('error', onError);
  }
  return n;
}

/** A table without holding every row: widths come from the first 200 rows, later cells are cut to fit. */
async function writeTable(columns: string[], rows: Iterable<Row>, maxWidth: number,
  emit: (s: string) => Promise<void>): Promise<number> {
  const it = rows[Symbol.iterator]();
  const head: Row[] = [];
  let next = it.next();
  while (!next.done && head.length < 200) { head.push(next.value); next = it.next(); }
  const cells = head.map((r) => r.map(tableCell));
  const widths = columns.map((c, i) => Math.min(maxWidth, Math.max(width(c), ...cells.map((r) => width(r[i] ?? '')))));
  const line = (r: string[]) => `${r.map((c, i) => fit(c, widths[i])).join('  ').trimEnd()}\n`;
  await emit(line(columns) + `${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  let n = 0;
  for (const r of cells) { await emit(line(r)); n++; }
  while (!next.done) {
    await emit(line(next.value.map(tableCell)));
    n++;
    next = it.next();
  }
  await emit(`(${n} ${n === 1 ? 'row' : 'rows'})\n`);
  return n;
}
