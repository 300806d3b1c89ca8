"""The CI steps have one source of truth: build/ci.py, called by make (and so .ci/run) and by
the hosted workflow, so Windows and macOS runners run the same steps as this machine."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_make_and_the_workflow_run_the_same_script() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    workflow = (ROOT / ".github" / "workflows" / "build.yml").read_text("utf-8")
    assert "build/ci.py lint types tests" in makefile
    assert "build/ci.py dist-check" in makefile and "build/ci.py dist\n" in makefile
    assert "python build/ci.py all" in workflow
    # No second copy of a step's command outside the script.
    assert "-m pytest -q --cov" not in workflow and "pyinstaller --noconfirm" not in workflow


def test_an_unknown_step_is_refused_with_one_line() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "build" / "ci.py"), "tset"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "unknown step 'tset'" in done.stderr


def test_a_failing_step_stops_the_run_with_its_status() -> None:
    sys.path.insert(0, str(ROOT / "build"))
    try:
        import ci
    finally:
        sys.path.pop(0)
    ran: list[str] = []

    def fails() -> None:
        ran.append("fails")
        raise ci.StepFailed(3)

    steps = dict(ci.STEPS)
    try:
        ci.STEPS.clear()
        ci.STEPS.update({"a": fails, "b": lambda: ran.append("b")})
        assert ci.main(["a", "b"]) == 3
    finally:
        ci.STEPS.clear()
        ci.STEPS.update(steps)
    assert ran == ["fails"]
