"""Recommendations: search under the learner's hard constraints and present course cards."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import slots
from actions.goal import occupation_skills
from actions.runtime import course_search, settings
from advisor.cards import CourseCard, build_cards, courses_payload
from advisor.profile import LearnerProfile, budget_note, search_query, summary_lines, to_filters
from advisor.relax import binding_constraints
from advisor.render import render_card
from index.schema import Course
from index.search import SearchResult

FOLLOW_UP_BUTTONS = [
    {"title": "More results", "payload": "/more_results"},
    {"title": "Cheaper", "payload": "/cheaper"},
    {"title": "Shorter", "payload": "/shorter"},
    {"title": "Compare #1 and #2", "payload": '/compare_courses{"positions": "1,2"}'},
    {"title": "Change an answer", "payload": "/change_answer"},
    {"title": "Save my shortlist", "payload": "/save_shortlist"},
    {"title": "Talk to an advisor", "payload": "/human_handoff"},
]


@dataclass(frozen=True)
class Page:
    """One page of recommendations and how many courses fit in all."""

    cards: list[CourseCard]
    matching: int


def find_page(tracker: Tracker, profile: LearnerProfile, offset: int) -> Page:
    """Search, then build the cards of the page starting at ``offset``."""
    search = course_search()
    per_page = settings().results_per_page
    filters = to_filters(profile)
    matching = int(search.columns.mask(filters).sum())
    query = search_query(profile)
    results = search.search(query, k=offset + per_page, filters=filters) if query else []
    skills = occupation_skills(tracker.get_slot(slots.OCCUPATION))
    cards = build_cards(results[offset : offset + per_page], profile, skills)
    for number, card in enumerate(cards, start=1):
        card.position = number
    return Page(cards=cards, matching=matching)


def present(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    profile: LearnerProfile,
    *,
    offset: int = 0,
    intro: str | None = None,
) -> list[EventType]:
    """Send a page of course cards (text plus the ``courses`` payload) and remember it."""
    if not search_query(profile):
        dispatcher.utter_message(text="Tell me what you'd like to learn first, then I can search.")
        return []
    page = find_page(tracker, profile, offset)
    if intro:
        dispatcher.utter_message(text=intro)
    note = budget_note(profile)
    if note:
        dispatcher.utter_message(text=note)
    if not page.cards:
        _explain_shortfall(dispatcher, profile, found=0, offset=offset)
        return [SlotSet(slots.SHOWN_IDS, []), SlotSet(slots.RESULTS_OFFSET, offset)]
    text = "\n\n".join(render_card(card) for card in page.cards)
    dispatcher.utter_message(text=text, buttons=FOLLOW_UP_BUTTONS)
    dispatcher.utter_message(json_message=courses_payload(page.cards))
    if page.matching < settings().results_per_page:
        _explain_shortfall(dispatcher, profile, found=page.matching, offset=offset)
    return [
        SlotSet(slots.SHOWN_IDS, [card.id for card in page.cards]),
        SlotSet(slots.RESULTS_OFFSET, offset),
    ]


def _explain_shortfall(
    dispatcher: CollectingDispatcher, profile: LearnerProfile, *, found: int, offset: int
) -> None:
    """Name the constraint that binds, with buttons that relax exactly that one."""
    if offset > 0 and found == 0:
        dispatcher.utter_message(
            text="That's every course that fits your constraints. Relax one to see more:",
            buttons=_relax_buttons(profile),
        )
        return
    relaxations = binding_constraints(
        course_search().columns.mask, to_filters(profile), settings().results_per_page
    )
    count = "No course fits" if found == 0 else f"Only {found} course{'s' if found > 1 else ''} fit"
    if not relaxations:
        dispatcher.utter_message(
            text=f"{count} everything you asked for, and no single change would add more. "
            "Try a broader goal, or start over.",
            buttons=[{"title": "Start over", "payload": "/restart"}],
        )
        return
    top = relaxations[0]
    dispatcher.utter_message(
        text=f"{count} all your constraints. The one that limits most is your {top.field}: "
        f"relaxing it would let {top.unlocks} more course{'s' if top.unlocks > 1 else ''} in.",
        buttons=[_relax_button(r.field, r.label) for r in relaxations[:3]],
    )


def _relax_button(field: str, label: str) -> dict[str, str]:
    return {"title": label, "payload": f'/change_answer{{"relax": "{field}"}}'}


def _relax_buttons(profile: LearnerProfile) -> list[dict[str, str]]:
    relaxations = binding_constraints(course_search().columns.mask, to_filters(profile), 10_000)
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
        intro = summary_text(profile) + "\n\nThree courses that fit:"
        return present(dispatcher, tracker, profile, intro=intro)


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
    search = course_search()
    ids = list(tracker.get_slot(slots.SHOWN_IDS) or [])
    by_id = {course.id: course for course in search.courses if course.id in set(ids)}
    results = [SearchResult(by_id[i], 0.0, 0.0, 0.0) for i in ids if i in by_id]
    cards = build_cards(
        results, slots.profile_from(tracker), occupation_skills(tracker.get_slot(slots.OCCUPATION))
    )
    for number, card in enumerate(cards, start=1):
        card.position = number
    return cards


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
        shown_ids = set(tracker.get_slot(slots.SHOWN_IDS) or [])
        shown = [c for c in course_search().courses if c.id in shown_ids]
        updated, sentence, events = refinement(intent, slots.profile_from(tracker), shown)
        return events + present(dispatcher, tracker, updated, intro=sentence)


def payload_positions(tracker: Tracker) -> Any:
    """Positions given by a button's entity ("1,2"), if any."""
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == "positions":
            return entity.get("value")
    return None
