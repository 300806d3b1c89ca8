"""(X, AT-SPI) What a screen reader gets from the rating screen, read through AT-SPI itself.

Qt's own QAccessible answers are not what reaches Orca: the bridge to AT-SPI drops, renames and
reorders things (a label has no text interface there; a checkable push button is a check box).
So these tests start the app with a session bus and at-spi2-core (the atspi_env fixture), and
read the live tree with the system Python and pyatspi (atspi_tree.py), as a screen reader does.
"""

from __future__ import annotations

import select
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.x11.conftest import nodes, read_tree

REPO = Path(__file__).resolve().parents[2]
PERSON = 1  # Alex Rivera in the demo round


class App:
    def __init__(self, process: subprocess.Popen[str], env: dict[str, str]) -> None:
        self.process = process
        self.env = env

    def tree(self, *wait_for: str, timeout: float = 10.0) -> tuple[bool, dict[str, Any]]:
        return read_tree(self.env, self.process.pid, *wait_for, timeout=timeout)


@pytest.fixture
def rating_app(atspi_env: dict[str, str], demo_db: Path, tmp_path: Path) -> Iterator[App]:
    """The app on the demo round, on Alex Rivera's rating screen (item 1.1.1), on the bus."""
    env = dict(atspi_env, SMSOAT_DATA_DIR=str(tmp_path / "data"))
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.x11.rating_screen", str(demo_db), str(PERSON)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 20
        line = ""
        while not line and time.monotonic() < deadline and process.poll() is None:
            if select.select([process.stdout], [], [], 0.2)[0]:
                line = process.stdout.readline().strip()
        assert line == "ready", f"the app did not open the rating screen (exit {process.poll()})"
        yield App(process, env)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@pytest.mark.timeout(60)
def test_the_live_tree_of_the_rating_screen_is_read_through_atspi(rating_app: App) -> None:
    found, tree = rating_app.tree("Rating as Alex Rivera")
    assert found, [n["name"] for n in nodes(tree)]
    assert tree["role"] == "application"
    frames = [n for n in tree["children"] if n["role"] == "frame"]
    assert frames and frames[0]["name"] == "SMS OAT Studio"
    names = [n["name"] for n in nodes(tree)]
    assert any(name.startswith("Item 1.1.1") for name in names), names
