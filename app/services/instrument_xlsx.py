"""Instruments authored in a spreadsheet, the way public-health teams already write forms (XLSForm
in ODK and Kobo), converted to and from the JSON format (docs/instrument-format.md, "Spreadsheet").

One row per thing, one column per field, a column per language for every text (`prompt::en`,
`prompt::es`). The reader refuses what it would misread (a formula, a date, a decimal number where
an id such as "1.10" is expected, a column it does not know) and names the sheet, row and column of
every problem, including those the JSON checker finds afterwards. Writing and reading back gives the
same workbook (xlsx -> json -> xlsx), so a team can keep the spreadsheet as its master copy.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import xlsxwriter  # type: ignore[import-untyped]  # no stubs published

from app.core.bounded_read import FileRefused, read_regular_file
from app.core.cells import XLSX_WORKBOOK_OPTIONS
from app.core.errors import InstrumentError
from app.core.instrument import Instrument
from app.core.instrument_loader import FORMAT_NAME, parse_instrument

MAX_XLSX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED = 60 * 1024 * 1024  # a workbook is a zip: its parts together, unpacked
MAX_ROWS = 20_000
MAX_COLUMNS = 200

SETTINGS, SCALE, LEVELS, BANDS, SECTIONS, ITEMS, SUGGESTIONS, SCORE_TABLE = (
    "settings",
    "scale",
    "levels",
    "bands",
    "sections",
    "items",
    "suggestions",
    "score_table",
)
HELP = "help"
SHEET_ORDER = (SETTINGS, SCALE, LEVELS, BANDS, SECTIONS, ITEMS, SUGGESTIONS, SCORE_TABLE)
REQUIRED_SHEETS = (SETTINGS, SCALE, BANDS, SECTIONS, ITEMS)

# Plain columns and text fields (each text field is one column per language: `label::es`).
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    SETTINGS: (("key", "value"), ("value",)),
    SCALE: (("for_item", "code", "kind", "value"), ("label", "description")),
    LEVELS: (("for_item", "min", "max"), ("label",)),
    BANDS: (("section", "id", "min", "max"), ("label", "meaning")),
    SECTIONS: (("id",), ("title", "description")),
    ITEMS: (("section", "domain", "id", "required"), ("prompt", "explanation", "example_*")),
    SUGGESTIONS: (("domain",), ("text",)),
    SCORE_TABLE: (("raw", "score"), ()),
}
PLAIN_SETTINGS = (
    "format_version",
    "id",
    "version",
    "languages",
    "review_period_months",
    "repeat_months",
    "band_metric",
    "disagreement_spread",
    "count_respondents_from",
    "official",
    "kind",
)
TEXT_SETTINGS = ("title", "short_title", "description", "attribution", "terms")
_EXAMPLE_RE = re.compile(r"example_([1-9][0-9]?)")
_ID_COLUMNS = {"for_item", "code", "section", "domain", "id", "kind", "key"}


def _letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the column letter a spreadsheet shows."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


@dataclass
class _Row:
    sheet: str
    number: int  # as the spreadsheet numbers it (the header is row 1)
    cells: dict[str, Any]
    letters: dict[str, str]

    def place(self, column: str | None = None) -> str:
        where = f"sheet '{self.sheet}', row {self.number}"
        if column is not None:
            letter = self.letters.get(column)
            where += f", column '{column}' ({letter or 'no such column yet'})"
        return where


@dataclass
class _Reader:
    source: str
    problems: list[str] = field(default_factory=list)
    languages: tuple[str, ...] = ("en",)
    places: dict[str, str] = field(default_factory=dict)  # JSON path -> sheet/row/column

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{self.source}: {where}: {message}")

    # ----- cells ---------------------------------------------------------------------------------
    def plain(self, row: _Row, column: str) -> str | None:
        """An id, code or word: text, or a whole number typed as a number; never a decimal
        (Excel turns "1.10" typed as a number into 1.1)."""
        value = row.cells.get(column)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool):
            self.problem(row.place(column), "expected text, found TRUE/FALSE")
            return None
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            if value.is_integer() and column not in ("id", "domain", "section", "for_item"):
                return str(int(value))
            self.problem(
                row.place(column),
                f"expected text, found the number {value:g}; format the column as Text so an "
                'id such as "1.10" is kept as typed',
            )
            return None
        if isinstance(value, str):
            return value.strip()
        self.problem(row.place(column), f"expected text, found {_kind(value)}")
        return None

    def number(self, row: _Row, column: str) -> int | float | None:
        value = row.cells.get(column)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(row.place(column), f"expected a number, found {_kind(value)}")
            return None
        return int(value) if isinstance(value, float) and value.is_integer() else value

    def flag(self, row: _Row, column: str) -> bool | None:
        value = row.cells.get(column)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().upper() in ("TRUE", "FALSE"):
            return value.strip().upper() == "TRUE"
        self.problem(row.place(column), f"expected TRUE or FALSE, found {_kind(value)}")
        return None

    def text(self, row: _Row, name: str, path: str) -> dict[str, str] | None:
        """The `name::lang` cells of a row as a localized text; None when every one is empty."""
        out: dict[str, str] = {}
        for lang in self.languages:
            column = f"{name}::{lang}"
            value = row.cells.get(column)
            self.places[f"{path}.{lang}"] = row.place(column)
            if value is None or (isinstance(value, str) and value == ""):
                continue
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                self.problem(row.place(column), f"expected text, found {_kind(value)}")
                continue
            out[lang] = value if isinstance(value, str) else f"{value:g}"
        self.places.setdefault(path, row.place(f"{name}::{self.languages[0]}"))
        return out or None


def _kind(value: Any) -> str:
    if value is None:
        return "an empty cell"
    if isinstance(value, bool):
        return "TRUE/FALSE"
    if isinstance(value, int | float):
        return f"the number {value:g}"
    if isinstance(value, str):
        return f"the text '{value[:40]}'"
    return f"a {type(value).__name__} (a date or time?)"


# ----- reading the workbook -----------------------------------------------------------------


def _refused(message: str) -> InstrumentError:
    """A refusal of the whole file: one problem, which is also the message."""
    return InstrumentError(message, [message])


def _open_workbook(raw: bytes, source: str) -> dict[str, list[list[Any]]]:
    """Every sheet's cell values, or InstrumentError; formulas are refused, never evaluated."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]  # no stubs installed

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise _refused(
            f"{source}: not an .xlsx workbook ({exc}); save it from your spreadsheet program as "
            "Excel Workbook (.xlsx)."
        ) from exc
    if unpacked > MAX_UNPACKED:
        raise _refused(
            f"{source}: the workbook unpacks to more than {MAX_UNPACKED // (1024 * 1024)} MB; "
            "an instrument workbook is small."
        )
    sheets: dict[str, list[list[Any]]] = {}
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
        try:
            for sheet in book.worksheets:
                rows: list[list[Any]] = []
                for r, cells in enumerate(sheet.iter_rows(), start=1):
                    if r > MAX_ROWS:
                        raise _refused(
                            f"{source}: sheet '{sheet.title}': more than {MAX_ROWS} rows."
                        )
                    values = []
                    for c, cell in enumerate(cells):
                        if c >= MAX_COLUMNS:
                            break
                        if getattr(cell, "data_type", None) == "f":
                            raise _refused(
                                f"{source}: sheet '{sheet.title}', row {r}, column {_letter(c)}: "
                                "a formula; type the value itself."
                            )
                        values.append(getattr(cell, "value", None))
                    rows.append(values)
                sheets[str(sheet.title)] = rows
        finally:
            book.close()
    except InstrumentError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged file; each means the same
        raise _refused(
            f"{source}: the workbook cannot be read ({type(exc).__name__}); save it again from "
            "your spreadsheet program as Excel Workbook (.xlsx)."
        ) from exc
    return sheets


