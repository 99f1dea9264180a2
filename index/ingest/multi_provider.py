"""One listing of four platforms (c. 2024): Coursera, FutureLearn, Udacity, Simplilearn.

Coursera rows carry a category, skills, a stated language, a rating and a time to
complete; the other platforms mostly a title, a link, a short intro and a duration.
Ids use the platform and the link's path (``coursera:learn/x``), the same key as the
Coursera adapter, so a course in both Coursera listings is recognised as one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from index.ingest.language import detect_language
from index.ingest.parsing import clean_text, parse_count, parse_time_to_complete
from index.ingest.urls import is_site_root
from index.schema import Course, CredentialType, Mode, Pace, Source

FILE_NAME = "multi_provider_online_courses.csv"

# Site column -> (id prefix, provider name as the platform spells it).
_SITES = {
    "Coursera": ("coursera", "Coursera"),
    "Future Learn": ("futurelearn", "FutureLearn"),
    "Udacity": ("udacity", "Udacity"),
    "Simplilearn": ("simplilearn", "Simplilearn"),
}
_CREDENTIALS = {
    "Course": CredentialType.COURSE_CERTIFICATE,
    "Specialization": CredentialType.SPECIALIZATION,
    "Professional Certificate": CredentialType.PROFESSIONAL_CERTIFICATE,
    # Coursera lists its Guided Projects under the type 'Project'.
    "Project": CredentialType.GUIDED_PROJECT,
}
# FutureLearn rows often hold the enrolment count where the intro belongs.
_ENROLLED = re.compile(r"([\d,]+)\s+enrolled on this course", flags=re.IGNORECASE)
_RATING = re.compile(r"(\d(?:\.\d)?)\s*(?:stars)?")
# 'Number of viewers' says what it counts only as '108,885 reviews'; a bare figure matches
# neither the other Coursera listing's reviews nor its enrolments, so it is not used.
_REVIEWS = re.compile(r"([\d,]+)\s+reviews", flags=re.IGNORECASE)
_SELF_PACED_PHRASES = ("self-paced", "own schedule", "own pace", "flexible deadlines")


def course_id(platform: str, url: str, title: str) -> str:
    """'coursera' + '.../learn/x?specialization=y' -> 'coursera:learn/x'.

    A link to the site's home page names no course: the title's slug keys it instead.
    """
    path = urlsplit(url).path.strip("/")
    if not path:
        path = "home/" + re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return f"{platform}:{path}"


def _language(stated: str | None) -> str | None:
    """'Portuguese (Brazilian)' -> 'Portuguese', 'Chinese (Simplified)' -> 'Chinese'."""
    if not stated:
        return None
    return stated.split("(")[0].strip() or None


def _skills(text: str) -> list[str]:
    """'SQL, Excel, ' -> ['SQL', 'Excel'], repeats dropped (case-insensitively)."""
    seen: dict[str, str] = {}
    for item in text.split(","):
        cleaned = " ".join(item.split())
        if cleaned and cleaned.lower() not in seen:
            seen[cleaned.lower()] = cleaned
    return list(seen.values())


def _rating(text: str) -> float | None:
    """'4.9stars' or '4.9' -> 4.9."""
    match = _RATING.fullmatch(text.strip())
    return float(match.group(1)) if match else None


def to_course(row: Mapping[str, str]) -> Course:
    """Map one CSV row; raises ``ValueError`` (pydantic's included) when it is unusable."""
    site = row["Site"].strip()
    if site not in _SITES:
        raise ValueError(f"unknown site {site!r}")
    platform, provider = _SITES[site]
    url = row["URL"].strip()
    title = clean_text(row["Title"]) or ""
    intro = clean_text(row["Short Intro"])
    enrolled = _ENROLLED.fullmatch(intro) if intro else None
    description = None if enrolled else intro
    duration_raw = clean_text(row["Duration"])
    time = parse_time_to_complete(duration_raw)
    total = time.total_hours if time else None
    weeks = time.weeks if time else None
    per_week = time.hours_per_week if time else None
    stated_language = _language(clean_text(row["Language"]))
    category = clean_text(row["Category"])
    sub_category = clean_text(row["Sub-Category"])
    course_type = clean_text(row["Course Type"])
    lowered = (description or "").lower()
    reviews = _REVIEWS.fullmatch(row["Number of viewers"].strip())
    return Course(
        id=course_id(platform, url, title),
        source=Source.MULTI_PROVIDER,
        url=url,
        url_is_provider_site=is_site_root(url) if url else False,
        title=title,
        provider=provider,
        description=description,
        skills=_skills(row["Skills"]),
        subject=" / ".join(part for part in (category, sub_category) if part) or None,
        total_hours_min=total.low if total else None,
        total_hours_max=total.high if total else None,
        total_hours_raw=duration_raw if total else None,
        hours_per_week_min=per_week.low if per_week else None,
        hours_per_week_max=per_week.high if per_week else None,
        hours_per_week_raw=duration_raw if per_week else None,
        duration_weeks_min=weeks.low if weeks else None,
        duration_weeks_max=weeks.high if weeks else None,
        duration_raw=duration_raw,
        mode=Mode.ONLINE,
        pace=Pace.SELF_PACED if any(p in lowered for p in _SELF_PACED_PHRASES) else None,
        language=stated_language or detect_language(f"{title}. {description or ''}"),
        language_detected=stated_language is None,
        credential_type=_CREDENTIALS.get(course_type or ""),
        credential_raw=course_type,
        rating=_rating(row["Rating"]),
        reviews=parse_count(reviews.group(1)) if reviews else None,
        enrolments=parse_count(enrolled.group(1)) if enrolled else None,
    )
