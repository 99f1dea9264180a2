"""Rasa messages -> Telegram messages: escaping, keyboards, cards, long texts."""

from __future__ import annotations

from typing import Any

from bot.messages import CourseCard, buttons_of, card_of, from_reply
from bot.telegram.callback_keys import MAX_CALLBACK_BYTES, CallbackKeys
from bot.telegram.rendering import (
    CHOOSE_PROMPT,
    MAX_MESSAGE_CHARS,
    NEXT_PROMPT,
    OPEN_COURSE,
    OPEN_PROVIDER_SITE,
    Reply,
    card_html,
    card_reply,
    escape,
    is_web_url,
    keyboard,
    split_html,
)
from bot.telegram.rendering import render_turn as render_messages


def same(payload: str) -> str:
    """Encode a payload as itself: the rendering is tested apart from the key mapping."""
    return payload


def render_turn(reply: list[Any], encode: Any) -> list[Reply]:
    """Render Rasa's reply to a turn as the bot does, once parsed by the gateway."""
    return render_messages(from_reply(reply), encode)


def as_card(raw: dict[str, Any]) -> CourseCard:
    parsed = card_of(raw)
    assert parsed is not None
    return parsed


def card(position: int, title: str, **fields: Any) -> dict[str, Any]:
    """A card as ``advisor.cards.card_payload`` words it (values from a real turn)."""
    return {
        "id": f"edx:{position}",
        "url": f"https://www.edx.org/course/{position}",
        "url_is_provider_site": False,
        "title": title,
        "provider": "The University of Michigan",
        "position": position,
        "total_hours": "12–24 h",
        "weeks_at_pace": 4.8,
        "weeks": "2.4–4.8 weeks at your 5 h/week",
        "fit": "fits",
        "fit_text": "fits your 13-week deadline",
        "cost": "Free to audit; certificate $49",
        "mode": "Online",
        "pace": "Self-paced (provider suggests 2–4 h/week)",
        "credential": "Course certificate from The University of Michigan",
        "quality": ["39,113 enrolled", "university provider"],
        "skills_you_lack": ["SQL"],
        "why": "Matches your goal of getting into data analytics.",
        **fields,
    }


FOLLOW_UPS = [
    {"title": "More results", "payload": "/more_results"},
    {"title": "Compare #1 and #2", "payload": '/compare_courses{"positions": "1,2"}'},
]
CARDS = [card(1, "Data Analytics for Managers"), card(2, "Statistical Thinking")]
PLAIN_CARDS = "1. Data Analytics for Managers — …\n\n2. Statistical Thinking — …"
HEADING = "Two courses that fit:"


def recommendation_turn(**custom: Any) -> list[dict[str, Any]]:
    """What Rasa answers when it recommends (actions.recommend.present)."""
    page = {
        "type": "courses",
        "courses": CARDS,
        "heading": HEADING,
        "text": f"{HEADING}\n\n{PLAIN_CARDS}",
        "buttons": FOLLOW_UPS,
        **custom,
    }
    return [
        {"recipient_id": "tg-1", "text": "Here's what I have: …"},
        {"recipient_id": "tg-1", "custom": page},
    ]


def test_escape_makes_user_text_inert_in_html_mode() -> None:
    assert escape("<img src=x onerror=alert(1)> & co") == (
        "&lt;img src=x onerror=alert(1)&gt; &amp; co"
    )
    assert escape('say "hi"') == 'say "hi"'  # quotes are not special outside attributes


def test_a_text_with_buttons_becomes_one_message_with_an_inline_keyboard() -> None:
    replies = render_turn(
        [{"text": "How many hours <a week>?", "buttons": [{"title": "2", "payload": "2 h"}]}],
        same,
    )
    assert len(replies) == 1
    assert replies[0].html == "How many hours &lt;a week&gt;?"
    assert replies[0].keyboard is not None
    [[button]] = replies[0].keyboard.inline_keyboard
    assert (button.text, button.callback_data) == ("2", "2 h")


def test_short_button_titles_share_rows_and_long_ones_stand_alone() -> None:
    buttons = [
        {"title": "More results", "payload": "/more_results"},
        {"title": "Cheaper", "payload": "/cheaper"},
        {"title": "Become a data analyst today", "payload": "x"},
        {"title": "Shorter", "payload": "/shorter"},
    ]
    markup = keyboard(buttons_of(buttons), same)
    assert markup is not None
    rows = [[b.text for b in row] for row in markup.inline_keyboard]
    assert rows == [["More results", "Cheaper"], ["Become a data analyst today"], ["Shorter"]]


def test_buttons_carry_the_encoded_payload() -> None:
    keys = CallbackKeys()
    long_payload = '/change_answer{"relax": "' + "x" * 80 + '"}'
    relax = buttons_of([{"title": "Relax", "payload": long_payload}])
    markup = keyboard(relax, lambda p: keys.encode(7, p))
    assert markup is not None
    data = markup.inline_keyboard[0][0].callback_data
    assert isinstance(data, str) and len(data.encode()) <= MAX_CALLBACK_BYTES
    assert keys.decode(7, data) == long_payload


def test_buttons_without_text_get_a_prompt_and_empty_messages_nothing() -> None:
    [reply] = render_turn([{"buttons": [{"title": "Skip", "payload": "/skip"}]}], same)
    assert reply.html == CHOOSE_PROMPT and reply.keyboard is not None
    assert render_turn([{"recipient_id": "tg-1"}, {"text": "  "}], same) == []


