"""Start Rasa with its API token taken from the environment, never from the command line.

Why: ``rasa run --auth-token=…`` puts the token in ``/proc/<pid>/cmdline``, which every
local account can read (``ps``). The supervisor runs ``.venv-rasa/bin/python -m
deploy.rasa_launcher run …`` with the token in :data:`TOKEN_VARIABLE` instead; this module
adds ``--auth-token=…`` to ``sys.argv`` inside the process, where only Rasa's own argument
parser sees it, and calls Rasa's entry point in-process. The environment of a process is
readable by its owner only.

Runs under Rasa's Python (3.10): standard library and rasa only, nothing from Credwise.
"""

from __future__ import annotations

import os
import sys

TOKEN_VARIABLE = "CREDWISE_RASA_SERVER_TOKEN"


def rasa_argv(argv: list[str], token: str | None) -> list[str]:
    """Rasa's arguments with the token added as one ``--auth-token=…`` argument.

    One argument rather than two: a generated token may begin with "-", which argparse
    would otherwise take for the next option and refuse to start.
    """
    return [*argv, f"--auth-token={token}"] if token else list(argv)


def main() -> int:
    """Run ``rasa <arguments>`` in this process, with the token from the environment."""
    # Taken out of the environment so that nothing Rasa starts inherits it.
    token = os.environ.pop(TOKEN_VARIABLE, "").strip() or None
    sys.argv = ["rasa", *rasa_argv(sys.argv[1:], token)]
    from rasa.__main__ import main as rasa_main

    rasa_main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
