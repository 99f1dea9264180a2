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
    for message in messages:
        if message.get("text"):
            print(f"\ncredwise> {message['text']}")
        for button in message.get("buttons", []):
            buttons.append(button)
            print(f"   [{len(buttons)}] {button['title']}")
    return buttons


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
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            print(
                f"Credwise is not answering ({error}). Is it running? Try `make up`.",
                file=sys.stderr,
            )


if __name__ == "__main__":
    raise SystemExit(main())
