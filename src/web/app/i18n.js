// Interface labels in Vietnamese and English. The data's own labels (event
// types, country names) come from the API in both languages.
const LABELS = {
  vi: {
    "search.placeholder": "Tìm quan chức, bộ, quốc gia, sự kiện, thỏa thuận…",
    "search.button": "Tìm",
    "nav.network": "Mạng lưới",
    "nav.api": "API",
    footer: "hoptac — cơ sở tri thức mở về hợp tác quốc tế của Bộ Công an Việt Nam, mỗi dữ kiện kèm bài báo và câu trích dẫn.",
    "home.title": "Hợp tác quốc tế về an ninh của Việt Nam",
    "home.intro": "Các quan chức, bộ ngành, sự kiện và thỏa thuận mà báo chí Việt Nam đưa tin, mỗi dữ kiện dẫn về bài báo gốc.",
    "home.countries": "Các quốc gia có nhiều sự kiện nhất",
    "search.title": "Kết quả tìm kiếm",
    "search.none": "Không tìm thấy kết quả.",
    "kind.official": "Quan chức",
    "kind.ministry": "Bộ, cơ quan",
    "kind.country": "Quốc gia",
    "kind.event": "Sự kiện",
    "kind.agreement": "Thỏa thuận",
    "country.chart": "Sự kiện theo năm và loại",
    "country.undated": "sự kiện chưa rõ năm, không có trong biểu đồ",
    "country.ministries": "Bộ, cơ quan đối tác",
    "country.agreements": "Thỏa thuận",
    "country.events": "Sự kiện",
    "country.network": "Mạng lưới gặp gỡ",
    "filter.type": "Loại",
    "filter.any": "Tất cả",
    "filter.topic": "Chủ đề",
    "filter.from": "Từ",
    "filter.to": "Đến",
    "filter.apply": "Lọc",
    "filter.clear": "Bỏ lọc",
    "page.prev": "← Trang trước",
    "page.next": "Trang sau →",
    "page.count": "{count} sự kiện",
    "event.dates": "Thời gian",
    "event.inferred": "suy ra",
    "event.stated": "nêu trong bài",
    "event.undated": "chưa rõ ngày",
    "event.place": "Địa điểm",
    "event.countries": "Quốc gia",
    "event.participants": "Người tham gia",
    "event.ministries": "Bộ, cơ quan",
    "event.agreements": "Thỏa thuận",
    "event.sources": "Nguồn",
    "event.topics": "Chủ đề",
    "event.mechanism": "Cơ chế",
    "role.host": "chủ trì",
    "role.head_of_delegation": "trưởng đoàn",
    "role.attendee": "tham dự",
    "official.timeline": "Cấp bậc và chức vụ theo từng bài báo",
    "official.events": "Sự kiện",
    "official.country": "Quốc gia",
    "official.aliases": "Tên khác",
    "official.undated": "không rõ ngày",
    "article.evidence": "Câu trích dẫn",
    "article.text": "Nội dung bài báo",
    "article.published": "Ngày đăng",
    "article.open": "Bài gốc",
    "article.facts": "Dữ kiện đọc từ bài",
    "network.title": "Ai gặp ai",
    "network.mode": "Mạng lưới của",
    "network.officials": "Quan chức",
    "network.ministries": "Bộ, cơ quan",
    "network.country": "Quốc gia",
    "network.all": "Tất cả",
    "network.summary": "{nodes} nút, {edges} liên kết, từ {events} sự kiện",
    "network.hint": "Hai nút nối với nhau khi cùng tham gia một sự kiện; nét càng đậm, càng nhiều sự kiện chung.",
    "network.empty": "Không có sự kiện nào có từ hai bên trở lên với bộ lọc này.",
    "network.table": "Các cặp gặp nhau nhiều nhất",
    "error.title": "Không tải được dữ liệu",
    loading: "Đang tải…",
    none: "Không có.",
    year: "Năm",
    total: "Tổng",
  },
  en: {
    "search.placeholder": "Search officials, ministries, countries, events, agreements…",
    "search.button": "Search",
    "nav.network": "Network",
    "nav.api": "API",
    footer: "hoptac — an open knowledge base of the international cooperation of Việt Nam's Ministry of Public Security, every fact with its article and sentence.",
    "home.title": "Việt Nam's security diplomacy",
    "home.intro": "The officials, ministries, events and agreements the Vietnamese press reports, each fact linked to its source article.",
    "home.countries": "Countries with the most events",
    "search.title": "Search results",
    "search.none": "Nothing found.",
    "kind.official": "Official",
    "kind.ministry": "Ministry",
    "kind.country": "Country",
    "kind.event": "Event",
    "kind.agreement": "Agreement",
    "country.chart": "Events per year, by type",
    "country.undated": "events whose year is unknown, not in the chart",
    "country.ministries": "Partner ministries",
    "country.agreements": "Agreements",
    "country.events": "Events",
    "country.network": "Who met whom",
    "filter.type": "Type",
    "filter.any": "Any",
    "filter.topic": "Topic",
    "filter.from": "From",
    "filter.to": "To",
    "filter.apply": "Filter",
    "filter.clear": "Clear",
    "page.prev": "← Previous",
    "page.next": "Next →",
    "page.count": "{count} events",
    "event.dates": "Dates",
    "event.inferred": "inferred",
    "event.stated": "as stated",
    "event.undated": "date unknown",
    "event.place": "Place",
    "event.countries": "Countries",
    "event.participants": "Participants",
    "event.ministries": "Ministries",
    "event.agreements": "Agreements",
    "event.sources": "Sources",
    "event.topics": "Topics",
    "event.mechanism": "Mechanism",
    "role.host": "host",
    "role.head_of_delegation": "head of delegation",
    "role.attendee": "attendee",
    "official.timeline": "Ranks and offices, as each article reported them",
    "official.events": "Events",
    "official.country": "Country",
    "official.aliases": "Also written",
    "official.undated": "undated",
    "article.evidence": "Evidence",
    "article.text": "Article text",
    "article.published": "Published",
    "article.open": "Original article",
    "article.facts": "Facts read from it",
    "network.title": "Who met whom",
    "network.mode": "Network of",
    "network.officials": "Officials",
    "network.ministries": "Ministries",
    "network.country": "Country",
    "network.all": "All",
    "network.summary": "{nodes} nodes, {edges} links, from {events} events",
    "network.hint": "Two nodes are linked when they took part in the same event; the thicker the line, the more events they share.",
    "network.empty": "No event with two or more parties matches these filters.",
    "network.table": "Pairs that met most often",
    "error.title": "The data could not be loaded",
    loading: "Loading…",
    none: "None.",
    year: "Year",
    total: "Total",
  },
};

export const LANGS = ["vi", "en"];

let current = "vi";

export function setLang(lang) {
  current = LANGS.includes(lang) ? lang : "vi";
  document.documentElement.lang = current;
}

export function lang() {
  return current;
}

/** The interface label `key`, with {name} placeholders filled from `vars`. */
export function t(key, vars = {}) {
  const text = LABELS[current][key] ?? LABELS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}

/** A {vi, en} label from the API, in the current language. */
export function label(pair) {
  if (!pair) return "";
  return pair[current] ?? pair.vi ?? pair.en ?? "";
}

/** A name the API gives as name_vi / name_en. */
export function nameOf(thing) {
  if (!thing) return "";
  return (current === "en" ? thing.name_en : thing.name_vi) || thing.name_vi || thing.name_en || thing.name || "";
}

/** Fills the static page's data-i18n elements. */
export function translatePage(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
}
