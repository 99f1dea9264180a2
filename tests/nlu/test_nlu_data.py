"""The NLU training data is complete, consistent and kept apart from the evaluation data.

These checks read the YAML files only (no Rasa, no model), so they run in a second.
"""

from __future__ import annotations

import importlib.util
import re
from collections import defaultdict
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
NLU_DIR = ROOT / "data" / "nlu"
FRESH_FILES = sorted((ROOT / "tests" / "nlu" / "fresh").glob("*.yml"))
# A second blind set, written later, with out-of-domain messages labelled out_of_scope.
FRESH2_FILES = sorted((ROOT / "tests" / "nlu" / "fresh2").glob("*.yml"))
EVAL_FILES = [
    ROOT / "tests" / "nlu" / "oos_val.yml",
    ROOT / "tests" / "nlu" / "in_scope_heldout.yml",
    ROOT / "tests" / "nlu" / "in_scope_fresh.yml",
    *FRESH_FILES,
    *FRESH2_FILES,
    # Steers the pipeline's settings (scripts/nlu_tune.py), so it is kept out of training too.
    ROOT / "tests" / "nlu" / "tuning" / "dev.yml",
]
# The label of an interview answer in the fresh sets: any intent that is not a rejection.
ANY_IN_SCOPE = "in_scope"
# The learner's questions after the results, being added to the domain; the fresh sets
# hold examples for them already (scripts/nlu_report.py scores them once a model has them).
INTENTS_BEING_ADDED = frozenset(
    {
        "ask_skills",
        "ask_worth",
        "ask_provider",
        "ask_duration",
        "ask_credential",
        "set_reminder",
        "cancel_reminder",
        "refine_goal",
    }
)
MIN_FRESH_IN_SCOPE = 250
MIN_FRESH2_IN_SCOPE = 150
MIN_FRESH2_OUT_OF_DOMAIN = 40
# CI lays the shared folder beside the clone; a developer's checkout has it there too.
CLINC_JSON = ROOT.parent / "shared" / "datasets" / "clinc150" / "clinc150_train_val.json"
BUILD_SCRIPT = ROOT / "scripts" / "build_out_of_scope_nlu.py"
TYPO_SCRIPT = ROOT / "scripts" / "nlu_typos.py"

MIN_EXAMPLES_PER_INTENT = 30
SAFE_YAML = YAML(typ="safe", pure=True)
MIN_HELDOUT_IN_SCOPE = 150


def normalise(text: str) -> str:
    """Lowercase, without punctuation: how the featurizers see a message."""
    return " ".join(re.sub(r"[^\w#£$€ ]+", " ", text.lower()).split())


def read_examples(path: Path) -> list[tuple[str, str]]:
    """The (intent, text) pairs of a Rasa NLU YAML file (the typo script's own reader)."""
    pairs: list[tuple[str, str]] = _typo_script().read_examples(path)
    return pairs


@cache
def _typo_script() -> ModuleType:
    return load_build_script(TYPO_SCRIPT)


def training_examples() -> list[tuple[str, str]]:
    return [pair for path in sorted(NLU_DIR.glob("*.yml")) for pair in read_examples(path)]


def domain_intents() -> list[str]:
    """The domain's intents a message can have: EXTERNAL_* ones are sent by the server."""
    domain = SAFE_YAML.load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    names = [i if isinstance(i, str) else next(iter(i)) for i in domain["intents"]]
    return [name for name in names if not name.startswith("EXTERNAL_")]


def load_build_script(path: Path = BUILD_SCRIPT) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_domain_intent_has_enough_examples() -> None:
    counts: dict[str, int] = defaultdict(int)
    for intent, _ in training_examples():
        counts[intent] += 1
    too_few = {i: counts[i] for i in domain_intents() if counts[i] < MIN_EXAMPLES_PER_INTENT}
    assert too_few == {}


def test_no_training_intent_is_missing_from_the_domain() -> None:
    assert {intent for intent, _ in training_examples()} - set(domain_intents()) == set()


def test_no_message_is_taught_two_intents() -> None:
    labels: dict[str, set[str]] = defaultdict(set)
    for intent, text in training_examples():
        labels[normalise(text)].add(intent)
    assert {text: sorted(i) for text, i in labels.items() if len(i) > 1} == {}


