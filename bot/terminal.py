"""Chat with a running Credwise in the terminal (``make chat`` after ``make up``).

Buttons are listed with numbers; type the number to press one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.error
import urllib.request
import uuid
from typing import Any

TIMEOUT_SECONDS = 60
# An empty turn is a hand-over (the advisor answers in the console) or a failed action.
NO_REPLY = (
    "(no reply: if you asked for a person, an advisor will answer here; otherwise "
    "something went wrong on our side, please send that again in a moment)"
)


def send(url: str, sender: str, text: str) -> list[dict[str, Any]]:
    """One turn over Rasa's REST channel."""
    request = urllib.request.Request(
        f"{url}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": text}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
        messages: list[dict[str, Any]] = json.loads(response.read())
    return messages


def show(messages: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Print the bot's messages; return the buttons offered, in the order numbered."""
    buttons: list[dict[str, str]] = []
    if not messages:
        print(f"\ncredwise> {NO_REPLY}")
    for message in messages:
        if message.get("text"):
            print(f"\ncredwise> {message['text']}")
        for button in message.get("buttons", []):
            buttons.append(button)
            print(f"   [{len(buttons)}] {button['title']}")
    return buttons


def _error_of(refused: urllib.error.HTTPError) -> str:
    try:
        return str(json.loads(refused.read())["error"])
    except (ValueError, KeyError, TypeError):
        return f"the server refused that message (HTTP {refused.code})"


def main() -> int:
    """Read lines, send them, print replies, until EOF or 'quit'."""
    parser = argparse.ArgumentParser(prog="python -m bot.terminal")
    default_url = f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}"
    parser.add_argument("--url", default=default_url)
    parser.add_argument("--sender", default=f"terminal-{uuid.uuid4().hex[:8]}")
    args = parser.parse_args()
    print("Chatting with Credwise. Type 'quit' to leave.")
    buttons: list[dict[str, str]] = []
    while True:
        try:
            line = input("\nyou> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if line.lower() in {"quit", "exit"}:
            return 0
        if line.isdigit() and 1 <= int(line) <= len(buttons):
            line = buttons[int(line) - 1]["payload"]
        try:
            buttons = show(send(args.url, args.sender, line))
        except urllib.error.HTTPError as refused:  # a 4xx names what was wrong with the line
            print(f"credwise> {_error_of(refused)}", file=sys.stderr)
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            print(
                f"Credwise is not answering ({error}). Is it running? Try `make up`.",
                file=sys.stderr,
            )


if __name__ == "__main__":
    raise SystemExit(main())
