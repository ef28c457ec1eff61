"""Servers the tests start on loopback and stop again: an S3-compatible object store (moto in server mode) and
gunicorn instances of the project. Every wait is a bounded poll."""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
ACCESS_KEY = "vs-test-access"
SECRET_KEY = "vs-test-secret"
REGION = "eu-west-1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition, what: str, timeout: float = 30, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class ObjectStore:
    """moto's S3 server in a thread on a free loopback port, with one bucket."""

    def __init__(self):
        self.port = free_port()
        # moto keeps its buckets per process, not per server: a fresh name for each store.
        self.bucket = f"vs-portaal-{uuid.uuid4().hex[:12]}"
        self.server = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name=REGION,
        )

    def start(self):
        from moto.server import ThreadedMotoServer

        self.server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        self.server.start()
        wait_for(self._answers, "the S3 server to answer", timeout=15)
        self.client().create_bucket(Bucket=self.bucket, CreateBucketConfiguration={"LocationConstraint": REGION})

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def stop(self):
        if self.server is not None:
            self.server.stop()
            self.server = None

    def keys(self, prefix: str = "") -> list[str]:
        response = self.client().list_objects_v2(Bucket=self.bucket, Prefix=prefix)
        return sorted(item["Key"] for item in response.get("Contents", []))

    def storage_options(self) -> dict:
        return {
            "bucket_name": self.bucket,
            "endpoint_url": self.endpoint,
            "access_key": ACCESS_KEY,
            "secret_key": SECRET_KEY,
            "region_name": REGION,
            "location": "private",
            "default_acl": None,
            "file_overwrite": True,
        }

    def environment(self) -> dict[str, str]:
        """What a process started with these variables needs to use this store (vs_portal/settings.py)."""
        return {
            "AWS_STORAGE_BUCKET_NAME": self.bucket,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "AWS_S3_REGION_NAME": REGION,
        }


class Gunicorn:
    """One gunicorn instance of the project on a free loopback port, with the given environment."""

    def __init__(self, env: dict[str, str], logdir: Path):
        self.env, self.logdir = env, logdir
        self.port = free_port()
        self.process = None
        self.log = logdir / f"gunicorn-{self.port}-{uuid.uuid4().hex[:6]}.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        gunicorn = BASE_DIR / ".venv" / "bin" / "gunicorn"
        command = [str(gunicorn)] if gunicorn.exists() else [sys.executable, "-m", "gunicorn"]
        command += ["vs_portal.wsgi", "--bind", f"127.0.0.1:{self.port}", "--workers", "2", "--timeout", "60"]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                command, cwd=BASE_DIR, env={**os.environ, **self.env}, stdout=log, stderr=subprocess.STDOUT
            )
        wait_for(lambda: self._ready() or self.process.poll() is not None, f"gunicorn on {self.port}", timeout=60)
        assert self.process.poll() is None, self.log.read_text()

    def _ready(self) -> bool:
        import requests

        try:
            return requests.get(f"{self.url}/_healthz/livez", timeout=2).status_code == 200
        except requests.RequestException:
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.process = None
