"""The token of Rasa's HTTP API: the configured one, else one made once per deployment.

Why: the API can read and rewrite any conversation, so it never runs open. Without a
configured token, one is generated and kept in ``<run dir>/rasa_auth_token``, readable by
this account only, so that ``make up``, ``make down``, the web app, the console and
Telegram started later all agree on it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

TOKEN_FILE_NAME = "rasa_auth_token"


def deployment_token(run_dir: Path, configured: str | None = None) -> str:
    """``configured`` when given, else the token kept in ``run_dir`` (made on first use)."""
    if configured and configured.strip():
        return configured.strip()
    run_dir.mkdir(parents=True, exist_ok=True)
    path = run_dir / TOKEN_FILE_NAME
    try:
        # O_EXCL + mode: the file is never readable by others, not even for a moment.
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        path.chmod(0o600)
        kept = path.read_text().strip()
        if kept:
            return kept
        handle = os.open(path, os.O_WRONLY | os.O_TRUNC)
    token = secrets.token_urlsafe(32)
    with os.fdopen(handle, "w") as file:
        file.write(token + "\n")
    return token
