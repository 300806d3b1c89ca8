"""(X) The settings dialog after the text size changes while it is open: nothing is cut.

Found by hand under a window manager: from small to large text with the dialog open, the
dialog kept its size and the language box was too low for its text ("Español" lost its tilde).
Offscreen Qt did not show it; here the keys are real (xdotool) and openbox places the window.
Not reproduced here either (small to large and back, English): this test guards it, measuring
the room each box and label gives its text against what the text needs at the new size."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.x11.conftest import xdotool

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    ("start", "goal", "keys", "points"),
    [("small", "large", ["Down", "Down"], 15), ("large", "small", ["Up", "Up"], 10)],
    ids=["small-to-large", "large-to-small"],
)
def test_the_settings_dialog_fits_its_text_after_a_size_change(
    x_display: dict[str, str], tmp_path: Path, start: str, goal: str, keys: list[str], points: int
) -> None:
    env = dict(x_display, SMSOAT_DATA_DIR=str(tmp_path / "data"))
    app = subprocess.Popen(
        [sys.executable, "-m", "tests.x11.settings_dialog", start, goal],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert app.stdout is not None
        assert app.stdout.readline().strip() == "shown"
        window = xdotool(env, "search", "--sync", "--onlyvisible", "--pid", str(app.pid)).split()[0]
        xdotool(env, "windowactivate", "--sync", window)
        xdotool(env, "key", "--window", window, "--delay", "150", *keys)
        result = json.loads(app.stdout.readline())
        code = app.wait(30)
    finally:
        if app.poll() is None:
            app.kill()
    assert code == 0, app.stderr.read() if app.stderr else ""
    assert result["font_pt"] == points, f"the text size did not reach {goal}"
    cut = {
        name: size
        for name, size in result["parts"].items()
        if size[0] < size[2] or size[1] < size[3]  # less room than its text needs
    }
    assert cut == {}, f"cut after the text size changed (room w, h; needed w, h): {cut}"
    width, height, need_w, need_h = result["dialog"]
    assert width >= need_w and height >= need_h, result["dialog"]
