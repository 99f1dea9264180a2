"""The interview: start it from a stated goal, validate each answer, explain and skip questions."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import slots
from actions.goal import (
    coverage,
    known_places,
    occupation_skills,
    skills_mentioned,
    understand_goal,
)
from actions.runtime import settings
from advisor import answers, extract
from index.coverage import describe, find_place
from index.places import gazetteer
from index.search import has_content

FORM = "interview_form"
SKIP_BUTTON = {"title": "Skip this question", "payload": "/skip"}
MAX_GOAL_CHARS = 500  # a goal is a sentence or two; the rest is noise for the search

# What a valid answer looks like, said when an answer could not be understood.
ANSWER_HINTS = {
    slots.GOAL: 'a role or a skill, e.g. "become a data analyst" or "learn SQL"',
    slots.HOURS: 'a number of hours a week, e.g. "5", "about 3 hours" or "an hour a day"',
    slots.DEADLINE: 'a time span, e.g. "within 3 months", "8 weeks" or "no rush"',
    slots.BUDGET: 'an amount, e.g. "up to $300", or "free only", or "no limit"',
    slots.MODE: '"online", "in person", "blended" or "no preference"',
    slots.PACE: '"my own pace", "a fixed schedule" or "no preference"',
    slots.CREDIT: (
        '"credit toward a qualification", "an industry credential", "either" or "doesn\'t matter"'
    ),
    slots.LOCATION: "a town or county",
    slots.BACKGROUND: 'what you already know, e.g. "Excel and some SQL", or "nothing yet"',
}
# Modes under which the learner may go somewhere in person, so their town matters: "any"
# too, since an on-site course shown to them must be one they can reach.
PLACES_IN_PERSON = {"in_person", "blended", "any"}


class ActionStartInterview(Action):
    """Take the goal from the learner's first message and begin the interview."""

    def name(self) -> str:
        return "action_start_interview"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        events: list[EventType] = [SlotSet(slots.INVALID_ATTEMPTS, 0)]
        if slots.said(tracker.get_slot(slots.GOAL)) is not None:
            return events  # read from this message already; the form validates it
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        text = (tracker.latest_message.get("text") or "").strip()[:MAX_GOAL_CHARS]
        if intent != "state_goal" or not has_content(text) or answers.looks_like_noise(text):
            return events  # started by other answers: the form asks for the goal first
        # A new goal after the recommendations: every other answer is kept.
        return [*events, SlotSet(slots.GOAL, slots.raw_answer(text))]


def _background_from_role(events: list[EventType]) -> list[EventType]:
    """'I'm an accountant …' already answers the background question."""
    for event in events:
        if event.get("name") == slots.CURRENT_ROLE and event.get("value"):
            return [SlotSet(slots.BACKGROUND, f"works as {event['value']}")]
    return []


