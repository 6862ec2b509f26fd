import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../problem.ts";
import { SAMPLE_EVERY } from "../query/sample.ts";
import { eventStats, EXACT_UP_TO, STATS_GROUPS as GROUPS } from "../query/stats.ts";
import { eventFilterShape, queryObject } from "../schemas/params.ts";
import { eventFilters } from "./event-list.ts";

const StatsQuery = queryObject({
  group_by: z
    .enum(GROUPS, { error: `must be one of ${GROUPS.join(", ")}` })
    .describe("What to count events by. An event counts once for each of its countries, topics and ministries.")
    .meta({ example: "country" }),
  ...eventFilterShape,
  exact: z
    .enum(["true", "false"])
    .optional()
    .describe(
      `With q: count every matching event even when many match. Without it, when the text matches more than ${EXACT_UP_TO} events (as a sample says), the counts are estimated from one event in ${SAMPLE_EVERY} and meta.approximate is true.`,
    ),
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
      approximate: z
        .literal(true)
        .optional()
        .describe("Present (true) only when the counts and total are estimates: a q= text that many events match, counted over a sample (see exact)."),
      approximation: z
        .object({
          method: z.literal("sample").describe("Counted over a fixed sample of the events (those whose id is a multiple of 1/fraction), each count multiplied by 1/fraction."),
          fraction: z.number().describe("The share of the events in the sample."),
          sample_matches: z.number().int().describe("The sample's events that matched the filters."),
        })
        .optional()
        .describe("How the estimate was made, with approximate."),
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
        description:
          "Counts the events that match the same filters as GET /v1/events, grouped as group_by says; the largest groups first (years in order). Exact, except for a q= text that many events match: then estimated from a sample and marked by meta.approximate (exact=true counts them all).",
        querystring: StatsQuery,
        response: { 200: StatsSchema, ...problemResponses(400) },
      },
    },
    async (request) => {
      const { group_by: group, exact } = request.query;
      const { rows: data, total, approximation } = await eventStats(app.db, group, eventFilters(request.query), { exact: exact === "true" });
      return { data, meta: { count: data.length, next_cursor: null, group_by: group, total, ...(approximation ? { approximate: true as const, approximation } : {}) } };
    },
  );
};
