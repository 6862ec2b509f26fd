// The third-party HTTP plugins, registered before the app's own, and the
// headers every response carries. What does not change from one request to
// the next is worked out once: the security headers are helmet's, set from a
// table made at startup (helmet itself reads its options again on every
// request), and a response's body is encoded once, then hashed for its ETag
// and written as those bytes.
import { hash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import compress from "@fastify/compress";
import cors from "@fastify/cors";
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";
import type { Config } from "../config/env.ts";
import { REQUEST_ID_HEADER } from "./request-id.ts";

const HELMET: Readonly<HelmetOptions> = {
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
};

/** The headers helmet sets with these options (the same on every response), by name. */
export function securityHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
  });
  return headers;
}

export async function registerHttpPlugins(app: FastifyInstance, config: Config): Promise<void> {
  const security = securityHeaders(HELMET);
  app.addHook("onRequest", (request, reply, done) => {
    reply.headers(security);
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  await app.register(cors, {
    origin: config.corsOrigin === "*" ? "*" : config.corsOrigin,
    // The methods the API has; an OPTIONS request without Origin is answered too (204), not refused.
    methods: ["GET", "HEAD", "POST", "OPTIONS"],
    strictPreflight: false,
    allowedHeaders: ["content-type", "authorization", "x-api-key", REQUEST_ID_HEADER],
    exposedHeaders: [REQUEST_ID_HEADER, "etag", "retry-after", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"],
  });
  await app.register(rateLimit, {
    max: config.rateLimitMax,
    timeWindow: config.rateLimitWindowMs,
  });
  await app.register(compress, { global: true });
  app.addHook("onSend", (request, reply, payload, done) => {
    // Text and bytes get an ETag (a hash of the body as sent); other payloads (streams) none.
    if (typeof payload !== "string" && !Buffer.isBuffer(payload)) return done(null, payload);
    let etag = reply.getHeader("etag");
    if (!etag) {
      // A string is hashed as its UTF-8, the bytes it is sent as.
      etag = `"${hash("sha1", payload, "base64")}"`;
      reply.header("etag", etag);
    }
    if ((request.method === "GET" || request.method === "HEAD") && reply.statusCode === 200 && matchesEtag(request.headers["if-none-match"], etag)) {
      reply.code(304);
      return done(null, "");
    }
    done(null, payload);
  });
}

/** If-None-Match (RFC 9110 §13.1.2): "*" or a list of tags, compared weakly. */
export function matchesEtag(header: string | undefined, etag: unknown): boolean {
  if (!header || typeof etag !== "string") return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}
