// The one event list behind /events, /countries/{code}/events and /officials/{id}/events.
import type { z } from "zod";
import type { Reader } from "../../db/reader.ts";
import { pageBytes } from "../query/page-body.ts";
import { countMeta } from "../query/count.ts";
import { pick } from "../query/select.ts";
import { decodeCursor, paginate } from "../query/cursor.ts";
import { countEvents, eventDocPage, eventPage, represent, type EventFilters, type EventSort } from "../query/events.ts";
import { isDateKey } from "../query/sql.ts";
import { dateRange, eventFilterShape, eventListShape, queryObject } from "../schemas/params.ts";
import { EventSchema, listOf } from "../schemas/resources.ts";

export const EventListQuery = queryObject(eventListShape);
export type EventListQuery = z.infer<typeof EventListQuery>;

/** GET /events, with the examples that answer "which events involved Cuba since 2024?" in the explorer. */
export const EventSearchQuery = queryObject({
  ...eventListShape,
  country: eventListShape.country.meta({ example: ["CU"] }),
  from: eventListShape.from.meta({ example: "2024" }),
});

export const EventFilterQuery = queryObject(eventFilterShape);
export type EventFilterQuery = z.infer<typeof EventFilterQuery>;

export const EventListSchema = listOf(EventSchema).meta({ id: "EventList", description: "A page of events." });

/** The filters a query asks for, with from/to widened to whole periods. */
export function eventFilters(query: EventFilterQuery, fixed: Partial<EventFilters> = {}): EventFilters {
  const { from, to } = dateRange(query.from, query.to);
  return {
    countries: [...(fixed.countries ?? []), ...(query.country ?? [])],
    official: fixed.official ?? query.official,
    ministry: fixed.ministry ?? query.ministry,
    types: query.type,
    topic: query.topic,
    from,
    to,
    q: query.q,
    updatedSince: query.updated_since,
  };
}

/**
 * A page of events: without select=, the response's bytes, the items' ready
 * JSON (event_docs) as Postgres joined them with the meta around; with it, or
 * when an item is missing, the rows read and represented here.
 */
export async function listEvents(db: Reader, query: EventListQuery, fixed: Partial<EventFilters> = {}): Promise<EventList | Buffer> {
  const filters = eventFilters(query, fixed);
  const sort: EventSort = query.sort;
  const position = query.cursor === undefined ? null : decodeCursor(query.cursor, "events", sort, isDateKey);
  if (!query.select) {
    const { page, count } = await eventDocPage(db, filters, sort, position, query.limit);
    if (page) return pageBytes(page, query.limit, "events", sort, count);
  }
  const [rows, count] = await Promise.all([eventPage(db, filters, sort, position, query.limit, query.select), countEvents(db, filters)]);
  const page = paginate(rows, query.limit, "events", sort, (row) => ({ key: row.sort_key ?? null, id: row.id }));
  return { data: page.rows.map((row) => pick(represent(row), query.select)), meta: { ...countMeta(count), next_cursor: page.next } };
}

type EventList = z.infer<typeof EventListSchema>;
