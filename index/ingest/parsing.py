"""Rules that turn the sources' free text into numbers.

Every function returns ``None`` when the text does not match a documented
pattern: an unparseable value is "not stated", never a guess. The rules are
listed in ``data/courses/SOURCES.md``.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from index.ingest.contact import redact_contacts

WEEKS_PER_MONTH = 52 / 12  # 4.33: calendar months to weeks, used for month bands
DAYS_PER_WEEK = 7
HOURS_IN_A_WEEK = 24 * DAYS_PER_WEEK  # a weekly load above this is a data error

_DASH = r"\s*(?:-|–|—|to)\s*"
_NUMBER = r"(\d+(?:[.,]\d+)?)"


@dataclass(frozen=True)
class Range:
    """An inclusive numeric range; a single figure has ``low == high``."""

    low: float
    high: float

    def scaled(self, other: Range) -> Range:
        """Multiply two ranges (hours/week x weeks -> total hours)."""
        return Range(self.low * other.low, self.high * other.high)


def _to_float(text: str) -> float:
    return float(text.replace(",", ""))


def parse_number(text: str | None) -> float | None:
    """Parse '6,706', '4.7', '1.9k', '$49.99' into a float; blanks and 'NA' are None."""
    if text is None:
        return None
    cleaned = text.strip().replace("$", "").replace(",", "")
    if not cleaned or cleaned.upper() in {"NA", "N/A", "NONE", "NAN"}:
        return None
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([kKmM]?)", cleaned)
    if match is None:
        return None
    value = float(match.group(1))
    multiplier = {"": 1, "k": 1_000, "m": 1_000_000}[match.group(2).lower()]
    return value * multiplier


def parse_count(text: str | None) -> int | None:
    """Parse an enrolment or review count ('1.9k' -> 1900)."""
    value = parse_number(text)
    return None if value is None else round(value)


def parse_range(text: str) -> Range | None:
    """Parse '2–4', '1 - 3', '6' (any dash or 'to') into a range."""
    match = re.fullmatch(rf"\s*{_NUMBER}(?:{_DASH}{_NUMBER})?\s*", text)
    if match is None:
        return None
    low = _to_float(match.group(1))
    high = _to_float(match.group(2)) if match.group(2) else low
    if high < low:
        return None
    return Range(low, high)


def parse_hours_per_week(text: str | None) -> Range | None:
    """'2–4 hours per week', '10 hours a week', '2-4 hours/week' -> hours per week."""
    if not text:
        return None
    match = re.search(
        rf"{_NUMBER}(?:{_DASH}{_NUMBER})?\s*(?:hours?|hrs?)\s*(?:a|per|/|each)\s*week",
        text,
        flags=re.IGNORECASE,
    )
    if match is None:
        return None
    low = _to_float(match.group(1))
    high = _to_float(match.group(2)) if match.group(2) else low
    return Range(low, high) if 0 < low <= high else None


_UNIT_WEEKS = {
    "day": 1 / DAYS_PER_WEEK,
    "week": 1.0,
    "month": WEEKS_PER_MONTH,
    "year": 52.0,
}


def parse_duration_weeks(text: str | None) -> Range | None:
    """Calendar length in weeks: '6 Weeks', '1 - 3 Months', '13 months-2 years', '3-7 days'.

    'Less than one day' is at most a day (1/7 week). 'Less Than 2 Hours' is a total time,
    not a calendar length (see ``parse_total_hours_band``), so it gives None here.
    Open-ended bands ('more than 4 years') have no upper bound and return None.
    """
    if not text:
        return None
    lowered = text.strip().lower()
    if lowered.startswith("less than"):
        if "day" in lowered:
            return Range(1 / DAYS_PER_WEEK, 1 / DAYS_PER_WEEK)
        return None
    if lowered.startswith("more than"):
        return None
    match = re.fullmatch(
        rf"{_NUMBER}\s*(day|week|month|year)?s?{_DASH}{_NUMBER}\s*(day|week|month|year)s?",
        lowered,
    )
    if match is not None:
        high_unit = _UNIT_WEEKS[match.group(4)]
        low_unit = _UNIT_WEEKS[match.group(2)] if match.group(2) else high_unit
        return Range(_to_float(match.group(1)) * low_unit, _to_float(match.group(3)) * high_unit)
    match = re.fullmatch(rf"{_NUMBER}\s*(day|week|month|year)s?", lowered)
    if match is not None:
        weeks = _to_float(match.group(1)) * _UNIT_WEEKS[match.group(2)]
        return Range(weeks, weeks)
    return None


def parse_total_hours_band(text: str | None) -> Range | None:
    """Coursera's 'Less Than 2 Hours' band is a total time, not a calendar length."""
    if not text:
        return None
    match = re.fullmatch(rf"\s*less than\s+{_NUMBER}\s*hours?\s*", text, flags=re.IGNORECASE)
    if match is None:
        return None
    return Range(0.0, _to_float(match.group(1)))


@dataclass(frozen=True)
class EdxPrice:
    """edX's 'FREE-Add a Verified Certificate for $49 USD' split into its parts."""

    amount: float
    is_free: bool
    certificate_fee: float | None
    currency: str | None


