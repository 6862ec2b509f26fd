// Whether an error means "the database cannot be reached right now" (it is
// down, restarting, shutting down, or out of connections) rather than a fault
// of the request or of hoptac: the API answers those with 503 and Retry-After.

// Postgres SQLSTATEs: connection exceptions (class 08), the server shutting
// down or starting up (57P01–57P03), too many connections (53300).
const SQLSTATES = /^(08[0-9A-Z]{3}|57P0[1-3]|53300)$/;
// Prisma's own: cannot reach (P1001), timed out (P1002, P1008), closed (P1017), no connection from the pool in time (P2024).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// The driver adapter's kinds of errors.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);
// "connect ENOENT <path>": a Unix socket's file is gone while its server is down (pg's error, and Prisma's message of it).
const MESSAGES = /connect ENOENT |Connection terminated|terminating connection|Can't reach database server|the database system is (starting up|shutting down|in recovery mode)|timeout exceeded when trying to connect/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): boolean => {
    if (typeof e !== "object" || e === null || seen.has(e) || depth > 6) return false;
    seen.add(e);
    const x = e as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown }; originalCode?: unknown };
    if (typeof x.kind === "string" && ADAPTER_KINDS.has(x.kind)) return true;
    if (x.kind === "postgres" && typeof x.code === "string" && SQLSTATES.test(x.code)) return true;
    for (const code of [x.code, x.originalCode]) {
      if (typeof code !== "string") continue;
      if (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATES.test(code)) return true;
    }
    if (typeof x.message === "string" && MESSAGES.test(x.message)) return true;
    return visit(x.cause, depth + 1) || visit(x.meta?.driverAdapterError, depth + 1);
  };
  return visit(err, 0);
}
