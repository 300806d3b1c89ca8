"""Files a person names are read only if they are regular files, and only up to their limit.

`instrument check /dev/zero` used 24 GB before the kernel stopped it; a FIFO or stdin blocked.
Each case runs the real command in a child process with a timeout, so a regression fails the test
instead of hanging or eating the machine's memory.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from app.core.bounded_read import FileRefused, read_regular_file
from app.core.catalog import load_catalog
from app.core.errors import InstrumentError
from app.core.instrument_loader import MAX_FILE_BYTES, load_instrument

REPO = Path(__file__).parent.parent
LIMIT_MEMORY = 1024**3  # the child may use 1 GB; reading /dev/zero unbounded would need far more


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_MEMORY, LIMIT_MEMORY))


def smsoat(*args: str, stdin: int | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=stdin is None,
        stdout=subprocess.PIPE if stdin is not None else None,
        stderr=subprocess.PIPE if stdin is not None else None,
        stdin=stdin,
        text=True,
        cwd=REPO,
        timeout=60,
        preexec_fn=_limit_memory,
    )


def _refused_in_one_line(done: subprocess.CompletedProcess[str], words: str) -> None:
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and words in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_instrument_check_refuses_a_fifo_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "instrument.json"
    os.mkfifo(fifo)
    _refused_in_one_line(smsoat("instrument", "check", str(fifo)), "a pipe (FIFO), not a file")


def test_instrument_check_refuses_dev_zero() -> None:
    _refused_in_one_line(smsoat("instrument", "check", "/dev/zero"), "a device, not a file")


def test_instrument_check_refuses_stdin() -> None:
    read, write = os.pipe()
    try:
        done = smsoat("instrument", "check", "/dev/stdin", stdin=read)
    finally:
        os.close(read)
        os.close(write)
    _refused_in_one_line(done, "a pipe (FIFO), not a file")


def test_instrument_check_refuses_a_folder(tmp_path: Path) -> None:
    _refused_in_one_line(smsoat("instrument", "check", str(tmp_path)), "a folder, not a file")


def test_report_blank_refuses_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "form.json"
    os.mkfifo(fifo)
    done = smsoat(
        "--db",
        str(tmp_path / "d.sqlite3"),
        "report",
        "blank",
        str(fifo),
        "-o",
        str(tmp_path / "x.pdf"),
    )
    _refused_in_one_line(done, "a pipe (FIFO), not a file")


def test_the_size_limit_is_read_not_trusted(tmp_path: Path) -> None:
    at_limit = tmp_path / "big.json"
    at_limit.write_bytes(b" " * MAX_FILE_BYTES)
    assert len(read_regular_file(at_limit, MAX_FILE_BYTES)) == MAX_FILE_BYTES
    with pytest.raises(InstrumentError, match="not valid JSON"):  # read, then parsed
        load_instrument(at_limit)
    with at_limit.open("ab") as handle:
        handle.write(b" ")
    with pytest.raises(InstrumentError, match="larger than 5 MB"):
        load_instrument(at_limit)
    with pytest.raises(FileRefused, match="larger than 10 bytes"):
        read_regular_file(at_limit, 10)


def test_a_fifo_in_the_instruments_folder_is_skipped(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a.json")
    (tmp_path / "b.json").symlink_to("/dev/zero")
    catalog = load_catalog([tmp_path])
    assert catalog.instruments == {} and catalog.errors == []


def test_import_refuses_a_fifo_and_a_device_without_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "round.smsoat"
    os.mkfifo(fifo)
    done = smsoat("--db", str(tmp_path / "d.sqlite3"), "import", str(fifo), "/dev/zero")
    assert done.returncode == 2, done.stderr
    assert f"refused {fifo}: this is a pipe (FIFO), not a file" in done.stderr
    assert "refused /dev/zero: this is a device, not a file" in done.stderr
    assert "Traceback" not in done.stderr
