"""A reminder set in the widget arrives in the open page, and after a reload, in Chromium.

The real web app, Rasa (whose scheduler fires the reminder) and action server.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect

from tests.browser.widget import Widget

if TYPE_CHECKING:
    from tests.browser.conftest import Servers, Shot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REMINDER_SECONDS = 3
ARRIVAL_TIMEOUT_MS = 30_000  # the delay, the widget's grace period, a slow machine


def test_a_reminder_arrives_in_the_open_widget_and_stays_after_a_reload(
    servers: Servers, page: Page, shot: Shot
) -> None:
    page.goto(servers.web_url)
    widget = Widget(page)
    widget.open()
    widget.say(f"remind me in {REMINDER_SECONDS} seconds")
    expect(widget.bot_bubbles().last).to_contain_text("remind you")
    reminder = widget.bot_bubbles().filter(has_text="reminder about finding a course")
    expect(reminder).to_have_count(1, timeout=ARRIVAL_TIMEOUT_MS)  # no reload, no typing
    shot(page, "reminder-arrived")
    page.reload()
    expect(widget.panel).to_be_visible()
    widget.wait_idle()
    expect(reminder).to_have_count(1)
    # Rasa's own event for the reminder firing is not shown as something the learner said.
    assert not any("EXTERNAL" in text for text in widget.transcript())