@pytest.mark.parametrize("eval_file", EVAL_FILES, ids=lambda p: p.name)
def test_evaluation_messages_are_not_in_the_training_data(eval_file: Path) -> None:
    trained = {normalise(text) for _, text in training_examples()}
    leaked = [text for _, text in read_examples(eval_file) if normalise(text) in trained]
    assert leaked == []


def test_held_out_in_scope_sets_cover_every_credwise_intent() -> None:
    held_out = read_examples(ROOT / "tests" / "nlu" / "in_scope_heldout.yml")
    assert len(held_out) >= MIN_HELDOUT_IN_SCOPE
    fresh = [pair for path in FRESH_FILES for pair in read_examples(path)]
    expected = set(domain_intents()) - {"out_of_scope"}
    assert expected - {intent for intent, _ in held_out + fresh} == set()


def test_fresh_sets_do_not_repeat_the_tuning_set() -> None:
    tuning = {normalise(t) for _, t in read_examples(EVAL_FILES[-1])}
    fresh = {normalise(t) for path in FRESH_FILES for _, t in read_examples(path)}
    assert tuning & fresh == set()


def test_fresh_sets_are_large_and_labelled_with_known_intents() -> None:
    fresh = [pair for path in FRESH_FILES for pair in read_examples(path)]
    assert len(fresh) >= MIN_FRESH_IN_SCOPE
    allowed = set(domain_intents()) | {ANY_IN_SCOPE} | INTENTS_BEING_ADDED
    assert {intent for intent, _ in fresh} - allowed == set()
    assert "out_of_scope" not in {intent for intent, _ in fresh}


def test_clinc_out_of_scope_file_is_the_build_scripts_output(tmp_path: Path) -> None:
    """data/nlu/out_of_scope.yml and tests/nlu/oos_val.yml are reproducible."""
    if not CLINC_JSON.is_file():
        pytest.skip(f"{CLINC_JSON} is not available")
    script = load_build_script()
    out, held_out = tmp_path / "out_of_scope.yml", tmp_path / "oos_val.yml"
    script.main([str(CLINC_JSON), "--output", str(out), "--eval-output", str(held_out)])
    assert out.read_text(encoding="utf-8") == (NLU_DIR / "out_of_scope.yml").read_text(
        encoding="utf-8"
    )
    assert held_out.read_text(encoding="utf-8") == EVAL_FILES[0].read_text(encoding="utf-8")


def test_build_script_never_trains_on_overlapping_intents_or_validation_splits() -> None:
    if not CLINC_JSON.is_file():
        pytest.skip(f"{CLINC_JSON} is not available")
    script = load_build_script()
    data = script.load_clinc(CLINC_JSON)
    chosen, _, _ = script.select_examples(data, script.DEFAULT_SEED, script.DEFAULT_PER_INTENT)
    chosen_set = set(chosen)
    overlapping = {
        script.normalise(text)
        for text, intent in data["train"]
        if intent in script.OVERLAPPING_INTENTS
    }
    assert chosen_set & overlapping == set()
    held_out = {script.normalise(text) for text, _ in data["val"] + data["oos_val"]}
    assert chosen_set & held_out == set()


def test_second_fresh_set_is_large_labelled_and_new() -> None:
    """fresh2 holds enough in-scope and out-of-domain messages, with the domain's labels,
    and repeats neither the first fresh set nor the tuning set."""
    fresh2 = [pair for path in FRESH2_FILES for pair in read_examples(path)]
    in_scope = [pair for pair in fresh2 if pair[0] != "out_of_scope"]
    assert len(in_scope) >= MIN_FRESH2_IN_SCOPE
    assert len(fresh2) - len(in_scope) >= MIN_FRESH2_OUT_OF_DOMAIN
    assert {intent for intent, _ in fresh2} - set(domain_intents()) - {ANY_IN_SCOPE} == set()
    earlier = {
        normalise(t) for path in [*FRESH_FILES, EVAL_FILES[-1]] for _, t in read_examples(path)
    }
    texts = [normalise(t) for _, t in fresh2]
    assert len(set(texts)) == len(texts)
    assert set(texts) & earlier == set()


def test_typo_file_is_the_scripts_output() -> None:
    """data/nlu/typos.yml is regenerated whenever the examples it copies change."""
    script = load_build_script(TYPO_SCRIPT)
    assert script.main(["--check"]) == 0, "run: .venv/bin/python scripts/nlu_typos.py"
