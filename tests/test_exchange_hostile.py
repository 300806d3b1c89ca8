"""Hostile and damaged exchange files: each one refused with its reason, the database unchanged.

Every file here is built for real (zip containers with lying headers, bombs, traversal paths,
duplicate members, broken encodings …) and imported into a database that already holds data, to
prove a refusal writes nothing. Property-based tests then fuzz the manifest, the round data and
the raw bytes: whatever comes in, the importer either imports a valid round or refuses with a
typed error; it never crashes and never half-writes.
"""

from __future__ import annotations

import copy
import io
import json
import os
import sqlite3
import struct
import warnings
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from app.core.instrument import Instrument
from app.db.connection import open_database
from app.exchange import errors, reader
from app.exchange.export import Privacy, export_round
from app.exchange.format import (
    INSTRUMENT,
    MANIFEST,
    ROUND,
    SCORECARD_PDF,
    SCORES_CSV,
    json_bytes,
    sha256_hex,
)
from app.exchange.importer import import_bytes, import_file
from app.exchange.validate import check_round
from app.services.integrity import check_database
from tests.test_exchange import SCHEMA_DIR, db_dump, filled_round, members_of


class Members(dict[str, bytes]):
    """The members of a good file; a short repr keeps failure reports readable."""

    def __repr__(self) -> str:
        return f"<members {sorted(self)}>"


@pytest.fixture(scope="module")
def good_members() -> dict[str, bytes]:
    from app.core.instrument_loader import load_instrument
    from tests.conftest import FIXTURES

    mini = load_instrument(FIXTURES / "mini.json")
    conn = open_database(":memory:")
    data = export_round(
        conn, filled_round(conn, mini, agency="Sender").id, privacy=Privacy(comments=True)
    )
    conn.close()
    return Members(members_of(data))


@pytest.fixture
def here(mini: Instrument) -> Iterator[sqlite3.Connection]:
    """The receiving database, already holding another agency's round."""
    conn = open_database(":memory:")
    filled_round(conn, mini, agency="Already here")
    yield conn
    conn.close()


def zip_of(entries: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names we make
        with zipfile.ZipFile(buffer, "w", compression=method) as archive:
            for name, data in entries:
                kind = zipfile.ZIP_STORED if name == SCORECARD_PDF else method
                archive.writestr(zipfile.ZipInfo(name, (2000, 1, 1, 0, 0, 0)), data, kind)
    return buffer.getvalue()


def rebuild(
    members: dict[str, bytes],
    *,
    manifest: dict[str, Any] | None = None,
    extra: list[tuple[str, bytes]] = (),  # type: ignore[assignment]
) -> bytes:
    """An archive whose manifest lists the right checksums of `members` (unless given)."""
    if manifest is None:
        manifest = json.loads(members[MANIFEST])
        manifest["members"] = {
            name: {"sha256": sha256_hex(data), "size": len(data)}
            for name, data in members.items()
            if name != MANIFEST
        }
    entries = [(MANIFEST, json_bytes(manifest))]
    entries += [(n, d) for n, d in members.items() if n != MANIFEST]
    return zip_of(entries + list(extra))


def with_round(good: dict[str, bytes], change: Any) -> bytes:
    members = dict(good)
    doc = json.loads(members[ROUND])
    change(doc)
    members[ROUND] = json_bytes(doc)
    return rebuild(members)


def with_manifest(good: dict[str, bytes], change: Any) -> bytes:
    manifest = json.loads(good[MANIFEST])
    change(manifest)
    return rebuild(good, manifest=manifest)


_SEALING: dict[str, Any] = {}


@pytest.fixture(autouse=True, params=["plain", "sealed", "sealed-in-reader"])
def envelope(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """Every hostile file three times: as it is, sealed (age) for the coordinator, who opens it
    first and must then refuse it for the same reason, the database unchanged (issue 15), and
    sealed and read by a reader process, as a large import reads it (issues 15/20)."""
    from app.exchange.importer import Keys
    from app.exchange.reader_pool import ReaderPool
    from app.services.keys import KeyRing

    _SEALING.clear()
    if request.param.startswith("sealed"):
        if "ring" not in _SEALING_RING:
            ring = KeyRing(tmp_path_factory.mktemp("coordinator") / "keys")
            _SEALING_RING["ring"] = (ring, ring.create_coordinator().recipient)
        ring, recipient = _SEALING_RING["ring"]
        _SEALING.update(keys=Keys(ring), recipient=recipient)
    if request.param == "sealed-in-reader":
        pool = ReaderPool(_SEALING["keys"].identities(), 1)
        _SEALING.update(pool=pool, folder=tmp_path_factory.mktemp("hostile"))
        yield
        pool.close()
        return
    yield


_SEALING_RING: dict[str, Any] = {}


def refused(
    conn: sqlite3.Connection, data: bytes, kind: type[errors.ExchangeFileError], *words: str
) -> errors.ExchangeFileError:
    before = db_dump(conn)
    if _SEALING:
        from app.exchange.envelope import seal

        data = seal(data, [_SEALING["recipient"]])
        if "pool" in _SEALING:
            path = _SEALING["folder"] / "hostile.smsoat"
            path.write_bytes(data)
            pool, answered = _SEALING["pool"], _SEALING["pool"].answered
            [(_, read)] = list(pool.readings([path], here_until_ready=False))
            report = import_file(conn, path, keys=_SEALING["keys"], read=read)
            assert pool.answered == answered + 1  # read by the child, not here
        else:
            report = import_bytes(conn, data, "hostile.smsoat", keys=_SEALING["keys"])
    else:
        report = import_bytes(conn, data, "hostile.smsoat")
    assert report.refused, "the file was accepted"
    assert type(report.error) is kind, f"{type(report.error).__name__}: {report.reason}"
    assert report.reason.startswith("hostile.smsoat: ")
    for word in words:
        assert word in report.reason
    assert db_dump(conn) == before
    assert report.error is not None
    return report.error


def test_the_good_file_is_accepted(
    here: sqlite3.Connection, good_members: dict[str, bytes]
) -> None:
    report = import_bytes(here, rebuild(good_members), "good.smsoat")
    assert report.written, report.reason


# ----- not an exchange file ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "data", [b"hello, world", b"%PDF-1.4 not a zip", b"agency,round\n", b"\x00" * 100]
)
def test_not_a_zip(here: sqlite3.Connection, data: bytes) -> None:
    refused(here, data, errors.NotAZipError, "not a zip")


def test_empty(here: sqlite3.Connection) -> None:
    refused(here, b"", errors.EmptyFileError, "empty")


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.999])
def test_truncated(here: sqlite3.Connection, good_members: dict[str, bytes], keep: float) -> None:
    data = rebuild(good_members)
    refused(here, data[: int(len(data) * keep)], errors.TruncatedFileError, "truncated")


