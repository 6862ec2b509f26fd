// Same agreement: when two mentions (within one article, or across articles)
// name one document, and how their facts merge. The one home of these rules:
// the article reader and the store both decide with them.
import { compatible, dateDetail, type DateValue } from "../dates/value.ts";
import { fold } from "../extraction/text.ts";

/** The folded title, letters and digits only, for comparing titles. */
export function titleKey(title: string): string {
  return fold(title).replace(/[^a-z0-9 ]/g, " ").replace(/\s+/g, " ").trim();
}

/**
 * Who the parties are ("giữa Bộ Công an Việt Nam và Bộ Nội vụ Nga", "giữa hai
 * Bộ"), folded: said in many ways, up to what the document is about, its year
 * or period, or the end.
 */
const PARTIES = / giua .*?(?= ve | nam \d| giai doan |$)/;

/**
 * Two titles name one document when they read alike once folded, leaving out
 * how they name the parties, or one is the other cut short at a word ("Bản
 * ghi nhớ hợp tác" / "Bản ghi nhớ hợp tác về phòng, chống ma túy"). Two
 * documents signed at one event share a long beginning ("Bản ghi nhớ về hợp
 * tác …"): a shared beginning alone never joins them.
 */
export function sameTitle(a: string, b: string): boolean {
  const ka = titleKey(a);
  const kb = titleKey(b);
  if (!ka || !kb) return false;
  if (ka.replace(PARTIES, "") === kb.replace(PARTIES, "")) return true;
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  return long.startsWith(`${short} `);
}

/** What one source article says of an agreement, with database ids (stored as JSON per source). */
export interface AgreementFacts {
  type: string;
  title: string;
  signed: DateValue | null;
  parties: { country: string; ministry: number | null; unit: number | null }[];
  event: number | null;
}

/** Across articles: the same type, the same parties' countries, titles that agree and signing dates that do not differ. */
export function agreementMatch(stored: AgreementFacts, incoming: AgreementFacts): boolean {
  if (stored.type !== incoming.type) return false;
  const cs = stored.parties.map((p) => p.country).sort().join(",");
  const ci = incoming.parties.map((p) => p.country).sort().join(",");
  if (cs !== ci) return false;
  // Several documents may be signed at one event: the title decides.
  return sameTitle(stored.title, incoming.title) && compatible(stored.signed, incoming.signed);
}


/** One agreement from two sources: the first leads; the fuller title and the better date win; parties combine. */
export function mergeAgreements(base: AgreementFacts, add: AgreementFacts): AgreementFacts {
  const better = dateDetail(add.signed) > dateDetail(base.signed);
  const parties = base.parties.map((p) => ({ ...p }));
  for (const p of add.parties) {
    const have = parties.find((x) => x.country === p.country);
    if (!have) parties.push({ ...p });
    else {
      have.ministry ??= p.ministry;
      have.unit ??= p.unit;
    }
  }
  return {
    ...base,
    title: add.title.length > base.title.length && sameTitle(add.title, base.title) ? add.title : base.title,
    signed: better ? add.signed : base.signed,
    parties,
    event: base.event ?? add.event,
  };
}
