"""The page header fits a long agency name in a number of measurements that grows with log(n).

It used to drop one character per measurement: a 10,000-character name took about 30 s per report.
The test counts the measurements (not the wall clock) and checks the header still fits.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.reports import common

LONG = "Riverbend Community Health Association of the North County " * 170  # ~10,000 chars


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []

    def measured(text: str, font: str, size: float, *args: Any) -> float:
        calls.append(len(text))
        return float(stringWidth(text, font, size, *args))

    monkeypatch.setattr(common, "stringWidth", measured)
    return calls


def test_fitting_a_10000_character_name_takes_a_few_measurements(counted: list[int]) -> None:
    common.register_fonts()
    assert len(LONG) >= 10_000
    width = 300.0
    fitted = common._fit(LONG, common.FONT, 7.5, width)
    assert len(counted) <= 20, f"{len(counted)} measurements"
    assert fitted.endswith("…") and LONG.startswith(fitted[:-1])
    assert stringWidth(fitted, common.FONT, 7.5) <= width, "it fits"
    longer = LONG[: len(fitted)] + "…"  # one more character of the name
    assert stringWidth(longer, common.FONT, 7.5) > width, "and no more would"


def test_short_text_is_kept_whole(counted: list[int]) -> None:
    common.register_fonts()
    assert common._fit("Spring 2026", common.FONT, 7.5, 300) == "Spring 2026"
    assert len(counted) == 1
    assert common._fit("x" * 50, common.FONT, 7.5, 0) == "…"


def test_a_pdf_with_a_10000_character_agency_name(counted: list[int]) -> None:
    styles = common.make_styles()
    pages = [common.para(f"Body text {n}. " * 60, styles.body) for n in range(6)]
    header = common.HeaderInfo(LONG, "Round: " + LONG, "en", date(2026, 1, 1))
    data = common.build_pdf(pages, title="t", header=header, paper="letter")
    reader = PdfReader(io.BytesIO(data))
    assert len(counted) <= 2 * 20 * len(reader.pages), f"{len(counted)} measurements"
    text = reader.pages[0].extract_text()
    header_line = next(line for line in text.splitlines() if "Riverbend" in line)
    assert header_line.startswith("Riverbend Community Health") and "…" in header_line
    assert len(header_line) < 400, "cut to one line, not the whole name"
