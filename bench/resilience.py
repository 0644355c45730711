"""The resilience run: readers at 16 connections while pages are published and Redis misbehaves.

    make resilience         # or: .venv/bin/python bench/resilience.py [--duration 6] [--record]

It starts its own Redis (snapshots in its work folder) and two gunicorn app servers (one for
readers, one for the publisher) on 127.0.0.1 with the production settings, (re)creates the
PostgreSQL database RESILIENCE_DATABASE_URL names (default: tc_resilience on 127.0.0.1) and
imports the legacy seed pages in both languages. Then 16 readers ask for the English and Chinese
FAQ pages, a search and both pages' v3 API details, while a publisher publishes a new marker
(hero title "marker N" / "标记 N") through the v3 API once a second, through six phases: Redis
up (a snapshot is taken at its end), killed, restarted empty, frozen (SIGSTOP), thawed
(SIGCONT), and restarted from the old snapshot.

A 5xx, another unexpected status or a connection error is an error. A response is stale when
it was asked for more than GRACE seconds after a publish call returned and still shows an older
marker. --record writes the table into docs/resilience.md; the exit status is 1 when any
request or publish failed or a response was stale.
"""

import argparse
import copy
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: `bench` is a package of the project

from bench.run import (  # noqa: E402
    PYTHON,
    SEED_FILES,
    Bench,
    BenchError,
    _environment,
    _machine,
    _processes,
    _record,
    _which,
)

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/tc_resilience"
HOST = "127.0.0.1"
PORTS = {"redis": 8395, "reader": 8396, "editor": 8397}
CONNECTIONS = 16
DURATION = 6
WORKERS = {"reader": 4, "editor": 1}
PUBLISH_INTERVAL = 1  # alternately English and Chinese; each publish empties the page cache
GRACE = 0.2  # after the publish call returned: its commit is done, so this is generous
READ_TIMEOUT = 10
STARTUP_TIMEOUT = 120
MARKERS = {"en": "marker {}", "zh-hans": "标记 {}"}
SEARCH = "marker"
EXAMPLES = 5
DOCUMENT = ROOT / "docs" / "resilience.md"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=DURATION, help="seconds per phase")
    parser.add_argument("--record", action="store_true", help="write the table into docs/")
    args = parser.parse_args()
    if not _which("redis-server"):
        sys.exit("resilience: install redis-server first (apt-get install redis-server)")
    workdir = Path(tempfile.mkdtemp(prefix="trustcenter-resilience-"))
    environment = _environment(workdir)
    environment.update(
        DATABASE_URL=os.environ.get("RESILIENCE_DATABASE_URL", DEFAULT_DATABASE_URL),
        REDIS_URL=f"redis://{HOST}:{PORTS['redis']}/0",
        LOG_LEVEL="WARNING",  # the cache's "failed; serving without it" lines, counted below
        # Shorter than a phase, so that each phase after a failure also reads through Redis.
        REDIS_RETRY_AFTER=os.environ.get("REDIS_RETRY_AFTER", "1"),
    )
    os.environ.update(environment)
    with _processes() as started:
        try:
            run = Resilience(args, workdir, environment, started)
            table = run.run()
        except BenchError as error:
            sys.exit(f"resilience: {error}")
    print(table)
    for example in run.examples:
        print(example)
    if args.record:
        _record(table, DOCUMENT, "resilience")
    shutil.rmtree(workdir, ignore_errors=True)
    if run.failed:
        sys.exit(f"resilience: {run.failed} failed or stale responses (see above)")


@dataclass(frozen=True)
class Target:
    path: str
    language: str
    api: bool = False

    def marker(self, body):
        """The newest marker the response shows, or -1 when it shows none."""
        text = json.loads(body)["hero_title"] if self.api else body
        pattern = re.escape(MARKERS[self.language]).replace(r"\{\}", r"(\d+)")
        return max((int(number) for number in re.findall(pattern, text)), default=-1)