def test_a_zip_of_something_else(here: sqlite3.Connection) -> None:
    refused(here, zip_of([("photo.jpg", b"\xff\xd8\xff")]), errors.UnexpectedMemberError)


# ----- checksums --------------------------------------------------------------------------------


def test_member_changed_after_writing(
    here: sqlite3.Connection, good_members: dict[str, bytes]
) -> None:
    members = dict(good_members)
    members[ROUND] = members[ROUND].replace(b"Sender", b"Tamper")
    manifest = json.loads(good_members[MANIFEST])
    refused(here, rebuild(members, manifest=manifest), errors.ChecksumMismatchError, ROUND)


def test_damaged_bytes_inside_the_zip(
    here: sqlite3.Connection, good_members: dict[str, bytes]
) -> None:
    data = bytearray(rebuild(good_members))
    start = data.find(b"%PDF-")  # the PDF is stored uncompressed: flip a byte in its middle
    data[start + 2000] ^= 0xFF
    refused(here, bytes(data), errors.ChecksumMismatchError, "damaged")


def test_instrument_not_matching_its_hash(
    here: sqlite3.Connection, good_members: dict[str, bytes]
) -> None:
    members = dict(good_members)
    instrument = json.loads(members[INSTRUMENT])
    instrument["title"]["en"] = "Changed"
    members[INSTRUMENT] = json_bytes(instrument)
    refused(here, rebuild(members), errors.ChecksumMismatchError, "instrument hash")


# ----- format and version -----------------------------------------------------------------------


def test_newer_format_version(here: sqlite3.Connection, good_members: dict[str, bytes]) -> None:
    data = with_manifest(good_members, lambda m: m.update(format_version=3))
    refused(here, data, errors.NewerFormatError, "version 3", "newer")


@pytest.mark.parametrize("version", [0, "1", 1.5, None, True])
def test_unknown_format_version(
    here: sqlite3.Connection, good_members: dict[str, bytes], version: Any
) -> None:
    data = with_manifest(good_members, lambda m: m.update(format_version=version))
    refused(here, data, errors.UnsupportedFormatError, "format version")


def test_other_format_name(here: sqlite3.Connection, good_members: dict[str, bytes]) -> None:
    data = with_manifest(good_members, lambda m: m.update(format="smsoat-instrument"))
    refused(here, data, errors.UnsupportedFormatError, "not an SMS OAT exchange file")


def test_instrument_conflict(
    here: sqlite3.Connection, good_members: dict[str, bytes], mini_doc: dict[str, Any]
) -> None:
    """Same id and version as the instrument here, different content, all checksums right."""
    from app.core.instrument_loader import content_hash

    members = dict(good_members)
    edited = copy.deepcopy(mini_doc)
    edited["sections"][0]["subsections"][0]["items"][0]["prompt"]["en"] = "Reworded"
    members[INSTRUMENT] = json_bytes(edited)
    new_hash = content_hash(edited)
    doc = json.loads(members[ROUND])
    doc["instrument"]["hash"] = new_hash
    members[ROUND] = json_bytes(doc)
    manifest = json.loads(members[MANIFEST])
    manifest["instrument"]["hash"] = new_hash
    members[MANIFEST] = json_bytes(manifest)
    refused(here, rebuild(members), errors.InstrumentConflictError, "differs")


# ----- schema violations ------------------------------------------------------------------------


def _drop(key: str) -> Any:
    return lambda d: d.pop(key)


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def change(doc: Any) -> None:
        target = doc
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


