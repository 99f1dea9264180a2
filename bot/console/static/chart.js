// A small line chart of mean nDCG@k and precision@k as labels accumulate, drawn as SVG.
import { fixed, svg } from "./dom.js";

const WIDTH = 320;
const HEIGHT = 190;
const PAD = { left: 34, right: 10, top: 10, bottom: 28 };
const SERIES = [
  { key: "ndcg", label: "nDCG" },
  { key: "precision", label: "precision" },
];

export function drawChart(root, history) {
  root.replaceChildren();
  root.dataset.points = String(history.length);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const last = history.length ? history[history.length - 1].labels : 1;
  const x = (labels) => PAD.left + (last <= 1 ? plotW / 2 : ((labels - 1) / (last - 1)) * plotW);
  const y = (value) => PAD.top + (1 - value) * plotH;

  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    root.append(
      svg("line", { class: "grid", x1: PAD.left, x2: WIDTH - PAD.right, y1: y(tick), y2: y(tick) }),
      svg("text", { class: "tick", x: PAD.left - 4, y: y(tick) + 3, "text-anchor": "end" }),
    );
    root.lastChild.textContent = tick.toFixed(2);
  }
  const axisLabel = svg("text", {
    class: "tick", x: PAD.left + plotW / 2, y: HEIGHT - 6, "text-anchor": "middle",
  });
  axisLabel.textContent = history.length ? `labels given (${last})` : "no labels yet";
  root.append(axisLabel);

  for (const series of SERIES) {
    const points = history.filter((point) => point[series.key] !== null);
    if (points.length > 1) {
      root.append(svg("polyline", {
        class: `line ${series.key}`,
        points: points.map((p) => `${x(p.labels)},${y(p[series.key])}`).join(" "),
      }));
    }
    for (const point of points) {
      const dot = svg("circle", {
        class: `point point-${series.key}`,
        cx: x(point.labels), cy: y(point[series.key]), r: history.length > 60 ? 1.5 : 3,
      });
      const title = svg("title");
      title.textContent = `after ${point.labels} labels: mean ${series.label} ${fixed(point[series.key])}`;
      dot.append(title);
      root.append(dot);
    }
  }
}
