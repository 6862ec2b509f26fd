import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Logger } from "pino";
import type { Config } from "../config/env.ts";
import type { PrismaClient } from "../db/client.ts";
import { primaryReader, type Reader } from "../db/reader.ts";
import { ExtractionPool } from "../extraction/pool.ts";
import { createLogger } from "../logger.ts";
import { registerExplorer } from "./explorer.ts";
import { clientErrorHandler, frameworkErrors } from "./framework-errors.ts";
import { healthRoutes } from "./health.ts";
import { registerHttpPlugins } from "./http-plugins.ts";
import { registerOpenApi } from "./openapi.ts";
import { registerProblemHandlers } from "./problem.ts";
import { serializerCompiler } from "./serializer.ts";
import { genReqId } from "./request-id.ts";
import { v1Routes } from "./routes/index.ts";

declare module "fastify" {
  interface FastifyInstance {
    config: Config;
    /** Writes (and the ingest's read of what it wrote) on DATABASE_URL. */
    prisma: PrismaClient;
    /** Every other read: DATABASE_READ_URL's replicas, else DATABASE_URL. */
    db: Reader;
    /** Where POST /v1/articles reads articles, off the event loop. */
    extraction: ExtractionPool;
  }
}

export interface BuildAppOptions {
  config: Config;
  prisma: PrismaClient;
  /** Where reads go; defaults to the Prisma client's connection. The caller closes it. */
  reader?: Reader;
  /** Defaults to a pino logger at config.logLevel. */
  logger?: Logger;
  /** Defaults to a pool of its own, closed with the app. */
  extraction?: ExtractionPool;
}

/** The HTTP API, not yet listening: the server CLI listens, tests use app.inject. */
export async function buildApp({ config, prisma, reader, logger, extraction }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: (logger ?? createLogger(config.logLevel)) as FastifyBaseLogger,
    genReqId,
    requestIdHeader: false,
    bodyLimit: config.bodyLimit,
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("config", config);
  app.decorate("prisma", prisma);
  app.decorate("db", reader ?? primaryReader(prisma));
  const pool = extraction ?? new ExtractionPool({ maxChars: config.maxArticleChars });
  app.decorate("extraction", pool);
  if (!extraction) app.addHook("onClose", () => pool.close());

  await registerHttpPlugins(app, config);
  registerProblemHandlers(app);
  await registerOpenApi(app);
  await app.register(healthRoutes);
  await app.register(v1Routes, { prefix: "/v1" });
  await registerExplorer(app);
  return app as unknown as FastifyInstance;
}
