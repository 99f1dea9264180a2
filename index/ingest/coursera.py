"""Coursera listing (c. 2023): certificate type, time band, rating, skills, outcomes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlparse

from index.ingest.language import detect_language
from index.ingest.parsing import (
    clean_text,
    parse_count,
    parse_duration_weeks,
    parse_hours_per_week,
    parse_list_literal,
    parse_number,
    parse_total_hours_band,
)
from index.ingest.providers import classify_provider, is_industry_provider
from index.schema import Course, CredentialType, Level, Mode, Pace, Source

FILE_NAME = "coursera_courses_1000.csv"

_CREDENTIALS = {
    "Course": CredentialType.COURSE_CERTIFICATE,
    "Specialization": CredentialType.SPECIALIZATION,
    "Professional Certificate": CredentialType.PROFESSIONAL_CERTIFICATE,
    "Guided Project": CredentialType.GUIDED_PROJECT,
}
_LEVELS = {
    "Beginner": Level.BEGINNER,
    "Intermediate": Level.INTERMEDIATE,
    "Advanced": Level.ADVANCED,
    "Mixed": Level.ALL_LEVELS,
}
# Phrases by which a Coursera description states that learners set their own pace.
_SELF_PACED_PHRASES = ("self-paced", "own schedule", "own pace", "flexible deadlines")


def course_id(url: str) -> str:
    """'https://www.coursera.org/learn/analyze-data' -> 'coursera:learn/analyze-data'."""
    return "coursera:" + urlparse(url).path.strip("/")


def to_course(row: Mapping[str, str]) -> Course:
    """Map one CSV row; raises ``ValueError`` (pydantic's included) when it is unusable."""
    url = row["course_url"].strip()
    description = clean_text(row["course_description"], max_chars=4000)
    time_band = clean_text(row["course_time"])
    hours_per_week = parse_hours_per_week(description)
    duration = parse_duration_weeks(time_band)
    total_band = parse_total_hours_band(time_band)
    if total_band is not None:
        total = total_band
    elif hours_per_week is not None and duration is not None:
        total = hours_per_week.scaled(duration)
    else:
        total = None
    provider = clean_text(row["course_organization"])
    lowered = (description or "").lower()
    title = clean_text(row["course_title"]) or ""
    return Course(
        id=course_id(url),
        source=Source.COURSERA,
        url=url,
        title=title,
        provider=provider,
        provider_type=classify_provider(provider),
        description=description,
        learning_outcomes=parse_list_literal(row["course_summary"]),
        skills=parse_list_literal(row["course_skills"]),
        level=_LEVELS.get(row["course_difficulty"].strip()),
        total_hours_min=total.low if total else None,
        total_hours_max=total.high if total else None,
        total_hours_raw=time_band if total_band else None,
        hours_per_week_min=hours_per_week.low if hours_per_week else None,
        hours_per_week_max=hours_per_week.high if hours_per_week else None,
        hours_per_week_raw=_quote_hours(description) if hours_per_week else None,
        duration_weeks_min=duration.low if duration else None,
        duration_weeks_max=duration.high if duration else None,
        duration_raw=time_band,
        mode=Mode.ONLINE,
        pace=Pace.SELF_PACED if any(p in lowered for p in _SELF_PACED_PHRASES) else None,
        language=detect_language(f"{title}. {description or ''}"),
        language_detected=True,
        credential_type=_CREDENTIALS.get(row["course_certificate_type"].strip()),
        credential_raw=clean_text(row["course_certificate_type"]),
        rating=parse_number(row["course_rating"]),
        reviews=parse_count(row["course_reviews_num"]),
        enrolments=parse_count(row["course_students_enrolled"]),
        industry_backed=True if is_industry_provider(provider) else None,
    )


def _quote_hours(description: str | None) -> str | None:
    """The sentence fragment that stated the weekly hours, kept as raw evidence."""
    if not description:
        return None
    match = re.search(r"[^.]{0,60}hours?\s*(?:a|per|/)\s*week[^.]{0,20}", description, re.I)
    return match.group(0).strip() if match else None