class ValidateInterviewForm(FormValidationAction):
    """Understand free answers; explain, then offer to skip, when one is not understood."""

    def name(self) -> str:
        return "validate_interview_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """Location only matters when the learner would go somewhere in person (or
        does not mind whether they do).

        When it does, it is asked right after the mode, while "in person" is on their mind.
        """
        required = [slot for slot in domain_slots if slot != slots.LOCATION]
        mode = tracker.get_slot(slots.MODE)
        words = slots.said(mode)
        if words is not None:  # a mode read from this message, not validated yet
            mode = answers.parse_mode(words)
        if isinstance(mode, str) and mode in PLACES_IN_PERSON and slots.MODE in required:
            required.insert(required.index(slots.MODE) + 1, slots.LOCATION)
        return required

    def _invalid(
        self, slot: str, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        attempts = int(tracker.get_slot(slots.INVALID_ATTEMPTS) or 0) + 1
        hint = ANSWER_HINTS[slot]
        if attempts >= settings().invalid_answers_before_skip_offer and slot != slots.GOAL:
            dispatcher.utter_message(
                text=f"I still couldn't read that as {hint}. You can skip this question "
                "and I'll leave it out of the search.",
                buttons=[SKIP_BUTTON],
            )
        else:
            dispatcher.utter_message(text=f"Sorry, I didn't catch that. I'm looking for {hint}.")
        return {slot: None, slots.INVALID_ATTEMPTS: attempts}

    @staticmethod
    def _valid(values: dict[str, Any]) -> dict[str, Any]:
        return {**values, slots.INVALID_ATTEMPTS: 0}

    async def validate_goal(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._validate(slots.GOAL, value, dispatcher, tracker)

    async def validate_background(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._validate(slots.BACKGROUND, value, dispatcher, tracker)

    async def validate_hours_per_week(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._validate(slots.HOURS, value, dispatcher, tracker)

    async def validate_deadline_weeks(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._validate(slots.DEADLINE, value, dispatcher, tracker)

    async def validate_budget(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._validate(slots.BUDGET, value, dispatcher, tracker)

    async def validate_mode(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._validate(slots.MODE, value, dispatcher, tracker)

    async def validate_pace(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._validate(slots.PACE, value, dispatcher, tracker)

    async def validate_credit(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._validate(slots.CREDIT, value, dispatcher, tracker)

    async def validate_location(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._validate(slots.LOCATION, value, dispatcher, tracker)

    def _validate(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        words = slots.said(value)
        if words is None:
            # Understood on an earlier turn (the form re-validates every filled slot when
            # it starts again, e.g. for a new goal): keep it as it is.
            return {slot: value}
        text = words.strip()[:MAX_GOAL_CHARS]
        values = parse_answer(slot, text, tracker)
        if values is None:
            return self._invalid(slot, dispatcher, tracker)
        if slot == slots.GOAL:
            _, message = understand_goal(text)
            if message:
                dispatcher.utter_message(text=message)
        if slot == slots.MODE and values.get(slots.MODE) in PLACES_IN_PERSON:
            # A town said before the mode ("forklift cert, elizabeth nj") was kept as
            # words, since place matters only on site: now it does, so read it too.
            place = tracker.get_slot(slots.LOCATION)
            if slots.said(place) is not None:
                values.update(self._validate(slots.LOCATION, place, dispatcher, tracker))
        if slot == slots.LOCATION:
            covered = coverage()
            if find_place(str(values[slots.LOCATION]), covered) is None and covered:
                note = (
                    f"I don't know of in-person programmes in {values[slots.LOCATION]}: "
                    f"the ones I know are in {describe(covered)}. I'll search anyway, and "
                    "online courses can fill the gap if you change how you'd like to learn."
                )
                # The place is read again when the mode is in person: say it once.
                if all(message.get("text") != note for message in dispatcher.messages):
                    dispatcher.utter_message(text=note)
        return self._valid(values)


NO_PREFERENCE_ANSWERS = frozenset(
    {
        "no preference",
        "no preferences",
        "any",
        "don't mind",
        "dont mind",
        "not sure",
        "doesn't matter",
    }
)


def _no_preference(text: str) -> bool:
    """The "No preference" button, or the learner saying just that."""
    return " ".join(text.lower().strip(" .!").split()) in NO_PREFERENCE_ANSWERS


def _parse_goal(text: str, tracker: Tracker) -> dict[str, Any] | None:
    # "/intent" is a button payload, never a goal.
    if text.startswith("/") or not has_content(text) or answers.looks_like_noise(text):
        return None
    events, _ = understand_goal(text)
    if tracker.get_slot(slots.BACKGROUND) is None:
        events += _background_from_role(events)
    return {event["name"]: event["value"] for event in events}


def _parse_background(text: str, tracker: Tracker) -> dict[str, Any] | None:
    if answers.looks_like_noise(text):
        return None
    known = skills_mentioned(text, occupation_skills(tracker.get_slot(slots.OCCUPATION)))
    return {slots.BACKGROUND: text, slots.KNOWN_SKILLS: known}


def _parse_hours(text: str, tracker: Tracker) -> dict[str, Any] | None:
    if _no_preference(text):
        return {slots.HOURS: slots.SKIPPED}
    hours = answers.parse_hours_per_week(text)
    if hours is None:
        # "as many as I like": no limit on weekly hours, so no hours filter.
        return {slots.HOURS: slots.NO_HOURS_LIMIT} if answers.no_time_limit(text) else None
    values: dict[str, Any] = {slots.HOURS: hours}
    deadline = answers.parse_deadline_weeks(text)  # "5 hours a week for 3 months"
    if deadline is not None and tracker.get_slot(slots.DEADLINE) is None:
        values[slots.DEADLINE] = slots.NO_DEADLINE if deadline == "none" else deadline
    return values


def _parse_deadline(text: str, tracker: Tracker) -> dict[str, Any] | None:
    deadline = answers.parse_deadline_weeks(text)
    if deadline is None:
        return {slots.DEADLINE: slots.NO_DEADLINE} if _no_preference(text) else None
    return {slots.DEADLINE: slots.NO_DEADLINE if deadline == "none" else deadline}


def _parse_budget(text: str, tracker: Tracker) -> dict[str, Any] | None:
    budget = answers.parse_budget(text)
    if budget is None:
        return None
    return {
        slots.BUDGET: slots.budget_slot(
            budget.max_amount, budget.currency, budget.free_only, budget.unlimited
        )
    }


def _parse_mode(text: str, tracker: Tracker) -> dict[str, Any] | None:
    mode = answers.parse_mode(text)
    if mode is None:
        return None
    values: dict[str, Any] = {slots.MODE: mode}
    pace = answers.parse_pace(text)  # "online, at my own pace" answers both
    if pace is not None and pace != slots.ANY:
        values[slots.PACE] = pace
    return values


def _parse_pace(text: str, tracker: Tracker) -> dict[str, Any] | None:
    pace = answers.parse_pace(text)
    return None if pace is None else {slots.PACE: pace}


def _parse_credit(text: str, tracker: Tracker) -> dict[str, Any] | None:
    credit = answers.parse_credit(text)
    if credit is None:
        yes_no = answers.parse_yes_no(text)
        credit = None if yes_no is None else ("either" if yes_no else "no")
    return None if credit is None else {slots.CREDIT: credit}


# Answers to "where are you based?" that name no place: the question is skipped, and
# on-site courses rank below the ones anyone can take (advisor/ranking.py).
NO_PLACE_ANSWERS = frozenset(
    {"anywhere", "rather not say", "prefer not to say", "i'd rather not say", "none", "skip"}
)


def _modes_said(text: str) -> set[str]:
    """The modes the parts of an answer name ("doesnt matter, online" -> {"online"})."""
    said = {answers.parse_mode(part) for part in re.split(r"[,;.]| but ", text)}
    return {mode for mode in said if mode is not None and mode != "any"}


def _parse_location(text: str, tracker: Tracker) -> dict[str, Any] | None:
    place = " ".join(text.split())[:100]
    if _no_preference(place) or place.lower().strip(" .!") in NO_PLACE_ANSWERS:
        return {slots.LOCATION: slots.SKIPPED}
    if answers.looks_like_noise(place) or not has_content(place):
        return None
    known = extract.location_in(place, known_places())
    if known is None and _modes_said(place) == {"online"}:
        # "doesnt matter, online": no place to search near, and online after all
        return {slots.LOCATION: slots.SKIPPED, slots.MODE: "online"}
    states = {name for state in coverage() for name in (state.code.lower(), state.name.lower())}
    if known is None or known.lower() in states:
        # "point pleasant nj": a town the place table knows beats the bare state, so
        # distances can be measured from it.
        town = gazetteer().resolve(place.lower().strip(" .!"))
        if town is not None:
            return {slots.LOCATION: f"{town.name}, {town.state}"}
    return {slots.LOCATION: known or _place_name(place)}


ANSWER_PARSERS = {
    slots.GOAL: _parse_goal,
    slots.BACKGROUND: _parse_background,
    slots.HOURS: _parse_hours,
    slots.DEADLINE: _parse_deadline,
    slots.BUDGET: _parse_budget,
    slots.MODE: _parse_mode,
    slots.PACE: _parse_pace,
    slots.CREDIT: _parse_credit,
    slots.LOCATION: _parse_location,
}


def parse_answer(slot: str, text: str, tracker: Tracker) -> dict[str, Any] | None:
    """Slot values for an answer to the question about ``slot``; None if not understood."""
    return ANSWER_PARSERS[slot](text, tracker)


# The questions whose answers a parser can check without the catalog.
_TYPED_PARSERS = {
    slots.HOURS: lambda text: (
        _no_preference(text)
        or answers.parse_hours_per_week(text)
        or answers.no_time_limit(text)
        or None
    ),
    slots.DEADLINE: lambda text: _no_preference(text) or answers.parse_deadline_weeks(text),
    slots.BUDGET: answers.parse_budget,
    slots.MODE: answers.parse_mode,
    slots.PACE: answers.parse_pace,
    slots.CREDIT: lambda text: answers.parse_credit(text) or answers.parse_yes_no(text),
}


def parses_as(slot: str, text: str) -> bool:
    """Whether ``text`` reads as an answer to the question about ``slot``."""
    parser = _TYPED_PARSERS.get(slot)
    return parser is not None and parser(text) is not None


def _place_name(text: str) -> str:
    """'I live in Camden county' -> 'Camden': the catalog stores 'City, X County, NJ'."""
    words = [w for w in text.replace(",", " ").split() if w[:1].isupper()]
    ignored = {"I", "I'm", "In", "County", "NJ", "New", "Jersey"}
    kept = [w for w in words if w not in ignored]
    return " ".join(kept) if kept else text


class ActionAskBackground(Action):
    """Ask what the learner already knows, naming the role's skills when a role matched."""

    def name(self) -> str:
        return "action_ask_background"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        skills = occupation_skills(tracker.get_slot(slots.OCCUPATION))
        if skills:
            buttons = [{"title": s, "payload": f"I already know {s}"} for s in skills[:4]]
            buttons.append({"title": "None of these yet", "payload": "none of these yet"})
            dispatcher.utter_message(
                text="Which of these do you already know? Type any you have, or anything else "
                "relevant you've done.",
                buttons=buttons,
            )
        else:
            dispatcher.utter_message(
                text="What do you already know that's relevant? (You can skip this.)",
                buttons=[{"title": "Nothing yet", "payload": "nothing yet"}, SKIP_BUTTON],
            )
        return []


class ActionExplainQuestion(Action):
    """Answer "why do you ask?" for the question currently being asked."""

    def name(self) -> str:
        return "action_explain_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        requested = tracker.get_slot("requested_slot")
        if requested in slots.INTERVIEW_SLOTS:
            dispatcher.utter_message(response=f"utter_why_{requested}")
        else:
            dispatcher.utter_message(response="utter_help")
        return []


class ActionSkipQuestion(Action):
    """Skip the current question; the goal is the one answer the search cannot do without."""

    def name(self) -> str:
        return "action_skip_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        requested = tracker.get_slot("requested_slot")
        if requested == slots.GOAL:
            dispatcher.utter_message(
                text="I need at least a goal to search for courses: a role or a skill is enough."
            )
            return []
        if requested not in slots.INTERVIEW_SLOTS:
            return []
        dispatcher.utter_message(text="Fine, skipped.")
        return [SlotSet(requested, slots.SKIPPED), SlotSet(slots.INVALID_ATTEMPTS, 0)]
