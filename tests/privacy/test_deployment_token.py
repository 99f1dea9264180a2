"""`make run` / `make up` never start Rasa's HTTP API without a token, nor show it in argv."""

from __future__ import annotations

import re
import stat
import subprocess
from pathlib import Path

import pytest

from deploy.api_token import TOKEN_FILE_NAME, deployment_token
from deploy.rasa_launcher import TOKEN_VARIABLE, rasa_argv
from deploy.scaled import ScaledDeployment
from deploy.servers import RASA_LAUNCHER, RASA_PYTHON, anchored_cors, rasa_server
from deploy.services import embedded_services
from deploy.settings import REPO_ROOT, DeploySettings


def test_a_token_is_generated_once_private_and_kept(tmp_path: Path) -> None:
    first = deployment_token(tmp_path)
    path = tmp_path / TOKEN_FILE_NAME
    assert len(first) >= 40
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert deployment_token(tmp_path) == first  # `down`, console, …
    other = tmp_path / "elsewhere"
    assert deployment_token(other) != first  # random per deployment


def test_a_configured_token_wins_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert deployment_token(tmp_path, "s3cret") == "s3cret"
    monkeypatch.delenv("RASA_AUTH_TOKEN", raising=False)
    monkeypatch.setenv("CREDWISE_RASA_AUTH_TOKEN", "c0nsole")
    configured = DeploySettings().rasa_auth_token
    assert configured is not None and configured.get_secret_value() == "c0nsole"
    monkeypatch.setenv("RASA_AUTH_TOKEN", "r4sa")  # Rasa's own name comes first
    configured = DeploySettings().rasa_auth_token
    assert configured is not None and configured.get_secret_value() == "r4sa"
    assert not (tmp_path / TOKEN_FILE_NAME).exists()


def test_an_empty_or_too_open_token_file_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / TOKEN_FILE_NAME
    path.write_text("")
    path.chmod(0o644)
    token = deployment_token(tmp_path)
    assert token and path.read_text().strip() == token
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_embedded_deployment_hands_the_token_to_rasa_and_the_web_app() -> None:
    by_name = {s.name: s for s in embedded_services(DeploySettings(), "t0ken")}
    rasa = by_name["rasa"]
    assert "--enable-api" in rasa.command
    assert not any("t0ken" in argument for argument in rasa.command)  # never in argv
    assert rasa.command[:3] == [str(RASA_PYTHON), "-m", RASA_LAUNCHER]
    assert rasa.env[TOKEN_VARIABLE] == "t0ken"
    assert rasa.health_url.endswith("?token=t0ken")
    assert "t0ken" not in rasa.public_health_url
    assert by_name["web"].env["CREDWISE_RASA_AUTH_TOKEN"] == "t0ken"


def test_the_scaled_mode_starts_rasa_through_the_launcher_too(tmp_path: Path) -> None:
    deployment = ScaledDeployment(tmp_path / "scaled", settings=DeploySettings())
    replica = deployment.rasa_service(0)
    assert replica.command[:3] == [str(RASA_PYTHON), "-m", RASA_LAUNCHER]
    assert not any(deployment.auth_token in argument for argument in replica.command)
    assert replica.env[TOKEN_VARIABLE] == deployment.auth_token


def test_without_a_token_no_stale_one_is_passed_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TOKEN_VARIABLE, "left over")
    rasa = rasa_server(5005, REPO_ROOT / "endpoints.yml", REPO_ROOT / "m.tar.gz")
    assert TOKEN_VARIABLE not in rasa.env


def test_the_makefiles_origin_pattern_is_matched_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rasa matches CORS patterns with ``re.match``: a prefix match would let look-alikes in."""
    monkeypatch.setenv("CORS_ORIGINS", r"https?://(localhost|127\.0\.0\.1)(:[0-9]+)?")
    by_name = {s.name: s for s in embedded_services(DeploySettings(), "t0ken")}
    command = by_name["rasa"].command
    pattern = command[command.index("--cors") + 1]
    assert re.match(pattern, "http://localhost:8000")
    assert re.match(pattern, "https://127.0.0.1")
    assert not re.match(pattern, "http://localhost.evil.example")
    assert not re.match(pattern, "http://127.0.0.1.evil.example:80")
    assert anchored_cors("*") == "*"


def test_the_makefiles_default_origin_pattern_is_anchored_itself() -> None:
    makefile = (REPO_ROOT / "Makefile").read_text()
    [line] = [line for line in makefile.splitlines() if line.startswith("CORS_ORIGINS ?=")]
    pattern = line.split("?=", 1)[1].strip().replace("$$", "$")  # make's escaped dollar
    assert re.match(pattern, "http://127.0.0.1:8000")
    assert not re.match(pattern, "http://localhost.evil.example")


def test_rasa_reads_a_token_that_begins_with_a_dash(tmp_path: Path) -> None:
    """token_urlsafe() begins with "-" one time in 64: Rasa's own parser must still read it."""
    command = rasa_server(5005, tmp_path / "endpoints.yml", tmp_path / "m.tar.gz").command
    arguments = rasa_argv(command[3:], "-Xy_z")  # what the launcher hands to Rasa
    parse = (
        "import sys; from rasa.__main__ import create_argument_parser; "
        "print(create_argument_parser().parse_args(sys.argv[1:]).auth_token)"
    )
    result = subprocess.run(
        [str(RASA_PYTHON), "-c", parse, *arguments], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2_000:]
    assert result.stdout.strip().splitlines()[-1] == "-Xy_z"
