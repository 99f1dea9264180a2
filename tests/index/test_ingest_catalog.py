"""The whole ingest: one record per course across sources, provenance, no contact data."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from index.coverage import describe, find_place, in_person_coverage
from index.ingest import coursera, multi_provider, twc_extract
from index.ingest.contact import find_contacts
from index.ingest.merge import merge
from index.ingest.pipeline import SourceReport, ingest
from index.ingest.urls import url_key
from index.schema import Course, Source
from tests.conftest import REPO_ROOT, SOURCES_DIR

ML_SPECIALIZATION = "https://www.coursera.org/specializations/machine-learning-introduction"
DEV_QRELS = REPO_ROOT.parent / "shared" / "eval" / "dev_qrels.json"
Row = Callable[[str, str, str], dict[str, str]]


@pytest.fixture(scope="module")
def ingested() -> tuple[dict[str, Course], dict[str, SourceReport]]:
    courses, reports = ingest(SOURCES_DIR)
    return {course.id: course for course in courses}, reports


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def test_a_course_in_both_coursera_listings_is_one_record(
    ingested: tuple[dict[str, Course], dict[str, SourceReport]],
) -> None:
    courses, _ = ingested
    key = url_key(ML_SPECIALIZATION)
    same = [c for c in courses.values() if c.url and url_key(c.url) == key]
    assert len(same) == 1
    course = same[0]
    # Identity and the values the earlier listing had are the earlier listing's.
    assert course.id == "coursera:specializations/machine-learning-introduction"
    assert course.source is Source.COURSERA and course.url == ML_SPECIALIZATION
    assert course.enrolments == 288_483 and course.reviews == 16_900
    assert course.duration_raw == "1 - 3 Months"
    # What only the 2024 listing states is filled in, and says where it came from.
    assert course.language == "English" and course.language_detected is False
    assert course.subject == "Data Science / Machine Learning"
    assert course.provenance["language"] is Source.MULTI_PROVIDER
    assert course.provenance["subject"] is Source.MULTI_PROVIDER
    assert "enrolments" not in course.provenance


def test_merge_keeps_the_first_identity_and_records_provenance(source_row: Row) -> None:
    old = coursera.to_course(source_row(coursera.FILE_NAME, "course_url", ML_SPECIALIZATION))
    new = multi_provider.to_course(source_row(multi_provider.FILE_NAME, "URL", ML_SPECIALIZATION))
    merged = merge(old, new)
    assert (merged.id, merged.title, merged.url) == (old.id, old.title, old.url)
    assert merged.description == old.description  # the longer text wins
    assert merged.rating == old.rating and "rating" not in merged.provenance
    assert set(merged.provenance.values()) == {Source.MULTI_PROVIDER}
    assert merge(new, new) == new  # nothing to add: unchanged, no provenance


def test_repeats_within_a_source_and_across_sources_are_counted(
    ingested: tuple[dict[str, Course], dict[str, SourceReport]],
) -> None:
    courses, reports = ingested
    report = reports[multi_provider.FILE_NAME]
    assert report.rows == 8092
    assert report.rows == (
        report.accepted + report.duplicates + report.merged + sum(report.rejected.values())
    )
    futurelearn_urls = {
        row["URL"]
        for row in csv.DictReader(
            (SOURCES_DIR / multi_provider.FILE_NAME).open(encoding="utf-8", newline="")
        )
        if row["Site"] == "Future Learn"
    }
    futurelearn = [c for c in courses.values() if c.id.startswith("futurelearn:")]
    assert len(futurelearn) == len(futurelearn_urls)  # each repeated page once
    assert all(c.source is Source.COURSERA for c in courses.values() if c.provenance)


def test_no_contact_data_in_the_committed_twc_copy() -> None:
    with (SOURCES_DIR / twc_extract.CSV_NAME).open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        assert not twc_extract.CONTACT_COLUMNS & set(header)
        assert not any(find_contacts(cell) for row in reader for cell in row)


def test_no_contact_data_anywhere_in_the_catalog(
    ingested: tuple[dict[str, Course], dict[str, SourceReport]],
) -> None:
    courses, _ = ingested
    found = {
        course.id: hits
        for course in courses.values()
        if (hits := [h for s in _strings(course.model_dump(mode="json")) for h in find_contacts(s)])
    }
    assert found == {}


def test_twc_extract_drops_contact_columns_and_redacts_cells(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Program ID", "Financial Aid Contact", "Financial Aid Phone",
                  "Financial Aid Email", "Program URL ", "Length: Weeks"])  # fmt: skip
    sheet.append(
        [1, "A Person", "2105550100", "a.person@example.edu", "ask a.person@example.edu", 6]
    )
    book.save(tmp_path / twc_extract.WORKBOOK_NAME)
    target = twc_extract.extract(tmp_path / twc_extract.WORKBOOK_NAME, tmp_path / "out")
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows == [
        ["Program ID", "Program URL", "Length: Weeks"],
        ["1", "ask [e-mail removed]", "6"],
    ]


def test_weekly_hours_are_derived_for_scheduled_programmes(
    ingested: tuple[dict[str, Course], dict[str, SourceReport]],
) -> None:
    courses, _ = ingested
    for source in (Source.NJ_ETPL, Source.TWC_ETPL):
        programmes = [c for c in courses.values() if c.source is source]
        derived = [c for c in programmes if c.hours_per_week_derived]
        assert len(derived) > 0.8 * len(programmes)
        assert all(0 < (c.hours_per_week_max or 0) <= 168 for c in derived)
        assert all(c.total_hours_max and c.duration_weeks_max for c in derived)
    # A figure the source states is never marked as derived.
    assert not any(c.hours_per_week_derived for c in courses.values() if c.source is Source.EDX)


def test_in_person_coverage_spans_new_jersey_and_texas(
    ingested: tuple[dict[str, Course], dict[str, SourceReport]],
) -> None:
    courses, _ = ingested
    coverage = in_person_coverage(courses.values())
    assert {state.code for state in coverage} == {"NJ", "TX"}
    assert describe(sorted(coverage, key=lambda s: s.code)) == "New Jersey and Texas"
    assert find_place("Austin", coverage).code == "TX"  # type: ignore[union-attr]
    assert find_place("Bexar County", coverage).code == "TX"  # type: ignore[union-attr]
    assert find_place("new jersey", coverage).code == "NJ"  # type: ignore[union-attr]
    assert find_place("Ohio", coverage) is None


@pytest.mark.skipif(not DEV_QRELS.exists(), reason="no development judgments beside the repo")
def test_every_judged_url_is_still_in_the_catalog(
    ingested: tuple[dict[str, Course], dict[str, SourceReport]],
) -> None:
    courses, _ = ingested
    urls = {course.url for course in courses.values()}
    judged = {url for grades in json.loads(DEV_QRELS.read_text()).values() for url in grades}
    assert judged and judged <= urls
