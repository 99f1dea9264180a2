"""Score the trained Credwise model on every held-out NLU set.

Run with Rasa's interpreter, after training:

    .venv-rasa/bin/python scripts/nlu_report.py [--model models/credwise.tar.gz]

Sets (none of them is training data; tests/nlu/test_nlu_data.py checks it):

* CLINC150 ``oos_val`` (tests/nlu/oos_val.yml): share *rejected*, i.e. classified
  ``out_of_scope`` or ``nlu_fallback`` (target 95%);
* every in-scope set: tests/nlu/in_scope_heldout.yml, tests/nlu/in_scope_fresh.yml and
  each file of tests/nlu/fresh/ and tests/nlu/fresh2/: share *kept* (not rejected; target
  95% on each fresh folder together) and intent accuracy;
* examples labelled ``out_of_scope`` in a fresh folder (tests/nlu/fresh2/out_of_domain.yml:
  requests near the domain's edge): share *rejected*, like ``oos_val``.

An example labelled ``in_scope`` (an answer given in the interview) counts for the kept
share only. An example labelled with an intent the model does not have yet is scored for
rejection only and counted as ``pending``; the intents are read from the trained model, so
such examples are scored as intents as soon as a model knows them.

Prints a table and writes everything, misses included, to reports/nlu/nlu_report.json.
Exit status 0 when both targets are met, 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import statistics
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NLU_TESTS = ROOT / "tests" / "nlu"
DEFAULT_MODEL = ROOT / "models" / "credwise.tar.gz"
DEFAULT_OUTPUT = ROOT / "reports" / "nlu" / "nlu_report.json"
OOS_SET = NLU_TESTS / "oos_val.yml"
EARLIER_SETS = [NLU_TESTS / "in_scope_heldout.yml", NLU_TESTS / "in_scope_fresh.yml"]
FRESH_DIR = NLU_TESTS / "fresh"
# Written later, blind, with out-of-domain messages the advisor must decline.
FRESH2_DIR = NLU_TESTS / "fresh2"
FRESH_FOLDERS = ("fresh", "fresh2")

REJECTING_INTENTS = frozenset({"out_of_scope", "nlu_fallback"})
ANY_IN_SCOPE = "in_scope"
# The label of a message that must be rejected, when it appears in a held-out set.
MUST_REJECT = "out_of_scope"
TARGET_OOS_REJECTED = 0.95
TARGET_FRESH_KEPT = 0.95


def load_examples(path: Path) -> list[tuple[str, str]]:
    """The (text, label) pairs of a Rasa NLU YAML file."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(path))
    return [(m.get("text"), m.get("intent")) for m in data.intent_examples]


