"""``make chat``: the terminal client against the real stack, driven through its stdin."""

from __future__ import annotations

import subprocess
import sys

import pytest

from deploy.settings import REPO_ROOT
from tests.stack import Stack

pytestmark = [pytest.mark.slow, pytest.mark.e2e]


def chat(stack: Stack, sender: str, *lines: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "bot.terminal", "--url", stack.rasa_url, "--sender", sender],
        input="\n".join([*lines, "quit"]) + "\n",
        capture_output=True,
        text=True,
        timeout=180,
        cwd=REPO_ROOT,
        check=True,
    )
    return result.stdout + result.stderr


def test_a_numbered_button_is_pressed_by_typing_its_number(stack: Stack, sender: str) -> None:
    output = chat(stack, sender, "hi", "1")
    assert "credwise> Hi, I'm Credwise." in output
    assert "[1] Become a data analyst" in output
    # Pressing [1] sends its payload: the goal is taken and the next question follows.
    assert "Data Scientists" in output or "What do you already know" in output


def test_an_over_long_line_gets_the_servers_reason_not_a_crash(stack: Stack, sender: str) -> None:
    output = chat(stack, sender, "x" * 25_000, "hi")
    assert "longer than" in output  # the channel's 413, shown as a sentence
    assert "Traceback" not in output
    assert "credwise> Hi, I'm Credwise." in output  # and the conversation goes on
