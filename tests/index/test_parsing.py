"""The documented text-to-number rules, on the phrasings the sources really use."""

from __future__ import annotations

import pytest

from index.ingest.parsing import (
    WEEKS_PER_MONTH,
    Range,
    clean_text,
    parse_count,
    parse_duration_weeks,
    parse_edx_price,
    parse_hours_per_week,
    parse_list_literal,
    parse_number,
    parse_total_hours_band,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2–4 hours per week", Range(2, 4)),  # edX, en dash
        ("10–30 hours per week", Range(10, 30)),
        ("at 10 hours a week", Range(10, 10)),  # Coursera description
        ("2-4 hours/week", Range(2, 4)),
        ("about 5 hrs per week", Range(5, 5)),
        ("4–2 hours per week", None),  # reversed range is a defect, not a value
        ("self-paced", None),
        ("", None),
        (None, None),
    ],
)
def test_hours_per_week(text: str | None, expected: Range | None) -> None:
    assert parse_hours_per_week(text) == expected


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("6 Weeks", 6, 6),
        ("1 Weeks", 1, 1),
        ("1 - 3 Months", WEEKS_PER_MONTH, 3 * WEEKS_PER_MONTH),
        ("1 - 4 Weeks", 1, 4),
        ("13 months-2 years", 13 * WEEKS_PER_MONTH, 104),  # NJ calendar length, mixed units
        ("3-7 days", 3 / 7, 1),
        ("4-11 weeks", 4, 11),
        ("less than one day", 1 / 7, 1 / 7),
    ],
)
def test_duration_weeks(text: str, low: float, high: float) -> None:
    parsed = parse_duration_weeks(text)
    assert parsed is not None
    assert parsed.low == pytest.approx(low)
    assert parsed.high == pytest.approx(high)


@pytest.mark.parametrize("text", ["more than 4 years", "Less Than 2 Hours", "soon", "", None])
def test_duration_unknown_stays_unknown(text: str | None) -> None:
    assert parse_duration_weeks(text) is None


def test_total_hours_band() -> None:
    assert parse_total_hours_band("Less Than 2 Hours") == Range(0, 2)
    assert parse_total_hours_band("1 - 3 Months") is None


@pytest.mark.parametrize(
    ("text", "amount", "free", "fee"),
    [
        ("FREE-Add a Verified Certificate for $49 USD", 0, True, 49),
        ("FREE-Add a Verified Certificate for $299.70 USD", 0, True, 299.70),
        ("$150 USD", 150, False, None),
    ],
)
def test_edx_price(text: str, amount: float, free: bool, fee: float | None) -> None:
    price = parse_edx_price(text)
    assert price is not None
    assert (price.amount, price.is_free, price.certificate_fee) == (amount, free, fee)


def test_edx_price_unknown() -> None:
    assert parse_edx_price("Contact us") is None
    assert parse_edx_price("") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("6,706", 6706), ("1.9k", 1900), ("39.2k", 39200), ("484", 484), ("", None), ("NA", None)],
)
def test_counts(text: str, expected: int | None) -> None:
    assert parse_count(text) == expected


def test_number_rejects_words() -> None:
    assert parse_number("four") is None
    assert parse_number("$49.99") == pytest.approx(49.99)


def test_list_literal_is_parsed_safely() -> None:
    assert parse_list_literal("['SQL', 'Excel', 'sql', '  Data  Analysis ']") == [
        "SQL",
        "Excel",
        "Data Analysis",
    ]
    assert parse_list_literal("[]") == []
    assert parse_list_literal("__import__('os').system('true')") == []
    assert parse_list_literal("['unterminated") == []


def test_clean_text() -> None:
    assert clean_text("  a \n b  ") == "a b"
    assert clean_text("NA") is None
    assert clean_text("[]") is None
    shortened = clean_text("word " * 100, max_chars=20)
    assert shortened is not None and len(shortened) <= 21 and shortened.endswith("…")
