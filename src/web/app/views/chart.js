// The chart of a country's events per year, stacked by type (ECharts, SVG, so
// that it stays sharp and its numbers are in the page), with the same numbers
// as a table underneath for screen readers and for copying.
import * as echarts from "/vendor/echarts.esm.min.mjs";
import { h } from "../dom.js";
import { t } from "../i18n.js";

const COLORS = ["#1f4e79", "#c0504d", "#9bbb59", "#8064a2", "#f79646", "#4bacc6", "#7f7f7f", "#d4a017"];

/**
 * timeline: GET /v1/countries/{code}/timeline's data and meta; typeLabel(code)
 * names a type. Returns the element and a hook to run once it is in the page.
 */
export function yearChart(timeline, typeLabel) {
  const types = timeline.meta.types.filter((type) => timeline.data.some((y) => y.by_type[type] > 0));
  const el = h("div", { class: "chart", role: "img", "aria-label": t("country.chart") });
  const table = h(
    "table",
    { class: "chart-table" },
    h("thead", {}, h("tr", {}, h("th", {}, t("year")), types.map((type) => h("th", { dataset: { type } }, typeLabel(type))), h("th", {}, t("total")))),
    h(
      "tbody",
      {},
      timeline.data.map((y) => h("tr", { dataset: { year: y.year } }, h("th", {}, y.year), types.map((type) => h("td", { dataset: { type } }, y.by_type[type])), h("td", { class: "total" }, y.total))),
    ),
  );
  const mount = () => {
    const chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      color: COLORS,
      grid: { left: 36, right: 12, top: 40, bottom: 28 },
      legend: { top: 0, type: "scroll" },
      tooltip: { trigger: "axis", renderMode: "richText" },
      xAxis: { type: "category", data: timeline.data.map((y) => String(y.year)) },
      yAxis: { type: "value", minInterval: 1 },
      series: types.map((type) => ({
        name: typeLabel(type),
        type: "bar",
        stack: "events",
        data: timeline.data.map((y) => y.by_type[type]),
        label: { show: true, formatter: (p) => (p.value ? String(p.value) : "") },
      })),
    });
    new ResizeObserver(() => chart.resize()).observe(el);
  };
  const details = h("details", {}, h("summary", {}, t("year"), " × ", t("filter.type")), table);
  return { element: h("div", {}, el, details), mount };
}
