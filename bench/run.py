"""The benchmark: one command, one machine, everything on loopback, one table.

    make bench                      # or: .venv/bin/python bench/run.py [--pages 2000] [--record]

It starts its own Redis, nginx and gunicorn app servers on 127.0.0.1, (re)creates the
PostgreSQL database BENCH_DATABASE_URL names (default: tc_perf on 127.0.0.1), imports the
legacy seed pages with the importer, exports them with export_static for nginx, generates a
site of --pages FAQ pages (15 to 500 questions) in both languages, then measures. Needs
`wrk`, `nginx` and `redis-server` (Debian: apt-get install wrk nginx-light redis-server).
--record writes the table into docs/performance.md.
"""

import argparse
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/tc_perf"
PORTS = {"nginx": 8390, "redis": 8391, "cached": 8392, "cached-2": 8393, "uncached": 8394}
DURATION, CONNECTIONS = 10, 16
SEED_FILES = [
    f"en={ROOT / 'trustcenter/demo/legacy-faq-en.txt'}",
    f"zh-hans={ROOT / 'trustcenter/demo/legacy-faq-zh-cn.txt'}",
]
STALE_ROUNDS = 20


class BenchError(Exception):
    pass


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="generated FAQ pages per language")
    parser.add_argument("--duration", type=int, default=DURATION, help="seconds per load test")
    parser.add_argument("--record", action="store_true", help="write the table into docs/")
    args = parser.parse_args()
    missing = [tool for tool in ("wrk", "nginx", "redis-server") if not _which(tool)]
    if missing:
        sys.exit(f"bench: install {', '.join(missing)} first (apt-get install wrk nginx-light)")
    workdir = Path(tempfile.mkdtemp(prefix="trustcenter-bench-"))
    workdir.chmod(0o755)  # nginx's workers run as another user
    environment = _environment(workdir)
    os.environ.update(environment)
    with _processes() as started:
        try:
            table = Bench(args, workdir, environment, started).run()
        except BenchError as error:
            sys.exit(f"bench: {error}")
    print(table)
    if args.record:
        _record(table)
    shutil.rmtree(workdir, ignore_errors=True)


def _which(tool):
    return shutil.which(tool) or shutil.which(tool, path="/usr/sbin:/usr/local/sbin")


def _environment(workdir):
    return {
        "DJANGO_SETTINGS_MODULE": "trustcenter.settings.production",
        "SECRET_KEY": "bench-" + "x" * 60,
        "DATABASE_URL": os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL),
        "DATABASE_CONN_MAX_AGE": "60",
        "REDIS_URL": f"redis://127.0.0.1:{PORTS['redis']}/0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "ERROR",
        # It measures the site from one address, far over any per-client API limit.
        "API_RATE_LIMIT_ANON": "",
        "API_RATE_LIMIT_TOKEN": "",
        "API_RATE_LIMIT_BAD_TOKEN": "",
    }


@contextmanager
def _processes():
    """Everything the bench starts, stopped (by process group) however the bench ends."""
    started = []
    try:
        yield started
    finally:
        for process in reversed(started):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in started:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


