// Same person: when two names (within one article, or across articles) name
// one official. The one home of these rules; the article reader groups its
// mentions with them and the store resolves officials across articles.
import { looksVietnamese } from "../extraction/recognize.ts";
import { fold } from "../extraction/text.ts";

/** Where two names are compared: one article introduces a person in full before shortening the name; across articles a single word could be anyone. */
export type Scope = "article" | "articles";

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
export function slip(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length !== tb.length || ta.length < 2 || ta[0] !== tb[0]) return false;
  const fa = ta.join(" ");
  const fb = tb.join(" ");
  return editDistance(fa, fb) <= Math.max(1, Math.floor(Math.min(fa.length, fb.length) / 12));
}

/**
 * Transliterated names vary (word order, partial forms, slips); Vietnamese and
 * Sino-Vietnamese ones ("Vương Tiểu Hồng") do not, and near-identical ones are
 * routinely different people.
 */
function loose(a: string, b: string, country: string | null, scope: Scope): boolean {
  if (country === "VN") return false;
  // Across articles a name of no known country is compared as tightly as a Vietnamese one.
  if (country === null && scope === "articles") return false;
  return !looksVietnamese(a) && !looksVietnamese(b);
}

/**
 * Two names name one person when they fold alike, or — for transliterated
 * names — when one's words all stand in the other ("Patrushev Nikolai" /
 * "Nikolai Platonovich Patrushev"; within one article a single word too:
 * "Patrushev"), or they differ by a slip of the pen. Vietnamese names that
 * differ by a slip are one person only with the same office (sameOfficial).
 */
export function sameName(a: string, b: string, country: string | null, scope: Scope = "articles"): boolean {
  if (fold(a) === fold(b)) return true;
  if (!loose(a, b, country, scope)) return false;
  const ta = tokens(a);
  const tb = tokens(b);
  const [small, large] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (small.length >= (scope === "article" ? 1 : 2) && small.every((t) => large.includes(t))) return true;
  return slip(a, b);
}

/**
 * An official's key: country and folded name. The same key in two articles is
 * the same person at once (the store looks it up by index); other pairs are
 * decided by sameOfficial().
 */
export function officialKey(country: string | null, name: string): string {
  return `${country ?? "--"}|${fold(name)}`;
}

export interface OfficialIdentity {
  names: string[];
  country: string | null;
  /** Offices as written with their organisation ("Bộ trưởng Bộ Công an"). */
  offices: string[];
}

/** Across articles: the same country, and names that agree (sameName) or a slip of the pen in the same office. */
export function sameOfficial(a: OfficialIdentity, b: OfficialIdentity): boolean {
  if (a.country !== b.country) return false;
  if (a.names.some((x) => b.names.some((y) => sameName(x, y, a.country)))) return true;
  const offices = new Set(a.offices.map(fold));
  if (!b.offices.some((o) => offices.has(fold(o)))) return false;
  return a.names.some((x) => b.names.some((y) => slip(x, y)));
}

/** The longer words of a person's names: any official sameOfficial joins shares one of them (for an index lookup). */
export function nameWords(names: string[], max = 4): string[] {
  return [...new Set(names.flatMap((n) => tokens(n)))].filter((w) => w.length >= 3).sort((a, b) => b.length - a.length).slice(0, max);
}
