// What a reader's earlier statements told about the data, kept a minute per
// reader for the statements after them: the way a page of some filters was
// read (page-ways.ts) and the planner's estimate of a list's rows (count.ts).
// A hint only chooses how to read or gives an estimate marked as one; a stale
// hint costs speed, never a wrong row.
import type { Reader } from "../../db/reader.ts";

const KEEP_MS = 60_000;
const MAX_HINTS = 5_000;

const byReader = new WeakMap<Reader, Map<string, { value: unknown; at: number }>>();

/** The hint kept under this key, if told less than a minute ago. */
export function recall<T>(db: Reader, key: string, now = Date.now()): T | undefined {
  const hint = byReader.get(db)?.get(key);
  return hint && now - hint.at <= KEEP_MS ? (hint.value as T) : undefined;
}

/** Keeps a hint under this key, the oldest of the reader's dropped past MAX_HINTS. */
export function remember(db: Reader, key: string, value: unknown, now = Date.now()): void {
  let hints = byReader.get(db);
  if (!hints) byReader.set(db, (hints = new Map()));
  hints.delete(key);
  hints.set(key, { value, at: now });
  // The oldest out first: a Map iterates in insertion order.
  if (hints.size > MAX_HINTS) hints.delete(hints.keys().next().value!);
}
