"""Choose the sentence-embedding scale and the fallback threshold by cross-validation.

Run with Rasa's interpreter (it has scikit-learn and the featurizer's dependencies):

    .venv-rasa/bin/python scripts/nlu_tune.py [--scales 0,1,2,4] [--thresholds 0.3,0.4,0.5]
        [--c 10] [--raw-counts]

Training the whole Rasa pipeline once per setting and fold would take hours on two
cores, so this replicates the NLU pipeline of config.yml with scikit-learn: word 1-2-gram
and character 2-4-gram counts, each scaled to unit length (addons/intent_classifier.py;
``--raw-counts`` keeps them as Rasa's LogisticRegressionClassifier does), the
all-MiniLM-L6-v2 sentence embedding times ``scale`` (addons/minilm.py, the featurizer's
own code), class-balanced logistic regression with inverse regularisation ``--c``, then
the FallbackClassifier's rule (top confidence below the threshold, or the top two within
0.1). The replica leaves out the place-name lookup feature; with raw counts and scale 0
its figures match the model without embeddings to within a point.

Measured on the training data, out of fold (5 stratified folds):

* ``kept_in``: in-scope examples not rejected (``out_of_scope`` or ``nlu_fallback``);
* ``acc_in``: in-scope examples given their intent;
* ``oos_train_rej``: CLINC150's ``oos_train`` utterances rejected;
* ``out_of_scope_rej``: every out-of-scope training example rejected;

and ``dev kept``: the share of tests/nlu/tuning/dev.yml (long messages, questions, own-words
backgrounds: kinds the training data has few of) not rejected by a model fitted on all the
training data. The held-out sets (CLINC150's ``oos_val``, tests/nlu/fresh/ and the other
tests/nlu/*.yml) play no part: score the chosen setting on them with
scripts/nlu_report.py after training.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import numpy as np
from ruamel.yaml import YAML
from scipy.sparse import csr_matrix, hstack  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import CountVectorizer  # type: ignore[import-untyped]
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]
from sklearn.model_selection import StratifiedKFold  # type: ignore[import-untyped]
from sklearn.preprocessing import normalize  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from addons.minilm import load_encoder  # noqa: E402

NLU_DIR = ROOT / "data" / "nlu"
OOS_TRAIN_MARK = "oos_train"
REJECTING = frozenset({"out_of_scope", "nlu_fallback"})
AMBIGUITY = 0.1


def read_examples(path: Path) -> list[tuple[str, str]]:
    """(text, intent) pairs of a Rasa NLU YAML file; lookup tables are skipped."""
    document = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
    pairs = []
    for block in document.get("nlu", []):
        if "intent" not in block:
            continue
        for line in block["examples"].splitlines():
            line = line.strip()
            if line.startswith("- "):
                pairs.append((line[2:].strip(), block["intent"]))
    return pairs


def oos_train_texts(clinc_json: Path) -> set[str]:
    """CLINC150's oos_train utterances, whitespace-normalised and lowercased."""
    import json

    data = json.loads(clinc_json.read_text(encoding="utf-8"))
    return {" ".join(text.lower().split()) for text, _ in data[OOS_TRAIN_MARK]}


def words(text: str) -> str:
    """Roughly what Rasa's WhitespaceTokenizer leaves of a message, lowercased."""
    return " ".join(re.sub(r"[^\w#£$€@%+/-]+", " ", text.lower()).split())


class Replica:
    """The pipeline's features and classifier, fitted on one fold."""

    def __init__(
        self,
        texts: list[str],
        labels: np.ndarray,
        embeddings: np.ndarray,
        scale: float,
        c: float,
        unit_counts: bool,
    ):
        self.scale = scale
        self.unit_counts = unit_counts
        self.word = CountVectorizer(ngram_range=(1, 2), token_pattern=r"\S+", lowercase=False)
        self.char = CountVectorizer(analyzer="char_wb", ngram_range=(2, 4), lowercase=False)
        self.word.fit([words(t) for t in texts])
        self.char.fit([t.lower() for t in texts])
        self.clf = LogisticRegression(max_iter=2000, class_weight="balanced", C=c)
        self.clf.fit(self.features(texts, embeddings), labels)

    def features(self, texts: list[str], embeddings: np.ndarray) -> csr_matrix:
        parts = [
            self.word.transform([words(t) for t in texts]).astype(float),
            self.char.transform([t.lower() for t in texts]).astype(float),
        ]
        if self.unit_counts:
            # Each featurizer's counts to unit length (addons/intent_classifier.py).
            parts = [normalize(part) for part in parts]
        if self.scale:
            parts.append(csr_matrix(embeddings * self.scale))
        return hstack(parts).tocsr()

    def proba(self, texts: list[str], embeddings: np.ndarray) -> np.ndarray:
        return np.asarray(self.clf.predict_proba(self.features(texts, embeddings)))


