import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

export const REQUEST_ID_HEADER = "x-request-id";

const SAFE_ID = /^[\w.:@-]{1,128}$/;

/** The caller's x-request-id when it is a sane token, else a fresh UUID. */
export function genReqId(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = Array.isArray(incoming) ? incoming[0] : incoming;
  return id && SAFE_ID.test(id) ? id : randomUUID();
}
