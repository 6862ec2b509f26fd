// CSV for list items: one column per scalar field, found by walking the item's
// zod schema, so that every row of an endpoint has the same columns whatever
// its values. Nested objects become dotted columns (country.code); a list
// becomes one column per field of its items (officials.name), the items'
// values joined with " | " in list order.
import type { z } from "zod";

export const LIST_SEPARATOR = " | ";

/** A column: its header, and the path to its values ("[]" steps into every item of a list). */
export interface Column {
  header: string;
  path: string[];
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  getter?: () => z.ZodType;
}

const def = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under optional, nullable, default, readonly, lazy and pipe wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const d = def(s);
    if (d.innerType) s = d.innerType;
    else if (d.type === "pipe" && d.out) s = d.out;
    else if (d.type === "lazy" && d.getter) s = d.getter();
    else return s;
  }
}

export function csvColumns(item: z.ZodType, path: string[] = []): Column[] {
  const s = unwrap(item);
  const d = def(s);
  if (d.type === "object" && d.shape) return Object.entries(d.shape).flatMap(([key, field]) => csvColumns(field, [...path, key]));
  if (d.type === "array" && d.element) return csvColumns(d.element, [...path, "[]"]);
  return [{ header: path.filter((p) => p !== "[]").join(".") || "value", path }];
}

function valuesAt(value: unknown, path: string[]): unknown[] {
  if (!path.length) return [value];
  const [step, ...rest] = path;
  // A missing value still takes its place, so that the columns of one list stay aligned.
  if (value === null || value === undefined) return [null];
  if (step === "[]") return Array.isArray(value) ? value.flatMap((v) => valuesAt(v, rest)) : [];
  return valuesAt((value as Record<string, unknown>)[step!], rest);
}

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** A field as RFC 4180 wants it: quoted when it holds a comma, quote or line break. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvHeader(columns: Column[]): string {
  return `${columns.map((c) => field(c.header)).join(",")}\r\n`;
}

export function csvRow(columns: Column[], row: unknown): string {
  return `${columns.map((c) => field(valuesAt(row, c.path).map(text).join(LIST_SEPARATOR))).join(",")}\r\n`;
}
