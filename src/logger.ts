import { pino, type Logger } from "pino";
import type { LogLevel } from "./config/env.ts";

export type { Logger };

/** JSON logs on stdout, as pino writes them. */
export function createLogger(level: LogLevel): Logger {
  return pino({ level, name: "hoptac" });
}
