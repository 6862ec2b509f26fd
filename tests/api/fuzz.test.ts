// Fuzzing the API with hostile requests, seeded and bounded, over real HTTP on
// loopback: never a 5xx, every error problem+json, never a stack trace or SQL.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHORT_TEXT } from "../helpers/articles.ts";
import { HOSTILE_URL_VALUES, pick, seeded } from "../helpers/fuzz.ts";
import { operations, type Operation } from "../helpers/operations.ts";
import { seededKb, type Kb } from "./kb.ts";

const API_KEY = "fuzz-test-key-0123456789";
const GETS = 3000;
// Traces of internals: a stack, Prisma's or Postgres's messages (the requests' own SQL-ish values may be echoed as given).
const LEAK = /\n\s+at |node_modules|prisma|syntax error at|relation "|\$queryRaw|SQLSTATE|ECONNREFUSED|\.ts:\d+/i;

let kb: Kb;
let port: number;
let ops: Operation[];
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

interface Answer {
  status: number;
  type: string;
  text: string;
}

function send(method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), text: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", (err) => reject(new Error(`${method} ${path.slice(0, 200)}: ${err.message}`)));
    req.end(body);
  });
}

/** What is wrong with an answer, or null. */
function fault(a: Answer): string | null {
  if (a.status >= 500) return `status ${a.status}: ${a.text.slice(0, 300)}`;
  if (LEAK.test(a.text)) return `leaks internals: ${a.text.slice(0, 300)}`;
  if (a.status >= 400) {
    if (!a.type.startsWith("application/problem+json")) return `status ${a.status} as ${a.type}: ${a.text.slice(0, 200)}`;
    const doc = JSON.parse(a.text) as { status?: unknown; title?: unknown };
    if (doc.status !== a.status || typeof doc.title !== "string") return `not a problem document: ${a.text.slice(0, 200)}`;
  }
  return null;
}

/** Runs the requests `limit` at a time; returns the faults found, with their requests. */
async function runAll(requests: (() => Promise<Answer>)[], describeAt: (i: number) => string, limit = 4) {
  const faults: string[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < requests.length) {
        const i = next++;
        const answer = await requests[i]!().catch((err: Error) => ({ status: 599, type: "", text: err.message }));
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const problem = fault(answer);
        if (problem) faults.push(`${describeAt(i)} → ${problem}`);
      }
    }),
  );
  return { faults, statuses };
}

beforeAll(async () => {
  kb = await seededKb("fuzz", { API_KEY, RATE_LIMIT_MAX: "1000000" });
  await kb.app.listen({ host: "127.0.0.1", port: 0 });
  port = (kb.app.server.address() as AddressInfo).port;
  ops = await operations(kb.app);
});

afterAll(async () => {
  agent.destroy();
  await kb?.close();
});

/** A hostile GET for one operation. */
function hostileGet(op: Operation, random: () => number): string {
  const value = () => pick(random, HOSTILE_URL_VALUES);
  let path = op.template.replace(/\{(\w+)\}/g, () => (random() < 0.7 ? value() : op.url.split("?")[0]!.split("/").at(-1)!));
  if (!op.pathParams.length) path = op.url.split("?")[0]!;
  const query: string[] = [];
  const known = op.queryParams;
  const count = Math.floor(random() * 4);
  for (let k = 0; k < count; k++) {
    const roll = random();
    if (roll < 0.6 && known.length) query.push(`${pick(random, known).name}=${value()}`);
    else if (roll < 0.75) query.push(`${pick(random, ["x", "limit%00", "__proto__", "constructor", "q[]", "a".repeat(300), "%zz", ""])}=${value()}`);
    else if (roll < 0.9 && known.length) {
      const name = pick(random, known).name;
      query.push(`${name}=${value()}`, `${name}=${value()}`);
    } else query.push(value());
  }
  for (const q of known.filter((p) => p.required && random() < 0.5)) query.push(`${q.name}=${encodeURIComponent(String(q.example ?? "x"))}`);
  return query.length ? `${path}?${query.join("&")}` : path;
}

