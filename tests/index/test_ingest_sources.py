"""The four wider-catalog sources on real rows of their committed copies."""

from __future__ import annotations

import csv
import gzip
import json
from collections.abc import Callable

import pytest

from index.ingest import alison, multi_provider, nj_etpl, pluralsight, twc_etpl
from index.ingest.parsing import Range, derive_weekly_hours, parse_time_to_complete
from index.schema import CredentialType, Mode, Pace, ProviderType, Source
from tests.conftest import SOURCES_DIR

Row = Callable[[str, str, str], dict[str, str]]


def _pluralsight(prod_id: str | None = None, *, title: str | None = None) -> dict[str, str]:
    with gzip.open(SOURCES_DIR / pluralsight.FILE_NAME, "rt", encoding="utf-8") as handle:
        objects = json.load(handle)
    return next(
        o
        for o in objects
        if (prod_id is None or o["prodId"] == prod_id) and (title is None or o["title"] == title)
    )


# Multi-provider listing


def test_multi_provider_coursera_row(source_row: Row) -> None:
    row = source_row(
        multi_provider.FILE_NAME,
        "URL",
        "https://www.coursera.org/professional-certificates/google-data-analytics",
    )
    course = multi_provider.to_course(row)
    assert course.id == "coursera:professional-certificates/google-data-analytics"
    assert course.source is Source.MULTI_PROVIDER
    assert course.credential_type is CredentialType.PROFESSIONAL_CERTIFICATE
    # '6 months at 10 hours a week': both stated, total is their product.
    assert (course.hours_per_week_min, course.hours_per_week_max) == (10, 10)
    assert course.duration_weeks_max == pytest.approx(26)
    assert course.total_hours_max == pytest.approx(260)
    assert course.duration_raw == "6 months at 10 hours a week"
    assert not course.hours_per_week_derived
    assert course.language == "English" and course.language_detected is False
    assert course.rating == 4.8 and course.reviews == 108_885  # '108,885 reviews'
    assert "SQL" in course.skills and course.subject == "Data Science / Data Analysis"
    assert course.cost.amount is None  # no price in the listing


def test_multi_provider_futurelearn_enrolment_in_the_intro(source_row: Row) -> None:
    row = source_row(
        multi_provider.FILE_NAME,
        "URL",
        "https://www.futurelearn.com/courses/key-topics-in-digital-transformation",
    )
    course = multi_provider.to_course(row)
    assert course.id == "futurelearn:courses/key-topics-in-digital-transformation"
    assert course.provider == "FutureLearn"
    assert course.description is None and course.enrolments == 2016
    assert (course.duration_weeks_min, course.duration_raw) == (6, "6 weeks")
    assert course.total_hours_max is None and course.hours_per_week_max is None


def test_multi_provider_udacity_estimate_and_simplilearn_home_link(source_row: Row) -> None:
    udacity = multi_provider.to_course(
        source_row(
            multi_provider.FILE_NAME,
            "URL",
            "https://www.udacity.com/course/getting-started-with-google-workspace--ud300",
        )
    )
    assert udacity.duration_raw == "Estimated timeApprox. 2 Months"
    assert udacity.duration_weeks_max == pytest.approx(2 * 52 / 12)
    home = multi_provider.to_course(source_row(multi_provider.FILE_NAME, "Title", "Data Scientist"))
    assert home.url == "https://www.simplilearn.com/" and home.url_is_provider_site
    assert home.id == "simplilearn:home/data-scientist"


@pytest.mark.parametrize(
    ("text", "total", "weeks", "per_week"),
    [
        ("Approx. 13 hours to complete", 13, None, None),
        ("Approximately 3 months to complete", None, 13, None),
        ("40 minutes", 40 / 60, None, None),
        ("4 - 8 Weeks to complete", None, 8, None),
        ("5 months at 3 hours a week", 5 * 52 / 12 * 3, 5 * 52 / 12, 3),
    ],
)
def test_time_to_complete_phrases(
    text: str, total: float | None, weeks: float | None, per_week: float | None
) -> None:
    stated = parse_time_to_complete(text)
    assert stated is not None
    assert (stated.total_hours.high if stated.total_hours else None) == pytest.approx(total)
    assert (stated.weeks.high if stated.weeks else None) == pytest.approx(weeks)
    assert (stated.hours_per_week.high if stated.hours_per_week else None) == per_week


def test_time_to_complete_without_a_figure_is_unknown() -> None:
    assert parse_time_to_complete("Flexible schedule") is None
    assert parse_time_to_complete("Estimated timeApprox. undefined undefined") is None


# Texas ETPL


def test_twc_in_person_programme(source_row: Row) -> None:
    course = twc_etpl.to_course(source_row(twc_etpl.FILE_NAME, "Program ID", "35456"))
    assert course.id == "twc_etpl:35456" and course.title == "Nurse Aide"
    assert course.mode is Mode.IN_PERSON and course.pace is Pace.SCHEDULED
    assert course.location == "San Antonio, Bexar County, TX"  # the NJ records' shape
    assert course.total_hours_max == 130 and course.duration_weeks_max == 6
    assert course.hours_per_week_max == pytest.approx(130 / 6)
    assert course.hours_per_week_derived
    assert course.hours_per_week_raw == "130 contact hours / 6 weeks"
    assert course.cost.amount == 5800 and course.cost.currency == "USD"  # 4300 + 1500
    assert "Optional Cost=0" in (course.cost.raw or "")
    assert course.occupation_codes == ["31-1014.00"]
    assert course.leads_to.industry_credential == "Nurse Aide Training Program"
    assert course.provider_type is ProviderType.TRAINING_PROVIDER
    assert course.url == "http://www.100blackmensa.org/YouthBuild"


