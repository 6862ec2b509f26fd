import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { htmlToText, isSkipped, readInputs, recordToArticle } from "../../src/import/readers.ts";
import { looksVietnameseText } from "../../src/import/readers/text.ts";
import type { RawArticle, SkippedInput } from "../../src/import/types.ts";

const SEEDS = new URL("../../data/seeds/", import.meta.url);
const seedName = "000_5d531d129e3fa79b.txt";
const seed = fs.readFileSync(new URL(seedName, SEEDS), "utf8");

// Sentences from the seed articles.
const TITLE = "Tăng cường quan hệ hợp tác giữa Bộ Công an Việt Nam và Bộ Nội vụ Cuba";
const S1 =
  "Ngay sau lễ đón, Đoàn đại biểu cấp cao Bộ Công an Việt Nam và Đoàn đại biểu cấp cao Bộ Nội vụ Cộng hòa Cuba đã tiến hành hội đàm.";
const S2 =
  "Bộ trưởng Lương Tam Quang chia sẻ những khó khăn mà Cuba đang gặp phải; đồng thời bày tỏ tin tưởng, dưới sự lãnh đạo sáng suốt của Đảng Cộng sản Cuba, nhân dân Cuba nhất định sẽ vượt qua mọi khó khăn, thử thách.";
const S3 =
  "Ngay sau hội đàm, Bộ trưởng Lương Tam Quang và Bộ trưởng Lázaro Alberto Álvarez Casas đã chứng kiến Lễ ký Thỏa thuận hợp tác trong lĩnh vực an ninh mạng.";
const ENGLISH = "General To Lam, Minister of Public Security, received the Cuban delegation led by Minister Lázaro Alberto Álvarez Casas in Hà Nội.";

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A temporary folder holding the given files (nested paths allowed). */
function tempDir(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoptac-readers-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

async function read(paths: string[], stdin?: NodeJS.ReadableStream): Promise<(RawArticle | SkippedInput)[]> {
  const out: (RawArticle | SkippedInput)[] = [];
  for await (const x of readInputs(paths, { stdin })) out.push(x);
  return out;
}

function article(x: RawArticle | SkippedInput | undefined): RawArticle {
  if (!x || isSkipped(x)) throw new Error(`expected an article, got ${JSON.stringify(x)}`);
  return x;
}

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);

describe("text files", () => {
  it("reads a seed article as text, untouched", async () => {
    const dir = tempDir({ [seedName]: seed });
    const [a, ...rest] = await read([path.join(dir, seedName)]);
    expect(rest).toHaveLength(0);
    expect(article(a)).toEqual({
      source: path.join(dir, seedName),
      file: seedName,
      url: null,
      title: null,
      publishedAt: null,
      text: seed,
      format: "text",
    });
  });

  it("reads BOM, CRLF and NFD as the same text", async () => {
    const odd = "\uFEFF" + seed.normalize("NFD").replace(/\n/g, "\r\n");
    const dir = tempDir({ "a.txt": seed, "b.txt": odd });
    const [a, b] = await read([path.join(dir, "a.txt"), path.join(dir, "b.txt")]);
    expect(article(b).text).toBe(article(a).text);
    expect(article(b).text).toContain(TITLE);
  });

  it("reads UTF-16 with a BOM", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(S1, "utf16le")]);
    const dir = tempDir({ "win.txt": utf16 });
    expect(article((await read([path.join(dir, "win.txt")]))[0]).text).toBe(S1);
  });
});

describe("folders", () => {
  it("walks nested folders in path order, skipping bad files with their reason", async () => {
    const dir = tempDir({
      "a.txt": seed,
      "sub/b.txt": S1,
      "sub/deeper/c": S2,
      "sub/notes.md": S3,
      "sub/gold.json": '{"articles": []}',
      ".hidden/x.txt": S1,
      ".draft.txt": S1,
      "empty.txt": "  \n\n",
      "image.png": PNG,
      "random.txt": Uint8Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256),
      "english.txt": ENGLISH,
      "latin1.txt": Buffer.concat([Buffer.from(S1), Buffer.from([0xe0, 0x20, 0xe9, 0x20, 0xff])]),
    });
    const got = (await read([dir])).map((x) => [path.relative(dir, x.source), isSkipped(x) ? x.reason : x.format]);
    expect(got).toEqual([
      ["a.txt", "text"],
      ["empty.txt", "empty"],
      ["english.txt", "not Vietnamese text"],
      ["image.png", "binary file"],
      ["latin1.txt", "not valid UTF-8 text"],
      ["random.txt", "binary file"],
      ["sub/b.txt", "text"],
      ["sub/deeper/c", "text"],
      ["sub/notes.md", "text"],
    ]);
  });

  it("reports a missing path and goes on", async () => {
    const dir = tempDir({ "a.txt": S1 });
    const got = await read([path.join(dir, "missing.txt"), path.join(dir, "a.txt")]);
    expect(got[0]).toEqual({ source: path.join(dir, "missing.txt"), reason: "not found" });
    expect(article(got[1]).text).toBe(S1);
  });
});