def decide(proba: np.ndarray, classes: np.ndarray, threshold: float) -> np.ndarray:
    """The FallbackClassifier's decision on each row of class probabilities."""
    order = np.argsort(-proba, axis=1)
    top = proba[np.arange(len(proba)), order[:, 0]]
    second = proba[np.arange(len(proba)), order[:, 1]]
    labels = classes[order[:, 0]].astype(object)
    labels[(top < threshold) | (top - second < AMBIGUITY)] = "nlu_fallback"
    return labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="0,1,2,4")
    parser.add_argument("--thresholds", default="0.3,0.4,0.5")
    parser.add_argument(
        "--clinc",
        type=Path,
        default=ROOT.parent / "shared" / "datasets" / "clinc150" / "clinc150_train_val.json",
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, default=10.0, help="inverse regularisation")
    parser.add_argument(
        "--raw-counts",
        action="store_true",
        help="n-gram counts as they are (Rasa's LogisticRegressionClassifier, with --c 1)",
    )
    parser.add_argument(
        "--dev",
        type=Path,
        default=ROOT / "tests" / "nlu" / "tuning" / "dev.yml",
        help="a development set scored by a model fitted on all the training data",
    )
    args = parser.parse_args(argv)

    examples = [p for path in sorted(NLU_DIR.glob("*.yml")) for p in read_examples(path)]
    texts = [t for t, _ in examples]
    labels = np.array([i for _, i in examples])
    dev = read_examples(args.dev) if args.dev.is_file() else []
    dev_texts = [t for t, _ in dev]
    started = time.monotonic()
    embeddings = load_encoder().encode(texts)
    dev_embeddings = load_encoder().encode(dev_texts)
    print(f"{len(texts)} examples embedded in {time.monotonic() - started:.0f}s", flush=True)
    from_oos_train = np.array(
        [" ".join(t.lower().split()) in oos_train_texts(args.clinc) for t in texts]
        if args.clinc.is_file()
        else [False] * len(texts)
    )
    in_scope = labels != "out_of_scope"
    folds = StratifiedKFold(args.folds, shuffle=True, random_state=0)

    print(f"C={args.c:g}, {'raw' if args.raw_counts else 'unit-length'} n-gram counts")
    print("| scale | threshold | acc_in | kept_in | oos_train_rej | out_of_scope_rej | dev kept |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    settings = {"c": args.c, "unit_counts": not args.raw_counts}
    for scale in (float(s) for s in args.scales.split(",")):
        out_of_fold: np.ndarray | None = None
        classes = np.array([])
        for train, test in folds.split(texts, labels):
            replica = Replica(
                [texts[i] for i in train], labels[train], embeddings[train], scale, **settings
            )
            proba = replica.proba([texts[i] for i in test], embeddings[test])
            if out_of_fold is None:
                classes = replica.clf.classes_
                out_of_fold = np.zeros((len(texts), len(classes)))
            out_of_fold[test] = proba
        assert out_of_fold is not None
        full = Replica(texts, labels, embeddings, scale, **settings)
        dev_proba = full.proba(dev_texts, dev_embeddings) if dev else None

        for threshold in (float(t) for t in args.thresholds.split(",")):
            pred = decide(out_of_fold, classes, threshold)
            rejected = np.isin(pred, list(REJECTING))
            oos_train_rej = np.mean(rejected[from_oos_train]) if from_oos_train.any() else np.nan
            dev_kept = np.nan
            if dev_proba is not None:
                dev_pred = decide(dev_proba, full.clf.classes_, threshold)
                dev_kept = float(np.mean(~np.isin(dev_pred, list(REJECTING))))
            print(
                f"| {scale:g} | {threshold:g} | {np.mean(pred[in_scope] == labels[in_scope]):.3f}"
                f" | {np.mean(~rejected[in_scope]):.3f}"
                f" | {oos_train_rej:.3f}"
                f" | {np.mean(rejected[~in_scope]):.3f} | {dev_kept:.3f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
