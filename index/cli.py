"""Command line: ingest the sources, build the index, search it, evaluate it."""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from index.schema import CredentialType, Level, Mode, Pace, Source

EXIT_USAGE = 2
EXIT_NOT_READY = 1
EVAL_SOURCES = (Source.COURSERA, Source.EDX, Source.UDEMY)  # the judged catalogs
SOURCE_NAMES = {Source.COURSERA: "Coursera", Source.EDX: "edX", Source.UDEMY: "Udemy"}
SHOWN = 3  # the advisor shows three courses: the grade-0 share is measured there


def _add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("hard filters (a course must satisfy all of them)")
    group.add_argument("--mode", action="append", choices=[m.value for m in Mode], default=[])
    group.add_argument("--pace", action="append", choices=[p.value for p in Pace], default=[])
    group.add_argument("--max-cost", type=float, metavar="N", help="price ceiling (USD)")
    group.add_argument("--free", action="store_true", help="free courses only")
    group.add_argument("--max-total-hours", type=float, metavar="N")
    group.add_argument(
        "--max-hours-per-week",
        type=float,
        metavar="N",
        help="weekly budget; self-paced courses fit any budget",
    )
    group.add_argument("--level", action="append", choices=[v.value for v in Level], default=[])
    group.add_argument("--language", action="append", default=[], help="e.g. English, Spanish")
    group.add_argument(
        "--credential-type", action="append", choices=[c.value for c in CredentialType], default=[]
    )
    group.add_argument("--location", help="town or county, for courses taught on site")
    group.add_argument("--source", action="append", choices=[s.value for s in Source], default=[])


def _filters_from(args: argparse.Namespace) -> Any:
    from index.filters import Filters

    return Filters(
        modes=frozenset(Mode(m) for m in args.mode),
        paces=frozenset(Pace(p) for p in args.pace),
        max_cost=args.max_cost,
        free_only=args.free,
        max_total_hours=args.max_total_hours,
        max_hours_per_week=args.max_hours_per_week,
        levels=frozenset(Level(v) for v in args.level),
        languages=frozenset(args.language),
        credential_types=frozenset(CredentialType(c) for c in args.credential_type),
        location=args.location,
        sources=frozenset(Source(s) for s in args.source),
    )


