"""Peer groups from a CSV file: one row per agency, one column per group.

The first column names the agency: `state_id` (its state identifier, the usual key across
laptops), `agency_id` (the id here) or `agency` (its exact name). Every other column is a group
name (region, setting, provider type …) and each cell that agency's value; an empty cell leaves
that group as it is. For example:

    state_id,region,setting,provider type
    ST-001,North,rural,FQHC

The file comes from a spreadsheet someone else made, so it is read as hostile: at most
MAX_CSV_BYTES, MAX_ROWS rows and MAX_COLUMNS columns, UTF-8 (a BOM allowed), no control
characters, every agency found. Any problem refuses the whole file with the first problems named
by row, and nothing is changed: a half-applied grouping would skew every comparison silently.
Values are stored as text; one starting with = + - @ stays text (the XLSX writer escapes it).
"""

from __future__ import annotations

import csv
import io
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.core.bounded_read import FileRefused, read_regular_file
from app.core.errors import NotFoundError, ValidationError
from app.core.models import Organization
from app.db import agency_attributes, agency_links, organizations
from app.db.connection import transaction

MAX_CSV_BYTES = 2 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 20
KEYS = ("state_id", "agency_id", "agency")


@dataclass(frozen=True)
class GroupImport:
    """What a groups CSV changed: rows applied, cells set, and the group names."""

    agencies: int  # rows applied
    values: int  # cells set
    groups: tuple[str, ...]  # the group names (columns)


def parse_group(text: str) -> tuple[str, str]:
    """`NAME=VALUE` as given on the command line, cleaned; ValidationError in words otherwise."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip() or not value.strip():
        raise ValidationError(
            f"'{text[:60]}' is not a group: write NAME=VALUE, for example region=North."
        )
    return agency_attributes.clean_name(name), agency_attributes.clean_value(value)


def read_csv_file(path: Path) -> str:
    """A groups CSV read with a size limit; a refusal says what is wrong in one line."""
    try:
        data = read_regular_file(path, MAX_CSV_BYTES)
    except FileRefused as exc:
        raise ValidationError(f"Cannot read {path.name} as a group list: {exc}.") from None
    except OSError as exc:
        raise ValidationError(
            f"Cannot read {path.name}: {exc.strerror or exc}; check the path."
        ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            f"{path.name} is not UTF-8 text; save it from the spreadsheet as 'CSV UTF-8'."
        ) from None


def _find(conn: sqlite3.Connection, key: str, cell: str) -> Organization | None:
    if key == "agency_id":
        try:
            return organizations.get(conn, int(cell))
        except (ValueError, OverflowError, NotFoundError):
            return None
    if key == "agency":
        return organizations.find_by_name(conn, cell)
    found = [
        o
        for o in organizations.list_all(conn)
        if agency_links.same_state_id(o.state_identifier, cell)
    ]
    if not found:
        return None
    return organizations.get(conn, agency_links.canonical_of(conn, min(o.id for o in found)))


def import_groups_csv(
    conn: sqlite3.Connection, text: str, name: str = "the file", *, actor: str = "app"
) -> GroupImport:
    """Apply the whole file in one transaction, or nothing with the problems in words."""
    if "\x00" in text:
        raise ValidationError(f"{name} holds NUL bytes: it is not a CSV text file.")
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise ValidationError(f"{name} is not a readable CSV file ({exc}).") from None
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise ValidationError(f"{name} is empty; its first line names the columns.")
    header = [" ".join(h.split()).casefold() for h in rows[0]]
    if not header or header[0] not in KEYS:
        raise ValidationError(
            f"{name}: the first column must be one of {', '.join(KEYS)} (found "
            f"'{rows[0][0][:40] if rows[0] else ''}')."
        )
    if len(header) < 2:
        raise ValidationError(f"{name} has no group columns after '{header[0]}'.")
    if len(header) > MAX_COLUMNS:
        raise ValidationError(f"{name} has {len(header)} columns; at most {MAX_COLUMNS}.")
    if len(rows) - 1 > MAX_ROWS:
        raise ValidationError(f"{name} has {len(rows) - 1:,} rows; at most {MAX_ROWS:,}.")
    problems: list[str] = []
    groups: list[str] = []
    for column, title in enumerate(header[1:], 2):
        try:
            groups.append(agency_attributes.clean_name(title))
        except ValidationError as exc:
            problems.append(f"column {column}: {exc}")
    if len(set(groups)) != len(groups):
        problems.append("a group name appears in two columns")
    planned: list[tuple[int, str, str]] = []
    for line, row in enumerate(rows[1:], 2):
        if len(row) > len(header):
            problems.append(f"row {line}: more cells than columns")
            continue
        cell = row[0].strip()
        org = _find(conn, header[0], cell) if cell else None
        if org is None:
            problems.append(f"row {line}: no agency here with {header[0]} '{cell[:40]}'")
            continue
        for group, value in zip(groups, row[1:], strict=False):
            try:
                cleaned = agency_attributes.clean_value(value)
            except ValidationError as exc:
                problems.append(f"row {line}: {exc}")
                continue
            if cleaned:
                planned.append((org.id, group, cleaned))
    if problems:
        shown = "; ".join(problems[:3]) + (
            f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
        )
        raise ValidationError(f"{name} was not imported, nothing changed: {shown}.")
    with transaction(conn):
        for org_id, group, value in planned:
            agency_attributes.set_attribute(conn, org_id, group, value, actor=actor)
    return GroupImport(len({p[0] for p in planned}), len(planned), tuple(groups))
