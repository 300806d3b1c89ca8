"""Building blocks shared by every PDF report (and by the state roll-up): a stable, documented API.

- `register_fonts()` embeds DejaVu Sans from `resources/fonts`, so any name (accents, Cyrillic,
  Arabic, Hebrew…) renders and the PDF looks the same on every machine.
- `esc()` turns any user or database string into safe Paragraph markup: ReportLab parses Paragraph
  text as XML-like markup, so an unescaped `a<b` raises and an unknown `<tag>` silently vanishes.
- `make_styles()` gives the paragraph styles; `build_pdf()` lays out flowables on Letter or A4 with
  a header (agency, round) and a footer (page x of y, generation date, app version).
- `domain_bar_chart()` lives in `app.reports.charts`, `fmt_value()`/`fmt_score()` (numbers in the
  report's language) in `app.reports.numbers`; both are re-exported here.

Nothing here reads the database, so other report families can reuse it freely.
"""

from __future__ import annotations

import io
import logging
import re
import struct
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Table,
)
from reportlab.platypus.flowables import _listWrapOn

from app import __version__, paths
from app.core.collector import collector_paused
from app.core.errors import ValidationError
from app.reports import outputs
from app.reports.charts import ChartLegend, ChartRow, domain_bar_chart
from app.reports.labels import check_language, t
from app.reports.numbers import fmt_score, fmt_value
from app.reports.plain_table import styled_table
from app.reports.tagging import TaggedFrame, Tagger
from app.reports.text_ops import draw_string

# Page streams are deflated only, not also ASCII85-encoded: ASCII85 makes them 25 % bigger and cost
# a second or more of pure Python in a 1,000-page roll-up when ReportLab's C accelerator
# (rl-accel) is missing (docs/performance.md). PDF readers need no text-safe streams.
rl_config.useA85 = 0

__all__ = [
    "FONT",
    "FONT_BOLD",
    "GRID",
    "PAPERS",
    "PLACEHOLDER",
    "ChartLegend",
    "ChartRow",
    "HeaderInfo",
    "KeepHeadingWithStart",
    "RuledLines",
    "Styles",
    "build_pdf",
    "check_paper",
    "clip",
    "content_width",
    "data_table",
    "domain_bar_chart",
    "draw_line",
    "esc",
    "facts_table",
    "fit_line",
    "fmt_score",
    "fmt_value",
    "font_runs",
    "keep_last_with_previous",
    "make_styles",
    "page_size",
    "para",
    "register_fonts",
    "strip_value",
    "take_unprintable",
    "value_and_label",
]

log = logging.getLogger(__name__)

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
PAPERS: dict[str, tuple[float, float]] = outputs.PAPERS  # the one definition
MARGIN: float = 18 * mm
GRID = colors.Color(0.55, 0.55, 0.55)
SHADE = colors.Color(0.9, 0.9, 0.9)

_registered = False
# XML 1.0 forbids most control characters; ReportLab's parser chokes on them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _utf16_hex(code: int) -> str:
    return "".join(
        f"{unit:04X}"
        for unit in struct.unpack(
            ">" + "H" * (2 if code > 0xFFFF else 1), chr(code).encode("utf-16-be")
        )
    )


def _to_unicode_cmap(fontname: str, subset: Sequence[int]) -> str:
    """ReportLab's ToUnicode CMap with characters beyond U+FFFF written as UTF-16 pairs.

    ReportLab 4 writes `<1F600>` (odd-length, invalid), so emoji and other astral characters were
    drawn but lost to copy-paste, search and screen readers. Same output otherwise.
    """
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>",
        "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]
    return "\n".join(lines)


