"""The log file rotates at start once it is big, keeping three older files."""

from __future__ import annotations

from pathlib import Path

from app.logging_setup import rotate


def test_a_big_log_is_shifted_and_the_oldest_dropped(tmp_path: Path) -> None:
    log = tmp_path / "smsoat.log"
    log.write_text("current" * 10)
    for n in (1, 2, 3):
        (tmp_path / f"smsoat.log.{n}").write_text(f"old {n}")
    rotate(log, max_bytes=50, keep=3)
    assert not log.exists()
    assert (tmp_path / "smsoat.log.1").read_text() == "current" * 10
    assert (tmp_path / "smsoat.log.2").read_text() == "old 1"
    assert (tmp_path / "smsoat.log.3").read_text() == "old 2"
    assert not (tmp_path / "smsoat.log.4").exists()


def test_a_small_or_missing_log_is_left_alone(tmp_path: Path) -> None:
    log = tmp_path / "smsoat.log"
    rotate(log, max_bytes=50)
    assert not log.exists()
    log.write_text("short")
    rotate(log, max_bytes=50)
    assert log.read_text() == "short"
    assert not (tmp_path / "smsoat.log.1").exists()
