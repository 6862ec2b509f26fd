// The extraction of every corpus article (../shared/corpus/{seeds,dev,raw},
// read in place) summed up small: per article, a hash of the whole extraction
// and a readable line of what was found. Evidence sentences are hashed, never
// copied. `npm run snapshot:extraction` rewrites the stored snapshot; do it
// only when a change to the extraction is meant.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ArticleExtraction } from "../../src/extraction/assemble.ts";
import { isSkipped, readInputs } from "../../src/import/readers.ts";
import { extractArticle, InputError } from "../../src/import/run.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CORPORA = ["seeds", "dev", "raw"].map((c) => path.resolve(ROOT, "../shared/corpus", c));
export const SNAPSHOT_FILE = path.join(ROOT, "tests/extraction/corpus-snapshot.json");

export type Snapshot = Record<string, { hash: string; found: string }>;

const hash = (s: string, n = 16) => createHash("sha256").update(s).digest("hex").slice(0, n);

const date = (p: { y?: number; m?: number; d?: number } | null) =>
  p ? `${p.y ?? "-"}-${p.m ?? "-"}-${p.d ?? "-"}` : "?";

/** One line of what an article gave: events with dates, officials, agreements, sentences hashed. */
function found(x: ArticleExtraction): string {
  const events = x.events.map((e) => `${e.type}@${date(e.start)}${e.end ? `..${date(e.end)}` : ""}[${e.countries.join(",")}]`).join(" ");
  const sentences = [...x.officials.map((o) => o.sentence), ...x.events.map((e) => e.sentence), ...x.agreements.map((a) => a.sentence)];
  return [
    `events: ${events || "none"}`,
    `officials: ${x.officials.length}`,
    `agreements: ${x.agreements.map((a) => `${a.type}@${date(a.signed)}`).join(" ") || "none"}`,
    `countries: ${x.countries.join(",")}`,
    `evidence: ${hash(sentences.join("\n"), 8)}`,
  ].join("; ");
}

/** The snapshot of every article in the corpora present on this machine. */
export async function buildSnapshot(corpora = CORPORA.filter(existsSync)): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const dir of corpora) {
    const name = path.basename(dir);
    for await (const r of readInputs([dir])) {
      const key = `${name}/${path.relative(dir, r.source)}`;
      if (isSkipped(r)) {
        out[key] = { hash: "skipped", found: r.reason };
        continue;
      }
      try {
        const x = extractArticle(r, dir).extraction;
        out[key] = { hash: hash(JSON.stringify(x)), found: found(x) };
      } catch (err) {
        out[key] = { hash: "skipped", found: err instanceof InputError ? err.reason : (err as Error).message };
      }
    }
  }
  return out;
}

export function storedSnapshot(): Snapshot {
  return JSON.parse(readFileSync(SNAPSHOT_FILE, "utf8")) as Snapshot;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const missing = CORPORA.filter((c) => !existsSync(c));
  if (missing.length) throw new Error(`corpus not found: ${missing.join(", ")}`);
  const snap = await buildSnapshot();
  writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(snap, null, 1)}\n`);
  console.log(`wrote ${SNAPSHOT_FILE}: ${Object.keys(snap).length} articles`);
}