def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold) once per process, as one family for <b> markup."""
    global _registered
    if _registered:
        return
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    folder = paths.fonts_dir()
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )
    _registered = True


# ----- characters DejaVu lacks -----------------------------------------------------------------
# DejaVu Sans covers Latin, Greek, Cyrillic, Arabic, Hebrew, many symbols and some emoji, but no
# Chinese, Japanese or Korean: those printed as empty boxes and vanished from the text layer. They
# are printed in Droid Sans Fallback (resources/fonts, Apache-2.0, 3.4 MB; about 33,000 characters
# including CJK ideographs, kana and Hangul), loaded only when a report needs it (~70 ms). A
# character neither font has (most emoji beyond DejaVu's few) is printed as PLACEHOLDER, and
# `take_unprintable()` tells the caller which ones, so the command line can warn.

FALLBACK_FONT = "DroidSansFallback"
FALLBACK_FILE = "DroidSansFallback.ttf"
PLACEHOLDER = "\u25a1"  # □, in DejaVu
_KEEP = frozenset("\n\t ")
_coverage: frozenset[int] | None = None
_fallback_coverage: frozenset[int] | None = None
_unprintable: set[str] = set()
_unprintable_lock = threading.Lock()


def _main_coverage() -> frozenset[int]:
    global _coverage
    if _coverage is None:
        register_fonts()
        _coverage = frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)
    return _coverage


def _fallback() -> frozenset[int]:
    """The fallback font's characters, registering it on first use."""
    global _fallback_coverage
    if _fallback_coverage is None:
        register_fonts()
        font = TTFont(FALLBACK_FONT, str(paths.fonts_dir() / FALLBACK_FILE))
        pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(
            FALLBACK_FONT,
            normal=FALLBACK_FONT,
            bold=FALLBACK_FONT,
            italic=FALLBACK_FONT,
            boldItalic=FALLBACK_FONT,
        )
        _fallback_coverage = frozenset(font.face.charToGlyph)
    return _fallback_coverage


def font_runs(text: str) -> list[tuple[str, str]]:
    """`text` cut into (font, text) runs: FONT where DejaVu has the character, FALLBACK_FONT
    where only the fallback has it; characters neither has become PLACEHOLDER (and are noted)."""
    if text.isascii():
        return [(FONT, text)]
    main = _main_coverage()
    runs: list[tuple[str, str]] = []
    missing: set[str] = set()
    for char in text:
        code = ord(char)
        if code in main or char in _KEEP:
            font = FONT
        elif code in _fallback():
            font = FALLBACK_FONT
        else:
            font, char = FONT, PLACEHOLDER
            missing.add(chr(code))
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    if missing:
        with _unprintable_lock:
            _unprintable.update(missing)
        log.warning("characters no font can print: %s", " ".join(sorted(missing)))
    return runs


def take_unprintable() -> list[str]:
    """The characters printed as PLACEHOLDER since the last call, as "😀 (U+1F600)"; clears."""
    with _unprintable_lock:
        found = sorted(_unprintable)
        _unprintable.clear()
    return [f"{c} (U+{ord(c):04X})" for c in found]


def _text_width(text: str, font: str, size: float) -> float:
    """Width of plain text as drawn by `_draw_text` (each run in its own font)."""
    if text.isascii():
        return float(stringWidth(text, font, size))
    return sum(
        float(stringWidth(part, font if run_font == FONT else run_font, size))
        for run_font, part in font_runs(text)
    )


def _draw_text(canvas: Canvas, x: float, y: float, text: str, size: float, *, right: bool) -> None:
    """drawString/drawRightString, switching to the fallback font where DejaVu lacks a glyph."""
    if right:
        x -= _text_width(text, FONT, size)
    for run_font, part in font_runs(text):
        canvas.setFont(run_font, size)
        canvas.drawString(x, y, part)
        x += stringWidth(part, run_font, size)
    canvas.setFont(FONT, size)


def check_paper(paper: str) -> str:
    if paper not in PAPERS:
        raise ValidationError(f"Paper size is one of {', '.join(PAPERS)}, not '{paper}'.")
    return paper


def page_size(paper: str) -> tuple[float, float]:
    return PAPERS[check_paper(paper)]


def esc(text: object) -> str:
    """Any value as safe Paragraph markup: escaped, control characters dropped, newlines kept;
    characters DejaVu lacks are set in the fallback font (see font_runs)."""
    if text is None:
        return ""
    cleaned = _CONTROL.sub("", str(text)).replace("\r\n", "\n").replace("\r", "\n")
    parts = []
    for font, part in font_runs(cleaned):
        escaped = part.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        escaped = escaped.replace("\n", "<br/>")
        parts.append(escaped if font == FONT else f'<font name="{font}">{escaped}</font>')
    return "".join(parts)


