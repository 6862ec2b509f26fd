// The sample of the events that text filters are estimated from: one event
// in SAMPLE_EVERY, by id, as the partial trigram index of the
// event_text_sample migration has it (written out, not bound, so that the
// planner sees the index's predicate).
import { raw } from "./sql.ts";

export const SAMPLE_EVERY = 16;
export const inSample = raw(`e.id % ${SAMPLE_EVERY} = 0`);
