"""The frozen bundle: its size and its cold start, next to a bare PySide6 window in the same run.

Run after `make dist`: .venv/bin/python benchmarks/bench_dist.py [--repeat N]
Budgets (installer issue): ≤ 110 MB unpacked, ≤ 35 MB archived, start ≤ 1.5 × the bare window;
targets (speed issue): ≤ 95 MB, ≤ 27 MB, start ≤ 1.2 × the bare window frozen the same way.
Sizes are in MB (10^6 bytes), counting every regular file once and symlinks not at all.

The bare window (benchmarks/bench_startup.BARE, one label) is frozen once with the same
PyInstaller, Python and PySide6 as a one-folder bundle into .build-work/bare/ (about a minute,
reused after); the start is also compared with the bare window run from source, as before.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.bench_startup import BARE, prepared, timed  # noqa: E402


def tree_size(folder: Path) -> int:
    total = 0
    for base, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(base) / name
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def frozen_bare() -> Path | None:
    """The bare window frozen one-folder (built on first use); None if PyInstaller fails."""
    work = ROOT / ".build-work" / "bare"
    script = work / "bare_window.py"
    exe = (
        work
        / "dist"
        / "bare_window"
        / ("bare_window.exe" if sys.platform == "win32" else "bare_window")
    )
    if exe.exists() and script.exists() and script.read_text("utf-8") == BARE:
        return exe
    work.mkdir(parents=True, exist_ok=True)
    script.write_text(BARE, "utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--onedir",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "work"),
            "--specpath",
            str(work),
            str(script),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not exe.exists():
        print(f"bench_dist: the frozen bare window could not be built: {done.stderr[-500:]}")
        return None
    return exe


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    bundle = ROOT / "dist" / "smsoat"
    exe = bundle / ("smsoat.exe" if sys.platform == "win32" else "smsoat")
    if not exe.exists():
        sys.exit("bench_dist: no frozen build; run `make dist` first")
    archives = sorted((ROOT / "dist").glob("smsoat-*.tar.xz")) + sorted(
        (ROOT / "dist").glob("smsoat-*.zip")
    )
    unpacked = tree_size(bundle) / 1e6
    print(
        f"unpacked bundle: {unpacked:.1f} MB  (budget 110, target 95)  "
        f"{'OK' if unpacked <= 95 else 'OVER'}"
    )
    if archives:
        packed = archives[-1].stat().st_size / 1e6
        verdict = "OK" if packed <= 27 else "OVER"
        print(f"archive {archives[-1].name}: {packed:.1f} MB  (budget 35, target 27)  {verdict}")
    bare_exe = frozen_bare()
    with tempfile.TemporaryDirectory() as tmp:
        db, env = prepared(tmp)
        commands = {
            "frozen app": [str(exe), "--db", str(db)],
            "bare window from source": [sys.executable, "-c", BARE],
        }
        if bare_exe is not None:
            commands["bare window frozen"] = [str(bare_exe)]
        for command in commands.values():  # warm the file cache once
            timed(command, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):  # alternating, so a busy moment hits them all alike
            for name, command in commands.items():
                times[name].append(timed(command, env))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, value in medians.items():
        print(f"{name + ' (median of ' + str(args.repeat) + ')':<40} {value:.3f} s")
    f = medians["frozen app"]
    b = medians["bare window from source"]
    print(f"ratio to the bare window from source: {f / b:.2f}  (budget 1.5)")
    if "bare window frozen" in medians:
        ratio = f / medians["bare window frozen"]
        verdict = "OK" if ratio <= 1.2 else "OVER"
        print(f"ratio to the bare window frozen the same way: {ratio:.2f}  (target 1.2)  {verdict}")


if __name__ == "__main__":
    main()