def _rows(reader: _Reader, name: str, grid: list[list[Any]]) -> list[_Row]:
    """A sheet's data rows keyed by header; unknown or repeated headers are refused."""
    if not grid or not any(v is not None for v in grid[0]):
        reader.problem(f"sheet '{name}', row 1", "expected the column headers here")
        return []
    plain, texts = COLUMNS[name]
    headers: dict[int, str] = {}
    for index, value in enumerate(grid[0]):
        if value is None:
            continue
        header = str(value).strip()
        where = f"sheet '{name}', row 1, column {_letter(index)}"
        base, _, lang = header.partition("::")
        known = header in plain or (
            bool(lang) and (base in texts or ("example_*" in texts and _EXAMPLE_RE.fullmatch(base)))
        )
        if not known:
            allowed = ", ".join([*plain, *(f"{t}::LANG" for t in texts)])
            reader.problem(where, f"unknown column '{header}' (allowed here: {allowed})")
            continue
        if lang and lang not in reader.languages:
            reader.problem(
                where,
                f"column '{header}' is for language '{lang}', which the settings' languages "
                f"({', '.join(reader.languages)}) do not declare",
            )
            continue
        if header in headers.values():
            reader.problem(where, f"column '{header}' appears twice")
            continue
        headers[index] = header
    letters = {header: _letter(index) for index, header in headers.items()}
    out = []
    for number, values in enumerate(grid[1:], start=2):
        cells = {
            headers[i]: v for i, v in enumerate(values) if i in headers and v not in (None, "")
        }
        stray = [i for i, v in enumerate(values) if i not in headers and v not in (None, "")]
        for i in stray[:1]:
            reader.problem(
                f"sheet '{name}', row {number}, column {_letter(i)}",
                "a value under no known column header; add the header or clear the cell",
            )
        if cells:
            out.append(_Row(name, number, cells, letters))
    return out