ROUND_VIOLATIONS: dict[str, Any] = {
    "missing key": _drop("consensus"),
    "unknown key": _set(("surprise",), 1),
    "agency not an object": _set(("agency",), "Sender"),
    "empty agency name": _set(("agency", "name"), "   "),
    "bad round uuid": _set(("round", "uuid"), "not-a-uuid"),
    "upper-case uuid": _set(
        ("respondents", 0, "uuid"), "A" * 8 + "-" + "0" * 4 + "-4000-8000-" + "0" * 12
    ),
    "bad date": _set(("round", "period_end"), "2026-02-30"),
    "period backwards": _set(("round", "period_start"), "2027-01-01"),
    "unknown status": _set(("round", "status"), "archived"),
    "unknown role": _set(("respondents", 0, "role"), "ceo"),
    "choice off the scale": _set(("respondents", 0, "answers", "1.1.1", "choice"), "7"),
    "choice as a number": _set(("respondents", 0, "answers", "1.1.1", "choice"), 3),
    "unknown item": _set(
        ("respondents", 0, "answers", "9.9.9"),
        {"choice": "1", "source": "screen", "updated_at": "2026-01-01T00:00:00+00:00"},
    ),
    "name without consent": _set(("respondents", 0, "name"), "Zoë"),
    "huge comment": _set(("respondents", 0, "answers", "1.1.1", "comment"), "x" * 20_001),
    "bad timestamp": _set(("respondents", 0, "updated_at"), "yesterday"),
    "consensus off the scale": _set(("consensus", "1.1.1", "choice"), "zz"),
    "priority about nothing": _set(("action_plan", "priorities", 0, "scope_id"), "8.8"),
    "duplicate uuid": lambda d: d["respondents"][1].update(uuid=d["respondents"][0]["uuid"]),
    "act unknown": _set(("action_plan", "priorities", 0, "cycles", 0, "act"), "maybe"),
    "plan field unknown": _set(("action_plan", "priorities", 0, "cycles", 0, "plan", "why"), ""),
    "too many people": lambda d: d.update(respondents=d["respondents"] * 400),
    "round of another manifest": _set(("round", "uuid"), "00000000-0000-4000-8000-000000000000"),
    "boolean as number": _set(("round", "show_names"), 0),
}


@pytest.mark.parametrize("case", sorted(ROUND_VIOLATIONS))
def test_round_schema_violations(
    here: sqlite3.Connection, good_members: dict[str, bytes], case: str
) -> None:
    data = with_round(good_members, ROUND_VIOLATIONS[case])
    error = refused(here, data, errors.SchemaViolationError, "round.json")
    assert error.problems


# Refused by the app against the instrument, the manifest or the calendar: a schema cannot know.
BEYOND_SCHEMA = {
    "bad date",
    "period backwards",
    "choice off the scale",
    "unknown item",
    "name without consent",
    "consensus off the scale",
    "priority about nothing",
    "duplicate uuid",
    "round of another manifest",
}


@pytest.mark.parametrize("case", sorted(set(ROUND_VIOLATIONS) - BEYOND_SCHEMA))
def test_the_json_schema_agrees(good_members: dict[str, bytes], case: str) -> None:
    """Cases a schema can express are refused by the published schema too (no drift)."""
    schema = json.loads((SCHEMA_DIR / "exchange-round.schema.json").read_text("utf-8"))
    doc = json.loads(good_members[ROUND])
    jsonschema.validate(doc, schema)
    ROUND_VIOLATIONS[case](doc)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema)


@pytest.mark.parametrize(
    "text",
    [
        b'{"agency": 1, "agency": 2}',  # duplicate keys
        b'{"agency": NaN}',
        b"[" * 100_000 + b"]" * 100_000,  # nesting deep enough to break a recursive parser
        b"{not json",
    ],
)
def test_round_json_not_acceptable_json(
    here: sqlite3.Connection, good_members: dict[str, bytes], text: bytes
) -> None:
    members = dict(good_members)
    members[ROUND] = text
    refused(here, rebuild(members), errors.SchemaViolationError)


def test_manifest_schema_violations(
    here: sqlite3.Connection, good_members: dict[str, bytes]
) -> None:
    for change in (
        _drop("privacy"),
        _set(("privacy", "names"), "no"),
        _set(("agency_uuid",), 42),
        _set(("created_at",), ""),
        _set(("members", ROUND, "sha256"), "abc"),
        _set(("extra",), True),
    ):
        refused(here, with_manifest(good_members, change), errors.SchemaViolationError, MANIFEST)


def test_manifest_privacy_contradicting_the_data(
    here: sqlite3.Connection, good_members: dict[str, bytes]
) -> None:
    members = dict(good_members)
    manifest = json.loads(members[MANIFEST])
    manifest["privacy"]["comments"] = False  # but round.json carries comments
    members[MANIFEST] = json_bytes(manifest)
    error = refused(here, rebuild(members), errors.SchemaViolationError)
    assert any("comments: false" in p for p in error.problems)


def test_invalid_instrument_inside(
    here: sqlite3.Connection, good_members: dict[str, bytes], mini_doc: dict[str, Any]
) -> None:
    from app.core.instrument_loader import content_hash

    broken = copy.deepcopy(mini_doc)
    broken["bands"] = []
    members = dict(good_members)
    members[INSTRUMENT] = json_bytes(broken)
    for name in (ROUND, MANIFEST):
        doc = json.loads(members[name])
        doc["instrument"]["hash"] = content_hash(broken)
        members[name] = json_bytes(doc)
    refused(here, rebuild(members), errors.SchemaViolationError, "not a valid instrument")


# ----- sizes ------------------------------------------------------------------------------------


def test_zip_bomb_declared(here: sqlite3.Connection, good_members: dict[str, bytes]) -> None:
    members = dict(good_members)
    members[ROUND] = b" " * (40 * 1024 * 1024)  # 40 MB of spaces: about 40 KB compressed
    refused(here, rebuild(members), errors.SizeLimitError, "larger than")


def test_compression_ratio(here: sqlite3.Connection, good_members: dict[str, bytes]) -> None:
    members = dict(good_members)
    members[SCORES_CSV] = b"\xef\xbb\xbf" + b"0" * (4 * 1024 * 1024)  # within 8 MB, ~4000:1
    refused(here, rebuild(members), errors.SizeLimitError, "zip bomb")


