"""The Rasa a benchmark talks to: the one at ``--url``, or a fresh embedded deployment."""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def rasa_parser(prog: str) -> argparse.ArgumentParser:
    """A suite's options, starting with where its Rasa is (``--url``, ``--token``)."""
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--url", help="a running Rasa (default: start one on free ports)")
    parser.add_argument("--token", help="Rasa's HTTP API token (default: the deployment's)")
    return parser


def with_rasa(url: str | None, token: str | None, play: Callable[[str, str], T], label: str) -> T:
    """``play(rasa_url, token)`` against ``url`` (a running ``make up``, its token read from
    the deployment unless given), or else against the action server and Rasa started here
    on free ports and stopped afterwards."""
    if url:
        from deploy.api_token import deployment_token
        from deploy.settings import get_deploy_settings

        return play(url, token or deployment_token(get_deploy_settings().run_dir))
    from deploy.embedded import EmbeddedDeployment

    deployment = EmbeddedDeployment(Path(tempfile.mkdtemp(prefix=f"credwise-{label}-")))
    try:
        deployment.start("actions", "rasa")
        return play(deployment.rasa_url, deployment.token)
    finally:
        deployment.stop()
