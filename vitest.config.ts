import { defineConfig } from "vitest/config";

// Tests that hold the server to a time bound ("answers within 100 ms while…")
// run after the others, one file at a time, so that the rest of the suite
// does not compete with them for the cores. A machine busy with other work
// can still delay one probe, so they get two more tries: what they guard
// against (extraction on the event loop) fails every try.
const TIMED = "tests/**/*.timed.test.ts";

export default defineConfig({
  test: {
    // One embedded Postgres for the whole run; each test file makes its own database.
    globalSetup: ["tests/helpers/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    projects: [
      { extends: true, test: { name: "suite", include: ["tests/**/*.test.ts"], exclude: [TIMED] } },
      { extends: true, test: { name: "timed", include: [TIMED], fileParallelism: false, retry: 2, sequence: { groupOrder: 1 } } },
    ],
  },
});
