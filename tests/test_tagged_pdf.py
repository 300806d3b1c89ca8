"""Every report is a tagged PDF (PDF/UA-1), checked from outside the app (issue 19): poppler's
`pdfinfo` says Tagged and prints the structure tree; `tests/pdf_ua_check.py` (pikepdf) walks
every page's content stream and the tree. Every report, in English and Spanish, Letter and A4."""

from __future__ import annotations

import io
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from app.core.instrument_loader import load_instrument
from app.db import action_plans, rounds
from app.db.connection import open_database
from app.reports.blank_form import build_blank_form_pdf
from app.reports.numbers import fmt_score
from app.reports.outputs import build_action_plan_pdf, build_respondent_pdf, build_scorecard_pdf
from app.reports.rollup import build_rollup_pdf
from app.services.rollup import compute_rollup
from tests import pdf_ua_check
from tests.conftest import REPO
from tests.test_exchange import filled_round
from tests.test_reports import DAY
from tests.test_reports_shipped import shipped_round

Builder = Callable[[str, str], bytes]
REPORTS = ["scorecard", "respondent", "action-plan", "blank", "rollup"]


@pytest.fixture(scope="module")
def agency() -> tuple[sqlite3.Connection, int]:
    """One filled round of sms-oat-bh with a previous round and a complete consensus."""
    instrument = load_instrument(REPO / "instruments" / "sms-oat-bh.json")
    conn = open_database(":memory:")
    rnd, _ = shipped_round(conn, instrument, consensus=True)
    return conn, rnd.id


@pytest.fixture(scope="module")
def builders(agency: tuple[sqlite3.Connection, int]) -> dict[str, Builder]:
    """Each report built from that round (and a two-agency roll-up)."""
    conn, round_id = agency
    rnd = rounds.get(conn, round_id)
    instrument = rounds.instrument_for(conn, rnd)
    person = rounds.respondents(conn, rnd.id)[0]
    priority = action_plans.create_priority(
        conn, rnd.id, "domain", "1.1", goal="Goal", owner="Lead"
    )
    action_plans.add_cycle(conn, priority.id, plan={"what": "Try a form", "who": "Clinic A"})
    state = open_database(":memory:")
    filled_round(state, instrument, agency="Alpha", name="2026", seed=1)
    filled_round(state, instrument, agency="Bravo", name="2026", seed=2, consensus=False)
    rollup = compute_rollup(state, instrument.id)
    return {
        "scorecard": lambda lang, paper: build_scorecard_pdf(
            conn, rnd.id, lang=lang, paper=paper, generated=DAY
        ),
        "respondent": lambda lang, paper: build_respondent_pdf(
            conn, rnd.id, person.id, lang=lang, paper=paper, generated=DAY
        ),
        "action-plan": lambda lang, paper: build_action_plan_pdf(
            conn, rnd.id, lang=lang, paper=paper, generated=DAY
        ),
        "blank": lambda lang, paper: build_blank_form_pdf(
            instrument, lang=lang, paper=paper, generated=DAY
        ),
        "rollup": lambda lang, paper: build_rollup_pdf(
            rollup, lang=lang, paper=paper, generated=DAY
        ),
    }


def pdfinfo(pdf: bytes, tmp_path: Path, *flags: str) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdfinfo", *flags, str(path)], capture_output=True, check=True, text=True
    ).stdout


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("report", REPORTS)
def test_every_report_passes_the_tagged_pdf_checks(
    builders: dict[str, Builder], report: str, lang: str, paper: str, tmp_path: Path
) -> None:
    pdf = builders[report](lang, paper)
    assert pdf_ua_check.check(pdf) == []
    info = pdfinfo(pdf, tmp_path)
    assert "Tagged:          yes" in info and "PDF version:     1.7" in info
    assert "Metadata Stream: yes" in info
    assert "(unspecified)" not in info  # title, subject, keywords all set
    roles = pdf_ua_check.roles(pdf)
    assert roles[0] == "Document" and "H1" in roles and "P" in roles
    with pikepdf.open(pdf_path := tmp_path / "report.pdf") as doc:
        assert str(doc.Root.Lang) == lang
        assert len(doc.Root.Outlines.First.keys()) > 0  # bookmarks
    assert pdf_path.exists()


