// HTTP load for the benchmarks: N keep-alive connections sending one request
// after another for a while, with throughput, latency percentiles and the CPU
// the load generator itself spent. On a machine whose cores the API and
// Postgres share with the load generator, that CPU is taken from them: wrk
// (C, Debian's `wrk` package) spends about 0.07 ms per 60 kB response where
// autocannon (Node) spends about 0.45, so wrk is used when it is installed.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";

export type LoadGenerator = "wrk" | "autocannon";

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  /** Requests per second over the run. */
  rate: number;
  /** Latency percentiles, ms. */
  p50: number;
  p99: number;
  requests: number;
  /** Responses other than 2xx, socket errors and timeouts. */
  failures: number;
  /** CPU time (user + system) the load generator used per request, ms. */
  cpuMsPerRequest: number;
}

export function wrkInstalled(): boolean {
  return spawnSync("wrk", ["--version"], { stdio: "ignore" }).error === undefined;
}

export function httpLoad(generator: LoadGenerator, options: LoadOptions): Promise<LoadResult> {
  return generator === "wrk" ? wrk(options) : autocannon(options);
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<AutocannonResult>;

async function autocannon(options: LoadOptions): Promise<LoadResult> {
  const run = createRequire(import.meta.url)("autocannon") as Autocannon;
  const cpu = process.cpuUsage();
  const r = await run({ url: options.url, connections: options.connections, duration: options.seconds, headers: options.headers });
  const used = process.cpuUsage(cpu);
  return {
    rate: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    failures: r.non2xx + r.errors + r.timeouts,
    cpuMsPerRequest: (used.user + used.system) / 1000 / r.requests.total,
  };
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function ms(text: string | undefined): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text ?? "");
  return match ? Number(match[1]) * UNIT_MS[match[2]!]! : Number.NaN;
}

/** One wrk thread; its CPU time read by the shell's `times` once it has exited. */
async function wrk(options: LoadOptions): Promise<LoadResult> {
  const args = ["-t1", `-c${options.connections}`, `-d${options.seconds}s`, "--latency", "--timeout", "10s"];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push("-H", `${name}: ${value}`);
  args.push(options.url);
  const child = spawn("bash", ["-c", 'wrk "$@" && times', "wrk", ...args], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  if (code !== 0) throw new Error(`wrk exited with ${code}: ${out}`);
  return wrkReport(out);
}

/** wrk's report (`--latency`) followed by the shell's `times`: its own user and system time, then its children's ("0m0.081s 0m0.219s"). */
export function wrkReport(out: string): LoadResult {
  const requests = Number(/(\d+) requests in/.exec(out)?.[1]);
  const rate = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  if (!(requests > 0) || !(rate > 0)) throw new Error(`wrk: no requests in its report: ${out}`);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)?.slice(1) ?? [];
  const children = out.trim().split("\n").at(-1)!.match(/\d+m[\d.]+s/g) ?? [];
  if (children.length !== 2) throw new Error(`wrk: no CPU times after its report: ${out}`);
  const cpuSeconds = children.reduce((sum, t) => {
    const [, minutes, secs] = /(\d+)m([\d.]+)s/.exec(t)!;
    return sum + Number(minutes) * 60 + Number(secs);
  }, 0);
  return {
    rate,
    p50: ms(/^\s+50%\s+(\S+)/m.exec(out)?.[1]),
    p99: ms(/^\s+99%\s+(\S+)/m.exec(out)?.[1]),
    requests,
    failures: non2xx + socketErrors.reduce((sum, n) => sum + Number(n), 0),
    cpuMsPerRequest: (cpuSeconds * 1000) / requests,
  };
}
