"""Search results -> course cards: the figures a learner decides on, and one 'why'.

Every figure on a card comes from a catalog field or from the learner's own answers
(weeks at their pace is total hours / their hours per week). A field the catalog
lacks reads NOT_STATED, never a typical value, and the 'why' sentence is assembled
only from clauses whose figures exist.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from advisor.explain import (
    background_clause,
    goal_topic,
    skills_clause,
    standing_clause,
    topic_clause,
)
from advisor.formatting import NOT_STATED, join_words, money, number, number_range, plural
from advisor.profile import LearnerProfile
from advisor.skills import skills_you_lack
from index.occupations.matcher import split_current_role
from index.places import COUNTY, gazetteer, miles
from index.schema import Course, CredentialType, Mode, Pace, ProviderType

if TYPE_CHECKING:  # importing index.search at run time would load FAISS for a type name
    from index.search import SearchResult

Fit = Literal["fits", "tight", "too_much", "unknown"]

DECIMAL_SCALE = 10  # weeks are shown to one decimal place
ROUNDING_SLACK = 1e-9  # 4.8 * 10 is 48.00000000000001 in floating point, not 49
MAX_WHY_SKILLS = 3  # a sentence naming more tools than this stops being read
MAX_GOAL_WORDS = 12  # the goal is echoed, not quoted in full: a pasted essay stays out
MAX_GOAL_CHARS = 80

NO_WEEKLY_HOURS = "depends on your weekly hours"

_CREDENTIAL_LABELS = {
    CredentialType.COURSE_CERTIFICATE: "Course certificate",
    CredentialType.SPECIALIZATION: "Specialization certificate",
    CredentialType.PROFESSIONAL_CERTIFICATE: "Professional Certificate",
    CredentialType.GUIDED_PROJECT: "Guided project certificate",
    CredentialType.PROGRAM_CERTIFICATE: "Program certificate",
    CredentialType.CERTIFICATE_OF_COMPLETION: "Certificate of completion",
    CredentialType.DEGREE: "Degree",
    CredentialType.NONE: "No credential",
}
_PROVIDER_SIGNALS = {
    ProviderType.UNIVERSITY: "university provider",
    ProviderType.COLLEGE: "college provider",
}

# "I want to become a data analyst" -> "becoming a data analyst": the goal reads as a
# phrase inside the sentence instead of a quotation.
_GOAL_LEAD = re.compile(
    r"^(?:and|but|so|well|hi|hello|hey)?[\s,]*(?:i(?:'d| would)? (?:really )?(?:like|love|want|"
    r"wanna|hope|plan|need|am looking|'m looking|am trying|'m trying)(?: to)?|my goal is(?: to)?"
    r"|looking to|trying to|want(?: to)?|help me(?: to)?)(?:\s+|$)",
    flags=re.IGNORECASE,
)
_GERUNDS = {
    "become": "becoming",
    "be": "being",
    "learn": "learning",
    "get": "getting",
    "move": "moving",
    "switch": "switching",
    "start": "starting",
    "work": "working",
    "improve": "improving",
    "study": "studying",
    "build": "building",
    "change": "changing",
    "go": "going",
    "transition": "transitioning",
    "break": "breaking",
    "train": "training",
    "understand": "understanding",
    "master": "mastering",
    "pivot": "pivoting",
    "retrain": "retraining",
    "upskill": "upskilling",
}


@dataclass
class CourseCard:
    """One recommended course as the learner sees it."""

    id: str
    url: str | None
    url_is_provider_site: bool  # the link is the provider's home page, not the course page
    title: str
    provider: str | None
    position: int  # 1-based, as the learner refers to it ("compare 1 and 3")
    total_hours_text: str
    weeks_at_pace: float | None
    weeks_text: str
    fit: Fit
    fit_text: str
    cost_text: str
    mode_text: str
    pace_text: str
    credential_text: str
    quality_signals: list[str] = field(default_factory=list)
    skills_you_lack: list[str] = field(default_factory=list)
    why: str = ""
    # Values a constraint needed that the provider does not state ("weekly hours not
    # stated by the provider"), and figures derived rather than stated; shown on the card.
    notes: list[str] = field(default_factory=list)


def round_up(value: float) -> float:
    """Round up to one decimal: a time estimate should not flatter the course."""
    return math.ceil(value * DECIMAL_SCALE - ROUNDING_SLACK) / DECIMAL_SCALE


def total_hours_text(course: Course) -> str:
    """'24–36 h', 'about 12 h', 'up to 36 h', or NOT_STATED."""
    low, high = course.total_hours_min, course.total_hours_max
    if low is None and high is None:
        return NOT_STATED
    if low is None:
        return f"up to {number_range(None, high)} h"
    if high is None:
        return f"at least {number_range(low, None)} h"
    span = number_range(low, high)
    return f"about {span} h" if low == high else f"{span} h"


@dataclass(frozen=True)
class Timing:
    """How many weeks the course takes this learner, and what that is based on.

    ``basis`` is "pace" (total hours / the learner's hours per week), "schedule" (the
    provider's stated duration for a course on a fixed calendar) or "none" (unknown).
    """

    weeks_min: float | None
    weeks_max: float | None
    basis: Literal["pace", "schedule", "none"]
    hours_per_week: float | None = None

    @property
    def span(self) -> str | None:
        """'about 4.8 weeks', '3–4.8 weeks', 'under a week'; rounded up, never flattering."""
        if self.weeks_min is None or self.weeks_max is None:
            return None
        low, high = round_up(self.weeks_min), round_up(self.weeks_max)
        if high < 1:
            return "under a week"
        if number(low) == number(high):
            return f"about {number(high)} {'week' if number(high) == '1' else 'weeks'}"
        return f"{number_range(low, high)} weeks"


UNKNOWN_TIMING = Timing(None, None, "none")


def timing(course: Course, hours_per_week: float | None) -> Timing:
    """Weeks to finish: total hours / the learner's hours per week for a course they pace
    themselves; the provider's stated duration for a course that runs on a schedule (it
    ends when the schedule ends, however many hours the learner has)."""
    if course.pace is Pace.SCHEDULED:
        low = course.duration_weeks_min or course.duration_weeks_max
        high = course.duration_weeks_max or course.duration_weeks_min
        return Timing(low, high, "schedule") if high is not None else UNKNOWN_TIMING
    if hours_per_week is None or course.total_hours_max is None:
        return UNKNOWN_TIMING
    low_hours = course.total_hours_min or course.total_hours_max
    return Timing(
        low_hours / hours_per_week,
        course.total_hours_max / hours_per_week,
        "pace",
        hours_per_week,
    )


def fit(timing_: Timing, deadline_weeks: float | None) -> Fit:
    """'fits' if even the longest estimate meets the deadline, 'tight' if only the
    shortest does, 'too_much' if neither; 'unknown' without a deadline or an estimate."""
    if deadline_weeks is None or timing_.weeks_max is None or timing_.weeks_min is None:
        return "unknown"
    if timing_.weeks_max <= deadline_weeks:
        return "fits"
    if timing_.weeks_min <= deadline_weeks:
        return "tight"
    return "too_much"


def weeks_text(course: Course, timing_: Timing) -> str:
    """The time to finish in words, saying what it is based on."""
    span = timing_.span
    if span is not None and timing_.basis == "schedule":
        return f"runs {span.removeprefix('about ')} on the provider's schedule"
    if span is not None and timing_.hours_per_week is not None:
        return f"{span} at your {number(timing_.hours_per_week)} h/week"
    if course.total_hours_max is not None and course.pace is not Pace.SCHEDULED:
        return NO_WEEKLY_HOURS
    suggested = number_range(course.duration_weeks_min, course.duration_weeks_max)
    if suggested is not None and course.pace is not Pace.SCHEDULED:
        return f"provider suggests {suggested} weeks"
    return NOT_STATED


def fit_text(verdict: Fit, profile: LearnerProfile, course: Course) -> str:
    """The fit verdict in words, naming the deadline it was judged against."""
    if profile.deadline_weeks is None:
        return "no deadline given"
    deadline = f"{number(profile.deadline_weeks)}-week deadline"
    if verdict == "fits":
        return f"fits your {deadline}"
    if verdict == "tight":
        return f"may be tight for your {deadline}"
    if verdict == "too_much":
        return f"longer than your {deadline}"
    length_stated = (
        course.duration_weeks_max is not None
        if course.pace is Pace.SCHEDULED
        else course.total_hours_max is not None
    )
    if length_stated and profile.hours_per_week is None:
        return f"can't tell against your {deadline} without your weekly hours"
    return f"can't tell against your {deadline}: length {NOT_STATED}"


def cost_text(course: Course) -> str:
    """'Free', 'Free to audit; certificate $49', '$200', or NOT_STATED."""
    cost = course.cost
    fee = (
        f"; certificate {money(cost.certificate_fee, cost.currency)}"
        if cost.certificate_fee
        else ""
    )
    if cost.is_free is True or (cost.amount == 0 and cost.is_free is not False):
        return f"Free to audit{fee}" if fee else "Free"
    if cost.amount is not None and cost.amount > 0:
        return f"{money(cost.amount, cost.currency)}{fee}"
    if cost.is_free is False:
        return f"Paid; price {NOT_STATED}"
    return NOT_STATED


def distance_text(course: Course, place: str | None) -> str:
    """'about 5 miles from Jersey City (straight line)' for an on-site course; '' when the
    learner gave no place, either town is unknown, or the course is in their own town.

    The figure is the straight line between town centres (``index.places``), not the
    drive, so it is labelled as such; it is the figure the location constraint used.
    """
    if not place or not course.location or course.mode is Mode.ONLINE:
        return ""
    places = gazetteer()
    learner, site = places.resolve(place.strip().lower()), places.resolve(course.location.lower())
    if learner is None or site is None or learner == site:
        return ""
    away = round(miles(learner, site))
    span = "under a mile" if away < 1 else f"about {plural(away, 'mile')}"
    if COUNTY.match(site.name) and not COUNTY.match(course.location.split(",")[0].strip()):
        # The town is not in the place list: the figure is to its county's centre.
        return f"{span} from {learner.name} (straight line to the {site.name} centre)"
    return f"{span} from {learner.name} (straight line)"


def mode_text(course: Course, place: str | None = None) -> str:
    """'Online', 'In person — Newark, NJ', 'Blended (online and in person)'; with the
    learner's ``place``, 'In person — Newark, NJ — about 5 miles from Jersey City …'."""
    labels = {
        Mode.ONLINE: "Online",
        Mode.IN_PERSON: "In person",
        Mode.BLENDED: "Blended (online and in person)",
    }
    if course.mode is None:
        return NOT_STATED
    text = labels[course.mode]
    if course.mode is not Mode.ONLINE and course.location:
        text += f" — {course.location}"
        if distance := distance_text(course, place):
            text += f" — {distance}"
    if course.evening_or_weekend:
        text += ", evenings or weekends"
    return text


