// The query API, mounted under /v1 by buildApp: one module per resource.
import type { FastifyInstance } from "fastify";
import { ProblemSchema } from "../problem.ts";
import { registerListFormats } from "../formats/lists.ts";
import { agreementRoutes } from "./agreements.ts";
import { changeRoutes } from "./changes.ts";
import { articleReadRoutes, articleWriteRoutes } from "./articles.ts";
import { countryRoutes } from "./countries.ts";
import { dumpRoutes } from "./dump.ts";
import { eventRoutes } from "./events.ts";
import { ministryRoutes } from "./ministries.ts";
import { officialRoutes } from "./officials.ts";
import { searchRoutes } from "./search.ts";
import { statsRoutes } from "./stats.ts";

/** Successful reads may be cached for a minute; with the ETag, clients revalidate cheaply. */
const READ_CACHE_CONTROL = "public, max-age=60";

export async function v1Routes(app: FastifyInstance): Promise<void> {
  // Every endpoint here needs the database: while it cannot be reached, 503 with Retry-After.
  app.addHook("onRoute", (route) => {
    const schema = (route.schema ??= {}) as { response?: Record<string | number, unknown> };
    schema.response ??= {};
    schema.response[503] ??= ProblemSchema;
  });
  // Before the routes: every list also answers CSV and NDJSON.
  registerListFormats(app);
  app.addHook("onSend", async (request, reply, payload) => {
    if ((request.method === "GET" || request.method === "HEAD") && reply.statusCode < 400 && !reply.hasHeader("cache-control")) {
      reply.header("cache-control", READ_CACHE_CONTROL);
    }
    return payload;
  });
  await app.register(eventRoutes);
  await app.register(officialRoutes);
  await app.register(countryRoutes);
  await app.register(ministryRoutes);
  await app.register(agreementRoutes);
  await app.register(articleReadRoutes);
  await app.register(articleWriteRoutes);
  await app.register(searchRoutes);
  await app.register(statsRoutes);
  await app.register(dumpRoutes);
  await app.register(changeRoutes);
}

export default v1Routes;
