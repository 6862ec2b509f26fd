// The query API, mounted under /v1 by buildApp. Register each resource's
// routes here (e.g. `await app.register(officialRoutes)`); the error handler,
// validation (zod schemas via fastify-type-provider-zod) and OpenAPI docs are
// already in place, and app.prisma is the database.
import type { FastifyInstance } from "fastify";

export async function v1Routes(_app: FastifyInstance): Promise<void> {}

export default v1Routes;