def pace_text(course: Course) -> str:
    """'Self-paced (provider suggests 3–4 h/week)', 'Scheduled, 20 h/week', or NOT_STATED."""
    weekly = number_range(course.hours_per_week_min, course.hours_per_week_max)
    if course.pace is Pace.SELF_PACED:
        return f"Self-paced (provider suggests {weekly} h/week)" if weekly else "Self-paced"
    if course.pace is Pace.SCHEDULED:
        return f"Scheduled, {weekly} h/week" if weekly else "Scheduled"
    return NOT_STATED


def _leads_to(course: Course) -> list[str]:
    leads = course.leads_to
    parts: list[str] = []
    if leads.licence:
        parts.append(f"leads to licence: {leads.licence}")
    if leads.industry_credential:
        parts.append(f"leads to industry credential: {leads.industry_credential}")
    if leads.credits:
        parts.append(f"counts for {plural(leads.credits, 'credit')}")
    elif leads.degree_credit:
        parts.append("counts toward a degree")
    return parts


def credential_text(course: Course) -> str:
    """'Professional Certificate from Google; leads to licence: NURSE AIDE', or NOT_STATED."""
    parts: list[str] = []
    if course.credential_type is not None:
        label = _CREDENTIAL_LABELS[course.credential_type]
        if course.credential_type is CredentialType.DEGREE and course.credential_raw:
            label = course.credential_raw
        if course.provider and course.credential_type is not CredentialType.NONE:
            label += f" from {course.provider}"
        parts.append(label)
    parts += _leads_to(course)
    return "; ".join(parts) if parts else NOT_STATED


