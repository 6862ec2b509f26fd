// Display labels for the codes the API returns, in Vietnamese and English,
// from the gazetteer the extractor reads (one source for the words).
import { AgreementType, EventType } from "../../db/generated/enums.ts";
import { loadGazetteer } from "../../extraction/gazetteer.ts";

// The codes come from the database's enums; every one must have its labels (checked below).
export type EventTypeCode = EventType;
export const EVENT_TYPES = Object.values(EventType) as [EventTypeCode, ...EventTypeCode[]];

export type AgreementTypeCode = AgreementType;
export const AGREEMENT_TYPES = Object.values(AgreementType) as [AgreementTypeCode, ...AgreementTypeCode[]];

export interface Label {
  vi: string;
  en: string;
}

const gazetteer = loadGazetteer();

function labels<C extends string>(codes: readonly C[], known: ReadonlyMap<string, Label>, what: string): Record<C, Label> {
  return Object.fromEntries(
    codes.map((code) => {
      const label = known.get(code);
      if (!label) throw new Error(`the gazetteer has no labels for the ${what} "${code}"`);
      return [code, { vi: label.vi, en: label.en }];
    }),
  ) as Record<C, Label>;
}

export const EVENT_TYPE_LABELS = labels(EVENT_TYPES, gazetteer.eventTypes, "event type");
export const AGREEMENT_TYPE_LABELS = labels(AGREEMENT_TYPES, gazetteer.agreementTypeInfo, "agreement type");

/** Topic labels. */
export const TOPIC_LABELS: ReadonlyMap<string, Label> = new Map(gazetteer.topics.map(({ topic }) => [topic.code, { vi: topic.vi, en: topic.en }]));