def test_twc_hybrid_and_distance_modes(source_row: Row) -> None:
    hybrid = twc_etpl.to_course(source_row(twc_etpl.FILE_NAME, "Program ID", "32211"))
    assert hybrid.mode is Mode.BLENDED and hybrid.pace is Pace.SCHEDULED
    online = twc_etpl.to_course(source_row(twc_etpl.FILE_NAME, "Program ID", "33475"))
    assert online.mode is Mode.ONLINE and online.pace is None


def test_twc_weeks_not_reported_gives_no_weekly_figure(source_row: Row) -> None:
    course = twc_etpl.to_course(source_row(twc_etpl.FILE_NAME, "Program ID", "8844"))
    assert course.total_hours_max == 576
    assert course.duration_weeks_max is None  # 'ERROR'
    assert course.hours_per_week_max is None and not course.hours_per_week_derived


def test_twc_links_that_are_not_links_are_null(source_row: Row) -> None:
    page_title = twc_etpl.to_course(source_row(twc_etpl.FILE_NAME, "Program ID", "34564"))
    assert page_title.url is None
    mail_in_link_column = twc_etpl.to_course(source_row(twc_etpl.FILE_NAME, "Program ID", "9270"))
    assert mail_in_link_column.url is None


# Pluralsight


def test_pluralsight_course() -> None:
    course = pluralsight.to_course(_pluralsight("react-redux-react-router-es6"))
    assert course.id == "pluralsight:react-redux-react-router-es6"
    assert course.url == "https://www.pluralsight.com/courses/react-redux-react-router-es6"
    assert course.title == "Building Applications with React and Redux"
    assert course.pace is Pace.SELF_PACED and course.language == "English"
    # Not in the dump: unknown, never invented.
    assert course.cost.amount is None and course.total_hours_max is None
    assert course.level is None


def test_pluralsight_modules_are_not_courses_and_site_pages_are_rejected() -> None:
    with pytest.raises(pluralsight.NotACourseError):
        pluralsight.to_course(_pluralsight(title="Web Authentication"))
    with pytest.raises(ValueError, match="prodId"):
        pluralsight.to_course(_pluralsight("", title="Download Pluralsight apps"))


# Alison


def test_alison_title_rule_and_outcomes(source_row: Row) -> None:
    row = source_row(
        alison.FILE_NAME,
        "Link",
        "https://alison.com/course/iso-iec-27001-dynamics-of-information-security-management"
        "-system-isms#l-main-pub",
    )
    course = alison.to_course(row)
    assert (
        course.title_raw == "iso iec 27001 dynamics of information security management system isms"
    )
    # 'ISO' is spelled so in the description; the rest is title case with minor words kept.
    assert course.title.startswith("ISO Iec 27001 Dynamics of Information Security")
    assert course.learning_outcomes[1] == "Define the important terms in ISO 27000:2018"
    assert course.credential_type is CredentialType.COURSE_CERTIFICATE
    assert course.enrolments == 46_092
    assert course.cost.amount is None and course.cost.is_free is None  # no price column


def test_alison_readable_title_rule() -> None:
    assert (
        alison.readable_title("comptia cloud for it staff", "CompTIA")
        == "CompTIA Cloud for It Staff"
    )
    assert alison.readable_title("guerra nucl%c3%a9ar 101") == "Guerra Nucléar 101"
    assert alison.readable_title("Diploma course en gestion") == "Diploma course en gestion"


def test_alison_language_not_english(source_row: Row) -> None:
    lithuanian = alison.to_course(
        source_row(
            alison.FILE_NAME,
            "Link",
            "https://alison.com/course/bendrasis-duomenu-apsaugos-reglamentas-bdar#l-main-pub",
        )
    )
    assert lithuanian.language != "English"  # a language the vote cannot name: None
    assert lithuanian.title == "Bendrasis Duomenu Apsaugos Reglamentas BDAR"
    spanish = next(
        alison.to_course(r)
        for r in csv.DictReader((SOURCES_DIR / alison.FILE_NAME).open(encoding="utf-8"))
        if r[alison.TITLE_COLUMN] == "fundamentos de logistica"
    )
    assert spanish.language == "Spanish" and spanish.language_detected


# Weekly hours derived for scheduled programmes


def test_nj_weekly_hours_derived_from_clock_hours_and_calendar_length(source_row: Row) -> None:
    course = nj_etpl.to_course(source_row(nj_etpl.FILE_NAME, "program_id", "4608"))
    # 1200 clock hours over '13 months-2 years' (56.3-104 weeks).
    assert course.hours_per_week_derived
    assert course.hours_per_week_min == pytest.approx(1200 / 104)
    assert course.hours_per_week_max == pytest.approx(1200 / (13 * 52 / 12))
    assert course.hours_per_week_raw == "1200 clock hours / 13 months-2 years"


def test_derive_weekly_hours_rules() -> None:
    assert derive_weekly_hours(Range(8, 8), Range(1 / 7, 1 / 7)) == Range(8, 8)  # < 1 week
    assert derive_weekly_hours(Range(2880, 2880), Range(1, 1)) is None  # > 168 h a week
    assert derive_weekly_hours(Range(0, 0), Range(4, 4)) is None
