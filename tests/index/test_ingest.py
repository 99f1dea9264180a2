"""Each source adapter on real rows, and the pipeline's validation, dedup and report."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from index.ingest import coursera, edx, nj_etpl, udemy
from index.ingest.pipeline import ADAPTERS, ingest, write_catalog, write_report
from index.schema import Course, CredentialType, Level, Mode, Pace, ProviderType, Source
from tests.conftest import SOURCES_DIR

Row = Callable[[str, str, str], dict[str, str]]


def test_coursera_specialization(source_row: Row) -> None:
    row = source_row(
        coursera.FILE_NAME, "course_url", "https://www.coursera.org/specializations/sscp-training"
    )
    course = coursera.to_course(row)
    assert course.id == "coursera:specializations/sscp-training"
    assert course.url == "https://www.coursera.org/specializations/sscp-training"
    assert course.credential_type is CredentialType.SPECIALIZATION
    assert course.rating == 4.7
    assert course.reviews == 484
    assert course.enrolments == 6706
    assert course.duration_raw == "3 - 6 Months"
    assert course.duration_weeks_min == pytest.approx(13, abs=0.01)
    assert course.mode is Mode.ONLINE
    assert "Risk Management" in course.skills and course.skills.count("Risk Management") == 1
    # Coursera publishes no price: it stays unknown rather than becoming 0.
    assert course.cost.amount is None and course.cost.is_free is None


def test_edx_free_audit_with_certificate_fee(source_row: Row) -> None:
    row = source_row(edx.FILE_NAME, "title", "The Analytics Edge")
    course = edx.to_course(row)
    assert course.pace is Pace.SCHEDULED  # "Instructor-led on a course schedule"
    assert (course.hours_per_week_min, course.hours_per_week_max) == (10, 15)
    assert course.hours_per_week_raw == "10–15 hours per week"
    assert (course.duration_weeks_min, course.duration_weeks_max) == (13, 13)
    assert (course.total_hours_min, course.total_hours_max) == (130, 195)
    assert course.cost.is_free is True and course.cost.amount == 0
    assert course.cost.certificate_fee == 199
    assert course.cost.raw == "FREE-Add a Verified Certificate for $199 USD"
    assert course.level is Level.INTERMEDIATE
    assert course.provider_type is ProviderType.UNIVERSITY


def test_edx_language_is_normalised(source_row: Row) -> None:
    spanish = next(
        r
        for r in csv.DictReader((SOURCES_DIR / edx.FILE_NAME).open(encoding="utf-8"))
        if r["language"] == "Español"
    )
    assert edx.to_course(spanish).language == "Spanish"


def test_udemy_paid_and_free(source_row: Row) -> None:
    paid = udemy.to_course(source_row(udemy.FILE_NAME, "course_id", "1070968"))
    assert paid.id == "udemy:1070968"
    assert paid.cost.amount == 200 and paid.cost.is_free is False
    assert paid.total_hours_max == 1.5 and paid.total_hours_raw == "1.5 hours of video"
    assert paid.pace is Pace.SELF_PACED
    assert paid.enrolments == 2147 and paid.reviews == 23
    assert paid.description is None  # the source has titles only
    free = udemy.to_course(source_row(udemy.FILE_NAME, "course_id", "1148774"))
    assert free.cost.is_free is True and free.cost.amount == 0


def test_nj_programme_in_person_with_licence(source_row: Row) -> None:
    course = nj_etpl.to_course(source_row(nj_etpl.FILE_NAME, "program_id", "4608"))
    assert course.source is Source.NJ_ETPL
    assert course.mode is Mode.IN_PERSON and course.pace is Pace.SCHEDULED
    assert course.url == "http://www.scvts.org" and course.url_is_provider_site
    assert course.total_hours_max == 1200
    assert course.cost.amount == 4430 and course.cost.currency == "USD"
    assert course.leads_to.licence == "EMERGENCY MEDICAL TECHNICIAN"
    assert course.location == "Woodstown, Salem County, NJ"
    assert course.evening_or_weekend is True
    assert course.credential_type is CredentialType.CERTIFICATE_OF_COMPLETION


def test_nj_total_cost_zero_with_tuition_uses_the_parts(source_row: Row) -> None:
    course = nj_etpl.to_course(source_row(nj_etpl.FILE_NAME, "program_id", "8840"))
    assert course.cost.amount == 1000  # total_cost=0 but tuition=1000
    assert "tuition=1000" in (course.cost.raw or "")


def test_nj_missing_provider_has_no_made_up_link(source_row: Row) -> None:
    rows = csv.DictReader((SOURCES_DIR / nj_etpl.FILE_NAME).open(encoding="utf-8"))
    orphan = next(r for r in rows if not r["provider_website"])
    course = nj_etpl.to_course(orphan)
    assert course.url is None and not course.url_is_provider_site


def _copy_sources(target: Path) -> None:
    for name in ADAPTERS:
        shutil.copyfile(SOURCES_DIR / name, target / name)


def test_pipeline_reports_bad_rows_and_keeps_good_ones(tmp_path: Path) -> None:
    _copy_sources(tmp_path)
    udemy_path = tmp_path / udemy.FILE_NAME
    with udemy_path.open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "999",
                "",
                "https://www.udemy.com/x/",
                "True",
                "20",
                "1",
                "1",
                "1",
                "All Levels",
                "1",
                "",
                "x",
            ]
        )
        writer.writerow(
            ["998", "No link", "not-a-url", "True", "20", "1", "1", "1", "All Levels", "1", "", "x"]
        )
        writer.writerow(
            [
                "997",
                "Negative",
                "https://www.udemy.com/y/",
                "True",
                "-5",
                "1",
                "1",
                "1",
                "All Levels",
                "1",
                "",
                "x",
            ]
        )
    courses, reports = ingest(tmp_path)
    report = reports[udemy.FILE_NAME]
    assert report.rows == 3678 + 3
    assert sum(report.rejected.values()) == 2  # empty title, bad URL
    assert any(reason.startswith("url") for reason in report.rejected)
    negative = next(c for c in courses if c.id == "udemy:997")
    assert negative.cost.amount is None  # '-5' is not a price: unknown, not invented
    assert report.duplicates == 6  # six repeated course ids in the source
    assert len({c.id for c in courses}) == len(courses)
    out = tmp_path / "catalog.jsonl"
    write_catalog(courses, out)
    write_report(reports, tmp_path / "report.json")
    first = Course.model_validate_json(out.read_text(encoding="utf-8").splitlines()[0])
    assert first.id == min(c.id for c in courses)
    assert json.loads((tmp_path / "report.json").read_text())[udemy.FILE_NAME]["rejected"] == 2


def test_built_catalog_matches_a_fresh_ingest(tmp_path: Path) -> None:
    """The catalog `make ingest` built is exactly what the committed sources produce."""
    courses, _ = ingest(SOURCES_DIR)
    out = tmp_path / "catalog.jsonl"
    write_catalog(courses, out)
    built = SOURCES_DIR.parent / "catalog.jsonl"
    assert built.exists(), "no catalog: run `make ingest`"
    assert out.read_bytes() == built.read_bytes()
