"""Answers to the questions learners bring, from the data the advisor really has.

"What skills do I need?", "is it worth it?", "is the provider any good?", "how long
would it take me?", "do I get a certificate?". Each answer names its source: O*NET for
what an occupation needs, the provider's listing for a course's figures, and "derived"
for arithmetic on them (weeks at the learner's pace). What the data does not hold is
said to be unknown: there is no salary or job-outcome figure in the catalog, so none is
ever given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from advisor.cards import (
    cost_text,
    credential_text,
    quality_signals,
    timing,
    total_hours_text,
)
from advisor.formatting import NOT_STATED, join_words, number
from advisor.profile import LearnerProfile
from advisor.skills import covers, is_known, skill
from index.occupations.model import Occupation
from index.schema import Course, Pace, ProviderType

SKILLS_LISTED = 8
TASKS_LISTED = 2
TASK_CHARS = 110  # O*NET task statements run long; the head says what the task is
NO_OUTCOME_DATA = (
    "The catalog has no salary or job-placement figures for any course, so I can't "
    "promise a job or a pay rise; what I can say is what it teaches and what it costs."
)
PROVIDER_TYPES = {
    ProviderType.UNIVERSITY: "a university",
    ProviderType.COLLEGE: "a college",
    ProviderType.COMPANY: "a company",
    ProviderType.TRAINING_PROVIDER: "a training provider",
    ProviderType.PLATFORM_INSTRUCTOR: "an independent instructor on a course platform",
}


@dataclass(frozen=True)
class Shown:
    """A course on screen and the number the learner sees beside it."""

    position: int
    course: Course


def _short(task: str) -> str:
    """A task statement cut at a word boundary, marked when cut."""
    task = task.rstrip(".")
    if len(task) <= TASK_CHARS:
        return task
    return task[:TASK_CHARS].rsplit(" ", 1)[0].rstrip(",;") + "…"


def _label(item: Shown) -> str:
    return f"#{item.position} {item.course.title}"


def skills_answer(
    occupation: Occupation | None,
    key_skills: Sequence[str],
    known: Sequence[str],
    shown: Sequence[Shown],
    goal: str | None,
) -> str:
    """What the goal's occupation needs, what the learner has, what the courses cover."""
    if occupation is None:
        topic = f" “{goal}”" if goal else " your goal"
        return (
            f"I couldn't match{topic} to an occupation in O*NET, so I have no list of the "
            "skills it needs. The courses' own descriptions say what each one teaches: "
            'ask "why this one?" about any of them.'
        )
    lines = [f"From O*NET, people working as {occupation.title} (O*NET {occupation.code}):"]
    if occupation.tasks:
        tasks = "; ".join(_short(task) for task in occupation.tasks[:TASKS_LISTED])
        lines.append(f"• do tasks such as: {tasks}.")
    targets = [skill(name) for name in key_skills[:SKILLS_LISTED]]
    if not targets:
        lines.append("• O*NET lists no specific tools for this occupation.")
        return "\n".join(lines)
    have = [t.display for t in targets if is_known(t, known)]
    lacking = [t for t in targets if not is_known(t, known)]
    lines.append(f"• use tools such as: {join_words([t.display for t in targets])}.")
    if have:
        lines.append(f"• You said you already know: {join_words(have)}.")
    if not lacking:
        return "\n".join(lines)
    covered: dict[str, list[int]] = {}
    for target in lacking:
        positions = [item.position for item in shown if covers(item.course, target)]
        if positions:
            covered[target.display] = positions
    missing = [t.display for t in lacking if t.display not in covered]
    if shown and covered:
        listed = "; ".join(
            f"{name} ({join_words([f'#{p}' for p in positions])})"
            for name, positions in covered.items()
        )
        lines.append(f"• The courses on screen teach: {listed} (from their listings).")
    if shown and missing:
        lines.append(
            f"• Not covered by the courses on screen: {join_words(missing)}. "
            'Say "I want to learn <skill>" to search for those.'
        )
    if not shown:
        lines.append(f"• Still to learn: {join_words([t.display for t in lacking])}.")
    return "\n".join(lines)


