"""The chat widget in Chromium against the real servers: what a learner sees and does.

Each test saves a screenshot under artifacts/screenshots/ (named after the test).
"""

from __future__ import annotations

import html
import time
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from playwright.sync_api import Dialog, Page, Route, expect

from bot.console.events import advisor_event
from tests.browser.widget import ERROR_TEXT, Widget

if TYPE_CHECKING:
    from tests.browser.conftest import NewContext, Servers, Shot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 375, "height": 667}
MARKUP = "<img src=x onerror=alert(1)>"
WCAG_AA_TEXT = 4.5
UNAVAILABLE = {"error": "The advisor is unavailable, please try again."}

# Another provider's page embedding the widget from the Credwise web app at `server`.
EMBEDDING_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Provider</title>
</head><body><h1>Evening courses</h1>
<script src="{server}/widget/credwise-widget.js" data-server="{server}" data-title="{title}"
 data-color="{color}" defer></script></body></html>"""


def embed(
    page: Page,
    servers: Servers,
    name: str,
    server: str,
    title: str = "Course advisor",
    color: str = "",
) -> None:
    """Open a page of another provider's site that embeds the widget from `server`."""
    markup = EMBEDDING_PAGE.format(
        server=html.escape(server), title=html.escape(title), color=html.escape(color)
    )
    page.goto(servers.provider.publish(f"/{name}.html", markup))


def stored_sender(page: Page) -> str:
    """The conversation id the widget keeps in localStorage."""
    sender: str = page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('credwise:sender:'))"
        ".map(k => localStorage.getItem(k))[0]"
    )
    return sender


def page_scroll_width(page: Page) -> int:
    """How wide the document is: more than the viewport means a horizontal scrollbar."""
    width: int = page.evaluate("() => document.documentElement.scrollWidth")
    return width


def test_an_interview_by_typing_and_buttons_ends_in_three_course_cards(
    servers: Servers, page: Page, shot: Shot
) -> None:
    page.goto(servers.web_url)
    widget = Widget(page)
    widget.open()
    expect(widget.bot_bubbles().first).to_contain_text("Hi, I'm Credwise")

    pressed = widget.interview("I want to become a data analyst")

    assert "About 5 hours" in pressed, pressed
    expect(widget.cards).to_have_count(3)
    for card in widget.cards.all():
        expect(card.get_by_role("heading")).not_to_be_empty()
        link = card.get_by_role("link")
        assert (link.get_attribute("href") or "").startswith(("https://", "http://"))
        assert link.get_attribute("target") == "_blank"
        assert "noopener" in (link.get_attribute("rel") or "").split()
        why = card.locator(".cw-why").inner_text()
        assert why.startswith("Why:") and len(why) > 20, why
        expect(card).to_contain_text("at your 5 h/week")
    users = widget.user_bubbles().all_inner_texts()
    assert "About 5 hours" in users and "about 5 hours a week" not in users  # titles, not payloads
    assert not any("Why:" in text for text in widget.bot_bubbles().all_inner_texts())  # no dupes
    assert "More results" in widget.reply_titles()
    widget.cards.first.scroll_into_view_if_needed()
    shot(page, "cards")


def test_a_reload_and_a_browser_restart_restore_the_conversation(
    servers: Servers, page: Page, new_context: NewContext, shot: Shot
) -> None:
    page.goto(servers.web_url)
    widget = Widget(page)
    widget.open()
    widget.say("I want to become a data analyst")
    widget.press_reply("None of these yet")
    before, offered, sender = widget.transcript(), widget.reply_titles(), stored_sender(page)
    assert offered, "the hours question offers buttons"

    page.reload()
    expect(widget.panel).to_be_visible()  # it was open: it stays open across pages
    widget.wait_idle()
    expect(page.locator(".cw-msg")).to_have_count(len(before))
    assert widget.transcript() == before
    assert widget.reply_titles() == offered  # the pending question can still be answered
    assert stored_sender(page) == sender
    shot(page, "after-reload")

    # A browser restart keeps localStorage (the conversation) but not sessionStorage.
    restarted = new_context(storage_state=page.context.storage_state()).new_page()
    restarted.goto(servers.web_url)
    again = Widget(restarted)
    expect(again.panel).to_be_hidden()
    again.open()
    expect(restarted.locator(".cw-msg")).to_have_count(len(before))
    assert again.transcript() == before
    assert stored_sender(restarted) == sender
    again.press_reply("About 5 hours")
    expect(again.bot_bubbles().last).to_contain_text("How soon")


