"""The due list as a follow-up table: CSV (UTF-8 with BOM) or XLSX, one row per agency.

Text cells are written as text (an agency called "=HYPERLINK(…)" stays a name; in the CSV such a
cell is neutralised), dates as dates, so a coordinator can sort and filter at once.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time

import xlsxwriter  # type: ignore[import-untyped]  # no stubs published

from app.core.cells import XLSX_WORKBOOK_OPTIONS, neutralise_cell
from app.services.due import DueEntry

HEADERS = (
    "Agency",
    "State identifier",
    "Status",
    "Next due",
    "Days left",
    "Last round",
    "Last period end",
    "Repeat (months)",
)
STATUS_WORDS = {
    "overdue": "overdue",
    "never": "never reported",
    "due": "due soon",
    "ok": "up to date",
}

Cell = str | int | date | None


def due_rows(entries: list[DueEntry]) -> list[list[Cell]]:
    return [
        [
            e.organization.name,
            e.organization.state_identifier,
            STATUS_WORDS[e.status],
            e.next_due,
            e.days_left,
            e.last_round.name if e.last_round else None,
            e.last_round.period_end if e.last_round else None,
            e.repeat_months,
        ]
        for e in entries
    ]


def build_due_csv(entries: list[DueEntry]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in due_rows(entries):
        writer.writerow(
            [
                ""
                if v is None
                else v.isoformat()
                if isinstance(v, date)
                else str(v)
                if isinstance(v, int)
                else neutralise_cell(v)
                for v in row
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")


def build_due_xlsx(entries: list[DueEntry], *, generated: date | None = None) -> bytes:
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, dict(XLSX_WORKBOOK_OPTIONS))
    created = datetime.combine(generated or date.today(), time())
    workbook.set_properties({"title": "Rounds due", "created": created})
    bold = workbook.add_format({"bold": True, "bg_color": "#E6E6E6"})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet = workbook.add_worksheet("Due")
    for col, header in enumerate(HEADERS):
        sheet.write_string(0, col, header, bold)
        sheet.set_column(col, col, 36 if col in (0, 5) else 16)
    for r, row in enumerate(due_rows(entries), 1):
        for col, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, date):
                sheet.write_datetime(r, col, datetime.combine(value, time()), day)
            elif isinstance(value, int):
                sheet.write_number(r, col, value)
            else:
                sheet.write_string(r, col, value)
    sheet.freeze_panes(1, 1)
    sheet.autofilter(0, 0, max(len(entries), 1), len(HEADERS) - 1)
    workbook.close()
    return buffer.getvalue()
