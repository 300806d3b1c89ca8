"""A real X server with a window manager for the tests that drive the app as a person would.

Offscreen Qt (the rest of the suite) misses what only a real display shows: window placement by a
window manager, real key events through XTEST, teardown order at exit. These tests start Xvfb and
openbox once per session and run the app in child processes on that display; input comes from
xdotool. `make test` installs them (build/check-system.sh); a missing one fails, never skips.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


# ------------------------------------------------ AT-SPI (what a screen reader gets)
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's python3-pyatspi lives there, not in the venv
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
REGISTRY = "/usr/libexec/at-spi2-registryd"
READER = Path(__file__).with_name("atspi_tree.py")
A11Y_PACKAGES = "dbus-x11 at-spi2-core python3-pyatspi gir1.2-atspi-2.0"


def _a11y_missing() -> list[str]:
    missing = [tool for tool in ("dbus-daemon", "dbus-send") if shutil.which(tool) is None]
    missing += [p for p in (BUS_LAUNCHER, REGISTRY, SYSTEM_PYTHON) if not Path(p).exists()]
    if not missing:
        check = subprocess.run(
            [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('Atspi', '2.0'); import pyatspi"],
            capture_output=True,
            timeout=30,
        )
        if check.returncode != 0:
            missing.append("pyatspi for /usr/bin/python3")
    return missing


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Ends a process this fixture started, with the children it started in its own session."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)


@pytest.fixture(scope="session")
def atspi_env(x_display: dict[str, str]) -> Iterator[dict[str, str]]:
    """x_display plus a private session D-Bus with the accessibility bus and registry, switched
    on, and Qt told to expose its tree: the environment a screen reader sees an app in."""
    missing = _a11y_missing()
    assert not missing, (
        f"missing {', '.join(missing)}: apt-get install -y --no-install-recommends "
        f"{A11Y_PACKAGES} (build/check-system.sh test does it as root)"
    )
    started: list[subprocess.Popen[bytes]] = []
    try:
        bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            env=x_display,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        started.append(bus)
        assert bus.stdout is not None
        address = bus.stdout.readline().decode().strip()
        assert address, "dbus-daemon printed no bus address"
        env = dict(
            x_display, DBUS_SESSION_BUS_ADDRESS=address, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1"
        )
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        started.append(
            subprocess.Popen(
                [BUS_LAUNCHER, "--launch-immediately"], env=env, start_new_session=True, **quiet
            )
        )
        enable = [
            "dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus", "/org/a11y/bus",
            "org.freedesktop.DBus.Properties.Set", "string:org.a11y.Status",
            "string:IsEnabled", "variant:boolean:true",
        ]  # fmt: skip
        deadline = time.monotonic() + 10
        while subprocess.run(enable, env=env, timeout=10, **quiet).returncode != 0:
            assert time.monotonic() < deadline, "the accessibility bus (org.a11y.Bus) never came up"
            time.sleep(0.1)
        started.append(subprocess.Popen([REGISTRY], env=env, start_new_session=True, **quiet))
        yield env
    finally:
        for process in reversed(started):
            _stop(process)


def read_tree(
    env: dict[str, str], pid: int, *wait_for: str, timeout: float = 10.0
) -> tuple[bool, dict[str, Any]]:
    """The app's live AT-SPI tree, read by the system Python once every wait_for text is in it
    (or the timeout passed: found is then False and the tree is what was there)."""
    args = [SYSTEM_PYTHON, str(READER), "--pid", str(pid), "--timeout", str(timeout)]
    for text in wait_for:
        args += ["--wait-for", text]
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout + 20)
    assert done.returncode in (0, 3), done.stderr
    answer = json.loads(done.stdout)
    assert answer["tree"] is not None, f"the app (pid {pid}) never appeared on the AT-SPI bus"
    return bool(answer["found"]), answer["tree"]


def nodes(tree: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every object of a tree in reading order (depth first, as a screen reader walks it)."""
    yield tree
    for child in tree["children"]:
        yield from nodes(child)


def showing(tree: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in nodes(tree) if "showing" in n["states"]]


LISTENER = Path(__file__).with_name("atspi_events.py")


def start_listening(env: dict[str, str], pid: int, seconds: float) -> subprocess.Popen[str]:
    """An AT-SPI event recorder for the app with pid, already listening when this returns; its
    JSON comes from heard()."""
    listener = subprocess.Popen(
        [SYSTEM_PYTHON, str(LISTENER), "--pid", str(pid), "--seconds", str(seconds)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert listener.stdout is not None
    first = listener.stdout.readline().strip()
    assert first == "listening", listener.stderr.read() if listener.stderr else first
    return listener


def heard(listener: subprocess.Popen[str]) -> list[dict[str, Any]]:
    out, err = listener.communicate(timeout=60)
    assert listener.returncode == 0, err
    events: list[dict[str, Any]] = json.loads(out)
    return events


TABLES = ("table", "tree", "tree table")


def numbered_headers(tree: dict[str, Any]) -> list[str]:
    """Tables (shown) whose row or column headers a screen reader hears as bare numbers ("1",
    "2"): the row numbers of a table that hides them, or a hidden header never named."""
    found = []
    for n in showing(tree):
        table = n.get("table")
        if n["role"] not in TABLES or not table:
            continue
        for kind in ("row_headers", "row_descriptions", "column_headers", "column_descriptions"):
            numbers = [h for h in table[kind] if h is not None and h.strip().isdigit()]
            if numbers:
                found.append(f"{n['role']} {n['name']!r}: {kind} {numbers}")
    return found
