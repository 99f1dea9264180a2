#!/usr/bin/env python3
"""Write data/nlu/out_of_scope.yml (and tests/nlu/oos_val.yml) from CLINC150.

The out_of_scope intent teaches the classifier what Credwise does *not* handle. It is
built from two parts of CLINC150's training data only:

* every utterance of ``oos_train`` (queries that fit none of CLINC's 150 intents), and
* a seeded random sample from the ``train`` split of the CLINC intents that are outside
  Credwise's scope (banking, travel, cooking, smart home, small talk about the bot...).

CLINC intents that overlap an intent of Credwise (greetings, thanks, yes/no, "are you a
bot", "what can I ask you", "cancel", "start again"...) are left out, so that the two
never teach the classifier opposite answers for the same kind of message.

The ``val`` and ``oos_val`` splits never reach the training data: they are kept for
evaluation. ``oos_val`` is written, unchanged but for whitespace, to
tests/nlu/oos_val.yml, which scripts/oos_report.py scores against the trained model.

Usage (standard library only, Python >= 3.10):

    python3 scripts/build_out_of_scope_nlu.py /path/to/clinc150_train_val.json

The output is deterministic for a given input, seed and sample size.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUTPUT = ROOT / "data" / "nlu" / "out_of_scope.yml"
DEFAULT_EVAL_OUTPUT = ROOT / "tests" / "nlu" / "oos_val.yml"

DEFAULT_SEED = 150
# Examples taken from each out-of-scope CLINC intent: enough variety across ~135 topics
# while keeping the whole NLU training set small enough to train in a few minutes.
DEFAULT_PER_INTENT = 7

# CLINC intents that mean the same as one of Credwise's own intents.
OVERLAPPING_INTENTS = frozenset(
    {
        "greeting",  # greet
        "goodbye",  # goodbye
        "thank_you",  # thank
        "are_you_a_bot",  # bot_challenge
        "what_is_your_name",  # bot_challenge ("who are you?")
        "who_made_you",  # bot_challenge
        "who_do_you_work_for",  # bot_challenge
        "yes",  # affirm
        "no",  # deny
        "maybe",  # affirm / deny / inform ("maybe 3")
        "cancel",  # restart / deny
        "reset_settings",  # restart ("go back to the start")
        "repeat",  # answered by the dialogue, not out of scope
        "what_can_i_ask_you",  # help
        "share_location",  # inform (the learner's location)
    }
)

SOURCE_HEADER = """\
# GENERATED FILE: do not edit by hand. Rebuild with
#   python3 scripts/build_out_of_scope_nlu.py /path/to/clinc150_train_val.json
#
# Source: CLINC150 ("An Evaluation Dataset for Intent Classification and
# Out-of-Scope Prediction", Larson et al., EMNLP 2019), github.com/clinc/oos-eval,
# data/data_full.json. Licence: Creative Commons Attribution 3.0 (CC BY 3.0),
# https://creativecommons.org/licenses/by/3.0/. Changes: utterances were selected
# (all of oos_train, plus a seeded sample of the train split of intents outside
# Credwise's scope), deduplicated and relabelled as out_of_scope.
# See data/nlu/SOURCES.md for the attribution.
#
# Seed {seed}, {per_intent} examples per CLINC intent, {n_intents} CLINC intents,
# {n_oos} oos_train utterances, {n_total} examples in all.
# Excluded CLINC intents (they overlap Credwise intents): {excluded}
"""

EVAL_HEADER = """\
# GENERATED FILE: do not edit by hand. Rebuild with
#   python3 scripts/build_out_of_scope_nlu.py /path/to/clinc150_train_val.json
#
# EVALUATION DATA ONLY: never copy these utterances into data/nlu/.
# The oos_val split of CLINC150 (Larson et al., EMNLP 2019), github.com/clinc/oos-eval,
# data/data_full.json, licensed CC BY 3.0 (https://creativecommons.org/licenses/by/3.0/),
# relabelled out_of_scope. See data/nlu/SOURCES.md for the attribution.
"""


def load_clinc(path: Path) -> dict[str, list[list[str]]]:
    """Read the CLINC150 JSON file with its train and oos_train splits."""
    with path.open(encoding="utf-8") as handle:
        data: dict[str, list[list[str]]] = json.load(handle)
    for split in ("train", "oos_train", "oos_val"):
        if split not in data:
            raise SystemExit(f"{path}: no '{split}' split")
    return data


def normalise(text: str) -> str:
    """Collapse whitespace so that near-identical utterances deduplicate."""
    return " ".join(text.split())


def select_examples(
    data: dict[str, list[list[str]]], seed: int, per_intent: int
) -> tuple[list[str], int, int]:
    """Return the chosen utterances, the number of CLINC intents used and of oos_train."""
    by_intent: dict[str, list[str]] = defaultdict(list)
    for text, intent in data["train"]:
        if intent not in OVERLAPPING_INTENTS:
            by_intent[intent].append(normalise(text))

    rng = random.Random(seed)
    chosen: list[str] = []
    seen: set[str] = set()

    oos = [normalise(text) for text, _ in data["oos_train"]]
    for text in oos:
        if text and text not in seen:
            seen.add(text)
            chosen.append(text)
    n_oos = len(chosen)

    for intent in sorted(by_intent):
        candidates = sorted(set(by_intent[intent]) - seen)
        for text in rng.sample(candidates, min(per_intent, len(candidates))):
            seen.add(text)
            chosen.append(text)
    return chosen, len(by_intent), n_oos


def yaml_block_line(text: str) -> str:
    """One line of a YAML literal block: any character is safe except a line break."""
    return "      - " + text.replace("\n", " ")


def nlu_yaml(header: str, examples: list[str]) -> str:
    """A Rasa 3 NLU file with ``examples`` as the out_of_scope intent."""
    lines = [header, 'version: "3.1"', "", "nlu:", "  - intent: out_of_scope", "    examples: |"]
    lines += [yaml_block_line(text) for text in examples]
    return "\n".join(lines) + "\n"


def render(examples: list[str], seed: int, per_intent: int, n_intents: int, n_oos: int) -> str:
    header = SOURCE_HEADER.format(
        seed=seed,
        per_intent=per_intent,
        n_intents=n_intents,
        n_oos=n_oos,
        n_total=len(examples),
        excluded=", ".join(sorted(OVERLAPPING_INTENTS)),
    )
    return nlu_yaml(header, examples)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("clinc_json", type=Path, help="path to clinc150_train_val.json")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--eval-output", type=Path, default=DEFAULT_EVAL_OUTPUT)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--per-intent", type=int, default=DEFAULT_PER_INTENT)
    args = parser.parse_args(argv)

    data = load_clinc(args.clinc_json)
    examples, n_intents, n_oos = select_examples(data, args.seed, args.per_intent)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        render(examples, args.seed, args.per_intent, n_intents, n_oos), encoding="utf-8"
    )
    print(f"wrote {len(examples)} out_of_scope examples to {args.output}", file=sys.stderr)

    held_out = [normalise(text) for text, _ in data["oos_val"]]
    args.eval_output.parent.mkdir(parents=True, exist_ok=True)
    args.eval_output.write_text(nlu_yaml(EVAL_HEADER, held_out), encoding="utf-8")
    print(f"wrote {len(held_out)} evaluation examples to {args.eval_output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
