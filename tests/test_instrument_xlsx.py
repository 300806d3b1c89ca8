"""Instruments authored in a spreadsheet: template, xlsx -> json -> xlsx without a difference,
every problem placed by sheet, row and column, and damaged input met with clear errors only."""

from __future__ import annotations

import contextlib
import io
import json
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from app.cli import main
from app.core.errors import InstrumentError
from app.core.instrument_loader import load_instrument, parse_instrument, parse_instrument_bytes
from app.services.instrument_xlsx import (
    SHEET_ORDER,
    document_to_xlsx,
    read_instrument_xlsx_bytes,
    template_document,
    template_xlsx,
)

REPO = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
FILES = [
    FIXTURES / "oat_shape.json",
    FIXTURES / "pcrs_shape.json",
    FIXTURES / "mini.json",
    FIXTURES / "individual_shape.json",
    REPO / "instruments" / "sms-oat-bh.json",
    REPO / "instruments" / "sms-primary-care.json",
]


def cells(data: bytes) -> dict[str, list[tuple[Any, ...]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {s.title: list(s.iter_rows(values_only=True)) for s in book.worksheets}


def edited(data: bytes, change: Callable[[Any], None]) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(data))
    change(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def problems(data: bytes) -> list[str]:
    with pytest.raises(InstrumentError) as info:
        read_instrument_xlsx_bytes(data, "w.xlsx")
    assert info.value.problems, "every refusal lists its problems"
    return info.value.problems


# ----- round trips --------------------------------------------------------------------------------


def test_the_template_is_a_filled_valid_example() -> None:
    data = template_xlsx()
    assert list(cells(data)) == ["help", *SHEET_ORDER]
    doc = read_instrument_xlsx_bytes(data, "template.xlsx")
    assert doc == template_document()
    inst = parse_instrument(doc, "template.json")
    assert inst.format_version == 2 and len(inst.items) == 3 and inst.languages == ("en", "es")
    header = cells(data)["items"][0]
    assert "prompt::es" in header and "example_1::en" in header


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_xlsx_json_xlsx_has_no_difference(path: Path) -> None:
    original = json.loads(path.read_text("utf-8"))
    workbook = document_to_xlsx(original, with_help=False)
    doc = read_instrument_xlsx_bytes(workbook, "w.xlsx")
    assert doc == original  # json -> xlsx -> json keeps every key, text and number
    again = document_to_xlsx(doc, with_help=False)
    assert cells(again) == cells(workbook)
    assert again == workbook  # byte for byte, even
    assert parse_instrument(doc, "w").content_hash == load_instrument(path).content_hash


def test_a_hand_edited_workbook_round_trips_through_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Saved by a spreadsheet program (openpyxl here), converted, converted back: same cells."""
    template = tmp_path / "t.xlsx"
    assert main(["instrument", "template", "-o", str(template)]) == 0

    def add_item(book: Any) -> None:
        book["items"].append(["2", "2", "2.2", "Is it reviewed?", "¿Se revisa?"])

    template.write_bytes(edited(template.read_bytes(), add_item))
    first_json = tmp_path / "a.json"
    assert main(["instrument", "from-xlsx", str(template), "-o", str(first_json)]) == 0
    back = tmp_path / "b.xlsx"
    assert main(["instrument", "to-xlsx", str(first_json), "-o", str(back)]) == 0
    second_json = tmp_path / "b.json"
    assert main(["instrument", "from-xlsx", str(back), "-o", str(second_json)]) == 0
    assert first_json.read_bytes() == second_json.read_bytes()
    assert load_instrument(second_json).item("2.2") is not None
    original = {k: v for k, v in cells(template.read_bytes()).items() if k != "help"}
    assert cells(back.read_bytes()) == original
    assert main(["instrument", "check", str(back)]) == 0
    assert "OK" in capsys.readouterr().out


def test_cli_refuses_bad_names_and_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["instrument", "template", "-o", str(tmp_path / "t.json")]) == 2
    assert "expected a .xlsx file name" in capsys.readouterr().err
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"not a zip")
    assert main(["instrument", "from-xlsx", str(junk), "-o", str(tmp_path / "j.json")]) == 2
    out, err = capsys.readouterr()
    assert "not an .xlsx workbook" in out and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "j.json").exists()


# ----- problems named by place --------------------------------------------------------------------


def test_problems_name_sheet_row_and_column() -> None:
    data = template_xlsx()
    found = problems(edited(data, lambda b: b["items"].cell(3, 5).__setattr__("value", None)))
    assert found[0].startswith("w.xlsx: sheet 'items', row 3, column 'prompt::es' (E): missing")
    found = problems(edited(data, lambda b: b["bands"].cell(3, 3).__setattr__("value", 3)))
    assert "sheet 'bands', row 3, column 'min' (C): a gap: expected 2.5" in found[0]
    found = problems(edited(data, lambda b: b["items"].cell(2, 2).__setattr__("value", "9.9")))
    assert "sheet 'items', row 2, column 'domain' (B)" in found[0]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda b: b["items"].cell(2, 3).__setattr__("value", 1.1), "format the column as Text"),
        (lambda b: b["items"].cell(1, 20).__setattr__("value", "promt::en"), "unknown column"),
        (lambda b: b["items"].cell(1, 20).__setattr__("value", "prompt::fr"), "'fr'"),
        (lambda b: b["bands"].cell(2, 3).__setattr__("value", "=1+0"), "a formula"),
        (lambda b: b.create_sheet("notes"), "unknown sheet"),
        (lambda b: b.remove(b["bands"]), "sheet 'bands': missing"),
        (lambda b: b["items"].cell(2, 30).__setattr__("value", "stray"), "no known column"),
        (lambda b: b["settings"].cell(2, 1).__setattr__("value", "colour"), "unknown setting"),
    ],
)
def test_a_workbook_it_would_misread_is_refused(change: Any, expected: str) -> None:
    assert any(expected in p for p in problems(edited(template_xlsx(), change)))


# ----- fuzz (a fixed budget: about 10 s together) -------------------------------------------


FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
TEMPLATE = template_xlsx()
SHEETS = list(SHEET_ORDER)
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["=1+1", "1.10", "dk", "score", "sum", "::", "value::xx", "\u200b"]),
)
EDIT = st.tuples(st.sampled_from(SHEETS), st.integers(1, 12), st.integers(1, 14), VALUES)


def _set(book: Any, sheet: str, row: int, col: int, value: Any) -> None:
    if isinstance(value, float) and value != value:  # NaN: openpyxl would write it as text
        value = None
    with contextlib.suppress(ValueError, TypeError, IllegalCharacterError):
        book[sheet].cell(row, col).value = value  # unless openpyxl itself will not store it


@FUZZ
@given(st.lists(EDIT, min_size=1, max_size=4))
def test_damaged_spreadsheets_give_clear_errors_only(edits: list[Any]) -> None:
    started = time.monotonic()
    data = edited(TEMPLATE, lambda book: [_set(book, *e) for e in edits])
    try:
        doc = read_instrument_xlsx_bytes(data, "f.xlsx")
    except InstrumentError as exc:
        assert exc.problems and all(p.startswith("f.xlsx: ") for p in exc.problems)
    else:
        parse_instrument(doc, "f.json")  # what it accepts, the loader accepts
    assert time.monotonic() - started < 5


@FUZZ
@given(st.binary(max_size=64), st.integers(0, len(TEMPLATE) - 1))
def test_damaged_bytes_give_clear_errors_only(junk: bytes, at: int) -> None:
    for data in (junk, TEMPLATE[:at], TEMPLATE[:at] + junk + TEMPLATE[at + len(junk) :]):
        try:
            read_instrument_xlsx_bytes(data, "f.xlsx")
        except InstrumentError as exc:
            assert exc.problems and str(exc).startswith("f.xlsx: ")


def _damaged_json() -> st.SearchStrategy[bytes]:
    text = (FIXTURES / "pcrs_shape.json").read_bytes()
    return st.tuples(st.integers(0, len(text) - 1), st.binary(max_size=8)).map(
        lambda cut: text[: cut[0]] + cut[1] + text[cut[0] + len(cut[1]) :]
    )


@FUZZ
@given(_damaged_json())
def test_damaged_json_gives_clear_errors_only(data: bytes) -> None:
    try:
        parse_instrument_bytes(data, "f.json")
    except InstrumentError as exc:
        assert str(exc).startswith("f.json: ")


def test_a_zip_bomb_is_refused_before_unpacking() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (70 * 1024 * 1024))
    found = problems(out.getvalue())
    assert "unpacks to more than" in found[0]
