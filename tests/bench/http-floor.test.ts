// bench/http-floor.ts over real HTTP: each path answered by the API's own
// statements for it, run through the reader, their rows sent as JSON and
// compressed when asked; any other path is a 404.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestStatements } from "../../bench/request-statements.ts";
import { poolReader, type Reader } from "../../src/db/reader.ts";
import { freePort } from "../../src/db/scratch.ts";
import { importPaths } from "../../src/import/run.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

const PATHS = ["/v1/events?limit=5&country=KH", "/v1/search?q=campuchea"];

let db: TestDatabase;
let reader: Reader;
let floor: ChildProcess;
let base: string;

beforeAll(async () => {
  db = await createTestDatabase("http_floor");
  await importPaths(db.prisma, ["data/seeds"]);
  reader = poolReader([db.url], { poolSize: 2 });
  const port = await freePort();
  floor = spawn(process.execPath, ["--import", "tsx", "bench/http-floor.ts"], {
    env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), FLOOR_PATHS: JSON.stringify(PATHS) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  floor.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  for (let t = Date.now(); !out.includes("serving"); ) {
    if (floor.exitCode !== null || Date.now() - t > 60_000) throw new Error(`http-floor did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  base = `http://127.0.0.1:${port}`;
}, 120_000);

afterAll(async () => {
  if (floor && floor.exitCode === null) {
    const exited = new Promise((resolve) => floor.once("exit", resolve));
    floor.kill("SIGTERM");
    await exited;
  }
  await reader?.close();
  await db?.drop();
});

describe("the bare HTTP floor of bench:api", () => {
  it("answers each path with the rows of the API's statements for it", async () => {
    const statements = await requestStatements(db.url, reader, PATHS);
    for (const path of PATHS) {
      const expected = await Promise.all(statements.get(path)!.map((q) => reader.query(q)));
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.flat().length).toBeGreaterThan(0);
      const res = await fetch(base + path, { headers: { "accept-encoding": "identity" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-encoding")).toBeNull();
      expect(await res.json()).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });

  it("compresses as the API does when the request asks, and knows no other path", async () => {
    const plain = await (await fetch(base + PATHS[0]!, { headers: { "accept-encoding": "identity" } })).text();
    for (const [accept, encoding, decode] of [
      ["gzip, deflate, br", "br", zlib.brotliDecompressSync],
      ["gzip, deflate", "gzip", zlib.gunzipSync],
    ] as const) {
      // node's fetch would decode the body itself: read the bytes as sent.
      const res = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        const chunks: Buffer[] = [];
        http
          .get(base + PATHS[0]!, { headers: { "accept-encoding": accept } }, (r) => {
            r.on("data", (c: Buffer) => chunks.push(c));
            r.on("end", () => resolve({ encoding: r.headers["content-encoding"], body: Buffer.concat(chunks) }));
          })
          .on("error", reject);
      });
      expect(res.encoding).toBe(encoding);
      expect(decode(res.body).toString()).toBe(plain);
    }
    expect((await fetch(`${base}/v1/events?limit=6`)).status).toBe(404);
  });
});
