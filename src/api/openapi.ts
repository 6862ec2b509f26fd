// The OpenAPI 3.1 document (built from the routes' zod schemas), served at
// GET /openapi.json, and Swagger UI at /docs.
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
import { VERSION } from "../version.ts";
import { API_KEY_SECURITY_SCHEMES } from "./auth.ts";

export const TAGS = [
  { name: "system", description: "Liveness, readiness and this document." },
  { name: "articles", description: "The imported news articles every fact is read from." },
  { name: "officials", description: "People, and what each article says of their rank and office." },
  { name: "ministries", description: "Ministries and agencies of each country, and their units." },
  { name: "events", description: "Visits, talks, conferences and other activities." },
  { name: "agreements", description: "Agreements, memoranda and plans, with their parties." },
  { name: "countries", description: "The countries Việt Nam deals with." },
];

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "hoptac API",
        description:
          "A knowledge base of Việt Nam's security diplomacy — officials, ministries, events and agreements — read from Vietnamese news articles. " +
          "Every fact links to the article and sentence it comes from. Errors are RFC 9457 problem details (application/problem+json).",
        version: VERSION,
      },
      tags: TAGS,
      components: { securitySchemes: API_KEY_SECURITY_SCHEMES },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
