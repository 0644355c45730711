"""Run the installed wagtail-localize's own test suite with this site's patches installed.

Its tests are in its sdist only (downloaded once per version into ``.cache/upstream-tests/``)
and need its "testing" extras (installed once per version into this virtualenv). pytest runs
from the sdist's root, so that its ``tests`` package (and test project, ``tests.testapp``) is
found before this project's own ``tests``. Arguments are passed on to pytest.
"""

import os
import subprocess
import sys
import tarfile
from importlib.metadata import version
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CACHE = PROJECT / ".cache" / "upstream-tests"
PACKAGE = "wagtail-localize"


def pip(*args):
    subprocess.run([sys.executable, "-m", "pip", "--quiet", *args], check=True)


def install_test_requirements(release):
    """Upstream's own test requirements, and flit_core, which builds its sdist's metadata."""
    installed = Path(sys.prefix) / f".upstream-tests-{release}"
    if not installed.exists():
        pip("install", "flit_core", f"{PACKAGE}[testing]=={release}")
        installed.touch()


def unpacked_sdist(release):
    """The sdist's root, downloaded and unpacked the first time."""
    root = CACHE / f"{PACKAGE.replace('-', '_')}-{release}"
    if not root.is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        # Without build isolation: pip would build flit_core and each dependency from source.
        pip(
            "download",
            "--no-deps",
            "--no-binary=:all:",
            "--no-build-isolation",
            f"--dest={CACHE}",
            f"{PACKAGE}=={release}",
        )
        with tarfile.open(CACHE / f"{root.name}.tar.gz") as sdist:
            sdist.extractall(CACHE, filter="data")
    return root


def main(pytest_args):
    release = version(PACKAGE)
    install_test_requirements(release)
    root = unpacked_sdist(release)
    command = [sys.executable, "-m", "pytest", "-c", str(PROJECT / "upstream_tests" / "pytest.ini")]
    command += ["--rootdir", str(root), *pytest_args]
    # "python -m" puts the sdist's root first on the path; PYTHONPATH adds this project after it.
    environment = {**os.environ, "PYTHONPATH": str(PROJECT)}
    return subprocess.run(command, cwd=root, env=environment).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
