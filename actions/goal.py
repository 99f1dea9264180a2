"""Understand a learner's goal: the occupation it points to and the skills people there use."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rasa_sdk.events import EventType, SlotSet

from actions import slots
from actions.runtime import course_search, settings
from advisor.skills import skill
from index.coverage import StateCoverage, in_person_coverage
from index.occupations.matcher import split_current_role
from index.occupations.model import Occupation

SKILLS_SHOWN = 6


def occupation_skills(occupation_slot: dict[str, Any] | None) -> list[str]:
    """Skill names of the matched occupation, most telling first."""
    if not occupation_slot:
        return []
    return [skill["name"] for skill in occupation_slot.get("skills", [])]


def occupation_of(occupation_slot: dict[str, Any] | None) -> Occupation | None:
    """The full O*NET record (tasks included) of the occupation the goal matched."""
    search = course_search()
    if not occupation_slot or search.matcher is None:
        return None
    code = occupation_slot.get("code")
    return next((o for o in search.matcher.occupations if o.code == code), None)


def _skill_label(item: dict[str, Any]) -> str:
    """'Structured query language SQL' reads as 'SQL (in demand)'."""
    name = skill(str(item["name"])).display
    if item["in_demand"]:
        return f"{name} (in demand)"
    if item["hot"]:
        return f"{name} (often in job ads)"
    return name


_GREETING = r"(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening))\b"
_OPENING = re.compile(rf"^(?:{_GREETING}|[\s,.!;:-]|\b(?:and|so|but|well)\b)+", flags=re.IGNORECASE)


def target_of(goal: str) -> str:
    """The part of a goal that says where the learner wants to go.

    "hi, I'm an accountant and I want to get into data analytics" -> "I want to get into
    data analytics": greetings and their current role would only mislead the search.
    """
    target, _ = split_current_role(goal)
    cleaned = " ".join(_OPENING.sub("", target).split())
    return cleaned or goal.strip()


def understand_goal(goal: str) -> tuple[list[EventType], str | None]:
    """Slot events for the goal and a sentence naming the occupation's skills, if one matches."""
    search = course_search()
    _, current_role = split_current_role(goal)
    target = target_of(goal)
    events: list[EventType] = [
        SlotSet(slots.GOAL, target),
        SlotSet(slots.CURRENT_ROLE, current_role),
    ]
    if search.matcher is None:
        return events, None
    matches = search.matcher.match(target, limit=1)
    if not matches:
        events.append(SlotSet(slots.OCCUPATION, None))
        return events, None
    occupation = matches[0].occupation
    skills = [
        {"name": skill.name, "in_demand": skill.in_demand, "hot": skill.hot}
        for skill in search.matcher.key_skills(occupation, SKILLS_SHOWN)
    ]
    events.append(
        SlotSet(
            slots.OCCUPATION, {"code": occupation.code, "title": occupation.title, "skills": skills}
        )
    )
    if not skills:
        return events, f"That points to the occupation “{occupation.title}”."
    listed = ", ".join(_skill_label(skill) for skill in skills)
    message = (
        f"That points to the occupation “{occupation.title}” (O*NET {occupation.code}). "
        f"People in that role use tools such as {listed}."
    )
    return events, message


def looks_learnable(text: str) -> bool:
    """Whether the words name something the catalog teaches, or an occupation.

    Used for a message that carries no word of learning and that the classifier was
    unsure of: "photography" is a goal, "what's the weather" is not.
    """
    # The occupation matcher is not asked: it finds a title in almost anything ("set an
    # alarm" -> alarm installers), while chit-chat stays far from every course.
    hits = course_search().dense_only(text, k=1)
    return bool(hits) and hits[0].dense >= settings().learnable_similarity


@lru_cache(maxsize=1)
def coverage() -> tuple[StateCoverage, ...]:
    """The states, cities and counties the catalog has on-site programmes in."""
    return tuple(in_person_coverage(course_search().courses))


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """Place names a learner may type in any case ('houston', 'camden county', 'tx')."""
    names: set[str] = set()
    for state in coverage():
        names.update({state.code.lower(), state.name.lower()})
        names.update(city.lower() for city in state.cities)
        names.update(county.lower() for county in state.counties)
        names.update(f"{county.lower()} county" for county in state.counties)
    return frozenset(names)


def skills_mentioned(answer: str, skills: list[str]) -> list[str]:
    """Which of the occupation's skills the learner says they have.

    O*NET names are long ('Structured query language SQL'), learners are brief ('SQL'):
    a skill counts when its full name or its last word appears in the answer.
    """
    lowered = f" {answer.lower()} "
    found = []
    for candidate in skills:
        name = candidate.lower()
        short = name.split()[-1]
        if name in lowered or (len(short) > 1 and f" {short} " in lowered.replace(",", " ")):
            found.append(candidate)
    return found