def clip(text: str, limit: int) -> str:
    """Shorten plain text (before escaping) for table cells, which cannot split across pages."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def value_and_label(value: float, label: str) -> str:
    """ "2 — Beginning", but "1 – Little or none" as is when the label already starts with 1."""
    number = f"{value:g}"
    if label == number or re.match(rf"{re.escape(number)}(?![\d.,])", label):
        return label
    return f"{number} — {label}"


def strip_value(value: float, label: str) -> str:
    """A label without a leading copy of its value: "1 – Little or none" → "Little or none"."""
    number = re.escape(f"{value:g}")
    return re.sub(rf"^{number}(?![\d.,])\s*[-–—:.)]?\s*", "", label) or label


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    big: ParagraphStyle


def make_styles() -> Styles:
    """Paragraph styles in DejaVu Sans; sizes chosen to read well printed in black and white."""
    register_fonts()

    def style(name: str, size: float, bold: bool = False, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=FONT_BOLD if bold else FONT,
            fontSize=size,
            leading=size * 1.25,
            alignment=TA_LEFT,
            **kw,
        )

    # Headings keep with what follows, so none is left alone at the foot of a page.
    return Styles(
        title=style("title", 17, True, spaceAfter=4),
        h1=style("h1", 13.5, True, spaceBefore=10, spaceAfter=5, keepWithNext=1),
        h2=style("h2", 11.5, True, spaceBefore=8, spaceAfter=3, keepWithNext=1),
        h3=style("h3", 10, True, spaceBefore=5, spaceAfter=2, keepWithNext=1),
        body=style("body", 9.5, spaceAfter=3),
        small=style("small", 8, textColor=colors.Color(0.25, 0.25, 0.25)),
        cell=style("cell", 8.5),
        cell_bold=style("cell_bold", 8.5, True),
        big=style("big", 15, True, spaceAfter=3),
    )


def para(text: str, style: ParagraphStyle, *, markup: str = "") -> Paragraph:
    """A Paragraph of plain text (escaped here), optionally prefixed by trusted markup."""
    return Paragraph(markup + esc(text), style)


def data_table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    shaded_rows: Sequence[int] = (),
    row_heights: Sequence[float | None] | None = None,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A ruled table with a grey header that repeats on every page; cells are Paragraphs/strings.

    `row_heights` (None for a row = as tall as its content) leaves room to write in empty rows;
    `extra` style commands follow the standard ones (bold rows, say).
    """
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE))
    for row in shaded_rows:
        commands.append(("BACKGROUND", (0, row), (-1, row), SHADE))
    table = styled_table(
        list(map(list, rows)),
        widths,
        [*commands, *extra],
        row_heights=row_heights,
        repeat_rows=header_rows,
    )
    if not header_rows:  # label | value rows: the labels head their rows in the tagged PDF
        table.tag_header_cols = (0,)
    return table


FACT_LIMIT = 1200  # longer values are printed as paragraphs, which can split across pages


def facts_table(pairs: Sequence[tuple[str, str]], st: Styles, width: float) -> list[Flowable]:
    """A cover block of label | value rows (agency, round, …), nothing cut off.

    A table row cannot split across pages, so when any value is very long (a pasted essay as an
    agency name) the block is printed as "label: value" paragraphs instead.
    """
    if any(len(value) > FACT_LIMIT for _, value in pairs):
        return [para(value, st.body, markup=f"<b>{esc(label)}:</b> ") for label, value in pairs]
    rows = [[para(label, st.cell_bold), para(value, st.cell)] for label, value in pairs]
    return [data_table(rows, [width * 0.28, width * 0.72], header_rows=0)]


class RuledLines(Flowable):  # type: ignore[misc]
    """Blank ruled lines to write on by hand (worksheets, the paper form): an artifact in the
    tagged PDF (the field's label says what to write)."""

    artifact = True

    def __init__(self, lines: int, width: float, spacing: float = 7 * mm) -> None:
        super().__init__()
        self.lines = lines
        self.line_width = width
        self.spacing = spacing

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.line_width = min(self.line_width, available_width)
        return self.line_width, self.lines * self.spacing

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        for n in range(1, self.lines + 1):
            y = self.lines * self.spacing - n * self.spacing + 1
            canvas.line(0, y, self.line_width, y)
        canvas.restoreState()


@dataclass(frozen=True)
class HeaderInfo:
    """What every page repeats: who the report is about, in which language, printed when."""

    left: str
    right: str
    lang: str
    generated: date


