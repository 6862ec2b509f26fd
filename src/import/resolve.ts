// Resolve stage: decides when a fact read from one article is the same entity
// as one already in the knowledge base (an official under another spelling,
// an event another outlet reported), and how the sources' facts merge.
// Pure functions; src/import/store/ applies them inside the transaction.
import type { EventTypeCode } from "../extraction/gazetteer.ts";
import { compatible, formatPartial, parsePartial, precisionOf, resolveYear, spanOf, type PartialDate } from "../extraction/dates.ts";
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
/** No event carries more topics than this, however many reports tell of it. */
const MAX_TOPICS = 6;
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

/** Dates read from the publication rather than stated for the activity: "around then, or a little before". */
const INFERRED = new Set(["publication", "publication month"]);
/** Each report's day may be off by this much, so two reports by twice it (a visit's first day, "hôm qua", a time zone). */
const SLACK_DAYS = 1;
/** An inferred date may stand for an activity up to this long before it. */
const INFERRED_LEAD_DAYS = 31;

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/**
 * The days an event's date allows, as day numbers, widened for what dates
 * in reports leave open: a day by SLACK_DAYS on each side, an inferred date
 * back by INFERRED_LEAD_DAYS. A start without a year takes `year`.
 */
function allowedDays(f: Pick<EventFacts, "start" | "end" | "dateReason">, year?: number): [number, number] | null {
  const p = parsePartial(f.start);
  if (!p) return null;
  const e = parsePartial(f.end);
  const withYear = (x: PartialDate | null) => (x && x.y === undefined && year !== undefined ? { ...x, y: year } : x);
  const s = spanOf(withYear(p) ?? undefined);
  if (!s) return null;
  const t = spanOf(withYear(e) ?? undefined);
  let from = dayOf(s[0]);
  let to = Math.max(dayOf(s[1]), t ? dayOf(t[1]) : -Infinity);
  if (p.d !== undefined) {
    from -= SLACK_DAYS;
    to += SLACK_DAYS;
  }
  if (f.dateReason && INFERRED.has(f.dateReason)) from -= INFERRED_LEAD_DAYS;
  return [from, to];
}

/** The span of days a stored event may have to share with `f` to be the same activity (a first filter). */
export function candidateSpan(f: Pick<EventFacts, "start" | "end" | "dateReason">): [string, string] | null {
  const d = allowedDays(f);
  if (!d) return null;
  const iso = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
  // The other side may be inferred too: leave it room.
  return [iso(d[0] - INFERRED_LEAD_DAYS), iso(d[1] + INFERRED_LEAD_DAYS)];
}

/** Do two events' dates allow the same days? Undefined when either has none. */
export function datesAgree(a: Pick<EventFacts, "start" | "end" | "dateReason">, b: Pick<EventFacts, "start" | "end" | "dateReason">): boolean | undefined {
  const pa = parsePartial(a.start);
  const pb = parsePartial(b.start);
  if (!pa || !pb) return undefined;
  // A date without a year is read in the other's year(s); with neither, in any one year.
  const years = [pa.y, pb.y, parsePartial(a.end)?.y, parsePartial(b.end)?.y].filter((y): y is number => y !== undefined);
  for (const y of years.length ? [...new Set(years)] : [2000]) {
    const da = allowedDays(a, y);
    const db = allowedDays(b, y);
    if (da && db && da[0] <= db[1] && db[0] <= da[1]) return true;
  }
  return false;
}

/** Activities with a counterpart: the same two sides meeting other people are another activity. */
const FACE_TO_FACE = new Set<EventTypeCode>(["talks", "reception", "award"]);

/**
 * How well an incoming event matches a stored one, or null when they cannot
 * be the same activity: the same type, a shared foreign side, dates that
 * allow the same days, no conflicting ordinal and, for face-to-face
 * activities, no side whose named people all differ. A match is strong with
 * a shared participant or the same numbered session; it is weak — accepted
 * by the caller only when no other event qualifies — when one report names
 * nobody, or gives no date.
 */
