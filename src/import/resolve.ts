// Resolve stage: decides when a fact read from one article is the same entity
// as one already in the knowledge base (an official under another spelling,
// an event another outlet reported), and how the sources' facts merge.
// Pure functions; src/import/store.ts applies them inside the transaction.
import type { EventTypeCode } from "../extraction/gazetteer.ts";
import { compatible, parsePartial, precisionOf, spanOf, type PartialDate } from "../extraction/dates.ts";
import { looksVietnamese } from "../extraction/recognize.ts";
import { fold } from "../extraction/text.ts";

// ---------------------------------------------------------------- officials

const tokens = (name: string) => fold(name).split(/[\s-]+/).filter(Boolean);

/** Edit distance with one transposition counted as one edit. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** A slip of the pen: one edit per dozen letters, the same words count and family name. */
function slip(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length !== tb.length || ta.length < 2 || ta[0] !== tb[0]) return false;
  const fa = ta.join(" ");
  const fb = tb.join(" ");
  return editDistance(fa, fb) <= Math.max(1, Math.floor(Math.min(fa.length, fb.length) / 12));
}

/**
 * Two names of the same country name one person when they fold alike, or —
 * for foreign names, whose transliterations vary — when one's words are all in
 * the other (at least two of them: "Patrushev Nikolai" / "Nikolai Platonovich
 * Patrushev") or they differ by a slip of the pen. Near-identical Vietnamese
 * (and Sino-Vietnamese) names are routinely different people, so for them a
 * slip counts only when the two also hold the same office (see sameOfficial).
 */
export function sameName(a: string, b: string, country: string | null): boolean {
  if (fold(a) === fold(b)) return true;
  // Sino-Vietnamese readings of Chinese names ("Vương Tiểu Hồng") are as tight as Vietnamese ones.
  if (country === "VN" || country === null || (looksVietnamese(a) && looksVietnamese(b))) return false;
  const ta = tokens(a);
  const tb = tokens(b);
  const [small, large] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (small.length >= 2 && small.every((t) => large.includes(t))) return true;
  return slip(a, b);
}

export interface OfficialIdentity {
  names: string[];
  country: string | null;
  /** Offices as written with their organisation ("Bộ trưởng Bộ Công an"). */
  offices: string[];
}

export function sameOfficial(a: OfficialIdentity, b: OfficialIdentity): boolean {
  if (a.country !== b.country) return false;
  if (a.names.some((x) => b.names.some((y) => sameName(x, y, a.country)))) return true;
  const offices = new Set(a.offices.map(fold));
  if (!b.offices.some((o) => offices.has(fold(o)))) return false;
  return a.names.some((x) => b.names.some((y) => slip(x, y)));
}

// ------------------------------------------------------------------- events

export type Role = "host" | "head_of_delegation" | "attendee";

/** What one source article says of an event, with database ids (stored as JSON per source). */
export interface EventFacts {
  type: EventTypeCode;
  start: string | null;
  end: string | null;
  dateReason: string | null;
  place: string | null;
  countries: string[];
  /** Participants with their country (null when unknown). */
  participants: { official: number; role: Role; country?: string | null }[];
  ministries: number[];
  topics: string[];
  summary: string;
  mechanism: string | null;
  ordinal: number | null;
}

const union = <T>(a: T[], b: T[]) => [...new Set([...a, ...b])];
const foreign = (countries: string[]) => countries.filter((c) => c !== "VN");

/** How much a start date says: a year counts most, then month, then day. */
function dateWeight(p: PartialDate | null): number {
  if (!p) return 0;
  return (p.y !== undefined ? 4 : 0) + ({ day: 3, month: 2, year: 1 }[precisionOf(p) ?? "year"] ?? 0) + (p.y === undefined && p.d !== undefined ? 2 : 0);
}

/** The span [from, to] an event's dates allow; null without a year. */
export function eventSpan(start: string | null, end: string | null): [string, string] | null {
  const s = spanOf(parsePartial(start) ?? undefined);
  if (!s) return null;
  const e = spanOf(parsePartial(end) ?? undefined);
  return [s[0], e && e[1] > s[1] ? e[1] : s[1]];
}

/** Do two events' dates allow the same days? Undefined when either has none. */
function datesAgree(a: EventFacts, b: EventFacts): boolean | undefined {
  const pa = parsePartial(a.start);
  const pb = parsePartial(b.start);
  if (!pa || !pb) return undefined;
  const sa = eventSpan(a.start, a.end);
  const sb = eventSpan(b.start, b.end);
  if (sa && sb) return sa[0] <= sb[1] && sb[0] <= sa[1];
  // A year is missing on one side: compare month and day where both give them.
  if (compatible(pa, pb)) return true;
  for (const [x, y] of [[a, pb], [b, pa]] as const) {
    const px = parsePartial(x.start);
    const ex = parsePartial(x.end);
    if (px && ex && y.m !== undefined && y.d !== undefined && px.m !== undefined && ex.m !== undefined) {
      const md = (p: PartialDate) => (p.m ?? 0) * 100 + (p.d ?? 0);
      if (md(px) <= md(y) && md(y) <= md(ex)) return true;
    }
  }
  return false;
}

/**
 * How well an incoming event matches a stored one, or null when they cannot
 * be the same activity: the same type, the same foreign side, dates that
 * allow the same days, no conflicting ordinal, no different counterparts
 * (foreign people, or hosts), and at least one shared participant or the
 * same numbered session. A weak match — an undated report, or one that names
 * nobody on the same day — the caller accepts only when no other event qualifies.
 */
