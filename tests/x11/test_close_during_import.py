"""(X) The main window's title-bar × during an import asks "Stop it and close?" (issue 16).

The import dialog blocked the main window, and Qt drops a window manager's close request for a
blocked window: clicking the main window's × while files were importing did nothing at all. The
test clicks the × that openbox draws (a real WM_DELETE_WINDOW from the window manager), waits for
the question, answers Yes with real keys, and checks that the import stopped between files and
the app closed cleanly.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.x11.conftest import xdotool

REPO = Path(__file__).resolve().parents[2]
FILES = 20
BAD_SIGNS = ("Fatal Python error", "Traceback", "RuntimeError", "Signal source")


@pytest.fixture
def exchange_files(tmp_path: Path) -> Path:
    """FILES rounds of FILES agencies, one exchange file each, in one folder."""
    from app.db.connection import open_database
    from app.exchange.export import export_round
    from app.services.catalog import default_catalog
    from tests.helpers import make_round

    folder = tmp_path / "sent"
    folder.mkdir()
    conn = open_database(tmp_path / "agencies.sqlite3")
    inst = default_catalog().get("sms-oat-bh")
    for i in range(FILES):
        rnd, _team = make_round(conn, inst, people=1, agency=f"Agency {i}", name=f"Round {i}")
        (folder / f"agency-{i:02}.smsoat").write_bytes(export_round(conn, rnd.id, with_pdf=False))
    conn.close()
    return folder


def _find(env: dict[str, str], pid: int, name: str, seconds: float) -> str | None:
    """The id of the app's visible window whose title matches `name`, if it shows in time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done = subprocess.run(
            ["xdotool", "search", "--all", "--onlyvisible", "--pid", str(pid), "--name", name],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        if done.stdout.split():
            return done.stdout.split()[0]
        time.sleep(0.1)
    return None


def _run(env: dict[str, str], *args: str) -> list[str]:
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=30, check=True)
    return done.stdout.splitlines()


def click_close_button(env: dict[str, str], window: str) -> None:
    """Click the × at the right end of the title bar the window manager drew for `window`."""
    # xwininfo, not xdotool getwindowgeometry: the latter counts the frame twice under openbox
    info = dict(
        (key.strip(), value.strip())
        for key, _sep, value in (
            line.partition(":") for line in _run(env, "xwininfo", "-id", window)
        )
    )
    extents = _run(env, "xprop", "-id", window, "_NET_FRAME_EXTENTS")[0]
    left, right, top, _bottom = (int(v) for v in extents.split("=")[1].split(","))
    x = int(info["Absolute upper-left X"]) + int(info["Width"]) + right - CLOSE_FROM_RIGHT
    y = int(info["Absolute upper-left Y"]) - top // 2
    assert top > 0 and left >= 0, f"no title bar around the window: {extents}"
    xdotool(env, "mousemove", "--sync", str(x), str(y))
    xdotool(env, "click", "1")


CLOSE_FROM_RIGHT = 12  # openbox's default theme: the close button's centre, from the frame's edge


@pytest.mark.timeout(180)
def test_the_title_bar_close_during_an_import_asks_then_stops(
    x_display: dict[str, str], exchange_files: Path, tmp_path: Path
) -> None:
    env = dict(x_display, SMSOAT_DATA_DIR=str(tmp_path / "data"))
    state = tmp_path / "state.sqlite3"
    app = subprocess.Popen(
        [sys.executable, "-m", "tests.x11.close_during_import", str(state), str(exchange_files)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert app.stdout is not None
        assert app.stdout.readline().strip() == "importing"
        main = _find(env, app.pid, "^SMS OAT Studio$", 20)
        assert main is not None, "the main window is not on screen"
        click_close_button(env, main)
        question = _find(env, app.pid, "Import running", 5)
        assert question is not None, "the title-bar × of the main window asked nothing"
        xdotool(env, "windowactivate", "--sync", question)
        xdotool(env, "key", "--clearmodifiers", "alt+y")  # Yes: stop it and close
        code = app.wait(60)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.stderr is not None
    errors = app.stderr.read()
    assert code == 0, errors
    assert not any(sign in errors for sign in BAD_SIGNS), errors
    with sqlite3.connect(state) as conn:
        imported = conn.execute("SELECT COUNT(*) FROM rounds").fetchone()[0]
    assert 0 < imported < FILES, f"{imported} of {FILES} rounds imported: the import did not stop"
