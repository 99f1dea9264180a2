"""Whether the assistant understands what learners ask after the first course cards.

``eval/learner_questions.yml`` holds messages real learners send once courses are on
screen ("legit?", "is the first one doable with 2 kids and a night job", "1 vs 3?"),
written without reading the assistant's training data, each labelled with what it asks.
Every message is sent in a conversation of its own, right after a scripted interview
has brought three course cards; the tracker then says how the assistant took it (the
action that answered, and the request or intent behind it). A message is understood
when that handling is one the label accepts (:data:`ACCEPTED`).

``python -m bench questions`` starts the action server and Rasa on free ports (or uses
``--url``), prints the misses and writes ``bench/results/questions.json``.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped]  # PyYAML ships no stubs; none installed

from bench import bot_replies
from bench.conversations import DATA_ANALYST
from bench.rasa_target import rasa_parser, with_rasa
from bench.results_file import RESULTS_DIR, report
from bot.gateway import RasaGateway
from bot.gateway_sync import BlockingGateway

QUESTIONS_FILE = Path(__file__).resolve().parent.parent / "eval" / "learner_questions.yml"
RESULTS_FILE = RESULTS_DIR / "questions.json"

# How the assistant may handle each label and still have understood the learner.
ACCEPTED: dict[str, frozenset[str]] = {
    # "does any of these cover SQL?", "which one does the excel stuff?": which card covers
    # a skill of the goal, answered from each listing (the topic check).
    "skills": frozenset({"skills", "ask_topic"}),
    "worth": frozenset({"worth"}),
    "provider": frozenset({"provider", "course:licence"}),
    "fit": frozenset(
        {
            "fit",
            "course:fit",
            "course:schedule",
            "course:device",
            "course:distance",
            "duration",
            "course:length",
        }
    ),
    "duration": frozenset({"duration", "course:length", "course:fit"}),
    "credential": frozenset({"credential", "course:licence"}),
    "course_details": frozenset({"course_details", "course:*"}),
    "compare": frozenset({"compare"}),
    "why_this": frozenset({"why_this"}),
    "cheaper": frozenset({"refine", "change_answer"}),
    "shorter": frozenset({"refine", "change_answer"}),
    "only_online": frozenset({"refine", "change_answer"}),
    "only_self_paced": frozenset({"refine", "change_answer"}),
    "more_results": frozenset({"more_results"}),
    "new_goal": frozenset({"new_goal", "change_answer"}),  # "Updated. Goal: …"
    "not_interested": frozenset({"not_interested"}),
    "save_shortlist": frozenset({"save_shortlist"}),
    "human_handoff": frozenset({"human_handoff"}),
    "out_of_scope": frozenset({"out_of_scope"}),
}
# Actions whose name alone says how the message was taken.
_ACTION_HANDLING = {
    "action_course_details": "course_details",
    "action_compare_courses": "compare",
    "action_why_this": "why_this",
    "action_more_results": "more_results",
    "action_refine_results": "refine",
    "action_refine_goal": "new_goal",
    "action_not_interested": "not_interested",
    "action_save_shortlist": "save_shortlist",
    "action_handoff": "human_handoff",
    "action_change_answer": "change_answer",
    "utter_out_of_scope": "out_of_scope",
    "utter_out_of_scope_in_form": "out_of_scope",
    "action_default_fallback": "fallback",
    "utter_ask_rephrase": "fallback",
    "utter_default": "fallback",
    "action_start_interview": "new_goal",
}
_QUESTION_KINDS = {
    "ask_skills": "skills",
    "ask_worth": "worth",
    "ask_provider": "provider",
    "ask_duration": "duration",
    "ask_credential": "credential",
    "ask_fit": "fit",
}


@dataclass(frozen=True)
class LearnerQuestion:
    """One message and what it asks."""

    id: str
    asks: str
    text: str
    note: str = ""


@dataclass
class Handling:
    """How the assistant took one message."""

    question: LearnerQuestion
    handled_as: str
    intent: str
    actions: list[str]
    replies: list[str]

    @property
    def understood(self) -> bool:
        accepted = ACCEPTED[self.question.asks]
        if self.handled_as in accepted:
            return True
        return self.handled_as.startswith("course:") and "course:*" in accepted


def load_questions(path: Path = QUESTIONS_FILE) -> list[LearnerQuestion]:
    """The labelled messages; an unknown label is an error in the file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = [LearnerQuestion(**item) for item in data["questions"]]
    unknown = {q.asks for q in found} - set(ACCEPTED)
    if unknown:
        raise ValueError(f"{path}: unknown labels {sorted(unknown)}")
    return found


