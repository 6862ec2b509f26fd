// Every list endpoint (a GET whose 200 response is {data: [...], meta: {next_cursor}})
// also answers CSV and NDJSON. An onRoute hook adds the `format` parameter to the
// route's query schema and wraps its handler: for csv and ndjson the handler is
// called page after page, following next_cursor, and the items are streamed
// as they come; the route modules need nothing for it.
import { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod, RouteOptions } from "fastify";
import { z } from "zod";
import { csvColumns, csvHeader, csvRow, type Column } from "./csv.ts";
import { FormatParam, MEDIA_TYPES, negotiate } from "./negotiate.ts";

interface ListPage {
  data: unknown[];
  meta: { next_cursor: string | null };
}

/** What the OpenAPI document says of each list: its item component and CSV columns, by path ("/v1/events/{id}"). */
export const LIST_ROUTES = new Map<string, { item: z.ZodType; columns: Column[] }>();

const WRAPPED = Symbol("list formats");

/** Rows fetched per page while streaming: small enough to start sending soon. */
const STREAM_PAGE = 100;

/** The item schema of a list route's 200 response, or null for other routes. */
function listItem(route: RouteOptions): z.ZodType | null {
  const ok = (route.schema?.response as Record<string, unknown> | undefined)?.["200"];
  if (!(ok instanceof z.ZodObject)) return null;
  const { data, meta } = ok.shape as Record<string, z.ZodType>;
  if (!(data instanceof z.ZodArray) || !(meta instanceof z.ZodObject) || !("next_cursor" in meta.shape)) return null;
  return data.element as z.ZodType;
}

/** The largest page the route's `limit` allows, if it has one. */
function maxLimit(query: z.ZodObject): number | undefined {
  let s = query.shape.limit as z.ZodType | undefined;
  while (s && !(s instanceof z.ZodNumber)) s = (s as unknown as { _zod: { def: { innerType?: z.ZodType } } })._zod.def.innerType;
  return s instanceof z.ZodNumber && Number.isFinite(s.maxValue) ? (s.maxValue as number) : undefined;
}

function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z_]\w*)/g, "{$1}");
}

export function registerListFormats(app: FastifyInstance): void {
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes("GET") && !methods.includes("HEAD")) return;
    const item = listItem(route);
    const query = route.schema?.querystring;
    if (!item || !(query instanceof z.ZodObject) || (route.handler as { [WRAPPED]?: true })[WRAPPED]) return;

    // Mutated in place: @fastify/swagger keeps a reference to this schema object.
    route.schema!.querystring = query.extend({ format: FormatParam });
    const columns = csvColumns(item);
    LIST_ROUTES.set(openApiPath(route.url), { item, columns });
    const limitMax = maxLimit(query);
    const handler = route.handler as (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) => Promise<ListPage | string | Buffer>;
    // A handler may answer with the page's JSON text (events do); streaming reads its items.
    const page = async (request: FastifyRequest, reply: FastifyReply, self: FastifyInstance): Promise<ListPage> => {
      const answer = await handler.call(self, request, reply);
      return typeof answer === "string" || Buffer.isBuffer(answer) ? (JSON.parse(answer.toString()) as ListPage) : answer;
    };

    const wrapped = async function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      const format = negotiate(request);
      reply.header("vary", "accept");
      if (format === "json") return handler.call(this, request, reply);

      const q = request.query as { limit?: number; cursor?: string };
      // An explicit limit caps the rows; pages of STREAM_PAGE rows are fetched until it is reached.
      const cap = new URLSearchParams(request.url.split("?")[1] ?? "").has("limit") ? (q.limit ?? Infinity) : Infinity;
      if (limitMax !== undefined) q.limit = Math.min(limitMax, STREAM_PAGE, cap);
      // The first page is read before anything is sent, so that its errors are problem documents.
      const first = await page(request, reply, this);
      const nextPage = () => page(request, reply, this);
      async function* lines(): AsyncGenerator<string> {
        if (format === "csv") yield csvHeader(columns);
        let current = first;
        let sent = 0;
        for (;;) {
          let chunk = "";
          for (const row of current.data) {
            if (sent >= cap) break;
            const value = item!.parse(row);
            chunk += format === "csv" ? csvRow(columns, value) : `${JSON.stringify(value)}\n`;
            sent++;
          }
          if (chunk) yield chunk;
          if (current.meta.next_cursor === null || sent >= cap) return;
          q.cursor = current.meta.next_cursor;
          current = await nextPage();
        }
      }
      const stream = Readable.from(lines(), { objectMode: false });
      stream.on("error", (err) => request.log.error({ err }, "a streamed list failed part way"));
      const type = format === "csv" ? `${MEDIA_TYPES.csv}; charset=utf-8; header=present` : `${MEDIA_TYPES.ndjson}; charset=utf-8`;
      return reply.type(type).send(stream);
    };
    (wrapped as unknown as { [WRAPPED]: true })[WRAPPED] = true;
    route.handler = wrapped as RouteHandlerMethod;
  });
}
