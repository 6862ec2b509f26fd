// Errors Fastify and Node's HTTP parser answer before any route runs, as
// problem details like every other error: a malformed percent-encoding, a
// path parameter too long to be one, and requests that are not valid HTTP
// (headers over the limit, raw bytes). The latter close the connection with
// "Connection: close", so that a keep-alive client opens a new one instead of
// meeting a reset.
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyReply, FastifyRequest } from "fastify";
import { PROBLEM_CONTENT_TYPE, sendProblem } from "./problem.ts";
import { REQUEST_ID_HEADER } from "./request-id.ts";

/** Fastify's `frameworkErrors` option. */
export function frameworkErrors(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
  reply.header(REQUEST_ID_HEADER, request.id);
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH") {
    void sendProblem(request, reply, { title: STATUS_CODES[414]!, status: 414, detail: "A path parameter is longer than any id or code (100 characters at most)." });
    return;
  }
  if (error.code === "FST_ERR_BAD_URL") {
    void sendProblem(request, reply, { title: "Bad Request", status: 400, detail: "The path is not a valid URL: a percent sign must be followed by two hexadecimal digits of UTF-8." });
    return;
  }
  void sendProblem(request, reply, { title: "Bad Request", status: 400, detail: error.message });
}

/** What Node's HTTP parser refused, as status and explanation. */
function parserProblem(code: string | undefined): { status: number; detail: string } {
  if (code === "HPE_HEADER_OVERFLOW") return { status: 431, detail: "The request line and headers are larger than 16 KB." };
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return { status: 408, detail: "The request did not arrive in time." };
  return { status: 400, detail: "The request is not valid HTTP/1.1." };
}

/** Fastify's `clientErrorHandler` option: a raw HTTP answer on the socket, then the connection closes. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const { status, detail } = parserProblem(error.code);
  const title = STATUS_CODES[status] ?? "Bad Request";
  const body = JSON.stringify({ type: "about:blank", title, status, detail });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
  // A client that never reads its answer does not keep the socket open.
  socket.setTimeout(5_000, () => socket.destroy());
}
