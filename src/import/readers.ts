// Input readers: files, folders and stdin to raw articles, or the reason an
// input was skipped. Nothing here throws for bad input.
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_MAX_ARTICLE_CHARS, htmlTooLong, textTooLong } from "./limits.ts";
import type { RawArticle, SkippedInput } from "./types.ts";
import { htmlToText, looksLikeHtml, NO_HTML_TEXT } from "./readers/html.ts";
import { jsonlRecords, jsonRecords } from "./readers/records.ts";
import { decode, textProblem } from "./readers/text.ts";

export { htmlToText } from "./readers/html.ts";
export { articleRecordSchema, recordToArticle } from "./readers/records.ts";

type Read = RawArticle | SkippedInput;
type Format = RawArticle["format"];

const FORMATS: Record<string, Format> = {
  "": "text",
  ".txt": "text",
  ".text": "text",
  ".html": "html",
  ".htm": "html",
  ".json": "json",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
};

export function isSkipped(x: Read): x is SkippedInput {
  return "reason" in x;
}

export interface ReadOptions {
  stdin?: NodeJS.ReadableStream;
  /** Longest article text accepted (MAX_ARTICLE_CHARS); longer inputs are skipped unread. */
  maxChars?: number;
}

/** Reads files, folders (recursively, in path order) and "-" (stdin). */
export async function* readInputs(paths: string[], options: ReadOptions = {}): AsyncGenerator<Read> {
  const maxChars = options.maxChars ?? DEFAULT_MAX_ARTICLE_CHARS;
  for (const p of paths) {
    if (p === "-") yield* readStdin(options.stdin ?? process.stdin, maxChars);
    else yield* readPath(p, maxChars);
  }
}

async function* readPath(p: string, maxChars: number): AsyncGenerator<Read> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(p)).isDirectory();
  } catch (error) {
    yield { source: p, reason: ioReason(error) };
    return;
  }
  if (!isDirectory) {
    yield* readFileAt(p, maxChars);
    return;
  }
  const found: (string | SkippedInput)[] = [];
  await walk(p, found, new Set());
  const key = (x: string | SkippedInput) => (typeof x === "string" ? x : x.source);
  found.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  // A few files are read ahead (a folder of an archive holds thousands); they are used in path order.
  const ahead: (Promise<Uint8Array | SkippedInput> | null)[] = [];
  const load = (i: number) => {
    const f = found[i];
    ahead[i] = typeof f === "string" ? readFile(f).catch((error: unknown) => ({ source: f, reason: ioReason(error) })) : null;
  };
  for (let i = 0; i < Math.min(READ_AHEAD, found.length); i++) load(i);
  for (let i = 0; i < found.length; i++) {
    if (i + READ_AHEAD < found.length) load(i + READ_AHEAD);
    const f = found[i]!;
    const bytes = await ahead[i];
    ahead[i] = null;
    if (typeof f !== "string") yield f;
    else if (bytes && "reason" in bytes) yield bytes;
    else yield* fromBytes(bytes!, f, path.basename(f), FORMATS[path.extname(f).toLowerCase()] ?? null, maxChars);
  }
}

/** Files of a folder read ahead of the one in use. */
const READ_AHEAD = 16;

/** Collects the files below `dir`, leaving out hidden ones and evaluation files (gold.json). */
async function walk(dir: string, out: (string | SkippedInput)[], seen: Set<string>): Promise<void> {
  try {
    // A symbolic link back up the tree would otherwise never end.
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "gold.json") continue;
      const full = path.join(dir, entry.name);
      let target: { isDirectory(): boolean; isFile(): boolean } = entry;
      if (entry.isSymbolicLink()) {
        try {
          target = await stat(full);
        } catch (error) {
          out.push({ source: full, reason: ioReason(error) });
          continue;
        }
      }
      if (target.isDirectory()) await walk(full, out, seen);
      else if (target.isFile()) out.push(full);
    }
  } catch (error) {
    out.push({ source: dir, reason: ioReason(error) });
  }
}

async function* readFileAt(p: string, maxChars: number): AsyncGenerator<Read> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(p);
  } catch (error) {
    yield { source: p, reason: ioReason(error) };
    return;
  }
  yield* fromBytes(bytes, p, path.basename(p), FORMATS[path.extname(p).toLowerCase()] ?? null, maxChars);
}

async function* readStdin(stream: NodeJS.ReadableStream, maxChars: number): AsyncGenerator<Read> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  } catch (error) {
    yield { source: "stdin", reason: ioReason(error) };
    return;
  }
  yield* fromBytes(Buffer.concat(chunks), "stdin", null, null, maxChars, true);
}

/** One input's articles; `format` null means sniff it (records too, for stdin). */
function* fromBytes(bytes: Uint8Array, source: string, file: string | null, format: Format | null, maxChars: number, records = false): Generator<Read> {
  const decoded = decode(bytes);
  if ("reason" in decoded) {
    yield { source, reason: decoded.reason };
    return;
  }
  const content = decoded.text;
  if (!content.trim()) {
    yield { source, reason: "empty" };
    return;
  }
  try {
    switch (format ?? sniff(content, records)) {
      case "json":
        yield* jsonRecords(content, source, file, maxChars);
        break;
      case "jsonl":
        yield* jsonlRecords(content, source, file, maxChars);
        break;
      case "html": {
        const tooLong = htmlTooLong(content, maxChars);
        if (tooLong) {
          yield { source, reason: tooLong };
          break;
        }
        const page = htmlToText(content);
        const problem = textTooLong(page.text, maxChars) ?? textProblem(page.text, NO_HTML_TEXT);
        yield problem ? { source, reason: problem } : { source, file, ...page, format: "html" };
        break;
      }
      case "text": {
        const problem = textTooLong(content, maxChars) ?? textProblem(content);
        yield problem ? { source, reason: problem } : { source, file, url: null, title: null, publishedAt: null, text: content, format: "text" };
        break;
      }
    }
  } catch (error) {
    yield { source, reason: `could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function sniff(content: string, records: boolean): Format {
  const start = content.trimStart();
  if (records && (start.startsWith("{") || start.startsWith("["))) {
    try {
      JSON.parse(content);
      return "json";
    } catch {
      // Not one JSON value: JSON Lines when the first line is a record on its own.
    }
    if (start.startsWith("{")) return isJson(start.split("\n", 1)[0]!) ? "jsonl" : "json";
    if (/^\[\s*[{\]]/u.test(start)) return "json";
  }
  return looksLikeHtml(content) ? "html" : "text";
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") return "not found";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return `could not be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
}
