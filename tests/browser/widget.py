"""Drive the widget as a learner does: by its roles and labels, as a screen reader sees it.

Locators pierce the widget's open shadow root, so tests use the same names and roles a
learner's assistive technology would; class names are used only for what has no role
(the typing indicator, a bubble's author).
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

TURN_TIMEOUT_MS = 90_000  # one bot turn, including the first search of the session
LAUNCHER_NAME = "Open chat: Course advisor"
ERROR_TEXT = "The advisor is unavailable, try again."

# When the bot offers buttons, the interview presses the first of these it finds.
PREFERRED_REPLIES = [
    "None of these yet",
    "Nothing yet",
    "About 5 hours",
    "Within 3 months",
    "Up to $500",
    "Online, at my own pace",
    "My own pace",
    "Doesn't matter",
    "No preference",
    "Skip",
]
MAX_INTERVIEW_TURNS = 14


class Widget:
    """The chat widget on one page."""

    def __init__(self, page: Page, title: str = "Course advisor") -> None:
        self.page = page
        self.launcher = page.get_by_role("button", name=f"Open chat: {title}")
        self.panel = page.get_by_role("dialog", name=title)
        self.log = page.get_by_role("log")
        self.input = page.get_by_role("textbox", name="Your message")
        self.send_button = page.get_by_role("button", name="Send message")
        self.reply_group = page.get_by_role("group", name="Suggested replies")
        self.replies = self.reply_group.get_by_role("button")
        self.cards = page.locator(".cw-card")
        self.typing = page.locator(".cw-typing")
        self.error = page.get_by_role("alert")

    def open(self) -> None:
        """Click the launcher and wait for the first reply (a greeting or the history)."""
        self.launcher.click()
        expect(self.panel).to_be_visible()
        self.wait_idle()

    def wait_idle(self) -> None:
        """Until no request is in flight (the log is no longer aria-busy)."""
        expect(self.log).to_have_attribute("aria-busy", "false", timeout=TURN_TIMEOUT_MS)

    def say(self, text: str) -> None:
        """Type a message, press Enter, wait for the reply."""
        self.input.fill(text)
        self.input.press("Enter")
        self.wait_idle()

    def press_reply(self, title: str) -> None:
        """Press a quick reply by its title, wait for the reply."""
        self.reply_group.get_by_role("button", name=title, exact=True).click()
        self.wait_idle()

    def reply_titles(self) -> list[str]:
        """The quick replies on offer now."""
        return [title.strip() for title in self.replies.all_inner_texts()]

    def user_bubbles(self) -> Locator:
        """The learner's messages."""
        return self.page.locator(".cw-msg-user")

    def bot_bubbles(self) -> Locator:
        """The bot's text messages."""
        return self.page.locator(".cw-msg-bot")

    def transcript(self) -> list[str]:
        """Every bubble's text in order, the learner's and the bot's."""
        return [text.strip() for text in self.page.locator(".cw-msg").all_inner_texts()]

    def interview(self, goal: str) -> list[str]:
        """State a goal, then answer each question (a button when offered) until course
        cards appear; returns the replies pressed."""
        self.say(goal)
        pressed: list[str] = []
        for _ in range(MAX_INTERVIEW_TURNS):
            if self.cards.count():
                return pressed
            offered = self.reply_titles()
            choice = next((title for title in PREFERRED_REPLIES if title in offered), None)
            if choice is None and offered:
                choice = offered[0]
            if choice is None:
                self.say("skip")
                pressed.append("(typed) skip")
            else:
                self.press_reply(choice)
                pressed.append(choice)
        raise AssertionError(f"no course cards after {pressed}: {self.transcript()[-4:]}")
