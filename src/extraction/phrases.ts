// Finds dictionary phrases in a sentence: longest match first, ignoring case,
// diacritics and tone-mark style, on word boundaries.
import { escapeRegExp, fold, foldAligned, isUpperInitial, normalizeText } from "./text.ts";

export interface PhraseHit<T> {
  index: number;
  length: number;
  text: string;
  values: T[];
}

export interface PhraseOptions {
  /** Require a capital initial in the text where the phrase has one ("Anh", "Pháp"). */
  matchCapital?: boolean;
  /**
   * One-word phrases match only with their own diacritics: folded, "Bỉ"
   * (Belgium) would match "Bí thư" and "Lào" "Lao động".
   */
  exactOneWord?: boolean;
}

export class PhraseMatcher<T> {
  private readonly byFolded = new Map<string, { values: T[]; capital: boolean; forms: Set<string> }>();
  private regex: RegExp | null = null;

  constructor(private readonly options: PhraseOptions = {}) {}

  add(phrase: string, value: T): this {
    const key = fold(phrase);
    if (!key) return this;
    const entry = this.byFolded.get(key) ?? { values: [], capital: false, forms: new Set<string>() };
    if (!entry.values.includes(value)) entry.values.push(value);
    entry.forms.add(normalizeText(phrase.trim()).toLowerCase());
    entry.capital ||= isUpperInitial(phrase.trim());
    this.byFolded.set(key, entry);
    this.regex = null;
    return this;
  }

  /** Whether the text found for an entry may stand for it (capital, diacritics). */
  private accepts(entry: { capital: boolean; forms: Set<string> }, key: string, original: string): boolean {
    if (this.options.matchCapital && entry.capital && !isUpperInitial(original)) return false;
    if (this.options.exactOneWord && !key.includes(" ") && !entry.forms.has(original.toLowerCase())) return false;
    return true;
  }

  get size(): number {
    return this.byFolded.size;
  }

  private pattern(): RegExp {
    if (!this.regex) {
      const keys = [...this.byFolded.keys()].sort((a, b) => b.length - a.length).map((k) => escapeRegExp(k).replace(/ /g, "\\s+"));
      this.regex = keys.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.join("|")})(?![\\p{L}\\p{N}])`, "gu") : /$^/gu;
    }
    return this.regex;
  }

  /** Non-overlapping hits in text order; `folded` may be passed when already computed. */
  find(text: string, folded = foldAligned(text)): PhraseHit<T>[] {
    const re = this.pattern();
    re.lastIndex = 0;
    const hits: PhraseHit<T>[] = [];
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      const key = m[0].replace(/\s+/g, " ");
      const entry = this.byFolded.get(key);
      const original = text.slice(m.index, m.index + m[0].length);
      if (!entry) continue;
      if (!this.accepts(entry, key, original)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      hits.push({ index: m.index, length: m[0].length, text: original, values: entry.values });
    }
    return hits;
  }

  /** The hit that starts exactly at `at` (after spaces), if any. */
  at(text: string, at: number, folded = foldAligned(text)): PhraseHit<T> | null {
    let start = at;
    while (start < text.length && text[start] === " ") start++;
    const re = this.pattern();
    const sticky = new RegExp(re.source, "uy");
    sticky.lastIndex = start;
    const m = sticky.exec(folded);
    if (!m) return null;
    const entry = this.byFolded.get(m[0].replace(/\s+/g, " "));
    const original = text.slice(start, start + m[0].length);
    if (!entry) return null;
    if (!this.accepts(entry, m[0].replace(/\s+/g, " "), original)) return null;
    return { index: start, length: m[0].length, text: original, values: entry.values };
  }
}