def _since_last_message(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for index in range(len(events) - 1, -1, -1):
        if events[index].get("event") == "user":
            return events[index:]
    return []


def handling_of(events: list[dict[str, Any]]) -> tuple[str, str, list[str]]:
    """(how the message was taken, the classifier's intent, the actions that ran) from the
    tracker events of its turn."""
    turn = _since_last_message(events)
    if not turn:
        return "nothing", "", []
    intent = str((turn[0].get("parse_data") or {}).get("intent", {}).get("name") or "")
    actions = [
        str(e.get("name"))
        for e in turn
        if e.get("event") == "action" and e.get("name") not in {"action_listen", None}
    ]
    request: dict[str, Any] = {}
    for event in turn:
        if event.get("event") == "slot" and event.get("name") == "follow_up":
            value = event.get("value")
            request = value if isinstance(value, dict) else {}
    for action in actions:
        if action == "action_answer_question":
            kind = str(request.get("kind") or intent)
            return _QUESTION_KINDS.get(kind, kind), intent, actions
        if action == "action_follow_up_request":
            kind = str(request.get("kind") or "")
            if kind == "ask_course":
                return f"course:{request.get('aspect')}", intent, actions
            return _QUESTION_KINDS.get(kind, kind or "follow_up"), intent, actions
        if action in _ACTION_HANDLING:
            return _ACTION_HANDLING[action], intent, actions
    return (actions[-1] if actions else "nothing"), intent, actions


def ask(rasa: BlockingGateway, question: LearnerQuestion) -> Handling:
    """A fresh learner reaches course cards, then sends the message."""
    sender = f"questions-{question.id}-{uuid.uuid4().hex[:8]}"
    shown = False
    for text in DATA_ANALYST:
        shown = bool(bot_replies.course_ids(rasa.turn(sender, text))) or shown
    if not shown:
        raise RuntimeError("the scripted interview brought no course cards")
    replies = bot_replies.texts(rasa.turn(sender, question.text))
    events = rasa.tracker(sender).events
    handled_as, intent, actions = handling_of(events)
    return Handling(question, handled_as, intent, actions, replies)


def summarise(handlings: list[Handling]) -> dict[str, Any]:
    """Share understood, overall and per label, and every miss."""
    by_label: dict[str, list[Handling]] = {}
    for item in handlings:
        by_label.setdefault(item.question.asks, []).append(item)
    return {
        "questions": len(handlings),
        "understood": round(sum(h.understood for h in handlings) / max(len(handlings), 1), 3),
        "by_label": {
            label: f"{sum(h.understood for h in items)}/{len(items)}"
            for label, items in sorted(by_label.items())
        },
        "handled_as_counts": dict(Counter(h.handled_as for h in handlings).most_common()),
        "misses": [
            {
                "id": h.question.id,
                "asks": h.question.asks,
                "text": h.question.text,
                "handled_as": h.handled_as,
                "intent": h.intent,
                "reply": (h.replies[0] if h.replies else "")[:160],
            }
            for h in handlings
            if not h.understood
        ],
    }


def play(url: str, token: str, questions: list[LearnerQuestion]) -> list[Handling]:
    """Every message, one conversation each, against the Rasa at ``url``."""
    with BlockingGateway(RasaGateway(url, token=token)) as rasa:
        return [ask(rasa, question) for question in questions]


def main(*, quick: bool = False, argv: list[str] | None = None) -> dict[str, Any]:
    """Ask every labelled message against ``--url`` or a fresh embedded deployment."""
    parser = rasa_parser("python -m bench questions")
    parser.add_argument("--id", action="append", help="only these question ids")
    parser.add_argument("--file", type=Path, default=QUESTIONS_FILE, help="another set")
    args = parser.parse_args(argv or [])
    questions = load_questions(args.file)
    if args.id:
        questions = [q for q in questions if q.id in set(args.id)]
    if quick:
        questions = questions[::10]
    handlings = with_rasa(
        args.url, args.token, lambda url, token: play(url, token, questions), "questions"
    )
    summary = summarise(handlings)
    for miss in summary["misses"]:
        print(f"  {miss['asks']:>15} → {miss['handled_as']:<16} {miss['text'][:90]}")
    partial = quick or bool(args.id) or args.file != QUESTIONS_FILE
    return report(summary, RESULTS_FILE, quick=partial)
