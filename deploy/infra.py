"""PostgreSQL, Redis and nginx from Debian's packages, run as private loopback instances.

The scaled deployment (``deploy.scaled``) and its tests need these three servers but must
not depend on system-wide ones: each instance here lives in a directory of its own,
listens only on 127.0.0.1 on a port it is given, and is stopped by its owner. PostgreSQL
refuses to run as root, so when we are root it runs as the ``postgres`` account that
Debian's package creates.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

READY_TIMEOUT_SECONDS = 60.0
POLL_SECONDS = 0.2
POSTGRES_ACCOUNT = "postgres"
POSTGRES_BIN_GLOB = "/usr/lib/postgresql/*/bin"


class InfraError(RuntimeError):
    """A server could not be set up or started; the message says what to do."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((host, port)) == 0


def _wait(
    ready: Callable[[], bool], what: str, process: subprocess.Popen[bytes], log: Path
) -> None:
    """Wait until ``ready()``, at most :data:`READY_TIMEOUT_SECONDS`; failures name the log."""
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise InfraError(f"{what} exited with status {process.returncode}; see {log}")
        if ready():
            return
        time.sleep(POLL_SECONDS)
    raise InfraError(f"{what} not ready after {READY_TIMEOUT_SECONDS:.0f}s; see {log}")


def _stop_group(process: subprocess.Popen[bytes], first: signal.Signals) -> None:
    """Signal the process group, wait, then kill it if it lingers."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, first)
        process.wait(timeout=20)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def postgres_bindir() -> Path:
    """Debian installs PostgreSQL's server programs outside PATH, one folder per version."""
    found = sorted(Path("/").glob(POSTGRES_BIN_GLOB.lstrip("/")), key=lambda p: p.parent.name)
    for bindir in reversed(found):
        if (bindir / "initdb").exists():
            return bindir
    raise InfraError("PostgreSQL is not installed: run `bash scripts/system_deps.sh`")


def _as_postgres_account() -> list[str]:
    """Prefix that runs a PostgreSQL program under an unprivileged account when root."""
    if os.geteuid() != 0:
        return []
    runuser = shutil.which("runuser")
    if runuser is None:
        raise InfraError("running as root needs `runuser` to start PostgreSQL")
    return [runuser, "-u", POSTGRES_ACCOUNT, "--"]


def _check_reachable_by_others(path: Path) -> None:
    """The ``postgres`` account must be able to walk down to the cluster's folder."""
    for ancestor in [path, *path.parents]:
        if ancestor.exists() and not ancestor.stat().st_mode & 0o001:
            raise InfraError(
                f"{ancestor} is not searchable by other accounts, so PostgreSQL (running "
                f"as {POSTGRES_ACCOUNT!r}) cannot reach {path}; choose a folder under one "
                "that is (chmod o+x), e.g. under /tmp or the repository"
            )


def _hand_to_postgres_account(path: Path) -> None:
    if os.geteuid() == 0:
        shutil.chown(path, POSTGRES_ACCOUNT, POSTGRES_ACCOUNT)


