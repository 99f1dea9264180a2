"""Answers to follow-ups about the courses on screen: their topic, who pays, how far.

"Are any of these actually about funeral service?" is answered from each course's own
listing (its title, then its skills, outcomes and description), not from the ranking's
scores. "Is there anything the state pays for?" is answered from what the catalog's
sources are: New Jersey's and Texas's Eligible Training Provider Lists are, by law and
by name, the programmes a state workforce training grant (a WIOA Individual Training
Account) can pay for; the catalog holds no grant amounts and no eligibility rules, so
none are given. "Anything closer?" gives the straight-line distance the location
filter used. Pure functions of the courses and the learner's answers.
"""

from __future__ import annotations

from collections.abc import Sequence

from advisor.cards import distance_text
from advisor.formatting import join_words, number, plural
from advisor.questions import Shown
from index.schema import Course, Mode, Source
from index.text import title_terms

STATE_LISTS = {
    Source.NJ_ETPL: "New Jersey's Eligible Training Provider List",
    Source.TWC_ETPL: "the Texas Workforce Commission's Eligible Training Provider List",
}
GRANT_RULE = (
    "A state training grant (a WIOA Individual Training Account, through your local "
    "workforce office or American Job Center) can only pay for programmes on the state's "
    "Eligible Training Provider List."
)
GRANT_LIMITS = (
    "Whether you qualify, and for how much, is decided by the workforce office: the "
    "catalog has no grant amounts or eligibility rules, so I can't say."
)


def _label(item: Shown) -> str:
    return f"#{item.position} {item.course.title}"


def _listing_terms(course: Course) -> set[str]:
    words = " ".join(
        [*course.skills, *course.learning_outcomes, course.description or "", course.subject or ""]
    )
    return set(title_terms(words))


def topic_evidence(course: Course, topic: str) -> str | None:
    """Where the course's listing names the topic ('its title', …), or None if nowhere."""
    wanted = set(title_terms(topic))
    if not wanted:
        return None
    in_title = set(title_terms(course.title))
    if wanted <= in_title:
        return "its title names it"
    if wanted <= _listing_terms(course) | in_title:
        return "its listed skills and description cover it"
    return None


def topic_answer(items: Sequence[Shown], topic: str) -> tuple[str, int]:
    """Which courses on screen are about the topic, by their own listing; and how many."""
    lines: list[str] = []
    about = 0
    for item in items:
        evidence = topic_evidence(item.course, topic)
        if evidence:
            about += 1
            lines.append(f"{_label(item)}: yes, {evidence}.")
        else:
            lines.append(
                f"{_label(item)}: no, nothing in its title, skills or description mentions "
                f"“{topic}”."
            )
    head = (
        f"Going by each listing, {plural(about, 'course')} of the {len(items)} shown "
        f"{'is' if about == 1 else 'are'} about “{topic}”:"
    )
    return "\n".join([head, *lines]), about


def funding_answer(items: Sequence[Shown]) -> str:
    """Which courses on screen a state training grant could pay for, and what is free."""
    listed = [item for item in items if item.course.source in STATE_LISTS]
    free = [item for item in items if item.course.cost.is_free]
    parts = [GRANT_RULE]
    if listed:
        names = [f"{_label(item)} ({STATE_LISTS[item.course.source]})" for item in listed]
        parts.append(f"Of the courses shown, these are on such a list: {join_words(names)}.")
    else:
        parts.append(
            "None of the courses shown is on a state list; programmes that are show up when "
            "you ask for courses in person or blended in New Jersey or Texas."
        )
    if free:
        parts.append(
            f"Free as listed by the provider: {join_words([_label(item) for item in free])}."
        )
    parts.append(GRANT_LIMITS)
    return "\n\n".join(parts)


def distance_answer(items: Sequence[Shown], place: str | None, radius_miles: float) -> str:
    """How far each on-site course on screen is from the learner's town, and the radius."""
    if not place:
        return (
            "Tell me your town (\"I'm in Newark\") and I'll keep to programmes you can reach "
            "and say how far each one is."
        )
    lines: list[str] = []
    for item in items:
        course = item.course
        if course.mode is Mode.ONLINE:
            lines.append(f"{_label(item)}: online, no travel.")
            continue
        distance = distance_text(course, place)
        where = course.location or "a place the provider does not state"
        lines.append(f"{_label(item)}: {where}" + (f", {distance}." if distance else "."))
    head = (
        f"I only show on-site programmes within {number(radius_miles)} miles of {place} "
        "(straight line between town centres):"
    )
    tail = 'For a different town, say "I\'m in <town>"; for online courses only, say "online only".'
    return "\n".join([head, *lines, tail])
