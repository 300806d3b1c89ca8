"""Print the top-level modules the GUI imports on its way to the home window, one per line.

The spec collects these as plain .pyc files beside the executable instead of inside the compressed
PYZ archive: an import from the PYZ opens the executable, seeks, reads and inflates its entry in
Python code, which cost the frozen cold start about 15 ms over the ~100 modules of a start. The
rest (ReportLab, xlsxwriter, most of the standard library) stays compressed, so the bundle stays
small. The list is measured, not kept by hand: the app is started offscreen on an empty data
folder with the smoke-test switch that closes it once idle.

`modules_loaded_by_a_gui_start` is also what tests/test_architecture.py uses to keep modules the
home window does not need off the start-up path.

Run: .venv/bin/python build/startup_modules.py   (exit code 2 with one line on stderr if the app
could not be started; the spec then falls back to collecting just `app` this way)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = """
import atexit, sys
def report():
    # pure-Python modules only (extension modules are files of their own anyway), and not the
    # interpreter's start-up (site) or the editable install's import hooks
    skip = ('__main__', 'site', '_sitebuiltins', '_distutils_hack', '__editable__')
    for name, module in sorted(sys.modules.items()):
        if str(getattr(module, '__file__', None) or '').endswith('.py'):
            if not name.startswith(skip):
                print('loaded:' + name)
atexit.register(report)
from app.cli import main
sys.exit(main())
"""


def modules_loaded_by_a_gui_start(data_dir: Path, argv: Sequence[str] = ()) -> list[str]:
    """The pure-Python modules (full names) loaded by `smsoat ARGV` started offscreen on
    `data_dir` and closed by the smoke-test switch once its window is idle; RuntimeError with
    the last line of stderr when the app did not start."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        SMSOAT_DATA_DIR=str(data_dir),
        SMSOAT_SMOKE_EXIT_MS="0",
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip().splitlines()[-1:] or "no output")
    return [
        line.removeprefix("loaded:") for line in result.stdout.split() if line.startswith("loaded:")
    ]


def startup_modules() -> list[str]:
    """Top-level names of the modules a GUI start on an empty data folder loads."""
    with tempfile.TemporaryDirectory() as tmp:
        loaded = modules_loaded_by_a_gui_start(Path(tmp))
    return sorted({name.split(".")[0] for name in loaded})


def main() -> int:
    try:
        names = startup_modules()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        sys.stderr.write(f"startup_modules: the app did not start: {exc}\n")
        return 2
    sys.stdout.write("\n".join(names) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
