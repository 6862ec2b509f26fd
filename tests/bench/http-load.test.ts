import { describe, expect, it } from "vitest";
import { wrkReport } from "../../bench/http-load.ts";

// A report in wrk 4.1's layout (`--latency`), then bash's `times`.
const report = (extra = "") => `Running 5s test @ http://127.0.0.1:40353/v1/events?limit=50
  1 threads and 10 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     9.02ms    4.11ms  61.20ms   88.10%
    Req/Sec     1.17k    95.31     1.31k    74.00%
  Latency Distribution
     50%    8.21ms
     75%   10.40ms
     90%   13.02ms
     99%   22.60ms
  5864 requests in 5.04s, 343.21MB read
${extra}Requests/sec:   1163.49
Transfer/sec:     68.10MB
0m0.000s 0m0.004s
0m0.102s 0m0.308s
`;

describe("wrk's report", () => {
  it("reads rate, percentiles in ms and the load generator's CPU per request", () => {
    const r = wrkReport(report());
    expect(r).toMatchObject({ rate: 1163.49, p50: 8.21, p99: 22.6, requests: 5864, failures: 0 });
    expect(r.cpuMsPerRequest).toBeCloseTo(410 / 5864, 6);
  });

  it("counts non-2xx responses and socket errors as failures, and reads other units", () => {
    const r = wrkReport(report("  Socket errors: connect 0, read 2, write 0, timeout 1\n  Non-2xx or 3xx responses: 7\n").replace("99%   22.60ms", "99%    1.20s").replace("50%    8.21ms", "50%  850.00us"));
    expect(r.failures).toBe(10);
    expect(r.p99).toBe(1200);
    expect(r.p50).toBeCloseTo(0.85, 6);
  });

  it("refuses a report without requests or without the CPU times", () => {
    expect(() => wrkReport("unable to connect to 127.0.0.1:1 Connection refused\n")).toThrow(/no requests/);
    expect(() => wrkReport(report().split("\n").slice(0, -3).join("\n"))).toThrow(/no CPU times/);
  });
});
