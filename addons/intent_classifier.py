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
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message
from scipy.sparse import csr_matrix, hstack, vstack  # type: ignore[import-untyped]
from sklearn.preprocessing import normalize  # type: ignore[import-untyped]


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
        self.clf.set_params(C=float(self.config["C"]))

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
