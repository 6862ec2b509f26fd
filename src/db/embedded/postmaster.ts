// One Postgres server process: started and awaited until it accepts
// connections, found again from its data folder's postmaster.pid, stopped.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import type { OsUser } from "./os-user.ts";
import { serverEnvironment } from "./settings.ts";

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
// Postgres prints its messages in English whatever the machine's locale.
const ENV = { ...process.env, LC_MESSAGES: "C", LC_ALL: "C", ...serverEnvironment() };

export interface Running {
  pid: number;
  child: ChildProcess;
  /** Settles when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface PostmasterOptions {
  /** The folder holding bin/, lib/ and share/. */
  binaries: string;
  dataDir: string;
  port: number;
  flags: string[];
  user: OsUser | null;
  /** Each line Postgres prints. */
  onLine(line: string): void;
}

function pipeLines(child: ChildProcess, onLine: (line: string) => void): void {
  let rest = "";
  const take = (chunk: Buffer) => {
    const lines = (rest + chunk.toString("utf8")).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) onLine(line.trim());
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
}

/** Runs a program of the Postgres binaries to its end; rejects with its output when it fails. */
export function runTool(binaries: string, tool: string, args: string[], user: OsUser | null, onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(binaries, "bin", tool), args, { env: ENV, ...(user ?? {}), stdio: ["ignore", "pipe", "pipe"] });
    const output: string[] = [];
    pipeLines(child, (line) => {
      output.push(line);
      onLine(line);
    });
    child.once("error", reject);
    child.once("close", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${tool} failed (${signal ?? `exit code ${code}`}): ${output.slice(-5).join(" / ")}`)),
    );
  });
}

/** Starts the server and resolves once it accepts connections; rejects when it exits first or takes too long. */
export function startPostmaster(o: PostmasterOptions): Promise<Running> {
  const child = spawn(path.join(o.binaries, "bin", "postgres"), ["-D", o.dataDir, "-p", String(o.port), ...o.flags], {
    env: ENV,
    ...(o.user ?? {}),
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: a terminal's Ctrl-C reaches hoptac only, which
    // then stops the API first and the database last.
    detached: true,
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", () => resolve({ code: null, signal: null }));
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGQUIT");
      reject(new Error(`not ready after ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    pipeLines(child, (line) => {
      o.onLine(line);
      if (line.includes("database system is ready to accept connections")) {
        clearTimeout(timer);
        resolve({ pid: child.pid!, child, exited });
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`it exited at start (${signal ?? `exit code ${code}`})`));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live Postgres server recorded in the data folder's postmaster.pid, if any. */
export async function recordedPostmaster(dataDir: string): Promise<{ pid: number; port: string | undefined } | null> {
  const content = await fs.readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => undefined);
  if (content === undefined) return null;
  const lines = content.split("\n");
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return null;
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "postgres");
  if (!cmdline.includes("postgres")) return null;
  return { pid, port: lines[3]?.trim() || undefined };
}

/** Whether the process is still there (polled for servers that are not our children). */
export function isAlive(pid: number): boolean {
  return alive(pid);
}

/** Asks the server to stop (fast shutdown) and waits until its process is gone. */
export async function stopPid(pid: number, exited?: Promise<unknown>): Promise<void> {
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  const gone = exited ?? (async () => {
    while (alive(pid)) await new Promise((r) => setTimeout(r, 50));
  })();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((r) => (timer = setTimeout(() => r("late"), STOP_TIMEOUT_MS)));
  const outcome = await Promise.race([gone, late]);
  clearTimeout(timer);
  if (outcome === "late") {
    // Immediate shutdown: crash recovery on the next start, nothing lost that was committed.
    try {
      process.kill(pid, "SIGQUIT");
    } catch {
      // already gone
    }
    await gone;
  }
}
