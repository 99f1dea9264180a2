"""The scaled deployment on free loopback ports, shared by this folder's tests."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from deploy.infra import postgres_bindir
from deploy.scaled import Ports, ScaledDeployment
from tests.stack import free_port


@pytest.fixture(scope="package")
def scaled() -> Iterator[ScaledDeployment]:
    """PostgreSQL, Redis, 2 Rasa replicas, 2 action servers, nginx and the web app."""
    # PostgreSQL runs as its own account when we are root: its folder must be reachable
    # by other accounts, which pytest's private tmp folders are not.
    root = Path(tempfile.mkdtemp(prefix="credwise-scaled-"))
    root.chmod(0o711)
    ports = Ports(
        rasa=free_port(),
        actions=free_port(),
        web=free_port(),
        postgres=free_port(),
        redis=free_port(),
        rasa_replicas=(free_port(), free_port()),
        actions_replicas=(free_port(), free_port()),
    )
    deployment = ScaledDeployment(root, ports)
    try:
        deployment.start()
        yield deployment
    finally:
        deployment.stop()
        print(f"scaled deployment logs: {root}")


def stored_user_texts(deployment: ScaledDeployment, sender: str) -> list[str]:
    """The learner's messages as PostgreSQL holds them, read with psql, in order."""
    query = (
        "SELECT data::json->>'text' FROM events WHERE sender_id = :'sender' "
        "AND type_name = 'user' ORDER BY id"
    )
    result = subprocess.run(
        [
            str(postgres_bindir() / "psql"), "-h", "127.0.0.1",
            "-p", str(deployment.ports.postgres), "-U", "credwise", "-d", "credwise",
            "-tA", "-v", f"sender={sender}",
        ],
        # psql expands :'sender' (quoted safely) only in what it reads, not in -c.
        input=query + ";\n", capture_output=True, text=True, check=True,
        env={**os.environ, "PGPASSWORD": deployment.secrets["pg_password"]},
    )  # fmt: skip
    return [line for line in result.stdout.splitlines() if line]
