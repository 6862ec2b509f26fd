// The embedded Postgres is supervised: killed, it is noticed, logged and
// started again on the same data; stopped, no server is left running.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../src/db/embedded.ts";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { postgresOsUser } from "../../src/db/embedded/os-user.ts";
import { runnableBinaries } from "../../src/db/embedded/placement.ts";
import { isAlive, recordedPostmaster } from "../../src/db/embedded/postmaster.ts";
import { freePort } from "../../src/db/scratch.ts";
import { queryOnce } from "../helpers/db.ts";

const lines: { level: number; msg: string }[] = [];
const log = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
const roots: string[] = [];

afterAll(async () => {
  for (const root of roots) await fs.rm(root, { recursive: true, force: true });
});

async function tempRoot(): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), "hoptac-supervised-"));
  await fs.chmod(root, 0o755); // the postgres user's way in when the tests run as root
  roots.push(root);
  return root;
}


async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("supervision of the embedded Postgres", () => {
  it("starts the server again when its process is killed, with the data intact, and stops it for good", async () => {
    const dataDir = path.join(await tempRoot(), "pg");
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), log });
    try {
      await queryOnce(server.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('Đà Nẵng')");
      const first = server.pid()!;
      expect(first).toBeGreaterThan(0);

      process.kill(first, "SIGKILL");
      const second = await until("a new server", async () => {
        const pid = server.pid();
        return pid !== null && pid !== first ? pid : undefined;
      });
      expect(await until("queries", () => queryOnce(server.url, "SELECT v FROM kept"))).toEqual([{ v: "Đà Nẵng" }]);
      expect(server.restarts()).toBe(1);
      expect(lines.some((l) => l.level === 50 && /embedded Postgres died/.test(l.msg))).toBe(true);
      expect(lines.some((l) => /running again/.test(l.msg))).toBe(true);
      expect((await recordedPostmaster(dataDir))?.pid).toBe(second);
    } finally {
      await server.stop();
    }
    expect(await recordedPostmaster(dataDir)).toBeNull();
    expect(lines.at(-1)?.msg).toBe("embedded Postgres stopped");
    // Stopped on purpose: not started again.
    await new Promise((r) => setTimeout(r, 500));
    expect(server.pid()).toBeNull();
    expect(await recordedPostmaster(dataDir)).toBeNull();
  });

  it("stops a server restarted by hand (pg_ctl restart) with hoptac, and says stopped only once it is gone", async () => {
    const dataDir = path.join(await tempRoot(), "pg");
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), log });
    const first = server.pid()!;
    try {
      const user = process.getuid?.() === 0 ? await postgresOsUser() : null;
      const binaries = await runnableBinaries(user, log);
      // pg_ctl restarts with the options of the running server; whether its new
      // server or the one hoptac starts on seeing the old one go wins, one serves.
      await promisify(execFile)(path.join(binaries, "bin", "pg_ctl"), ["restart", "-D", dataDir, "-m", "fast", "-l", "/dev/null", "-w"], {
        ...(user ?? {}),
        env: { ...process.env, LC_ALL: "C" },
      }).catch(() => undefined);
      const now = await until("a server again", async () => {
        const found = await recordedPostmaster(dataDir);
        return found && found.pid !== first ? found.pid : undefined;
      });
      expect(await until("queries", () => queryOnce(server.url, "SELECT 1 AS one"))).toEqual([{ one: 1 }]);
      await server.stop();
      expect(isAlive(now)).toBe(false);
    } finally {
      await server.stop();
    }
    expect(await recordedPostmaster(dataDir)).toBeNull();
    expect(lines.at(-1)?.msg).toBe("embedded Postgres stopped");
  });
});