class Resilience(Bench):
    def __init__(self, *args):
        super().__init__(*args)
        self.phase = None  # the phase requests are counted in; None while warming up
        self.samples = []  # (phase, seconds, outcome), appended by every thread
        self.publishes = []  # (phase, seconds the call took, or None when it failed)
        self.confirmed = {language: [(0.0, 0)] for language in MARKERS}  # (returned at, N)
        self.examples, self.failed = [], 0
        self.stopping = threading.Event()
        self.publishing = threading.Event()
        self.publishing.set()
        self.redis_dir = self.workdir / "redis"
        self.redis_dir.mkdir()
        self.redis_starts = 0

    def run(self):
        self._start_redis()
        self._recreate_database()
        self._manage("migrate", "--no-input", "-v0")
        self._manage("collectstatic", "--no-input", "-v0")
        self._manage("import_legacy_faq", *SEED_FILES)
        import django

        django.setup()
        self.token, pages = _publisher_and_pages()
        self.targets = [
            Target("/en/faq/", "en"),
            Target("/zh-hans/faq/", "zh-hans"),
            Target(f"/en/search/?q={SEARCH}", "en"),
            Target(f"/api/v3/pages/{pages['en']}/", "en", api=True),
            Target(f"/api/v3/pages/{pages['zh-hans']}/", "zh-hans", api=True),
        ]
        self.pages = pages
        for server in WORKERS:
            self._start_app_server(server)
            self._wait_until_serving(server)
        self.english_items = self._api(
            "GET", f"/api/v3/pages/{pages['en']}/?rich_text_format=db_html"
        )["faqs"]
        for language in MARKERS:
            self._publish(language, 0)
        threads = [threading.Thread(target=self._read, args=(n,)) for n in range(CONNECTIONS)]
        threads.append(threading.Thread(target=self._publish_continuously))
        for thread in threads:
            thread.start()
        try:
            self._phases()
        finally:
            self.stopping.set()
            self.publishing.set()
            for thread in threads:
                thread.join()
        return self._table()

    def _manage(self, *arguments):
        started = time.monotonic()
        output = super()._manage(*arguments)
        print(f"manage.py {arguments[0]}: {time.monotonic() - started:.0f} s", file=sys.stderr)
        return output

    # Phases -----------------------------------------------------------------------------

    def _phases(self):
        time.sleep(2)  # warm-up, not counted: every worker renders and caches its first pages
        self._during("Redis up (snapshot taken at the end)")
        self.snapshot = self._snapshot()
        self._during("Redis killed", self._kill_redis)
        self._during("Redis restarted empty", self._start_redis)
        try:
            self._during("Redis frozen (SIGSTOP)", os.kill, self.redis.pid, signal.SIGSTOP)
        finally:
            os.kill(self.redis.pid, signal.SIGCONT)
        self._during("Redis thawed (SIGCONT)")
        # No publish for a phase, as after a night's restore: the next publish would replace
        # the generation and hide an old one the snapshot brought back.
        self.publishing.clear()
        self._during("Redis restarted from the old snapshot, no publishes", self._restore_snapshot)
        self._during("the same, publishing again", self.publishing.set)

    def _during(self, phase, change=None, *arguments):
        """Count requests in ``phase`` from the moment its change to Redis begins."""
        print(phase, file=sys.stderr)
        self.phase = phase
        if change:
            change(*arguments)
        time.sleep(self.args.duration)

    def _start_redis(self):
        self.redis_starts += 1
        self.redis = self._start(
            ["redis-server", "--bind", HOST, "--port", str(PORTS["redis"]), "--dir",
             str(self.redis_dir), "--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no"],
            f"redis-{self.redis_starts}", PORTS["redis"],
        )  # fmt: skip

    def _kill_redis(self):
        os.killpg(self.redis.pid, signal.SIGKILL)
        self.redis.wait()

    def _redis(self):
        import redis

        return redis.Redis(host=HOST, port=PORTS["redis"], socket_timeout=5)

    def _snapshot(self):
        """Save Redis as it is now, to bring it back after later publishes."""
        client = self._redis()
        client.save()
        kept = self.workdir / "old-snapshot.rdb"
        shutil.move(self.redis_dir / "dump.rdb", kept)  # so that the next start is empty
        return {"file": kept, "publishes before": self._publish_count()}

    def _restore_snapshot(self):
        self._kill_redis()
        shutil.copy(self.snapshot["file"], self.redis_dir / "dump.rdb")
        self._start_redis()
        self.snapshot["restored keys"] = self._redis().dbsize()
        self.snapshot["publishes after"] = self._publish_count() - self.snapshot["publishes before"]

    def _start_app_server(self, server):
        env = os.environ.copy()
        env["PAGE_CACHE_ENABLED"] = "1"
        self._start(
            [PYTHON, "-m", "gunicorn", "trustcenter.wsgi", "--config",
             str(ROOT / "gunicorn.conf.py"), "--bind", f"{HOST}:{PORTS[server]}",
             "--workers", str(WORKERS[server])],
            server, PORTS[server], env,
        )  # fmt: skip

    def _wait_until_serving(self, server):
        """gunicorn listens before its workers have loaded Django: wait for a first page."""
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            try:
                with urlopen(f"http://{HOST}:{PORTS[server]}/en/faq/", timeout=STARTUP_TIMEOUT):
                    return
            except OSError as error:
                if time.monotonic() > deadline:
                    raise BenchError(
                        f"gunicorn served no page within {STARTUP_TIMEOUT} s: {error}"
                    ) from None
                time.sleep(0.5)

    # Readers and the publisher ----------------------------------------------------------

    def _read(self, offset):
        connection = http.client.HTTPConnection(HOST, PORTS["reader"], timeout=READ_TIMEOUT)
        number = offset
        while not self.stopping.is_set():
            target = self.targets[number % len(self.targets)]
            number += 1
            phase, sent = self.phase, time.monotonic()
            newest = self._confirmed_before(target.language, sent - GRACE)
            try:
                connection.request("GET", target.path)
                response = connection.getresponse()
                body = response.read().decode()
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                self._sample(phase, sent, "error", f"{target.path}: {type(error).__name__}")
                continue
            cache = response.getheader("X-Page-Cache", "-")
            if response.status != 200:
                self._sample(phase, sent, "error", f"{target.path}: {response.status}")
            elif (shown := target.marker(body)) < newest:
                detail = (
                    f"{target.path}: marker {shown}, {newest} published (X-Page-Cache: {cache})"
                )
                self._sample(phase, sent, "stale", detail)
            else:
                self._sample(phase, sent, "hit" if cache == "hit" else "ok")

    def _sample(self, phase, sent, outcome, detail=None):
        if phase is None:
            return
        self.samples.append((phase, time.monotonic() - sent, outcome))
        if detail and len(self.examples) < EXAMPLES:
            self.examples.append(f"{outcome} in “{phase}”: {detail}")

    def _confirmed_before(self, language, moment):
        for returned, number in reversed(self.confirmed[language]):
            if returned <= moment:
                return number
        return 0

    def _publish_count(self):
        return sum(len(confirmed) for confirmed in self.confirmed.values())

    def _publish_continuously(self):
        number = 0
        while not self.stopping.is_set():
            self.publishing.wait()
            if self.stopping.is_set():
                return
            number += 1
            began = time.monotonic()
            phase = self.phase
            try:
                self._publish(tuple(MARKERS)[number % 2], number)
                seconds = time.monotonic() - began
            except BenchError as error:
                seconds = None
                if len(self.examples) < EXAMPLES:
                    self.examples.append(f"publish failed in “{phase}”: {error}")
            if phase is not None:
                self.publishes.append((phase, seconds))
            self.stopping.wait(max(0, PUBLISH_INTERVAL - (time.monotonic() - began)))

    def _publish(self, language, number):
        """Publish marker ``number`` on the page, through the v3 API as an editor would."""
        marker = MARKERS[language].format(number)
        data = {"hero_title": marker, "meta": {"action": "publish"}}
        if language == "en":  # the search finds the first question, so it shows the marker
            data["faqs"] = items = copy.deepcopy(self.english_items)
            items[0]["value"]["question"] += f" ({marker})"
        self._api("PATCH", f"/api/v3/pages/{self.pages[language]}/", data)
        self.confirmed[language].append((time.monotonic(), number))

    def _api(self, method, path, data=None):
        connection = http.client.HTTPConnection(HOST, PORTS["editor"], timeout=READ_TIMEOUT)
        headers = {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}
        try:
            connection.request(method, path, data and json.dumps(data), headers)
            response = connection.getresponse()
            body = response.read().decode()
        except (OSError, http.client.HTTPException) as error:
            raise BenchError(f"{method} {path}: {type(error).__name__}: {error}") from None
        finally:
            connection.close()
        if response.status != 200:
            raise BenchError(f"{method} {path} answered {response.status}: {body[:200]}")
        return json.loads(body)

    # Report -----------------------------------------------------------------------------

    def _table(self):
        phases = list(dict.fromkeys(phase for phase, _, _ in self.samples))
        failures = self._cache_failures_logged()
        redis_timeout = os.environ.get("REDIS_TIMEOUT", "0.25")
        retry_after = os.environ["REDIS_RETRY_AFTER"]
        lines = [
            f"Machine: {_machine()}",
            f"Two app servers sharing PostgreSQL and Redis, production settings, page cache on: "
            f"readers ask one (gunicorn, {WORKERS['reader']} sync workers), the publisher the "
            f"other ({WORKERS['editor']} worker). Redis (REDIS_TIMEOUT {redis_timeout} s, "
            f"REDIS_RETRY_AFTER {retry_after} s). Readers: "
            f"{CONNECTIONS} connections, {self.args.duration:g} s per phase, cycling through "
            f"{', '.join(target.path for target in self.targets)}. A publish (v3 API PATCH) "
            f"every {PUBLISH_INTERVAL:g} s, alternately English and Chinese; stale = an older "
            f"marker shown more than {GRACE:g} s after the publish call returned.",
            "",
            "| phase | requests | cache hits | errors | stale | p50 | p99 | publishes | failed "
            "| publish p50 |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for phase in phases:
            samples = [
                (seconds, outcome) for name, seconds, outcome in self.samples if name == phase
            ]
            latencies = sorted(seconds for seconds, _ in samples)
            errors = sum(outcome == "error" for _, outcome in samples)
            stale = sum(outcome == "stale" for _, outcome in samples)
            hits = sum(outcome == "hit" for _, outcome in samples)
            self.failed += errors + stale
            published = [seconds for name, seconds in self.publishes if name == phase]
            succeeded = [seconds for seconds in published if seconds is not None]
            failed = len(published) - len(succeeded)
            lines.append(
                f"| {phase} | {len(samples):,} | {hits:,} | {errors} | {stale} "
                f"| {_milliseconds(statistics.median(latencies))} "
                f"| {_milliseconds(latencies[int(0.99 * (len(latencies) - 1))])} "
                f"| {len(published)} | {failed} "
                f"| {_milliseconds(statistics.median(succeeded)) if succeeded else '-'} |"
            )
            self.failed += failed
        snapshot = self.snapshot
        lines += [
            "",
            f"The old snapshot brought back {snapshot['restored keys']} keys, taken "
            f"{snapshot['publishes after']} publishes before it was restored. "
            f"The app servers logged {failures} cache failures (one per worker each time Redis "
            f"failed, then {retry_after} s without it).",
        ]
        return "\n".join(lines)

    def _cache_failures_logged(self):
        logs = (self.workdir / f"{server}.log" for server in WORKERS)
        return sum(log.read_text(errors="replace").count("serving without it") for log in logs)


def _publisher_and_pages():
    """An editor's API token, and the FAQ page ids; the Chinese page edited by hand from now on
    (wagtail-localize's "convert to manual translation"), so the API may publish it."""
    from django.contrib.auth import get_user_model
    from django.db import connection

    from wagtail.models import APIToken
    from wagtail_localize.models import Translation

    from faq.models import FAQPage

    user = get_user_model().objects.create_superuser("resilience", "resilience@example.com", None)
    _, token = APIToken.create_token(user=user, name="resilience publisher")
    pages = {
        language: FAQPage.objects.get(slug="faq", locale__language_code=language)
        for language in MARKERS
    }
    Translation.objects.filter(
        source__object_id=pages["en"].translation_key, target_locale=pages["zh-hans"].locale
    ).update(enabled=False)
    connection.close()
    return token, {language: page.pk for language, page in pages.items()}


def _milliseconds(seconds):
    return f"{seconds * 1000:.1f} ms"


if __name__ == "__main__":
    main()