def _patch_sizes(data: bytes, member: str, size: int) -> bytes:
    """Rewrite the uncompressed size a member declares, in its local and central headers."""
    out = bytearray(data)
    name = member.encode()
    local = out.find(b"PK\x03\x04" + b"\x00" * 0)  # first local header
    while local != -1:
        name_len = struct.unpack_from("<H", out, local + 26)[0]
        if out[local + 30 : local + 30 + name_len] == name:
            struct.pack_into("<I", out, local + 22, size)
        local = out.find(b"PK\x03\x04", local + 4)
    central = out.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", out, central + 28)[0]
        if out[central + 46 : central + 46 + name_len] == name:
            struct.pack_into("<I", out, central + 24, size)
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


def test_header_that_understates_the_size(
    here: sqlite3.Connection, good_members: dict[str, bytes]
) -> None:
    """A member that inflates to far more than its header says is never read to the end."""
    members = dict(good_members)
    members[SCORES_CSV] = b"\xef\xbb\xbf" + b"a,b\r\n" * (2 * 1024 * 1024)  # 10 MB, over the limit
    data = _patch_sizes(rebuild(members), SCORES_CSV, 1000)
    before = db_dump(here)
    report = import_bytes(here, data, "liar.smsoat")
    assert report.refused and report.error is not None
    assert report.error.code in {"size_limit", "checksum_mismatch"}
    assert db_dump(here) == before


def test_header_that_overstates_the_size(
    here: sqlite3.Connection, good_members: dict[str, bytes]
) -> None:
    data = _patch_sizes(rebuild(good_members), ROUND, 2**31)
    refused(here, data, errors.SizeLimitError, "larger than")


def test_too_many_members(here: sqlite3.Connection, good_members: dict[str, bytes]) -> None:
    extra = [(f"x{i}.txt", b"") for i in range(20)]
    refused(here, rebuild(good_members, extra=extra), errors.SizeLimitError, "members")


def test_archive_too_large(
    here: sqlite3.Connection, good_members: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    if "pool" in _SEALING:  # the child keeps its own limit: a real file over it (sparse)
        path = _SEALING["folder"] / "hostile.smsoat"
        with path.open("wb") as big:
            big.truncate(reader.MAX_ARCHIVE_BYTES + 1)
        before = db_dump(here)
        [(_, read)] = list(_SEALING["pool"].readings([path], here_until_ready=False))
        report = import_file(here, path, keys=_SEALING["keys"], read=read)
        assert type(report.error) is errors.SizeLimitError, report.reason
        assert "hostile.smsoat: the file is" in report.reason and db_dump(here) == before
        return
    data = rebuild(good_members)
    monkeypatch.setattr(reader, "MAX_ARCHIVE_BYTES", len(data) - 1)
    refused(here, data, errors.SizeLimitError, "larger than")


# ----- member names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["../round.json", "/etc/passwd", "sub/../../x", "evil\\..\\round.json", "C:/windows/x", ".."],
)
def test_paths_leaving_the_archive(
    here: sqlite3.Connection, good_members: dict[str, bytes], name: str
) -> None:
    refused(here, rebuild(good_members, extra=[(name, b"x")]), errors.UnsafePathError, "outside")


def test_duplicate_members(here: sqlite3.Connection, good_members: dict[str, bytes]) -> None:
    second = json_bytes({"agency": "the second copy"})
    refused(
        here,
        rebuild(good_members, extra=[(ROUND, second)]),
        errors.DuplicateMemberError,
        "twice",
    )


@pytest.mark.parametrize("name", ["notes.txt", "round.json/", "ROUND.JSON", "scorecard.pdf.exe"])
def test_unexpected_members(
    here: sqlite3.Connection, good_members: dict[str, bytes], name: str
) -> None:
    refused(here, rebuild(good_members, extra=[(name, b"x")]), errors.UnexpectedMemberError)


def test_member_missing_from_the_manifest(
    here: sqlite3.Connection, good_members: dict[str, bytes]
) -> None:
    manifest = json.loads(good_members[MANIFEST])
    del manifest["members"][SCORES_CSV]
    refused(
        here, rebuild(good_members, manifest=manifest), errors.UnexpectedMemberError, SCORES_CSV
    )


@pytest.mark.parametrize("gone", [INSTRUMENT, ROUND, MANIFEST, SCORECARD_PDF])
def test_missing_members(
    here: sqlite3.Connection, good_members: dict[str, bytes], gone: str
) -> None:
    members = {k: v for k, v in good_members.items() if k != gone}
    if gone == MANIFEST:
        data = zip_of(list(members.items()))
    else:
        manifest = json.loads(good_members[MANIFEST])  # still lists the missing member
        data = rebuild(members, manifest=manifest)
    refused(here, data, errors.MissingMemberError, "missing")


def test_optional_members_may_be_left_out(
    here: sqlite3.Connection, good_members: dict[str, bytes]
) -> None:
    members = {k: v for k, v in good_members.items() if k not in (SCORES_CSV, SCORECARD_PDF)}
    assert import_bytes(here, rebuild(members), "lean.smsoat").written


# ----- encodings --------------------------------------------------------------------------------


@pytest.mark.parametrize("member", [ROUND, SCORES_CSV, INSTRUMENT])
def test_invalid_utf8(
    here: sqlite3.Connection, good_members: dict[str, bytes], member: str
) -> None:
    members = dict(good_members)
    members[member] = members[member][:40] + b"\xff\xfe\xc3\x28" + members[member][40:]
    refused(here, rebuild(members), errors.EncodingError, member, "UTF-8")


