"""The fast paths write exactly what ReportLab writes: the cached line operators
(app.reports.text_ops) what drawString writes, in any font, size and leading; PlainTable
(app.reports.plain_table) every page of every report as ReportLab's Table draws it."""

from __future__ import annotations

import gc
import io
from datetime import date

import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table

from app.reports import common, plain_table
from app.reports.common import FONT, FONT_BOLD, register_fonts
from app.reports.text_ops import draw_string
from tests.test_tagged_pdf import REPORTS, Builder, agency, builders

__all__ = ["agency", "builders"]  # the fixtures, shared with the tagged-PDF tests

LINES = ["Domain 1.1", "2,05", "–", "", "(paréntesis) \\ barra", "Ωμέγα → ✓", "2,05", "Domain 1.1"]


def _code(fast: bool) -> tuple[list[str], int]:
    """The content operators of every line drawn, and how many lines the fast path took."""
    canvas = Canvas(io.BytesIO())
    taken = 0
    for n, (font, size) in enumerate([(FONT, 8.5), (FONT_BOLD, 8.5), (FONT, 12), ("Helvetica", 9)]):
        canvas.setFont(font, size, leading=size * 1.2 + n)
        for i, text in enumerate(LINES):
            x, y = 10.5 + i, 700 - 12.25 * i
            if fast and draw_string(canvas, x, y, text):
                taken += 1
            else:
                canvas.drawString(x, y, text)
    return list(canvas._code), taken


def test_cached_lines_match_drawstring_byte_for_byte() -> None:
    register_fonts()
    (plain, _), (fast, taken) = _code(False), _code(True)
    assert fast == plain
    assert taken == 3 * len(LINES)  # every line in the three TrueType fonts, none in Helvetica
    # each line sets its font subset, in both 8.5-point fonts; the empty line draws no glyph
    assert sum("+0 8.5 Tf" in line for line in fast) == 2 * (len(LINES) - 1)


def test_standard_fonts_and_shaped_text_go_the_usual_way() -> None:
    register_fonts()
    canvas = Canvas(io.BytesIO())
    canvas.setFont("Helvetica", 9)
    assert draw_string(canvas, 0, 0, "Helvetica") is False
    canvas.setFont(FONT, 9)
    canvas.bottomup = 0
    assert draw_string(canvas, 0, 0, "top-down") is False
    assert canvas._code == [line for line in canvas._code if "Tj" not in line]


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("report", REPORTS)
def test_plain_tables_draw_every_page_as_reportlab_does(
    builders: dict[str, Builder], report: str, paper: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PlainTable's fast paths (row heights, string cells) change no byte of any page."""
    fast = _pages(builders[report]("es", paper))
    monkeypatch.setattr(plain_table, "PlainTable", Table)
    monkeypatch.setattr(plain_table, "_PREPARED_MAX", 0)  # ReportLab's own, styled each time
    monkeypatch.setattr(plain_table, "_PREPARED", {})
    assert _pages(builders[report]("es", paper)) == fast


def _pages(pdf: bytes) -> list[bytes]:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return [page.Contents.read_bytes() for page in doc.pages]


class _Probe(Flowable):  # type: ignore[misc]
    """Records whether the cycle collector ran while the page was drawn; can fail on demand."""

    def __init__(self, fail: bool = False) -> None:
        super().__init__()
        self.fail = fail
        self.seen: list[bool] = []

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 10, 10

    def draw(self) -> None:
        self.seen.append(gc.isenabled())
        if self.fail:
            raise RuntimeError("probe")


def test_the_collector_pauses_during_a_build_and_comes_back() -> None:
    header = common.HeaderInfo(left="GC", right="", lang="en", generated=date(2026, 5, 1))
    assert gc.isenabled()
    probe = _Probe()
    common.build_pdf([probe], title="GC", header=header)
    assert probe.seen == [False] and gc.isenabled()
    with pytest.raises(RuntimeError):
        common.build_pdf([_Probe(fail=True)], title="GC", header=header)
    assert gc.isenabled()  # back on after a failed build too
    gc.disable()
    try:
        common.build_pdf([_Probe()], title="GC", header=header)
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()
