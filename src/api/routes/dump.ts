import { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { buildDump, dumpJson } from "../../db/dump.ts";
import { queryObject } from "../schemas/params.ts";

export const DumpSchema = z
  .looseObject({
    generated_at: z.string().describe("When the snapshot was taken (ISO 8601)."),
    articles: z.array(z.looseObject({ id: z.string() })),
    countries: z.array(z.looseObject({ code: z.string() })),
    officials: z.array(z.looseObject({ id: z.string() })),
    ministries: z.array(z.looseObject({ id: z.string() })),
    units: z.array(z.looseObject({ id: z.string() })),
    events: z.array(z.looseObject({ id: z.string() })),
    agreements: z.array(z.looseObject({ id: z.string() })),
    mentions: z.array(z.looseObject({ article: z.string() })),
  })
  .meta({
    id: "Dump",
    description:
      "The whole knowledge base as one document, the one `npm run export` writes: articles, countries, officials with their timelines, ministries, units, " +
      "events and agreements with their evidence, and what each article mentions. Ids are prefixed strings (a12, o3, m1, u2, e7, g4).",
  });

export const dumpRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/dump",
    {
      schema: {
        tags: ["system"],
        summary: "The whole knowledge base as one JSON document, streamed",
        description: "One consistent snapshot of the database, sent record by record. For mirroring, take it once and then follow GET /v1/changes.",
        querystring: queryObject({}),
        response: { 200: DumpSchema },
      },
    },
    async (_request, reply) => {
      const dump = await buildDump(app.prisma);
      // Not cached: the snapshot is as of now. A stream is sent as it is, not through the response schema.
      reply.header("cache-control", "no-store").type("application/json; charset=utf-8");
      return reply.send(Readable.from(dumpJson(dump)) as never);
    },
  );
};
