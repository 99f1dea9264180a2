"""``python -m actions [rasa_sdk options]``: check the search's files, then serve the actions.

The checks (``actions.preflight``) run in a child process: they load the embedding model,
and rasa_sdk serves from a worker process of its own that loads it again on first use,
so the parent holding a copy for its whole life would only waste memory. On failure the
child has printed the problem and its fix; this process exits with its status and the
server never starts. The options are rasa_sdk's own (``--actions`` defaults to this
package), and so is the server (``rasa_sdk.__main__.main_from_args``).

rasa_sdk imports every module of this package, this one included (as
``actions.__main__``), so everything here runs only under ``__name__ == "__main__"``.
"""

from __future__ import annotations

import subprocess
import sys

PACKAGE = "actions"


def main(argv: list[str] | None = None) -> int:
    """Preflight, then rasa_sdk's server with the given arguments; returns an exit status."""
    from rasa_sdk.__main__ import main_from_args
    from rasa_sdk.endpoint import create_argument_parser

    args = create_argument_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if not (args.actions_module or args.actions):
        args.actions = PACKAGE
    checked = subprocess.run([sys.executable, "-m", f"{PACKAGE}.preflight"], check=False)
    if checked.returncode != 0:
        return checked.returncode
    main_from_args(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