export function eventMatch(stored: EventFacts, incoming: EventFacts): { score: number; weak: boolean } | null {
  if (stored.type !== incoming.type) return null;
  if (stored.ordinal !== null && incoming.ordinal !== null && stored.ordinal !== incoming.ordinal) return null;
  const fs = foreign(stored.countries);
  const fi = foreign(incoming.countries);
  const sharedCountries = fs.filter((c) => fi.includes(c)).length;
  if ((fs.length || fi.length) && sharedCountries === 0) return null;
  const ids = new Set(stored.participants.map((p) => p.official));
  const shared = incoming.participants.filter((p) => ids.has(p.official)).length;
  const named = stored.participants.length > 0 && incoming.participants.length > 0;
  if (FACE_TO_FACE.has(stored.type) ? sidesDiffer(stored, incoming) : named && shared === 0 && stored.type === "visit") return null;
  const sameSession = stored.ordinal !== null && stored.ordinal === incoming.ordinal;
  const agree = datesAgree(stored, incoming);
  if (agree === false) return null;
  const score = shared * 10 + (sameSession ? 20 : 0) + sharedCountries;
  if (agree === undefined) {
    if ((shared === 0 && !sameSession) || fs.length !== fi.length || sharedCountries !== fs.length) return null;
    return { score, weak: true };
  }
  if (shared > 0 || sameSession) return { score, weak: false };
  // One report names nobody: the same sides on days that agree, when nothing else qualifies.
  const nested = sharedCountries === Math.min(fs.length, fi.length);
  if (!named && nested) return { score, weak: true };
  return null;
}

/** Some country has people named on both sides, and none of them is the same. */
function sidesDiffer(a: EventFacts, b: EventFacts): boolean {
  const byCountry = (f: EventFacts) => {
    const m = new Map<string, Set<number>>();
    for (const p of f.participants) if (p.country) (m.get(p.country) ?? m.set(p.country, new Set()).get(p.country)!).add(p.official);
    return m;
  };
  const ma = byCountry(a);
  const mb = byCountry(b);
  for (const [c, xs] of ma) {
    const ys = mb.get(c);
    if (ys && ![...ys].some((y) => xs.has(y))) return true;
  }
  return false;
}

const ROLE_RANK: Record<Role, number> = { attendee: 0, head_of_delegation: 1, host: 2 };

/**
 * The date of one activity from two reports. Dates that agree part by part
 * combine ("2016-09" and "--09-25" give 2016-09-25); otherwise a date stated
 * for the activity beats one inferred from the publication, then the more
 * precise one wins (at equal precision, a span holding the other), and a
 * winner without a year takes it from the other report.
 */
export function mergeDates(base: EventFacts, add: EventFacts): Pick<EventFacts, "start" | "end" | "dateReason"> {
  const pa = parsePartial(add.start);
  const pb = parsePartial(base.start);
  if (!pa) return base;
  if (!pb) return add;
  if (compatible(pa, pb) && !base.end && !add.end) {
    const both: PartialDate = { y: pb.y ?? pa.y, m: pb.m ?? pa.m, d: pb.d ?? pa.d };
    const reason = dateWeight(pa) > dateWeight(pb) ? add.dateReason : base.dateReason;
    return { start: formatPartial(both), end: null, dateReason: reason };
  }
  const inferred = (f: EventFacts) => !!f.dateReason && INFERRED.has(f.dateReason);
  const wa = dateWeight(pa);
  const wb = dateWeight(pb);
  // At the same precision, a span that holds the other describes more of the activity.
  const sa = eventSpan(add.start, add.end);
  const sb = eventSpan(base.start, base.end);
  const wider = !!sa && !!sb && sa[0] <= sb[0] && sa[1] >= sb[1] && (sa[0] < sb[0] || sa[1] > sb[1]);
  const better = inferred(add) !== inferred(base) ? inferred(base) : wa > wb || (wa === wb && wider);
  const [win, pw, pl] = better ? [add, pa, pb] : [base, pb, pa];
  if (pw.y !== undefined || pl.y === undefined) return { start: win.start, end: win.end, dateReason: win.dateReason };
  const dated = resolveYear(pw, pl);
  const end = parsePartial(win.end);
  return {
    start: formatPartial(dated),
    end: end ? formatPartial(end.y === undefined ? resolveYear(end, pl) : end) : null,
    dateReason: `${win.dateReason ?? "stated"}; year from another report`,
  };
}

/** One event from two sources' facts: the first source leads; dates combine (mergeDates). */
export function mergeEvents(base: EventFacts, add: EventFacts): EventFacts {
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
    ...mergeDates(base, add),
    place: base.place ?? add.place,
    countries: union(base.countries, add.countries).sort(),
    participants,
    ministries: union(base.ministries, add.ministries),
    // Each report's topics are those its own account names most; together, the first reports' first.
    topics: union(base.topics, add.topics).slice(0, MAX_TOPICS).sort(),
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
