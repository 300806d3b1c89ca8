"""The cached line operators (app.reports.text_ops) write exactly what ReportLab's drawString
writes: same operators, same subsets, in any font, size and leading, and repeated strings."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from app.reports.common import FONT, FONT_BOLD, register_fonts
from app.reports.text_ops import draw_string

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
