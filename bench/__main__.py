"""``python -m bench [search]``: run the benchmarks (all by default)."""

from __future__ import annotations

import argparse

from bench import search_latency

SUITES = {"search": search_latency.main}


def main() -> int:
    """Run the chosen suites."""
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("suites", nargs="*", choices=[*SUITES, []], default=list(SUITES))
    parser.add_argument("--quick", action="store_true", help="smaller synthetic sets (smoke run)")
    args = parser.parse_args()
    for name in args.suites or SUITES:
        SUITES[name](quick=args.quick)
    return 0


raise SystemExit(main())
