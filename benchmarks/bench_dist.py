"""The frozen bundle: its size and its cold start, next to a bare PySide6 window in the same run.

Run after `make dist`: .venv/bin/python benchmarks/bench_dist.py [--repeat N]
Budgets (installer issue): ≤ 110 MB unpacked, ≤ 35 MB archived, start ≤ 1.5 × the bare window.
Sizes are in MB (10^6 bytes), counting every regular file once and symlinks not at all.
"""

from __future__ import annotations

import argparse
import os
import statistics
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
        f"unpacked bundle: {unpacked:.1f} MB  (budget 110)  {'OK' if unpacked <= 110 else 'OVER'}"
    )
    if archives:
        packed = archives[-1].stat().st_size / 1e6
        verdict = "OK" if packed <= 35 else "OVER"
        print(f"archive {archives[-1].name}: {packed:.1f} MB  (budget 35)  {verdict}")
    with tempfile.TemporaryDirectory() as tmp:
        db, env = prepared(tmp)
        frozen = [str(exe), "--db", str(db)]
        bare = [sys.executable, "-c", BARE]
        timed(frozen, env)
        timed(bare, env)
        frozen_times, bare_times = [], []
        for _ in range(args.repeat):
            bare_times.append(timed(bare, env))
            frozen_times.append(timed(frozen, env))
    f, b = statistics.median(frozen_times), statistics.median(bare_times)
    print(f"bare PySide6 window (median of {args.repeat}): {b:.3f} s")
    print(f"frozen app home window (median of {args.repeat}): {f:.3f} s")
    print(f"ratio: {f / b:.2f}  (budget 1.5)  {'OK' if f / b <= 1.5 else 'OVER'}")


if __name__ == "__main__":
    main()