def read_instrument_xlsx_bytes(raw: bytes, source: str) -> dict[str, Any]:
    """The instrument JSON a workbook describes, checked by the instrument loader; every problem
    names its sheet, row and column. Raises InstrumentError."""
    sheets = _open_workbook(raw, source)
    reader = _Reader(source)
    missing = [s for s in REQUIRED_SHEETS if s not in sheets]
    unknown = [s for s in sheets if s not in SHEET_ORDER and s != HELP]
    for sheet in missing:
        reader.problem(f"sheet '{sheet}'", "missing (`smsoat instrument template` shows them all)")
    for sheet in unknown:
        reader.problem(
            f"sheet '{sheet}'",
            f"unknown sheet (expected: {', '.join(SHEET_ORDER)}, and optionally {HELP})",
        )
    if missing or unknown:
        _fail(reader)
    doc = _build(reader, sheets)
    _fail(reader)
    try:
        parse_instrument(doc, "<workbook>")
    except InstrumentError as exc:
        reader.problems = [_placed(reader, p) for p in exc.problems]
        _fail(reader)
    return doc


def _fail(reader: _Reader) -> None:
    if reader.problems:
        count = len(reader.problems)
        noun = "problem" if count == 1 else "problems"
        raise InstrumentError(
            f"{reader.source}: {count} {noun} in the workbook; the first: {reader.problems[0]}",
            reader.problems,
        )


def _placed(reader: _Reader, problem: str) -> str:
    """A JSON checker's problem ("<workbook>: $.path: message") told by sheet, row and column."""
    rest = problem.removeprefix("<workbook>: ")
    path, sep, message = rest.partition(": ")
    if not sep or not path.startswith("$"):
        return f"{reader.source}: {rest}"
    probe = path
    while probe:
        if probe in reader.places:
            return f"{reader.source}: {reader.places[probe]}: {message} [{path}]"
        cut = max(probe.rfind("."), probe.rfind("["))
        probe = probe[:cut] if cut > 0 else ""
    return f"{reader.source}: {path}: {message}"