def test_a_recommendation_shows_one_card_per_message_instead_of_the_plain_text() -> None:
    replies = render_turn(recommendation_turn(), same)
    assert [r.html.splitlines()[0] for r in replies] == [
        "Here's what I have: …",
        HEADING,
        "<b>1. Data Analytics for Managers</b>",
        "<b>2. Statistical Thinking</b>",
        NEXT_PROMPT,
    ]
    assert all("—" not in r.html for r in replies)  # nothing of the plain-text rendering
    follow_ups = replies[-1].keyboard
    assert follow_ups is not None
    assert [b.callback_data for row in follow_ups.inline_keyboard for b in row] == [
        "/more_results",
        '/compare_courses{"positions": "1,2"}',
    ]


def test_a_card_has_its_figures_and_an_open_course_button() -> None:
    reply = card_reply(as_card(card(1, "SQL <Basics> & More")))
    assert "<b>1. SQL &lt;Basics&gt; &amp; More</b>" in reply.html
    for shown in [
        "<i>The University of Michigan</i>",
        "<b>Time:</b> 12–24 h · 2.4–4.8 weeks at your 5 h/week",
        "<b>Deadline:</b> ✅ fits your 13-week deadline",
        "<b>Cost:</b> Free to audit; certificate $49",
        "<b>Format:</b> Online; Self-paced (provider suggests 2–4 h/week)",
        "<b>Quality:</b> 39,113 enrolled, university provider",
        "<b>New skills:</b> SQL",
        "<b>Why:</b> Matches your goal of getting into data analytics.",
    ]:
        assert shown in reply.html
    assert reply.keyboard is not None
    [[button]] = reply.keyboard.inline_keyboard
    assert (button.text, button.url) == (OPEN_COURSE, "https://www.edx.org/course/1")


def test_a_card_without_a_usable_link_has_no_button() -> None:
    for url in [None, "", "javascript:alert(1)", "www.example.org/course", "https://a b"]:
        assert card_reply(as_card(card(1, "Excel", url=url))).keyboard is None


def test_a_provider_home_page_link_says_so() -> None:
    site = card(1, "Excel", url="https://provider.example", url_is_provider_site=True)
    reply = card_reply(as_card(site))
    assert reply.keyboard is not None
    assert reply.keyboard.inline_keyboard[0][0].text == OPEN_PROVIDER_SITE
    assert "search there for the course" in reply.html


def test_empty_card_fields_are_left_out() -> None:
    bare = card(1, "Excel", quality=[], skills_you_lack=[], provider=None, why="")
    html = card_html(as_card(bare))
    assert "Quality" not in html and "New skills" not in html and "Why" not in html
    assert "<i>provider not stated</i>" in html


def test_a_page_without_heading_or_buttons_is_just_its_cards() -> None:
    page = {"type": "courses", "courses": CARDS, "text": "Course: 1. Data Analytics…"}
    replies = render_turn([{"custom": page}], same)
    assert [r.html.splitlines()[0] for r in replies] == [
        "<b>1. Data Analytics for Managers</b>",
        "<b>2. Statistical Thinking</b>",
    ]


def test_a_text_naming_the_cards_is_never_taken_for_their_rendering() -> None:
    turn: list[dict[str, Any]] = [
        {"text": "Removed “Statistical Thinking”; I won't suggest it again."},
        {"text": "1. Data Analytics for Managers"},
        {"custom": {"type": "courses", "courses": CARDS, "text": PLAIN_CARDS}},
    ]
    replies = render_turn(turn, same)
    assert replies[0].html.startswith("Removed")
    assert replies[1].html == "1. Data Analytics for Managers"
    assert len(replies) == 4  # both texts, then both cards


def test_a_shortlist_stays_one_message_to_keep() -> None:
    turn = recommendation_turn(shortlist=True, buttons=[])
    replies = render_turn(turn, same)
    assert [r.html for r in replies] == [
        "Here's what I have: …",
        escape(f"{HEADING}\n\n{PLAIN_CARDS}"),
    ]


def test_other_custom_payloads_are_ignored() -> None:
    other = [{"custom": {"type": "map"}}, {"custom": "x"}, {"custom": {"type": "reminder"}}]
    assert render_turn(other, same) == []


def test_long_texts_are_split_at_line_ends_within_telegram_limits() -> None:
    text = "\n".join(f"line {n} & more" for n in range(600))
    chunks = split_html(text)
    assert len(chunks) > 1
    assert all(len(chunk) <= MAX_MESSAGE_CHARS for chunk in chunks)
    assert "\n".join(chunks) == escape(text)


def test_a_single_huge_line_is_cut_without_breaking_an_entity() -> None:
    text = "a" * (MAX_MESSAGE_CHARS - 2) + "&" * 3000
    chunks = split_html(text)
    assert all(len(chunk) <= MAX_MESSAGE_CHARS for chunk in chunks)
    assert "".join(chunks) == escape(text)
    assert all(not chunk.endswith(("&", "&a", "&am", "&amp")) for chunk in chunks)


def test_the_keyboard_goes_on_the_last_part_of_a_long_text() -> None:
    long_text = "\n".join("x" * 100 for _ in range(100))
    replies = render_turn([{"text": long_text, "buttons": FOLLOW_UPS}], same)
    assert len(replies) > 1
    assert all(r.keyboard is None for r in replies[:-1]) and replies[-1].keyboard is not None


def test_web_urls() -> None:
    assert is_web_url("https://www.coursera.org/learn/sql?x=1")
    assert not is_web_url("ftp://example.org") and not is_web_url(42)


def test_reply_defaults_to_no_keyboard() -> None:
    assert Reply("hi").keyboard is None
