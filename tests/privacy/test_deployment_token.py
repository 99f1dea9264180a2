"""`make run` / `make up` never start Rasa's HTTP API without a token."""

from __future__ import annotations

import re
import stat
import subprocess
from pathlib import Path

import pytest

from bot import services


def test_a_token_is_generated_once_private_and_kept(tmp_path: Path) -> None:
    first = services.deployment_token(tmp_path, environ={})
    path = tmp_path / services.TOKEN_FILE_NAME
    assert len(first) >= 40
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert services.deployment_token(tmp_path, environ={}) == first  # `down`, console, …
    other = tmp_path / "elsewhere"
    assert services.deployment_token(other, environ={}) != first  # random per deployment


def test_a_configured_token_wins_and_nothing_is_written(tmp_path: Path) -> None:
    assert services.deployment_token(tmp_path, environ={"RASA_AUTH_TOKEN": "s3cret"}) == "s3cret"
    only_channel = {"CREDWISE_RASA_AUTH_TOKEN": "c0nsole"}
    assert services.deployment_token(tmp_path, environ=only_channel) == "c0nsole"
    assert not (tmp_path / services.TOKEN_FILE_NAME).exists()


def test_an_empty_or_too_open_token_file_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / services.TOKEN_FILE_NAME
    path.write_text("")
    path.chmod(0o644)
    token = services.deployment_token(tmp_path, environ={})
    assert token and path.read_text().strip() == token
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_embedded_deployment_hands_the_token_to_rasa_and_the_web_app(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CREDWISE_RASA_AUTH_TOKEN", raising=False)
    by_name = {s.name: s for s in services._embedded_services("t0ken")}
    command = by_name["rasa"].command
    assert "--enable-api" in command
    assert "--auth-token=t0ken" in command
    assert by_name["rasa"].health_url.endswith("?token=t0ken")
    assert by_name["web"].env["CREDWISE_RASA_AUTH_TOKEN"] == "t0ken"


def test_the_makefiles_origin_pattern_is_matched_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rasa matches CORS patterns with ``re.match``: a prefix match would let look-alikes in."""
    monkeypatch.setenv("CORS_ORIGINS", r"https?://(localhost|127\.0\.0\.1)(:[0-9]+)?")
    by_name = {s.name: s for s in services._embedded_services("t0ken")}
    command = by_name["rasa"].command
    pattern = command[command.index("--cors") + 1]
    assert re.match(pattern, "http://localhost:8000")
    assert re.match(pattern, "https://127.0.0.1")
    assert not re.match(pattern, "http://localhost.evil.example")
    assert not re.match(pattern, "http://127.0.0.1.evil.example:80")
    assert services.anchored_cors("*") == "*"


def test_the_makefiles_default_origin_pattern_is_anchored_itself() -> None:
    makefile = (services.REPO_ROOT / "Makefile").read_text()
    [line] = [line for line in makefile.splitlines() if line.startswith("CORS_ORIGINS ?=")]
    pattern = line.split("?=", 1)[1].strip().replace("$$", "$")  # make's escaped dollar
    assert re.match(pattern, "http://127.0.0.1:8000")
    assert not re.match(pattern, "http://localhost.evil.example")


def test_rasa_reads_a_token_that_begins_with_a_dash(tmp_path: Path) -> None:
    """token_urlsafe() begins with "-" one time in 64: Rasa's own parser must still read it."""
    command = services.rasa_server(5005, tmp_path / "endpoints.yml", auth_token="-Xy_z").command
    parse = (
        "import sys; from rasa.__main__ import create_argument_parser; "
        "print(create_argument_parser().parse_args(sys.argv[1:]).auth_token)"
    )
    rasa_python = services.REPO_ROOT / ".venv-rasa" / "bin" / "python"
    result = subprocess.run(
        [str(rasa_python), "-c", parse, *command[1:]], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2_000:]
    assert result.stdout.strip().splitlines()[-1] == "-Xy_z"