def _build(reader: _Reader, sheets: dict[str, list[list[Any]]]) -> dict[str, Any]:
    by_key: dict[str, _Row] = {}
    # Languages first: the settings sheet's value::LANG columns decide which text columns every
    # other sheet may have.
    header = sheets[SETTINGS][0] if sheets[SETTINGS] else []
    langs = {str(h).partition("::")[2] for h in header if isinstance(h, str) and "::" in h} - {""}
    reader.languages = tuple(dict.fromkeys(["en", *sorted(langs)]))
    settings = _rows(reader, SETTINGS, sheets[SETTINGS])
    for row in settings:
        key = reader.plain(row, "key")
        if key is None:
            reader.problem(row.place("key"), "a setting needs its key")
        elif key not in PLAIN_SETTINGS and key not in TEXT_SETTINGS:
            reader.problem(
                row.place("key"),
                f"unknown setting '{key}' (known: {', '.join(PLAIN_SETTINGS + TEXT_SETTINGS)})",
            )
        elif key in by_key:
            reader.problem(row.place("key"), f"setting '{key}' is given twice")
        else:
            by_key[key] = row
    doc: dict[str, Any] = {"format": FORMAT_NAME}
    scoring: dict[str, Any] = {}
    for key in PLAIN_SETTINGS:
        row_or_none = by_key.get(key)
        if row_or_none is None:
            continue
        row = row_or_none
        target = (
            scoring
            if key in ("band_metric", "disagreement_spread", "count_respondents_from")
            else doc
        )
        path = f"$.scoring.{key}" if target is scoring else f"$.{key}"
        reader.places[path] = row.place("value")
        value: Any
        if key in (
            "format_version",
            "review_period_months",
            "repeat_months",
            "disagreement_spread",
        ):
            value = reader.number(row, "value")
        elif key == "official":
            value = reader.flag(row, "value")
        elif key == "count_respondents_from":
            raw_value = row.cells.get("value")
            value = (
                reader.number(row, "value")
                if isinstance(raw_value, int | float) and not isinstance(raw_value, bool)
                else reader.plain(row, "value")
            )
        elif key == "languages":
            listed = reader.plain(row, "value") or ""
            value = [part.strip() for part in listed.split(",") if part.strip()]
        else:
            value = reader.plain(row, "value")
        if value is not None:
            target[key] = value
    if "languages" in doc and sorted(set(doc["languages"])) != sorted(reader.languages):
        reader.problem(
            by_key["languages"].place("value"),
            f"the languages listed ({', '.join(doc['languages'])}) must match the settings "
            f"sheet's value::LANG columns ({', '.join(reader.languages)})",
        )
    for key in TEXT_SETTINGS:
        if key in by_key:
            text = reader.text(by_key[key], "value", f"$.{key}")
            if text is not None:
                doc[key] = text
    reader.places["$.scoring"] = f"sheet '{SETTINGS}'"
    if scoring:
        doc["scoring"] = scoring
    reader.places["$"] = f"sheet '{SETTINGS}'"

    scales = _scales(reader, sheets)
    if "" in scales:
        doc["scale"] = scales.pop("")
    reader.places.setdefault("$.scale", f"sheet '{SCALE}'")
    bands = _bands(reader, sheets)
    if "" in bands:
        doc["bands"] = bands.pop("")
    reader.places.setdefault("$.bands", f"sheet '{BANDS}'")
    doc["sections"] = _sections(reader, sheets, scales, bands)
    if SCORE_TABLE in sheets:
        table: list[dict[str, Any]] = []
        for row in _rows(reader, SCORE_TABLE, sheets[SCORE_TABLE]):
            path = f"$.score_table[{len(table)}]"
            reader.places[path] = row.place()
            entry: dict[str, Any] = {}
            for column in ("raw", "score"):
                reader.places[f"{path}.{column}"] = row.place(column)
                number = reader.number(row, column)
                if number is not None:
                    entry[column] = number
            table.append(entry)
        if table:
            doc["score_table"] = table
        reader.places.setdefault("$.score_table", f"sheet '{SCORE_TABLE}'")
    reader.places.setdefault("$.sections", f"sheet '{SECTIONS}'")
    return doc


def _scales(reader: _Reader, sheets: dict[str, list[list[Any]]]) -> dict[str, dict[str, Any]]:
    """Scales by owner: "" for the instrument's, an item id for an item's own scale."""
    scales: dict[str, dict[str, Any]] = {}
    for row in _rows(reader, SCALE, sheets[SCALE]):
        owner = reader.plain(row, "for_item") or ""
        scale = scales.setdefault(owner, {"choices": []})
        base = "$.scale" if not owner else f"@item:{owner}.scale"
        path = f"{base}.choices[{len(scale['choices'])}]"
        reader.places[path] = row.place()
        choice: dict[str, Any] = {}
        for column in ("code", "kind"):
            value = reader.plain(row, column)
            reader.places[f"{path}.{column}"] = row.place(column)
            if value is not None:
                choice[column] = value
        number = reader.number(row, "value")
        reader.places[f"{path}.value"] = row.place("value")
        if number is not None:
            choice["value"] = number
        for name in ("label", "description"):
            text = reader.text(row, name, f"{path}.{name}")
            if text is not None:
                choice[name] = text
        scale["choices"].append(choice)
    if LEVELS in sheets:
        for row in _rows(reader, LEVELS, sheets[LEVELS]):
            owner = reader.plain(row, "for_item") or ""
            if owner not in scales:
                reader.problem(
                    row.place("for_item"),
                    "levels for a scale that the scale sheet does not have"
                    + (f" (no choices for item '{owner}')" if owner else ""),
                )
                continue
            levels = scales[owner].setdefault("levels", [])
            base = "$.scale" if not owner else f"@item:{owner}.scale"
            path = f"{base}.levels[{len(levels)}]"
            reader.places[path] = row.place()
            level: dict[str, Any] = {}
            for column in ("min", "max"):
                number = reader.number(row, column)
                reader.places[f"{path}.{column}"] = row.place(column)
                if number is not None:
                    level[column] = number
            text = reader.text(row, "label", f"{path}.label")
            if text is not None:
                level["label"] = text
            levels.append(level)
    return scales


