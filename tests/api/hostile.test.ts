// Hostile and sloppy requests: numbers that only look like ids, errors raised
// before any route (bad percent-encoding, huge paths and headers, bytes that
// are not HTTP) answered as problem+json on connections that close cleanly,
// CORS and conditional requests as HTTP says, and ingested text that Postgres
// could not store.
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.ts";
import { loadConfig } from "../../src/config/env.ts";
import { SHORT_TEXT } from "../helpers/articles.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

const API_KEY = "hostile-test-key-0123456789";
let db: TestDatabase;
let app: FastifyInstance;
let port: number;
let eventId: number;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

interface Res {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** A request on the keep-alive agent (one socket, reused while the server allows). */
function get(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method, headers, agent }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Bytes written straight to a new connection; the whole answer until the server closes it. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(bytes));
    let out = "";
    socket.on("data", (c) => (out += c.toString("latin1")));
    socket.on("end", () => resolve(out));
    socket.on("error", reject);
    socket.setTimeout(5000, () => reject(new Error(`no end of answer: ${out}`)));
  });
}

function expectProblem(res: Res, status: number) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(res.text);
  expect(body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  return body as { detail: string; instance?: string; errors?: { name: string }[] };
}

const post = (body: unknown) =>
  app.inject({ method: "POST", url: "/v1/articles", headers: { authorization: `Bearer ${API_KEY}` }, payload: body as object });

beforeAll(async () => {
  db = await createTestDatabase("hostile");
  app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent", API_KEY, RATE_LIMIT_MAX: "100000" }), prisma: db.prisma });
  await app.listen({ host: "127.0.0.1", port: 0 });
  port = (app.server.address() as AddressInfo).port;
  const res = await post({ url: "https://example.org/tin/1", text: SHORT_TEXT });
  eventId = JSON.parse(res.payload).article.events[0].id;
});

afterAll(async () => {
  agent.destroy();
  await app?.close();
  await db?.drop();
});

describe("numbers", () => {
  it("takes ids and limits as plain decimal integers only", async () => {
    expect((await get(`/v1/events/${eventId}`)).status).toBe(200);
    for (const id of ["0x1", "1e0", "+1", "01", "1.0", " 1", "1_0", "0b1", "Infinity", "-1", "0"]) {
      expectProblem(await get(`/v1/events/${encodeURIComponent(id)}`), 400);
    }
    expect((await get("/v1/events?limit=16")).status).toBe(200);
    for (const limit of ["0x10", "1e1", "+5", "05", "16.0"]) {
      expect(expectProblem(await get(`/v1/events?limit=${encodeURIComponent(limit)}`), 400).errors).toEqual([
        expect.objectContaining({ name: "limit" }),
      ]);
    }
  });
});

describe("errors before any route", () => {
  it("answers a malformed percent-encoding and an over-long id with problem+json, without echoing the whole URL", async () => {
    expect(expectProblem(await get("/v1/events/%zz"), 400).detail).toMatch(/percent/);
    const long = `/v1/events/${"9".repeat(5000)}`;
    const tooLong = expectProblem(await get(long), 414);
    expect(tooLong.instance!.length).toBeLessThan(300);
    // The keep-alive connection still serves the next request.
    expect((await get("/health")).status).toBe(200);
  });

  it("answers headers over 16 KB with 431 problem+json and Connection: close; the client's next request succeeds", async () => {
    const big = await get("/v1/events", { "x-filler": "a".repeat(20_000) }).catch((err: Error) => err);
    expect(big).not.toBeInstanceOf(Error);
    const res = big as Res;
    expectProblem(res, 431);
    expect(res.headers.connection).toBe("close");
    expect((await get("/health")).status).toBe(200);
    const answer = await raw(`GET /v1/events?q=${"a".repeat(17_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
  });

  it("answers bytes that are not HTTP with 400 problem+json and closes the connection cleanly", async () => {
    const answer = await raw("\u0000\u0001\u0002 not http at all\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toMatch(/\r\nContent-Type: application\/problem\+json/i);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    expect(JSON.parse(answer.split("\r\n\r\n")[1]!)).toMatchObject({ status: 400 });
  });

  it("answers OPTIONS without Origin (204) and advertises only the methods the API has", async () => {
    const bare = await get("/v1/events", {}, "OPTIONS");
    expect(bare.status).toBe(204);
    const preflight = await get("/v1/events", { origin: "https://example.org", "access-control-request-method": "GET" }, "OPTIONS");
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-methods"]).toBe("GET, HEAD, POST, OPTIONS");
  });
});

describe("conditional requests", () => {
  it("answers If-None-Match with 304 for *, a matching tag or a list holding it; never for a missing resource", async () => {
    const first = await get(`/v1/events/${eventId}`);
    const etag = first.headers.etag!;
    expect(etag).toBeTruthy();
    expect((await get(`/v1/events/${eventId}`, { "if-none-match": "*" })).status).toBe(304);
    expect((await get(`/v1/events/${eventId}`, { "if-none-match": etag })).status).toBe(304);
    expect((await get(`/v1/events/${eventId}`, { "if-none-match": `"other", W/${etag}` })).status).toBe(304);
    expect((await get(`/v1/events/${eventId}`, { "if-none-match": '"other"' })).status).toBe(200);
    expectProblem(await get("/v1/events/999999", { "if-none-match": "*" }), 404);
  });
});

describe("ingested text", () => {
  it("stores a lone surrogate as U+FFFD instead of failing", async () => {
    const res = await post({ url: "https://example.org/tin/surrogate", title: "Tin \ud800 lẻ", text: `${SHORT_TEXT}\n\nMột ký tự lẻ \udc00 ở đây.` });
    expect(res.statusCode, res.payload).toBe(201);
    const stored = await db.prisma.article.findUniqueOrThrow({ where: { sourceKey: "https://example.org/tin/surrogate" } });
    expect(stored.title).toBe("Tin \ufffd lẻ");
    expect(stored.text).toContain("lẻ \ufffd ở đây");
  });

  it("refuses an article URL that is not http(s)", async () => {
    for (const url of ["javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd", "not a url"]) {
      const res = await post({ url, text: SHORT_TEXT });
      expect(res.statusCode, url).toBe(400);
      expect(JSON.parse(res.payload).errors).toEqual([expect.objectContaining({ name: "url", message: "must be an http or https address" })]);
    }
  });

  it("stores the text of an og:title that holds markup, and ignores a javascript: canonical URL", async () => {
    const html = `<html><head><meta property="og:title" content="&lt;b&gt;Hợp tác&lt;/b&gt; &lt;script&gt;x()&lt;/script&gt;an ninh">
      <link rel="canonical" href="javascript:alert(1)"></head><body><article>${SHORT_TEXT.split("\n\n").map((p) => `<p>${p}</p>`).join("")}</article></body></html>`;
    const res = await post({ html });
    expect(res.statusCode, res.payload).toBe(201);
    const article = JSON.parse(res.payload).article;
    expect(article.title).toBe("Hợp tác x()an ninh");
    expect(article.url).toBeNull();
  });
});