def test_the_structure_tree_reads_in_order_with_tables_and_the_chart(
    builders: dict[str, Builder], tmp_path: Path
) -> None:
    pdf = builders["scorecard"]("en", "letter")
    tree = pdfinfo(pdf, tmp_path, "-struct-text")
    order = [
        '"Self-management support scorecard"',
        '"Overall score"',
        "Figure",
        '"Domain scores"',
        '"Item scores"',
    ]
    positions = [tree.find(word) for word in order]
    assert -1 not in positions and positions == sorted(positions), positions
    assert "TH" in tree and "/Scope /Column" in tree and "/Scope /Row" in tree
    roles = pdf_ua_check.roles(pdf)
    assert roles.count("Figure") == 1 and roles.count("Table") >= 5


def test_the_chart_states_its_values_in_words(
    builders: dict[str, Builder], agency: tuple[sqlite3.Connection, int]
) -> None:
    pdf = builders["scorecard"]("es", "a4")
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        alts = []

        def walk(element: pikepdf.Object) -> None:
            if element.get("/S") == "/Figure":
                alts.append(str(element.Alt))
            kids = element.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                if isinstance(kid, pikepdf.Dictionary):
                    walk(kid)

        walk(doc.Root.StructTreeRoot.K[0])
    assert len(alts) == 1
    from app.services.round_scores import round_scores

    scores = round_scores(*agency)
    for domain in scores.instrument.domains:
        printed = fmt_score(scores.official[domain.id], scores.instrument.band_metric, "es")
        assert f"{domain.id} {domain.title.get('es')}: {printed}" in alts[0]


def test_the_checker_fails_untagged_drawing_and_a_figure_without_words(
    builders: dict[str, Builder],
) -> None:
    """The checker itself: an untagged ReportLab PDF, and a tagged one with its /Alt removed."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Hello")
    canvas.save()
    problems = pdf_ua_check.check(buffer.getvalue())
    assert "no /StructTreeRoot" in problems and "no /MarkInfo << /Marked true >>" in problems
    pdf = builders["scorecard"]("en", "letter")
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/Figure":
                del obj["/Alt"]
        stripped = io.BytesIO()
        doc.save(stripped)
    assert "a Figure without alternative text" in pdf_ua_check.check(stripped.getvalue())
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        doc.pages[0].contents_add(
            b"BT /F1 9 Tf 72 72 Td (loose) Tj ET 0 0 m 9 9 l S", prepend=False
        )
        loose = io.BytesIO()
        doc.save(loose)
    assert "page 1: 2 drawing operators outside tags and artifacts" in pdf_ua_check.check(
        loose.getvalue()
    )


def test_bookmarks_name_every_section_once_and_every_agency_page(
    builders: dict[str, Builder],
) -> None:
    def outline(pdf: bytes) -> list[tuple[int, str]]:
        entries: list[tuple[int, str]] = []
        with pikepdf.open(io.BytesIO(pdf)) as doc:

            def walk(item: pikepdf.Object, depth: int) -> None:
                while item is not None:
                    entries.append((depth, str(item.Title)))
                    if "/First" in item:
                        walk(item.First, depth + 1)
                    item = item.get("/Next")

            walk(doc.Root.Outlines.First, 0)
        return entries

    rollup = outline(builders["rollup"]("en", "letter"))
    assert [title for depth, title in rollup if depth == 0] == ["State roll-up", "Alpha", "Bravo"]
    card = outline(builders["scorecard"]("en", "letter"))
    titles = [title for _, title in card]
    assert titles.count("Overall score") == 1 and titles.count("Domain scores") == 1
    assert card[0] == (0, "Self-management support scorecard")
    for section in ("Overall score", "Scores by domain", "Domain scores", "Item scores"):
        assert (1, section) in card
