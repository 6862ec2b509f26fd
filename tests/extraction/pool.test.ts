// The extraction worker pool: the same reading as in the calling thread, input
// errors that keep their reason across the threads, and the size limit.
import { afterAll, describe, expect, it } from "vitest";
import { ExtractionPool } from "../../src/extraction/pool.ts";
import { extractRecord, InputError } from "../../src/import/extract.ts";
import { SHORT_TEXT, longArticleText } from "../helpers/articles.ts";

const pool = new ExtractionPool({ threads: 2, maxChars: 5_000 });
afterAll(() => pool.close());

const RECORD = { url: "https://example.org/tin/hop-tac", title: "Hợp tác Việt Nam - Cuba", published_at: "2025-08-16", text: SHORT_TEXT };

describe("ExtractionPool", () => {
  it("reads a record as the calling thread does", async () => {
    const here = extractRecord(RECORD);
    const there = await pool.extractRecord(RECORD);
    expect(there).toEqual(here);
    expect(there.extraction.events.length).toBeGreaterThan(0);
  });

  it("reads a reader's article", async () => {
    const raw = { source: "a/b.txt", file: "b.txt", url: null, title: null, publishedAt: "2025-08-16", text: SHORT_TEXT, format: "text" as const };
    const out = await pool.extract(raw, "a");
    expect(out.sourceKey).toBe("b.txt");
    expect(out.extraction.officials.map((o) => o.name)).toContain("Lương Tam Quang");
  });

  it("rejects an unusable input with InputError and its reason", async () => {
    await expect(pool.extractRecord({ text: "Hello, this is not Vietnamese at all." })).rejects.toMatchObject({ name: "InputError", reason: "not Vietnamese text" });
    await expect(pool.extractRecord({ title: "x" })).rejects.toBeInstanceOf(InputError);
  });

  it("refuses text and html over its limit", async () => {
    await expect(pool.extractRecord({ text: longArticleText(5_001) })).rejects.toMatchObject({ reason: expect.stringMatching(/^too long: \d+ characters of text, more than the limit of 5000/) });
    await expect(pool.extractRecord({ html: `<p>${"a ".repeat(25_001)}</p>` })).rejects.toMatchObject({ reason: expect.stringMatching(/^too long: \d+ characters of html/) });
    await expect(pool.extractRecord({ text: longArticleText(4_000) })).resolves.toMatchObject({ sourceKey: expect.stringMatching(/^sha256:/) });
  });

  it("takes several articles at once, each answered with its own", async () => {
    const urls = Array.from({ length: 6 }, (_, i) => `https://example.org/tin/${i}`);
    const out = await Promise.all(urls.map((url) => pool.extractRecord({ ...RECORD, url })));
    expect(out.map((p) => p.sourceKey)).toEqual(urls);
  });
});
