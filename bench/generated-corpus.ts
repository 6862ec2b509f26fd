// A benchmark corpus made from a seed: articles in the style of the press
// reports the importer reads, with officials, countries, ministries, dates and
// outlets drawn from the gazetteer, so that resolution has real work (the
// same official under several reports, the same event told by two outlets,
// many distinct events). The sentences are the benchmark's own templates.
// The same seed and count give the same files.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seeded } from "../tests/helpers/random.ts";

interface Person {
  name: string;
  country: string;
}
interface Ministry {
  country: string;
  vi: string;
}

const GAZ = path.resolve(import.meta.dirname, "../data/gazetteer");
const read = <T>(file: string) => JSON.parse(fs.readFileSync(path.join(GAZ, file), "utf8")) as T;


const VN_RANKS = ["Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng"];
const VN_OFFICES = ["Bộ trưởng Bộ Công an", "Thứ trưởng Bộ Công an"];
const FOREIGN_OFFICES = ["Bộ trưởng", "Thứ trưởng", "Cục trưởng", "Tổng Cục trưởng"];
// Latin given and family names, combined into foreign officials no gazetteer knows.
const GIVEN = ["Anton", "Boris", "Carlos", "David", "Erik", "Felipe", "Hans", "Ivan", "Jorge", "Karl", "Luis", "Marco", "Nikolai", "Oscar", "Pavel", "Ramon", "Sergei", "Tomas", "Viktor", "Walter"];
const FAMILY = ["Alvarez", "Bauer", "Castro", "Dietrich", "Estrada", "Fischer", "Garcia", "Horvath", "Ivanov", "Jensen", "Kovacs", "Lindqvist", "Morales", "Novak", "Petrov", "Quintero", "Romanov", "Schmidt", "Torres", "Volkov"];
const VN_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"];
const VN_MIDDLE = ["Văn", "Minh", "Quốc", "Đức", "Hữu", "Thanh", "Công", "Xuân"];
const VN_GIVEN = ["Hùng", "Dũng", "Sơn", "Tuấn", "Thắng", "Long", "Hải", "Phong", "Quang", "Bình", "Trung", "Khánh"];
const TOPICS = [
  "phòng, chống tội phạm ma túy",
  "phòng, chống tội phạm công nghệ cao",
  "phòng, chống khủng bố",
  "phòng, chống mua bán người",
  "đào tạo cán bộ",
  "trao đổi thông tin",
  "bảo vệ an ninh mạng",
  "quản lý xuất nhập cảnh",
  "tương trợ tư pháp về hình sự",
];
const FILLER = [
  "Hai bên đánh giá cao kết quả hợp tác giữa lực lượng chức năng hai nước trong thời gian qua.",
  "Hai bên nhất trí tiếp tục duy trì cơ chế trao đổi đoàn các cấp và tăng cường phối hợp trên các diễn đàn đa phương.",
  "Lãnh đạo hai Bộ khẳng định quan hệ hợp tác đã đi vào chiều sâu, thực chất và hiệu quả.",
  "Phía bạn cảm ơn sự đón tiếp trọng thị và chu đáo mà phía Việt Nam dành cho đoàn.",
  "Hai bên thống nhất sẽ phối hợp chặt chẽ trong việc bảo vệ an toàn công dân của mỗi nước.",
  "Các đơn vị chức năng của hai Bộ sẽ xây dựng kế hoạch cụ thể để triển khai những nội dung đã thống nhất.",
  "Đây là dịp để hai bên rà soát lại những việc đã làm được và bàn biện pháp khắc phục những hạn chế.",
  "Kết thúc buổi làm việc, hai bên đã trao quà lưu niệm và chụp ảnh chung.",
  "Lực lượng chức năng hai nước đã phối hợp điều tra, làm rõ nhiều vụ án có yếu tố nước ngoài.",
  "Hai bên cũng trao đổi kinh nghiệm về công tác bảo đảm an ninh, trật tự tại các sự kiện quốc tế lớn.",
];

export interface GeneratedCorpus {
  dir: string;
  files: number;
  bytes: number;
}

