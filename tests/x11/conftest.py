"""A real X server with a window manager for the tests that drive the app as a person would.

Offscreen Qt (the rest of the suite) misses what only a real display shows: window placement by a
window manager, real key events through XTEST, teardown order at exit. These tests start Xvfb and
openbox once per session and run the app in child processes on that display; input comes from
xdotool. `make test` installs them (build/check-system.sh); a missing one fails, never skips.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

NEEDED = ("Xvfb", "openbox", "xdotool")
SCREEN = "1366x768x24"


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"


@pytest.fixture(scope="session")
def x_display() -> Iterator[dict[str, str]]:
    """The environment of a child process on a real X display with a window manager."""
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    assert not missing, f"install {' '.join(missing)} (build/check-system.sh test does it as root)"
    server, display = _start_xvfb()
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    manager = subprocess.Popen(
        ["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(0.5)  # openbox takes the screen before the first window maps
    try:
        yield env
    finally:
        manager.terminate()
        server.terminate()
        manager.wait(10)
        server.wait(10)


def xdotool(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=30, check=True
    )
    return done.stdout


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    from app.cli import main

    db = tmp_path / "agency.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    return db