def _fit(text: str, font: str, size: float, width: float) -> str:
    """`text` on one line of `width`, cut with "…" where needed.

    The longest prefix that fits is found by bisection: about log2(len) measurements, not one per
    character removed (a 10,000-character agency name took some 30 s per report that way).
    """
    text = " ".join(_CONTROL.sub("", text).split())
    if _text_width(text, font, size) <= width:
        return text
    fits, too_long = 0, len(text)  # text[:fits] + "…" fits; text[:too_long] + "…" does not
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        if _text_width(text[:middle] + "…", font, size) <= width:
            fits = middle
        else:
            too_long = middle
    return text[:fits] + "…"


def fit_line(text: str, width: float, size: float, font: str = FONT) -> str:
    """Plain text cut with "…" to one line of `width` points (as measured by draw_line)."""
    return _fit(text, font, size, width)


def draw_line(canvas: Canvas, x: float, y: float, text: str, size: float) -> None:
    """Plain text at (x, y) in DejaVu, with the fallback font where DejaVu lacks a character."""
    _draw_text(canvas, x, y, text, size, right=False)


class KeepHeadingWithStart(KeepTogether):  # type: ignore[misc]
    """What `keepWithNext` groups into: a heading and what follows it.

    ReportLab's own KeepTogether moves the whole group to the next page whenever it does not fit,
    so a heading above a long table always began a new page and left half a page empty. Here a
    group whose last flowable is long and can split stays put when the headings and a useful
    start of that flowable (`MIN_START` points, e.g. a table's header and first rows) fit in the
    space left; short ones still move whole.
    """

    MIN_START = 56.0
    SMALL = 150.0  # a flowable up to this tall (a short table) moves whole instead

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        content: list[Flowable] = list(self._content)
        if len(content) >= 2 and available_height < self._H:
            heads, last = content[:-1], content[-1]
            _, used = _listWrapOn(heads, available_width, self.canv)
            room = available_height - used - last.getSpaceBefore()
            _, whole = last.wrapOn(self.canv, available_width, 0xFFFFFF)
            if room >= self.MIN_START and whole > self.SMALL:
                parts = last.splitOn(self.canv, available_width, room)
                if len(parts) >= 2:
                    _, first = parts[0].wrapOn(self.canv, available_width, room)
                    if first >= self.MIN_START:
                        return content
        result: list[Flowable] = super().split(available_width, available_height)
        return result


def keep_last_with_previous(story: list[Flowable]) -> list[Flowable]:
    """The story with its last block (an item, say) kept on one page with the block before it.

    Every block is already a KeepTogether, and headings keep with what follows; what was left was
    the last item of a form spilling alone onto the final page. Joining the last two blocks means
    a page never holds one lone item: if they do not fit together, both move on.
    """
    if len(story) >= 2 and all(isinstance(f, KeepTogether) for f in story[-2:]):
        return [*story[:-2], KeepTogether([*story[-2]._content, *story[-1]._content])]
    return story


class _Document(SimpleDocTemplate):  # type: ignore[misc]
    """SimpleDocTemplate whose headings also keep with a following KeepTogether block.

    ReportLab never groups a `keepWithNext` heading with a KeepTogether (an item block, say), so
    such headings could be left alone at the foot of a page. Here the heading joins the block.
    """

    def handle_keepWithNext(self, flowables: list[Flowable]) -> None:
        heads = 0
        while (
            heads < len(flowables)
            and flowables[heads].getKeepWithNext()
            and not isinstance(flowables[heads], KeepTogether)
        ):
            heads += 1
        if heads and heads < len(flowables) and isinstance(flowables[heads], KeepTogether):
            group = [*flowables[:heads], *flowables[heads]._content]
            for flowable in group[:-1]:
                flowable.__dict__["keepWithNext"] = 0
            del flowables[: heads + 1]
            flowables.insert(0, KeepHeadingWithStart(group))
            return
        super().handle_keepWithNext(flowables)

    def build(self, flowables: list[Flowable], canvasmaker: type[Canvas]) -> None:
        """SimpleDocTemplate's one-frame page, with the frame that tags what it places."""
        self._calc()
        frame = TaggedFrame(
            self.leftMargin, self.bottomMargin, self.width, self.height, id="normal"
        )
        self.addPageTemplates(  # SimpleDocTemplate's page hooks switch First → Later
            [
                PageTemplate(id="First", frames=frame, pagesize=self.pagesize),
                PageTemplate(id="Later", frames=frame, pagesize=self.pagesize),
            ]
        )
        BaseDocTemplate.build(self, flowables, canvasmaker=canvasmaker)