def _bands(reader: _Reader, sheets: dict[str, list[list[Any]]]) -> dict[str, list[Any]]:
    """Bands by owner: "" for the whole instrument, a section id for a section's own."""
    bands: dict[str, list[Any]] = {}
    for row in _rows(reader, BANDS, sheets[BANDS]):
        owner = reader.plain(row, "section") or ""
        entries = bands.setdefault(owner, [])
        base = "$.bands" if not owner else f"@section:{owner}.bands"
        path = f"{base}[{len(entries)}]"
        reader.places[path] = row.place()
        band: dict[str, Any] = {}
        band_id = reader.plain(row, "id")
        reader.places[f"{path}.id"] = row.place("id")
        if band_id is not None:
            band["id"] = band_id
        for column in ("min", "max"):
            number = reader.number(row, column)
            reader.places[f"{path}.{column}"] = row.place(column)
            if number is not None:
                band[column] = number
        for name in ("label", "meaning"):
            text = reader.text(row, name, f"{path}.{name}")
            if text is not None:
                band[name] = text
        entries.append(band)
    return bands


def _sections(
    reader: _Reader,
    sheets: dict[str, list[list[Any]]],
    scales: dict[str, dict[str, Any]],
    bands: dict[str, list[Any]],
) -> list[dict[str, Any]]:
    sections: list[dict[str, Any]] = []
    domains: dict[str, tuple[dict[str, Any], str]] = {}  # domain id -> (its object, JSON path)
    section_of: dict[str, str] = {}
    by_id: dict[str, tuple[dict[str, Any], str]] = {}
    for row in _rows(reader, SECTIONS, sheets[SECTIONS]):
        sid = reader.plain(row, "id")
        if sid is None:
            reader.problem(
                row.place("id"), 'a section needs its id ("1", or "1.2" for a subsection)'
            )
            continue
        if sid in by_id or sid in domains:
            reader.problem(row.place("id"), f"id '{sid}' is used twice")
            continue
        if "." not in sid:
            path = f"$.sections[{len(sections)}]"
            entry: dict[str, Any] = {"id": sid}
            sections.append(entry)
            by_id[sid] = (entry, path)
            domains[sid] = (entry, path)
            section_of[sid] = sid
        else:
            parent = sid.split(".", 1)[0]
            if parent not in by_id:
                reader.problem(
                    row.place("id"),
                    f"subsection '{sid}' comes before its section '{parent}' (add a row for "
                    f"section '{parent}' above it)",
                )
                continue
            owner, owner_path = by_id[parent]
            subs = owner.setdefault("subsections", [])
            path = f"{owner_path}.subsections[{len(subs)}]"
            entry = {"id": sid}
            subs.append(entry)
            if "items" not in owner:  # a section with subsections holds no items itself
                domains.pop(parent, None)
            domains[sid] = (entry, path)
            section_of[sid] = parent
        reader.places[path] = row.place()
        reader.places[f"{path}.id"] = row.place("id")
        for name in ("title", "description"):
            text = reader.text(row, name, f"{path}.{name}")
            if text is not None:
                entry[name] = text
    for sid, section_bands in bands.items():
        if sid not in by_id:
            reader.problem(
                f"sheet '{BANDS}'", f"bands for section '{sid}', which the sections sheet lacks"
            )
            continue
        entry, path = by_id[sid]
        entry["bands"] = section_bands
        _move_places(reader, f"@section:{sid}.bands", f"{path}.bands")
    for row in _rows(reader, ITEMS, sheets[ITEMS]):
        did = reader.plain(row, "domain")
        sid = reader.plain(row, "section")
        if did is None or did not in domains:
            known = ", ".join(domains) or "none"
            reader.problem(
                row.place("domain"),
                f"expected the id of a section or subsection from the sections sheet ({known})",
            )
            continue
        if sid is not None and sid != section_of[did]:
            reader.problem(
                row.place("section"),
                f"'{did}' belongs to section '{section_of[did]}', not '{sid}'",
            )
        owner, owner_path = domains[did]
        items = owner.setdefault("items", [])
        path = f"{owner_path}.items[{len(items)}]"
        reader.places[path] = row.place()
        item: dict[str, Any] = {}
        iid = reader.plain(row, "id")
        reader.places[f"{path}.id"] = row.place("id")
        if iid is not None:
            item["id"] = iid
        for name in ("prompt", "explanation"):
            text = reader.text(row, name, f"{path}.{name}")
            if text is not None:
                item[name] = text
        numbers = sorted(
            {int(m.group(1)) for c in row.cells if (m := _EXAMPLE_RE.fullmatch(c.split("::")[0]))}
        )
        examples: list[dict[str, str]] = []
        for n in numbers:
            text = reader.text(row, f"example_{n}", f"{path}.examples[{len(examples)}]")
            if text is not None:
                examples.append(text)
        if examples:
            item["examples"] = examples
        required = reader.flag(row, "required")
        reader.places[f"{path}.required"] = row.place("required")
        if required is not None:
            item["required"] = required
        if iid is not None and iid in scales:
            item["scale"] = scales.pop(iid)
            _move_places(reader, f"@item:{iid}.scale", f"{path}.scale")
        items.append(item)
    for orphan in scales:
        reader.problem(
            f"sheet '{SCALE}'", f"choices for item '{orphan}', which the items sheet lacks"
        )
    if SUGGESTIONS in sheets:
        for row in _rows(reader, SUGGESTIONS, sheets[SUGGESTIONS]):
            did = reader.plain(row, "domain")
            if did is None or did not in domains:
                reader.problem(row.place("domain"), "expected the id of a domain that holds items")
                continue
            owner, owner_path = domains[did]
            suggestions = owner.setdefault("suggestions", [])
            text = reader.text(row, "text", f"{owner_path}.suggestions[{len(suggestions)}]")
            if text is not None:
                suggestions.append(text)
    return sections