def _weeks_at_pace(course: Course, profile: LearnerProfile) -> str:
    timing_ = timing(course, profile.hours_per_week)
    span = timing_.span
    if span is None:
        if course.total_hours_max is not None and profile.hours_per_week is None:
            return "how many weeks depends on your weekly hours, which you haven't given"
        return f"how long it takes is {NOT_STATED}"
    if timing_.basis == "schedule":
        return f"it runs {span.removeprefix('about ')} on the provider's schedule"
    hours = number(profile.hours_per_week or 0)
    return (
        f"about {span.removeprefix('about ')} at your {hours} h/week (derived: hours ÷ your pace)"
    )


def duration_answer(item: Shown, profile: LearnerProfile) -> str:
    """Total hours as listed, and weeks at the learner's pace (derived)."""
    course = item.course
    hours = total_hours_text(course)
    stated = (
        f"{hours} in total (as listed by the provider)"
        if hours != NOT_STATED
        else f"total hours {NOT_STATED}"
    )
    weekly = ""
    if course.pace is Pace.SCHEDULED and course.hours_per_week_max is not None:
        source = (
            "derived from its total hours and weeks"
            if course.hours_per_week_derived
            else "as listed"
        )
        weekly = f"; it asks about {number(course.hours_per_week_max)} h/week ({source})"
    return f"{_label(item)}: {stated}{weekly}; {_weeks_at_pace(course, profile)}."


def credential_answer(item: Shown) -> str:
    """What the learner receives on completion, and what it counts toward."""
    text = credential_text(item.course)
    if text == NOT_STATED:
        return f"{_label(item)}: what you receive at the end is {NOT_STATED}."
    return f"{_label(item)}: {text} (as listed by the provider)."


def provider_answer(item: Shown) -> str:
    """Who provides the course and the quality evidence the catalog holds."""
    course = item.course
    who = course.provider or f"a provider whose name is {NOT_STATED}"
    kind = PROVIDER_TYPES.get(course.provider_type) if course.provider_type else None
    intro = f"{_label(item)} is offered by {who}" + (f", {kind}" if kind else "")
    signals = quality_signals(course)
    evidence = (
        f"What the listing shows: {join_words(signals)}."
        if signals
        else f"Rating, reviews, enrolments and accreditation are all {NOT_STATED}."
    )
    missing = [
        label
        for label, value in (
            ("rating", course.rating),
            ("enrolments", course.enrolments),
            ("accreditation", course.accreditation),
        )
        if value is None
    ]
    gaps = f" Not stated: {join_words(missing)}." if signals and missing else ""
    return f"{intro}. {evidence}{gaps}"


def worth_answer(
    item: Shown, profile: LearnerProfile, key_skills: Sequence[str], in_demand: Sequence[str]
) -> str:
    """Time and money it costs this learner, and the evidence of value the data has."""
    course = item.course
    parts = [f"{_label(item)}:"]
    parts.append(f"cost {cost_text(course)};")
    hours = total_hours_text(course)
    parts.append(f"{hours} of study;" if hours != NOT_STATED else f"length {NOT_STATED};")
    parts.append(f"{_weeks_at_pace(course, profile)}.")
    credential = credential_text(course)
    if credential != NOT_STATED:
        parts.append(f"You'd receive: {credential}.")
    taught = [skill(name) for name in key_skills if covers(course, skill(name))]
    demanded = {name.lower() for name in in_demand}
    if taught:
        flagged = [
            t.display + (" — in demand (O*NET)" if t.name.lower() in demanded else "")
            for t in taught
        ]
        parts.append(f"It teaches skills your goal's occupation uses: {join_words(flagged)}.")
    else:
        parts.append("Its listing names none of the tools O*NET lists for your goal.")
    return " ".join(parts)


def worth_answers(
    items: Sequence[Shown],
    profile: LearnerProfile,
    key_skills: Sequence[str],
    in_demand: Sequence[str],
) -> str:
    """The worth of each course asked about, then what the data cannot say."""
    lines = [worth_answer(item, profile, key_skills, in_demand) for item in items]
    return "\n\n".join([*lines, NO_OUTCOME_DATA])
