import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../problem.ts";
import { countEvents, eventConditions } from "../query/events.ts";
import { sql, where, type Sql } from "../query/sql.ts";
import { eventFilterShape, queryObject } from "../schemas/params.ts";
import { eventFilters } from "./event-list.ts";
import { EVENT_TYPE_LABELS, TOPIC_LABELS, type EventTypeCode } from "./labels.ts";

const GROUPS = ["country", "type", "year", "topic", "ministry"] as const;
type Group = (typeof GROUPS)[number];

const StatsQuery = queryObject({
  group_by: z
    .enum(GROUPS, { error: `must be one of ${GROUPS.join(", ")}` })
    .describe("What to count events by. An event counts once for each of its countries, topics and ministries.")
    .meta({ example: "country" }),
  ...eventFilterShape,
});

export const StatsGroupSchema = z
  .object({
    key: z
      .string()
      .nullable()
      .describe("The group, as the /v1/events filter of the same name takes it: country code, event type, year, topic code or ministry id; null for events whose year is unknown."),
    name_vi: z.string().nullable(),
    name_en: z.string().nullable(),
    country: z.string().nullable().describe("ISO code of the group's country, for country and ministry groups."),
    count: z.number().int().describe("Events in the group."),
  })
  .meta({ id: "StatsGroup", example: { key: "CU", name_vi: "Cuba", name_en: "Cuba", country: "CU", count: 8 } });

const StatsSchema = z
  .object({
    data: z.array(StatsGroupSchema),
    meta: z.object({
      count: z.number().int().describe("How many groups."),
      next_cursor: z.null(),
      group_by: z.enum(GROUPS),
      total: z.number().int().describe("Events matching the filters."),
    }),
  })
  .meta({ id: "Stats" });

type Row = { key: string | null; name_vi: string | null; name_en: string | null; country: string | null; count: number };

function groupSql(group: Group, conditions: Sql[]): Sql {
  const w = where(conditions);
  switch (group) {
    case "country":
      return sql`SELECT c.code::text AS key, c.name_vi, c.name_en, c.code::text AS country, count(*)::int AS count
        FROM events e JOIN event_countries ec ON ec.event_id = e.id JOIN countries c ON c.code = ec.country_code ${w}
        GROUP BY c.code ORDER BY count DESC, key`;
    case "ministry":
      return sql`SELECT mi.id::text AS key, mi.name_vi, mi.name_en, mi.country_code::text AS country, count(*)::int AS count
        FROM events e JOIN event_ministries em ON em.event_id = e.id JOIN ministries mi ON mi.id = em.ministry_id ${w}
        GROUP BY mi.id ORDER BY count DESC, mi.code`;
    case "type":
      return sql`SELECT e.type::text AS key, NULL AS name_vi, NULL AS name_en, NULL AS country, count(*)::int AS count
        FROM events e ${w} GROUP BY e.type ORDER BY count DESC, key`;
    case "year":
      return sql`SELECT extract(year FROM e.span_from)::int::text AS key, NULL AS name_vi, NULL AS name_en, NULL AS country, count(*)::int AS count
        FROM events e ${w} GROUP BY 1 ORDER BY 1 NULLS LAST`;
    case "topic":
      return sql`SELECT t.topic AS key, NULL AS name_vi, NULL AS name_en, NULL AS country, count(*)::int AS count
        FROM events e CROSS JOIN LATERAL unnest(e.topics) AS t(topic) ${w} GROUP BY t.topic ORDER BY count DESC, key`;
  }
}

function labelled(group: Group, row: Row): Row {
  if (group === "type" && row.key) {
    const label = EVENT_TYPE_LABELS[row.key as EventTypeCode];
    return { ...row, name_vi: label.vi, name_en: label.en };
  }
  if (group === "topic" && row.key) {
    const label = TOPIC_LABELS.get(row.key);
    return { ...row, name_vi: label?.vi ?? null, name_en: label?.en ?? null };
  }
  return row;
}

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/stats",
    {
      schema: {
        tags: ["events"],
        summary: "Event counts by country, type, year, topic or ministry, for dashboards",
        description: "Counts the events that match the same filters as GET /v1/events, grouped as group_by says; the largest groups first (years in order).",
        querystring: StatsQuery,
        response: { 200: StatsSchema, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { group_by: group } = request.query;
      const filters = eventFilters(request.query);
      const [rows, total] = await Promise.all([
        app.prisma.$queryRaw<Row[]>(groupSql(group, eventConditions(filters))),
        countEvents(app.prisma, filters),
      ]);
      const data = rows.map((r) => labelled(group, r));
      return { data, meta: { count: data.length, next_cursor: null, group_by: group, total } };
    },
  );
};
