// Folds the rollup changes that writes leave pending (event_rollup_pending,
// migration 20261209100000) into the rollup cells, on a connection of its
// own while the writer goes on. Reads count pending rows too, so folding
// only keeps them few: one fold runs at a time per database, and a write
// that commits meanwhile is folded by the next.
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";

/** Pending rows per fold: a bounded statement; a longer backlog takes several. */
const FOLD_ROWS = 20_000;
/** How long a fold waits for more writes after the one that started it. */
const FOLD_DELAY_MS = 2000;

class RollupFolder {
  private running: Promise<void> | null = null;
  private again = false;
  /** Settles waiting: while any is, folds go on at once, without waiting for more writes. */
  private settling = 0;
  private failure: unknown = null;
  private wake: AbortController | null = null;

  constructor(private readonly pool: pg.Pool) {}

  /** Starts a fold soon unless one is under way (then another follows it). */
  kick(delayMs: number): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        // The writes of the next moments come in the same fold: it then updates each busy cell once for all of them.
        if (this.settling === 0) {
          this.wake = new AbortController();
          await sleep(delayMs, undefined, { signal: this.wake.signal, ref: false }).catch(() => {});
        }
        await this.foldAll();
      } while (this.again);
    })().finally(() => (this.running = null));
  }

  /** Waits for the folds under way, then folds what is left; throws what a fold since the last settle threw. */
  async settle(): Promise<void> {
    this.settling++;
    try {
      while (this.running) {
        this.wake?.abort();
        await this.running;
      }
      await this.foldAll();
    } finally {
      this.settling--;
    }
    const failure = this.failure;
    this.failure = null;
    if (failure) throw failure;
  }

  private async foldAll(): Promise<void> {
    try {
      // A full fold may leave more behind; 0 also when another process is folding (that fold takes these rows or the next does).
      while ((await this.pool.query<{ n: number }>("SELECT hoptac_fold_rollups($1) AS n", [FOLD_ROWS])).rows[0]!.n === FOLD_ROWS);
    } catch (error) {
      this.failure = error; // the rows stay pending, counted by reads: the next fold takes them
    }
  }
}

const folders = new WeakMap<pg.Pool, RollupFolder>();

function folder(pool: pg.Pool): RollupFolder {
  let f = folders.get(pool);
  if (!f) folders.set(pool, (f = new RollupFolder(pool)));
  return f;
}

/** After a write of events: folds its rollup changes soon (after `delayMs`), on another connection. */
export function foldRollupsSoon(pool: pg.Pool, delayMs = FOLD_DELAY_MS): void {
  folder(pool).kick(delayMs);
}

/** Folds every pending rollup change of this database, waiting for folds under way. */
export function foldRollups(pool: pg.Pool): Promise<void> {
  return folder(pool).settle();
}
