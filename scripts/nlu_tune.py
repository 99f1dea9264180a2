"""Choose the sentence-embedding scale and the fallback threshold by cross-validation.

Run with Rasa's interpreter (it has scikit-learn and the featurizer's dependencies):

    .venv-rasa/bin/python scripts/nlu_tune.py [--scales 0,1,2,4] [--thresholds 0.3,0.4,0.5]

Training the whole Rasa pipeline once per setting and fold would take hours on two
cores, so this replicates the NLU pipeline of config.yml with scikit-learn: word 1-2-gram
and character 2-4-gram counts, the all-MiniLM-L6-v2 sentence embedding times ``scale``
(addons/minilm.py, the featurizer's own code), class-balanced logistic regression (C=1,
as Rasa's LogisticRegressionClassifier), then the FallbackClassifier's rule (top
confidence below the threshold, or the top two within 0.1). The replica leaves out the
place-name lookup feature; its figures with scale 0 match the model without embeddings
to within a point.

Everything is measured on the training data only, out of fold (5 stratified folds):

* ``kept_in``: in-scope examples not rejected (``out_of_scope`` or ``nlu_fallback``);
* ``acc_in``: in-scope examples given their intent;
* ``oos_train_rej``: CLINC150's ``oos_train`` utterances rejected.

The held-out sets (CLINC150's ``oos_val``, tests/nlu/) play no part: score the chosen
setting on them with scripts/nlu_report.py after training.
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

    def __init__(self, texts: list[str], labels: np.ndarray, embeddings: np.ndarray, scale: float):
        self.scale = scale
        self.word = CountVectorizer(ngram_range=(1, 2), token_pattern=r"\S+", lowercase=False)
        self.char = CountVectorizer(analyzer="char_wb", ngram_range=(2, 4), lowercase=False)
        self.word.fit([words(t) for t in texts])
        self.char.fit([t.lower() for t in texts])
        self.clf = LogisticRegression(max_iter=1000, class_weight="balanced", C=1.0)
        self.clf.fit(self.features(texts, embeddings), labels)

    def features(self, texts: list[str], embeddings: np.ndarray) -> csr_matrix:
        parts = [
            self.word.transform([words(t) for t in texts]),
            self.char.transform([t.lower() for t in texts]),
        ]
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
    args = parser.parse_args(argv)

    examples = [p for path in sorted(NLU_DIR.glob("*.yml")) for p in read_examples(path)]
    texts = [t for t, _ in examples]
    labels = np.array([i for _, i in examples])
    started = time.monotonic()
    embeddings = load_encoder().encode(texts)
    print(f"{len(texts)} examples embedded in {time.monotonic() - started:.0f}s", flush=True)
    from_oos_train = np.array(
        [" ".join(t.lower().split()) in oos_train_texts(args.clinc) for t in texts]
        if args.clinc.is_file()
        else [False] * len(texts)
    )
    in_scope = labels != "out_of_scope"
    folds = StratifiedKFold(args.folds, shuffle=True, random_state=0)

    print("| scale | threshold | acc_in | kept_in | oos_train_rej | out_of_scope_rej |")
    print("|---:|---:|---:|---:|---:|---:|")
    for scale in (float(s) for s in args.scales.split(",")):
        out_of_fold: np.ndarray | None = None
        classes = np.array([])
        for train, test in folds.split(texts, labels):
            replica = Replica([texts[i] for i in train], labels[train], embeddings[train], scale)
            proba = replica.proba([texts[i] for i in test], embeddings[test])
            if out_of_fold is None:
                classes = replica.clf.classes_
                out_of_fold = np.zeros((len(texts), len(classes)))
            out_of_fold[test] = proba
        assert out_of_fold is not None
        for threshold in (float(t) for t in args.thresholds.split(",")):
            pred = decide(out_of_fold, classes, threshold)
            rejected = np.isin(pred, list(REJECTING))
            oos_train_rej = np.mean(rejected[from_oos_train]) if from_oos_train.any() else np.nan
            print(
                f"| {scale:g} | {threshold:g} | {np.mean(pred[in_scope] == labels[in_scope]):.3f}"
                f" | {np.mean(~rejected[in_scope]):.3f}"
                f" | {oos_train_rej:.3f}"
                f" | {np.mean(rejected[~in_scope]):.3f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
