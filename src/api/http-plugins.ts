// The third-party HTTP plugins, registered before the app's own.
import compress from "@fastify/compress";
import cors from "@fastify/cors";
import etag from "@fastify/etag";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import type { Config } from "../config/env.ts";
import { REQUEST_ID_HEADER } from "./request-id.ts";

export async function registerHttpPlugins(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(cors, {
    origin: config.corsOrigin === "*" ? "*" : config.corsOrigin,
    // The methods the API has; an OPTIONS request without Origin is answered too (204), not refused.
    methods: ["GET", "HEAD", "POST", "OPTIONS"],
    strictPreflight: false,
    allowedHeaders: ["content-type", "authorization", "x-api-key", REQUEST_ID_HEADER],
    exposedHeaders: [REQUEST_ID_HEADER, "etag", "retry-after", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"],
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      // Swagger UI at /docs loads only its own scripts and styles; images may be data: URIs.
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        // The API is often served over plain http (locally, in compose): do not
        // make browsers rewrite the /docs assets to https.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, {
    max: config.rateLimitMax,
    timeWindow: config.rateLimitWindowMs,
  });
  await app.register(compress, { global: true });
  await app.register(etag, { replyWith304: false });
  app.addHook("onSend", async (request, reply, payload) => {
    if ((request.method === "GET" || request.method === "HEAD") && reply.statusCode === 200 && matchesEtag(request.headers["if-none-match"], reply.getHeader("etag"))) {
      reply.code(304);
      return "";
    }
    return payload;
  });
}

/** If-None-Match (RFC 9110 §13.1.2): "*" or a list of tags, compared weakly. */
export function matchesEtag(header: string | undefined, etag: unknown): boolean {
  if (!header || typeof etag !== "string") return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}
