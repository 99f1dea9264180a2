"""Run every source adapter, validate, deduplicate, and write the catalog with a report."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from index.ingest import coursera, edx, nj_etpl, udemy
from index.schema import Course

Adapter = Callable[[Mapping[str, str]], Course]

ADAPTERS: dict[str, Adapter] = {
    coursera.FILE_NAME: coursera.to_course,
    edx.FILE_NAME: edx.to_course,
    udemy.FILE_NAME: udemy.to_course,
    nj_etpl.FILE_NAME: nj_etpl.to_course,
}
MAX_REJECTS_LISTED = 50  # per source, so the report stays readable
# Bytes that are not UTF-8 are read as lone surrogates (errors="surrogateescape"), so one
# damaged row is rejected and reported instead of the decode error stopping the ingest.
UNDECODABLE = re.compile("[\udc80-\udcff]")
NOT_UTF8 = "record: not valid UTF-8 text"


@dataclass
class SourceReport:
    """What happened to one source file's rows."""

    rows: int = 0
    accepted: int = 0
    duplicates: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    examples: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "rows": self.rows,
            "accepted": self.accepted,
            "duplicates": self.duplicates,
            "rejected": sum(self.rejected.values()),
            "rejected_by_reason": dict(self.rejected.most_common()),
            "rejected_examples": self.examples,
        }


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """CSV rows with their 1-based line-of-record number (header is record 0)."""
    with path.open(encoding="utf-8", errors="surrogateescape", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=1):
            yield number, {k: (v or "") for k, v in row.items() if k is not None}


def _reason(error: Exception) -> str:
    """A short, groupable reason: the field and the kind of error."""
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"]) or "record"
        return f"{location}: {first['msg']}"
    if isinstance(error, KeyError):
        return f"missing column {error}"
    if isinstance(error, UnicodeError):
        return str(error)
    return f"{type(error).__name__}: {error}"


def ingest(source_dir: Path) -> tuple[list[Course], dict[str, SourceReport]]:
    """Parse every known source file in ``source_dir``; bad rows are reported, not fatal."""
    courses: list[Course] = []
    reports: dict[str, SourceReport] = {}
    seen_ids: set[str] = set()
    seen_urls: set[tuple[str, str]] = set()
    for file_name, adapter in ADAPTERS.items():
        path = source_dir / file_name
        if not path.exists():
            raise FileNotFoundError(f"course source missing: {path}")
        report = reports.setdefault(file_name, SourceReport())
        for number, row in read_rows(path):
            report.rows += 1
            try:
                if any(UNDECODABLE.search(value) for value in row.values()):
                    raise UnicodeError(NOT_UTF8)
                course = adapter(row)
            except (ValidationError, ValueError, KeyError) as error:
                reason = _reason(error)
                report.rejected[reason] += 1
                if len(report.examples) < MAX_REJECTS_LISTED:
                    report.examples.append({"record": str(number), "reason": reason})
                continue
            # Provider sites are shared by many NJ programmes, so only course pages dedupe.
            url_key = (
                (course.source.value, course.url or "") if not course.url_is_provider_site else None
            )
            if course.id in seen_ids or (url_key and course.url and url_key in seen_urls):
                report.duplicates += 1
                continue
            seen_ids.add(course.id)
            if url_key:
                seen_urls.add(url_key)
            report.accepted += 1
            courses.append(course)
    return courses, reports


def write_catalog(courses: list[Course], path: Path) -> None:
    """One JSON object per line, in a stable order so diffs stay readable."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for course in sorted(courses, key=lambda c: c.id):
            handle.write(course.model_dump_json(exclude_none=False) + "\n")


def write_report(reports: dict[str, SourceReport], path: Path) -> None:
    """Counts and reasons per source, for the record and for review."""
    payload = {name: report.as_dict() for name, report in reports.items()}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
