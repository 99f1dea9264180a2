"""``python -m bench [suite …] [suite options]``: run the benchmarks (all by default).

``conversations`` (the personas talking to the assistant) and ``personas`` (judged
relevance of their recommendations) take options of their own, e.g.
``python -m bench conversations --url http://127.0.0.1:5005 --persona rn-healthcare-management``;
options a suite does not know are refused by that suite.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from bench import load, search_latency, turn_latency

SUITES: dict[str, Callable[..., Any]] = {
    "search": search_latency.main,
    "turns": turn_latency.main,
    "load": load.main,
}


def _conversations(*, quick: bool, argv: list[str]) -> Any:
    from bench.persona_driver import main as run_conversations

    return run_conversations(quick=quick, argv=argv)


def _personas(*, quick: bool, argv: list[str]) -> Any:
    from bench.persona_eval import main as run_personas

    return run_personas(quick=quick, argv=argv)


def _openings(*, quick: bool, argv: list[str]) -> Any:
    from bench.openings import main as run_openings

    return run_openings(quick=quick, argv=argv)


def _questions(*, quick: bool, argv: list[str]) -> Any:
    from bench.learner_questions import main as run_questions

    return run_questions(quick=quick, argv=argv)


# Suites with options of their own; imported on use so the others need nothing extra.
OPTION_SUITES: dict[str, Callable[..., Any]] = {
    "conversations": _conversations,
    "personas": _personas,
    "questions": _questions,
    "openings": _openings,
}


def main() -> int:
    """Run the chosen suites."""
    names = [*SUITES, *OPTION_SUITES]
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("suites", nargs="*", default=names, help=f"any of {names}")
    parser.add_argument("--quick", action="store_true", help="smaller synthetic sets (smoke run)")
    args, rest = parser.parse_known_args()
    unknown = [name for name in args.suites if name not in names]
    if unknown:
        parser.error(f"unknown suite(s) {unknown}; choose from {names}")
    chosen = args.suites or names
    if rest and not any(name in OPTION_SUITES for name in chosen):
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    for name in chosen:
        if name in OPTION_SUITES:
            OPTION_SUITES[name](quick=args.quick, argv=rest)
        else:
            SUITES[name](quick=args.quick)
    return 0


raise SystemExit(main())
