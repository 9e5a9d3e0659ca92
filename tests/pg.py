"""A throwaway PostgreSQL server for the sync tests: a cluster in a temporary folder on 127.0.0.1.

``initdb`` refuses to run as root, so as root the cluster is made and run as the ``postgres``
user (the folder is handed to it). When no server can be started the tests are skipped on a
developer's machine and fail under CI (``CI`` set), where .ci/run installs PostgreSQL.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self) -> None:
        self.bindir = _bindir()
        if self.bindir is None:
            raise RuntimeError("no PostgreSQL binaries (initdb) found; install the postgresql package")
        self.dir = Path(tempfile.mkdtemp(prefix="stockroom-pg-"))
        self.port = _free_port()
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            shutil.chown(self.dir, "postgres", "postgres")
            os.chmod(self.dir, 0o700)
        self._count = 0

    def _run(self, *args: str) -> None:
        command = [str(self.bindir / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(_quote(a) for a in command)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            log = self.dir / "server.log"
            raise RuntimeError(f"{args[0]} failed: {result.stderr or result.stdout}"
                               f"{log.read_text() if log.exists() else ''}")

    def start(self) -> None:
        data = self.dir / "data"
        self._run("initdb", "--no-sync", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8")
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off -c max_connections=60"
        self._run("pg_ctl", "-D", str(data), "-l", str(self.dir / "server.log"), "-w", "-o", options, "start")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def admin(self):
        import psycopg

        return psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True)

    def new_database(self) -> str:
        """A fresh, empty database on the server; its URL."""
        self._count += 1
        name = f"hub{self._count}"
        with self.admin() as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)


def _quote(arg: str) -> str:
    import shlex

    return shlex.quote(arg)


def start_cluster() -> Cluster:
    """Start a cluster or skip (fail under CI) with the reason."""
    try:
        cluster = Cluster()
        cluster.start()
        return cluster
    except Exception as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL could not be started for the sync tests: {exc}", pytrace=False)
        pytest.skip(f"PostgreSQL could not be started: {exc}")
