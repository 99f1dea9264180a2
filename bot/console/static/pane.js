// One configuration: a profile form, the filters it implies, and the ranking it gets.
import { api } from "./api.js";
import { el, fixed, safeUrl } from "./dom.js";

const NUMBER_FIELDS = ["hours_per_week", "deadline_weeks", "budget_max"];
const TEXT_FIELDS = ["goal", "background", "location", "mode", "pace", "credit"];
const GRADES = [
  { grade: 2, label: "Relevant" },
  { grade: 1, label: "Partly" },
  { grade: 0, label: "Not" },
];
const DEBOUNCE_MS = 500;

export class Pane {
  constructor(template, title, { onLabelled, onRanked }) {
    this.root = template.content.firstElementChild.cloneNode(true);
    this.root.querySelector(".pane-title").textContent = title;
    this.form = this.root.querySelector("form.profile");
    this.filtersBox = this.root.querySelector(".filters");
    this.understood = this.root.querySelector(".understood");
    this.status = this.root.querySelector(".status");
    this.list = this.root.querySelector(".results");
    this.disabled = new Set();
    this.data = null;
    this.labels = {};
    this.sequence = 0;
    this.timer = null;
    this.onLabelled = onLabelled;
    this.onRanked = onRanked;
    this.form.addEventListener("input", () => this.schedule());
    this.form.addEventListener("change", () => this.schedule());
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.rank();
    });
  }

  profile() {
    const profile = {};
    for (const name of TEXT_FIELDS) {
      const value = this.form.elements[name].value.trim();
      if (value) profile[name] = value;
    }
    for (const name of NUMBER_FIELDS) {
      const value = this.form.elements[name].value;
      if (value !== "") profile[name] = Number(value);
    }
    profile.free_only = this.form.elements.free_only.checked;
    return profile;
  }

  setProfile(profile, disabled = []) {
    for (const name of [...TEXT_FIELDS, ...NUMBER_FIELDS]) {
      this.form.elements[name].value = profile[name] ?? "";
    }
    this.form.elements.free_only.checked = Boolean(profile.free_only);
    this.disabled = new Set(disabled);
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.rank(), DEBOUNCE_MS);
  }

  async rank() {
    clearTimeout(this.timer);
    const sequence = ++this.sequence;
    const body = { profile: this.profile(), disabled_filters: [...this.disabled], k: 10 };
    if (!body.profile.goal && !body.profile.background) {
      this.status.textContent = "Give a goal (or a background) to search for.";
      return;
    }
    this.status.textContent = this.data ? "Ranking…" : "Ranking… (the first search loads the index)";
    this.root.classList.add("busy");
    try {
      const data = await api("rank", { method: "POST", body });
      if (sequence !== this.sequence) return; // a newer request is on its way
      this.data = data;
      this.labels = data.labels;
      this.render();
      this.onRanked(this);
    } catch (error) {
      if (sequence === this.sequence) this.status.textContent = error.message;
    } finally {
      if (sequence === this.sequence) this.root.classList.remove("busy");
    }
  }

  render() {
    const data = this.data;
    this.renderFilters(data.filters);
    this.renderUnderstood(data);
    this.status.textContent =
      `${data.passing.toLocaleString()} of ${data.catalog_size.toLocaleString()} courses pass ` +
      `the filters · query ${data.query.id} · ${data.took_ms} ms`;
    this.list.replaceChildren(
      ...data.results.map((result) => this.renderResult(result)),
      // As in the chat: the courses that fit, then what binds, then the offers it names.
      ...(data.summary ? [el("li", { class: "shortfall notice", text: data.summary })] : []),
      ...data.offers.map((offer) => this.renderResult(offer, "offer")),
    );
  }

  renderFilters(filters) {
    if (!filters.length) {
      this.filtersBox.replaceChildren(el("p", { class: "hint", text: "No hard filters: every course is eligible." }));
      return;
    }
    this.filtersBox.replaceChildren(
      el("p", { class: "hint", text: "Filters applied (untick to see what a constraint costs):" }),
      ...filters.map((filter) =>
        el("label", { class: filter.active ? "chip" : "chip off", dataset: { filter: filter.name } },
          el("input", {
            type: "checkbox",
            checked: filter.active,
            onchange: (event) => {
              if (event.target.checked) this.disabled.delete(filter.name);
              else this.disabled.add(filter.name);
              this.rank();
            },
          }),
          el("strong", { text: `${filter.label}: ` }),
          filter.text,
        ),
      ),
    );
  }

  renderUnderstood(data) {
    const parts = [];
    if (data.occupation) {
      parts.push(el("p", {},
        "Occupation: ", el("strong", { text: data.occupation.title }),
        ` (O*NET ${data.occupation.code}, match ${fixed(data.occupation.score, 2)}` +
          (data.occupation.matched_title ? `, title “${data.occupation.matched_title}”)` : ")"),
      ));
      if (data.skills.length) {
        parts.push(el("p", { class: "skills" }, "Key skills: ",
          ...data.skills.map((skill) =>
            el("span", { class: "skill" }, skill.name,
              skill.in_demand ? el("span", { class: "flag demand", text: "in demand" }) : null,
              skill.hot ? el("span", { class: "flag hot", text: "hot" }) : null,
            ),
          ),
        ));
      }
    } else {
      parts.push(el("p", { class: "hint", text: "No occupation recognised in the goal." }));
    }
    if (data.budget_note) parts.push(el("p", { class: "notice", text: data.budget_note }));
    this.understood.replaceChildren(...parts);
  }

  renderResult(result, kind = "result") {
    const card = result.card;
    const url = safeUrl(card.url);
    const title = url
      ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer", text: card.title })
      : el("span", { text: card.title });
    const item = el("li", { class: kind, dataset: { course: result.course_id, key: result.label_key } },
      el("div", { class: "result-head" },
        el("span", { class: "rank", text: kind === "offer" ? `offer ${result.rank}` : `#${result.rank}` }),
        el("h3", {}, title),
        el("span", { class: "cross" }),
      ),
      el("p", { class: "provider", text: `${card.provider || "provider not stated"} · ${result.source}` }),
      el("div", { class: "scores" },
        scoreBar("score", result.score), scoreBar("dense", result.dense), scoreBar("lexical", result.lexical),
      ),
      el("p", { class: "why", text: card.why }),
      el("dl", { class: "facts" },
        fact("Cost", card.cost), fact("Mode", card.mode), fact("Pace", card.pace),
        fact("Length", card.total_hours), fact("Time", card.weeks), fact("Fit", card.fit_text),
        fact("Credential", card.credential),
        card.quality.length ? fact("Quality", card.quality.join(", ")) : null,
        card.skills_you_lack.length ? fact("Skills", card.skills_you_lack.join(", ")) : null,
      ),
      this.labelButtons(result),
    );
    return item;
  }

  labelButtons(result) {
    const current = this.labels[result.label_key];
    return el("div", { class: "label-buttons", role: "group", "aria-label": "Label this result" },
      ...GRADES.map(({ grade, label }) =>
        el("button", {
          type: "button",
          class: `grade grade-${grade}`,
          "aria-pressed": current === grade ? "true" : "false",
          dataset: { grade: String(grade) },
          text: label,
          onclick: () => this.label(result, grade),
        }),
      ),
    );
  }

  async label(result, grade) {
    const data = this.data;
    try {
      const response = await api("labels", {
        method: "POST",
        body: {
          query_text: data.query.text,
          filters: data.query.filters,
          ranking: data.results.map((r) => r.label_key),
          course_url: result.label_key,
          grade,
        },
      });
      if (this.data !== data) return;
      this.labels = response.labels;
      for (const item of this.list.children) {
        const key = item.dataset.key;
        for (const button of item.querySelectorAll("button.grade")) {
          button.setAttribute("aria-pressed", String(this.labels[key] === Number(button.dataset.grade)));
        }
      }
      this.onLabelled(this);
    } catch (error) {
      this.status.textContent = `Label not saved: ${error.message}`;
    }
  }

  // Mark each result with where the other configuration ranks the same course.
  markAgainst(other, otherName) {
    const ranks = new Map((other?.data?.results || []).map((r) => [r.course_id, r.rank]));
    for (const item of this.list.children) {
      const cross = item.querySelector(".cross");
      if (!cross) continue; // the shortfall line above the results
      if (!other) {
        cross.textContent = "";
        cross.className = "cross";
        continue;
      }
      const rank = ranks.get(item.dataset.course);
      cross.textContent = rank ? `${otherName} #${rank}` : `not in ${otherName}`;
      cross.className = rank ? "cross shared" : "cross only";
    }
  }
}

function scoreBar(name, value) {
  const bar = el("span", { class: "bar" });
  bar.style.width = `${Math.max(0, Math.min(1, value)) * 100}%`;
  return el("span", { class: `score ${name}`, title: `${name} ${fixed(value, 4)}` },
    el("span", { class: "score-name", text: name }),
    el("span", { class: "track" }, bar),
    el("span", { class: "score-value", text: fixed(value) }),
  );
}

function fact(term, value) {
  return el("div", {}, el("dt", { text: term }), el("dd", { text: value }));
}
