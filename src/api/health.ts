import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DATABASE_RETRY_AFTER_S, ProblemSchema, serviceUnavailable } from "./problem.ts";

const READY_TIMEOUT_MS = 3000;

const HealthSchema = z.object({
  status: z.literal("ok"),
  uptime: z.number().describe("Seconds since the process started."),
});

const ReadySchema = z.object({ status: z.literal("ready") });

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** GET /health (the process is up) and GET /ready (the database answers). */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/health",
    {
      config: { rateLimit: false },
      schema: {
        tags: ["system"],
        summary: "Liveness: the process is up",
        response: { 200: HealthSchema },
      },
    },
    async () => ({ status: "ok" as const, uptime: process.uptime() }),
  );

  app.get(
    "/ready",
    {
      config: { rateLimit: false },
      schema: {
        tags: ["system"],
        summary: "Readiness: the database answers a query",
        response: { 200: ReadySchema, 503: ProblemSchema },
      },
    },
    async (request) => {
      try {
        await withTimeout(app.prisma.$queryRaw`SELECT 1`, READY_TIMEOUT_MS);
      } catch (err) {
        request.log.warn({ err }, "readiness check: the database did not answer");
        throw serviceUnavailable("The database is not reachable, so the API cannot answer queries.", {
          headers: { "retry-after": String(DATABASE_RETRY_AFTER_S) },
        });
      }
      return { status: "ready" as const };
    },
  );
};
