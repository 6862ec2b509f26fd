// How a page of events finds its rows: by walking the date index (many
// matching events), or read whole through the filters' own indexes and sorted
// (few). A statement that chooses for itself is planned both ways, about a
// millisecond more; so what a page's statement chose by is kept (hints.ts),
// and the pages after it of the same filters are planned one way only. Both
// ways give the same events.
import type { Reader } from "../../db/reader.ts";
import type { EventFilters, EventSort } from "./events.ts";
import { recall, remember } from "./hints.ts";

/** "either": the statement chooses; "walk" and "whole": chosen before. */
export type PageWay = "walk" | "whole" | "either";

function filterKey(f: EventFilters, sort: EventSort): string {
  const sorted = (v?: string[]) => (v ? [...new Set(v)].sort() : null);
  const { countries, official, ministry, types, topic, from, to, q, updatedSince } = f;
  return `way:${JSON.stringify([sort, sorted(countries), official, ministry, sorted(types), topic, from, to, q, updatedSince?.toISOString()])}`;
}

/** The way a statement of these filters and sort last chose, or "either". */
export function knownWay(db: Reader, f: EventFilters, sort: EventSort, now = Date.now()): PageWay {
  return recall<PageWay>(db, filterKey(f, sort), now) ?? "either";
}

/** Keeps the way a statement of these filters and sort chose. */
export function rememberWay(db: Reader, f: EventFilters, sort: EventSort, way: "walk" | "whole", now = Date.now()): void {
  remember(db, filterKey(f, sort), way, now);
}
