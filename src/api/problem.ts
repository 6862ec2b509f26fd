// Errors as RFC 9457 problem details (application/problem+json). Route code
// throws the helpers below (`throw notFound("No official 42")`); the handlers
// registered by registerProblemHandlers turn every error into a problem.
import { STATUS_CODES } from "node:http";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { z } from "zod";
import { isDatabaseUnavailable } from "../db/unavailable.ts";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** One invalid request parameter: where it is (path, query, header, body), which, and why. */
export interface FieldError {
  in: "path" | "query" | "header" | "body";
  name: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const FieldErrorSchema = z.object({
  in: z.enum(["path", "query", "header", "body"]),
  name: z.string(),
  message: z.string(),
});

/** For route schemas: `response: { 404: ProblemSchema }` documents the error in OpenAPI. */
export const ProblemSchema = z
  .looseObject({
    type: z.string().describe('A URI identifying the problem type; "about:blank" when the HTTP status says it all.'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .meta({ id: "Problem", description: "An error, as RFC 9457 problem details (application/problem+json)." });

/** The problem schema for each status, to spread into a route's `response`. */
export function problemResponses<S extends number>(...statuses: S[]): Record<S, typeof ProblemSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ProblemSchema])) as Record<S, typeof ProblemSchema>;
}

/** An error that answers with a problem document. */
export class HttpProblem extends Error {
  override name = "HttpProblem";
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly extensions: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    detail?: string,
    options: { type?: string; title?: string; headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
  ) {
    super(detail ?? STATUS_CODES[status] ?? "Error");
    this.status = status;
    this.type = options.type ?? "about:blank";
    this.title = options.title ?? STATUS_CODES[status] ?? "Error";
    this.headers = options.headers ?? {};
    this.extensions = options.extensions ?? {};
  }
}

type ProblemOptions = ConstructorParameters<typeof HttpProblem>[2];

export const problem = (status: number, detail?: string, options?: ProblemOptions) => new HttpProblem(status, detail, options);
export const badRequest = (detail: string, options?: ProblemOptions) => new HttpProblem(400, detail, options);
export const unauthorized = (detail: string, options?: ProblemOptions) => new HttpProblem(401, detail, options);
export const forbidden = (detail: string, options?: ProblemOptions) => new HttpProblem(403, detail, options);
export const notFound = (detail: string, options?: ProblemOptions) => new HttpProblem(404, detail, options);
export const conflict = (detail: string, options?: ProblemOptions) => new HttpProblem(409, detail, options);
export const unprocessable = (detail: string, options?: ProblemOptions) => new HttpProblem(422, detail, options);
export const serviceUnavailable = (detail: string, options?: ProblemOptions) => new HttpProblem(503, detail, options);

/** Seconds a client should wait before trying again while the database is unreachable. */
export const DATABASE_RETRY_AFTER_S = 2;

/** 503 for a request that needs the database while it cannot be reached. */
export const databaseUnavailable = () =>
  new HttpProblem(503, "The database cannot be reached at the moment; try again in a few seconds.", {
    headers: { "retry-after": String(DATABASE_RETRY_AFTER_S) },
  });

const WHERE: Record<string, FieldError["in"]> = { params: "path", querystring: "query", headers: "header", body: "body" };

/** "/items/0/name" → "items.0.name"; an object-level issue names its missing or extra keys. */
function fieldName(instancePath: string, params: Record<string, unknown> | undefined): string {
  const path = instancePath.replace(/^\//, "").split("/").filter(Boolean).join(".");
  const extra = params?.keys ?? params?.missingProperty ?? params?.additionalProperty;
  const keys = Array.isArray(extra) ? extra.join(",") : typeof extra === "string" ? extra : "";
  if (keys) return path ? `${path}.${keys}` : keys;
  return path;
}

function validationErrors(err: FastifyError): FieldError[] {
  const where = WHERE[err.validationContext ?? "body"] ?? "body";
  return (err.validation ?? []).map((v) => ({
    in: where,
    name: fieldName(v.instancePath ?? "", v.params as Record<string, unknown> | undefined),
    message: v.message ?? "is invalid",
  }));
}

const LONGEST_INSTANCE = 200;

/** The request's URL, cut short when a client sent a huge one: an error need not echo it whole. */
function shortened(url: string): string {
  return url.length > LONGEST_INSTANCE ? `${url.slice(0, LONGEST_INSTANCE)}…` : url;
}

type ProblemBody = Partial<Problem> & Pick<Problem, "title" | "status">;

export function sendProblem(request: FastifyRequest, reply: FastifyReply, body: ProblemBody) {
  const doc: Problem = { type: "about:blank", ...body, instance: shortened(request.url), requestId: String(request.id) };
  return reply.code(doc.status).type(PROBLEM_CONTENT_TYPE).send(doc);
}

function describeValidation(errors: FieldError[]): string {
  const places = [...new Set(errors.map((e) => e.in))];
  const verb = places.length > 1 ? "have" : "has";
  return `The request's ${places.join(" and ")} ${verb} ${errors.length === 1 ? "an invalid value" : "invalid values"}: ${errors
    .map((e) => (e.name ? `${e.name}: ${e.message}` : e.message))
    .join("; ")}`;
}

/** Error and not-found handlers that always answer with problem+json, never a stack trace. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpProblem, request, reply) => {
    if (error instanceof HttpProblem) {
      reply.headers(error.headers);
      return sendProblem(request, reply, {
        ...error.extensions,
        type: error.type,
        title: error.title,
        status: error.status,
        detail: error.message,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      const errors = validationErrors(error as FastifyError);
      return sendProblem(request, reply, { title: "Bad Request", status: 400, detail: describeValidation(errors), errors });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: (error as Error).message.split("\n").filter(Boolean).at(-1) }, "the database cannot be reached");
      const unavailable = databaseUnavailable();
      reply.headers(unavailable.headers);
      return sendProblem(request, reply, { title: unavailable.title, status: 503, detail: unavailable.message });
    }
    const status = isResponseSerializationError(error) ? 500 : (error.statusCode ?? 500);
    if (status >= 400 && status < 500) {
      return sendProblem(request, reply, { title: STATUS_CODES[status] ?? "Client Error", status, detail: error.message });
    }
    request.log.error({ err: error }, "request failed");
    return sendProblem(request, reply, {
      title: STATUS_CODES[status] ?? "Internal Server Error",
      status: status >= 500 && status < 600 ? status : 500,
      detail: `The server could not complete the request; its log has the details under request id ${request.id}.`,
    });
  });

  app.setNotFoundHandler({ preHandler: app.rateLimit ? app.rateLimit() : undefined }, (request, reply) =>
    sendProblem(request, reply, {
      title: "Not Found",
      status: 404,
      detail: `There is no route ${request.method} ${request.url.split("?")[0]}; GET /docs lists the API.`,
    }),
  );
}