def test_invalid_utf8_in_the_manifest(
    here: sqlite3.Connection, good_members: dict[str, bytes]
) -> None:
    entries = [(MANIFEST, good_members[MANIFEST][:10] + b"\xc0\xaf" + good_members[MANIFEST][10:])]
    entries += [(n, d) for n, d in good_members.items() if n != MANIFEST]
    refused(here, zip_of(entries), errors.EncodingError, MANIFEST)


def test_fake_pdf(here: sqlite3.Connection, good_members: dict[str, bytes]) -> None:
    members = dict(good_members)
    members[SCORECARD_PDF] = b"MZ\x90\x00 an executable"
    refused(here, rebuild(members), errors.SchemaViolationError, "not a PDF")


def test_encrypted_member(here: sqlite3.Connection, good_members: dict[str, bytes]) -> None:
    data = bytearray(rebuild(good_members))
    central = data.find(b"PK\x01\x02")
    local = struct.unpack_from("<I", data, central + 42)[0]
    for flags_at in (central + 8, local + 6):  # the "encrypted" bit, in both headers
        data[flags_at] |= 0x01
    refused(here, bytes(data), errors.UnsupportedFormatError, "encrypted")


def test_stored_and_unsupported_methods(
    here: sqlite3.Connection, good_members: dict[str, bytes]
) -> None:
    stored = [(MANIFEST, good_members[MANIFEST])]
    stored += [(n, d) for n, d in good_members.items() if n != MANIFEST]
    assert import_bytes(here, zip_of(stored, zipfile.ZIP_STORED), "stored.smsoat").written
    refused(
        here,
        zip_of([(n, d) for n, d in good_members.items()], zipfile.ZIP_BZIP2),
        errors.UnsupportedFormatError,
        "compression",
    )


# ----- fuzzing ----------------------------------------------------------------------------------

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            found += _paths(inner, (*prefix, i))
    return found


def _mutate(doc: Any, path: tuple[Any, ...], value: Any, drop: bool) -> None:
    target = doc
    for key in path[:-1]:
        target = target[key]
    if drop:
        del target[path[-1]]
    else:
        target[path[-1]] = value


def _outcome(conn: sqlite3.Connection, data: bytes) -> None:
    before = db_dump(conn)
    report = import_bytes(conn, data, "fuzz.smsoat")
    event(report.error.code if report.error else report.status)
    if report.refused:
        assert isinstance(report.error, errors.ExchangeFileError)
        assert report.reason.startswith("fuzz.smsoat: ")
        assert db_dump(conn) == before
    else:
        assert check_database(conn).ok, check_database(conn).problems


@settings(max_examples=150, deadline=None)
@given(data=st.data(), value=JSON, drop=st.booleans())
def test_fuzz_the_manifest(
    here: sqlite3.Connection,
    good_members: dict[str, bytes],
    data: st.DataObject,
    value: Any,
    drop: bool,
) -> None:
    manifest = json.loads(good_members[MANIFEST])
    path = data.draw(st.sampled_from(_paths(manifest)))
    _mutate(manifest, path, value, drop)
    _outcome(here, rebuild(good_members, manifest=manifest))


@settings(max_examples=200, deadline=None)
@given(data=st.data(), value=JSON, drop=st.booleans())
def test_fuzz_the_round_data(
    here: sqlite3.Connection,
    good_members: dict[str, bytes],
    mini: Instrument,
    data: st.DataObject,
    value: Any,
    drop: bool,
) -> None:
    doc = json.loads(good_members[ROUND])
    path = data.draw(st.sampled_from(_paths(doc)))
    _mutate(doc, path, value, drop)
    members = dict(good_members)
    members[ROUND] = json_bytes(doc)
    _outcome(here, rebuild(members))
    manifest = json.loads(good_members[MANIFEST])
    if not check_round(doc, mini, manifest["privacy"]["names"], manifest["privacy"]["comments"]):
        schema = json.loads((SCHEMA_DIR / "exchange-round.schema.json").read_text("utf-8"))
        jsonschema.validate(doc, schema)  # what the app accepts, the published schema accepts


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_fuzz_the_bytes(
    here: sqlite3.Connection, good_members: dict[str, bytes], data: st.DataObject
) -> None:
    raw = bytearray(rebuild(good_members))
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(raw) - 1))
        raw[position] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    _outcome(here, bytes(raw))


# ----- one crafted file must not break things for everyone (issue 22) ---------------------------


def _raw_member(good: dict[str, bytes], member: str, old: bytes, new: bytes) -> bytes:
    """The archive with one member's JSON text edited as bytes (for what json.dumps cannot write:
    1e999, lone surrogates, 400-digit numbers), checksums made right again."""
    members = dict(good)
    assert old in members[member], old
    members[member] = members[member].replace(old, new, 1)
    if member == MANIFEST:
        entries = [(MANIFEST, members[MANIFEST])]
        entries += [(n, d) for n, d in members.items() if n != MANIFEST]
        return zip_of(entries)
    return rebuild(members)