@dataclass
class Postgres:
    """A private PostgreSQL cluster: data in ``root``, TCP on 127.0.0.1:``port`` only."""

    root: Path
    port: int
    password: str
    user: str = "credwise"
    database: str = "credwise"
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def data_dir(self) -> Path:
        return self.root / "pgdata"

    @property
    def url(self) -> str:
        """SQLAlchemy URL of the database (holds the password: never log it)."""
        return f"postgresql://{self.user}:{self.password}@127.0.0.1:{self.port}/{self.database}"

    def init(self) -> None:
        """Create the cluster, its role and database once; a second call does nothing."""
        if (self.data_dir / "PG_VERSION").exists():
            return
        self.root.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            _check_reachable_by_others(self.root)
        self.data_dir.mkdir(mode=0o700, exist_ok=True)
        password_file = self.root / ".pgpass-init"
        password_file.write_text(self.password + "\n")
        password_file.chmod(0o600)
        for path in (self.root, self.data_dir, password_file):
            _hand_to_postgres_account(path)
        command = [
            *_as_postgres_account(), str(postgres_bindir() / "initdb"), "-D", str(self.data_dir),
            "-U", self.user, "--pwfile", str(password_file), "--auth", "scram-sha-256",
            "--encoding", "UTF8", "--locale", "C.UTF-8",
        ]  # fmt: skip
        try:
            result = subprocess.run(command, capture_output=True, text=True, check=False)
        finally:
            password_file.unlink(missing_ok=True)
        if result.returncode != 0:
            raise InfraError(f"initdb failed: {result.stderr.strip()[-500:]}")
        self.start()
        self._create_database()

    def _create_database(self) -> None:
        command = [
            str(postgres_bindir() / "createdb"), "-h", "127.0.0.1", "-p", str(self.port),
            "-U", self.user, self.database,
        ]  # fmt: skip
        env = {**os.environ, "PGPASSWORD": self.password}
        result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        if result.returncode != 0 and "already exists" not in result.stderr:
            raise InfraError(f"createdb failed: {result.stderr.strip()[-500:]}")

    def start(self) -> None:
        """Start the server (already initialised) and wait until it accepts connections."""
        if self.process is not None and self.process.poll() is None:
            return
        log = (self.root / "postgres.log").open("ab")
        command = [
            *_as_postgres_account(), str(postgres_bindir() / "postgres"), "-D", str(self.data_dir),
            "-c", "listen_addresses=127.0.0.1", "-c", f"port={self.port}",
            "-c", "unix_socket_directories=", "-c", "max_connections=200",
            "-c", "fsync=on", "-c", "shared_buffers=64MB",
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        _wait(self.accepts_connections, "PostgreSQL", self.process, self.root / "postgres.log")

    def accepts_connections(self) -> bool:
        """pg_isready's answer: the server is up and past recovery."""
        command = [str(postgres_bindir() / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)]
        return subprocess.run(command, capture_output=True, check=False).returncode == 0

    def stop(self) -> None:
        """Fast shutdown (SIGINT): open client sessions are cut rather than waited for."""
        if self.process is not None:
            _stop_group(self.process, signal.SIGINT)
            self.process = None


@dataclass
class Redis:
    """A private Redis on 127.0.0.1:``port`` with a password and no persistence.

    Rasa keeps only its conversation locks here; they expire on their own, so nothing
    is lost when Redis restarts empty.
    """

    root: Path
    port: int
    password: str
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def start(self) -> None:
        """Start redis-server and wait until it answers."""
        if self.process is not None and self.process.poll() is None:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        config = self.root / "redis.conf"
        # The password goes in a file readable only by us, not on the command line.
        config.write_text(
            f'port {self.port}\nbind 127.0.0.1\nprotected-mode yes\nsave ""\n'
            f"appendonly no\ndir {self.root}\nrequirepass {self.password}\n"
        )
        config.chmod(0o600)
        binary = shutil.which("redis-server")
        if binary is None:
            raise InfraError("Redis is not installed: run `bash scripts/system_deps.sh`")
        log = (self.root / "redis.log").open("ab")
        self.process = subprocess.Popen(
            [binary, str(config)], stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        _wait(self.answers_ping, "Redis", self.process, self.root / "redis.log")

    def answers_ping(self) -> bool:
        """AUTH then PING over the wire protocol: true once Redis serves commands."""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as connection:
                connection.sendall(f"AUTH {self.password}\r\nPING\r\n".encode())
                reply = b""
                while b"PONG" not in reply and len(reply) < 200:
                    chunk = connection.recv(100)
                    if not chunk:
                        break
                    reply += chunk
                return b"PONG" in reply
        except OSError:
            return False

    def stop(self) -> None:
        """SIGTERM: Redis exits at once since it saves nothing."""
        if self.process is not None:
            _stop_group(self.process, signal.SIGTERM)
            self.process = None


@dataclass(frozen=True)
class Upstream:
    """One nginx front: a listening port balancing round-robin over backend ports."""

    name: str
    listen_port: int
    backend_ports: tuple[int, ...]


def nginx_config(root: Path, upstreams: list[Upstream], max_body_bytes: int) -> str:
    """An nginx.conf that runs unprivileged in ``root`` and fronts the given upstreams.

    A backend that refuses connections is skipped for a few seconds and the request goes
    to the next one; a request already sent is never replayed, so a turn cannot run twice.
    """
    temp = root / "nginx-temp"
    blocks = []
    for upstream in upstreams:
        servers = "".join(
            f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;\n"
            for port in upstream.backend_ports
        )
        blocks.append(
            f"  upstream {upstream.name} {{\n{servers}    keepalive 64;\n  }}\n"
            f"  server {{\n"
            f"    listen 127.0.0.1:{upstream.listen_port};\n"
            f"    location / {{\n"
            f"      proxy_pass http://{upstream.name};\n"
            f"      proxy_http_version 1.1;\n"
            f'      proxy_set_header Connection "";\n'
            f"      proxy_set_header Host $host;\n"
            f"      proxy_read_timeout 120s;\n"
            f"      proxy_next_upstream error timeout;\n"
            f"    }}\n"
            f"  }}\n"
        )
    return (
        "daemon off;\nworker_processes 2;\n"
        f"pid {root / 'nginx.pid'};\nerror_log {root / 'nginx-error.log'} warn;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        # Which backend served each request, so a test can see the balancing happen.
        '  log_format balanced \'$remote_addr [$time_local] "$request" $status '
        "upstream=$upstream_addr $request_time';\n"
        f"  access_log {root / 'nginx-access.log'} balanced;\n"
        f"  client_body_temp_path {temp / 'body'};\n  proxy_temp_path {temp / 'proxy'};\n"
        f"  fastcgi_temp_path {temp / 'fastcgi'};\n  uwsgi_temp_path {temp / 'uwsgi'};\n"
        f"  scgi_temp_path {temp / 'scgi'};\n"
        f"  client_max_body_size {max_body_bytes};\n"
        "  server_tokens off;\n" + "".join(blocks) + "}\n"
    )


@dataclass
class Nginx:
    """nginx in the foreground with a generated configuration in ``root``."""

    root: Path
    upstreams: list[Upstream]
    max_body_bytes: int = 1_000_000
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def start(self) -> None:
        """Write the configuration, check it with ``nginx -t``, start and wait for ports."""
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(binary).exists():
            raise InfraError("nginx is not installed: run `bash scripts/system_deps.sh`")
        (self.root / "nginx-temp").mkdir(parents=True, exist_ok=True)
        config = self.root / "nginx.conf"
        config.write_text(nginx_config(self.root, self.upstreams, self.max_body_bytes))
        check = subprocess.run(
            [binary, "-t", "-q", "-c", str(config), "-p", str(self.root)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if check.returncode != 0:
            raise InfraError(f"nginx configuration rejected: {check.stderr.strip()[-500:]}")
        log = (self.root / "nginx.log").open("ab")
        self.process = subprocess.Popen(
            [binary, "-c", str(config), "-p", str(self.root)],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        log.close()
        ports = [upstream.listen_port for upstream in self.upstreams]
        _wait(
            lambda: all(_port_open(port) for port in ports),
            "nginx",
            self.process,
            self.root / "nginx.log",
        )

    def stop(self) -> None:
        """SIGQUIT: graceful shutdown, finishing the requests in flight."""
        if self.process is not None:
            _stop_group(self.process, signal.SIGQUIT)
            self.process = None
