// The JSON edge of a source's facts (event_sources.facts, agreement_sources.facts):
// what one article says of an event or agreement, as written and read back.
// Dates are written as values (parts with their sources); documents written
// before dates carried their sources hold ISO strings and a reason, read here.
import { dateFromJson } from "../../dates/value.ts";
import type { AgreementFacts } from "../../identity/agreements.ts";
import type { EventFacts } from "../../identity/events.ts";

type Stored<T> = Omit<T, "start" | "end" | "signed"> & { start?: unknown; end?: unknown; signed?: unknown; dateReason?: string | null };

/** The facts of each source that has them (a generated benchmark corpus writes sources without). */
export function eventFactsOf(list: unknown[] | null | undefined): EventFacts[] {
  return (list ?? []).filter((x) => x !== null && typeof x === "object").map(eventFactsFromJson);
}

export function agreementFactsOf(list: unknown[]): AgreementFacts[] {
  return list.filter((x) => x !== null && typeof x === "object").map(agreementFactsFromJson);
}

function eventFactsFromJson(json: unknown): EventFacts {
  const f = json as Stored<EventFacts>;
  const { dateReason, ...rest } = f;
  return { ...rest, start: dateFromJson(f.start, dateReason), end: dateFromJson(f.end, dateReason) } as EventFacts;
}

function agreementFactsFromJson(json: unknown): AgreementFacts {
  const f = json as Stored<AgreementFacts>;
  return { ...(f as object), signed: dateFromJson(f.signed) } as AgreementFacts;
}
