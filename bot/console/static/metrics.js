// The metrics sidebar: chart, means and per-query figures, refreshed after each label.
import { api } from "./api.js";
import { drawChart } from "./chart.js";
import { el, fixed } from "./dom.js";

const chart = document.getElementById("metrics-chart");
const summary = document.getElementById("metrics-summary");
const tableBody = document.querySelector("#metrics-table tbody");
const kSelect = document.getElementById("metrics-k");

export async function refreshMetrics() {
  const data = await api(`metrics?k=${encodeURIComponent(kSelect.value)}`);
  drawChart(chart, data.history);
  const mean = data.mean;
  summary.textContent = mean.queries
    ? `${mean.queries} labelled quer${mean.queries === 1 ? "y" : "ies"}, ${mean.labels} labels: ` +
      `mean nDCG@${data.k} ${fixed(mean.ndcg)}, mean precision@${data.k} ${fixed(mean.precision)}`
    : "Label results (relevant / partly / not) to measure the ranking.";
  tableBody.replaceChildren(
    ...data.queries.map((query) =>
      el("tr", { title: query.query_id },
        el("td", { text: query.query_text }),
        el("td", { text: fixed(query.ndcg) }),
        el("td", { text: fixed(query.precision) }),
        el("td", { text: `${query.labelled}/${query.labels}`, title: "in top k / all labels" }),
      ),
    ),
  );
}

kSelect.addEventListener("change", refreshMetrics);
