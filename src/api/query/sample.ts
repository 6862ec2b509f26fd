// The sample of the events that text filters are estimated from: one event
// in SAMPLE_EVERY, by id, as the partial trigram index of the
// event_text_sample migration has it (written out, not bound, so that the
// planner sees the index's predicate).
import { raw } from "./sql.ts";

export const SAMPLE_EVERY = 16;
export const inSample = raw(`e.id % ${SAMPLE_EVERY} = 0`);

/**
 * A smaller sample, one event in SMALL_SAMPLE_EVERY, with trigram and pair-key
 * indexes of its own (migration event_text_small_sample): a common text's
 * matches in it are a sixteenth of those in the sample, for a question a
 * rough answer serves (search.ts: whether to walk the events by label).
 */
export const SMALL_SAMPLE_EVERY = 256;
export const inSmallSample = raw(`e.id % ${SMALL_SAMPLE_EVERY} = 0`);
