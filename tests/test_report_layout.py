"""Layout faults found by reading every rendered page (issue 19), each checked from the outside:
text extracted with pypdf, word boxes from poppler's `pdftotext -bbox`, font sizes from the
content streams (pikepdf)."""

from __future__ import annotations

import io
import re
import sqlite3
import subprocess
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pikepdf
import pytest
from pypdf import PdfReader

from app.core.instrument import Instrument
from app.core.instrument_loader import load_instrument
from app.db import organizations, responses, rounds
from app.reports import labels
from app.reports.blank_form import build_blank_form_pdf
from app.reports.outputs import build_action_plan_pdf, build_respondent_pdf, build_scorecard_pdf
from app.reports.rollup import build_rollup_pdf
from app.services.rollup import compute_rollup
from tests.test_exchange import filled_round
from tests.test_reports import DAY, squash, text_of
from tests.test_reports_shipped import shipped_round

REPO = Path(__file__).parent.parent
LONG_AGENCY = "Riverbend Community Behavioral Health Services of the Northern Valley"
LONG_ROUND = "Demo round for the spring review of 2026, second team"


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def word_boxes(pdf: bytes, tmp_path: Path) -> list[tuple[int, float, float, float, str]]:
    """(page, xMin, xMax, page width, word) for every word, as poppler lays them out."""
    source = tmp_path / "in.pdf"
    source.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(source), "-"], capture_output=True, check=True, text=True
    ).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", html).replace("&nbsp;", " "))
    out = []
    for number, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page"), 1):
        width = float(page.attrib["width"])
        for word in page.iter("{http://www.w3.org/1999/xhtml}word"):
            out.append(
                (
                    number,
                    float(word.attrib["xMin"]),
                    float(word.attrib["xMax"]),
                    width,
                    word.text or "",
                )
            )
    return out


def font_sizes(pdf: bytes) -> set[float]:
    """Every font size set with Tf in any page's content (form XObjects included)."""
    sizes: set[float] = set()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        streams: list[pikepdf.Object] = [page.obj for page in doc.pages]
        for page in doc.pages:
            xobjects = page.obj.get("/Resources", {}).get("/XObject", {})
            streams += [xobjects[name] for name in xobjects]
        for stream in streams:
            for operands, operator in pikepdf.parse_content_stream(stream):
                if str(operator) == "Tf":
                    sizes.add(float(operands[1]))
    return sizes


def items_on(text: str, instrument: Instrument) -> int:
    return sum(1 for i in instrument.items if re.search(rf"(^|\n){re.escape(i.id)}\s", text))


@pytest.fixture(params=["sms-oat-bh", "sms-primary-care"])
def shipped_file(request: pytest.FixtureRequest) -> Instrument:
    return load_instrument(REPO / "instruments" / f"{request.param}.json")


# ----- item wording is never cut ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_scorecard_prints_every_item_wording_whole(
    conn: sqlite3.Connection, sms_oat: Instrument, lang: str
) -> None:
    rnd, _ = shipped_round(conn, sms_oat)
    text = text_of(build_scorecard_pdf(conn, rnd.id, lang=lang, generated=DAY))
    flat = squash(text)
    cut = [i.id for i in sms_oat.items if squash(i.prompt.get(lang)) not in flat]
    assert cut == []
    assert "…" not in text  # the item table too, not only the items to discuss


# ----- the roll-up names agencies and rounds in full, and says a round is open ----------------


@pytest.fixture
def long_names(mini: Instrument) -> sqlite3.Connection:
    from app.db.connection import open_database

    conn = open_database(":memory:")
    filled_round(conn, mini, agency=LONG_AGENCY, name=LONG_ROUND, seed=1)
    org = organizations.create(conn, "Harbor Clinic")
    rnd = rounds.create(conn, org.id, mini, "Still going", date(2026, 1, 1), date(2026, 3, 31))
    person = rounds.add_respondent(conn, rnd.id, "P1", "other")
    for item in mini.items[:2]:
        responses.save_answer(conn, person.id, item.id, "2")
    return conn


