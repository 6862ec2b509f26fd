// Placeholder contract of the importer entry point (filled by the importer work).
import type { Logger } from "pino";
import type { PrismaClient } from "../db/generated/client.ts";

export interface ImportSummary {
  imported: number;
  updated: number;
  unchanged: number;
  skipped: { file: string; reason: string }[];
}

export interface ImportOptions {
  log?: Logger;
  progress?: boolean;
}

/** Imports every article file below the given files/folders; one transaction per article. */
export async function importPaths(_prisma: PrismaClient, _paths: string[], _options: ImportOptions = {}): Promise<ImportSummary> {
  return { imported: 0, updated: 0, unchanged: 0, skipped: [] };
}