def _move_places(reader: _Reader, old: str, new: str) -> None:
    for key in [k for k in reader.places if k.startswith(old)]:
        reader.places[new + key[len(old) :]] = reader.places.pop(key)


def load_instrument_xlsx(path: Path) -> dict[str, Any]:
    """Read and check a workbook file (a regular file of at most MAX_XLSX_BYTES)."""
    source = str(path)
    try:
        raw = read_regular_file(path, MAX_XLSX_BYTES)
    except OSError as exc:
        raise _refused(f"{source}: cannot read the workbook ({exc.strerror or exc}).") from exc
    except FileRefused as exc:
        raise _refused(
            f"{source}: {exc}; an instrument workbook is a small .xlsx file "
            f"(at most {MAX_XLSX_BYTES // (1024 * 1024)} MB)."
        ) from exc
    return read_instrument_xlsx_bytes(raw, source)


# ----- writing the workbook -----------------------------------------------------------------


def _text_columns(name: str, languages: Iterable[str]) -> list[str]:
    return [f"{name}::{lang}" for lang in languages]


def instrument_to_xlsx(instrument: Instrument) -> bytes:
    """The workbook for a checked instrument (its JSON as loaded), every sheet in SHEET_ORDER."""
    return document_to_xlsx(dict(instrument.source), with_help=False)