@pytest.mark.parametrize("lang", ["en", "es"])
def test_rollup_names_agencies_and_rounds_whole_and_says_open(
    long_names: sqlite3.Connection, lang: str
) -> None:
    rollup = compute_rollup(long_names, "mini")
    texts = page_texts(build_rollup_pdf(rollup, lang=lang, generated=DAY))
    summary = squash("\n".join(texts[:2]))
    assert squash(LONG_AGENCY) in summary and squash(LONG_ROUND) in summary
    assert "…" not in "".join(texts)
    still_open = "still open" if lang == "en" else "todavía abierta"
    flag = "OPEN ROUND" if lang == "en" else "RONDA ABIERTA"
    against = "Against the state" if lang == "en" else "Frente al estado"
    agency_pages = [t for t in texts if against in t]
    harbor = next(t for t in agency_pages if "Harbor Clinic" in t)
    assert still_open in harbor and flag in harbor
    assert squash(flag) in summary  # in the agency list too
    closed = next(t for t in agency_pages if "Harbor Clinic" not in t)
    assert still_open not in closed and flag not in closed


def test_rollup_flags_are_spanish_in_spanish(long_names: sqlite3.Connection) -> None:
    rollup = compute_rollup(long_names, "mini")
    text = text_of(build_rollup_pdf(rollup, lang="es", generated=DAY))
    for english in ("UNANSWERED", "NO TEAM", "NO CONSENSUS", "OTHER SCALE"):
        assert english not in text
    assert "SIN RESPONDER" in text


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_rollup_table_headers_never_break_a_word(
    long_names: sqlite3.Connection, tmp_path: Path, lang: str, paper: str
) -> None:
    # Spanish "Puntuación" once broke as "Puntuaci" / "ón" in the agency page's narrow column.
    from app.reports.rollup import t as words_of
    from app.reports.rollup import w as more_words

    rollup = compute_rollup(long_names, "mini")
    pdf = build_rollup_pdf(rollup, lang=lang, paper=paper, generated=DAY)
    found = {word for _, _, _, _, word in word_boxes(pdf, tmp_path)}
    heads = [words_of(lang, k) for k in ("score", "previous", "change", "round", "agency")]
    heads += [more_words(lang, k) for k in ("median", "vs_median", "period_end", "overall")]
    for head in heads:
        for word in head.split():
            assert word in found, (lang, paper, word)
    assert ("Puntuación" if lang == "es" else "Score") in found


# ----- charts --------------------------------------------------------------------------------


def test_rollup_text_is_at_least_7_points_and_inside_the_page(
    long_names: sqlite3.Connection, tmp_path: Path
) -> None:
    rollup = compute_rollup(long_names, "mini")
    for lang in ("en", "es"):
        for paper in ("letter", "a4"):
            pdf = build_rollup_pdf(rollup, lang=lang, paper=paper, generated=DAY)
            assert min(font_sizes(pdf)) >= 7
            margin = 18 * 72 / 25.4
            outside = [
                (page, word)
                for page, x0, x1, width, word in word_boxes(pdf, tmp_path)
                if x0 < margin - 1 or x1 > width - margin + 1
            ]
            assert outside == [], (lang, paper)


def test_a_score_at_the_scale_minimum_draws_a_bar(mini: Instrument) -> None:
    from app.reports.rollup import AgencyStateChart, StateRow

    chart = AgencyStateChart(
        [StateRow("1.1 Lowest", 1.0, 2.0, 1.5, 3.0, 1.0)],
        vmin=1.0,
        vmax=4.0,
        ticks=None,
        percent=False,
        legend=("a", "b", "c", "d"),
        width=400,
        lang="en",
    )
    assert chart.bar_width(1.0) >= 2.0
    assert chart.bar_width(4.0) == pytest.approx(chart.bar_width(1.0) + chart.plot_width)


def test_quartile_whisker_contrasts_with_the_bar_it_crosses() -> None:
    from app.reports.rollup import AgencyStateChart

    grey = AgencyStateChart.BAR_FILL
    luminance = 0.2126 * grey.red + 0.7152 * grey.green + 0.0722 * grey.blue  # ~linear greys
    assert (luminance + 0.05) / 0.05 >= 4.5  # black whisker on the bar: WCAG's 4.5:1


# ----- blocks stay together --------------------------------------------------------------------


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_blank_form_leaves_no_item_alone_on_a_page(
    shipped_file: Instrument, lang: str, paper: str
) -> None:
    texts = page_texts(build_blank_form_pdf(shipped_file, lang=lang, paper=paper))
    counts = [items_on(text, shipped_file) for text in texts]
    assert sum(counts) == len(shipped_file.items)
    assert 1 not in counts, counts


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_respondent_copy_leaves_no_item_alone_on_a_page(
    conn: sqlite3.Connection, sms_oat: Instrument, lang: str, paper: str
) -> None:
    rnd, _ = shipped_round(conn, sms_oat)
    for person in rounds.respondents(conn, rnd.id)[:2]:
        pdf = build_respondent_pdf(conn, rnd.id, person.id, lang=lang, paper=paper, generated=DAY)
        counts = [items_on(text, sms_oat) for text in page_texts(pdf)[1:]]
        assert 1 not in counts, counts


