"""``python -m bench [search]``: run the benchmarks (all by default)."""

from __future__ import annotations

import argparse

from bench import load, search_latency, turn_latency

SUITES = {"search": search_latency.main, "turns": turn_latency.main, "load": load.main}


def main() -> int:
    """Run the chosen suites."""
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("suites", nargs="*", default=list(SUITES), help=f"any of {list(SUITES)}")
    parser.add_argument("--quick", action="store_true", help="smaller synthetic sets (smoke run)")
    args = parser.parse_args()
    unknown = [name for name in args.suites if name not in SUITES]
    if unknown:
        parser.error(f"unknown suite(s) {unknown}; choose from {list(SUITES)}")
    for name in args.suites or SUITES:
        SUITES[name](quick=args.quick)
    return 0


raise SystemExit(main())
