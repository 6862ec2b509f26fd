// What one thread of the extraction pool does with a task. Errors travel back
// as values: an Error's class does not survive the trip between threads.
import { extractArticle, extractRecord, InputError } from "../import/extract.ts";
import type { PreparedArticle } from "../import/store/index.ts";
import type { RawArticle } from "../import/types.ts";

export type ExtractTask =
  | { kind: "raw"; raw: RawArticle; root?: string }
  | { kind: "record"; record: unknown; source?: string; maxChars?: number };

export type ExtractOutcome = { prepared: PreparedArticle } | { inputError: string } | { failure: string };

export default function run(task: ExtractTask): ExtractOutcome {
  try {
    const prepared = task.kind === "raw" ? extractArticle(task.raw, task.root) : extractRecord(task.record, { source: task.source, maxChars: task.maxChars });
    return { prepared };
  } catch (err) {
    if (err instanceof InputError) return { inputError: err.reason };
    return { failure: err instanceof Error ? err.message : String(err) };
  }
}
