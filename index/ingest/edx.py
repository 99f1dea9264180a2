"""edX listing (c. 2021): effort per week, length in weeks, audit price and certificate fee."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlparse

from index.ingest.language import EDX_LANGUAGE_NAMES
from index.ingest.parsing import (
    clean_text,
    parse_count,
    parse_duration_weeks,
    parse_edx_price,
    parse_hours_per_week,
)
from index.ingest.providers import classify_provider, is_industry_provider
from index.schema import Cost, Course, CredentialType, Level, Mode, Pace, Source

FILE_NAME = "edx_courses_975.csv"

_LEVELS = {
    "Introductory": Level.BEGINNER,
    "Intermediate": Level.INTERMEDIATE,
    "Advanced": Level.ADVANCED,
}
_PACES = {
    "Self-paced on your time": Pace.SELF_PACED,
    "Instructor-led on a course schedule": Pace.SCHEDULED,
}


def course_id(url: str) -> str:
    """'https://www.edx.org/course/how-to-learn-online' -> 'edx:how-to-learn-online'."""
    return "edx:" + urlparse(url).path.strip("/").removeprefix("course/")


def to_course(row: Mapping[str, str]) -> Course:
    """Map one CSV row; raises ``ValueError`` (pydantic's included) when it is unusable."""
    url = row["course_url"].strip()
    effort_raw = clean_text(row["course_effort"])
    length_raw = clean_text(row["course_length"])
    hours_per_week = parse_hours_per_week(effort_raw)
    duration = parse_duration_weeks(length_raw)
    total = hours_per_week.scaled(duration) if hours_per_week and duration else None
    price_raw = clean_text(row["price"])
    price = parse_edx_price(price_raw)
    summary = clean_text(row["summary"])
    body = clean_text(row["course_description"], max_chars=4000)
    description = " ".join(part for part in (summary, body) if part) or None
    provider = clean_text(row["institution"])
    language_raw = clean_text(row["language"])
    return Course(
        id=course_id(url),
        source=Source.EDX,
        url=url,
        title=clean_text(row["title"]) or "",
        provider=provider,
        provider_type=classify_provider(provider),
        description=description,
        subject=clean_text(row["subject"]),
        level=_LEVELS.get(row["Level"].strip()),
        total_hours_min=total.low if total else None,
        total_hours_max=total.high if total else None,
        total_hours_raw=f"{effort_raw} x {length_raw}" if total else None,
        hours_per_week_min=hours_per_week.low if hours_per_week else None,
        hours_per_week_max=hours_per_week.high if hours_per_week else None,
        hours_per_week_raw=effort_raw,
        duration_weeks_min=duration.low if duration else None,
        duration_weeks_max=duration.high if duration else None,
        duration_raw=length_raw,
        mode=Mode.ONLINE,
        pace=_PACES.get(row["course_type"].strip()),
        language=EDX_LANGUAGE_NAMES.get(language_raw or "", language_raw),
        cost=Cost(
            amount=price.amount if price else None,
            currency=price.currency if price else None,
            is_free=price.is_free if price else None,
            certificate_fee=price.certificate_fee if price else None,
            raw=price_raw,
        ),
        credential_type=(
            CredentialType.COURSE_CERTIFICATE if price and price.certificate_fee else None
        ),
        credential_raw="Verified Certificate" if price and price.certificate_fee else None,
        enrolments=parse_count(row["n_enrolled"]),
        industry_backed=True if is_industry_provider(provider) else None,
    )
