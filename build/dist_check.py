"""Runs the frozen app as a user would, headless, on any system (Linux, Windows, macOS).

Version, instruments, demo, score, check, a scorecard PDF, export and import (and a reader process
as large imports start them), a roll-up as XLSX
and PDF, a Spanish blank form, what printing needs (and no other Qt add-on) in the bundle, the GUI
started offscreen and closed by itself, and a bad command exiting 2 with one line. Each step must
succeed; data goes to a temporary folder, never the user's, and nothing may be written beside the
executable. `make dist-check` and CI run it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist" / "smsoat"


class CheckFailed(Exception):
    pass


def executable() -> Path:
    for name in ("smsoat", "smsoat.exe"):
        if (DIST / name).is_file():
            return DIST / name
    raise CheckFailed(f"no frozen app in {DIST}; run make dist")


def run(exe: Path, env: dict[str, str], *args: str, expect: int = 0) -> str:
    done = subprocess.run(
        [str(exe), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    if done.returncode != expect:
        raise CheckFailed(
            f"smsoat {' '.join(args)} exited {done.returncode} (expected {expect}):\n"
            f"{done.stdout}{done.stderr}"
        )
    if expect == 2:
        lines = done.stderr.strip().splitlines()
        if len(lines) != 1 or "Traceback" in done.stderr:
            raise CheckFailed(f"smsoat {' '.join(args)}: not one clear line:\n{done.stderr}")
    return done.stdout


def starts_with(path: Path, magic: bytes) -> None:
    if not path.read_bytes().startswith(magic):
        raise CheckFailed(f"{path.name} is not what it should be (expected {magic!r})")


# File › Print needs these; a PySide6-Addons or WebEngine module in the bundle is size for nothing
PRINT_NEEDS = ("QtPrintSupport", "pdfium")
NOT_WANTED = ("Qt6Pdf", "QtPdf", "WebEngine", "Qt3D", "QtCharts", "Qt6Charts", "QtMultimedia")


# build/trim_icu.py leaves ICU's data of root, English and Spanish: about 4.5 MB, not 32
ICU_DATA_MOST = 10_000_000


def bundled(dist: Path) -> None:
    names = [path.name for path in dist.rglob("*")]
    for icu in dist.rglob("libicudata.so*"):
        if icu.stat().st_size > ICU_DATA_MOST:
            raise CheckFailed(f"{icu.name} is {icu.stat().st_size / 1e6:.0f} MB: not trimmed")
    for needed in PRINT_NEEDS:
        if not any(needed in name for name in names):
            raise CheckFailed(f"{needed} is not in the bundle: File › Print would fail")
    extra = sorted({name for name in names for unwanted in NOT_WANTED if unwanted in name})
    if extra:
        raise CheckFailed(f"Qt add-ons the app does not use are in the bundle: {extra[:5]}")


def reader_process(exe: Path, env: dict[str, str], path: Path) -> None:
    """`smsoat --exchange-reader` answers in its protocol (a failing child would only make large
    imports slower, silently: this is where it shows)."""
    sys.path.insert(0, str(ROOT))
    from app.exchange.reader_process import FLAG, read_frame, write_frame

    child = subprocess.Popen(
        [str(exe), FLAG], env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert child.stdin is not None and child.stdout is not None
    write_frame(child.stdin, ("hello", []))
    write_frame(child.stdin, ("read", 0, str(path)))
    child.stdin.close()
    ready, answer = read_frame(child.stdout), read_frame(child.stdout)
    child.wait(timeout=60)
    if ready != ("ready",) or not answer or answer[:2] != ("ok", 0) or child.returncode != 0:
        raise CheckFailed(f"the reader process answered {ready!r}, {str(answer)[:200]}")


def check(exe: Path, work: Path) -> None:
    env = dict(os.environ, SMSOAT_DATA_DIR=str(work / "data"), QT_QPA_PLATFORM="offscreen")
    db, state = work / "data" / "check.sqlite3", work / "data" / "coordinator.sqlite3"
    (work / "data").mkdir()

    def step(text: str) -> None:
        print(f"dist-check: {text}", flush=True)

    version = run(exe, env, "--version")
    step(f"version: {version.strip()}")
    if "SMS OAT Studio" not in version:
        raise CheckFailed("--version does not name the app")
    step("instruments")
    if "sms-oat-bh" not in run(exe, env, "instrument", "list"):
        raise CheckFailed("the shipped instruments are not listed")
    step("instrument workbook round trip (openpyxl without lxml)")
    run(exe, env, "instrument", "template", "-o", str(work / "template.xlsx"))
    run(
        exe, env, "instrument", "from-xlsx", str(work / "template.xlsx"), "-o", str(work / "t.json")
    )
    if '"items"' not in (work / "t.json").read_text("utf-8"):
        raise CheckFailed("the workbook template did not convert to an instrument")
    step("demo")
    if "4 team members" not in run(exe, env, "--db", str(db), "demo"):
        raise CheckFailed("the demo did not add four team members")
    round_id = str(json.loads(run(exe, env, "--db", str(db), "rounds", "--json"))[0]["id"])
    scores = json.loads(run(exe, env, "--db", str(db), "score", round_id, "--json"))
    if len(scores["respondents"]) != 4:
        raise CheckFailed("the demo round's score does not list four respondents")
    step("check")
    if "OK" not in run(exe, env, "--db", str(db), "check"):
        raise CheckFailed("the integrity check did not say OK")
    step("scorecard PDF")
    run(exe, env, "--db", str(db), "report", "scorecard", round_id, "-o", str(work / "s.pdf"))
    starts_with(work / "s.pdf", b"%PDF-")
    step("export and import")
    run(exe, env, "--db", str(db), "export", round_id, "-o", str(work / "round.smsoat"))
    run(exe, env, "--db", str(state), "import", str(work / "round.smsoat"))
    if "Riverbend" not in run(exe, env, "--db", str(state), "rounds"):
        raise CheckFailed("the imported round is not listed")
    step("a reader process, as a large import starts them")
    reader_process(exe, env, work / "round.smsoat")
    step("state roll-up as XLSX and PDF, a blank form in Spanish")
    for suffix, magic in ((".xlsx", b"PK"), (".pdf", b"%PDF-")):
        target = work / f"state{suffix}"
        run(exe, env, "--db", str(state), "rollup", "--instrument", "sms-oat-bh", "-o", str(target))
        starts_with(target, magic)
    run(exe, env, "report", "blank", "sms-oat-bh", "--lang", "es", "-o", str(work / "b.pdf"))
    starts_with(work / "b.pdf", b"%PDF-")
    step("printing: QtPrintSupport and PDFium inside, no other Qt add-on")
    bundled(DIST)
    step("GUI starts offscreen and closes by itself")
    run(exe, dict(env, SMSOAT_SMOKE_EXIT_MS="1500"), "--db", str(db))
    step("bad input exits 2 with one line")
    run(exe, env, "--db", str(db), "score", "999", expect=2)
    run(exe, env, "--db", str(db), "report", "scorecard", round_id, "-o", str(db), expect=2)
    if (DIST / "data").exists():
        raise CheckFailed("data was written beside the executable")
    step("OK")


def main() -> int:
    try:
        exe = executable()
        with tempfile.TemporaryDirectory() as work:
            check(exe, Path(work))
    except (CheckFailed, subprocess.TimeoutExpired) as exc:
        print(f"dist-check: FAILED: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
