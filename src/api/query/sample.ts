// The sample of the events that text filters are estimated from: one event
// in SAMPLE_EVERY, by id, as the partial trigram index of the
// event_text_sample migration has it (written out, not bound, so that the
// planner sees the index's predicate).
import { raw } from "./sql.ts";

export const SAMPLE_EVERY = 16;
export const inSample = raw(`e.id % ${SAMPLE_EVERY} = 0`);

/** A sample of a table's rows for a question about a text that a rough answer serves: one row in `every`, by id, with trigram and cross-key indexes of its own. */
export interface TextSample {
  table: string;
  alias: string;
  every: number;
}

/**
 * A smaller sample of the events, one in 256 (migration
 * event_text_small_sample): a common text's matches in it are a sixteenth of
 * those in the sample, for search (whether to walk the events by label) and
 * for the events under way at a range's start.
 */
export const SMALL_EVENT_SAMPLE: TextSample = { table: "events", alias: "e", every: 256 };

/** The officials' and agreements' samples, one in 16 (migration search_walk_samples): whether search walks them by label. */
export const OFFICIAL_SAMPLE: TextSample = { table: "officials", alias: "o", every: 16 };
export const AGREEMENT_SAMPLE: TextSample = { table: "agreements", alias: "a", every: 16 };
