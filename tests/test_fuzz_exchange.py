"""A property-based fuzzer over the three JSON documents an exchange file carries.

Starting from a genuine export of a small round (made by the project's own export code), each
example changes one of `manifest.json`, `round.json` or `instrument.json` with values chosen to
hurt: non-finite and huge numbers (`1e999`, `NaN`, 400-digit integers, ±1e308), lone surrogates,
zero-width and look-alike characters, impossible and far-future timestamps, wrong types, deleted
and added keys. The archive's checksums are made right again (and the instrument's hash too, when
the instrument changed), so every example reaches the content checks. Whatever comes in, reading
and importing either succeed or refuse with the project's typed errors; an imported round then
scores and rolls up without an exception. The budget is fixed and derandomized, so CI runs the
same examples every time, in well under 30 seconds.
"""

from __future__ import annotations

import contextlib
import copy
import json
import sqlite3
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.core.errors import InstrumentError, SmsOatError
from app.core.instrument_loader import content_hash, parse_instrument_bytes
from app.db.connection import open_database
from app.exchange import errors
from app.exchange.export import export_round
from app.exchange.format import INSTRUMENT, MANIFEST, ROUND, SCORECARD_PDF, SCORES_CSV
from app.exchange.importer import import_bytes
from app.reports.rollup_xlsx import build_rollup_csv
from app.services.rollup import compute_rollup
from app.services.round_scores import round_scores
from tests.test_exchange import db_dump, filled_round, members_of
from tests.test_exchange_hostile import rebuild

FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Raw JSON tokens json.dumps cannot write; a string value `RAW:<token>` becomes the token itself.
RAW_TOKENS = ["1e999", "-1e999", "9" * 400, "-" + "9" * 5000, "NaN", "Infinity", "1.0", "1e308"]

HOSTILE_STRINGS = [
    "",
    " ",
    "\u200b",
    "\u200b\u200b\u2060",
    "1.0\u200b",
    "1.0.0\u200b",
    "mini\u200b",
    "mіni",  # Cyrillic і
    "\ud800",
    "a\udfffb",
    "\x00",
    "\x1b[2J",
    "9999-12-31T23:59:59-23:59",
    "0001-01-01T00:00:00+00:01",
    "9999-12-31T23:59:59+00:00",
    "2099-01-01T00:00:00Z",
    "1999-12-31T23:59:59+00:00",
    "2026-02-30",
    "2099-12-31",
    "0001-01-01",
    '=HYPERLINK("x")',
    "x" * 600,
]

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**15, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e308, -1e308, 1e6, -1e6, 1_000_001, 0.5, 0, -1]),
    st.sampled_from(HOSTILE_STRINGS),
    st.sampled_from([f"RAW:{token}" for token in RAW_TOKENS]),
    st.text(max_size=12),
)

VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


NUMBERS = st.one_of(
    st.sampled_from([f"RAW:{token}" for token in RAW_TOKENS]),
    st.sampled_from([1e6, -1e6, 1_000_001, 1e308, -1e308, 0.1, 2.5, 10**15, 10**16, 10**400]),
    st.integers(-5, 10),
    st.floats(allow_nan=True, allow_infinity=True),
)


def like(value: Any) -> st.SearchStrategy[Any]:
    """A hostile value of the same kind as `value`: numbers for numbers, texts that look like the
    text (with an invisible or surrogate character added, a far-future stamp), so the change
    gets past the type checks and tests the rules behind them."""
    if isinstance(value, bool):
        return st.booleans() | st.sampled_from([0, 1, "true"])
    if isinstance(value, int | float):
        return NUMBERS
    if isinstance(value, str):
        tails = st.sampled_from(["\u200b", "\ud800", "\u2060", "\udfff", "\u0301", "\n"])
        stamps = ["9999-12-31T23:59:59-23:59", "9999-12-31T23:59:59+00:00", "2099-01-01T00:00:00Z"]
        options = [
            tails.map(lambda tail: value + tail),
            tails.map(lambda tail: value + tail),
            tails.map(lambda tail: tail + value),
            st.sampled_from(HOSTILE_STRINGS),
            st.just(value.replace("1", "\u0661")),
        ]
        if value[:2] in ("19", "20") and "-" in value:  # a date or a timestamp
            options += [st.sampled_from(stamps)] * 3 + [st.just(value.replace("20", "99", 1))]
        return st.one_of(*options)
    return VALUES


def to_text(doc: Any) -> bytes:
    """JSON text as a hostile writer would make it: NaN and Infinity allowed, lone surrogates
    escaped, raw tokens put in place."""
    text = json.dumps(doc, ensure_ascii=True, allow_nan=True, sort_keys=True, indent=1)
    for token in RAW_TOKENS:
        text = text.replace(json.dumps(f"RAW:{token}"), token)
    return text.encode("utf-8")


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            found += paths(inner, (*prefix, i))
    return found