async def classify(
    model: Path, texts: list[str]
) -> tuple[list[dict[str, Any]], set[str], list[float]]:
    """The model's intent for each text (with runners-up), the intents it knows, and the
    time each parse took in milliseconds (the NLU pipeline alone, one message at a time)."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    known = set(agent.domain.intents) if agent.domain else set()
    results, timings = [], []
    for text in texts:
        started = time.perf_counter()
        parsed = await agent.parse_message(text)
        timings.append((time.perf_counter() - started) * 1000)
        intent = parsed.get("intent") or {}
        # nlu_fallback replaces the top intent; the ranking keeps what the classifier said.
        ranking = [
            f"{row['name']} {float(row['confidence']):.2f}"
            for row in parsed.get("intent_ranking", [])
            if row.get("name") != intent.get("name")
        ][:2]
        results.append(
            {
                "predicted": intent.get("name"),
                "confidence": round(float(intent.get("confidence", 0)), 3),
                "runners_up": ranking,
            }
        )
    return results, known, timings


def share(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def score_in_scope(
    examples: list[tuple[str, str]], preds: list[dict[str, Any]], known: set[str]
) -> dict[str, Any]:
    """Kept share, intent accuracy and misses of one in-scope set; examples labelled
    ``out_of_scope`` count towards the must-reject share instead."""
    rejected, wrong, not_rejected = [], [], []
    scored = pending = must_reject = 0
    labels: Counter[str] = Counter()
    for (text, label), pred in zip(examples, preds, strict=True):
        labels[label] += 1
        row = {"text": text, "expected": label, **pred}
        if label == MUST_REJECT:
            must_reject += 1
            if pred["predicted"] not in REJECTING_INTENTS:
                not_rejected.append(row)
            continue
        if pred["predicted"] in REJECTING_INTENTS:
            rejected.append(row)
        if label == ANY_IN_SCOPE:
            continue
        if label not in known:
            pending += 1
            continue
        scored += 1
        if pred["predicted"] != label and pred["predicted"] not in REJECTING_INTENTS:
            wrong.append(row)
    right = (
        scored
        - len(wrong)
        - sum(1 for r in rejected if r["expected"] != ANY_IN_SCOPE and r["expected"] in known)
    )
    in_scope = len(examples) - must_reject
    return {
        "count": in_scope,
        "kept_share": share(in_scope - len(rejected), in_scope),
        "intent_scored": scored,
        "intent_accuracy": share(right, scored),
        "pending_intent_labels": pending,
        "must_reject": must_reject,
        "must_reject_rejected_share": share(must_reject - len(not_rejected), must_reject),
        "labels": dict(sorted(labels.items())),
        "rejected": rejected,
        "wrong_intent": wrong,
        "not_rejected": not_rejected,
    }


def folder_total(sets: dict[str, dict[str, Any]], folder: str) -> dict[str, Any]:
    """Kept share and intent accuracy over every file of one fresh folder together."""
    chosen = {k: v for k, v in sets.items() if k.startswith(f"{folder}/")}
    count = sum(v["count"] for v in chosen.values())
    kept = sum(v["count"] - len(v["rejected"]) for v in chosen.values())
    scored = sum(v["intent_scored"] for v in chosen.values())
    right = sum(round((v["intent_accuracy"] or 0) * v["intent_scored"]) for v in chosen.values())
    must = sum(v["must_reject"] for v in chosen.values())
    missed = sum(len(v["not_rejected"]) for v in chosen.values())
    return {
        "count": count,
        "kept_share": share(kept, count),
        "target": TARGET_FRESH_KEPT,
        "intent_scored": scored,
        "intent_accuracy": share(right, scored),
        "pending_intent_labels": sum(v["pending_intent_labels"] for v in chosen.values()),
        "must_reject": must,
        "must_reject_rejected_share": share(must - missed, must),
    }


def build_report(model: Path) -> dict[str, Any]:
    """Classify every set with ``model`` and summarise."""
    in_scope_files = (
        EARLIER_SETS + sorted(FRESH_DIR.glob("*.yml")) + sorted(FRESH2_DIR.glob("*.yml"))
    )
    sets = {path: load_examples(path) for path in [OOS_SET, *in_scope_files]}
    texts = [text for examples in sets.values() for text, _ in examples]
    preds, known, timings = asyncio.run(classify(model, texts))
    ordered = sorted(timings)

    report: dict[str, Any] = {
        "model": os.path.relpath(model, ROOT),
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "model_intents": sorted(known),
        # Wall-clock time of one parse (the whole NLU pipeline), over every message above.
        "parse_ms": {
            "p50": round(statistics.median(ordered), 2),
            "p95": round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 2),
            "mean": round(statistics.fmean(ordered), 2),
            "messages": len(ordered),
        },
        "sets": {},
    }
    start = 0
    for path, examples in sets.items():
        chunk = preds[start : start + len(examples)]
        start += len(examples)
        name = os.path.relpath(path, NLU_TESTS)
        if path == OOS_SET:
            missed = [
                {"text": text, **pred}
                for (text, _), pred in zip(examples, chunk, strict=True)
                if pred["predicted"] not in REJECTING_INTENTS
            ]
            report["oos_val"] = {
                "source": name,
                "count": len(examples),
                "rejected_share": share(len(examples) - len(missed), len(examples)),
                "target": TARGET_OOS_REJECTED,
                "not_rejected": missed,
            }
        else:
            report["sets"][name] = score_in_scope(examples, chunk, known)

    report["fresh_total"] = folder_total(report["sets"], "fresh")
    report["fresh2_total"] = folder_total(report["sets"], "fresh2")
    report["passed"] = bool(
        (report["oos_val"]["rejected_share"] or 0) >= TARGET_OOS_REJECTED
        and (report["fresh_total"]["kept_share"] or 0) >= TARGET_FRESH_KEPT
    )
    return report


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def print_report(report: dict[str, Any], misses: bool) -> None:
    oos = report["oos_val"]
    print(f"model: {report['model']}")
    timing = report["parse_ms"]
    print(f"parse time per message: p50 {timing['p50']} ms, p95 {timing['p95']} ms")
    print(f"oos_val rejected: {percent(oos['rejected_share'])} of {oos['count']}\n")
    print("| set | messages | kept | intent accuracy (scored) | must reject: rejected |")
    print("|---|---:|---:|---:|---:|")
    rows = [
        *report["sets"].items(),
        *((f"{folder}/ (all)", report[f"{folder}_total"]) for folder in FRESH_FOLDERS),
    ]
    for name, s in rows:
        must = (
            f"{percent(s['must_reject_rejected_share'])} of {s['must_reject']}"
            if s["must_reject"]
            else "–"
        )
        print(
            f"| `{name}` | {s['count']} | {percent(s['kept_share'])} | "
            f"{percent(s['intent_accuracy'])} ({s['intent_scored']}) | {must} |"
        )
    if not misses:
        return
    print("\noos_val not rejected:")
    for row in oos["not_rejected"]:
        print(f"  [{row['predicted']} {row['confidence']:.2f}] {row['text']}")
    for name, s in report["sets"].items():
        for kind in ("rejected", "wrong_intent", "not_rejected"):
            for row in s[kind]:
                others = ", ".join(row["runners_up"])
                print(
                    f"  {name} {kind}: [{row['expected']} -> {row['predicted']} "
                    f"{row['confidence']:.2f}] {row['text']}  ({others})"
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL, help="trained model archive")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--quiet", action="store_true", help="print the table only")
    args = parser.parse_args(argv)

    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    # The pipeline's own components (addons/) are imported from the repository root.
    sys.path.insert(0, str(ROOT))
    from rasa.utils.log_utils import configure_structlog

    # Otherwise every parsed message is logged at debug level.
    configure_structlog(logging.WARNING)
    if not args.model.is_file():
        print(f"{args.model}: no such model; train first (make train)", file=sys.stderr)
        return 2

    report = build_report(args.model.resolve())
    print_report(report, misses=not args.quiet)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"\nwrote {os.path.relpath(args.output, ROOT)}")
    return 0 if report["passed"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
