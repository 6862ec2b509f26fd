// What the reading of an article depends on besides the article: the
// extraction code, the identity rules and date values it uses, and the gazetteer. Its digest is part of an article's
// content hash, so a new version re-reads articles it would otherwise skip
// as unchanged.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SOURCES = ["../extraction/", "../identity/", "../dates/", "../../data/gazetteer/"].map((d) => fileURLToPath(new URL(d, import.meta.url)));

let digest: string | null = null;

export function extractorVersion(): string {
  if (digest === null) {
    const hash = createHash("sha256");
    for (const dir of SOURCES) {
      for (const name of readdirSync(dir).filter((n) => /\.(ts|json)$/.test(n)).sort()) {
        hash.update(name).update("\0").update(readFileSync(`${dir}${name}`)).update("\0");
      }
    }
    digest = hash.digest("hex").slice(0, 16);
  }
  return digest;
}