class Bench:
    def __init__(self, args, workdir, environment, started):
        self.args, self.workdir, self.environment, self.started = (
            args,
            workdir,
            environment,
            started,
        )
        self.rows, self.timings = [], []

    def run(self):
        self._start(["redis-server", "--bind", "127.0.0.1", "--port", str(PORTS["redis"]),
                     "--save", "", "--appendonly", "no"], "redis", PORTS["redis"])  # fmt: skip
        self._recreate_database()
        self._manage("migrate", "--no-input", "-v0")
        self._manage("collectstatic", "--no-input", "-v0")
        import django

        django.setup()
        self._editorial_operations()
        self._manage("export_static", str(self.workdir / "export"))
        self._generate_site()
        self._start_servers()
        self._load_tests()
        self._stale_check()
        return self._table()

    # Services ---------------------------------------------------------------------------

    def _start(self, command, name, port, env=None):
        log = open(self.workdir / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(
            command, cwd=ROOT, env=env or os.environ.copy(), stdout=log, stderr=log,
            start_new_session=True,
        )  # fmt: skip
        self.started.append(process)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise BenchError(f"{name} exited; see {self.workdir / (name + '.log')}")
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    return process
            time.sleep(0.2)
        raise BenchError(f"{name} did not listen on 127.0.0.1:{port} within 30 s")

    def _recreate_database(self):
        import psycopg

        url = urlsplit(self.environment["DATABASE_URL"])
        name = url.path.lstrip("/")
        if not re.fullmatch(r"\w+", name):
            raise BenchError(f"unexpected database name {name!r}")
        admin = url._replace(path="/postgres").geturl()
        try:
            with psycopg.connect(admin, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                connection.execute(f'CREATE DATABASE "{name}"')
        except psycopg.OperationalError as error:
            raise BenchError(
                f"cannot reach PostgreSQL at {url.hostname}:{url.port}: {error}"
            ) from None

    def _manage(self, *arguments):
        result = subprocess.run(
            [PYTHON, "manage.py", *arguments], cwd=ROOT, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise BenchError(f"manage.py {arguments[0]} failed: {result.stderr.strip()[-500:]}")
        return result.stdout

    def _start_servers(self):
        workers = os.environ.get("BENCH_WORKERS", str((os.cpu_count() or 1) * 2 + 1))
        self.workers = workers
        for name in ("cached", "cached-2", "uncached"):
            env = os.environ.copy()
            env["PAGE_CACHE_ENABLED"] = "0" if name == "uncached" else "1"
            command = [PYTHON, "-m", "gunicorn", "trustcenter.wsgi", "--config",
                       str(ROOT / "gunicorn.conf.py"), "--bind", f"127.0.0.1:{PORTS[name]}",
                       "--workers", workers]  # fmt: skip
            self._start(command, name, PORTS[name], env)
        config = self.workdir / "nginx.conf"
        export = self.workdir / "export"
        config.write_text(NGINX_CONFIG.format(
            workdir=self.workdir, export=export, port=PORTS["nginx"],
            redirects=export / "nginx" / "redirects.conf",
        ))  # fmt: skip
        self._start([_which("nginx"), "-c", str(config), "-g", "daemon off;"], "nginx",
                    PORTS["nginx"])  # fmt: skip

    # Data and editorial operations ------------------------------------------------------

    def _editorial_operations(self):
        from bench.editorial import measure_editorial_operations

        self.timings = measure_editorial_operations(self.workdir, SEED_FILES)

    def _generate_site(self):
        from bench.sitegen import generate_site

        started = time.perf_counter()
        generate_site(self.args.pages)
        elapsed = time.perf_counter() - started
        self.timings.append(
            (f"generate {self.args.pages} FAQ pages × 2 languages (bulk)", elapsed, None)
        )
        started = time.perf_counter()
        self._manage("rebuild_faq_search_index")
        elapsed = time.perf_counter() - started
        self.timings.append(("rebuild the FAQ search index (all pages)", elapsed, None))
        # Statistics for the bulk-inserted pages, as autovacuum keeps them on a running server.
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    # Measurements -----------------------------------------------------------------------

    def _load_tests(self):
        from bench.editorial import BROTLI_CLIENT, query_counts, targets

        paths = targets()
        counts = query_counts(paths)
        static, cached, uncached = (
            f"http://127.0.0.1:{PORTS[name]}" for name in ("nginx", "cached", "uncached")
        )
        rows = [
            ("static export, nginx (ceiling)", static + paths["page"], 0),
            ("cached page (15 q.), en", cached + paths["page"], counts["cached"]),
            ("cached page (15 q.), zh-hans", cached + paths["page_zh"], counts["cached_zh"]),
            # A browser's request: the stored brotli bytes, sent as they are.
            ("cached page (15 q.), en, brotli", cached + paths["page"], counts["cached_br"],
             {"Accept-Encoding": BROTLI_CLIENT}),
            ("uncached page (15 q.), en", uncached + paths["page"], counts["uncached"]),
            ("uncached page (15 q.), zh-hans", uncached + paths["page_zh"], counts["uncached_zh"]),
            ("uncached page (500 q.), zh-hans", uncached + paths["long_zh"], counts["long_zh"]),
            ("uncached generated page (500 q.), en", uncached + paths["generated"],
             counts["generated"]),
            ("API detail (15 q.)", uncached + paths["api"], counts["api"]),
            ("search", uncached + paths["search"], counts["search"]),
        ]  # fmt: skip
        for label, url, queries, *headers in rows:
            headers = headers[0] if headers else {}
            self._check_ok(url, headers)
            self.rows.append((label, *self._wrk(url, headers), queries))

    def _check_ok(self, url, headers):
        with urlopen(Request(url, headers=headers)) as response:
            if response.status != 200:
                raise BenchError(f"{url} answered {response.status}")
            if "Accept-Encoding" in headers and not response.headers.get("Content-Encoding"):
                raise BenchError(f"{url} answered uncompressed to {headers['Accept-Encoding']}")

    def _wrk(self, url, headers):
        options = [arg for name, value in headers.items() for arg in ("-H", f"{name}: {value}")]
        # Unrecorded warm-up: every worker loads its code and templates, and fills its caches.
        subprocess.run(
            ["wrk", "-t2", f"-c{CONNECTIONS}", "-d5s", *options, url], capture_output=True
        )
        # A generous timeout: a slow view is measured, not dropped as a socket error.
        result = subprocess.run(
            ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{self.args.duration}s", "--timeout", "30s",
             "--latency", *options, url],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        output = result.stdout
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        if errors:
            raise BenchError(f"{url}: {errors.group(1)} error responses under load")
        return rate, _latency(output, "50%"), _latency(output, "99%")

    def _stale_check(self):
        from bench.editorial import stale_responses

        servers = [f"http://127.0.0.1:{PORTS[name]}" for name in ("cached", "cached-2")]
        self.stale = stale_responses(servers, STALE_ROUNDS)

    # Report -----------------------------------------------------------------------------

    def _table(self):
        by_label = {row[0]: row for row in self.rows}
        lines = [
            f"Machine: {_machine()}",
            f"App servers: gunicorn, {self.workers} sync workers each; PostgreSQL; Redis. "  # noqa: E501
            f"Load: wrk, {CONNECTIONS} connections, {self.args.duration} s per row, 127.0.0.1.",
            "",
            "| what | requests/s | p50 | p99 | queries/request |",
            "|---|---:|---:|---:|---:|",
        ]
        for label, rate, p50, p99, queries in self.rows:
            if not rate:  # no request finished within the run
                p50 = p99 = f"> {self.args.duration} s"
            lines.append(f"| {label} | {rate:,.0f} | {p50} | {p99} | {queries} |")
        lines += ["", "| operation | time | queries |", "|---|---:|---:|"]
        for label, seconds, queries in self.timings:
            lines.append(f"| {label} | {seconds:.2f} s | {'' if queries is None else queries} |")
        lines.append(
            f"| stale responses after publish, 2 app servers sharing Redis "
            f"({STALE_ROUNDS} publishes × 2 servers) | {self.stale} | |"
        )
        cached = by_label["cached page (15 q.), en"][1]
        uncached = by_label["uncached page (15 q.), en"][1]
        ceiling = by_label["static export, nginx (ceiling)"][1]
        sync_500 = next(
            t for label, t, _ in self.timings if label.startswith("sync translation, 500")
        )
        editor_queries = {
            label.split(", ")[1]: queries
            for label, _, queries in self.timings
            if label.startswith("admin edit view") and label.endswith("zh-hans")
        }
        editor_15, editor_500 = editor_queries["15 questions"], editor_queries["500 questions"]
        lines += [
            "",
            "Targets: "
            + "; ".join(
                [
                    _target(
                        "cached ≥ 10× uncached",
                        cached >= 10 * uncached,
                        f"{cached / uncached:.1f}×",
                    ),
                    _target(
                        "cached ≥ 5% of static",
                        cached >= 0.05 * ceiling,
                        f"{100 * cached / ceiling:.1f}%",
                    ),
                    _target(
                        "uncached 15-question page ≤ 6 queries",
                        by_label["uncached page (15 q.), en"][4] <= 6,
                        f"{by_label['uncached page (15 q.), en'][4]}",
                    ),
                    _target("500-question sync ≤ 5 s", sync_500 <= 5, f"{sync_500:.2f} s"),
                    _target(
                        "translation editor, 500 questions: as many queries as 15",
                        editor_500 == editor_15,
                        f"{editor_500} and {editor_15}",
                    ),
                    _target("stale responses 0", self.stale == 0, str(self.stale)),
                ]
            )  # fmt: skip
            + ".",
        ]
        return "\n".join(lines)


def _target(name, met, value):
    return f"{name}: {value} {'✓' if met else '✗ MISSED'}"


def _latency(output, percentile):
    match = re.search(rf"^\s*{re.escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
    value, unit = float(match.group(1)), match.group(2)
    milliseconds = value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    return f"{milliseconds:.1f} ms"


def _machine():
    cpu = platform.processor() or platform.machine()
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        cpu = re.search(r"model name\s*:\s*(.+)", cpuinfo).group(1).strip()
    except (OSError, AttributeError):
        pass
    try:
        meminfo = Path("/proc/meminfo").read_text()
        memory = int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1)) // 1024 // 1024
    except (OSError, AttributeError):
        memory = "?"
    versions = []
    for command in (["nginx", "-v"], ["redis-server", "--version"], ["wrk", "--version"]):
        if not _which(command[0]):  # the resilience run needs only redis-server
            continue
        result = subprocess.run([_which(command[0]), *command[1:]], capture_output=True, text=True)
        text = (result.stdout + result.stderr).strip().splitlines()[0]
        versions.append(text)
    import django
    from django.db import connection

    return (
        f"{cpu}, {os.cpu_count()} cores, {memory} GB RAM; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}, Django {django.__version__}, "
        f"PostgreSQL {connection.cursor().connection.info.server_version}; " + "; ".join(versions)
    )


def _record(table, document=ROOT / "docs" / "performance.md", name="bench"):
    text = document.read_text()
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    document.write_text(f"{before}{start}\n{table}\n{end}{after}")
    print(f"Recorded in {document.relative_to(ROOT)}")


NGINX_CONFIG = """
worker_processes auto;
pid {workdir}/nginx.pid;
error_log {workdir}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path {workdir}/nginx-body;
    proxy_temp_path {workdir}/nginx-proxy;
    fastcgi_temp_path {workdir}/nginx-fastcgi;
    uwsgi_temp_path {workdir}/nginx-uwsgi;
    scgi_temp_path {workdir}/nginx-scgi;
    include {redirects};
    server {{
        listen 127.0.0.1:{port};
        root {export};
        error_page 404 /404.html;
        if ($static_export_permanent_redirect) {{ return 301 $static_export_permanent_redirect; }}
        if ($static_export_temporary_redirect) {{ return 302 $static_export_temporary_redirect; }}
        location / {{ index index.html; try_files $uri $uri/ =404; }}
    }}
}}
"""

if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
