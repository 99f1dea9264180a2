"""Pluralsight library dump (2019): product id, title and the opening of the description.

The dump mixes courses with their modules and clips; only objects with a description
are courses. It states no duration, price or level, so those stay unknown.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator, Mapping
from pathlib import Path

from index.ingest.language import detect_language
from index.ingest.parsing import clean_text
from index.schema import Course, Mode, Pace, ProviderType, Source

FILE_NAME = "pluralsight_courses.json.gz"
PROVIDER = "Pluralsight"
# A course's public page, by the platform's own scheme: /courses/<product id>.
COURSE_URL = "https://www.pluralsight.com/courses/{}"


class NotACourseError(ValueError):
    """A module or clip of a course, listed in the same dump: skipped, not rejected."""


def read_objects(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """The dump's objects with their 1-based position, values as text like a CSV row."""
    with gzip.open(path, "rt", encoding="utf-8", errors="surrogateescape") as handle:
        objects = json.load(handle)
    for number, item in enumerate(objects, start=1):
        yield number, {str(k): "" if v is None else str(v) for k, v in item.items()}


def to_course(row: Mapping[str, str]) -> Course:
    """Map one object; raises ``NotACourseError`` for modules and clips, ``ValueError`` otherwise.

    Pluralsight sells an on-demand video library, so every course is online and
    self-paced: the platform's model, not a per-course guess. The authors are not in
    the dump, so the provider is the platform.
    """
    description = clean_text(row["description"])
    if description is None:
        raise NotACourseError("module or clip (no description)")
    product_id = row["prodId"].strip()
    if not product_id:
        raise ValueError("prodId: no product id (a site page, not a course)")
    title = clean_text(row["title"]) or ""
    return Course(
        id=f"pluralsight:{product_id}",
        source=Source.PLURALSIGHT,
        url=COURSE_URL.format(product_id),
        title=title,
        provider=PROVIDER,
        provider_type=ProviderType.PLATFORM_INSTRUCTOR,
        description=description,
        mode=Mode.ONLINE,
        pace=Pace.SELF_PACED,
        language=detect_language(f"{title}. {description}"),
        language_detected=True,
    )
