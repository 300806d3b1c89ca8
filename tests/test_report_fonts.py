"""Any Unicode name prints: CJK in the shipped fallback font (text layer included); characters no
font has are shown as □ and named in a warning, never dropped silently."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.cli import main
from app.core.instrument import Instrument
from app.db.connection import open_database
from app.reports import common

CJK_AGENCY = "東京クリニック 한국건강센터 北京社区卫生中心"
ROUND = "春季 2026 🙂"


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def _fonts(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    names = set()
    for page in reader.pages:
        for ref in (page["/Resources"].get("/Font") or {}).values():
            font = ref.get_object()
            names.add(re.sub(r"^/[A-Z]{6}\+", "", str(font["/BaseFont"])))
            for desc in font.get("/DescendantFonts", []):
                assert "/FontFile2" in desc.get_object()["/FontDescriptor"], "embedded"
    return names


def test_cjk_is_printed_in_the_fallback_font_and_kept_in_the_text_layer() -> None:
    styles = common.make_styles()
    common.take_unprintable()
    pdf = common.build_pdf(
        [common.para(CJK_AGENCY, styles.body), common.para("Straße café ✓", styles.h1)],
        title="t",
        header=common.HeaderInfo(CJK_AGENCY, "Round", "en", date(2026, 1, 1)),
    )
    text = _text(pdf)
    assert "".join(CJK_AGENCY.split()) in text and "Straßecafé✓" in text
    assert common.FALLBACK_FONT in _fonts(pdf) and common.FONT in _fonts(pdf)
    assert common.take_unprintable() == []


def test_latin_text_does_not_load_the_fallback_into_the_pdf() -> None:
    styles = common.make_styles()
    pdf = common.build_pdf(
        [common.para("Riverbend — ñ é ü Ж ש ع", styles.body)],
        title="t",
        header=common.HeaderInfo("Agency", "Round", "en", date(2026, 1, 1)),
    )
    assert _fonts(pdf) == {common.FONT}


def test_a_character_no_font_has_shows_a_placeholder_and_is_named() -> None:
    common.take_unprintable()
    markup = common.esc("Team 🙂 and 😀")  # DejaVu has 😀, no shipped font has 🙂
    assert common.PLACEHOLDER in markup and "😀" in markup and "🙂" not in markup
    assert common.take_unprintable() == ["🙂 (U+1F642)"]
    assert common.take_unprintable() == [], "taken once"


def test_markup_in_a_cjk_name_is_still_escaped() -> None:
    markup = common.esc("中文<b>&")
    assert markup == f'<font name="{common.FALLBACK_FONT}">中文</font>&lt;b&gt;&amp;'


def test_the_header_fits_a_long_cjk_name() -> None:
    common.register_fonts()
    fitted = common._fit("中" * 400, common.FONT, 7.5, 200)
    assert fitted.endswith("…")
    drawn = sum(stringWidth(part, font, 7.5) for font, part in common.font_runs(fitted))
    assert drawn <= 200


def test_report_command_prints_cjk_and_warns_about_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "data.sqlite3"
    assert main(["--db", str(db), "demo"]) == 0
    conn = open_database(db)
    conn.execute("UPDATE organizations SET name = ?", (CJK_AGENCY,))
    conn.execute("UPDATE rounds SET name = ?", (ROUND,))
    conn.close()
    capsys.readouterr()
    out = tmp_path / "scorecard.pdf"
    assert main(["--db", str(db), "report", "scorecard", "1", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "some characters could not be printed" in err and "🙂 (U+1F642)" in err
    text = _text(out.read_bytes())
    assert "".join(CJK_AGENCY.split()) in text
    assert "春季2026" + common.PLACEHOLDER in text


def test_the_state_roll_up_prints_cjk_and_long_agency_names(
    mini: Instrument, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The roll-up's chart labels are drawn on the canvas, not as Paragraphs: the same fallback
    and the same bisection fitting (a 10,000-character name measured a few dozen times)."""
    from app.reports.rollup import build_rollup_pdf
    from app.services.rollup import compute_rollup
    from tests.test_exchange import filled_round

    conn = open_database(":memory:")
    filled_round(conn, mini, agency=CJK_AGENCY, name="2026", end=date(2026, 3, 31), seed=1)
    filled_round(conn, mini, agency="Long", name="2026", end=date(2026, 3, 31), seed=2)
    # longer than entry allows now, as a file from before the limits may hold
    conn.execute("UPDATE organizations SET name = ? WHERE name = 'Long'", ("Long name " * 1000,))
    rollup = compute_rollup(conn, "mini", since=date(2026, 1, 1))
    conn.close()
    long_measures: list[int] = []
    real = common.stringWidth

    def measured(text: str, *args: object) -> float:
        if len(text) > 1000:
            long_measures.append(len(text))
        return float(real(text, *args))

    monkeypatch.setattr(common, "stringWidth", measured)
    pdf = build_rollup_pdf(rollup, generated=date(2026, 4, 1))
    assert "".join(CJK_AGENCY.split()) in _text(pdf)
    assert common.FALLBACK_FONT in _fonts(pdf)
    assert len(long_measures) <= 200, len(long_measures)