describe("HTML", () => {
  const page = `<!DOCTYPE html>
<html lang="vi"><head>
  <meta charset="utf-8">
  <title>${TITLE} - ANTV</title>
  <meta property="og:title" content="${TITLE}">
  <meta property="article:published_time" content="2024-05-15T16:30:00+07:00">
  <link rel="canonical" href="https://antv.gov.vn/chinh-tri/tang-cuong-quan-he-hop-tac.html">
  <style>body { font-family: serif }</style>
  <script>window.dataLayer = [{ page: "Trang chủ" }];</script>
</head><body>
  <nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/su-kien">Sự kiện</a></li><li><a href="/chinh-tri">Chính trị</a></li></ul></nav>
  <main><article>
    <h1>${TITLE}</h1>
    <p>${S1}</p>
    <p>${S2}</p>
    <div class="caption"><figure><img src="a.jpg"><figcaption>Lễ ký Thỏa thuận hợp tác.</figcaption></figure></div>
    <p>${S3}<br>Bộ Công an Việt Nam</p>
  </article>
  <aside><h3>Tin liên quan</h3><ul><li><a href="/x">Bộ Công an tặng quà tết</a></li></ul></aside></main>
  <footer><p>Bản quyền thuộc Truyền hình Công an nhân dân. Hotline: 0692324026</p></footer>
  <script>trackPageView("Đường dây nóng");</script>
</body></html>`;

  it("keeps the article's paragraphs and meta, drops the site's chrome", async () => {
    const dir = tempDir({ "page.html": page });
    const a = article((await read([path.join(dir, "page.html")]))[0]);
    expect(a.format).toBe("html");
    expect(a.title).toBe(TITLE);
    expect(a.publishedAt).toBe("2024-05-15T16:30:00+07:00");
    expect(a.url).toBe("https://antv.gov.vn/chinh-tri/tang-cuong-quan-he-hop-tac.html");
    const paragraphs = a.text.split("\n\n");
    expect(paragraphs[0]).toBe(TITLE);
    expect(paragraphs).toEqual(expect.arrayContaining([S1, S2, S3, "Bộ Công an Việt Nam", "Lễ ký Thỏa thuận hợp tác."]));
    expect(paragraphs.indexOf(S1)).toBeLessThan(paragraphs.indexOf(S3));
    for (const chrome of ["Trang chủ", "Sự kiện", "Bản quyền", "Hotline", "Tin liên quan", "dataLayer", "trackPageView", "font-family"]) {
      expect(a.text).not.toContain(chrome);
    }
  });

  it("reads a fragment, its title and date from the first h1 and time", () => {
    const got = htmlToText(`<h1>${TITLE}</h1><time datetime="2024-05-15">15/5/2024</time><div>${S1}</div><div>${S2}<br/>${S3}</div>`);
    expect(got.title).toBe(TITLE);
    expect(got.publishedAt).toBe("2024-05-15");
    expect(got.url).toBeNull();
    expect(got.text.startsWith(TITLE)).toBe(true);
    expect(got.text.split(TITLE)).toHaveLength(2);
    expect(got.text).toContain(`${S1}\n\n${S2}\n\n${S3}`);
  });

  it("takes the date of the article's own <time>, not the header's", () => {
    const got = htmlToText(`<html><body><header><time datetime="2020-01-01">1/1/2020</time></header><article><h1>${TITLE}</h1><time datetime="2024-05-15">15/5/2024</time><p>${S1}</p><p>${S2}</p></article></body></html>`);
    expect(got.publishedAt).toBe("2024-05-15");
  });

  it("skips a page with no article text", async () => {
    const dir = tempDir({ "x.htm": "<html><body><nav>Trang chủ</nav><script>x()</script></body></html>" });
    expect(await read([path.join(dir, "x.htm")])).toEqual([{ source: path.join(dir, "x.htm"), reason: "no article text in the html" }]);
  });
});

