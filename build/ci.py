"""The CI steps in one Python script, so every platform runs the same ones.

`.ci/run` (through `make test` and `make dist-check`) and `.github/workflows/build.yml` both call
this script; only the set-up around it differs (system packages on Debian, the venv, the runner's
Python). Run it with the project's Python, e.g. `.venv/bin/python build/ci.py lint types tests`.

Steps, in the order `all` runs them:
  translations  compile each resources/translations/*.ts whose .qm is missing or older
  lint          ruff check and ruff format --check
  types         mypy (strict for all of app)
  tests         pytest with one coverage figure; tests/x11 only where an X server can run (Linux)
  dist          PyInstaller with build/smsoat.spec, then the archive
  dist-check    the frozen app's own checks (build/dist_check.py)
Exit status: the first failing step's, after one line naming it on stderr.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
CODE = ["app", "tests", "benchmarks"]


def _run(*args: str, env: dict[str, str] | None = None) -> None:
    print("+", " ".join(args), flush=True)
    done = subprocess.run(args, cwd=ROOT, env=env, check=False)
    if done.returncode != 0:
        raise StepFailed(done.returncode)


class StepFailed(Exception):
    """A step's command ended with a non-zero status (carried as the exit status)."""


def _tool(name: str) -> str:
    """A console script of the running Python's environment (pyside6-lrelease, pyinstaller)."""
    folder = Path(PY).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    return name


def translations() -> None:
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            _run(_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm))


def lint() -> None:
    _run(PY, "-m", "ruff", "check", *CODE)
    _run(PY, "-m", "ruff", "format", "--check", *CODE)


def types() -> None:
    _run(PY, "-m", "mypy")


def tests() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    ignore = [] if sys.platform.startswith("linux") else ["--ignore=tests/x11"]
    _run(PY, "-m", "pytest", "-q", "--cov=app", "--cov-report=", *ignore, env=env)


def dist() -> None:
    _run(
        _tool("pyinstaller"),
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--workpath",
        ".build-work",
        "--distpath",
        "dist",
        "build/smsoat.spec",
    )
    _run(PY, "build/make_archive.py")


def dist_check() -> None:
    _run(PY, "build/dist_check.py")


STEPS: dict[str, Callable[[], None]] = {
    "translations": translations,
    "lint": lint,
    "types": types,
    "tests": tests,
    "dist": dist,
    "dist-check": dist_check,
}


def main(argv: list[str]) -> int:
    names = argv or ["all"]
    if names == ["all"]:
        names = list(STEPS)
    unknown = [n for n in names if n not in STEPS]
    if unknown:
        print(f"ci.py: unknown step {unknown[0]!r}; steps: {', '.join(STEPS)}, all", file=sys.stderr)
        return 2
    for name in names:
        try:
            STEPS[name]()
        except StepFailed as failed:
            print(f"ci.py: step {name!r} failed (exit {failed.args[0]})", file=sys.stderr)
            return int(failed.args[0]) or 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
