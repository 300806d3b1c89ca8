"""(X) Closing the app while background work runs ends cleanly, every time.

Before the fix, Ctrl+Q during a roll-up PDF logged "RuntimeError: Signal source has been deleted"
8 times out of 8 here, and the issue saw "Fatal Python error: bool_dealloc / none_dealloc" after
PDF and export work: pool threads outlived the window and the interpreter.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.x11.close_during_task import KINDS
from tests.x11.conftest import xdotool

REPO = Path(__file__).resolve().parents[2]
ROUNDS = 3
BAD_SIGNS = ("Fatal Python error", "Traceback", "RuntimeError", "Signal source")


@pytest.mark.timeout(180)
@pytest.mark.parametrize("kind", KINDS)
def test_ctrl_q_during_background_work_exits_cleanly(
    x_display: dict[str, str], demo_db: Path, tmp_path: Path, kind: str
) -> None:
    env = dict(x_display, SMSOAT_DATA_DIR=str(tmp_path / "data"))
    for attempt in range(ROUNDS):
        out = tmp_path / f"out{attempt}"
        out.mkdir()
        app = subprocess.Popen(
            [sys.executable, "-m", "tests.x11.close_during_task", str(demo_db), kind, str(out)],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert app.stdout is not None
            assert app.stdout.readline().strip() == "started"
            window = xdotool(env, "search", "--sync", "--onlyvisible", "--pid", str(app.pid))
            xdotool(env, "windowactivate", "--sync", window.split()[0])
            xdotool(env, "key", "--clearmodifiers", "ctrl+q")  # real input (XTEST)
            code = app.wait(60)
        finally:
            if app.poll() is None:
                app.kill()
        assert app.stderr is not None
        errors = app.stderr.read()
        assert code == 0, errors
        assert not any(sign in errors for sign in BAD_SIGNS), errors
