"""Rasa's logistic-regression intent classifier, with each message's n-gram counts scaled
to unit length (per featurizer) and a configurable regularisation strength.

Rasa's LogisticRegressionClassifier joins a message's sparse sentence features (word and
character n-gram *counts*) with its dense ones (the sentence embedding) and fits scikit-
learn's logistic regression with C fixed at 1. Counts grow with the message: a
four-sentence message ("I'm a nurse, I have 3 hours a week, budget 200, online only, I
want to move into management") has ten times the character n-grams of a training example,
so its logits are ten times as large, and whichever intent its words lean to wins with a
confidence near 1. Out of scope, with the most and the most varied examples, was that
intent. Scaling the counts to unit length makes a message's n-gram evidence the same size
however long it is, so long messages are judged by what they say, the sentence embedding
(unit length too) keeps a steady share, and the fallback threshold means the same thing
for a short and a long message. With features of that size, C (the inverse of the
regularisation) is set in config.yml rather than fixed.

The out-of-scope decision also looks at the sentence embedding's nearest training
examples. Out of scope is one class made of very different things (weather, banking,
CLINC150's other assistants), so a linear boundary around it is coarse: a new phrasing of
a goal ("how do people get started in …?") can land on its side although its nearest
neighbours are all Credwise examples, and a request near the edge can land on an in-scope
intent although its nearest neighbours are out-of-scope ones. The classifier therefore
keeps the unit-length embeddings of its training examples and, for each message, takes
the margin ``m`` = (cosine similarity to the nearest in-scope example) − (to the nearest
out-of-scope example); the out-of-scope probability is multiplied by
``exp(-weight × (m − bias))`` and the probabilities renormalised. A clear in-domain
neighbour lowers it, a clear out-of-domain one raises it, and with ``weight`` 0 the
classifier is the plain logistic regression. The weight and bias were chosen by
cross-validation (scripts/nlu_tune.py, reports/nlu/README.md).
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.constants import RANKING_LENGTH
from scipy.sparse import csr_matrix, hstack, vstack  # type: ignore[import-untyped]
from sklearn.preprocessing import normalize  # type: ignore[import-untyped]

logger = logging.getLogger(__name__)

# The training examples' embeddings, stored beside the fitted classifier.
REFERENCES_FILE = "similarity_references.npz"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class NormalisedLogisticRegressionClassifier(LogisticRegressionClassifier):
    """Logistic regression over unit-length n-gram counts and the dense sentence features."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The component's default config (see parent class for full docstring)."""
        return {
            **LogisticRegressionClassifier.get_default_config(),
            # Inverse regularisation strength of scikit-learn's LogisticRegression.
            "C": 1.0,
            # Weight of the nearest-neighbour margin in the out-of-scope probability
            # (0 turns the adjustment off) and the margin at which it leaves it alone.
            "similarity_weight": 0.0,
            "similarity_bias": 0.0,
            # The intent that means "not something Credwise does".
            "out_of_scope_intent": "out_of_scope",
            # Its class weight, as a multiple of the balanced one every other intent gets.
            "out_of_scope_weight": 1.0,
        }

    def __init__(
        self,
        config: dict[str, Any],
        name: str,
        model_storage: ModelStorage,
        resource: Resource,
    ) -> None:
        """Rasa's classifier, with C taken from the config."""
        super().__init__(config, name, model_storage, resource)
        if float(self.config["C"]) <= 0:
            raise InvalidConfigException("C must be positive")
        if float(self.config["similarity_weight"]) < 0:
            raise InvalidConfigException("similarity_weight must not be negative")
        if float(self.config["out_of_scope_weight"]) <= 0:
            raise InvalidConfigException("out_of_scope_weight must be positive")
        self.clf.set_params(C=float(self.config["C"]))
        # Unit-length embeddings of the in-scope and the out-of-scope training examples.
        self.in_scope_refs = np.zeros((0, 0), dtype=np.float32)
        self.out_of_scope_refs = np.zeros((0, 0), dtype=np.float32)

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> NormalisedLogisticRegressionClassifier:
        """Creates a new untrained component (see parent class for full docstring)."""
        return cls(config, execution_context.node_name, model_storage, resource)

    def _create_X(self, messages: list[Message]) -> csr_matrix:  # noqa: N802 (Rasa's name)
        """One row per message: each sparse featurizer's sentence counts scaled to unit
        length (in pipeline order), then the dense sentence features as they are.

        Each featurizer separately, so the character n-grams, many more per message than
        the words, do not drown the word n-grams or the place-name flag.
        """
        rows = []
        for message in messages:
            parts = [
                normalize(csr_matrix(f.features, dtype=float))
                for f in message.features
                if f.attribute == TEXT and f.is_sparse() and f.type == FEATURE_TYPE_SENTENCE
            ]
            # (sequence features, sentence features): only the sentence ones are used.
            dense = message.get_dense_features(attribute=TEXT)[1]
            if dense is not None:
                parts.append(csr_matrix(dense.features))
            rows.append(hstack(parts) if parts else csr_matrix((1, 0)))
        return vstack(rows).tocsr()

    @staticmethod
    def _embeddings(messages: list[Message]) -> np.ndarray | None:
        """Each message's dense sentence features scaled to unit length (the featurizer
        multiplies the embedding by a constant, which cosine similarity ignores), or None
        when the pipeline has no dense featurizer."""
        rows = []
        for message in messages:
            dense = message.get_dense_features(attribute=TEXT)[1]
            if dense is None:
                return None
            rows.append(np.asarray(dense.features, dtype=np.float32).reshape(-1))
        if not rows:
            return None
        matrix = np.vstack(rows)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return np.asarray(matrix / np.maximum(norms, 1e-12), dtype=np.float32)

    def train(self, training_data: TrainingData) -> Resource:
        """Keep the training examples' embeddings, then fit (see parent class)."""
        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        labels = [str(e.get(INTENT)) for e in examples]
        self.clf.set_params(class_weight=self._class_weights(labels))
        embeddings = self._embeddings(examples)
        if embeddings is not None and float(self.config["similarity_weight"]) > 0:
            outside = np.array([label == self.config["out_of_scope_intent"] for label in labels])
            self.in_scope_refs = embeddings[~outside]
            self.out_of_scope_refs = embeddings[outside]
        return super().train(training_data)

    def _class_weights(self, labels: list[str]) -> dict[str, float] | str:
        """scikit-learn's balanced class weights, with out of scope's multiplied by
        ``out_of_scope_weight``.

        Balanced weights make every intent count the same in total, so out of scope, the
        largest and most varied class, gets the smallest weight per example, and a
        request unlike any of its examples falls to whichever in-scope intent is nearest.
        Weighting it up moves the boundary towards the in-scope intents; the
        nearest-neighbour adjustment then gives back the messages that lie close to
        Credwise's own examples.
        """
        factor = float(self.config["out_of_scope_weight"])
        if factor == 1.0 or not labels:
            return "balanced"
        classes, counts = np.unique(labels, return_counts=True)
        weights = {
            str(c): len(labels) / (len(classes) * int(n))
            for c, n in zip(classes, counts, strict=True)
        }
        outside = str(self.config["out_of_scope_intent"])
        if outside in weights:
            weights[outside] *= factor
        return weights

    def _gate_active(self) -> bool:
        return (
            float(self.config["similarity_weight"]) > 0
            and self.in_scope_refs.size > 0
            and self.out_of_scope_refs.size > 0
        )

    def _adjust(self, messages: list[Message], probas: np.ndarray) -> np.ndarray:
        """The class probabilities with the out-of-scope one moved by the nearest-neighbour
        margin (module docstring); unchanged when the gate is off or cannot apply."""
        classes = list(self.clf.classes_)
        outside = self.config["out_of_scope_intent"]
        if not self._gate_active() or outside not in classes:
            return probas
        embeddings = self._embeddings(messages)
        if embeddings is None or embeddings.shape[1] != self.in_scope_refs.shape[1]:
            return probas
        margin = (embeddings @ self.in_scope_refs.T).max(axis=1) - (
            embeddings @ self.out_of_scope_refs.T
        ).max(axis=1)
        factor = np.exp(
            -float(self.config["similarity_weight"])
            * (margin - float(self.config["similarity_bias"]))
        )
        adjusted = np.array(probas, dtype=float)
        adjusted[:, classes.index(outside)] *= factor
        return np.asarray(adjusted / adjusted.sum(axis=1, keepdims=True))

    def process(self, messages: list[Message]) -> list[Message]:
        """The most likely intent and the ranking, after the out-of-scope adjustment."""
        if not messages:
            return messages
        probas = self._adjust(messages, self.clf.predict_proba(self._create_X(messages)))
        intents = self.clf.classes_
        for message, row in zip(messages, probas, strict=True):
            scored = sorted(zip(intents, row, strict=True), key=lambda pair: -float(pair[1]))
            ranking: list[dict[str, Any]] = [
                {"name": str(name), "confidence": float(confidence)} for name, confidence in scored
            ]
            message.set("intent", ranking[0], add_to_output=True)
            if self.config[RANKING_LENGTH] > 0:
                ranking = ranking[: self.config[RANKING_LENGTH]]
            message.set("intent_ranking", ranking, add_to_output=True)
        return messages

    def persist(self) -> None:
        """The fitted classifier (as Rasa stores it) and the reference embeddings."""
        super().persist()
        if not self._gate_active():
            return
        with self._model_storage.write_to(self._resource) as model_dir:
            np.savez_compressed(
                model_dir / REFERENCES_FILE,
                in_scope=self.in_scope_refs,
                out_of_scope=self.out_of_scope_refs,
            )

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> NormalisedLogisticRegressionClassifier:
        """The fitted classifier and, when stored, the reference embeddings."""
        component = super().load(config, model_storage, resource, execution_context, **kwargs)
        assert isinstance(component, NormalisedLogisticRegressionClassifier)
        try:
            with model_storage.read_from(resource) as model_dir:
                path = model_dir / REFERENCES_FILE
                if path.is_file():
                    with np.load(path) as stored:
                        component.in_scope_refs = stored["in_scope"]
                        component.out_of_scope_refs = stored["out_of_scope"]
        except ValueError:
            logger.debug("No stored reference embeddings for %s", resource.name)
        return component
