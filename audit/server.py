"""The demo site as production serves it, on loopback, for the audits and screenshots.

Production settings (DEBUG off, compressed pages, hashed static files served by WhiteNoise,
the page cache in Django's database cache) over a fresh SQLite database in a temporary folder,
filled by ``setup_demo``, served by gunicorn as in the README's "Deployment".
"""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


class ServerError(Exception):
    pass


def _environment(workdir, port):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "trustcenter.settings.production",
        "SECRET_KEY": "audit-" + "x" * 60,
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "SITE_HOSTNAME": "127.0.0.1",
        "SITE_PORT": str(port),
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "WAGTAIL_ENABLE_UPDATE_CHECK": "0",
        "LOG_LEVEL": "ERROR",
    }
    for name in ("REDIS_URL", "AZURE_ACCOUNT_NAME", "AZURE_STORAGE_CONNECTION_STRING"):
        environment.pop(name, None)
    return environment


def _manage(environment, *arguments):
    result = subprocess.run(
        [PYTHON, "manage.py", *arguments], cwd=ROOT, env=environment, capture_output=True,
        text=True,
    )  # fmt: skip
    if result.returncode != 0:
        raise ServerError(f"manage.py {arguments[0]} failed: {result.stderr.strip()[-800:]}")


@contextmanager
def demo_site(port):
    """The base URL of the demo site on 127.0.0.1:``port``, stopped on leaving."""
    with tempfile.TemporaryDirectory(prefix="trustcenter-audit-") as folder:
        workdir = Path(folder)
        environment = _environment(workdir, port)
        _manage(environment, "migrate", "--no-input", "-v0")
        _manage(environment, "setup_demo")
        _manage(environment, "collectstatic", "--no-input", "-v0")
        log = open(workdir / "gunicorn.log", "wb")  # noqa: SIM115 - closed below
        server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "trustcenter.wsgi",
             "--config", str(ROOT / "gunicorn.conf.py"),
             "--bind", f"127.0.0.1:{port}", "--workers", "2"],
            cwd=ROOT, env=environment, stdout=log, stderr=log, start_new_session=True,
        )  # fmt: skip
        try:
            _wait_for(server, port, workdir / "gunicorn.log")
            yield f"http://127.0.0.1:{port}"
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=20)
            log.close()


def _wait_for(server, port, log):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise ServerError(f"gunicorn exited: {log.read_text()[-800:]}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.3)
    raise ServerError(f"gunicorn did not listen on 127.0.0.1:{port} within 60 s")