def quality_signals(course: Course) -> list[str]:
    """Evidence of quality the catalog states; nothing is inferred."""
    signals: list[str] = []
    if course.rating is not None:
        rated = f"rated {course.rating:.1f}/5"
        if course.reviews:
            rated += f" from {plural(course.reviews, 'review')}"
        signals.append(rated)
    elif course.reviews:
        signals.append(plural(course.reviews, "review"))
    if course.enrolments:
        signals.append(f"{number(course.enrolments)} enrolled")
    if course.industry_backed:
        signals.append("industry-backed")
    if course.provider_type in _PROVIDER_SIGNALS:
        signals.append(_PROVIDER_SIGNALS[course.provider_type])
    if course.accreditation:
        signals.append(f"accredited by {course.accreditation}")
    return signals


def goal_phrase(goal: str) -> str:
    """'I want to become a data analyst' -> 'becoming a data analyst'."""
    target, _ = split_current_role(goal)
    phrase = target.strip().rstrip(".!?")
    for _ in range(2):  # "and I want to …" has two lead-ins
        phrase = _GOAL_LEAD.sub("", phrase).strip()
    first, _, rest = phrase.partition(" ")
    if first.lower() in _GERUNDS:
        phrase = f"{_GERUNDS[first.lower()]} {rest}".strip()
    phrase = phrase or goal.strip()
    shortened = " ".join(phrase.split()[:MAX_GOAL_WORDS])[:MAX_GOAL_CHARS]
    return shortened if shortened == phrase else shortened.rstrip() + "…"


