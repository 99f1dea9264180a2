"""Recommendations: a thin adapter from Rasa to the advisor service (advisor.service).

Everything about what to recommend (query, filters, ranking, relevance floor,
relaxations, cards) lives in the service; this module turns its answer into messages,
buttons and slot events.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import slots
from actions.pages import send_page
from actions.runtime import course_search, settings
from advisor.cards import CourseCard
from advisor.messages import heading, instead_text, nothing_on_topic_text, shortfall_text
from advisor.profile import LearnerProfile, summary_lines
from advisor.relax import Relaxation
from advisor.render import render_card
from advisor.service import Advisor, Recommendation
from index.schema import Course

FOLLOW_UP_BUTTONS = [
    {"title": "More results", "payload": "/more_results"},
    {"title": "Cheaper", "payload": "/cheaper"},
    {"title": "Shorter", "payload": "/shorter"},
    {"title": "Compare #1 and #2", "payload": '/compare_courses{"positions": "1,2"}'},
    {"title": "Change an answer", "payload": "/change_answer"},
    {"title": "Save my shortlist", "payload": "/save_shortlist"},
    {"title": "Talk to an advisor", "payload": "/human_handoff"},
]
CHANGE_GOAL_BUTTON = {"title": "Change my goal", "payload": '/change_answer{"field": "goal"}'}
_ADVISORS: dict[int, Advisor] = {}


def advisor() -> Advisor:
    """The advisor over the action server's shared search (built once per search)."""
    search = course_search()
    found = _ADVISORS.get(id(search))
    if found is None or found.search is not search:
        _ADVISORS.clear()
        found = _ADVISORS[id(search)] = Advisor(search)
    return found


@dataclass(frozen=True)
class Page:
    """One page of recommendations and how many relevant courses fit in all."""

    cards: list[CourseCard]
    matching: int
    recommendation: Recommendation | None = None


def find_page(tracker: Tracker, profile: LearnerProfile, offset: int) -> Page:
    """The page of cards starting at ``offset`` (kept for callers outside this module)."""
    found = advisor().recommend(profile, offset=offset, per_page=settings().results_per_page)
    return Page(cards=found.cards, matching=found.fitting, recommendation=found)


def present(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    profile: LearnerProfile,
    *,
    offset: int = 0,
    intro: str | Callable[[Recommendation], str | None] | None = None,
) -> list[EventType]:
    """Send a page of course cards (one ``courses`` message, see actions.pages) and
    remember which courses are on screen. ``intro`` may depend on what was found ("the
    catalog has 11 courses on …"), so the search runs once."""
    found = advisor().recommend(profile, offset=offset, per_page=settings().results_per_page)
    if not found.query:
        dispatcher.utter_message(text="Tell me what you'd like to learn first, then I can search.")
        return []
    said = intro(found) if callable(intro) else intro
    if said:
        dispatcher.utter_message(text=said)
    for note in [*found.notes, instead_text(found)]:
        if note:
            dispatcher.utter_message(text=note)
    if found.nothing_on_topic:
        dispatcher.utter_message(text=nothing_on_topic_text(found), buttons=[CHANGE_GOAL_BUTTON])
        return [SlotSet(slots.SHOWN_IDS, []), SlotSet(slots.RESULTS_OFFSET, offset)]
    if found.cards:
        text = "\n\n".join(render_card(card) for card in found.cards)
        send_page(dispatcher, found.cards, text, heading=heading(found), buttons=FOLLOW_UP_BUTTONS)
    if offset > 0 and not found.cards:
        dispatcher.utter_message(
            text="That's every relevant course that fits your constraints. Relax one to see more:",
            buttons=_relax_buttons(found.relaxations) or [CHANGE_GOAL_BUTTON],
        )
    elif offset == 0 and found.short:
        _explain_shortfall(dispatcher, found)
    # Courses offered as breaking one limit are on screen too: "is #1 any good?" asks
    # about them when nothing else was shown, numbered as the learner sees them.
    shown = [*found.cards, *(found.offers if offset == 0 and found.short else [])]
    return [
        SlotSet(slots.SHOWN_IDS, [card.id for card in shown]),
        SlotSet(slots.RESULTS_OFFSET, offset),
    ]


def _explain_shortfall(dispatcher: CollectingDispatcher, found: Recommendation) -> None:
    """Name the constraint that binds and show the relevant courses that break only it."""
    buttons = _relax_buttons(found.relaxations) or [
        CHANGE_GOAL_BUTTON,
        {"title": "Start over", "payload": "/restart"},
    ]
    dispatcher.utter_message(text=shortfall_text(found), buttons=buttons)
    if found.offers:
        text = "\n\n".join(render_card(card) for card in found.offers)
        send_page(dispatcher, found.offers, text, offers=True)


def _relax_button(field: str, label: str) -> dict[str, str]:
    return {"title": label, "payload": f'/change_answer{{"relax": "{field}"}}'}