def test_markup_typed_by_the_learner_is_shown_as_text_and_never_run(
    servers: Servers, page: Page, shot: Shot
) -> None:
    dialogs: list[str] = []

    def record(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    page.goto(servers.web_url)
    widget = Widget(page)
    widget.open()
    widget.say(MARKUP)
    expect(widget.user_bubbles().last).to_have_text(MARKUP)
    assert widget.log.locator("img").count() == 0
    shot(page, "typed")

    page.reload()  # restored from the history: still text
    widget.wait_idle()
    expect(widget.user_bubbles().last).to_have_text(MARKUP)
    assert widget.log.locator("img").count() == 0
    page.wait_for_timeout(500)  # an onerror handler would have run by now
    assert dialogs == []


def test_markup_and_unsafe_links_from_the_server_are_never_run(
    servers: Servers, page: Page, shot: Shot
) -> None:
    hostile: list[dict[str, Any]] = [
        {
            "from": "bot",
            "text": "<b>bold</b><script>alert(2)</script>",
            "buttons": [{"title": "<img src=x onerror=alert(3)>", "payload": "hi"}],
        },
        {
            "from": "bot",
            "custom": {
                "type": "courses",
                "courses": [
                    {
                        "title": "<img src=x onerror=alert(4)>",
                        "url": "javascript:alert(5)",
                        "provider": "<i>Provider</i>",
                        "quality": ["<u>rated</u>"],
                        "why": "<svg onload=alert(6)>",
                        "position": 1,
                        "fit": "<x>",
                    }
                ],
            },
        },
    ]
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    page.route("**/api/chat", lambda route: route.fulfill(json=hostile))
    page.goto(servers.web_url)
    widget = Widget(page)
    widget.open()

    expect(widget.bot_bubbles().first).to_have_text("<b>bold</b><script>alert(2)</script>")
    assert widget.reply_titles() == ["<img src=x onerror=alert(3)>"]
    expect(widget.cards.get_by_role("heading")).to_have_text("1. <img src=x onerror=alert(4)>")
    expect(widget.cards.get_by_role("link")).to_have_count(0)  # a javascript: URL is no link
    expect(widget.cards).to_contain_text("No link in the catalog.")
    for tag in ["img", "script", "b", "i", "u", "svg"]:
        assert page.locator(f".cw-messages {tag}").count() == 0, tag
    page.wait_for_timeout(500)
    assert dialogs == []
    shot(page, "hostile")


def test_on_a_phone_the_panel_fills_the_width_without_horizontal_scroll(
    servers: Servers, new_context: NewContext, shot: Shot
) -> None:
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(servers.web_url)
    assert page_scroll_width(page) <= PHONE["width"]  # the demo page itself
    widget = Widget(page)
    widget.open()

    box = widget.panel.bounding_box()
    assert box is not None
    assert (box["x"], box["y"]) == (0, 0)
    assert box["width"] == PHONE["width"] and box["height"] == PHONE["height"]
    widget.interview("I want to become a data analyst")
    expect(widget.cards).to_have_count(3)
    widget.say("x" * 300)  # one long word must wrap, not widen the panel
    assert page_scroll_width(page) <= PHONE["width"]
    assert widget.log.evaluate("log => log.scrollWidth <= log.clientWidth")
    widget.cards.first.scroll_into_view_if_needed()
    shot(page, "cards")


def test_when_the_advisor_is_down_an_error_bubble_offers_a_retry(
    servers: Servers, page: Page, shot: Shot
) -> None:
    # Another provider's page; the widget talks cross-origin to a web app whose Rasa is down.
    embed(page, servers, "down", servers.dead_web_url)
    widget = Widget(page)
    with page.expect_response(f"{servers.dead_web_url}/api/chat") as answer:
        widget.open()
    assert answer.value.status == 503

    expect(widget.error).to_have_count(1)
    expect(widget.error).to_contain_text(ERROR_TEXT)
    widget.error.get_by_role("button", name="Retry").click()
    widget.wait_idle()
    expect(widget.error).to_have_count(1)  # replaced, not stacked
    shot(page, "error")

    # CORS lets this page read the server's answer: a 503 with a JSON error.
    seen = page.evaluate(
        """async (server) => {
            const response = await fetch(server + "/api/chat", {
                method: "POST", headers: {"Content-Type": "application/json"},
                body: JSON.stringify({sender: "cors-check", message: "hello"})});
            return {status: response.status, body: await response.json()};
        }""",
        servers.dead_web_url,
    )
    assert seen == {"status": 503, "body": UNAVAILABLE}


def test_retry_sends_the_message_again_once_the_server_answers(
    servers: Servers, page: Page, shot: Shot
) -> None:
    page.goto(servers.web_url)
    widget = Widget(page)
    widget.open()
    page.route("**/api/chat", lambda route: route.abort())
    widget.say("I want to learn SQL")
    expect(widget.error).to_contain_text(ERROR_TEXT)
    shot(page, "failed")

    page.unroute("**/api/chat")
    widget.error.get_by_role("button", name="Retry").click()
    widget.wait_idle()
    expect(widget.error).to_have_count(0)
    expect(widget.user_bubbles().filter(has_text="I want to learn SQL")).to_have_count(1)
    expect(widget.bot_bubbles().last).not_to_contain_text("Hi, I'm Credwise")


def test_the_keyboard_alone_opens_sends_and_closes(
    servers: Servers, page: Page, shot: Shot
) -> None:
    page.goto(servers.web_url)
    widget = Widget(page)
    for _ in range(30):  # Tab through the provider's page to the launcher
        page.keyboard.press("Tab")
        if widget.launcher.evaluate("button => button.matches(':focus')"):
            break
    expect(widget.launcher).to_be_focused()
    page.keyboard.press("Enter")
    expect(widget.panel).to_be_visible()
    expect(widget.input).to_be_focused()
    widget.wait_idle()

    held: list[Route] = []  # hold the reply back to see the typing indicator
    page.route("**/api/chat", lambda route: held.append(route))
    page.keyboard.type("I want to learn SQL")
    page.keyboard.press("Enter")
    expect(widget.user_bubbles().last).to_have_text("I want to learn SQL")
    expect(widget.input).to_have_value("")
    expect(widget.typing).to_be_visible()
    expect(widget.log).to_have_attribute("aria-busy", "true")
    while not held:
        page.wait_for_timeout(50)
    held[0].continue_()
    widget.wait_idle()
    page.unroute("**/api/chat")
    expect(widget.typing).to_have_count(0)
    expect(widget.bot_bubbles()).not_to_have_count(1)

    offered = widget.reply_titles()
    assert offered, "the background question offers buttons"
    page.keyboard.press("Shift+Tab")  # from the message box back to the last quick reply
    expect(widget.replies.last).to_be_focused()
    page.keyboard.press("Enter")
    widget.wait_idle()
    expect(widget.user_bubbles().last).to_have_text(offered[-1])
    expect(widget.input).to_be_focused()  # not lost with the pressed button

    page.keyboard.type("line one")
    page.keyboard.press("Shift+Enter")  # a new line, not a send
    page.keyboard.type("line two")
    expect(widget.input).to_have_value("line one\nline two")
    expect(widget.user_bubbles()).to_have_count(2)
    shot(page, "typed")

    page.keyboard.press("Escape")
    expect(widget.panel).to_be_hidden()
    expect(widget.launcher).to_be_focused()
    expect(widget.launcher).to_have_attribute("aria-expanded", "false")


def test_an_advisors_replies_appear_while_the_conversation_is_handed_over(
    servers: Servers, page: Page, shot: Shot
) -> None:
    page.goto(servers.web_url)
    widget = Widget(page)
    widget.open()
    widget.say("I'd like to talk to a human advisor")
    expect(widget.bot_bubbles().last).to_contain_text("career advisor")
    sender = stored_sender(page)

    # The advisor console writes its replies into the conversation through Rasa's API.
    event = advisor_event("Sam", "Hello, I'm Sam from the careers team. What would you like?")
    events = f"{servers.rasa_url}/conversations/{sender}/tracker/events"
    token = {"token": servers.rasa_token}
    httpx.post(events, params=token, json=event, timeout=30).raise_for_status()
    reply = page.locator(".cw-msg-advisor")
    expect(reply).to_have_text(event["text"], timeout=20_000)
    expect(widget.bot_bubbles().last).to_have_text(event["text"])
    shot(page, "advisor")

    resume = {"event": "resume", "timestamp": time.time()}
    httpx.post(events, params=token, json=resume, timeout=30).raise_for_status()
    widget.say("hi")
    expect(widget.bot_bubbles().last).not_to_have_text(event["text"])


# Contrast of each element's text with the first opaque background behind it.
CONTRAST = """(selectors) => {
  const root = document.getElementById("credwise-widget").shadowRoot;
  const rgb = (value) => value.match(/[\\d.]+/g).map(Number);
  const channel = (c) => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const lum = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = (node) => {
    for (; node; node = node.parentElement || (node.getRootNode() || {}).host) {
      const color = rgb(getComputedStyle(node).backgroundColor);
      if (color.length === 3 || color[3] > 0) return color.slice(0, 3);
    }
    return [255, 255, 255];
  };
  return Object.fromEntries(selectors.map((selector) => {
    const nodes = root.querySelectorAll(selector);
    const node = nodes[nodes.length - 1];
    const [a, b] = [lum(rgb(getComputedStyle(node).color)), lum(background(node))];
    return [selector, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
  }));
}"""
CONTRAST_SELECTORS = [
    ".cw-launcher-label",
    ".cw-title",
    ".cw-msg-bot",
    ".cw-msg-user",
    ".cw-reply",
    ".cw-input",
    ".cw-note",
]


@pytest.mark.parametrize("color", ["#1a5fb4", "#ffd500"], ids=["demo-blue", "light-yellow"])
def test_text_contrast_meets_wcag_aa_whatever_the_accent_colour(
    servers: Servers, page: Page, shot: Shot, color: str
) -> None:
    embed(page, servers, f"colour-{color[1:]}", servers.web_url, "Ask Northfield", color)
    widget = Widget(page, title="Ask Northfield")
    widget.open()
    widget.say("hello")
    ratios: dict[str, float] = page.evaluate(CONTRAST, CONTRAST_SELECTORS)
    assert all(ratio >= WCAG_AA_TEXT for ratio in ratios.values()), ratios
    shot(page, "colours")