def _time_clause(timing_: Timing, verdict: Fit, profile: LearnerProfile, course: Course) -> str:
    deadline = (
        f"{number(profile.deadline_weeks)}-week deadline"
        if profile.deadline_weeks is not None
        else ""
    )
    suffix = {
        "fits": f", within your {deadline}",
        "tight": f", which may be tight for your {deadline}",
        "too_much": f", more than your {deadline}",
        "unknown": "",
    }[verdict]
    span = timing_.span
    if span is not None and timing_.basis == "schedule":
        return f"runs {span.removeprefix('about ')} on a fixed schedule{suffix}"
    if span is not None and timing_.hours_per_week is not None:
        return f"at {number(timing_.hours_per_week)} h/week you'd finish in {span}{suffix}"
    if course.total_hours_max is not None:
        return f"takes {total_hours_text(course)} in total"
    return ""


def _cost_clause(course: Course, profile: LearnerProfile) -> str:
    text = cost_text(course)
    if profile.free_only and text.startswith("Free"):
        return "costs nothing to audit" if "certificate" in text else "costs nothing"
    if profile.budget_max is not None and course.cost.amount is not None:
        if course.cost.amount == 0:
            return "costs nothing"
        within = profile.budget_max >= course.cost.amount and (
            profile.budget_currency in (None, course.cost.currency)
        )
        if within:
            return f"costs {money(course.cost.amount, course.cost.currency)}, within your budget"
    return ""


def _credit_clause(course: Course, profile: LearnerProfile) -> str:
    if profile.credit not in {"degree_credit", "industry", "either"}:
        return ""
    leads = course.leads_to
    degree: list[str] = []
    if leads.credits:
        degree.append(f"counts for {plural(leads.credits, 'credit')}")
    elif leads.degree_credit:
        degree.append("counts toward a degree")
    industry: list[str] = []
    if leads.licence:
        industry.append(f"leads to the {leads.licence} licence")
    if leads.industry_credential:
        industry.append(f"leads to the {leads.industry_credential} credential")
    chosen = {"degree_credit": degree, "industry": industry, "either": degree + industry}
    return join_words(chosen[profile.credit or "either"])


