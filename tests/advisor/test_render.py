"""Plain-text renderings carry the card's worded fields, nothing more."""

from __future__ import annotations

import pytest

from advisor.cards import CourseCard
from advisor.formatting import NOT_STATED
from advisor.render import render_card, render_comparison, render_details, render_shortlist


def make_card(position: int = 1, **fields: object) -> CourseCard:
    values: dict[str, object] = {
        "id": f"edx:{position}",
        "url": f"https://www.edx.org/course/{position}",
        "url_is_provider_site": False,
        "title": f"Course {position}",
        "provider": "Harvard University",
        "position": position,
        "total_hours_text": "24–36 h",
        "weeks_at_pace": 7.2,
        "weeks_text": "4.8–7.2 weeks at your 5 h/week",
        "fit": "fits",
        "fit_text": "fits your 13-week deadline",
        "cost_text": "Free to audit; certificate $99",
        "mode_text": "Online",
        "pace_text": "Self-paced",
        "credential_text": "Course certificate from Harvard University",
        "quality_signals": ["62,803 enrolled"],
        "skills_you_lack": ["SQL"],
        "why": "Matches your goal of data analysis.",
    }
    values.update(fields)
    return CourseCard(**values)  # type: ignore[arg-type]


def test_render_card() -> None:
    lines = render_card(make_card()).splitlines()
    assert lines[0] == "1. Course 1 — Harvard University"
    assert lines[1] == (
        "   ⏱ 24–36 h (4.8–7.2 weeks at your 5 h/week) · 💲 Free to audit; certificate $99"
        " · 🖥 Online; Self-paced"
    )
    assert lines[2] == "   Why: Matches your goal of data analysis."
    assert lines[3] == "   https://www.edx.org/course/1"


def test_render_card_with_missing_fields() -> None:
    card = make_card(
        provider=None,
        url=None,
        total_hours_text=NOT_STATED,
        weeks_text=NOT_STATED,
        cost_text=NOT_STATED,
    )
    text = render_card(card)
    assert "provider not stated" in text
    assert f"⏱ {NOT_STATED} ·" in text
    assert "no link in the catalog" in text


def test_provider_site_link_is_labelled() -> None:
    text = render_card(make_card(url="http://www.example.org", url_is_provider_site=True))
    assert "http://www.example.org (provider's website" in text


def test_render_comparison_aligns_fields() -> None:
    text = render_comparison(make_card(1), make_card(2, cost_text="$200"))
    lines = text.splitlines()
    assert lines[0] == "Course:     1. Course 1".ljust(lines[0].index(" | ")) + " | 2. Course 2"
    cost = next(line for line in lines if line.startswith("Cost:"))
    left, right = cost.split(" | ")
    assert left.rstrip() == "Cost:       Free to audit; certificate $99" and right == "$200"
    short_rows = [line for line in lines if len(line.split(" | ")[0].rstrip()) < 50]
    assert len({line.index(" | ") for line in short_rows}) == 1  # the separator lines up


@pytest.mark.parametrize("count", [0, 1, 3])
def test_render_shortlist(count: int) -> None:
    cards = [make_card(position) for position in range(1, count + 1)]
    text = render_shortlist(cards)
    if count == 0:
        assert text == "Your shortlist is empty."
    for number, card in enumerate(cards, start=1):
        assert f"{number}. {card.title}" in text
        assert card.url is not None and card.url in text


def test_render_details_has_every_field() -> None:
    text = render_details(make_card())
    for expected in [
        "Total time: 24–36 h",
        "Weeks: 4.8–7.2 weeks at your 5 h/week",
        "Deadline: fits your 13-week deadline",
        "Cost: Free to audit; certificate $99",
        "Credential: Course certificate from Harvard University",
        "Quality: 62,803 enrolled",
        "New skills: SQL",
        "Why: Matches your goal of data analysis.",
    ]:
        assert expected in text
