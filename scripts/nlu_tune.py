"""Choose the sentence-embedding scale and the fallback threshold by cross-validation.

Run with Rasa's interpreter (it has scikit-learn and the featurizer's dependencies):

    .venv-rasa/bin/python scripts/nlu_tune.py [--scales 0,1,2,4] [--thresholds 0.3,0.4,0.5]
        [--c 10] [--raw-counts] [--gates 0:0,10:0.05] [--oos-weights 1,2.5]

Training the whole Rasa pipeline once per setting and fold would take hours on two
cores, so this replicates the NLU pipeline of config.yml with scikit-learn: word 1-2-gram
and character 2-4-gram counts, each scaled to unit length (addons/intent_classifier.py;
``--raw-counts`` keeps them as Rasa's LogisticRegressionClassifier does), the
all-MiniLM-L6-v2 sentence embedding times ``scale`` (addons/minilm.py, the featurizer's
own code), class-balanced logistic regression with inverse regularisation ``--c`` (out of
scope's weight multiplied by each of ``--oos-weights``), the
nearest-neighbour adjustment of the out-of-scope probability (addons/intent_classifier.py;
each ``--gates`` entry is ``weight:bias``, ``0:0`` is none), then the FallbackClassifier's
rule (top confidence below the threshold, or the top two within ``--ambiguity``). The
generated data/nlu/typos.yml is left out; misspelt copies of ``--typo-fraction`` of each
fold's training part are made instead (scripts/nlu_typos.py's code), so no copy of a
held-out example is trained on. The replica leaves
out the place-name lookup feature; with raw counts and scale 0 its figures match the model
without embeddings to within a point.

Measured on the training data, out of fold (5 stratified folds):

* ``kept_in``: in-scope examples not rejected (``out_of_scope`` or ``nlu_fallback``);
* ``acc_in``: in-scope examples given their intent;
* ``oos_train_rej``: CLINC150's ``oos_train`` utterances rejected;
* ``out_of_scope_rej``: every out-of-scope training example rejected;

and, for a model fitted on all the training data, ``dev kept``: the share of the in-scope
messages of tests/nlu/tuning/dev.yml (long messages, questions, own-words backgrounds:
kinds the training data has few of) not rejected, ``dev acc`` their intent accuracy
(messages labelled with an intent), and ``dev rej``: the share of its out-of-scope
messages rejected. The held-out sets (CLINC150's ``oos_val``, tests/nlu/fresh/ and the other
tests/nlu/*.yml) play no part: score the chosen setting on them with
scripts/nlu_report.py after training.
"""

from __future__ import annotations

import argparse
import random
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

sys.path.insert(0, str(ROOT / "scripts"))
# The typo generator beside this script (mypy does not follow the path set above).
import nlu_typos  # type: ignore[import-not-found]  # noqa: E402

TYPO_FILE: Path = nlu_typos.OUTPUT

NLU_DIR = ROOT / "data" / "nlu"
OOS_TRAIN_MARK = "oos_train"
REJECTING = frozenset({"out_of_scope", "nlu_fallback"})
AMBIGUITY = 0.05


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
        oos_weight: float = 1.0,
    ):
        self.scale = scale
        self.unit_counts = unit_counts
        self.word = CountVectorizer(ngram_range=(1, 2), token_pattern=r"\S+", lowercase=False)
        self.char = CountVectorizer(analyzer="char_wb", ngram_range=(2, 4), lowercase=False)
        self.word.fit([words(t) for t in texts])
        self.char.fit([t.lower() for t in texts])
        weights: dict[str, float] | str = "balanced"
        if oos_weight != 1.0:
            # Balanced weights with out of scope's multiplied (addons/intent_classifier.py).
            classes, counts = np.unique(labels, return_counts=True)
            weights = {
                str(k): len(labels) / (len(classes) * int(n))
                for k, n in zip(classes, counts, strict=True)
            }
            weights["out_of_scope"] = weights.get("out_of_scope", 1.0) * oos_weight
        self.clf = LogisticRegression(max_iter=2000, class_weight=weights, C=c)
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


def nearest(queries: np.ndarray, refs: np.ndarray, ref_labels: np.ndarray) -> np.ndarray:
    """The margin the classifier's out-of-scope adjustment uses: each query's cosine
    similarity to its nearest in-scope reference minus that to its nearest out-of-scope one
    (the embeddings have unit length)."""
    sims = queries @ refs.T
    outside = ref_labels == "out_of_scope"
    return np.asarray(sims[:, ~outside].max(axis=1) - sims[:, outside].max(axis=1))


def adjust(
    proba: np.ndarray, classes: np.ndarray, margin: np.ndarray, weight: float, bias: float
) -> np.ndarray:
    """The out-of-scope probability times exp(-weight × (margin − bias)), renormalised, as
    addons/intent_classifier.py does."""
    if not weight:
        return proba
    out = np.array(proba, dtype=float)
    column = list(classes).index("out_of_scope")
    out[:, column] *= np.exp(-weight * (margin - bias))
    return np.asarray(out / out.sum(axis=1, keepdims=True))


def typo_copies(
    texts: list[str], labels: np.ndarray, fraction: float, seed: int = 7
) -> tuple[list[str], np.ndarray]:
    """Misspelt copies of a seeded ``fraction`` of each intent's ``texts``, as
    scripts/nlu_typos.py makes data/nlu/typos.yml, but of these texts only: within a fold,
    of the training part, so no copy of a held-out example is trained on."""
    rng = random.Random(seed)
    copies, copy_labels = [], []
    for intent in sorted(set(labels.tolist())):
        members = [i for i in range(len(texts)) if labels[i] == intent]
        for i in rng.sample(members, max(1, round(len(members) * fraction))):
            typo = nlu_typos.misspell(texts[i], rng)
            if typo is not None:
                copies.append(typo)
                copy_labels.append(intent)
    return copies, np.array(copy_labels, dtype=labels.dtype)


