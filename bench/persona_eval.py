"""``python -m bench personas``: judged relevance of the first page each persona gets.

For every persona the advisor core (``advisor.service.Advisor``) gets the profile a
perfect interview would produce (:mod:`bench.persona_profile`); its first page is
scored against the committed judgments in ``eval/persona_judgments.json``
({persona_id: {course_id: grade}}, 0-3: 3 a top-3 recommendation for that person,
2 clearly useful, 1 marginal or wrong level, 0 not relevant) and checked against the
person's hard constraints.

Figures: success@3 (share of personas whose first page holds a course graded >= 2),
precision@3 (share of shown courses graded >= 2), the share of grade-0 courses shown,
unjudged courses shown, constraint violations. Personas whose goal nothing in the
catalog teaches are scored apart: for them an empty page is the honest answer.

``--unjudged`` lists the shown courses without a grade (also those the conversation
driver showed, from ``bench/results/conversations.json``), with what a judge needs.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.persona_file import Persona, load_personas
from bench.persona_profile import FirstPage, first_page, profile_of, violations
from bench.results_file import RESULTS_DIR
from index.schema import Course
from index.settings import REPO_ROOT

JUDGMENTS_FILE = REPO_ROOT / "eval" / "persona_judgments.json"
RESULTS_FILE = RESULTS_DIR / "personas.json"
CONVERSATIONS_FILE = RESULTS_DIR / "conversations.json"
USEFUL = 2  # grade from which a course counts as a good recommendation


def load_judgments(path: Path = JUDGMENTS_FILE) -> dict[str, dict[str, int]]:
    """The committed grades (empty when the file does not exist yet)."""
    if not path.exists():
        return {}
    raw: dict[str, dict[str, int]] = json.loads(path.read_text(encoding="utf-8"))
    return {pid: {cid: int(g) for cid, g in grades.items()} for pid, grades in raw.items()}


@dataclass
class PageScore:
    """One persona's first page, graded and checked."""

    persona_id: str
    out_of_catalog: bool
    shown: list[str]
    grades: dict[str, int | None]
    violations: list[dict[str, str]] = field(default_factory=list)
    nothing_on_topic: bool | None = None  # the advisor said it has nothing on the goal
    query: str | None = None
    # Courses shown under "these break one of your limits" when too few fit, with grades.
    offers: list[str] = field(default_factory=list)
    offer_grades: dict[str, int | None] = field(default_factory=dict)

    @property
    def success(self) -> bool:
        return any(g is not None and g >= USEFUL for g in self.grades.values())

    @property
    def success_with_offers(self) -> bool:
        """A useful course among the fitting ones, or among the labelled offers."""
        return self.success or any(
            g is not None and g >= USEFUL for g in self.offer_grades.values()
        )


def score_page(persona: Persona, courses: list[Course], judged: dict[str, int]) -> PageScore:
    """Grades and constraint violations of one shown page."""
    return PageScore(
        persona_id=persona.id,
        out_of_catalog=persona.out_of_catalog,
        shown=[c.id for c in courses],
        grades={c.id: judged.get(c.id) for c in courses},
        violations=[asdict(v) for c in courses for v in violations(persona, c)],
    )


def score_first_page(persona: Persona, page: FirstPage, judged: dict[str, int]) -> PageScore:
    """:func:`score_page` for the advisor core's page, with what it said about the topic."""
    scored = score_page(persona, page.courses, judged)
    scored.nothing_on_topic = page.nothing_on_topic
    scored.query = page.query
    scored.offers = list(page.offers)
    scored.offer_grades = {cid: judged.get(cid) for cid in page.offers}
    return scored


def figures(pages: list[PageScore]) -> dict[str, Any]:
    """success@3, precision@3, grade-0 share, unjudged and violations over the pages."""
    covered = [p for p in pages if not p.out_of_catalog]
    apart = [p for p in pages if p.out_of_catalog]
    grades = [g for p in covered for g in p.grades.values()]
    judged = [g for g in grades if g is not None]
    by_constraint: dict[str, int] = {}
    for page in pages:
        for v in page.violations:
            by_constraint[v["constraint"]] = by_constraint.get(v["constraint"], 0) + 1
    return {
        "personas": len(covered),
        "success_at_3": _share(sum(p.success for p in covered), len(covered)),
        # What the learner sees first when too few courses fit: the labelled offers too.
        "success_at_3_with_offers": _share(
            sum(p.success_with_offers for p in covered), len(covered)
        ),
        "unjudged_offers": sum(1 for p in pages for g in p.offer_grades.values() if g is None),
        "precision_at_3": _share(sum(g >= USEFUL for g in judged), len(judged)),
        "grade_0_share": _share(sum(g == 0 for g in judged), len(judged)),
        "courses_shown": len(grades),
        "empty_first_pages": sum(1 for p in covered if not p.shown),
        "unjudged_shown": sum(1 for p in pages for g in p.grades.values() if g is None),
        "violations": sum(by_constraint.values()),
        "violations_by_constraint": dict(sorted(by_constraint.items())),
        "out_of_catalog_personas": len(apart),
        "out_of_catalog_answered_with_nothing": sum(1 for p in apart if not p.shown),
        "out_of_catalog_said_nothing_on_topic": sum(1 for p in apart if p.nothing_on_topic),
        "covered_said_nothing_on_topic": sum(1 for p in covered if p.nothing_on_topic),
        "out_of_catalog_courses_shown": sum(len(p.shown) for p in apart),
    }