def _with_instrument(good: dict[str, bytes], raw: bytes) -> bytes:
    """The archive carrying another instrument.json (given as bytes), every reference to it
    (hash, id, version) made consistent, so only the instrument's own content is judged."""
    from app.core.instrument_loader import content_hash

    members = dict(good)
    members[INSTRUMENT] = raw
    source = json.loads(raw)
    try:
        found = content_hash(source)
    except UnicodeEncodeError:  # a lone surrogate: no hash, refused before it would be needed
        found = "0" * 64
    for name in (ROUND, MANIFEST):
        doc = json.loads(members[name])
        doc["instrument"] = {"id": source["id"], "version": source["version"], "hash": found}
        members[name] = json.dumps(doc, ensure_ascii=True, sort_keys=True).encode()
    return rebuild(members)


def _instrument_text(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=True, sort_keys=True, indent=1)


@pytest.mark.parametrize(
    ("member", "old", "new"),
    [
        (ROUND, b'"Sender"', b'"Sender \\ud800"'),
        (ROUND, b'"source": "screen"', b'"source": "\\udfff"'),
        (MANIFEST, b'"app_version": "', b'"app_version": "\\udbff'),
    ],
)
def test_a_lone_surrogate_is_refused(
    here: sqlite3.Connection, good_members: dict[str, bytes], member: str, old: bytes, new: bytes
) -> None:
    error = refused(
        here, _raw_member(good_members, member, old, new), errors.SchemaViolationError, member
    )
    assert "lone surrogate" in str(error)


def test_a_lone_surrogate_in_the_instrument_is_refused(
    here: sqlite3.Connection, good_members: dict[str, bytes], mini_doc: dict[str, Any]
) -> None:
    text = _instrument_text(mini_doc).replace('"Mini instrument"', '"Mini \\ud800"')
    data = _with_instrument(good_members, text.encode())
    error = refused(here, data, errors.SchemaViolationError, INSTRUMENT)
    assert "lone surrogate" in str(error)


@pytest.mark.parametrize(
    ("token", "words"),
    [
        ("1e999", "out of range"),
        ("-1e999", "out of range"),
        ("9" * 400, "more than 15 digits"),
        ("9" * 5000, "more than 15 digits"),
        ("Infinity", "not a JSON number"),
    ],
)
def test_non_finite_and_huge_numbers_in_the_instrument(
    here: sqlite3.Connection,
    good_members: dict[str, bytes],
    mini_doc: dict[str, Any],
    token: str,
    words: str,
) -> None:
    for field in ('"disagreement_spread": 2', '"value": 4', '"max": 4'):
        key = field.split(":")[0]
        text = _instrument_text(mini_doc).replace(field, f"{key}: {token}", 1)
        members = dict(good_members)
        members[INSTRUMENT] = text.encode()  # hash and references left as they were: the
        data = rebuild(members)  # number is refused while the JSON is read, before any hash
        error = refused(here, data, errors.SchemaViolationError, INSTRUMENT)
        assert words in str(error)


def test_huge_but_finite_scale_values_are_refused(
    here: sqlite3.Connection, good_members: dict[str, bytes], mini_doc: dict[str, Any]
) -> None:
    """±1e308 once imported ("imported 1") and then broke every score, report and roll-up with
    an overflow in fsum: values beyond ±1,000,000 are refused."""
    doc = copy.deepcopy(mini_doc)
    big = 1e308
    for choice, value in zip(doc["scale"]["choices"], (-big, -big / 2, big / 2, big), strict=False):
        choice["value"] = value
    for band, (lo, hi) in zip(
        doc["bands"], ((-big, -big / 2), (-big / 2, big / 2), (big / 2, big)), strict=True
    ):
        band["min"], band["max"] = lo, hi
    error = refused(
        here,
        _with_instrument(good_members, _instrument_text(doc).encode()),
        errors.SchemaViolationError,
        "not a valid instrument",
    )
    assert any("-1,000,000 to 1,000,000" in p for p in error.problems)


@pytest.mark.parametrize(
    ("member", "old", "new"),
    [
        (ROUND, b'"position": 1', b'"position": 1e999'),
        (ROUND, b'"position": 1', b'"position": ' + b"1" * 400),
        (MANIFEST, b'"size": ', b'"size": ' + b"9" * 400),
        (MANIFEST, b'"format_version": 1', b'"format_version": 1e999'),
    ],
)
def test_non_finite_and_huge_numbers_in_the_round_and_manifest(
    here: sqlite3.Connection, good_members: dict[str, bytes], member: str, old: bytes, new: bytes
) -> None:
    refused(here, _raw_member(good_members, member, old, new), errors.SchemaViolationError, member)


@pytest.mark.parametrize(
    "version",
    ["1.0\u200b", "1.0\u2060", "1.0\ufeff", "1.\u0660", "1.0 ", "1.0\n", "１.0"],
)
def test_look_alike_instrument_versions_are_refused(
    here: sqlite3.Connection,
    good_members: dict[str, bytes],
    mini_doc: dict[str, Any],
    version: str,
) -> None:
    doc = copy.deepcopy(mini_doc)
    doc["version"] = version
    data = _with_instrument(good_members, _instrument_text(doc).encode())
    error = refused(here, data, errors.SchemaViolationError)
    assert any("ASCII" in p for p in error.problems), error.problems


@pytest.mark.parametrize("inst_id", ["mini\u200b", "mіni", "MINI", "mini\n"])
def test_look_alike_instrument_ids_are_refused(
    here: sqlite3.Connection, good_members: dict[str, bytes], inst_id: str
) -> None:
    data = with_manifest(good_members, lambda m: m["instrument"].update(id=inst_id))
    error = refused(here, data, errors.SchemaViolationError, MANIFEST)
    assert any("manifest.instrument.id" in p for p in error.problems)


