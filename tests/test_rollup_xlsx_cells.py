"""The roll-up workbook's speed rules (issue 20) change nothing in the file: date cells are
xlsxwriter's own, and a built workbook leaves no cycles for the collector."""

from __future__ import annotations

import gc
import io
import zipfile
from datetime import date, datetime, time, timedelta

import pytest
import xlsxwriter  # type: ignore[import-untyped]

from app.core.instrument import Instrument
from app.db.connection import open_database
from app.reports import rollup_xlsx
from app.reports.rollup_xlsx import build_rollup_xlsx, excel_day
from app.services.rollup import Rollup, compute_rollup
from tests.test_exchange import filled_round


def test_a_date_cell_is_the_one_write_datetime_makes() -> None:
    """The workbook writes dates as cached serial numbers with the date format (issue 20): the
    sheet's XML must be byte for byte what xlsxwriter's own write_datetime writes."""
    days = [date(1900, 1, 1) + timedelta(days=n) for n in range(0, 80)]
    days += [date(1999, 12, 31) + timedelta(days=n * 37) for n in range(400)]
    days += [date(2024, 2, 29), date(2100, 3, 1), date(9999, 12, 31)]

    def sheet_xml(exact_day: bool) -> bytes:
        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
        day = workbook.add_format({"num_format": "yyyy-mm-dd"})
        sheet = workbook.add_worksheet()
        for row, value in enumerate(days):
            if exact_day:
                sheet.write_number(row, 0, excel_day(value), day)
            else:
                sheet.write_datetime(row, 0, datetime.combine(value, time()), day)
        workbook.close()
        with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
            return archive.read("xl/worksheets/sheet1.xml")

    written = sheet_xml(True)
    assert written == sheet_xml(False)
    assert b"<v>45351</v>" in written  # 2024-02-29, as Excel numbers it


def _left_for_the_collector(rollup: Rollup) -> int:
    gc.collect()
    gc.disable()
    try:
        assert build_rollup_xlsx(rollup).startswith(b"PK")
        return gc.collect()
    finally:
        gc.enable()


def test_a_built_workbook_leaves_no_cycles_behind(
    mini: Instrument, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its cells are freed when it is done, not by the next cycle collection (which cost
    whatever ran next ~0.1 s at 1,000 agencies); the collector is on again afterwards."""
    conn = open_database(":memory:")
    for n in range(40):
        filled_round(conn, mini, agency=f"Agency {n}", seed=n)
    rollup = compute_rollup(conn, "mini")
    left = _left_for_the_collector(rollup)
    monkeypatch.setattr(rollup_xlsx, "_free_cells", lambda workbook: None)
    kept = _left_for_the_collector(rollup)  # as before: every cell waited for the collector
    assert kept > 2_000 and left * 4 < kept, (left, kept)
    assert gc.isenabled()
