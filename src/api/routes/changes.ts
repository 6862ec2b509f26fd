import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { problemResponses } from "../problem.ts";
import { CHANGE_ENTITIES, changesSql, type ChangeEntity, type ChangeRow } from "../query/changes.ts";
import { decodeCursor, paginate } from "../query/cursor.ts";
import { Cursor, Limit, queryObject, repeatable, Timestamp } from "../schemas/params.ts";
import { listOf } from "../schemas/resources.ts";

const PATHS: Record<ChangeEntity, string> = {
  article: "articles",
  event: "events",
  agreement: "agreements",
  official: "officials",
  ministry: "ministries",
  country: "countries",
};

export const ChangeSchema = z
  .object({
    type: z.enum(CHANGE_ENTITIES).describe("What kind of record changed."),
    id: z.union([z.number().int(), z.string()]).describe("Its id: a number, or the ISO code for a country."),
    action: z
      .enum(["created", "updated", "deleted"])
      .describe("deleted: it no longer exists; created: it was created since `since` (and may have changed again); updated: it changed."),
    at: z.string().describe("Its latest change (ISO 8601, the time of the transaction that made it)."),
    href: z.string().nullable().describe("The API path of the record as it is now; null when deleted."),
  })
  .meta({ id: "Change", example: { type: "event", id: 12, action: "updated", at: "2026-11-30T08:15:02.125Z", href: "/v1/events/12" } });

const ChangesQuery = queryObject({
  since: Timestamp.optional().describe(
    "Changes at or after this time (ISO 8601: 2026-11-30T08:00:00Z, or a date). Omitted: every record ever created, deleted ones included. " +
      "To keep a copy in step, pass the latest `at` you have seen: changes at that very time come again, none are missed.",
  ).meta({ example: "2026-11-30T00:00:00Z" }),
  type: repeatable(z.enum(CHANGE_ENTITIES, { error: `must be one of ${CHANGE_ENTITIES.join(", ")}` }))
    .optional()
    .describe(`Only these kinds of records; repeat it for several. One of ${CHANGE_ENTITIES.join(", ")}.`),
  limit: Limit(1000, 100),
  cursor: Cursor.optional(),
});

export const changeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/changes",
    {
      schema: {
        tags: ["system"],
        summary: "Records created, updated and deleted since a time, to keep a copy in step",
        description:
          "One entry per article, event, agreement, official, ministry or country that changed at or after `since`, in the order of their latest change, " +
          "deletions included. A change to an event's participants, countries, ministries or sources, an agreement's parties or sources, an official's " +
          "mentions or a ministry's units counts as a change of that record. Take GET /v1/dump once, then follow this feed.",
        querystring: ChangesQuery,
        response: { 200: listOf(ChangeSchema).meta({ id: "ChangeList" }), ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const { since, limit, cursor } = request.query;
      const entities = request.query.type ? [...new Set(request.query.type)] : [...CHANGE_ENTITIES];
      const position = cursor === undefined ? null : decodeCursor(cursor, "changes", "seq", (k) => k !== null && /^\d{1,19}$/.test(k));
      const rows = await app.prisma.$queryRaw<ChangeRow[]>(changesSql(since, entities, position, limit));
      const page = paginate(rows, limit, "changes", "seq", (r) => ({ key: r.seq, id: 0 }));
      // The feed moves with every write: revalidate each time.
      reply.header("cache-control", "no-cache");
      const data = page.rows.map((r) => {
        const id = r.entity === "country" ? r.entity_id : Number(r.entity_id);
        return { type: r.entity, id, action: r.action, at: r.at, href: r.action === "deleted" ? null : `/v1/${PATHS[r.entity]}/${id}` };
      });
      return { data, meta: { count: data.length, next_cursor: page.next } };
    },
  );
};
