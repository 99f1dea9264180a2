"""Measure how well the trained Credwise model separates out-of-scope messages.

Run with Rasa's interpreter, after training:

    .venv-rasa/bin/python scripts/oos_report.py [--model models/credwise.tar.gz]

Two figures, both on data the model never saw in training:

* ``oos_rejected``: the share of CLINC150's ``oos_val`` utterances
  (tests/nlu/oos_val.yml) classified ``out_of_scope`` or ``nlu_fallback``;
* ``in_scope_accepted``: the share of Credwise's held-out in-scope utterances
  (tests/nlu/in_scope_heldout.yml) classified as anything else.

The intent accuracy on the held-out in-scope set is reported too, for information.
Misclassified examples are listed. The result is printed and written as JSON
(reports/nlu/out_of_scope.json). The exit status is 0 when both shares reach their
targets, 1 otherwise.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_MODEL = ROOT / "models" / "credwise.tar.gz"
DEFAULT_OOS = ROOT / "tests" / "nlu" / "oos_val.yml"
DEFAULT_IN_SCOPE = ROOT / "tests" / "nlu" / "in_scope_heldout.yml"
DEFAULT_OUTPUT = ROOT / "reports" / "nlu" / "out_of_scope.json"

# A message counts as rejected when the model says either of these.
REJECTING_INTENTS = frozenset({"out_of_scope", "nlu_fallback"})
TARGET_OOS_REJECTED = 0.95
TARGET_IN_SCOPE_ACCEPTED = 0.95


def load_examples(path: Path) -> list[tuple[str, str]]:
    """The (text, intent) pairs of a Rasa NLU YAML file."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(path))
    return [(message.get("text"), message.get("intent")) for message in data.intent_examples]


async def classify(model: Path, texts: list[str]) -> list[dict[str, Any]]:
    """The intent the model gives each text, with its confidence and runners-up."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    results = []
    for text in texts:
        parsed = await agent.parse_message(text)
        intent = parsed.get("intent") or {}
        # nlu_fallback replaces the top intent; the ranking keeps what the classifier said.
        ranking = [
            f"{row['name']} {float(row['confidence']):.2f}"
            for row in parsed.get("intent_ranking", [])
            if row.get("name") != intent.get("name")
        ][:2]
        results.append(
            {
                "name": intent.get("name"),
                "confidence": round(float(intent.get("confidence", 0)), 3),
                "runners_up": ranking,
            }
        )
    return results


def pred_fields(pred: dict[str, Any]) -> dict[str, Any]:
    return {
        "predicted": pred["name"],
        "confidence": pred["confidence"],
        "runners_up": pred["runners_up"],
    }


def share(hits: int, total: int) -> float:
    return round(hits / total, 4) if total else 0.0


def build_report(model: Path, oos_path: Path, in_scope_path: Path) -> dict[str, Any]:
    """Classify both evaluation sets with ``model`` and summarise the results."""
    oos, in_scope = load_examples(oos_path), load_examples(in_scope_path)
    predictions = asyncio.run(classify(model, [t for t, _ in oos] + [t for t, _ in in_scope]))
    oos_pred, in_pred = predictions[: len(oos)], predictions[len(oos) :]

    oos_missed = [
        {"text": text, **pred_fields(pred)}
        for (text, _), pred in zip(oos, oos_pred, strict=True)
        if pred["name"] not in REJECTING_INTENTS
    ]
    in_rejected = [
        {
            "text": text,
            "expected": expected,
            **pred_fields(pred),
        }
        for (text, expected), pred in zip(in_scope, in_pred, strict=True)
        if pred["name"] in REJECTING_INTENTS
    ]
    in_wrong_intent = [
        {
            "text": text,
            "expected": expected,
            **pred_fields(pred),
        }
        for (text, expected), pred in zip(in_scope, in_pred, strict=True)
        if pred["name"] not in REJECTING_INTENTS and pred["name"] != expected
    ]
    oos_rejected = share(len(oos) - len(oos_missed), len(oos))
    in_accepted = share(len(in_scope) - len(in_rejected), len(in_scope))
    return {
        "model": os.path.relpath(model, ROOT),
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "rejecting_intents": sorted(REJECTING_INTENTS),
        "oos_val": {
            "source": os.path.relpath(oos_path, ROOT),
            "count": len(oos),
            "rejected_share": oos_rejected,
            "target": TARGET_OOS_REJECTED,
            "passed": oos_rejected >= TARGET_OOS_REJECTED,
            "not_rejected": oos_missed,
        },
        "in_scope_heldout": {
            "source": os.path.relpath(in_scope_path, ROOT),
            "count": len(in_scope),
            "accepted_share": in_accepted,
            "target": TARGET_IN_SCOPE_ACCEPTED,
            "passed": in_accepted >= TARGET_IN_SCOPE_ACCEPTED,
            "intent_accuracy": share(
                len(in_scope) - len(in_rejected) - len(in_wrong_intent), len(in_scope)
            ),
            "rejected": in_rejected,
            "wrong_intent": in_wrong_intent,
        },
    }


def print_report(report: dict[str, Any]) -> None:
    oos, ins = report["oos_val"], report["in_scope_heldout"]
    print(f"model: {report['model']}")
    print(
        f"oos_val rejected (out_of_scope or nlu_fallback): {oos['rejected_share']:.1%} "
        f"of {oos['count']} (target {oos['target']:.0%})"
    )
    print(
        f"held-out in-scope accepted: {ins['accepted_share']:.1%} of {ins['count']} "
        f"(target {ins['target']:.0%}); intent accuracy {ins['intent_accuracy']:.1%}"
    )
    for title, rows in (
        ("oos_val messages not rejected", oos["not_rejected"]),
        ("in-scope messages rejected", ins["rejected"]),
        ("in-scope messages given the wrong intent", ins["wrong_intent"]),
    ):
        if rows:
            print(f"\n{title}:")
            for row in rows:
                expected = f"{row['expected']} -> " if "expected" in row else ""
                others = ", ".join(row["runners_up"])
                print(
                    f"  [{expected}{row['predicted']} {row['confidence']:.2f}] {row['text']}"
                    f"  ({others})"
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL, help="trained model archive")
    parser.add_argument("--oos", type=Path, default=DEFAULT_OOS)
    parser.add_argument("--in-scope", type=Path, default=DEFAULT_IN_SCOPE)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)

    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    from rasa.utils.log_utils import configure_structlog

    # Otherwise every parsed message is logged at debug level.
    configure_structlog(logging.WARNING)
    if not args.model.is_file():
        print(f"{args.model}: no such model; train first", file=sys.stderr)
        return 2

    report = build_report(args.model.resolve(), args.oos.resolve(), args.in_scope.resolve())
    print_report(report)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"\nwrote {args.output}")
    passed = report["oos_val"]["passed"] and report["in_scope_heldout"]["passed"]
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
