// Many articles per commit. A commit flushes the full-text index and syncs the WAL: once per
// article it was half of ingest's time. While a batch is open every write joins it, and each
// article's own transaction becomes a savepoint, so one bad article still rolls back alone.
// A process killed mid-batch loses only the uncommitted articles, and the frontier rows that say
// they were done go with them: the next run does them again.
import type Database from 'better-sqlite3';

export interface BatchOptions {
  /** Commit after this many articles... */
  maxItems?: number;
  /** ...or this many milliseconds after the batch opened, whichever comes first (also when idle). */
  maxMs?: number;
  /** Called when one write rolls back (to drop what was cached about rows it wrote). */
  onRollback?: () => void;
}

export class WriteBatch {
  private readonly maxItems: number;
  private readonly maxMs: number;
  private items = 0;
  private openedAt = 0;
  private open = false;
  private timer?: NodeJS.Timeout;

  constructor(private readonly db: Database.Database, private readonly options: BatchOptions = {}) {
    this.maxItems = options.maxItems ?? 500;
    this.maxMs = options.maxMs ?? 1000;
  }

  /** Opens the batch: writes from now on are committed together. */
  begin(): void {
    if (this.open || this.db.inTransaction) return;
    this.db.exec('BEGIN');
    this.open = true;
    this.items = 0;
    this.openedAt = Date.now();
    // A quiet spell (waiting on the network) still commits: timers run between tasks, never inside an article's writes.
    this.timer = setTimeout(() => this.flush(), this.maxMs);
    this.timer.unref();
  }

  /** One article's writes, in a savepoint of the batch; commits when the batch is full or old. */
  write<T>(fn: () => T): T {
    this.begin();
    let r: T;
    try {
      r = this.db.transaction(fn)();
    } catch (e) {
      this.options.onRollback?.();
      throw e;
    }
    this.items++;
    if (this.items >= this.maxItems || Date.now() - this.openedAt >= this.maxMs) this.flush();
    return r;
  }

  /** Commits what the batch holds and opens the next one. */
  flush(): void {
    if (!this.open) return;
    this.commit();
    this.begin();
  }

  /** Commits and closes the batch: writes from now on commit on their own. */
  commit(): void {
    clearTimeout(this.timer);
    if (!this.open) return;
    this.open = false;
    // SQLite rolls the whole transaction back on some errors (disk full): then there is nothing to commit.
    if (this.db.inTransaction) this.db.exec('COMMIT');
  }
}