def build_parser() -> argparse.ArgumentParser:
    """All sub-commands and their options."""
    parser = argparse.ArgumentParser(prog="python -m index", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true")
    commands = parser.add_subparsers(dest="command", required=True)

    ingest = commands.add_parser("ingest", help="normalise the course sources into the catalog")
    ingest.add_argument(
        "--import-from", type=Path, help="copy the raw source files from this directory first"
    )

    occupations = commands.add_parser("occupations", help="cut the O*NET subset into data/onet/")
    occupations.add_argument("--onet-dir", type=Path, required=True)

    build = commands.add_parser("build", help="embed the catalog and save the FAISS index")
    build.add_argument("--force", action="store_true", help="rebuild even if current")

    search = commands.add_parser("search", help="search the catalog")
    search.add_argument("query")
    search.add_argument("--k", type=int, default=10)
    search.add_argument("--json", action="store_true", help="print a JSON list")
    search.add_argument(
        "--ranker", choices=["hybrid", "dense", "bm25"], default="hybrid", help="for comparison"
    )
    _add_filter_arguments(search)

    match = commands.add_parser("occupation", help="show the occupations matched to a goal")
    match.add_argument("goal")

    evaluate = commands.add_parser("eval", help="nDCG/recall/judged@k against graded judgments")
    evaluate.add_argument("--queries", type=Path, required=True)
    evaluate.add_argument("--qrels", type=Path, required=True)
    evaluate.add_argument(
        "--pool-qrels",
        type=Path,
        action="append",
        default=[],
        help="more judgments of the same queries (courses of sources the first judgments "
        "did not pool); merged in, the first file winning where both grade a course",
    )
    evaluate.add_argument("--k", type=int, default=10)
    view = evaluate.add_mutually_exclusive_group()
    view.add_argument(
        "--all-sources",
        action="store_true",
        help="only the whole catalog (default: the whole catalog, then Coursera + edX + Udemy)",
    )
    view.add_argument(
        "--three-sources",
        action="store_true",
        help="only Coursera + edX + Udemy, the catalogs the judgments were pooled from",
    )
    evaluate.add_argument("--output", type=Path, help="also write the figures as JSON here")
    return parser


def _cmd_ingest(args: argparse.Namespace) -> int:
    from index.ingest.pipeline import ADAPTERS, ingest, write_catalog, write_report
    from index.settings import get_settings

    settings = get_settings()
    if args.import_from:
        settings.sources_dir.mkdir(parents=True, exist_ok=True)
        for name in ADAPTERS:
            shutil.copyfile(args.import_from / name, settings.sources_dir / name)
    courses, reports = ingest(settings.sources_dir)
    write_catalog(courses, settings.catalog_path)
    report_path = settings.catalog_path.with_name("ingest_report.json")
    write_report(reports, report_path)
    for name, report in reports.items():
        print(
            f"{name}: {report.rows} rows, {report.accepted} accepted, "
            f"{report.duplicates} duplicates, {sum(report.rejected.values())} rejected"
        )
        for reason, count in report.rejected.most_common():
            print(f"    rejected {count}x: {reason}")
    print(f"catalog: {len(courses)} courses -> {settings.catalog_path}; report -> {report_path}")
    return 0


def _cmd_occupations(args: argparse.Namespace) -> int:
    from index.occupations.subset import build_subset, write_subset
    from index.settings import get_settings

    occupations = build_subset(args.onet_dir)
    write_subset(occupations, get_settings().occupations_path)
    print(f"{len(occupations)} occupations -> {get_settings().occupations_path}")
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from index.build import build_index
    from index.embedding import Embedder
    from index.loader import load_matcher
    from index.onnx_model import ensure_onnx
    from index.settings import get_settings

    settings = get_settings()
    ensure_onnx(settings)  # the graph every embedding below runs
    build_index(settings, force=args.force)
    load_matcher(settings, Embedder(settings.embedding_model, settings.embedding_model_path))
    print(f"index ready in {settings.index_dir}")
    return 0


def _result_json(result: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": result.course.id,
        "url": result.course.url,
        "title": result.course.title,
        "provider": result.course.provider,
        "score": round(result.score, 4),
        "dense_score": round(result.dense, 4),
        "lexical_score": round(result.lexical, 4),
    }
    item.update({k: v for k, v in result.course.model_dump(mode="json").items() if k not in item})
    return item


def _cmd_search(args: argparse.Namespace) -> int:
    from index.loader import get_search
    from index.search import has_content

    if not has_content(args.query):
        print(
            "Please describe a goal or a skill, e.g. 'learn SQL for data analysis'.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.k < 1:
        print("--k must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    search = get_search()
    rank = {"hybrid": search.search, "dense": search.dense_only, "bm25": search.bm25_only}
    results = rank[args.ranker](args.query, k=args.k, filters=_filters_from(args))
    if args.json:
        json.dump([_result_json(r) for r in results], sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not results:
        print("No course satisfies these filters.")
    for rank_number, result in enumerate(results, start=1):
        course = result.course
        provider = course.provider or "provider not stated"
        print(f"{rank_number:2d}. {result.score:.3f}  {course.title} — {provider}")
        print(f"      {course.url or 'no link stated'}")
    return 0


def _cmd_occupation(args: argparse.Namespace) -> int:
    from index.loader import get_search

    search = get_search()
    if search.matcher is None:
        return EXIT_NOT_READY
    matches = search.matcher.match(args.goal)
    if not matches:
        print("No occupation recognised in that goal.")
    for match in matches:
        occupation = match.occupation
        found_by = f"title: {match.matched_title}" if match.matched_title else "meaning"
        print(f"{match.score:.3f}  {occupation.code} {occupation.title}  ({found_by})")
        skills = ", ".join(
            s.name + (" [in demand]" if s.in_demand else " [hot]" if s.hot else "")
            for s in search.matcher.key_skills(occupation, 8)
        )
        print(f"       {skills}")
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from advisor.profile import LearnerProfile
    from advisor.service import Advisor
    from index.evaluation import (
        evaluate,
        grade_zero_share,
        merge_qrels,
        read_qrels,
        read_queries,
    )
    from index.filters import Filters
    from index.loader import get_search

    queries = read_queries(args.queries)
    base = read_qrels(args.qrels)
    # The pool judges courses of the sources added to the catalog: the whole catalog is
    # scored against both; the three-source view against the first only, since a course
    # it cannot show must not raise what an ideal ranking of it would reach.
    pooled = merge_qrels(base, *(read_qrels(p) for p in args.pool_qrels))
    search = get_search()
    advisor = Advisor(search)
    views: list[tuple[str, str, Filters]] = []
    if not args.three_sources:
        views.append(("all", "whole catalog", Filters()))
    if not args.all_sources:
        names = " + ".join(SOURCE_NAMES[s] for s in EVAL_SOURCES)
        views.append(("three", names, Filters(sources=frozenset(EVAL_SOURCES))))

    def credwise(text: str, k: int, filters: Filters) -> list[str]:
        ranked = advisor.rank(LearnerProfile(goal=text), k=k, filters=filters)
        return [entry.result.course.url or "" for entry in ranked]

    def baseline(rank: Any) -> Any:
        return lambda text, k, filters: [r.course.url or "" for r in rank(text, k, filters)]

    systems = {
        "credwise": credwise,
        "bm25": baseline(search.bm25_only),
        "dense": baseline(search.dense_only),
    }
    figures: dict[str, Any] = {"k": args.k, "queries": len(queries)}
    for key, label, filters in views:
        allowed = search.count(filters)
        if len(views) > 1:
            print(f"{label} ({allowed:,} courses)")
        section: dict[str, dict[str, float]] = {}
        qrels = pooled if key == "all" else base
        for name, rank in systems.items():
            runs = {qid: rank(text, args.k, filters) for qid, text in queries.items()}
            scores = evaluate(runs, qrels, args.k)
            zero = grade_zero_share(runs, qrels, SHOWN)
            indent = "  " if len(views) > 1 else ""
            print(f"{indent}{name:9s} {scores.line(args.k)} grade0@{SHOWN}={zero:.3f}")
            section[name] = {
                "ndcg": scores.ndcg,
                "recall": scores.recall,
                "judged": scores.judged,
                f"grade0_at_{SHOWN}": zero,
            }
        figures[key] = {"courses": allowed, **section}
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(figures, indent=2) + "\n")
    return 0


COMMANDS = {
    "ingest": _cmd_ingest,
    "occupations": _cmd_occupations,
    "build": _cmd_build,
    "search": _cmd_search,
    "occupation": _cmd_occupation,
    "eval": _cmd_eval,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one sub-command; problems the user can fix are one clear line, not a traceback."""
    from index.embedding import ModelNotFoundError
    from index.vector_store import IndexMismatchError

    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose or args.command == "build" else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return COMMANDS[args.command](args)
    except (IndexMismatchError, ModelNotFoundError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_NOT_READY