def parse_edx_price(text: str | None) -> EdxPrice | None:
    """Audit is free; the verified certificate has its own fee."""
    if not text:
        return None
    free = re.fullmatch(
        rf"\s*FREE\s*-\s*Add a Verified Certificate for \$\s*{_NUMBER}\s*(USD)?\s*",
        text,
        flags=re.IGNORECASE,
    )
    if free is not None:
        return EdxPrice(0.0, True, _to_float(free.group(1)), "USD")
    if re.fullmatch(r"\s*FREE\s*", text, flags=re.IGNORECASE):
        return EdxPrice(0.0, True, None, None)
    paid = re.fullmatch(rf"\s*\$\s*{_NUMBER}\s*(USD)?\s*", text)
    if paid is not None:
        return EdxPrice(_to_float(paid.group(1)), False, None, "USD")
    return None


def parse_list_literal(text: str | None) -> list[str]:
    """Parse "['SQL', 'Excel']" safely (no eval), dropping blanks and repeats, keeping order."""
    if not text or not text.strip():
        return []
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return []
    if not isinstance(value, list):
        return []
    seen: dict[str, None] = {}
    for item in value:
        if isinstance(item, str):
            cleaned = " ".join(item.split())
            if cleaned and cleaned.lower() not in {k.lower() for k in seen}:
                seen[cleaned] = None
    return list(seen)


def parse_yes_no(text: str | None) -> bool | None:
    """'yes'/'no' flags; anything else is not stated."""
    if text is None:
        return None
    lowered = text.strip().lower()
    if lowered in {"yes", "y", "true"}:
        return True
    if lowered in {"no", "n", "false"}:
        return False
    return None


def clean_text(text: str | None, *, max_chars: int | None = None) -> str | None:
    """Collapse whitespace; blank and 'NA'/'None' placeholders mean not stated.

    E-mail addresses and phone numbers are replaced by a marker (``index.ingest.contact``):
    the catalog carries no contact data, whatever a source's free text holds.
    """
    if text is None:
        return None
    collapsed = redact_contacts(" ".join(text.split()))
    if not collapsed or collapsed.upper() in {"NA", "N/A", "NONE", "[]"}:
        return None
    if max_chars is not None and len(collapsed) > max_chars:
        collapsed = collapsed[:max_chars].rsplit(" ", 1)[0] + "…"
    return collapsed


def derive_weekly_hours(total: Range, weeks: Range) -> Range | None:
    """Average weekly load of a scheduled programme: total hours / calendar weeks.

    The range is conservative at both ends (fewest hours over most weeks, most hours
    over fewest weeks). A programme shorter than a week needs all its hours in that one
    week, so fewer than 1 week counts as 1. A load above the 168 hours a week has means
    one of the two figures is wrong: nothing is derived.
    """
    if total.low <= 0 or weeks.low <= 0:
        return None
    low = total.low / max(weeks.high, 1.0)
    high = total.high / max(weeks.low, 1.0)
    if high > HOURS_IN_A_WEEK:
        return None
    return Range(low, high)


@dataclass(frozen=True)
class StatedTime:
    """What a 'time to complete' text states: total hours, calendar weeks, weekly hours."""

    total_hours: Range | None = None
    weeks: Range | None = None
    hours_per_week: Range | None = None


_TIME_PREFIX = re.compile(r"^(?:estimated\s*)?(?:time\s*)?(?:approx(?:imately|\.)?\s*)?")
_TIME_SUFFIX = re.compile(r"\s*to complete$")
_UNITS_AT_HOURS = re.compile(
    rf"{_NUMBER}\s*(day|week|month|year)s?\s+at\s+{_NUMBER}\s*hours?\s*(?:a|per)\s*week"
)
_TOTAL_TIME = re.compile(rf"{_NUMBER}\s*(hour|hora|minute)s?")


def parse_time_to_complete(text: str | None) -> StatedTime | None:
    """Listing phrases: 'Approx. 13 hours to complete' (total), 'Approximately 3 months to
    complete' (calendar), '6 months at 10 hours a week' (both, total = product),
    'Estimated timeApprox. 2 Weeks', '4 - 8 Weeks to complete', '40 minutes', '2 horas'.

    'Flexible schedule' and 'undefined' state nothing: None.
    """
    if not text:
        return None
    phrase = " ".join(text.split()).lower()
    phrase = _TIME_SUFFIX.sub("", _TIME_PREFIX.sub("", phrase)).strip()
    both = _UNITS_AT_HOURS.fullmatch(phrase)
    if both is not None:
        weeks_each = _to_float(both.group(1)) * _UNIT_WEEKS[both.group(2)]
        per_week = _to_float(both.group(3))
        if weeks_each <= 0 or per_week <= 0:
            return None
        weeks = Range(weeks_each, weeks_each)
        hours = Range(per_week, per_week)
        return StatedTime(total_hours=hours.scaled(weeks), weeks=weeks, hours_per_week=hours)
    total = _TOTAL_TIME.fullmatch(phrase)
    if total is not None:
        amount = _to_float(total.group(1)) / (60 if total.group(2) == "minute" else 1)
        return StatedTime(total_hours=Range(amount, amount)) if amount > 0 else None
    weeks_range = parse_duration_weeks(phrase)
    return StatedTime(weeks=weeks_range) if weeks_range is not None else None
