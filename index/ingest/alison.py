"""Alison listing (c. 2025): free online courses with learning-outcome snippets, no price.

Titles come as lower-case slugs ('comptia a 1000 part 2'); ``readable_title`` turns
them into a title by a fixed rule and the slug is kept in ``title_raw``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import unquote

from index.ingest.language import detect_language
from index.ingest.parsing import clean_text, parse_count
from index.schema import Course, CredentialType, Mode, Pace, Source

FILE_NAME = "alison_courses.csv"
TITLE_COLUMN = "Name Of The Course "  # the header's trailing space is the source's

_CREDENTIALS = {
    "Certification course": CredentialType.COURSE_CERTIFICATE,
    # Alison's diplomas are longer courses that end in a diploma certificate.
    "Diploma course": CredentialType.PROGRAM_CERTIFICATE,
}
# Minor words stay lower case inside a title (not first), as in most English style guides.
_MINOR_WORDS = frozenset(
    "a an and as at but by for from in into of on or per the to vs via with".split()
)
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", flags=re.UNICODE)
# Outcome snippets are separated by a comma and two spaces and cut at ~55 characters.
_OUTCOME_SEPARATOR = re.compile(r",\s{2,}")


def _spellings(text: str) -> dict[str, str]:
    """How words are written in the course's own text, lower-case form -> spelling.

    Only spellings that are not plain lower case and not merely capitalised at the start
    of a word ('ISO', 'CompTIA', 'iPhone') are evidence of how a word is written.
    """
    found: dict[str, str] = {}
    for word in _WORD.findall(text):
        if word != word.lower() and word != word.capitalize():
            found.setdefault(word.lower(), word)
    return found


def readable_title(slug: str, context: str = "") -> str:
    """'iso iec 27001 dynamics of information security management system isms' ->
    'ISO IEC 27001 Dynamics of Information Security Management System ISMS'.

    Percent-escapes left from the link are decoded ('nucl%c3%a9ar' -> 'nucléar'). A name
    that already has capitals is kept as written. Otherwise a word keeps the spelling it
    has in the course's own description or provider name when that spelling has capitals
    inside it or is all capitals ('ISMS', 'CompTIA'); minor words after the first stay
    lower case and the rest are capitalised.
    """
    slug = unquote(slug)
    if slug != slug.lower():
        return slug
    spellings = _spellings(context)
    words = slug.split()
    out: list[str] = []
    for position, word in enumerate(words):
        if word in spellings:
            out.append(spellings[word])
        elif position > 0 and word in _MINOR_WORDS:
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def outcomes(description: str | None) -> list[str]:
    """'Define testing and tools,  Describe security measures' -> the two outcomes."""
    if not description:
        return []
    return [part.strip() for part in _OUTCOME_SEPARATOR.split(description) if part.strip()]


def to_course(row: Mapping[str, str]) -> Course:
    """Map one CSV row; raises ``ValueError`` (pydantic's included) when it is unusable.

    Alison publishes self-paced online courses only, so every course is online and
    self-paced: the platform's model, not a per-course guess. The listing has no price
    column, so the cost stays unknown.
    """
    slug = clean_text(row[TITLE_COLUMN]) or ""
    provider = clean_text(row["Institute"])
    raw_description = row["Description"]
    description = clean_text(raw_description)
    kind = clean_text(row["Type"])
    url = row["Link"].strip()
    title = readable_title(slug, f"{raw_description} {provider or ''}")
    return Course(
        id="alison:" + url.split("/course/", 1)[-1].split("#", 1)[0].strip("/"),
        source=Source.ALISON,
        url=url,
        title=title,
        title_raw=slug or None,
        provider=provider,
        description=description,
        learning_outcomes=outcomes(raw_description),
        subject=clean_text(row["Category"]),
        mode=Mode.ONLINE,
        pace=Pace.SELF_PACED,
        language=detect_language(f"{slug}. {description or ''}"),
        language_detected=True,
        credential_type=_CREDENTIALS.get(kind or ""),
        credential_raw=kind,
        enrolments=parse_count(row["Number of learners"]),
    )
