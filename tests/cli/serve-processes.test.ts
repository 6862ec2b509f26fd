// `npm run serve` with API_PROCESSES=2: over real HTTP, both processes answer
// on the one port, and a stop signal stops them both and the primary, cleanly.
import { spawn } from "node:child_process";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../src/db/scratch.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase("serve_processes");
  await db.prisma.$disconnect();
});

afterAll(async () => {
  await db?.drop();
});

/** A GET on a connection of its own (no keep-alive), so that each may reach another process. */
function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      })
      .on("error", reject);
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("npm run serve with API_PROCESSES=2", () => {
  it("answers from both processes on one port and stops them all on SIGTERM", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/serve.ts"], {
      env: { ...process.env, DATABASE_URL: db.url, DATABASE_READ_URL: "", PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info", API_PROCESSES: "2" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      for (let t = Date.now(); !out.includes("hoptac is serving"); ) {
        if (child.exitCode !== null || Date.now() - t > 60_000) throw new Error(`serve did not start:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(out).toContain(`hoptac is serving http://127.0.0.1:${port}`);
      for (let i = 0; i < 20; i++) expect(await get(`http://127.0.0.1:${port}/v1/events?limit=1`)).toBe(200);

      // Each process logs the requests it answered, with its pid.
      const answeredBy = new Set<number>();
      for (const line of out.split("\n")) {
        if (!line.startsWith("{")) continue;
        const entry = JSON.parse(line) as { pid: number; msg: string };
        if (entry.msg === "request completed") answeredBy.add(entry.pid);
      }
      expect(answeredBy.size).toBe(2);
      expect(answeredBy.has(child.pid!)).toBe(false);

      child.kill("SIGTERM");
      expect(await exit, out).toBe(0);
      for (const pid of answeredBy) expect(alive(pid), `process ${pid}`).toBe(false);
      await expect(get(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
