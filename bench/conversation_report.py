"""Figures of the persona conversations: per persona, overall, a table, the results file.

The overall figures are the ones a regression test can hold a bar against
(``eval/conversation_bars.json``): how many personas reach recommendations, and how
many repeated questions, fallbacks, out-of-scope replies and loops they meet on the way.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path
from typing import Any

from bench.persona_driver import PersonaRun, as_dicts
from bench.results_file import RESULTS_DIR
from index.settings import REPO_ROOT

RESULTS_FILE = RESULTS_DIR / "conversations.json"
BARS_FILE = REPO_ROOT / "eval" / "conversation_bars.json"


def overall(runs: list[PersonaRun]) -> dict[str, Any]:
    """The whole set's figures."""
    reached = [r for r in runs if r.reached_recommendations]
    turns = [r.turns_to_first_recommendations for r in reached if r.turns_to_first_recommendations]
    shown = {course for r in runs for course in [*r.courses_shown, *r.offers_shown]}
    return {
        "personas": len(runs),
        "reached_recommendations": len(reached),
        "reached_share": round(len(reached) / len(runs), 3) if runs else 0.0,
        "reached_only_offers": sum(1 for r in reached if r.first_results_only_offers),
        # Personas whose goal the catalog covers must all reach course cards; those whose
        # goal it does not cover must be told so (or shown only what it has on the topic).
        "covered_personas": sum(1 for r in runs if not r.out_of_catalog),
        "covered_reached": sum(1 for r in reached if not r.out_of_catalog),
        "out_of_catalog_answered": sum(
            1
            for r in runs
            if r.out_of_catalog and (r.reached_recommendations or r.stopped == "nothing_found")
        ),
        "turns_to_first_recommendations_median": statistics.median(turns) if turns else None,
        "turns_to_first_recommendations_max": max(turns) if turns else None,
        "repeated_questions": sum(r.repeated_questions for r in runs),
        "personas_with_repeated_questions": sum(1 for r in runs if r.repeated_questions),
        "asked_what_opening_said": sum(r.asked_what_opening_said for r in runs),
        "fallbacks": sum(r.fallbacks for r in runs),
        "out_of_scope": sum(r.out_of_scope for r in runs),
        "not_understood": sum(r.not_understood for r in runs),
        "turn_cap_hits": sum(1 for r in runs if r.stopped == "turn_cap"),
        "ended_saying_nothing_found": sum(1 for r in runs if r.stopped == "nothing_found"),
        "out_of_catalog_told_nothing_found": sum(
            1 for r in runs if r.out_of_catalog and r.stopped == "nothing_found"
        ),
        "out_of_catalog_shown_courses": sum(
            1 for r in runs if r.out_of_catalog and (r.courses_shown or r.offers_shown)
        ),
        "errors": sum(1 for r in runs if r.stopped.startswith("error")),
        "distinct_courses_shown": len(shown),
    }


def summarise(runs: list[PersonaRun]) -> dict[str, Any]:
    """Everything the results file holds."""
    return {"overall": overall(runs), "personas": as_dicts(runs)}


def table(runs: list[PersonaRun]) -> str:
    """One line per persona, for the terminal."""
    header = (
        f"{'persona':34} {'style':15} {'recs':>4} {'turns':>5} {'rep':>3} {'open':>4} "
        f"{'fb':>3} {'oos':>3} {'nu':>3} {'stopped':14} courses"
    )
    lines = [header, "-" * len(header)]
    for r in runs:
        turns = r.turns_to_first_recommendations or len(r.turns)
        lines.append(
            f"{r.persona_id[:34]:34} {r.opening_style:15} "
            f"{'yes' if r.reached_recommendations else 'no':>4} {turns:>5} "
            f"{r.repeated_questions:>3} {r.asked_what_opening_said:>4} {r.fallbacks:>3} "
            f"{r.out_of_scope:>3} {r.not_understood:>3} {r.stopped[:14]:14} "
            f"{', '.join(r.courses_shown[:3]) or ('offers: ' + ', '.join(r.offers_shown[:3]))}"
        )
    return "\n".join(lines)


def write(summary: dict[str, Any], path: Path, *, quick: bool) -> dict[str, Any]:
    """Print the table and the overall figures; write the file unless this was partial."""
    runs = [_run(d) for d in summary["personas"]]
    print(table(runs))
    print(json.dumps(summary["overall"], indent=2))
    if not quick:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
        print(f"written to {path.relative_to(REPO_ROOT)}")
    return summary


def _run(data: dict[str, Any]) -> PersonaRun:
    """A run back from its dictionary, for the table (turns stay as dictionaries)."""
    known = {k: v for k, v in data.items() if k in PersonaRun.__dataclass_fields__}
    return PersonaRun(**known)


def bars(path: Path = BARS_FILE) -> dict[str, Any]:
    """The committed bars: minimums (``min_*``) and maximums (``max_*``) of overall figures."""
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def missed_bars(figures: dict[str, Any], limits: dict[str, Any]) -> list[str]:
    """Each bar the figures miss, said in words (empty when all are met)."""
    missed = []
    for name, limit in limits.items():
        if name.startswith("min_"):
            value = figures[name.removeprefix("min_")]
            if value < limit:
                missed.append(f"{name.removeprefix('min_')} = {value}, bar is at least {limit}")
        elif name.startswith("max_"):
            value = figures[name.removeprefix("max_")]
            if value > limit:
                missed.append(f"{name.removeprefix('max_')} = {value}, bar is at most {limit}")
    return missed