def document_to_xlsx(doc: dict[str, Any], *, with_help: bool) -> bytes:
    """An instrument document as a workbook (a sheet per part); `with_help` adds help."""
    languages = list(doc.get("languages", ["en"]))
    sheets: dict[str, tuple[list[str], list[dict[str, Any]]]] = {}

    def texts(prefix: str, obj: dict[str, Any] | None, out: dict[str, Any]) -> None:
        for lang, value in (obj or {}).items():
            out[f"{prefix}::{lang}"] = value

    settings_rows: list[dict[str, Any]] = []
    scoring = doc.get("scoring", {})
    for key in PLAIN_SETTINGS:
        source = (
            scoring
            if key in ("band_metric", "disagreement_spread", "count_respondents_from")
            else doc
        )
        if key not in source:
            continue
        value = source[key]
        if key == "languages":
            value = ", ".join(value)
        settings_rows.append({"key": key, "value": value})
    for key in TEXT_SETTINGS:
        if key in doc:
            row: dict[str, Any] = {"key": key}
            texts("value", doc[key], row)
            settings_rows.append(row)
    sheets[SETTINGS] = (["key", "value", *_text_columns("value", languages)], settings_rows)

    scale_rows: list[dict[str, Any]] = []
    level_rows: list[dict[str, Any]] = []

    def add_scale(owner: str, scale: dict[str, Any]) -> None:
        for choice in scale.get("choices", []):
            row = {
                "for_item": owner or None,
                "code": choice.get("code"),
                "kind": choice.get("kind"),
            }
            row["value"] = choice.get("value")
            texts("label", choice.get("label"), row)
            texts("description", choice.get("description"), row)
            scale_rows.append(row)
        for level in scale.get("levels", []):
            row = {"for_item": owner or None, "min": level.get("min"), "max": level.get("max")}
            texts("label", level.get("label"), row)
            level_rows.append(row)

    add_scale("", doc.get("scale", {}))
    band_rows: list[dict[str, Any]] = []

    def add_bands(owner: str, bands: list[dict[str, Any]]) -> None:
        for band in bands:
            row = {"section": owner or None, "id": band.get("id")}
            row.update(min=band.get("min"), max=band.get("max"))
            texts("label", band.get("label"), row)
            texts("meaning", band.get("meaning"), row)
            band_rows.append(row)

    add_bands("", doc.get("bands", []))
    section_rows: list[dict[str, Any]] = []
    item_rows: list[dict[str, Any]] = []
    suggestion_rows: list[dict[str, Any]] = []
    most_examples = 0

    def add_domain(sid: str, domain: dict[str, Any]) -> None:
        nonlocal most_examples
        for item in domain.get("items", []):
            row = {"section": sid, "domain": domain.get("id"), "id": item.get("id")}
            texts("prompt", item.get("prompt"), row)
            texts("explanation", item.get("explanation"), row)
            for n, example in enumerate(item.get("examples", []), start=1):
                texts(f"example_{n}", example, row)
                most_examples = max(most_examples, n)
            if "required" in item:
                row["required"] = item["required"]
            item_rows.append(row)
            if "scale" in item:
                add_scale(str(item.get("id")), item["scale"])
        for suggestion in domain.get("suggestions", []):
            row = {"domain": domain.get("id")}
            texts("text", suggestion, row)
            suggestion_rows.append(row)

    for section in doc.get("sections", []):
        row = {"id": section.get("id")}
        texts("title", section.get("title"), row)
        texts("description", section.get("description"), row)
        section_rows.append(row)
        sid = str(section.get("id"))
        add_bands(sid, section.get("bands", []))
        for sub in section.get("subsections", []):
            row = {"id": sub.get("id")}
            texts("title", sub.get("title"), row)
            texts("description", sub.get("description"), row)
            section_rows.append(row)
        if "items" in section or "suggestions" in section:
            add_domain(sid, section)
        for sub in section.get("subsections", []):
            add_domain(sid, sub)

    def text_cols(*names: str) -> list[str]:
        return [c for name in names for c in _text_columns(name, languages)]

    sheets[SCALE] = (
        ["for_item", "code", "kind", "value", *text_cols("label", "description")],
        scale_rows,
    )
    sheets[LEVELS] = (["for_item", "min", "max", *text_cols("label")], level_rows)
    sheets[BANDS] = (["section", "id", "min", "max", *text_cols("label", "meaning")], band_rows)
    sheets[SECTIONS] = (["id", *text_cols("title", "description")], section_rows)
    examples = [f"example_{n}" for n in range(1, most_examples + 1)]
    sheets[ITEMS] = (
        ["section", "domain", "id", *text_cols("prompt", "explanation", *examples), "required"],
        item_rows,
    )
    sheets[SUGGESTIONS] = (["domain", *text_cols("text")], suggestion_rows)
    sheets[SCORE_TABLE] = (["raw", "score"], [dict(row) for row in doc.get("score_table", [])])
    return _write(sheets, with_help)


def _write(sheets: dict[str, tuple[list[str], list[dict[str, Any]]]], with_help: bool) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, dict(XLSX_WORKBOOK_OPTIONS))
    book.set_properties({"created": _EPOCH})  # the same content gives the same bytes
    bold = book.add_format({"bold": True, "bg_color": "#DDDDDD"})
    text = book.add_format({"num_format": "@", "text_wrap": True, "valign": "top"})
    if with_help:
        sheet = book.add_worksheet(HELP)
        sheet.set_column(0, 0, 110)
        for r, line in enumerate(HELP_LINES):
            sheet.write_string(r, 0, line, bold if r == 0 else text)
    for name in SHEET_ORDER:
        headers, rows = sheets[name]
        sheet = book.add_worksheet(name)
        sheet.freeze_panes(1, 0)
        for c, header in enumerate(headers):
            sheet.write_string(0, c, header, bold)
            wide = "::" in header
            sheet.set_column(c, c, 40 if wide else 12, text)
        for r, row in enumerate(rows, start=1):
            for c, header in enumerate(headers):
                value = row.get(header)
                if value is None:
                    continue
                if isinstance(value, bool):
                    sheet.write_boolean(r, c, value)
                elif isinstance(value, int | float):
                    sheet.write_number(r, c, value)
                else:
                    sheet.write_string(r, c, str(value), text)
    book.close()
    return buffer.getvalue()


