"""How each of Credwise's servers is started: action server, Rasa, web app, Telegram bot."""

from __future__ import annotations

import functools
import gzip
import json
import os
import tarfile
import urllib.request
import zlib
from collections.abc import Mapping
from pathlib import Path

from deploy.rasa_launcher import TOKEN_VARIABLE
from deploy.service import NotReadyError, Service
from deploy.settings import DEFAULT_CORS, REPO_ROOT

PYTHON = REPO_ROOT / ".venv" / "bin" / "python"
RASA_PYTHON = REPO_ROOT / ".venv-rasa" / "bin" / "python"
RASA_LAUNCHER = "deploy.rasa_launcher"


def check_model(model: Path) -> None:
    """Refuse a missing or damaged Rasa model before Rasa starts.

    Why: Rasa 3.6 given a ``--model`` path that does not exist quietly loads the newest
    model in ``models/`` (or none), and given a damaged archive it serves without an agent:
    ``/status`` answers 409 until the health wait gives up, and no turn is answered. Reading
    the whole archive (gzip checks its CRC at the end) catches truncation in a second.
    """
    fix = "run `make train`"
    if not model.is_file():
        raise NotReadyError(f"no Rasa model at {model}: {fix}")
    try:
        with gzip.open(model) as stream:
            while stream.read(1 << 20):
                pass
        with tarfile.open(model, "r:gz") as archive:
            names = {name.lstrip("/") for name in archive.getnames()}
    except (OSError, EOFError, zlib.error, tarfile.TarError) as error:
        raise NotReadyError(f"damaged Rasa model {model} ({error}): {fix}") from error
    if "metadata.json" not in names:
        raise NotReadyError(f"{model} is not a Rasa model (no metadata.json): {fix}")


def anchored_cors(cors: str) -> str:
    """A CORS origin pattern that must match the whole origin, not just its beginning."""
    if cors == "*" or cors.endswith("$"):
        return cors
    return f"(?:{cors})$"


# Each server answers many small requests at once (one message, one query): numpy's and
# torch's thread pools spin on the two cores over matrices of a dozen tokens and cost more
# than they save. With 20 closed-loop learners, one thread each took Rasa's CPU per turn
# from about 84 to 39 ms and the embedded mode from 14.7–17.5 to 19.0–19.8 turns/s
# (docs/benchmarks.md). ONNX Runtime, which computes the sentence embeddings, takes its
# thread count from OMP_NUM_THREADS too (index.onnx_model). An environment that sets
# these itself wins.
ONE_MATH_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


# The action that loads the search and the advisor's tables (actions/health.py).
WARM_UP_ACTION = "action_warm_up"


def warm_up_actions(webhook: str, seconds: float) -> None:
    """Ask the action server to run its warm-up action; raises ``OSError`` if it fails.

    Why: rasa_sdk answers its health check before the search index and the embedding
    model are loaded; without this the first learner's first recommendation took ~18 s.
    """
    sender = "warm-up"
    body = {
        "next_action": WARM_UP_ACTION,
        "sender_id": sender,
        "tracker": {"sender_id": sender, "slots": {}, "latest_message": {}, "events": []},
        "domain": {},
    }
    request = urllib.request.Request(
        webhook, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=seconds) as response:
        response.read()


def action_server(
    port: int, host: str = "127.0.0.1", env: Mapping[str, str] | None = None
) -> Service:
    """The rasa_sdk action server with Credwise's actions, behind their preflight checks.

    ``python -m actions`` refuses to start (exit 1, one line naming the fix) when the
    catalog, the search index or the embedding model is missing or damaged.
    """
    return Service(
        name="actions",
        command=[str(PYTHON), "-m", "actions", "--actions", "actions", "-p", str(port)],
        health_url=f"http://{host}:{port}/health",
        env={**ONE_MATH_THREAD, **os.environ, **(env or {}), "SANIC_HOST": host},
        warm_up=functools.partial(warm_up_actions, f"http://{host}:{port}/webhook"),
    )


def rasa_server(
    port: int,
    endpoints: Path,
    model: Path,
    host: str = "127.0.0.1",
    auth_token: str | None = None,
    cors: str = DEFAULT_CORS,
    env: Mapping[str, str] | None = None,
) -> Service:
    """The Rasa server: REST channel and HTTP API, behind a token when one is given.

    Started through :mod:`deploy.rasa_launcher`, which hands the token to Rasa inside
    the process: it is in the launcher's environment, never on a command line.
    """
    command = [
        str(RASA_PYTHON), "-m", RASA_LAUNCHER, "run", "--model", str(model),
        "--endpoints", str(endpoints), "--credentials", str(REPO_ROOT / "credentials.yml"),
        "--interface", host, "--port", str(port), "--enable-api", "--cors", cors,
    ]  # fmt: skip
    environment = {
        **ONE_MATH_THREAD,
        **os.environ,
        "RASA_TELEMETRY_ENABLED": "false",
        **(env or {}),
    }
    environment.pop(TOKEN_VARIABLE, None)
    status = f"http://{host}:{port}/status"
    if auth_token:
        environment[TOKEN_VARIABLE] = auth_token
        status += f"?token={auth_token}"
    return Service(
        name="rasa",
        command=command,
        health_url=status,
        env=environment,
        preflight=functools.partial(check_model, model),
    )


def web_app(
    port: int, rasa_url: str, host: str = "127.0.0.1", env: Mapping[str, str] | None = None
) -> Service:
    """The web app: widget demo page on /, advisor console on /console."""
    return Service(
        name="web",
        command=[str(PYTHON), "-m", "bot.web"],
        health_url=f"http://{host}:{port}/health",
        env={
            **os.environ,
            **(env or {}),
            "CREDWISE_WEB_HOST": host,
            "CREDWISE_WEB_PORT": str(port),
            "CREDWISE_RASA_URL": rasa_url,
        },
    )


def telegram_bot(env: Mapping[str, str] | None = None) -> Service:
    """The Telegram bot (polling or webhook, per its own settings); it has no health URL."""
    return Service(
        name="telegram",
        command=[str(PYTHON), "-m", "bot.telegram"],
        health_url="",
        env={**os.environ, **(env or {})},
    )