def test_format_version_1_0_is_not_the_whole_number_1(
    here: sqlite3.Connection, good_members: dict[str, bytes]
) -> None:
    data = _raw_member(good_members, MANIFEST, b'"format_version": 1', b'"format_version": 1.0')
    refused(here, data, errors.UnsupportedFormatError, "format version")


@pytest.mark.parametrize(
    ("path", "name"),
    [
        (("agency", "name"), "\u200b\u200b\u200b"),
        (("round", "name"), "\u200e\u2060\u00a0"),
        (("agency", "name"), "\u0301"),  # a lone combining accent
    ],
)
def test_a_name_with_no_visible_character_is_refused(
    here: sqlite3.Connection, good_members: dict[str, bytes], path: tuple[str, str], name: str
) -> None:
    error = refused(here, with_round(good_members, _set(path, name)), errors.SchemaViolationError)
    assert any(".".join(path) in p and "visible" in p for p in error.problems)


def _created(good: dict[str, bytes]) -> datetime:
    return datetime.fromisoformat(json.loads(good[MANIFEST])["created_at"])


@pytest.mark.parametrize(
    ("path", "stamp", "words"),
    [
        (("round", "updated_at"), "9999-12-31T23:59:59-23:59", "outside the calendar"),
        (("round", "created_at"), "0001-01-01T00:00:00+00:01", "outside the calendar"),
        (("round", "updated_at"), "9999-12-31T23:59:59+00:00", "later than the file was made"),
        (("respondents", 0, "updated_at"), "2099-01-01T00:00:00Z", "later than"),
        (("round", "created_at"), "1999-12-31T23:59:59+00:00", "before 2000-01-01"),
        (("round", "period_end"), "2099-12-31", "impossible here"),
        (("round", "period_start"), "1970-01-01", "impossible"),
    ],
)
def test_impossible_and_future_timestamps_are_refused(
    here: sqlite3.Connection,
    good_members: dict[str, bytes],
    path: tuple[Any, ...],
    stamp: str,
    words: str,
) -> None:
    error = refused(here, with_round(good_members, _set(path, stamp)), errors.SchemaViolationError)
    assert any(words in p for p in error.problems), error.problems


def test_a_stamp_after_the_file_was_made_is_refused_even_within_a_day(
    here: sqlite3.Connection, good_members: dict[str, bytes]
) -> None:
    later = (_created(good_members) + timedelta(hours=1)).isoformat()
    data = with_round(good_members, _set(("round", "updated_at"), later))
    error = refused(here, data, errors.SchemaViolationError, ROUND)
    assert any("later than the file was made" in p for p in error.problems)


def test_a_file_made_in_the_future_is_refused(
    here: sqlite3.Connection, good_members: dict[str, bytes]
) -> None:
    """A forger who moves the manifest's creation time too is stopped by the reader's clock."""
    data = with_manifest(good_members, _set(("created_at",), "2099-01-01T00:00:00+00:00"))
    error = refused(here, data, errors.SchemaViolationError, MANIFEST)
    assert any("manifest.created_at" in p and "later than" in p for p in error.problems)
    # the same file read with a clock in 2099 is fine: the rule is the reader's clock plus a day
    exchange = reader.read_exchange_bytes(data, "x.smsoat", now=datetime(2099, 1, 2, tzinfo=UTC))
    assert exchange.manifest["created_at"].startswith("2099")


def test_a_forged_far_future_revision_stored_earlier_no_longer_locks_out(
    here: sqlite3.Connection, good_members: dict[str, bytes], mini: Instrument
) -> None:
    """A round stored before these checks with updated_at 9999-12-31 made every genuine later
    file "older" (or crashed it): such a stamp now counts for nothing."""
    assert import_bytes(here, rebuild(good_members), "first.smsoat").written
    doc = json.loads(good_members[ROUND])
    here.execute(
        "UPDATE rounds SET updated_at = '9999-12-31T23:59:59-23:59' WHERE uuid = ?",
        (doc["round"]["uuid"],),
    )
    here.commit()
    newer = with_round(good_members, _set(("round", "name"), "Spring, corrected"))
    report = import_bytes(here, newer, "newer.smsoat")
    assert report.status == "revision" and report.written, report.reason


def test_a_huge_flat_round_json_is_refused_before_it_is_built(
    here: sqlite3.Connection, good_members: dict[str, bytes]
) -> None:
    """31 MB of `[],` took 864 MB as Python lists; the values are now counted first."""
    import tracemalloc

    members = dict(good_members)
    members[ROUND] = b"[" + b"[]," * 10_000_000 + b"[]]"
    manifest = json.loads(members[MANIFEST])
    manifest["members"][ROUND] = {"sha256": sha256_hex(members[ROUND]), "size": len(members[ROUND])}
    entries = [(MANIFEST, json_bytes(manifest))]
    entries += [(n, d) for n, d in members.items() if n != MANIFEST]
    data = zip_of(entries, zipfile.ZIP_STORED)  # stored: no compression ratio to trip over
    tracemalloc.start()
    try:
        report = import_bytes(here, data, "flat.smsoat")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert report.refused and isinstance(report.error, errors.SizeLimitError), report.reason
    assert "values" in report.reason
    assert peak < 250 * 1024 * 1024, f"peak {peak / 2**20:.0f} MB"


