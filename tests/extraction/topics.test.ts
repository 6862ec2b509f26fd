// Topics belong to events, read from each event's own account: the sentence
// that names the activity and those that go on about it.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ArticleReader } from "../../src/extraction/assemble.ts";
import { loadGazetteer } from "../../src/extraction/gazetteer.ts";
import { isSkipped, readInputs } from "../../src/import/readers.ts";
import { extractArticle } from "../../src/import/run.ts";

const reader = new ArticleReader(loadGazetteer());
const DEV = path.resolve(fileURLToPath(new URL("../..", import.meta.url)), "../shared/corpus/dev");

describe("topics per event", () => {
  it("gives each event the topics of its own account, not the article's", () => {
    const x = reader.read(
      [
        "Sáng 9/5/2024, tại Hà Nội, Thượng tướng Lương Tam Quang, Bộ trưởng Bộ Công an đã tiếp Bộ trưởng Bộ Nội vụ Cuba Lázaro Alberto Álvarez Casas.",
        "Hai bên nhất trí tăng cường hợp tác phòng, chống ma túy và mua bán người.",
        "Chiều cùng ngày, hai Bộ trưởng đã ký Bản ghi nhớ về hợp tác an ninh mạng và phòng, chống tội phạm công nghệ cao.",
        "Văn kiện mở ra khuôn khổ trao đổi thông tin về không gian mạng.",
      ].join("\n\n"),
    );
    const reception = x.events.find((e) => e.type === "reception");
    const signing = x.events.find((e) => e.type === "signing");
    expect(reception?.topics).toEqual(["drugs", "human_trafficking"]);
    expect(signing?.topics).toEqual(["cyber_security", "high_tech_crime"]);
    // The article as a whole speaks of all of them.
    expect(x.topics).toEqual(expect.arrayContaining(["drugs", "human_trafficking", "cyber_security", "high_tech_crime"]));
  });

  it.skipIf(!existsSync(DEV))("keeps to a handful per event on the dev corpus: median at most 3, none over 6", async () => {
    const counts: number[] = [];
    for await (const r of readInputs([DEV])) {
      if (isSkipped(r)) continue;
      for (const e of extractArticle(r, DEV).extraction.events) counts.push(e.topics.length);
    }
    counts.sort((a, b) => a - b);
    expect(counts.length).toBeGreaterThan(100);
    expect(counts[Math.floor(counts.length / 2)]).toBeLessThanOrEqual(3);
    expect(Math.max(...counts)).toBeLessThanOrEqual(6);
  });
});