def _relax_buttons(relaxations: list[Relaxation]) -> list[dict[str, str]]:
    return [_relax_button(r.field, r.label) for r in relaxations[:3]]


def summary_text(profile: LearnerProfile) -> str:
    """The confirmation summary shown before the first recommendations."""
    lines = "\n".join(f"• {line}" for line in summary_lines(profile))
    return (
        f'Here\'s what I have:\n{lines}\n(Say "change my budget" or similar to change any answer.)'
    )


class ActionRecommend(Action):
    """First recommendations after the interview (or again after "yes")."""

    def name(self) -> str:
        return "action_recommend"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        profile = slots.profile_from(tracker)
        return present(dispatcher, tracker, profile, intro=summary_text(profile))


class ActionMoreResults(Action):
    """The next page of results for the same profile."""

    def name(self) -> str:
        return "action_more_results"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        offset = int(tracker.get_slot(slots.RESULTS_OFFSET) or 0) + settings().results_per_page
        if offset >= settings().max_results:
            dispatcher.utter_message(
                text="That's as far as I'd go down the list. Changing an answer will give "
                "you a fresh set.",
                buttons=[{"title": "Change an answer", "payload": "/change_answer"}],
            )
            return []
        return present(dispatcher, tracker, slots.profile_from(tracker), offset=offset)


def shown_cards(tracker: Tracker) -> list[CourseCard]:
    """The cards currently on screen, rebuilt from their ids (in the order shown)."""
    ids = [str(i) for i in tracker.get_slot(slots.SHOWN_IDS) or []]
    return advisor().cards_for(slots.profile_from(tracker), ids)


Refinement = tuple[LearnerProfile, str, list[EventType]]
SHORTER_FACTOR = 0.8  # "shorter" means clearly shorter than the shortest course shown
FREE_BUDGET = slots.budget_slot(None, "USD", True, False)


def _free_only(profile: LearnerProfile) -> Refinement:
    update = {"free_only": True, "budget_max": None, "budget_unlimited": False}
    return (
        profile.model_copy(update=update),
        "Free courses only now.",
        [SlotSet(slots.BUDGET, FREE_BUDGET)],
    )


def _cheaper(profile: LearnerProfile, shown: list[Course]) -> Refinement:
    """Below the cheapest course on screen; free only when that is already free."""
    prices = [c.cost.amount for c in shown if c.cost.amount is not None]
    if profile.free_only or not prices or min(prices) <= 1:
        return _free_only(profile)
    ceiling = min(prices) - 1
    budget = slots.budget_slot(ceiling, "USD", False, False)
    update = {"budget_max": ceiling, "budget_currency": "USD", "budget_unlimited": False}
    return (
        profile.model_copy(update=update),
        f"Under ${ceiling:,.0f} now.",
        [SlotSet(slots.BUDGET, budget)],
    )


def _shorter(profile: LearnerProfile, shown: list[Course]) -> Refinement:
    """Shorter than the shortest course on screen whose length is stated."""
    hours = [c.total_hours_max for c in shown if c.total_hours_max]
    if not hours:
        sentence = (
            "The courses shown don't state their length, so here are ones that do, shortest first."
        )
        limit = None
    else:
        limit = round(min(hours) * SHORTER_FACTOR, 1)
        sentence = f"Courses of at most {limit:g} hours now."
    if limit is None:
        return profile, sentence, []
    update = {"max_total_hours": limit}
    return profile.model_copy(update=update), sentence, [SlotSet(slots.MAX_TOTAL_HOURS, limit)]


def refinement(intent: str, profile: LearnerProfile, shown: list[Course]) -> Refinement:
    """The profile a follow-up asks for, a sentence saying so, and the slot events."""
    if intent == "only_online":
        return (
            profile.model_copy(update={"mode": "online"}),
            "Only online courses now.",
            [SlotSet(slots.MODE, "online")],
        )
    if intent == "only_self_paced":
        updated = profile.model_copy(update={"pace": "self_paced"})
        return updated, "Only self-paced courses now.", [SlotSet(slots.PACE, "self_paced")]
    if intent == "cheaper":
        return _cheaper(profile, shown)
    return _shorter(profile, shown)


class ActionRefineResults(Action):
    """Cheaper, shorter, only online, only self-paced: tighten one constraint and search again."""

    def name(self) -> str:
        return "action_refine_results"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        shown = course_search().get([str(i) for i in tracker.get_slot(slots.SHOWN_IDS) or []])
        updated, sentence, events = refinement(intent, slots.profile_from(tracker), shown)
        return events + present(dispatcher, tracker, updated, intro=sentence)


def payload_positions(tracker: Tracker) -> Any:
    """Positions given by a button's entity ("1,2"), if any."""
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == "positions":
            return entity.get("value")
    return None
