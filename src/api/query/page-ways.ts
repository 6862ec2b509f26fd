// How a page of events finds its rows: by walking the date index (many
// matching events), or read whole through the filters' own indexes and sorted
// (few). A statement that chooses for itself is planned both ways, about a
// millisecond more; so the number of matching events its first page read
// (at most that many: pageIdsSql's bound) is kept a minute per reader, and
// the pages after it of the same filters are planned one way only. A stale
// number costs speed only: both ways give the same events.
import type { Reader } from "../../db/reader.ts";
import type { EventFilters } from "./events.ts";

/** "either": the statement chooses from the bound it reads; "walk" and "whole": chosen before. */
export type PageWay = "walk" | "whole" | "either";

const KEEP_MS = 60_000;
const MAX_FILTERS = 5_000;

type Known = Map<string, { bound: number; at: number }>;
const byReader = new WeakMap<Reader, Known>();

function filterKey(f: EventFilters): string {
  const sorted = (v?: string[]) => (v ? [...new Set(v)].sort() : null);
  return JSON.stringify([sorted(f.countries), f.official ?? null, f.ministry ?? null, sorted(f.types), f.topic ?? null, f.from ?? null, f.to ?? null, f.updatedSince?.toISOString() ?? null]);
}

/** The way for these filters given the bound last read for them (`few`: at most this many read whole), or "either". */
export function knownWay(db: Reader, f: EventFilters, few: number, now = Date.now()): PageWay {
  const known = byReader.get(db)?.get(filterKey(f));
  if (!known || now - known.at > KEEP_MS) return "either";
  return known.bound <= few ? "whole" : "walk";
}

/** Keeps the bound a statement read for these filters. */
export function rememberBound(db: Reader, f: EventFilters, bound: number, now = Date.now()): void {
  let known = byReader.get(db);
  if (!known) byReader.set(db, (known = new Map()));
  const key = filterKey(f);
  known.delete(key);
  known.set(key, { bound, at: now });
  // The oldest first out: a Map iterates in insertion order.
  if (known.size > MAX_FILTERS) known.delete(known.keys().next().value!);
}
