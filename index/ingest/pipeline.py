"""Run every source adapter, validate, deduplicate, and write the catalog with a report."""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from index.ingest import (
    alison,
    coursera,
    edx,
    multi_provider,
    nj_etpl,
    pluralsight,
    twc_etpl,
    twc_extract,
    udemy,
)
from index.ingest.merge import merge
from index.ingest.urls import url_key
from index.schema import Course, Source

Adapter = Callable[[Mapping[str, str]], Course]
Reader = Callable[[Path], Iterator[tuple[int, dict[str, str]]]]

# In order of precedence: when two sources list the same course, the earlier one's
# record is kept and completed from the later one (see index.ingest.merge).
ADAPTERS: dict[str, Adapter] = {
    coursera.FILE_NAME: coursera.to_course,
    edx.FILE_NAME: edx.to_course,
    udemy.FILE_NAME: udemy.to_course,
    nj_etpl.FILE_NAME: nj_etpl.to_course,
    multi_provider.FILE_NAME: multi_provider.to_course,
    twc_etpl.FILE_NAME: twc_etpl.to_course,
    pluralsight.FILE_NAME: pluralsight.to_course,
    alison.FILE_NAME: alison.to_course,
}
MAX_REJECTS_LISTED = 50  # per source, so the report stays readable
# Bytes that are not UTF-8 are read as lone surrogates (errors="surrogateescape"), so one
# damaged row is rejected and reported instead of the decode error stopping the ingest.
UNDECODABLE = re.compile("[\udc80-\udcff]")
NOT_UTF8 = "record: not valid UTF-8 text"
# Their links are provider or catalogue pages shared by many programmes, not course
# pages: they never identify a course across rows.
_URL_NOT_A_COURSE = frozenset({Source.NJ_ETPL, Source.TWC_ETPL})


@dataclass
class SourceReport:
    """What happened to one source file's rows.

    ``rows`` = ``accepted`` (own catalog record) + ``duplicates`` (repeat of an earlier row
    of the same source) + ``merged`` (same course as an earlier source's record, folded
    into it) + rejected + ``skipped`` (objects that are not courses, e.g. video clips).
    """

    rows: int = 0
    accepted: int = 0
    duplicates: int = 0
    merged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)
    examples: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "rows": self.rows,
            "accepted": self.accepted,
            "duplicates": self.duplicates,
            "merged_into_earlier_source": self.merged,
            "skipped": sum(self.skipped.values()),
            "skipped_by_reason": dict(self.skipped.most_common()),
            "rejected": sum(self.rejected.values()),
            "rejected_by_reason": dict(self.rejected.most_common()),
            "rejected_examples": self.examples,
        }


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """CSV rows with their 1-based line-of-record number (header is record 0)."""
    with path.open(encoding="utf-8", errors="surrogateescape", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=1):
            yield number, {k: (v or "") for k, v in row.items() if k is not None}


READERS: dict[str, Reader] = {pluralsight.FILE_NAME: pluralsight.read_objects}


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
    if isinstance(error, ValueError) and type(error) is ValueError:
        return str(error)
    return f"{type(error).__name__}: {error}"


class _Catalog:
    """Records in arrival order, found again by id or by course link."""

    def __init__(self) -> None:
        self.courses: list[Course] = []
        self._by_id: dict[str, int] = {}
        self._by_url: dict[str, int] = {}

    @staticmethod
    def _url_key(course: Course) -> str | None:
        if course.url is None or course.url_is_provider_site:
            return None
        if course.source in _URL_NOT_A_COURSE:
            return None
        return url_key(course.url)

    def find(self, course: Course) -> int | None:
        """Position of the record for the same course, if one was already added."""
        if course.id in self._by_id:
            return self._by_id[course.id]
        key = self._url_key(course)
        return self._by_url.get(key) if key else None

    def add(self, course: Course) -> None:
        self._index(course, len(self.courses))
        self.courses.append(course)

    def replace(self, position: int, course: Course) -> None:
        self.courses[position] = course
        self._index(course, position)

    def _index(self, course: Course, position: int) -> None:
        self._by_id.setdefault(course.id, position)
        key = self._url_key(course)
        if key:
            self._by_url.setdefault(key, position)


def ingest(source_dir: Path) -> tuple[list[Course], dict[str, SourceReport]]:
    """Parse every known source file in ``source_dir``; bad rows are reported, not fatal."""
    catalog = _Catalog()
    reports: dict[str, SourceReport] = {}
    for file_name, adapter in ADAPTERS.items():
        path = source_dir / file_name
        if not path.exists():
            raise FileNotFoundError(f"course source missing: {path}")
        report = reports.setdefault(file_name, SourceReport())
        for number, row in READERS.get(file_name, read_rows)(path):
            report.rows += 1
            try:
                if any(UNDECODABLE.search(value) for value in row.values()):
                    raise UnicodeError(NOT_UTF8)
                course = adapter(row)
            except pluralsight.NotACourseError as skipped:
                report.skipped[str(skipped)] += 1
                continue
            except (ValidationError, ValueError, KeyError) as error:
                reason = _reason(error)
                report.rejected[reason] += 1
                if len(report.examples) < MAX_REJECTS_LISTED:
                    report.examples.append({"record": str(number), "reason": reason})
                continue
            position = catalog.find(course)
            if position is None:
                catalog.add(course)
                report.accepted += 1
                continue
            earlier = catalog.courses[position]
            if earlier.source is course.source:
                report.duplicates += 1
            else:
                report.merged += 1
            catalog.replace(position, merge(earlier, course))
    return catalog.courses, reports


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


def import_sources(origin: Path, sources_dir: Path) -> list[Path]:
    """Copy the raw source files from ``origin`` into ``sources_dir``.

    The Texas list arrives as the state's workbook: its committed copy is derived
    without contact data (``index.ingest.twc_extract``) instead of copied.
    """
    sources_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name in ADAPTERS:
        if name == twc_extract.CSV_NAME and not (origin / name).exists():
            written.append(twc_extract.extract(origin / twc_extract.WORKBOOK_NAME, sources_dir))
            continue
        shutil.copyfile(origin / name, sources_dir / name)
        written.append(sources_dir / name)
    return written
