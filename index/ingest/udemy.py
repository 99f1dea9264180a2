"""Udemy listing (Kaggle 'Udemy Courses'): price, subscribers, reviews, video hours. Titles only."""

from __future__ import annotations

from collections.abc import Mapping

from index.ingest.language import detect_language
from index.ingest.parsing import clean_text, parse_count, parse_number, parse_yes_no
from index.schema import Cost, Course, Level, Mode, Pace, ProviderType, Source

FILE_NAME = "udemy_courses.csv"
PROVIDER = "Udemy"

_LEVELS = {
    "All Levels": Level.ALL_LEVELS,
    "Beginner Level": Level.BEGINNER,
    "Intermediate Level": Level.INTERMEDIATE,
    "Expert Level": Level.ADVANCED,
}


def to_course(row: Mapping[str, str]) -> Course:
    """Map one CSV row; raises ``ValueError`` (pydantic's included) when it is unusable.

    Udemy sells on-demand video, so every course is online and self-paced; that is
    the platform's model, not a per-course guess. The instructor is not in the data,
    so the provider is the platform itself.
    """
    is_paid = parse_yes_no(row["is_paid"])
    price = parse_number(row["price"])
    hours = parse_number(row["content_duration"])
    title = clean_text(row["course_title"]) or ""
    return Course(
        id=f"udemy:{row['course_id'].strip()}",
        source=Source.UDEMY,
        url=row["url"].strip(),
        title=title,
        provider=PROVIDER,
        provider_type=ProviderType.PLATFORM_INSTRUCTOR,
        subject=clean_text(row["subject"]),
        level=_LEVELS.get(row["level"].strip()),
        # content_duration is hours of video: the least time the course takes.
        total_hours_min=hours if hours else None,
        total_hours_max=hours if hours else None,
        total_hours_raw=f"{row['content_duration'].strip()} hours of video" if hours else None,
        mode=Mode.ONLINE,
        pace=Pace.SELF_PACED,
        language=detect_language(title),
        language_detected=True,
        cost=Cost(
            amount=price,
            currency="USD" if price is not None else None,
            is_free=(not is_paid) if is_paid is not None else None,
            raw=f"is_paid={row['is_paid'].strip()}, price={row['price'].strip()}",
        ),
        reviews=parse_count(row["num_reviews"]),
        enrolments=parse_count(row["num_subscribers"]),
    )