describe("fuzzing", () => {
  it(`answers ${GETS} hostile GETs over every path of the OpenAPI document without a 5xx, each error problem+json`, async () => {
    const random = seeded(20261201);
    const paths = ops.filter((op) => op.method === "GET").map((op) => ({ op }));
    expect(paths.length).toBeGreaterThanOrEqual(15);
    const urls = Array.from({ length: GETS }, (_, i) => hostileGet(paths[i % paths.length]!.op, random));
    const { faults, statuses } = await runAll(urls.map((u) => () => send("GET", u)), (i) => `GET ${urls[i]!.slice(0, 200)}`);
    expect(faults.slice(0, 10)).toEqual([]);
    // Every path was reached, and most requests were refused as the malformed requests they are.
    expect(new Set(paths.map((p) => p.op.template)).size).toBe(paths.length);
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
    expect((statuses.get(400) ?? 0) + (statuses.get(404) ?? 0)).toBeGreaterThan(GETS / 2);
  });

  it("answers hostile POSTs (bad JSON, wrong content types, deep nesting, oversize bodies, surrogates) without a 5xx", async () => {
    const random = seeded(7);
    const auth = { authorization: `Bearer ${API_KEY}` };
    const json = (body: unknown) => ({ headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify(body) });
    const cases: { headers: Record<string, string>; body: string | Buffer; label: string }[] = [];
    const add = (label: string, c: { headers: Record<string, string>; body: string | Buffer }) => cases.push({ label, ...c });

    for (const bad of ["{", "[1,", '{"text":}', "nul", "{'text': 'x'}", '{"text": "a"}}', "\u0000", '{"a":1,"a":2}', "[]", '"text"', "42", "null", "true", ""]) {
      add(`bad JSON ${JSON.stringify(bad)}`, { headers: { ...auth, "content-type": "application/json" }, body: bad });
    }
    for (const type of ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=latin1", "application/jsonx", "*/*", ""]) {
      add(`content type ${type}`, { headers: { ...auth, "content-type": type }, body: JSON.stringify({ text: SHORT_TEXT }) });
    }
    for (const depth of [100, 5_000, 100_000]) {
      add(`nested arrays ${depth}`, { headers: { ...auth, "content-type": "application/json" }, body: `{"text":${"[".repeat(depth)}${"]".repeat(depth)}}` });
      add(`nested objects ${depth}`, { headers: { ...auth, "content-type": "application/json" }, body: `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}` });
    }
    add("over BODY_LIMIT", json({ text: "a".repeat(1_100_000) }));
    add("over MAX_ARTICLE_CHARS", json({ text: `${SHORT_TEXT} ${"Hợp tác an ninh. ".repeat(13_000)}` }));
    add("html over the limit", json({ html: `<p>${"x".repeat(900_000)}</p>` }));
    add("random bytes", { headers: { ...auth, "content-type": "application/json" }, body: Buffer.from(Array.from({ length: 2000 }, () => Math.floor(random() * 256))) });
    add("no key", { headers: { "content-type": "application/json" }, body: JSON.stringify({ text: SHORT_TEXT }) });
    add("prototype pollution", { headers: { ...auth, "content-type": "application/json" }, body: '{"__proto__":{"admin":true},"text":"x"}' });
    add("constructor pollution", { headers: { ...auth, "content-type": "application/json" }, body: '{"constructor":{"prototype":{"admin":true}},"text":"x"}' });

    const FIELD_VALUES: unknown[] = [
      42, -1, Number.MAX_VALUE, true, null, [], {}, ["x"], { a: 1 }, "", " ", "\u0000", "a\u0000b", "\ud800", "\udc00x", "x\ud83d", "\u202e\u200f",
      "' OR 1=1 --", "%_%", "javascript:alert(1)", "data:text/html,x", "https://example.org/" + "a".repeat(5000), "2024-13-45", "9".repeat(300),
    ];
    for (let i = 0; i < 160; i++) {
      const record: Record<string, unknown> = {};
      for (const field of ["url", "title", "published_at", "text", "html", "extra"]) {
        if (random() < 0.5) record[field] = pick(random, FIELD_VALUES);
      }
      // Some records carry a real article with a hostile field beside it.
      if (random() < 0.15) record.text = `${SHORT_TEXT}\n\n${String(pick(random, FIELD_VALUES))}`;
      add(`record ${JSON.stringify(record).slice(0, 120)}`, json(record));
    }

    const { faults, statuses } = await runAll(
      cases.map((c) => () => send("POST", "/v1/articles", c.headers, c.body)),
      (i) => `POST ${cases[i]!.label}`,
      2,
    );
    expect(faults.slice(0, 10)).toEqual([]);
    expect(statuses.get(413)).toBeGreaterThanOrEqual(2);
    expect(statuses.get(415)).toBeGreaterThanOrEqual(3);
    // The knowledge base still answers.
    expect((await send("GET", "/v1/articles")).status).toBe(200);
  });
});
