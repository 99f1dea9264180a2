"""``python -m deploy.services run|up|down|status``: the embedded default deployment.

``run`` (``make run``) starts the action server, Rasa, the web app and, when configured,
the Telegram bot, and supervises them in the foreground until a signal; ``up`` starts the
same in the background (pid and log files under the run directory) once all are healthy;
``down`` stops them; ``status`` reports. Settings: :class:`deploy.settings.DeploySettings`.
"""

from __future__ import annotations

import argparse
import sys

from deploy.api_token import TOKEN_FILE_NAME, deployment_token
from deploy.servers import action_server, anchored_cors, rasa_server, telegram_bot, web_app
from deploy.service import NotReadyError, Service
from deploy.settings import DeploySettings, get_deploy_settings
from deploy.supervisor import StartError, Supervisor


def embedded_services(settings: DeploySettings, token: str) -> list[Service]:
    """Action server, Rasa and web app on the configured host and ports, in start order."""
    host = settings.host
    return [
        action_server(settings.actions_port, host),
        rasa_server(
            settings.rasa_port,
            settings.rasa_endpoints,
            settings.rasa_model,
            host,
            auth_token=token,
            cors=anchored_cors(settings.rasa_cors),
        ),
        web_app(
            settings.web_port,
            f"http://{host}:{settings.rasa_port}",
            host,
            env=channel_env(token),
        ),
    ]


def channel_env(token: str) -> dict[str, str]:
    """What the channels (web app, console, Telegram) need to call Rasa's HTTP API."""
    return {"RASA_AUTH_TOKEN": token, "CREDWISE_RASA_AUTH_TOKEN": token}


def telegram_services(settings: DeploySettings, token: str) -> list[Service]:
    """The Telegram bot when a bot token is configured; nothing otherwise."""
    if settings.telegram_bot_token is None:
        return []
    return [telegram_bot(channel_env(token))]


def banner(settings: DeploySettings) -> str:
    """Where everything is, once it runs."""
    web = f"http://{settings.host}:{settings.web_port}"
    return (
        f"Credwise is running: widget demo {web}/ , advisor console {web}/console , Rasa "
        f"http://{settings.host}:{settings.rasa_port} (HTTP API token in $RASA_AUTH_TOKEN "
        f"or {settings.run_dir / TOKEN_FILE_NAME}). Ctrl-C stops everything."
    )


def main(argv: list[str] | None = None) -> int:
    """``run`` / ``up`` / ``down`` / ``status`` for the embedded default deployment."""
    parser = argparse.ArgumentParser(prog="python -m deploy.services")
    parser.add_argument("command", choices=["up", "down", "status", "run"])
    args = parser.parse_args(argv)
    settings = get_deploy_settings()
    configured = settings.rasa_auth_token
    token = deployment_token(
        settings.run_dir, configured.get_secret_value() if configured else None
    )
    services = embedded_services(settings, token)
    extra = telegram_services(settings, token)
    supervisor = Supervisor(
        settings.run_dir, settings.health_timeout_seconds, settings.stop_grace_seconds
    )
    if args.command in ("up", "run") and not extra:
        print("telegram: off (set CREDWISE_TELEGRAM_BOT_TOKEN, see .env.example, to turn it on)")
    try:
        if args.command == "run":
            return supervisor.run(services, extra, banner(settings))
        if args.command == "up":
            return supervisor.start_in_background(services, extra)
    except (NotReadyError, StartError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    everything = [telegram_bot(), *reversed(services)]
    if args.command == "down":
        supervisor.down(everything)
    else:
        for service in everything:
            state = "running" if supervisor.running(service) is not None else "stopped"
            print(f"{service.name}: {state}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
