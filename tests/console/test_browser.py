"""The label flow in a real browser: log in, rank a persona, label three results, watch the chart.

Screenshots go to artifacts/screenshots/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from bot.console.labels import LabelStore
from bot.settings import BotSettings
from bot.web.app import create_app
from tests.console.conftest import ADVISOR, PASSWORD
from tests.stack import free_port
from tests.utils.chromium import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS

pytestmark = [pytest.mark.slow, pytest.mark.browser]

RANK_TIMEOUT_MS = 120_000  # the first search loads the index and the embedding model
STEP_TIMEOUT_MS = 15_000


@pytest.fixture
def console_url(tmp_path: Path) -> Iterator[str]:
    """The web app served by uvicorn in a thread, on temporary databases."""
    settings = BotSettings(  # type: ignore[call-arg]
        _env_file=None,
        console_password=PASSWORD,
        labels_db_path=tmp_path / "labels.db",
        handoff_db_path=tmp_path / "advisor.db",
        rasa_url="http://127.0.0.1:9",
    )
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the web app did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/console"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_labelling_three_results_updates_the_chart(console_url: str, tmp_path: Path) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.set_default_timeout(STEP_TIMEOUT_MS)

            page.goto(console_url)
            page.fill("input[name=name]", ADVISOR)
            page.fill("input[name=password]", "not the password")
            page.click("button[type=submit]")
            page.wait_for_selector("#login-error:has-text('Wrong password')")
            page.fill("input[name=password]", PASSWORD)
            page.screenshot(path=SCREENSHOTS / "console-1-login.png")
            page.click("button[type=submit]")
            page.wait_for_selector("button[data-persona=accountant]")
            assert page.text_content("#advisor-name") == ADVISOR

            chart = page.locator("#metrics-chart")
            assert chart.get_attribute("data-points") == "0"
            assert chart.locator("circle.point-ndcg").count() == 0

            page.click("button[data-persona=accountant]")
            page.wait_for_selector("li.result >> nth=2", timeout=RANK_TIMEOUT_MS)
            assert page.locator(".chip").count() == 3  # online, budget, weekly hours
            assert "Data Scientists" in (page.text_content(".understood") or "")
            page.screenshot(path=SCREENSHOTS / "console-2-ranking.png")

            results = page.locator("li.result")
            for position, grade in enumerate(["2", "1", "0"]):
                results.nth(position).locator(f"button[data-grade='{grade}']").click()
                page.wait_for_selector(f"#metrics-chart[data-points='{position + 1}']")
                assert chart.locator("circle.point-ndcg").count() == position + 1
                pressed = results.nth(position).locator("button[aria-pressed=true]")
                assert pressed.get_attribute("data-grade") == grade
            assert "3 labels" in (page.text_content("#metrics-summary") or "")
            assert page.locator("#metrics-table tbody tr").count() == 1
            chart.scroll_into_view_if_needed()
            page.screenshot(path=SCREENSHOTS / "console-3-labelled.png")

            page.check("#compare")
            page.wait_for_selector(".pane >> nth=1 >> li.result", timeout=RANK_TIMEOUT_MS)
            page.locator(".pane").nth(1).locator(".chip input").first.uncheck()
            page.wait_for_selector(".pane >> nth=0 >> .cross.shared")
            page.screenshot(path=SCREENSHOTS / "console-4-compare.png")

            # A short page says what binds, as the chat does, and shows the offers below.
            page.uncheck("#compare")
            page.click("button[data-persona=nurse]")
            shortfall = page.wait_for_selector("li.shortfall", timeout=RANK_TIMEOUT_MS)
            assert "What limits most is your" in (shortfall.text_content() or "")
            assert page.locator("li.offer").count() >= 1
            page.screenshot(path=SCREENSHOTS / "console-5-shortfall.png")
            assert errors == []
        finally:
            browser.close()

    qrels = LabelStore(tmp_path / "labels.db").qrels()
    assert [sorted(grades.values()) for grades in qrels.values()] == [[0, 1, 2]]
    print(f"screenshots: {SCREENSHOTS}")