def decide(
    proba: np.ndarray, classes: np.ndarray, threshold: float, ambiguity: float = AMBIGUITY
) -> np.ndarray:
    """The FallbackClassifier's decision on each row of class probabilities."""
    order = np.argsort(-proba, axis=1)
    top = proba[np.arange(len(proba)), order[:, 0]]
    second = proba[np.arange(len(proba)), order[:, 1]]
    labels = classes[order[:, 0]].astype(object)
    labels[(top < threshold) | (top - second < ambiguity)] = "nlu_fallback"
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
    parser.add_argument(
        "--gates",
        default="0:0,10:0.05",
        help="out-of-scope adjustments to compare, each weight:bias (0:0 is none)",
    )
    parser.add_argument(
        "--oos-weights",
        default="1",
        help="out-of-scope class weights to compare, multiples of the balanced weight",
    )
    parser.add_argument(
        "--typo-fraction",
        type=float,
        default=0.2,
        help="misspelt copies of this share of the training part (scripts/nlu_typos.py)",
    )
    parser.add_argument("--ambiguity", type=float, default=AMBIGUITY)
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

    # The generated typo file is left out: its copies are made within each fold instead.
    examples = [
        p
        for path in sorted(NLU_DIR.glob("*.yml"))
        if path.resolve() != TYPO_FILE.resolve()
        for p in read_examples(path)
    ]
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

    gates = [tuple(float(x) for x in g.split(":")) for g in args.gates.split(",")]
    dev_labels = np.array([i for _, i in dev])
    dev_in = dev_labels != "out_of_scope"
    dev_intent = dev_in & (dev_labels != "in_scope")

    encoder = load_encoder()

    def with_typos(part: np.ndarray) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The texts, labels and embeddings of ``part`` plus typo copies of them."""
        part_texts = [texts[i] for i in part]
        if not args.typo_fraction:
            return part_texts, labels[part], embeddings[part]
        copies, copy_labels = typo_copies(part_texts, labels[part], args.typo_fraction)
        return (
            part_texts + copies,
            np.concatenate([labels[part], copy_labels]),
            np.vstack([embeddings[part], encoder.encode(copies)]),
        )

    print(
        f"C={args.c:g}, {'raw' if args.raw_counts else 'unit-length'} n-gram counts, "
        f"typo copies of {args.typo_fraction:g} of the training part, "
        f"ambiguity {args.ambiguity:g}"
    )
    print(
        "| scale | oos weight | weight:bias | threshold | acc_in | kept_in | oos_train_rej"
        " | out_of_scope_rej | dev kept | dev acc | dev rej |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    runs = [
        (float(scale), float(weight))
        for scale in args.scales.split(",")
        for weight in args.oos_weights.split(",")
    ]
    for scale, oos_weight in runs:
        settings = {"c": args.c, "unit_counts": not args.raw_counts, "oos_weight": oos_weight}
        out_of_fold: np.ndarray | None = None
        margin = np.zeros(len(texts))
        classes = np.array([])
        for train, test in folds.split(texts, labels):
            train_texts, train_labels, train_embeddings = with_typos(train)
            replica = Replica(train_texts, train_labels, train_embeddings, scale, **settings)
            proba = replica.proba([texts[i] for i in test], embeddings[test])
            if out_of_fold is None:
                classes = replica.clf.classes_
                out_of_fold = np.zeros((len(texts), len(classes)))
            out_of_fold[test] = proba
            margin[test] = nearest(embeddings[test], train_embeddings, train_labels)
        assert out_of_fold is not None
        all_texts, all_labels, all_embeddings = with_typos(np.arange(len(texts)))
        full = Replica(all_texts, all_labels, all_embeddings, scale, **settings)
        dev_proba = full.proba(dev_texts, dev_embeddings) if dev else None
        dev_margin = nearest(dev_embeddings, all_embeddings, all_labels) if dev else None

        for weight, bias in gates:
            for threshold in (float(t) for t in args.thresholds.split(",")):
                pred = decide(
                    adjust(out_of_fold, classes, margin, weight, bias),
                    classes,
                    threshold,
                    args.ambiguity,
                )
                rejected = np.isin(pred, list(REJECTING))
                oos_train_rej = (
                    np.mean(rejected[from_oos_train]) if from_oos_train.any() else np.nan
                )
                dev_kept = dev_acc = dev_rej = np.nan
                if dev_proba is not None and dev_margin is not None:
                    dev_pred = decide(
                        adjust(dev_proba, full.clf.classes_, dev_margin, weight, bias),
                        full.clf.classes_,
                        threshold,
                        args.ambiguity,
                    )
                    dev_rejected = np.isin(dev_pred, list(REJECTING))
                    dev_kept = float(np.mean(~dev_rejected[dev_in]))
                    if dev_intent.any():
                        dev_acc = float(np.mean(dev_pred[dev_intent] == dev_labels[dev_intent]))
                    if (~dev_in).any():
                        dev_rej = float(np.mean(dev_rejected[~dev_in]))
                print(
                    f"| {scale:g} | {oos_weight:g} | {weight:g}:{bias:g} | {threshold:g}"
                    f" | {np.mean(pred[in_scope] == labels[in_scope]):.3f}"
                    f" | {np.mean(~rejected[in_scope]):.3f}"
                    f" | {oos_train_rej:.3f}"
                    f" | {np.mean(rejected[~in_scope]):.3f}"
                    f" | {dev_kept:.3f} | {dev_acc:.3f} | {dev_rej:.3f} |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
