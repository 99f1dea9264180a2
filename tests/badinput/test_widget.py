"""Corpus messages typed into the real widget in Chromium: each one gets a bot reply, and
markup stays text. A message with nothing visible in it is never met with silence."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Dialog, Page, expect

from addons.blank import PLEASE_TYPE
from tests.badinput.conftest import WebApp
from tests.badinput.corpus import MESSAGES, Message
from tests.browser.widget import Widget

if TYPE_CHECKING:
    from tests.browser.conftest import Shot

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.e2e]

TYPED = ["emoji-zwj", "arabic-rtl", "chinese", "script-tag", "img-onerror", "sql-drop"]
TYPED_MESSAGES = [message for message in MESSAGES if message.id in TYPED]


@pytest.fixture
def widget(web: WebApp, page: Page) -> Widget:
    """The widget on the web app's demo page, opened (the greeting is shown)."""
    page.goto(web.url)
    opened = Widget(page)
    opened.open()
    return opened


def test_every_typed_corpus_message_gets_a_bot_reply_and_markup_stays_text(
    widget: Widget, page: Page, shot: Shot
) -> None:
    assert len(TYPED_MESSAGES) == len(TYPED)
    dialogs: list[str] = []

    def record(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    for message in TYPED_MESSAGES:
        bots_before = widget.bot_bubbles().count()
        widget.say(message.text)
        expect(widget.user_bubbles().last).to_have_text(message.text.strip())
        assert widget.bot_bubbles().count() > bots_before, f"{message.id}: no reply"
        assert widget.error.count() == 0, f"{message.id}: {widget.error.all_inner_texts()}"
    assert widget.log.locator("img, script, b, a[href^='javascript']").count() == 0
    page.wait_for_timeout(300)  # an onerror handler would have run by now
    assert dialogs == []  # no alert() from any markup ran
    shot(page, "corpus")


@pytest.mark.parametrize(
    "message", [Message("spaces", "   \n  "), Message("zero-width", "\u200b\u200b")]
)
def test_a_blank_message_is_never_met_with_silence(
    widget: Widget, page: Page, message: Message
) -> None:
    users_before = widget.user_bubbles().count()
    widget.input.fill(message.text)
    widget.input.press("Enter")
    widget.wait_idle()
    if message.text.strip():  # the widget sends what it cannot see is blank: the app asks
        expect(widget.error).to_have_text(PLEASE_TYPE)
    else:  # plain blanks never leave the page: the text box keeps them, nothing happens
        assert widget.user_bubbles().count() == users_before
        assert widget.error.count() == 0
        expect(widget.input).to_be_focused()
