// Small helpers shared by the row writers.
import { precisionOf, type PartialDate } from "../../dates/value.ts";

export type { Tx } from "./tx.ts";

export function datePrecision(p: PartialDate | null) {
  return precisionOf(p);
}

/** The distinct non-empty parts, joined: what the text search reads. */
export function searchText(parts: (string | null | undefined)[]): string {
  return [...new Set(parts.filter((s): s is string => !!s))].join(" | ");
}

/** Each name once, in order, leaving out `except`. */
export function uniqueNames(names: string[], except: string): string[] {
  const out: string[] = [];
  const seen = new Set([except]);
  for (const n of names) {
    if (!n || seen.has(n)) continue;
    seen.add(n);
    out.push(n);
  }
  return out;
}

/** The merge of what each source says, in article order. */
export function foldFacts<T>(facts: T[], merge: (a: T, b: T) => T): T | null {
  let acc: T | null = null;
  for (const f of facts) acc = acc === null ? f : merge(acc, f);
  return acc;
}
