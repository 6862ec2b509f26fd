// A benchmark corpus: given articles repeated with their years shifted back
// (one year per round, 25 at most), so that most copies are new events and
// some merge, written to a temporary folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function readArticles(dirs: string[]): string[] {
  const texts = dirs
    .filter((d) => fs.existsSync(d))
    .flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith(".txt")).sort().map((f) => fs.readFileSync(path.join(d, f), "utf8")));
  return [...new Set(texts)];
}

export function shiftedCorpus(bases: string[], n: number): { dir: string; texts: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoptac-bench-"));
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    const shift = Math.floor(i / bases.length) % 25;
    const text = bases[i % bases.length]!.replace(/\b(19|20)(\d{2})\b/g, (y) => String(Number(y) - shift));
    texts.push(text);
    fs.writeFileSync(path.join(dir, `${String(i).padStart(5, "0")}.txt`), text);
  }
  return { dir, texts };
}