def _sentence(clauses: Sequence[str]) -> str:
    parts = [clause for clause in clauses if clause]
    if not parts:
        return "It is close in subject to what you asked for; its listing states few details."
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", and " + parts[-1]
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "…")) else text + "."


def why_sentence(
    course: Course,
    profile: LearnerProfile,
    lacking: Sequence[str],
    timing_: Timing,
    verdict: Fit,
    occupation: str | None = None,
) -> str:
    """One sentence on why this course, from its own content and the learner's answers.

    Content first (what of the goal it names, which of the occupation's tools it teaches,
    how it relates to what the learner knows, its standing), then the fit of time, cost
    and credit. Nothing is said that the course's fields do not show.
    """
    topic = topic_clause(course, goal_topic(profile)) if profile.goal else ""
    skills = skills_clause(lacking, profile, occupation)
    background = background_clause(course, profile)
    standing = standing_clause(course)
    time = _time_clause(timing_, verdict, profile, course)
    cost = _cost_clause(course, profile)
    credit = _credit_clause(course, profile)
    return _sentence([topic, skills, background, standing, time, cost, credit])


def build_card(
    result: SearchResult,
    position: int,
    profile: LearnerProfile,
    occupation_skills: Sequence[str],
    notes: Sequence[str] = (),
    occupation: str | None = None,
) -> CourseCard:
    """The card for one search result at its 1-based position."""
    course = result.course
    card_timing = timing(course, profile.hours_per_week)
    verdict = fit(card_timing, profile.deadline_weeks)
    lacking = skills_you_lack(course, occupation_skills, profile.known_skills)
    # "At your pace" only means something when the learner sets the pace.
    weeks = (
        round_up(card_timing.weeks_max)
        if card_timing.weeks_max is not None and card_timing.basis == "pace"
        else None
    )
    return CourseCard(
        id=course.id,
        url=course.url,
        url_is_provider_site=course.url_is_provider_site,
        title=course.title,
        provider=course.provider,
        position=position,
        total_hours_text=total_hours_text(course),
        weeks_at_pace=weeks,
        weeks_text=weeks_text(course, card_timing),
        fit=verdict,
        fit_text=fit_text(verdict, profile, course),
        cost_text=cost_text(course),
        mode_text=mode_text(course, profile.location),
        pace_text=pace_text(course),
        credential_text=credential_text(course),
        quality_signals=quality_signals(course),
        skills_you_lack=lacking,
        why=why_sentence(course, profile, lacking, card_timing, verdict, occupation),
        notes=list(notes),
    )


def build_cards(
    results: Sequence[SearchResult],
    profile: LearnerProfile,
    occupation_skills: Sequence[str],
) -> list[CourseCard]:
    """Cards for ranked results, numbered from 1 in rank order."""
    return [
        build_card(result, position, profile, occupation_skills)
        for position, result in enumerate(results, start=1)
    ]


def card_payload(card: CourseCard) -> dict[str, Any]:
    """The card as JSON-safe data for the web widget (text fields already worded)."""
    raw = asdict(card)
    return {
        "id": raw["id"],
        "url": raw["url"],
        "url_is_provider_site": raw["url_is_provider_site"],
        "title": raw["title"],
        "provider": raw["provider"],
        "position": raw["position"],
        "total_hours": raw["total_hours_text"],
        "weeks_at_pace": raw["weeks_at_pace"],
        "weeks": raw["weeks_text"],
        "fit": raw["fit"],
        "fit_text": raw["fit_text"],
        "cost": raw["cost_text"],
        "mode": raw["mode_text"],
        "pace": raw["pace_text"],
        "credential": raw["credential_text"],
        "quality": list(raw["quality_signals"]),
        "skills_you_lack": list(raw["skills_you_lack"]),
        "why": raw["why"],
        "notes": list(raw["notes"]),
    }


def courses_payload(cards: Sequence[CourseCard]) -> dict[str, Any]:
    """The message the web widget renders as a list of cards."""
    return {"type": "courses", "courses": [card_payload(card) for card in cards]}
