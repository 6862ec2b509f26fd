import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../problem.ts";
import { eventStats, STATS_GROUPS as GROUPS } from "../query/stats.ts";
import { eventFilterShape, queryObject } from "../schemas/params.ts";
import { eventFilters } from "./event-list.ts";

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
      const { rows: data, total } = await eventStats(app.db, group, eventFilters(request.query));
      return { data, meta: { count: data.length, next_cursor: null, group_by: group, total } };
    },
  );
};
