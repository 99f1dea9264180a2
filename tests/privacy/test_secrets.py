"""Secrets come from the environment, each is documented, and none is in the repository."""

from __future__ import annotations

import importlib
import re
import subprocess
from pathlib import Path

import pytest
from pydantic_settings import BaseSettings

REPO_ROOT = Path(__file__).resolve().parents[2]
SETTINGS_PACKAGES = ("actions", "bot", "deploy", "index")
# Read through aliases of deploy.settings.DeploySettings (Rasa's own name for the token).
OTHER_VARIABLES = {"RASA_AUTH_TOKEN", "CREDWISE_PG_PASSWORD", "CREDWISE_REDIS_PASSWORD"}
DOCUMENTED = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=", re.MULTILINE)
TELEGRAM_TOKEN = re.compile(r"(?<![\w])\d{8,10}:[A-Za-z0-9_-]{35}(?![\w-])")
PRIVATE_KEY = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")
DATABASE_FILE = re.compile(r"\.(db|sqlite\d?)(-journal|-wal|-shm)?$")


def settings_classes() -> list[type[BaseSettings]]:
    """Every pydantic-settings class defined in the project's packages."""
    found: list[type[BaseSettings]] = []
    for package in SETTINGS_PACKAGES:
        for path in sorted((REPO_ROOT / package).rglob("*.py")):
            if "BaseSettings" not in path.read_text(encoding="utf-8"):
                continue
            module_name = ".".join(path.relative_to(REPO_ROOT).with_suffix("").parts)
            module = importlib.import_module(module_name)
            found += [
                value
                for value in vars(module).values()
                if isinstance(value, type)
                and issubclass(value, BaseSettings)
                and value is not BaseSettings
                and value.__module__ == module.__name__
            ]
    return found


def environment_variables(settings: type[BaseSettings]) -> set[str]:
    prefix = str(settings.model_config.get("env_prefix") or "")
    return {(prefix + name).upper() for name in settings.model_fields}


def test_every_setting_read_from_the_environment_is_documented() -> None:
    classes = settings_classes()
    names = {cls.__name__ for cls in classes}
    assert {
        "BotSettings",
        "ActionSettings",
        "IndexSettings",
        "WebhookSettings",
        "DeploySettings",
    } <= names
    wanted = set(OTHER_VARIABLES)
    for cls in classes:
        wanted |= environment_variables(cls)
    documented = set(DOCUMENTED.findall((REPO_ROOT / ".env.example").read_text()))
    assert sorted(wanted - documented) == []


def tracked_files() -> list[str]:
    listing = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=True
    ).stdout.decode()
    return [name for name in listing.split("\0") if name]


def is_env_file(name: str) -> bool:
    base = Path(name).name
    return (base == ".env" or base.startswith(".env.")) and base != ".env.example"


def test_no_env_file_or_database_is_tracked() -> None:
    files = tracked_files()
    assert len(files) > 50  # we are really looking at the repository
    assert [f for f in files if is_env_file(f)] == []
    assert [f for f in files if DATABASE_FILE.search(f)] == []


def test_no_private_key_or_bot_token_is_tracked() -> None:
    leaks = []
    for name in tracked_files():
        path = REPO_ROOT / name
        if not path.is_file():
            continue  # deleted in the working tree, not yet committed
        text = path.read_bytes().decode("utf-8", errors="ignore")
        if PRIVATE_KEY.search(text) or TELEGRAM_TOKEN.search(text):
            leaks.append(name)
    assert leaks == []


@pytest.mark.parametrize(
    ("name", "leak"),
    [
        (".env", True),
        ("deploy/.env.production", True),
        (".env.example", False),
        ("data/tracker.db", True),
        ("data/x.sqlite3", True),
        ("data/tracker.db-journal", True),
        ("docs/database.md", False),
    ],
)
def test_the_file_name_checks_recognise_what_they_look_for(name: str, leak: bool) -> None:
    assert (is_env_file(name) or bool(DATABASE_FILE.search(name))) is leak


def test_the_content_checks_recognise_what_they_look_for() -> None:
    key = "-----BEGIN " + "OPENSSH PRIVATE KEY-----"
    token = "1234567890:" + "A" * 30 + "b_c-d"
    assert PRIVATE_KEY.search(f"x\n{key}\nabc")
    assert TELEGRAM_TOKEN.search(f"TOKEN={token}\n")
    assert not TELEGRAM_TOKEN.search('TOKEN = "123456:TEST-token"')