export function eventMatch(stored: EventFacts, incoming: EventFacts): { score: number; weak: boolean } | null {
  if (stored.type !== incoming.type) return null;
  if (stored.ordinal !== null && incoming.ordinal !== null && stored.ordinal !== incoming.ordinal) return null;
  const fs = foreign(stored.countries);
  const fi = foreign(incoming.countries);
  const sharedCountries = fs.filter((c) => fi.includes(c)).length;
  if (fs.length || fi.length ? sharedCountries === 0 : false) return null;
  const ids = new Set(stored.participants.map((p) => p.official));
  const shared = incoming.participants.filter((p) => ids.has(p.official)).length;
  // Talks or receptions with different counterparts, on either side, are different events.
  if (differ(stored, incoming, (p) => !!p.country && p.country !== "VN")) return null;
  if (differ(stored, incoming, (p) => p.role === "host")) return null;
  const sameSession = stored.ordinal !== null && stored.ordinal === incoming.ordinal;
  const agree = datesAgree(stored, incoming);
  if (agree === false) return null;
  if (agree === undefined) {
    if ((shared === 0 && !sameSession) || fs.length !== fi.length || sharedCountries !== fs.length) return null;
    return { score: shared * 10 + (sameSession ? 20 : 0) + sharedCountries, weak: true };
  }
  const sameDay = stored.start === incoming.start && precisionOf(parsePartial(stored.start) ?? undefined) === "day";
  const score = shared * 10 + (sameSession ? 20 : 0) + (sameDay ? 5 : 0) + sharedCountries;
  if (shared > 0 || sameSession) return { score, weak: false };
  // One report names nobody: the same day and sides is enough, when nothing else qualifies.
  const unnamed = !stored.participants.length || !incoming.participants.length;
  if (sameDay && unnamed && sharedCountries > 0 && fs.length === fi.length) return { score, weak: true };
  return null;
}

/** Both events name people of this kind, and none is the same. */
function differ(a: EventFacts, b: EventFacts, kind: (p: EventFacts["participants"][number]) => boolean): boolean {
  const pa = a.participants.filter(kind).map((p) => p.official);
  const pb = b.participants.filter(kind).map((p) => p.official);
  return pa.length > 0 && pb.length > 0 && !pb.some((id) => pa.includes(id));
}

const ROLE_RANK: Record<Role, number> = { attendee: 0, head_of_delegation: 1, host: 2 };

/** One event from two sources' facts: the first source leads, the better date wins. */
export function mergeEvents(base: EventFacts, add: EventFacts): EventFacts {
  const wa = dateWeight(parsePartial(add.start));
  const wb = dateWeight(parsePartial(base.start));
  // At the same precision, a span that holds the other describes more of the activity.
  const sa = eventSpan(add.start, add.end);
  const sb = eventSpan(base.start, base.end);
  const wider = !!sa && !!sb && sa[0] <= sb[0] && sa[1] >= sb[1] && (sa[0] < sb[0] || sa[1] > sb[1]);
  const better = wa > wb || (wa === wb && wider);
  const participants = base.participants.map((p) => ({ ...p }));
  for (const p of add.participants) {
    const have = participants.find((x) => x.official === p.official);
    if (!have) participants.push({ ...p });
    else {
      if (ROLE_RANK[p.role] > ROLE_RANK[have.role]) have.role = p.role;
      have.country ??= p.country;
    }
  }
  return {
    ...base,
    start: better ? add.start : base.start,
    end: better ? add.end : base.end,
    dateReason: better ? add.dateReason : base.dateReason,
    place: base.place ?? add.place,
    countries: union(base.countries, add.countries).sort(),
    participants,
    ministries: union(base.ministries, add.ministries),
    topics: union(base.topics, add.topics).sort(),
    mechanism: base.mechanism ?? add.mechanism,
    ordinal: base.ordinal ?? add.ordinal,
  };
}

// --------------------------------------------------------------- agreements

export interface AgreementFacts {
  type: string;
  title: string;
  signed: string | null;
  parties: { country: string; ministry: number | null; unit: number | null }[];
  event: number | null;
}

/** The folded title, letters and digits only, for matching one document across articles. */
export function titleKey(title: string): string {
  return fold(title).replace(/[^a-z0-9 ]/g, " ").replace(/\s+/g, " ").trim();
}

export function agreementMatch(stored: AgreementFacts, incoming: AgreementFacts): boolean {
  if (stored.type !== incoming.type) return false;
  const cs = stored.parties.map((p) => p.country).sort().join(",");
  const ci = incoming.parties.map((p) => p.country).sort().join(",");
  if (cs !== ci) return false;
  // Several documents may be signed at one event: the title decides.
  if (titleKey(stored.title) !== titleKey(incoming.title)) return false;
  const a = parsePartial(stored.signed) ?? undefined;
  const b = parsePartial(incoming.signed) ?? undefined;
  return compatible(a, b);
}

export function mergeAgreements(base: AgreementFacts, add: AgreementFacts): AgreementFacts {
  const better = dateWeight(parsePartial(add.signed)) > dateWeight(parsePartial(base.signed));
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
    title: add.title.length > base.title.length && titleKey(add.title).startsWith(titleKey(base.title)) ? add.title : base.title,
    signed: better ? add.signed : base.signed,
    parties,
    event: base.event ?? add.event,
  };
}
