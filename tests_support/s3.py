"""A real S3-protocol server on loopback for the object-storage tests: moto's server mode as its
own process (killed and started again by the fault tests), and a TCP relay in front of it that can
hold a transfer at a chosen byte, so a test stops the store mid-upload deterministically."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

import devstack

REGION = "us-east-1"
# moto accepts any credentials; explicit ones keep the developer's own AWS setup out of the tests.
CREDENTIALS = {"DOCFLOW_S3_ACCESS_KEY_ID": "docflow-test", "DOCFLOW_S3_SECRET_ACCESS_KEY": "x" * 20}


@dataclass
class MotoServer:
    """`python -m moto.server` on 127.0.0.1:`port` (its state lives in memory: a restart is an
    empty store)."""

    log_path: Path
    port: int = field(default_factory=devstack.free_port)
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        log = open(self.log_path, "ab")  # noqa: SIM115 - the child holds it
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"moto exited early:\n{self.log_path.read_text()[-2000:]}")
            with contextlib.suppress(httpx.HTTPError):
                httpx.get(f"{self.url}/moto-api/", timeout=0.5)
                return
            if time.monotonic() > deadline:
                raise RuntimeError("moto did not start")
            time.sleep(0.05)

    def kill(self) -> None:
        """kill -9: the store is gone mid-whatever, no goodbye."""
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
            self.proc = None

    def stop(self) -> None:
        devstack.stop(self.proc)
        self.proc = None

    def client(self) -> Any:
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.url,
            region_name=REGION,
            aws_access_key_id=CREDENTIALS["DOCFLOW_S3_ACCESS_KEY_ID"],
            aws_secret_access_key=CREDENTIALS["DOCFLOW_S3_SECRET_ACCESS_KEY"],
        )

    def create_bucket(self, bucket: str) -> None:
        self.client().create_bucket(Bucket=bucket)


def s3_env(endpoint_url: str, bucket: str, prefix: str = "docflow") -> dict[str, str]:
    """The settings of a Docflow process that stores in `bucket` at `endpoint_url`: small parts
    (5 MiB, S3's minimum) so a few MiB already go up in several, and few tries so an unreachable
    store is answered in seconds."""
    return {
        "DOCFLOW_STORAGE_BACKEND": "s3",
        "DOCFLOW_S3_BUCKET": bucket,
        "DOCFLOW_S3_PREFIX": prefix,
        "DOCFLOW_S3_ENDPOINT_URL": endpoint_url,
        "DOCFLOW_S3_REGION": REGION,
        "DOCFLOW_S3_ADDRESSING_STYLE": "path",
        "DOCFLOW_S3_MULTIPART_THRESHOLD_MB": "5",
        "DOCFLOW_S3_PART_SIZE_MB": "5",
        "DOCFLOW_S3_MAX_ATTEMPTS": "2",
        "DOCFLOW_S3_CONNECT_TIMEOUT_SECONDS": "2",
        "DOCFLOW_S3_READ_TIMEOUT_SECONDS": "10",
        **CREDENTIALS,
    }


class HoldingRelay:
    """A loopback TCP relay to `upstream_port`. `hold_after(n)`: once n more bytes went from
    clients to the server, forwarding stops (`held` is set) until `release()` — the test then
    kills the server while a transfer is half way."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.listener.getsockname()[1]
        self.held = threading.Event()
        self._released = threading.Event()
        self._released.set()
        self._lock = threading.Lock()
        self._budget: int | None = None
        self._closed = False
        self._sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, name="relay-accept", daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def hold_after(self, nbytes: int) -> None:
        with self._lock:
            self._budget = nbytes
            self.held.clear()
            self._released.clear()

    def release(self) -> None:
        with self._lock:
            self._budget = None
        self._released.set()

    def close(self) -> None:
        self._closed = True
        self.release()
        with contextlib.suppress(OSError):
            self.listener.close()
        for sock in list(self._sockets):
            with contextlib.suppress(OSError):
                sock.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5)
            except OSError:
                client.close()  # the server is gone: the client sees its connection dropped
                continue
            upstream.settimeout(None)
            self._sockets += [client, upstream]
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, to_server: bool) -> None:
        try:
            while data := source.recv(65536):
                forward = self._counted(data) if to_server else data
                if forward is None:
                    return  # released after the server died: drop the connection
                target.sendall(forward)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    sock.close()

    def _counted(self, data: bytes) -> bytes | None:
        with self._lock:
            budget = self._budget
            if budget is None:
                return data
            if len(data) <= budget:
                self._budget = budget - len(data)
                return data
            self._budget = 0
        self.held.set()
        self._released.wait()
        return None
