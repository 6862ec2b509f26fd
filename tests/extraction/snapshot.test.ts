// Every corpus article gives the extraction stored in corpus-snapshot.json:
// a faster matcher or importer must not change what is read. When a change
// is meant, `npm run snapshot:extraction` rewrites the snapshot.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildSnapshot, CORPORA, storedSnapshot } from "../helpers/extraction-snapshot.ts";

describe.skipIf(!CORPORA.every(existsSync))("extraction of the corpora", () => {
  it("matches the stored snapshot, article by article", async () => {
    const now = await buildSnapshot();
    const stored = storedSnapshot();
    expect(Object.keys(now).sort()).toEqual(Object.keys(stored).sort());
    const changed = Object.keys(stored).filter((k) => now[k]!.hash !== stored[k]!.hash);
    expect(changed.map((k) => ({ article: k, was: stored[k]!.found, now: now[k]!.found }))).toEqual([]);
  }, 120_000);
});