def test_a_zip_directory_of_many_entries_is_refused_before_it_is_parsed(
    here: sqlite3.Connection, good_members: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    """1.25 million directory entries took 664 MB in `zipfile` before the member check."""
    local = b"PK\x03\x04" + struct.pack("<5H3L2H", 20, 0, 0, 0, 0, 0, 0, 0, 1, 0) + b"x"
    central_entry = (
        b"PK\x01\x02"
        + struct.pack("<6H3L5H2L", 20, 20, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0)
        + b"x"
    )
    count = 200_000
    directory = central_entry * count
    end = b"PK\x05\x06" + struct.pack("<4H2LH", 0, 0, 0xFFFF, 0xFFFF, len(directory), len(local), 0)
    data = local + directory + end

    def no_zipfile(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("zipfile parsed a directory that should have been refused")

    monkeypatch.setattr(reader.zipfile, "ZipFile", no_zipfile)
    error = refused(here, data, errors.SizeLimitError, "at most 16")
    assert "65,535 members" in str(error)
    # a count that lies (1 entry) over the same directory: its size gives it away
    end = b"PK\x05\x06" + struct.pack("<4H2LH", 0, 0, 1, 1, len(directory), len(local), 0)
    refused(here, local + directory + end, errors.SizeLimitError, "zip directory")


def test_a_file_naming_an_agency_here_shows_the_rename(
    here: sqlite3.Connection, good_members: dict[str, bytes], tmp_path: Path
) -> None:
    """The agency uuid is printed in every roll-up workbook: a file naming it renames that
    agency. The preview says so (never a bare "new"), and so does the import's report."""
    from app.db import organizations
    from app.exchange.importer import import_files, preview_files

    agency_uuid = json.loads(good_members[ROUND])["agency"]["uuid"]
    ours = organizations.create(here, "Our own agency", org_uuid=agency_uuid)
    path = tmp_path / "rename.smsoat"
    path.write_bytes(rebuild(good_members))
    before = db_dump(here)
    [report] = preview_files(here, [path])
    assert db_dump(here) == before
    assert report.status == "new" and report.renamed_from == "Our own agency"
    assert report.changes == ['renames the agency "Our own agency" to "Sender"']
    assert 'renames the agency "Our own agency" to "Sender"' in report.reason
    [report] = import_files(here, [path])
    assert report.written and report.renamed_from == "Our own agency"
    assert organizations.get(here, ours.id).name == "Sender"


def test_a_revision_shows_the_round_it_replaces(
    here: sqlite3.Connection, good_members: dict[str, bytes], tmp_path: Path
) -> None:
    from app.exchange.importer import preview_files

    assert import_bytes(here, rebuild(good_members), "first.smsoat").written
    path = tmp_path / "second.smsoat"
    path.write_bytes(with_round(good_members, _set(("round", "name"), "Spring, corrected")))
    [report] = preview_files(here, [path])
    assert report.status == "revision" and report.renamed_from is None
    assert report.replaces == json.loads(good_members[ROUND])["round"]["name"]
    assert report.changes == [f'replaces the round "{report.replaces}" here (id {report.round_id})']


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        (os.fsdecode(b"bad-\xff\xfe.smsoat"), "bad-\ufffd\ufffd.smsoat"),
        ("lone-\ud800.smsoat", "lone-?.smsoat"),
        ("plain é.smsoat", "plain é.smsoat"),
    ],
)
def test_file_names_are_shown_without_undecodable_bytes(
    here: sqlite3.Connection, good_members: dict[str, bytes], name: str, shown: str
) -> None:
    """A genuine file whose name is not UTF-8 imports, and its name reaches the report, the log
    and the change log as text every one of them can hold."""
    assert reader.display_name(name) == shown
    report = import_bytes(here, rebuild(good_members), name)
    assert report.written, report.reason
    assert report.name == shown and report.file is not None and report.file.name == shown
    refusal = import_bytes(here, b"not a zip", name)
    assert refusal.refused and refusal.reason.startswith(f"{shown}: ")


def test_a_round_set_up_ahead_of_its_period_imports(
    here: sqlite3.Connection, good_members: dict[str, bytes]
) -> None:
    """Period dates may lie up to a year after the file was made (a round prepared ahead);
    only later ones are impossible."""
    made = _created(good_members).date()

    def ahead(doc: Any) -> None:
        doc["round"]["period_start"] = (made + timedelta(days=30)).isoformat()
        doc["round"]["period_end"] = (made + timedelta(days=366)).isoformat()

    report = import_bytes(here, with_round(good_members, ahead), "ahead.smsoat")
    assert report.written, report.reason


@pytest.mark.parametrize("dry_run", [True, False])
def test_anything_unforeseen_refuses_one_file_not_the_batch(
    here: sqlite3.Connection,
    good_members: dict[str, bytes],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dry_run: bool,
) -> None:
    """Should a crafted file still find a bug, the batch goes on: that file is refused with a
    plain message (the details go to the log), the files after it are read as usual."""
    from app.exchange import importer

    first, second = tmp_path / "a-trap.smsoat", tmp_path / "b-good.smsoat"
    first.write_bytes(b"whatever")
    second.write_bytes(rebuild(good_members))
    real = importer.read_exchange_file

    def trap(path: Path, **kwargs: Any) -> Any:
        if path == first:
            raise OverflowError("date value out of range")
        return real(path, **kwargs)

    monkeypatch.setattr(importer, "read_exchange_file", trap)
    run = importer.preview_files if dry_run else importer.import_files
    reports = run(here, [first, second])
    assert [r.status for r in reports] == ["refused", "new"]
    assert reports[0].reason.startswith("a-trap.smsoat: the file could not be read (OverflowError)")
    assert reports[1].written is not dry_run