_EPOCH = datetime(2000, 1, 1)

HELP_LINES = (
    "How to fill in this workbook (docs/instrument-format.md, section Spreadsheet)",
    "One row per thing. Texts have one column per language: prompt::en, prompt::es. "
    "English is required.",
    "settings: key | value (numbers, words) | value::LANG (texts: title, short_title, description, "
    "attribution, terms).",
    "  languages: codes separated by commas, e.g. 'en, es'; they must match the value::LANG "
    "columns.",
    "  band_metric: mean, percent or sum. official: TRUE only when this is the official wording.",
    "scale: one row per answer choice (code, kind = score / dont_know / not_applicable, value for "
    "scored choices, label). for_item: blank, or an item id whose own scale this row belongs to.",
    "levels (optional): min, max and label of named groups of scale values.",
    "bands: one row per band of the whole score (section blank) or of a section (its id).",
    "sections: '1' is a section, '1.2' a subsection of section 1; a section row comes before its "
    "subsections.",
    "items: section, domain (the section or subsection that holds the item), id ('1.2.3' or a "
    "plain '7'), prompt, explanation and example_1, example_2 … (optional), required (TRUE/FALSE, "
    "optional).",
    "suggestions (optional): improvement ideas per domain, for action plans.",
    "score_table (individual kind only): raw total | reported score, one row per possible total.",
    "Format id columns as Text, so '1.10' stays '1.10'. Do not use formulas.",
    "Convert: smsoat instrument from-xlsx FILE.xlsx -o FILE.json; check: smsoat instrument check "
    "FILE.json",
)


# ----- the template -------------------------------------------------------------------------


def template_document() -> dict[str, Any]:
    """A small filled example in format version 2, in English and Spanish."""

    def t(en: str, es: str) -> dict[str, str]:
        return {"en": en, "es": es}

    choices: list[dict[str, Any]] = [
        {"code": str(v), "kind": "score", "value": v, "label": t(en, es)}
        for v, en, es in (
            (1, "Not in place", "No existe"),
            (2, "Beginning", "En inicio"),
            (3, "Mostly in place", "Casi completo"),
            (4, "Fully in place", "Completo"),
        )
    ]
    choices.append({"code": "dk", "kind": "dont_know", "label": t("Don't know", "No sé")})
    return {
        "format": FORMAT_NAME,
        "format_version": 2,
        "id": "my-instrument",
        "version": "1.0",
        "languages": list(t("", "")),  # the languages every example text is written in
        "title": t("My instrument (example)", "Mi instrumento (ejemplo)"),
        "short_title": t("My instrument", "Mi instrumento"),
        "description": t("Replace every example text.", "Reemplace cada texto de ejemplo."),
        "attribution": t(
            "Source and licence of the wording.", "Fuente y licencia de la redacción."
        ),
        "official": False,
        "review_period_months": 3,
        "scale": {"choices": choices},
        "scoring": {"disagreement_spread": 2, "band_metric": "mean"},
        "bands": [
            {
                "id": "early",
                "min": 1,
                "max": 2.5,
                "label": t("Early", "Inicial"),
                "meaning": t("Start here.", "Empiece aquí."),
            },
            {
                "id": "established",
                "min": 2.5,
                "max": 4,
                "label": t("Established", "Establecido"),
                "meaning": t("Keep it up.", "Siga así."),
            },
        ],
        "sections": [
            {
                "id": "1",
                "title": t("First section", "Primera sección"),
                "subsections": [
                    {
                        "id": "1.1",
                        "title": t("A domain", "Un dominio"),
                        "items": [
                            {
                                "id": "1.1.1",
                                "prompt": t("Does the team do this?", "¿Lo hace el equipo?"),
                                "explanation": t("What this asks.", "Qué pregunta."),
                                "examples": [t("An example.", "Un ejemplo.")],
                            },
                            {
                                "id": "1.1.2",
                                "prompt": t("And this?", "¿Y esto?"),
                                "required": False,
                            },
                        ],
                        "suggestions": [t("An improvement idea.", "Una idea de mejora.")],
                    }
                ],
            },
            {
                "id": "2",
                "title": t("Second section", "Segunda sección"),
                "items": [{"id": "2.1", "prompt": t("Is it monitored?", "¿Se monitorea?")}],
            },
        ],
    }


def template_xlsx() -> bytes:
    """The blank instrument workbook a state fills in (`smsoat instrument template`)."""
    return document_to_xlsx(template_document(), with_help=True)
