"""A throw-away PostgreSQL cluster for tests and benchmarks: ``initdb`` into a temp folder, started
with ``pg_ctl`` on a free local port (its unix socket in the same folder), stopped and deleted at
the end. No system service and no configuration outside the temp folder are touched.

PostgreSQL refuses to run as root; as root (CI) the server runs as an unprivileged user (the
``postgres`` user the Debian package creates, else ``nobody``) through ``runuser`` or ``setpriv``.
"""

from __future__ import annotations

import atexit
import itertools
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "ethics"


def find_binaries() -> Path | None:
    """The folder with ``initdb`` and ``pg_ctl`` (PATH first, then Debian's versioned folders)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: [int(x) for x in re.findall(r"\d+", p.parent.parent.name)],
        reverse=True,
    )
    for initdb in candidates:
        if (initdb.parent / "pg_ctl").exists():
            return initdb.parent
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _unprivileged_user() -> pwd.struct_passwd:
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root and no unprivileged user (postgres, nobody) exists")


@dataclass
class Cluster:
    bindir: Path
    base: Path
    port: int
    prefix: list[str] = field(default_factory=list)  # runs a command as the server's user
    _names: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    running: bool = False

    @classmethod
    def start(cls, bindir: Path, durable: bool = False) -> Cluster:
        """Start a cluster; ``durable`` keeps fsync on (for benchmarks), tests go without it."""
        base = Path(tempfile.mkdtemp(prefix="ethics-pg-"))
        prefix: list[str] = []
        if os.geteuid() == 0:
            user = _unprivileged_user()
            os.chown(base, user.pw_uid, user.pw_gid)
            if shutil.which("runuser"):
                prefix = ["runuser", "-u", user.pw_name, "--"]
            else:
                prefix = [
                    "setpriv",
                    f"--reuid={user.pw_uid}",
                    f"--regid={user.pw_gid}",
                    "--clear-groups",
                ]
        cluster = cls(bindir=bindir, base=base, port=0, prefix=prefix)
        atexit.register(cluster.stop)
        try:
            cluster._run(
                "initdb",
                "-D",
                str(base / "data"),
                "-U",
                SUPERUSER,
                "--auth=trust",
                "-E",
                "UTF8",
                "--no-locale",
                "-N",
            )
            for _attempt in range(3):  # another process may take the free port in between
                cluster.port = _free_port()
                options = (
                    f"-p {cluster.port} -k {base} -c listen_addresses=127.0.0.1 "
                    "-c max_connections=60"
                )
                if not durable:
                    options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                result = cluster._run(
                    "pg_ctl",
                    "-D",
                    str(base / "data"),
                    "-l",
                    str(base / "server.log"),
                    "-w",
                    "-t",
                    "30",
                    "-o",
                    options,
                    "start",
                    check=False,
                )
                if result.returncode == 0:
                    cluster.running = True
                    return cluster
            raise RuntimeError("pg_ctl could not start the test cluster:\n" + cluster.log_tail())
        except BaseException:
            cluster.stop()
            raise

    def _run(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [*self.prefix, str(self.bindir / tool), *args],
            cwd=self.base,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"{tool} failed ({result.returncode}):\n{result.stderr}")
        return result

    def log_tail(self) -> str:
        log = self.base / "server.log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else "(no server log)"

    def url(self, database: str = "postgres", driver: str = "postgresql") -> str:
        return f"{driver}://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def server_version(self) -> str:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres"
        ) as conn:
            row = conn.execute("SHOW server_version").fetchone()
        return str(row[0]).split()[0] if row else "?"

    def create_database(self) -> str:
        """A new empty database; returns its URL (plain ``postgresql://``, as a user types it)."""
        name = f"t{os.getpid()}_{next(self._names)}"
        self._admin(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self.running:
            self._run(
                "pg_ctl", "-D", str(self.base / "data"), "-m", "fast", "-w", "stop", check=False
            )
            self.running = False
        shutil.rmtree(self.base, ignore_errors=True)
