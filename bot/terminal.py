"""Chat with a running Credwise in the terminal (``make chat`` after ``make up``).

Buttons are listed with numbers; type the number to press one. A terminal cannot draw
course cards, so a page of cards is printed as the text rendering it carries.
"""

from __future__ import annotations

import argparse
import os
import sys
import uuid

from bot.gateway import RasaGateway, RasaUnavailableError
from bot.gateway_sync import BlockingGateway
from bot.messages import Button, Courses, Message, Text

# An empty turn is a hand-over (the advisor answers in the console) or a failed action.
NO_REPLY = (
    "(no reply: if you asked for a person, an advisor will answer here; otherwise "
    "something went wrong on our side, please send that again in a moment)"
)


def show(messages: list[Message]) -> list[Button]:
    """Print the advisor's messages; return the buttons offered, in the order numbered."""
    buttons: list[Button] = []
    if not messages:
        print(f"\ncredwise> {NO_REPLY}")
    for message in messages:
        if not isinstance(message, Text | Courses):
            continue  # reminders and other payloads are for channels that push
        if message.text.strip():
            print(f"\ncredwise> {message.text}")
        for button in message.buttons:
            buttons.append(button)
            print(f"   [{len(buttons)}] {button.title}")
    return buttons


def _problem(error: RasaUnavailableError) -> str:
    """A refused line names what was wrong with it; anything else means Credwise is down."""
    if error.detail and error.status is not None and error.status < 500:
        return f"credwise> {error.detail}"
    return f"Credwise is not answering ({error}). Is it running? Try `make up`."


def main() -> int:
    """Read lines, send them, print replies, until EOF or 'quit'."""
    parser = argparse.ArgumentParser(prog="python -m bot.terminal")
    default_url = f"http://127.0.0.1:{os.environ.get('RASA_PORT', '5005')}"
    parser.add_argument("--url", default=default_url)
    parser.add_argument("--sender", default=f"terminal-{uuid.uuid4().hex[:8]}")
    args = parser.parse_args()
    print("Chatting with Credwise. Type 'quit' to leave.")
    buttons: list[Button] = []
    with BlockingGateway(RasaGateway(args.url)) as rasa:
        while True:
            try:
                line = input("\nyou> ").strip()
            except (EOFError, KeyboardInterrupt):
                print()
                return 0
            if line.lower() in {"quit", "exit"}:
                return 0
            if line.isdigit() and 1 <= int(line) <= len(buttons):
                line = buttons[int(line) - 1].payload
            try:
                buttons = show(rasa.turn(args.sender, line))
            except RasaUnavailableError as error:
                print(_problem(error), file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