/** Writes `n` articles into a fresh temporary folder (00000.txt, 00001.txt, …). */
export function generateCorpus(n: number, seed = 20261201): GeneratedCorpus {
  const rnd = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const officials = read<{ officials: { name: string; country?: string | null }[] }>("officials.json").officials;
  const countries = new Map(read<{ countries: { code: string; vi: string }[] }>("countries.json").countries.map((c) => [c.code.toUpperCase(), c.vi]));
  const ministries = read<{ ministries: { country: string; vi: string }[] }>("ministries.json").ministries
    .map((m): Ministry => ({ country: m.country.toUpperCase(), vi: m.vi }))
    .filter((m) => m.country !== "VN" && countries.has(m.country));
  const outlets = read<{ outlets: { datelines: string[] }[] }>("page.json").outlets.flatMap((o) => o.datelines.slice(0, 1));
  const known: Person[] = officials.filter((o) => o.country && o.country.toUpperCase() !== "VN").map((o) => ({ name: o.name, country: o.country!.toUpperCase() }));
  const vnKnown = officials.filter((o) => o.country?.toUpperCase() === "VN").map((o) => o.name);

  // A pool of people that grows with the corpus, so that most are seen several times.
  const foreignPool: Person[] = [];
  const vnPool: string[] = [...vnKnown];
  const foreignFor = (country: string): Person => {
    const same = foreignPool.filter((p) => p.country === country);
    if (same.length && rnd() < 0.7) return pick(same);
    const fromGazetteer = known.filter((p) => p.country === country);
    const p = fromGazetteer.length && rnd() < 0.3 ? pick(fromGazetteer) : { name: `${pick(GIVEN)} ${pick(FAMILY)}`, country };
    foreignPool.push(p);
    return p;
  };
  const vnPerson = () => {
    if (rnd() < 0.2) vnPool.push(`${pick(VN_FAMILY)} ${pick(VN_MIDDLE)} ${pick(VN_GIVEN)}`);
    return pick(vnPool);
  };

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoptac-bench-"));
  let bytes = 0;
  const told: string[][] = [];
  for (let i = 0; i < n; i++) {
    let paragraphs: string[];
    // One article in six retells an earlier event in other words, as another outlet would.
    const earlier = told.length && rnd() < 1 / 6 ? pick(told) : null;
    if (earlier) paragraphs = [pick(outlets) + " - " + earlier[0]!, ...earlier.slice(1).reverse()];
    else {
      const m = pick(ministries);
      const country = countries.get(m.country)!;
      const guest = foreignFor(m.country);
      const host = vnPerson();
      const year = 2005 + Math.floor(rnd() * 21);
      const month = 1 + Math.floor(rnd() * 12);
      const day = 1 + Math.floor(rnd() * 28);
      const rank = pick(VN_RANKS);
      const office = pick(VN_OFFICES);
      const foreignOffice = `${pick(FOREIGN_OFFICES)} ${m.vi}${m.vi.includes(country) ? "" : ` ${country}`}`;
      const topic = pick(TOPICS);
      const kind = rnd();
      let lead: string;
      if (kind < 0.35) lead = `Ngày ${day}/${month}/${year}, tại Hà Nội, ${rank} ${host}, ${office} đã tiếp ${foreignOffice} ${guest.name} đang thăm và làm việc tại Việt Nam.`;
      else if (kind < 0.65) lead = `Sáng ${day}/${month}/${year}, tại trụ sở Bộ Công an, ${rank} ${host}, ${office} đã hội đàm với ${foreignOffice} ${guest.name}.`;
      else if (kind < 0.85) lead = `Trong khuôn khổ chuyến thăm chính thức ${country} từ ngày ${day}/${month}/${year}, ${rank} ${host}, ${office} đã hội đàm với ${foreignOffice} ${guest.name}.`;
      else lead = `Chiều ${day}/${month}/${year}, tại Hà Nội, ${rank} ${host}, ${office} và ${foreignOffice} ${guest.name} đã ký Bản ghi nhớ về hợp tác ${topic}.`;
      const body = [
        lead,
        `Tại buổi làm việc, hai bên đã trao đổi về tình hình hợp tác trong lĩnh vực ${topic} và ${pick(TOPICS)}.`,
        ...Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => `${pick(FILLER)} ${pick(FILLER)}`),
        `${rank} ${host} đề nghị hai bên tiếp tục phối hợp chặt chẽ trong ${pick(TOPICS)}, góp phần vào quan hệ hữu nghị giữa Việt Nam và ${country}.`,
      ];
      told.push(body);
      if (told.length > 500) told.shift();
      const title = `${office} tiếp ${foreignOffice}`;
      paragraphs = [title, `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`, `${pick(outlets)} - ${body[0]}`, ...body.slice(1)];
    }
    const text = paragraphs.join("\n\n") + "\n";
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(dir, `${String(i).padStart(6, "0")}.txt`), text);
  }
  return { dir, files: n, bytes };
}