# ----- words on the paper forms ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_paper_form_prints_the_d_and_n_keys(shipped_file: Instrument, lang: str) -> None:
    flat = squash(text_of(build_blank_form_pdf(shipped_file, lang=lang)))

    def having(kind: str) -> int:
        return sum(1 for i in shipped_file.items if any(c.kind == kind for c in i.scale.choices))

    with_dk, with_na = having("dont_know"), having("not_applicable")
    assert with_dk and flat.count("☐D") == with_dk
    assert flat.count("☐N") == with_na


def test_blank_pdsa_worksheet_has_room_for_what_and_prediction(
    conn: sqlite3.Connection, sms_oat: Instrument
) -> None:
    from app.reports.action_plan import PLAN_LINES

    assert PLAN_LINES["what"] >= 3 and PLAN_LINES["prediction"] >= 3
    rnd, _ = shipped_round(conn, sms_oat)
    pdf = build_action_plan_pdf(conn, rnd.id, generated=DAY)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        ruled = 0
        for page in doc.pages:
            for _operands, operator in pikepdf.parse_content_stream(page):
                if str(operator) == "l":
                    ruled += 1
    assert ruled >= 3 + 3  # the two fields' lines at least


# ----- words ----------------------------------------------------------------------------------

BRITISH = re.compile(
    r"\b(practis\w*|\w*ising|\w*isation\w*|behaviour\w*|colour\w*|organis\w*|recognis\w*"
    r"|prioritis\w*|centre\w*|programme\w*|favour\w*|counsell\w*|judgement)\b",
    re.IGNORECASE,
)


def test_shipped_instruments_use_us_spelling(shipped_file: Instrument) -> None:
    path = next(
        p
        for p in (REPO / "instruments").glob("*.json")
        if f'"id": "{shipped_file.id}"' in p.read_text(encoding="utf-8")
    )
    text = path.read_text(encoding="utf-8")
    english = " ".join(re.findall(r'"en":\s*"((?:[^"\\]|\\.)*)"', text))
    assert BRITISH.findall(english) == []


def test_spanish_report_words() -> None:
    es = labels._TABLES["es"]
    words = " ".join(es.values())
    assert "puntaje" not in words.lower()
    assert es["scorecard_title"].startswith("Informe de resultados")
    assert es["role_peer_specialist"] == "Especialista de apoyo entre pares"
    from app.reports.rollup import _WORDS

    assert "puntaje" not in " ".join(_WORDS["es"].values()).lower()


def test_agency_chart_names_every_domain_whole_and_keeps_its_legend_inside(
    tmp_path: Path,
) -> None:
    """sms-oat-bh's long domain titles, and an agency with a previous round, so the chart carries
    all four legend entries ("Ronda anterior" ran past the frame on Spanish A4)."""
    from app.db.connection import open_database

    instrument = load_instrument(REPO / "instruments" / "sms-oat-bh.json")
    conn = open_database(":memory:")
    filled_round(conn, instrument, agency="Alpha", name="2025", end=date(2025, 6, 30), seed=0)
    filled_round(conn, instrument, agency="Alpha", name="2026", seed=1)
    rollup = compute_rollup(conn, instrument.id)
    for lang, paper in (("es", "a4"), ("en", "letter")):
        pdf = build_rollup_pdf(rollup, lang=lang, paper=paper, generated=DAY)
        texts = page_texts(pdf)
        agency_page = squash(texts[-1])
        for domain in instrument.domains:
            assert squash(f"{domain.id} {domain.title.get(lang)}") in agency_page, domain.id
        assert "…" not in "".join(texts)
        previous = "Ronda anterior" if lang == "es" else "Previous round"
        assert previous in texts[-1]
        margin = 18 * 72 / 25.4
        outside = [
            (page, word)
            for page, x0, x1, width, word in word_boxes(pdf, tmp_path)
            if x0 < margin - 1 or x1 > width - margin + 1
        ]
        assert outside == [], (lang, paper)
        assert min(font_sizes(pdf)) >= 7
