// The hand-over queue: who is waiting, what they said, replying and handing them back.
import { api } from "./api.js";
import { el } from "./dom.js";

const LIST_REFRESH_MS = 15000;
const CONVERSATION_REFRESH_MS = 5000;

const list = document.getElementById("handoff-list");
const count = document.getElementById("handoff-count");
const detail = document.getElementById("handoff-detail");
const title = document.getElementById("handoff-title");
const profileList = document.getElementById("handoff-profile");
const conversation = document.getElementById("handoff-conversation");
const pausedNote = document.getElementById("handoff-paused");
const replyForm = document.getElementById("reply-form");
const resumeButton = document.getElementById("resume");
const errorLine = document.getElementById("handoff-error");

let selected = null;
let handoffs = [];

function when(iso) {
  return new Date(iso).toLocaleString();
}

export async function refreshHandoffs() {
  try {
    handoffs = (await api("handoffs")).handoffs;
  } catch (error) {
    list.replaceChildren(el("li", { class: "error", text: error.message }));
    return;
  }
  count.textContent = String(handoffs.length);
  count.classList.toggle("waiting", handoffs.length > 0);
  if (!handoffs.length) {
    list.replaceChildren(el("li", { class: "hint", text: "Nobody is waiting." }));
  } else {
    list.replaceChildren(
      ...handoffs.map((handoff) =>
        el("li", {},
          el("button", {
            type: "button",
            class: handoff.id === selected?.id ? "handoff selected" : "handoff",
            onclick: () => select(handoff),
          },
            el("strong", { text: handoff.profile.goal || "(no goal given yet)" }),
            el("span", { class: "hint", text: ` · asked ${when(handoff.requested_iso)} · ${handoff.sender_id}` }),
          ),
        ),
      ),
    );
  }
  if (selected && !handoffs.some((h) => h.id === selected.id)) {
    selected = null;
    detail.hidden = true;
  }
}

function select(handoff) {
  selected = handoff;
  detail.hidden = false;
  errorLine.textContent = "";
  title.textContent = `Request ${handoff.id} · ${handoff.sender_id}`;
  profileList.replaceChildren(...handoff.profile_summary.map((line) => el("li", { text: line })));
  renderMessages(handoff.transcript, null);
  refreshConversation();
  refreshHandoffs();
}

function renderMessages(messages, paused) {
  conversation.replaceChildren(
    ...messages.map((message) =>
      el("li", { class: `message from-${message.from}` },
        el("span", { class: "speaker", text: message.from }), message.text),
    ),
  );
  pausedNote.textContent =
    paused === null ? "Transcript at the time of the request (loading the live conversation…)"
      : paused ? "The bot is paused: only you are answering." : "The bot is answering this learner.";
}

async function refreshConversation() {
  if (!selected) return;
  const id = selected.id;
  try {
    const data = await api(`handoffs/${id}/conversation`);
    if (selected?.id === id) renderMessages(data.messages, data.paused);
  } catch (error) {
    if (selected?.id !== id) return;
    errorLine.textContent = error.message;
    pausedNote.textContent = "Transcript at the time of the request (the live conversation is unavailable).";
  }
}

replyForm.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (!selected) return;
  errorLine.textContent = "";
  const text = replyForm.elements.text.value.trim();
  if (!text) return;
  try {
    await api(`handoffs/${selected.id}/reply`, { method: "POST", body: { text } });
    replyForm.elements.text.value = "";
    refreshConversation();
  } catch (error) {
    errorLine.textContent = error.message;
  }
});

resumeButton.addEventListener("click", async () => {
  if (!selected) return;
  errorLine.textContent = "";
  try {
    await api(`handoffs/${selected.id}/resume`, { method: "POST", body: { announce: true } });
    selected = null;
    detail.hidden = true;
    refreshHandoffs();
  } catch (error) {
    errorLine.textContent = error.message;
  }
});

// Poll only while the page is visible: an idle tab should cost the server nothing.
setInterval(() => {
  if (document.visibilityState === "visible") refreshHandoffs();
}, LIST_REFRESH_MS);
setInterval(() => {
  if (document.visibilityState === "visible" && !detail.hidden) refreshConversation();
}, CONVERSATION_REFRESH_MS);