describe("JSON records", () => {
  it("reads an array item by item; a record without text is skipped", async () => {
    const file = "articles.json";
    const dir = tempDir({
      [file]: JSON.stringify([
        { url: "https://example.vn/1", title: TITLE, published_at: "2024-05-15", text: `${S1}\n\n${S2}` },
        { url: "https://example.vn/2", title: "Không có nội dung", text: "   " },
      ]),
    });
    const p = path.join(dir, file);
    expect(await read([p])).toEqual([
      { source: `${p}[0]`, file, url: "https://example.vn/1", title: TITLE, publishedAt: "2024-05-15", text: `${S1}\n\n${S2}`, format: "json" },
      { source: `${p}[1]`, reason: "record has neither text nor html" },
    ]);
  });

  it("reads JSON Lines, skipping a malformed line and ignoring blank ones", async () => {
    const dir = tempDir({
      "feed.jsonl": [JSON.stringify({ text: S1 }), '{"text": "Bộ Công an', "", JSON.stringify({ title: TITLE, html: `<p>${S2}</p>` }), JSON.stringify({ text: ENGLISH })].join("\n"),
    });
    const p = path.join(dir, "feed.jsonl");
    const got = await read([p]);
    expect(got.map((x) => x.source)).toEqual([`${p}:1`, `${p}:2`, `${p}:4`, `${p}:5`]);
    expect(article(got[0]).text).toBe(S1);
    expect(got[1]).toEqual({ source: `${p}:2`, reason: "line 2: not valid JSON" });
    expect(article(got[2])).toMatchObject({ title: TITLE, text: `${TITLE}\n\n${S2}`, format: "jsonl", file: "feed.jsonl" });
    expect(got[3]).toEqual({ source: `${p}:5`, reason: "line 5: not Vietnamese text" });
  });

  it("prefers a record's text and fields over its html", () => {
    const html = `<html><head><title>Tiêu đề của trang</title><meta name="pubdate" content="2024-01-01"><meta property="og:url" content="https://example.vn/og"></head><body><p>${S3}</p></body></html>`;
    const a = recordToArticle({ title: TITLE, text: S1, html }, "post", null, "json");
    expect(a).toEqual({ source: "post", file: null, url: "https://example.vn/og", title: TITLE, publishedAt: "2024-01-01", text: S1, format: "json" });
  });

  it("names what is wrong with a bad record", () => {
    expect(recordToArticle([S1], "r", null, "json")).toEqual({ source: "r", reason: "record is not an object" });
    expect(recordToArticle("text", "r", null, "json")).toEqual({ source: "r", reason: "record is not an object" });
    expect(recordToArticle({ text: S1, title: 7 }, "r", null, "json")).toEqual({ source: "r", reason: 'record field "title" must be a string' });
    expect(recordToArticle({ title: TITLE, html: null }, "r", null, "json")).toEqual({ source: "r", reason: "record has neither text nor html" });
    expect(recordToArticle({ html: "<nav>Trang chủ</nav>" }, "r", null, "json")).toEqual({ source: "r", reason: "no article text in the html" });
  });

  it("reports a file that is not JSON", async () => {
    const dir = tempDir({ "bad.json": `[{"text": "${S1}"` });
    expect(await read([path.join(dir, "bad.json")])).toEqual([{ source: path.join(dir, "bad.json"), reason: "not valid JSON" }]);
  });
});

describe("stdin", () => {
  it("sniffs text, JSON, JSON Lines and HTML", async () => {
    const text = await read(["-"], Readable.from([seed.slice(0, 5000), seed.slice(5000)]));
    expect(article(text[0])).toMatchObject({ source: "stdin", file: null, format: "text", text: seed });

    const json = await read(["-"], Readable.from([JSON.stringify({ title: TITLE, text: S1 }, null, 2)]));
    expect(article(json[0])).toMatchObject({ source: "stdin", title: TITLE, text: S1, format: "json" });

    const jsonl = await read(["-"], Readable.from([`${JSON.stringify({ text: S1 })}\n${JSON.stringify({ text: S2 })}\n`]));
    expect(jsonl.map((x) => [x.source, article(x).format])).toEqual([
      ["stdin:1", "jsonl"],
      ["stdin:2", "jsonl"],
    ]);

    const html = await read(["-"], Readable.from([Buffer.from(`<!doctype html><html><body><p>${S1}</p></body></html>`)]));
    expect(article(html[0])).toMatchObject({ format: "html", text: S1 });

    expect(await read(["-"], Readable.from([]))).toEqual([{ source: "stdin", reason: "empty" }]);
  });
});

describe("Vietnamese check", () => {
  it("accepts every seed article and rejects English and French", () => {
    for (const name of fs.readdirSync(SEEDS).filter((n) => n.endsWith(".txt"))) {
      expect(looksVietnameseText(fs.readFileSync(new URL(name, SEEDS), "utf8")), name).toBe(true);
    }
    expect(looksVietnameseText(ENGLISH)).toBe(false);
    expect(looksVietnameseText("Le ministre de la Sécurité publique du Viêt Nam a reçu une délégation à Hà Nội.")).toBe(false);
  });
});
