"""Issues 15/20: a large import reads its files in child processes while this one writes.

The children must change nothing but the speed: the same reports, the same refusals (type,
words, problems), the same data; a child that dies, hangs or never starts costs nothing but time;
the coordinator's secret keys never appear on a command line."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.core.instrument import Instrument
from app.db.connection import open_database
from app.exchange import errors, importer, reader_pool
from app.exchange.importer import Keys, import_file, import_files
from app.exchange.reader_pool import ReaderPool, UnforeseenInReader
from app.exchange.reader_process import read_frame, serve, write_frame
from app.services.keys import KeyRing
from tests.test_import_batch import _agency_files

QUERY = (
    "SELECT o.name, r.uuid, p.uuid, p.display_name, count(*) FROM rounds r"
    " JOIN organizations o ON o.id = r.organization_id"
    " JOIN respondents p ON p.round_id = r.id JOIN responses a ON a.respondent_id = p.id"
    " GROUP BY p.id"
)


@pytest.fixture
def coordinator(tmp_path: Path) -> KeyRing:
    ring = KeyRing(tmp_path / "coordinator-keys")
    ring.create_coordinator()
    return ring


def _batch(tmp_path: Path, mini: Instrument, coordinator: KeyRing) -> list[Path]:
    recipient = coordinator.coordinator_keys()[0].recipient
    files = _agency_files(tmp_path, mini, 7, recipient=recipient)
    damaged = tmp_path / "in" / "damaged.smsoat"
    damaged.write_bytes(files[2].read_bytes()[:-40])  # cut short: refused
    files.insert(3, damaged)
    files.insert(5, tmp_path / "in" / "missing.smsoat")
    return files


def _children_take_every_file(monkeypatch: pytest.MonkeyPatch, readers: int) -> list[ReaderPool]:
    """Every batch gets `readers` children, and waits for them (none of its files read here)."""
    used: list[ReaderPool] = []

    class Waiting(ReaderPool):
        def readings(self, files: Any, *, here_until_ready: bool = True) -> Any:
            used.append(self)
            return super().readings(files, here_until_ready=False)

    monkeypatch.setattr(importer, "READERS", readers)
    monkeypatch.setattr(importer, "POOL_MIN_FILES", 0)
    monkeypatch.setattr(importer, "ReaderPool", Waiting)
    return used


def _import(db: Path, files: list[Path], ring: KeyRing) -> tuple[list[Any], list[Any]]:
    (ring.folder / "trusted-agencies.json").unlink(missing_ok=True)  # no agency trusted yet
    conn = open_database(db)
    reports = import_files(conn, files, keys=Keys(ring))
    seen = [
        (r.status, r.name, r.agency_name, r.envelope, type(r.error).__name__, r.reason)
        for r in reports
    ]
    rows = sorted(map(tuple, conn.execute(QUERY)))
    conn.close()
    return seen, rows


@pytest.mark.parametrize("readers", [1, 2])
def test_children_import_exactly_what_reading_in_line_imports(
    tmp_path: Path,
    mini: Instrument,
    coordinator: KeyRing,
    monkeypatch: pytest.MonkeyPatch,
    readers: int,
) -> None:
    files = _batch(tmp_path, mini, coordinator)
    monkeypatch.setattr(importer, "READERS", 0)
    in_line = _import(tmp_path / "in-line.sqlite3", files, coordinator)

    used = _children_take_every_file(monkeypatch, readers)
    pooled = _import(tmp_path / "pooled.sqlite3", files, coordinator)
    assert pooled == in_line
    statuses = [s[0] for s in in_line[0]]
    assert statuses.count("new") == 7 and statuses.count("refused") == 2
    assert used and used[0].answered == len(files)  # every file read by a child


def test_a_small_batch_starts_no_child(
    tmp_path: Path, mini: Instrument, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[object] = []
    monkeypatch.setattr(importer, "ReaderPool", lambda *a: started.append(a))
    files = _agency_files(tmp_path, mini, 3)
    reports = import_files(open_database(":memory:"), files)
    assert [r.status for r in reports] == ["new"] * 3
    assert started == []


@pytest.mark.parametrize(
    "script",
    [
        "import sys",  # exits at once: never ready
        # ready, then dies after the first request
        "import sys, struct\n"
        "from app.exchange.reader_process import read_frame, write_frame\n"
        "read_frame(sys.stdin.buffer); write_frame(sys.stdout.buffer, ('ready',))\n"
        "read_frame(sys.stdin.buffer)",
        # ready, then answers out of turn
        "import sys\n"
        "from app.exchange.reader_process import read_frame, write_frame\n"
        "read_frame(sys.stdin.buffer); write_frame(sys.stdout.buffer, ('ready',))\n"
        "read_frame(sys.stdin.buffer); write_frame(sys.stdout.buffer, ('ok', 99))\n"
        "sys.stdin.buffer.read()",
        # ready, then garbage instead of a frame
        "import sys\n"
        "from app.exchange.reader_process import read_frame, write_frame\n"
        "read_frame(sys.stdin.buffer); write_frame(sys.stdout.buffer, ('ready',))\n"
        "sys.stdout.buffer.write(b'\\xff' * 64); sys.stdout.flush(); sys.stdin.buffer.read()",
    ],
    ids=["never-ready", "dies", "out-of-turn", "garbage"],
)
def test_a_failing_child_costs_nothing_but_time(
    tmp_path: Path,
    mini: Instrument,
    coordinator: KeyRing,
    monkeypatch: pytest.MonkeyPatch,
    script: str,
) -> None:
    files = _batch(tmp_path, mini, coordinator)
    monkeypatch.setattr(importer, "READERS", 0)
    in_line = _import(tmp_path / "in-line.sqlite3", files, coordinator)
    monkeypatch.setattr(reader_pool, "READY_TIMEOUT", 5.0)
    monkeypatch.setattr(reader_pool, "reader_command", lambda: [sys.executable, "-c", script])
    pool = ReaderPool(Keys(coordinator).identities(), 1)
    conn = open_database(tmp_path / "pooled.sqlite3")
    (coordinator.folder / "trusted-agencies.json").unlink()
    with coordinator.batch(), pool:
        reports = [
            import_file(conn, path, keys=Keys(coordinator), read=read)
            for path, read in pool.readings(files, here_until_ready=False)
        ]
    seen = [
        (r.status, r.name, r.agency_name, r.envelope, type(r.error).__name__, r.reason)
        for r in reports
    ]
    assert (seen, sorted(map(tuple, conn.execute(QUERY)))) == in_line
    assert pool.answered == 0


def test_a_stuck_child_is_ended_and_its_file_read_here(
    tmp_path: Path, mini: Instrument, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = (
        "import sys, time\n"
        "from app.exchange.reader_process import read_frame, write_frame\n"
        "read_frame(sys.stdin.buffer); write_frame(sys.stdout.buffer, ('ready',))\n"
        "time.sleep(60)"
    )
    monkeypatch.setattr(reader_pool, "reader_command", lambda: [sys.executable, "-c", script])
    monkeypatch.setattr(reader_pool, "ANSWER_TIMEOUT", 0.5)
    files = _agency_files(tmp_path, mini, 3)
    conn = open_database(":memory:")
    with ReaderPool([], 1) as pool:
        reports = [
            import_file(conn, p, read=r) for p, r in pool.readings(files, here_until_ready=False)
        ]
        child = pool._children[0]
        assert child.gone and child.process.poll() is not None
    assert [r.status for r in reports] == ["new"] * 3


def test_secret_keys_go_to_the_child_on_its_input_never_its_command_line(
    coordinator: KeyRing, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Any] = []
    real = subprocess.Popen

    def spy(args: list[str], **kwargs: Any) -> Any:
        seen.append((args, kwargs.get("env")))
        return real(args, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", spy)
    secrets = [str(i) for i in Keys(coordinator).identities()]
    assert secrets and all(s.startswith("AGE-SECRET-KEY-") for s in secrets)
    with ReaderPool(Keys(coordinator).identities(), 2):
        pass
    assert len(seen) == 2
    for args, env in seen:
        assert "--exchange-reader" in args
        for secret in secrets:
            assert all(secret not in a for a in args)
            assert all(secret not in v for v in env.values())


def test_the_pool_ends_its_children(coordinator: KeyRing) -> None:
    pool = ReaderPool(Keys(coordinator).identities(), 2)
    processes = [c.process for c in pool._children]
    assert len(processes) == 2
    pool.close()
    assert all(p.poll() is not None for p in processes)


# ----- the protocol, in this process ------------------------------------------------------------


def _serve(messages: list[object]) -> list[Any]:
    inp, out = io.BytesIO(), io.BytesIO()
    for message in messages:
        write_frame(inp, message)
    inp.seek(0)
    stdout = sys.stdout
    try:
        assert serve(inp, out) == 0
    finally:
        sys.stdout = stdout
    out.seek(0)
    replies = []
    while (reply := read_frame(out)) is not None:
        replies.append(reply)
    return replies


def test_the_child_sends_each_instrument_once_and_refusals_as_words(
    tmp_path: Path, mini: Instrument
) -> None:
    files = _agency_files(tmp_path, mini, 2)
    bad = tmp_path / "bad.smsoat"
    bad.write_bytes(b"PK\x03\x04 not really")
    replies = _serve([("hello", [])] + [("read", i, str(p)) for i, p in enumerate([*files, bad])])
    assert replies[0] == ("ready",)
    first, second, refused = replies[1:]
    assert first[0] == second[0] == "ok" and [first[1], second[1]] == [0, 1]
    assert first[3] is not None and first[3].content_hash == first[4] == mini.content_hash
    assert second[3] is None  # the parent has it already
    assert "members" not in first[2] and first[2]["name"] == files[0].name
    assert refused[:3] == ("refused", 2, "TruncatedFileError")
    assert refused[3].startswith("bad.smsoat: ")


def test_refusals_and_unforeseen_errors_come_back_as_they_would_here() -> None:
    pool = ReaderPool([], 0)
    with pytest.raises(errors.SchemaViolationError) as refused:
        pool._result(("refused", 0, "SchemaViolationError", "x.smsoat: bad.", ["one", "two"]))
    assert str(refused.value) == "x.smsoat: bad." and refused.value.problems == ["one", "two"]
    with pytest.raises(errors.ExchangeFileError) as unknown:  # never a class outside errors
        pool._result(("refused", 0, "SystemExit", "x.smsoat: odd.", []))
    assert type(unknown.value) is errors.ExchangeFileError
    with pytest.raises(UnforeseenInReader) as odd:
        pool._result(("unforeseen", 0, "KeyError", "'x'", "Traceback…"))
    report = importer._unforeseen(Path("odd.smsoat"), odd.value)
    assert report.refused and "(KeyError)" in report.reason


def test_a_frame_larger_than_any_message_is_refused() -> None:
    stream = io.BytesIO((200 * 1024 * 1024).to_bytes(4, "little") + b"x")
    with pytest.raises(ValueError):
        read_frame(stream)


def test_the_hello_must_come_first() -> None:
    inp, out = io.BytesIO(), io.BytesIO()
    write_frame(inp, ("read", 0, "x"))
    inp.seek(0)
    stdout = sys.stdout
    try:
        assert serve(inp, out) == 2
    finally:
        sys.stdout = stdout
    assert out.getvalue() == b""


def test_a_real_child_process_starts_and_reads(
    tmp_path: Path, mini: Instrument, coordinator: KeyRing
) -> None:
    recipient = coordinator.coordinator_keys()[0].recipient
    files = _agency_files(tmp_path, mini, 2, recipient=recipient)
    conn: sqlite3.Connection = open_database(":memory:")
    with ReaderPool(Keys(coordinator).identities(), 1) as pool:
        readings = list(pool.readings(files, here_until_ready=False))
        reports = [import_file(conn, p, keys=Keys(coordinator), read=r) for p, r in readings]
    assert [r.status for r in reports] == ["new", "new"]
    assert all(r.file is not None and r.file.sealed for r in reports)
    assert pool.answered == 2


def test_the_preview_reads_in_children_too_and_says_the_same(
    tmp_path: Path, mini: Instrument, coordinator: KeyRing, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _batch(tmp_path, mini, coordinator)
    conn = open_database(tmp_path / "here.sqlite3")
    keys = Keys(coordinator)

    def seen() -> list[Any]:
        return [
            (r.status, r.name, r.envelope, type(r.error).__name__, r.reason, r.answer_count)
            for r in importer.preview_files(conn, files, keys=keys)
        ]

    monkeypatch.setattr(importer, "READERS", 0)
    in_line = seen()
    used = _children_take_every_file(monkeypatch, 2)
    assert seen() == in_line
    assert [s[0] for s in in_line].count("new") == 7
    assert used[0].answered == len(files)
    assert conn.execute("SELECT count(*) FROM rounds").fetchone()[0] == 0  # nothing written


@pytest.mark.parametrize(("cores", "readers"), [(1, 0), (2, 1), (3, 2), (4, 3), (8, 4), (64, 4)])
def test_one_reader_per_core_but_the_writers(
    monkeypatch: pytest.MonkeyPatch, cores: int, readers: int
) -> None:
    monkeypatch.setattr(reader_pool.os, "sched_getaffinity", lambda _pid: set(range(cores)))
    assert reader_pool.reader_count() == readers


def test_one_core_reads_in_line(
    tmp_path: Path, mini: Instrument, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "reader_count", lambda: 0)
    monkeypatch.setattr(importer, "POOL_MIN_FILES", 0)
    started: list[object] = []
    monkeypatch.setattr(importer, "ReaderPool", lambda *a: started.append(a))
    files = _agency_files(tmp_path, mini, 2)
    assert [r.status for r in import_files(open_database(":memory:"), files)] == ["new"] * 2
    assert started == []