def mutate(doc: Any, data: st.DataObject) -> Any:
    """One to three changes at paths of the document: replace, delete, or add a key/entry."""
    doc = copy.deepcopy(doc)
    for _ in range(data.draw(st.sampled_from([1, 1, 1, 2, 3]), label="changes")):
        # a kind first, then a place of that kind: the few numbers of a document (scale values,
        # band limits, positions) are chosen as often as its many texts
        every = paths(doc)
        kinds = {
            "number": [p for p in every if isinstance(_at(doc, p), int | float)],
            "text": [p for p in every if isinstance(_at(doc, p), str)],
            "any": every,
        }
        kind = data.draw(st.sampled_from([k for k, found in kinds.items() if found]), label="kind")
        path = data.draw(st.sampled_from(kinds[kind]), label="path")
        action = data.draw(
            st.sampled_from(["alike"] * 6 + ["replace", "delete", "add"]), label="action"
        )
        if action == "alike" and path:
            parent = doc
            for key in path[:-1]:
                parent = parent[key]
            value = data.draw(like(parent[path[-1]]), label="value")
            action = "replace"
        else:
            value = data.draw(VALUES, label="value")
        if not path:
            if action == "replace":
                doc = value
            continue
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        if action == "replace":
            parent[path[-1]] = value
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[data.draw(st.sampled_from(["extra", "\ud800", "name", "uuid"]))] = value
        else:
            parent.append(value)
    return doc


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        doc = doc[key]
    return doc


@pytest.fixture(scope="module")
def genuine() -> dict[str, bytes]:
    """A genuine export of a small round (optional members left out to keep examples fast)."""
    from app.core.instrument_loader import load_instrument
    from tests.conftest import FIXTURES

    mini = load_instrument(FIXTURES / "mini.json")
    conn = open_database(":memory:")
    data = export_round(conn, filled_round(conn, mini, agency="Sender", people=2).id)
    conn.close()
    lean = {k: v for k, v in members_of(data).items() if k not in (SCORES_CSV, SCORECARD_PDF)}
    return members_of(rebuild(lean))  # the manifest no longer lists the members left out


def archive(good: dict[str, bytes], member: str, raw: bytes) -> bytes:
    members = dict(good)
    members[member] = raw
    if member == INSTRUMENT:
        # Point the manifest and round.json at the changed instrument when it can be hashed,
        # so its content (not only its checksum) is judged.
        try:
            new_hash = content_hash(json.loads(raw))
        except (ValueError, TypeError, RecursionError):
            new_hash = None
        if new_hash is not None:
            for name in (ROUND, MANIFEST):
                doc = json.loads(members[name])
                doc["instrument"]["hash"] = new_hash
                members[name] = to_text(doc)
    return rebuild(members)


def _raw(members: dict[str, bytes]) -> bytes:
    from tests.test_exchange_hostile import zip_of

    return zip_of(
        [(MANIFEST, members[MANIFEST])] + [(n, d) for n, d in members.items() if n != MANIFEST]
    )


def check_outcome(data: bytes) -> None:
    """Import into a database that already holds a round; a refusal is typed and writes
    nothing; an import scores and rolls up."""
    conn = open_database(":memory:")
    try:
        _outcome(conn, data)
    finally:
        conn.close()


def _outcome(conn: sqlite3.Connection, data: bytes) -> None:
    before = db_dump(conn)
    report = import_bytes(conn, data, "fuzz.smsoat")  # raises anything that is not typed
    event(report.error.code if report.error else report.status)
    if report.refused:
        assert isinstance(report.error, errors.ExchangeFileError)
        assert report.reason.startswith("fuzz.smsoat: ")
        assert db_dump(conn) == before
        return
    assert report.round_id is not None
    round_scores(conn, report.round_id)
    # the same file again: the round here is now the file's own (a stored stamp once crashed
    # every later import of its round)
    again = import_bytes(conn, data, "fuzz.smsoat")
    assert again.status == "duplicate", again.reason
    instrument_id = report.file.instrument.id if report.file else "mini"
    with contextlib.suppress(SmsOatError):  # a typed refusal is an answer too
        build_rollup_csv(compute_rollup(conn, instrument_id))


@FUZZ
@given(data=st.data())
def test_fuzz_the_manifest(genuine: dict[str, bytes], data: st.DataObject) -> None:
    members = dict(genuine)
    members[MANIFEST] = to_text(mutate(json.loads(genuine[MANIFEST]), data))
    check_outcome(_raw(members))  # the manifest as mutated (its checksums still those of members)


@FUZZ
@given(data=st.data())
def test_fuzz_the_round_data(genuine: dict[str, bytes], data: st.DataObject) -> None:
    doc = mutate(json.loads(genuine[ROUND]), data)
    check_outcome(archive(genuine, ROUND, to_text(doc)))


@FUZZ
@given(data=st.data())
def test_fuzz_the_instrument_in_a_file(genuine: dict[str, bytes], data: st.DataObject) -> None:
    doc = mutate(json.loads(genuine[INSTRUMENT]), data)
    check_outcome(archive(genuine, INSTRUMENT, to_text(doc)))


@FUZZ
@given(data=st.data())
def test_fuzz_the_instrument_loader(genuine: dict[str, bytes], data: st.DataObject) -> None:
    """The instrument loader alone (`smsoat instrument check`, the user's instruments folder):
    a valid instrument or an InstrumentError, never another exception."""
    doc = mutate(json.loads(genuine[INSTRUMENT]), data)
    raw = to_text(doc)
    if data.draw(st.booleans(), label="cut"):
        raw = raw[: data.draw(st.integers(0, len(raw)), label="at")]
    try:
        instrument = parse_instrument_bytes(raw, "fuzz.json")
    except InstrumentError as exc:
        assert str(exc).startswith("fuzz.json")
        event("refused")
    else:
        event("accepted")
        assert instrument.content_hash == content_hash(json.loads(raw))