def _share(count: int, total: int) -> float | None:
    return round(count / total, 3) if total else None


def conversation_pages(
    personas: list[Persona], by_id: dict[str, Course], judged: dict[str, dict[str, int]]
) -> list[PageScore]:
    """The first cards each persona got in its conversation, scored the same way."""
    if not CONVERSATIONS_FILE.exists():
        return []
    runs = json.loads(CONVERSATIONS_FILE.read_text(encoding="utf-8"))["personas"]
    wanted = {p.id: p for p in personas}
    pages = []
    for run in runs:
        persona = wanted.get(run["persona_id"])
        if persona is None:
            continue
        results = [t for t in run["turns"] if t["course_ids"] or t.get("offer_ids")]
        first: list[str] = results[0]["course_ids"] if results else []  # offers are not picks
        courses = [by_id[c] for c in first if c in by_id]
        page = score_page(persona, courses, judged.get(persona.id, {}))
        offered = results[0].get("offer_ids", []) if results else []
        page.offers = [c for c in offered if c in by_id]
        page.offer_grades = {c: judged.get(persona.id, {}).get(c) for c in page.offers}
        pages.append(page)
    return pages


def unjudged(pages: list[PageScore], by_id: dict[str, Course]) -> list[dict[str, Any]]:
    """Shown courses without a grade, with the fields a judge reads."""
    seen, rows = set(), []
    for page in pages:
        for cid, grade in [*page.grades.items(), *page.offer_grades.items()]:
            if grade is None and (page.persona_id, cid) not in seen:
                seen.add((page.persona_id, cid))
                rows.append({"persona_id": page.persona_id, **course_brief(by_id[cid])})
    return rows


def course_brief(course: Course) -> dict[str, Any]:
    """What a judge needs to grade a course for a person."""
    return {
        "course_id": course.id,
        "title": course.title,
        "provider": course.provider,
        "mode": course.mode.value if course.mode else None,
        "pace": course.pace.value if course.pace else None,
        "location": course.location,
        "cost": course.cost.amount,
        "level": course.level.value if course.level else None,
        "skills": course.skills[:8],
        "description": (course.description or "")[:600],
    }


def evaluate(personas: list[Persona]) -> dict[str, Any]:
    """Score every persona's first page (and its conversation's, when recorded)."""
    from advisor.service import Advisor
    from index.loader import get_search

    search = get_search()
    advisor = Advisor(search)
    by_id = {c.id: c for c in search.courses}
    judged = load_judgments()
    pages = [
        score_first_page(p, first_page(advisor, profile_of(p)), judged.get(p.id, {}))
        for p in personas
    ]
    talk = conversation_pages(personas, by_id, judged)
    return {
        "catalog_courses": len(by_id),
        "profile": figures(pages),
        "conversation": figures(talk) if talk else None,
        "pages": [asdict(p) for p in pages],
        "conversation_pages": [asdict(p) for p in talk],
        "unjudged": unjudged(pages + talk, by_id),
    }


def main(*, quick: bool = False, argv: list[str] | None = None) -> dict[str, Any]:
    """Score every persona's first page; print and write the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench personas")
    parser.add_argument("--unjudged", action="store_true", help="list shown, ungraded courses")
    parser.add_argument("--persona", action="append", help="only these persona ids")
    parser.add_argument(
        "--file", type=Path, default=None, help="another persona file (eval/personas_blind5.yml)"
    )
    args = parser.parse_args(argv or [])
    personas = load_personas(args.file) if args.file else load_personas()
    if args.persona:
        personas = [p for p in personas if p.id in set(args.persona)]
    results = evaluate(personas)
    if args.unjudged:
        print(json.dumps(results["unjudged"], indent=2, ensure_ascii=False))
        return {"unjudged": results["unjudged"]}
    _print(results)
    if not (quick or args.persona or args.file):
        RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
        RESULTS_FILE.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        print(f"written to {RESULTS_FILE.relative_to(REPO_ROOT)}")
    return results


def _print(results: dict[str, Any]) -> None:
    print(f"{'persona':34} grades        violations")
    for page in results["pages"]:
        grades = " ".join("?" if g is None else str(g) for g in page["grades"].values()) or "-"
        kinds = ",".join(v["constraint"] for v in page["violations"])
        print(f"{page['persona_id'][:34]:34} {grades:13} {kinds}")
    summary = {"profile": results["profile"], "conversation": results["conversation"]}
    print(json.dumps(summary, indent=2))
