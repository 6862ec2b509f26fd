import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { EmbeddedPostgresError, hydrateSymlinks, startEmbeddedPostgres } from "../../src/db/embedded.ts";
import { serverEnvironment, sharedBuffersMb } from "../../src/db/embedded/settings.ts";
import { adminUrl } from "../helpers/db.ts";
import { freePort } from "../../src/db/scratch.ts";

const log = pino({ level: "silent" });
const temps: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "hoptac-embedded-"));
  await fs.chmod(dir, 0o755); // reachable by the postgres user when the tests run as root
  temps.push(dir);
  return dir;
}

afterEach(async () => {
  for (const dir of temps.splice(0)) await fs.rm(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<EmbeddedPostgresError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(EmbeddedPostgresError);
    return err as EmbeddedPostgresError;
  }
  throw new Error("expected startEmbeddedPostgres to fail");
}

describe("hydrateSymlinks", () => {
  it("creates the listed library links, relative to their folder, once", async () => {
    const pkg = await tempDir();
    await fs.mkdir(path.join(pkg, "native", "lib"), { recursive: true });
    await fs.writeFile(path.join(pkg, "native", "lib", "libpq.so.5.18"), "");
    await fs.writeFile(
      path.join(pkg, "native", "pg-symlinks.json"),
      JSON.stringify([
        { source: "native/lib/libpq.so.5.18", target: "native/lib/libpq.so.5" },
        { source: "native/lib/libpq.so.5.18", target: "native/lib/libpq.so" },
      ]),
    );
    expect(await hydrateSymlinks(pkg)).toBe(2);
    expect(await fs.readlink(path.join(pkg, "native", "lib", "libpq.so.5"))).toBe("libpq.so.5.18");
    expect(await hydrateSymlinks(pkg)).toBe(0);
  });
});

describe("sharedBuffersMb", () => {
  it("gives a sixteenth of the memory, from Postgres's default up to 1 GB", () => {
    expect(sharedBuffersMb(1 * 2 ** 30)).toBe(128);
    expect(sharedBuffersMb(8 * 2 ** 30)).toBe(512);
    expect(sharedBuffersMb(64 * 2 ** 30)).toBe(1024);
  });
});

describe("serverEnvironment", () => {
  it("keeps freed memory in each backend's heap, unless malloc is already tuned", () => {
    expect(serverEnvironment({}).GLIBC_TUNABLES).toBe("glibc.malloc.trim_threshold=4194304:glibc.malloc.mmap_threshold=1048576");
    expect(serverEnvironment({ GLIBC_TUNABLES: "glibc.malloc.arena_max=2" })).toEqual({});
  });
});

/** The address the server sees a connection to `url` come from: null over its Unix socket. */
async function clientAddress(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ addr: string | null }>("SELECT host(inet_client_addr()) AS addr")).rows[0]!.addr;
  } finally {
    await client.end();
  }
}

