// Console start-up: tabs, personas, the compare switch and logout.
import { api } from "./api.js";
import { el } from "./dom.js";
import { refreshHandoffs } from "./handoffs.js";
import { refreshMetrics } from "./metrics.js";
import { Pane } from "./pane.js";

const template = document.getElementById("pane-template");
const panesBox = document.getElementById("panes");
const compare = document.getElementById("compare");

function crossMark() {
  const second = compare.checked ? paneB : null;
  paneA.markAgainst(second, "B");
  if (second) paneB.markAgainst(paneA, "A");
}

const hooks = { onRanked: crossMark, onLabelled: () => refreshMetrics() };
const paneA = new Pane(template, "Configuration A", hooks);
const paneB = new Pane(template, "Configuration B", hooks);
panesBox.append(paneA.root);

compare.addEventListener("change", () => {
  if (compare.checked) {
    paneB.setProfile(paneA.profile(), [...paneA.disabled]);
    panesBox.append(paneB.root);
    panesBox.classList.add("two");
    paneB.rank();
  } else {
    paneB.root.remove();
    panesBox.classList.remove("two");
  }
  crossMark();
});

async function loadPersonas() {
  const { personas } = await api("personas");
  document.getElementById("personas").replaceChildren(
    ...personas.map((persona) =>
      el("button", {
        type: "button",
        class: "persona",
        dataset: { persona: persona.id },
        text: persona.label,
        onclick: () => {
          paneA.setProfile(persona.profile);
          paneA.rank();
          if (compare.checked) {
            paneB.setProfile(persona.profile);
            paneB.rank();
          }
        },
      }),
    ),
  );
}

for (const tab of document.querySelectorAll("[role=tab]")) {
  tab.addEventListener("click", () => {
    for (const other of document.querySelectorAll("[role=tab]")) {
      const chosen = other === tab;
      other.setAttribute("aria-selected", String(chosen));
      document.getElementById(`tab-${other.dataset.tab}`).hidden = !chosen;
    }
    if (tab.dataset.tab === "handoffs") refreshHandoffs();
  });
}

document.getElementById("logout").addEventListener("click", async () => {
  await fetch("/console/logout", { method: "POST", credentials: "same-origin" });
  window.location.assign("/console");
});

async function start() {
  const status = await (await fetch("/console/auth/status", { credentials: "same-origin" })).json();
  document.getElementById("advisor-name").textContent = status.advisor || "";
  await Promise.all([loadPersonas(), refreshMetrics(), refreshHandoffs()]);
}

start();