def _numbered_canvas(
    info: HeaderInfo, paper: tuple[float, float], title: str, subject: str, keywords: str
) -> type[Canvas]:
    """A canvas that holds pages back until the end, so each footer can say "page x of y", and
    that tags what is drawn (app.reports.tagging): header and footer are pagination artifacts."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["pdfVersion"] = (1, 7)  # PDF/UA-1 is defined on PDF 1.7 (ISO 32000-1)
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []
            self.tagger = Tagger(info.lang, title)

        def drawString(
            self,
            x: float,
            y: float,
            text: str,
            mode: int | None = None,
            charSpace: float = 0,
            direction: str | None = None,
            wordSpace: float | None = None,
            shaping: bool = False,
        ) -> None:
            """ReportLab's drawString, with plain lines from a cache (app.reports.text_ops)."""
            plain = mode is None and not charSpace and direction is None and not wordSpace
            if plain and not shaping and draw_string(self, x, y, text):
                return
            super().drawString(x, y, text, mode, charSpace, direction, wordSpace, shaping)

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            tagger = self.tagger
            for index, state in enumerate(self._saved):
                self.__dict__.update(state)
                self.tagger = tagger
                self._decorate(total)
                tagger.before_page_out(self, index)
                super().showPage()
                tagger.after_page_out(self, index)
            tagger.finish(self, subject, keywords)
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = paper
            usable = width - 2 * MARGIN
            self.tagger.artifact_begin(self, "Pagination")
            self.saveState()
            self.setFont(FONT, 7.5)
            self.setFillColor(colors.Color(0.2, 0.2, 0.2))
            top = height - 11 * mm
            left = _fit(info.left, FONT, 7.5, usable * 0.6)
            _draw_text(self, MARGIN, top, left, 7.5, right=False)
            right = _fit(info.right, FONT, 7.5, usable * 0.38)
            _draw_text(self, width - MARGIN, top, right, 7.5, right=True)
            self.setStrokeColor(GRID)
            self.setLineWidth(0.4)
            self.line(MARGIN, height - 12.5 * mm, width - MARGIN, height - 12.5 * mm)
            self.line(MARGIN, 12.5 * mm, width - MARGIN, 12.5 * mm)
            page = t(info.lang, "page_of", page=self._pageNumber, pages=total)
            self.drawString(MARGIN, 9 * mm, page)
            self.drawCentredString(
                width / 2, 9 * mm, f"{t(info.lang, 'generated')} {info.generated.isoformat()}"
            )
            self.drawRightString(width - MARGIN, 9 * mm, t(info.lang, "app", version=__version__))
            self.restoreState()
            self.tagger.artifact_end(self)

    return NumberedCanvas


def build_pdf(
    flowables: list[Flowable],
    *,
    title: str,
    header: HeaderInfo,
    paper: str = "letter",
    author: str = "SMS OAT Studio",
    subject: str = "",
    keywords: str = "",
) -> bytes:
    """Lay out `flowables` on Letter or A4 with the shared header and footer; returns PDF bytes.

    The PDF is tagged (PDF/UA-1, see app.reports.tagging). `subject` defaults to the title's
    first part (the kind of report) and `keywords` to the header's words.

    Deterministic when `reportlab.rl_config.invariant = 1` (fixed dates and document id), as long
    as `header.generated` is fixed too.
    """
    subject = subject or title.split(" — ")[0]
    keywords = keywords or ", ".join(w for w in ("SMS OAT Studio", header.left, header.right) if w)
    register_fonts()
    check_language(header.lang)
    size = page_size(paper)
    buffer = io.BytesIO()
    doc = _Document(
        buffer,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=author,
        subject=subject,
        keywords=keywords,
        creator=f"SMS OAT Studio {__version__}",
        lang=header.lang,
        initialFontName=FONT,  # else an unused Helvetica is referenced on every page
        keepTogetherClass=KeepHeadingWithStart,  # a class attribute alone is overridden
    )
    with collector_paused():  # app/core/collector.py: millions of short-lived objects
        doc.build(flowables, canvasmaker=_numbered_canvas(header, size, title, subject, keywords))
    tagger = getattr(getattr(doc, "canv", None), "tagger", None)
    if tagger is not None:  # the file is written: free its structure by reference counting
        tagger.release()
    return buffer.getvalue()


def content_width(paper: str) -> float:
    return float(page_size(paper)[0]) - 2 * MARGIN
