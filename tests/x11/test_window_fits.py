"""(X) The window fits a 1366×768 screen on first start and stays inside it on every page, even
with 200-character agency, round and person names.

Found by hand: the first start opened 1200×760 on a 768 px screen (the status bar cut off by the
window manager's title bar), and a 76-character name on the rating page grew the window to
1434 px for the rest of the session.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from app.db import organizations, responses, rounds
from app.db.connection import open_database
from app.services.catalog import default_catalog
from tests.x11.conftest import xdotool

REPO = Path(__file__).resolve().parents[2]
SCREEN_W, SCREEN_H = 1366, 768
LONG = 200


def long_named_round(db: Path) -> None:
    conn = open_database(db)
    org = organizations.create(conn, ("Riverbend Community Behavioral Health " * 6)[:LONG])
    instrument = default_catalog().get("sms-oat-bh")
    rnd = rounds.create(
        conn,
        org.id,
        instrument,
        ("Spring review " * 15)[:LONG],
        date(2026, 1, 1),
        date(2026, 3, 31),
    )
    person = rounds.add_respondent(
        conn, rnd.id, ("María José Fernández-Castellanos " * 7)[:LONG], "clinical_staff"
    )
    for item in instrument.items[:3]:
        responses.save_answer(conn, person.id, item.id, item.scale.choices[1].code)
    conn.close()


def geometry(env: dict[str, str], window: str) -> dict[str, int]:
    text = xdotool(env, "getwindowgeometry", "--shell", window)
    values = dict(line.split("=", 1) for line in text.split())
    return {key: int(value) for key, value in values.items() if key in "XYWIDTHHEIGHT"}


@pytest.mark.timeout(180)
def test_every_page_fits_the_screen_with_long_names(
    x_display: dict[str, str], tmp_path: Path
) -> None:
    db = tmp_path / "agency.sqlite3"
    long_named_round(db)
    out = tmp_path / "acks"
    out.mkdir()
    env = dict(x_display, SMSOAT_DATA_DIR=str(tmp_path / "data"))  # no saved geometry: first start
    app = subprocess.Popen(
        [sys.executable, "-m", "tests.x11.show_pages", str(db), str(out)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: dict[str, dict[str, int]] = {}
    try:
        assert app.stdout is not None
        for line in app.stdout:
            page = line.strip()
            window = xdotool(env, "search", "--sync", "--onlyvisible", "--pid", str(app.pid))
            seen[page] = geometry(env, window.split()[0])
            (out / f"ack-{page}").touch()
        code = app.wait(60)
    finally:
        if app.poll() is None:
            app.kill()
    assert code == 0, app.stderr.read() if app.stderr else ""
    assert "walkthrough" in seen and "coordinator" in seen and "home-again" in seen
    too_big = {
        page: g
        for page, g in seen.items()
        if g["X"] < 0
        or g["Y"] < 0
        or g["X"] + g["WIDTH"] > SCREEN_W
        or g["Y"] + g["HEIGHT"] > SCREEN_H
    }
    assert not too_big, f"pages outside the {SCREEN_W}×{SCREEN_H} screen: {too_big}"