describe("startEmbeddedPostgres", () => {
  it("initialises once, keeps its data across restarts, and stops", async () => {
    const dataDir = path.join(await tempDir(), "pg");
    const port = await freePort();

    const first = await startEmbeddedPostgres({ dataDir, port, log });
    // Reached through its Unix socket in the data folder, and still over TCP on 127.0.0.1.
    expect(first.url).toMatch(new RegExp(`^postgresql://postgres:[^@]+@127\\.0\\.0\\.1:${port}/hoptac\\?host=`));
    expect(new URL(first.url).searchParams.get("host")).toBe(first.dataDir);
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    expect(await clientAddress(first.url)).toBeNull();
    expect(await clientAddress(first.url.replace(/\?.*$/, ""))).toBe("127.0.0.1");
    await client.query("CREATE TABLE kept (v text); INSERT INTO kept VALUES ('Hà Nội')");
    expect((await client.query("SELECT upper(v) AS v FROM kept")).rows).toEqual([{ v: "HÀ NỘI" }]);
    // Its settings for a knowledge base that grows, and still durable.
    const setting = async (name: string) => (await client.query<{ v: string }>("SELECT current_setting($1) AS v", [name])).rows[0]!.v;
    const [buffers] = (await client.query<{ mb: number }>("SELECT pg_size_bytes(current_setting('shared_buffers')) / 1048576 AS mb")).rows;
    expect(Number(buffers!.mb)).toBe(sharedBuffersMb());
    expect(await setting("max_wal_size")).toBe("4GB");
    expect(await setting("checkpoint_timeout")).toBe("15min");
    expect([await setting("fsync"), await setting("full_page_writes"), await setting("synchronous_commit")]).toEqual(["on", "on", "on"]);
    // Its backends keep the memory a large value took (serverEnvironment): repeating the statement
    // faults no page in again (about 190 a time with glibc's defaults).
    const [backend] = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows;
    const faults = async () => Number((await fs.readFile(`/proc/${backend!.pid}/stat`, "utf8")).split(") ")[1]!.split(" ")[7]);
    const large = () => client.query("SELECT repeat('x', 300000) AS v");
    for (let i = 0; i < 5; i++) await large();
    const before = await faults();
    for (let i = 0; i < 20; i++) await large();
    expect((await faults()) - before).toBeLessThan(100);
    await client.end();
    const version = await fs.stat(path.join(dataDir, "PG_VERSION"));
    await first.stop();
    await expect(fs.access(path.join(dataDir, "postmaster.pid"))).rejects.toThrow();

    const second = await startEmbeddedPostgres({ dataDir, port, log });
    try {
      expect(second.url).toBe(first.url);
      expect((await fs.stat(path.join(dataDir, "PG_VERSION"))).mtimeMs).toBe(version.mtimeMs);
      const again = new pg.Client({ connectionString: second.url });
      await again.connect();
      expect((await again.query("SELECT v FROM kept")).rows).toEqual([{ v: "Hà Nội" }]);
      await again.end();
    } finally {
      await second.stop();
    }
  });

  it("is reached over TCP when its data folder is too deep for a socket's path", async () => {
    const dataDir = path.join(await tempDir(), "d".repeat(110));
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), log });
    try {
      expect(server.url).not.toContain("?");
      expect(await clientAddress(server.url)).toBe("127.0.0.1");
    } finally {
      await server.stop();
    }
  });

  it("is reached over TCP when it cannot make its socket in the data folder", async () => {
    const dataDir = path.join(await tempDir(), "pg");
    const port = await freePort();
    await (await startEmbeddedPostgres({ dataDir, port, log })).stop();
    // A folder where the socket would go: the server can bind no socket there.
    await fs.mkdir(path.join(dataDir, `.s.PGSQL.${port}`));
    const server = await startEmbeddedPostgres({ dataDir, port, log });
    try {
      expect(server.url).not.toContain("?");
      expect(await clientAddress(server.url)).toBe("127.0.0.1");
    } finally {
      await server.stop();
    }
  });

  it("says so when its port is taken", async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const err = await failure(startEmbeddedPostgres({ dataDir: path.join(await tempDir(), "pg"), port, log }));
      expect(err.message).toContain(`Port ${port}`);
      expect(err.message).toContain("EMBEDDED_PG_PORT");
    } finally {
      blocker.close();
    }
  });

  it("says so when a server left over from an earlier run still holds the data directory", async () => {
    // A live Postgres process stands in for the leftover postmaster.
    const client = new pg.Client({ connectionString: adminUrl() });
    await client.connect();
    const pid: number = (await client.query("SELECT pg_backend_pid() AS pid")).rows[0].pid;
    try {
      const dataDir = await tempDir();
      await fs.writeFile(path.join(dataDir, "PG_VERSION"), "18\n");
      await fs.writeFile(path.join(dataDir, "postmaster.pid"), `${pid}\n${dataDir}\n1700000000\n54329\n`);
      const err = await failure(startEmbeddedPostgres({ dataDir, port: await freePort(), log }));
      expect(err.message).toContain(`PID ${pid}, port 54329`);
      expect(err.message).toContain(`kill -INT ${pid}`);
    } finally {
      await client.end();
    }
  });

  it("refuses a non-empty directory that holds no Postgres data", async () => {
    const dataDir = await tempDir();
    await fs.writeFile(path.join(dataDir, "notes.txt"), "mine");
    const err = await failure(startEmbeddedPostgres({ dataDir, port: await freePort(), log }));
    expect(err.message).toMatch(/not empty but holds no Postgres data/);
  });
});
