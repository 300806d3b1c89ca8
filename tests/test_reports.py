"""PDF reports, checked by content: text extracted with pypdf, pages, fonts, determinism."""

from __future__ import annotations

import io
import re
import sqlite3
import string
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pikepdf
import pytest
from pypdf import PdfReader
from reportlab import rl_config

from app.core.errors import NotFoundError, ValidationError
from app.core.instrument import Instrument
from app.core.models import PLAN_FIELDS, Respondent, Round
from app.core.scoring import OVERALL, official_values, score_answers, team_summary
from app.db import action_plans, responses, rounds
from app.reports import labels
from app.reports.blank_form import build_blank_form_pdf
from app.reports.common import esc, fmt_score, strip_value, value_and_label
from app.reports.numbers import fmt_change
from app.reports.outputs import build_action_plan_pdf, build_respondent_pdf, build_scorecard_pdf
from app.services.round_scores import round_scores
from tests.helpers import make_round

DAY = date(2026, 4, 15)
LONG = " ".join(f"word{n}" for n in range(800))[:5000]  # a 5,000-character comment
HOSTILE = ["<b>", "a<b", "&amp;", "]]>", "😀", "مرحبا بالعالم", "שלום עולם", "Zoë Ñúñez"]
AGENCY = "Agency <b> a<b &amp; ]]> 😀 مرحبا שלום"


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def in_order(needle: str, text: str) -> bool:
    """Every word of a long text, in order (page headers and footers may interrupt it)."""
    position = 0
    for word in needle.split():
        position = text.find(word, position)
        if position < 0:
            return False
        position += len(word)
    return True


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


_RTL_RUN = re.compile("[\u0590-\u08ff]+")


def found(needle: str, text: str) -> bool:
    """`needle` is in `text`, ignoring white space and the direction of right-to-left runs.

    ReportLab draws Hebrew and Arabic in logical order; pypdf reverses such runs on extraction.
    """
    hay, want = squash(text), squash(needle)
    flipped = _RTL_RUN.sub(lambda m: m.group(0)[::-1], want)
    return want in hay or flipped in hay


def pages(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def font_names(pdf: bytes) -> set[str]:
    """Every font a page uses; each must carry its embedded TrueType program (FontFile2)."""
    names: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        fonts: Any = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
            for desc in font.get("/DescendantFonts", []):
                assert "/FontFile2" in desc.get_object()["/FontDescriptor"]
            assert "/FontDescriptor" in font, f"{font['/BaseFont']} is not embedded"
            assert "/FontFile2" in font["/FontDescriptor"]
    return names


def assert_fonts_embedded(pdf: bytes) -> None:
    names = font_names(pdf)
    assert names and all(re.fullmatch(r"/[A-Z]{6}\+DejaVuSans(-Bold)?", n) for n in names), names
    assert b"Helvetica" not in pdf and b"Times-Roman" not in pdf


def page_size(pdf: bytes) -> tuple[int, int]:
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


@dataclass
class World:
    conn: sqlite3.Connection
    instrument: Instrument
    round: Round
    team: list[Respondent]
    previous: Round


@pytest.fixture
def world(conn: sqlite3.Connection, mini: Instrument) -> Iterator[World]:
    prev, prev_team = make_round(conn, mini, 2, agency=AGENCY, name="Autumn", end=date(2025, 9, 30))
    for person in prev_team:
        for item in mini.items:
            responses.save_answer(conn, person.id, item.id, "2")
    rnd, team = make_round(conn, mini, 3, agency=AGENCY)
    rounds.update_respondent(
        conn, team[0].id, display_name="Ana <b> a<b 😀", role="peer_specialist"
    )
    rounds.update_respondent(conn, team[1].id, display_name="مرحبا بالعالم", role="administrator")
    rounds.update_respondent(conn, team[2].id, display_name="שלום עולם ]]>", role="clinical_staff")
    team = rounds.respondents(conn, rnd.id)
    codes = ["1", "3", "4", "2", "dk", "3", "1"]
    for n, person in enumerate(team):
        for k, item in enumerate(mini.items):
            responses.save_answer(conn, person.id, item.id, codes[(k + n) % len(codes)])
    responses.save_answer(conn, team[0].id, "1.1.1", comment="Comment a<b &amp; ]]> 😀 שלום")
    responses.save_answer(conn, team[0].id, "1.2.1", comment=LONG)
    responses.save_consensus(conn, rnd.id, "1.1.1", "2", "Rationale <b> a<b &amp; ]]> مرحبا")
    responses.save_consensus(conn, rnd.id, "1.1.2", "3", LONG)
    yield World(conn, mini, rnd, team, prev)


def test_scorecard_names_agency_domains_and_the_cores_overall_score(world: World) -> None:
    pdf = build_scorecard_pdf(world.conn, world.round.id, generated=DAY)
    text = text_of(pdf)
    assert found(AGENCY, text)
    for domain in world.instrument.domains:
        assert domain.title.get("en") in text
    for section in world.instrument.sections:
        assert section.title.get("en") in text
    # the overall score straight from the scoring core, formatted as the report formats it
    answers = responses.choices_for_round(world.conn, world.round.id)
    team = team_summary(world.instrument, answers)
    agreed = {"1.1.1": "2", "1.1.2": "3"}
    official = official_values(
        world.instrument, team, score_answers(world.instrument, agreed), False
    )
    expected = fmt_score(official[OVERALL], "mean")
    assert re.search(rf"Overall score\s+{re.escape(expected)}", text)
    assert "team mean" in text  # consensus incomplete: says so
    assert "Previous round" in text  # the chart compares with the autumn round
    for flag in ("SPLIT", "?"):
        assert flag in text
    assert 2 <= pages(pdf) <= 12
    assert "Page 1 of" in text and "Generated 2026-04-15" in text


def test_scorecard_hides_names_unless_chosen(world: World) -> None:
    hidden = text_of(build_scorecard_pdf(world.conn, world.round.id, generated=DAY))
    for person in world.team:
        assert not found(person.display_name, hidden)
    assert "Peer specialist" in hidden and "Administrator" in hidden
    shown = text_of(build_scorecard_pdf(world.conn, world.round.id, show_names=True))
    for person in world.team:
        assert found(person.display_name, shown)


def test_scorecard_follows_the_rounds_show_names_setting(world: World) -> None:
    world.conn.execute("UPDATE rounds SET show_names = 1 WHERE id = ?", (world.round.id,))
    text = text_of(build_scorecard_pdf(world.conn, world.round.id))
    assert found("Ana <b> a<b 😀", text)


def test_hostile_strings_survive_everywhere(world: World) -> None:
    card = text_of(build_scorecard_pdf(world.conn, world.round.id, show_names=True))
    assert found("Rationale <b> a<b &amp; ]]> مرحبا", card)
    assert in_order(LONG, card)
    copy = text_of(build_respondent_pdf(world.conn, world.round.id, world.team[0].id))
    assert found("Ana <b> a<b 😀", copy)
    assert found("Comment a<b &amp; ]]> 😀 שלום", copy)
    assert in_order(LONG, copy)
    priority = action_plans.create_priority(
        world.conn,
        world.round.id,
        "domain",
        "1.1",
        goal="Goal <b> a<b &amp; ]]> 😀 שלום",
        owner="مرحبا",
        status="in_progress",
    )
    action_plans.create_priority(world.conn, world.round.id, "item", "2.1", goal=LONG)
    action_plans.add_cycle(
        world.conn,
        priority.id,
        plan={"what": "Test ]]> <i>", "prediction": "a<b"},
        do_notes="Done &amp;",
        study_notes=LONG,
        act="adapt",
    )
    plan = text_of(build_action_plan_pdf(world.conn, world.round.id))
    for needle in ("Goal <b> a<b &amp; ]]> 😀 שלום", "مرحبا", "Test ]]> <i>", "Done &amp;"):
        assert found(needle, plan)
    assert in_order(LONG, plan)


def test_invariant_mode_is_byte_identical(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)
    for build in (
        lambda: build_scorecard_pdf(world.conn, world.round.id, generated=DAY),
        lambda: build_respondent_pdf(world.conn, world.round.id, world.team[1].id, generated=DAY),
        lambda: build_action_plan_pdf(world.conn, world.round.id, generated=DAY),
        lambda: build_blank_form_pdf(world.instrument, generated=DAY),
    ):
        assert build() == build()


def test_fonts_are_embedded_dejavu(world: World) -> None:
    action_plans.create_priority(world.conn, world.round.id, "domain", "1.1", goal="G")
    for pdf in all_reports(world):
        assert_fonts_embedded(pdf)
        assert any("DejaVuSans-Bold" in n for n in font_names(pdf))


def all_reports(world: World, **options: Any) -> list[bytes]:
    return [
        build_scorecard_pdf(world.conn, world.round.id, **options),
        build_respondent_pdf(world.conn, world.round.id, world.team[0].id, **options),
        build_action_plan_pdf(world.conn, world.round.id, **options),
        build_blank_form_pdf(world.instrument, **options),
    ]


@pytest.mark.parametrize(("paper", "size"), [("letter", (612, 792)), ("a4", (595, 842))])
def test_every_report_on_letter_and_a4(world: World, paper: str, size: tuple[int, int]) -> None:
    for pdf in all_reports(world, paper=paper):
        reader = PdfReader(io.BytesIO(pdf))
        assert {
            (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
        } == {size}


def test_spanish_and_a4(world: World) -> None:
    pdf = build_scorecard_pdf(world.conn, world.round.id, lang="es", paper="a4")
    text = text_of(pdf)
    for heading in ("Puntuación global", "Puntuaciones por dominio", "Ítems para conversar"):
        assert heading in text
    assert "ES Activating" in text  # the instrument's own Spanish
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    letter = PdfReader(io.BytesIO(build_blank_form_pdf(world.instrument))).pages[0].mediabox
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)
    assert "Plan de acción" in text_of(build_action_plan_pdf(world.conn, world.round.id, lang="es"))
    assert "Formulario en papel" in text_of(build_blank_form_pdf(world.instrument, lang="es"))


def test_bad_options_and_foreign_respondent(world: World) -> None:
    with pytest.raises(ValidationError):
        build_scorecard_pdf(world.conn, world.round.id, lang="fr")
    with pytest.raises(ValidationError):
        build_blank_form_pdf(world.instrument, paper="legal")
    prev_person = rounds.respondents(world.conn, world.previous.id)[0]
    with pytest.raises(NotFoundError):
        build_respondent_pdf(world.conn, world.round.id, prev_person.id)
    with pytest.raises(NotFoundError):
        build_scorecard_pdf(world.conn, 999)


def test_respondent_copy_shows_only_that_persons_answers(world: World) -> None:
    person = world.team[1]
    text = text_of(build_respondent_pdf(world.conn, world.round.id, person.id))
    assert found(person.display_name, text)
    assert not found(world.team[0].display_name, text)
    assert "Comment a<b" not in text
    for domain in world.instrument.domains:
        assert domain.title.get("en") in text
    assert "Don't know" in text or "Level" in text


def test_action_plan_without_priorities_is_a_blank_worksheet(world: World) -> None:
    pdf = build_action_plan_pdf(world.conn, world.round.id)
    text = text_of(pdf)
    assert "No priorities have been recorded yet" in text
    assert "PDSA cycle (blank" in text and "Prediction" in text
    assert pages(pdf) >= 2


def test_action_plan_pages_per_priority_with_suggestions(world: World) -> None:
    for scope_kind, scope in (("domain", "1.1"), ("item", "2.1")):
        action_plans.create_priority(world.conn, world.round.id, scope_kind, scope, goal="G")
    pdf = build_action_plan_pdf(world.conn, world.round.id)
    text = text_of(pdf)
    assert "Priority 1: Domain 1.1 Activating" in text and "Priority 2: Item 2.1" in text
    assert "Do A" in text and "Do C" in text  # the instrument's ideas for each domain
    assert pages(pdf) >= 3


def test_blank_form_lists_every_item_in_screen_order(mini: Instrument) -> None:
    text = text_of(build_blank_form_pdf(mini))
    flat = squash(text)
    positions = [flat.find(squash(f"{item.id} {item.prompt.get('en')}")) for item in mini.items]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)
    for item in mini.items:
        assert item.explanation.get("en") in text
        for example in item.examples:
            assert example.get("en") in text
    for choice in mini.scale.choices:
        assert choice.label.get("en") in text
    assert text.count("☐") >= len(mini.items) * len(mini.scale.choices)
    assert "Name or initials" in text and "Clinical staff" in text


def test_escape_keeps_text_and_drops_control_characters() -> None:
    assert esc("a<b & ]]> \x00\x07x\ny") == "a&lt;b &amp; ]]&gt; x<br/>y"


def test_hostile_agency_and_action_plan_fields_survive(world: World) -> None:
    hostile = "Mix <b> a<b &amp; ]]> 😀 مرحبا שלום"
    priority = action_plans.create_priority(
        world.conn,
        world.round.id,
        "item",
        "1.1.1",
        goal=f"Goal {hostile}",
        owner=f"Owner {hostile}",
        measure_how=f"How {hostile}",
        measure_who=f"Who {hostile}",
        measure_frequency=LONG,
    )
    plan = {key: f"{key} {hostile}" for key in PLAN_FIELDS}
    action_plans.add_cycle(
        world.conn,
        priority.id,
        plan=plan,
        do_notes=f"Do {hostile}",
        study_notes=f"Study {hostile}",
        act="abandon",
        act_notes=f"Act {hostile}",
    )
    text = text_of(build_action_plan_pdf(world.conn, world.round.id))
    assert found(AGENCY, text)
    for label in ("Goal", "Owner", "How", "Who", "Do", "Study", "Act", *PLAN_FIELDS):
        assert found(f"{label} {hostile}", text), label
    assert in_order(LONG, text)
    assert "☒" in text  # the recorded "abandon" is ticked
    copy = text_of(build_respondent_pdf(world.conn, world.round.id, world.team[2].id))
    assert found(AGENCY, copy) and found("שלום עולם ]]>", copy)


def _uncompressed(pdf: bytes) -> bytes:
    """The PDF rewritten with every stream and object stream expanded (pikepdf)."""
    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        doc.save(
            out,
            compress_streams=False,
            stream_decode_level=pikepdf.StreamDecodeLevel.generalized,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
        )
    return out.getvalue()


def test_roles_only_leaves_no_name_anywhere(world: World) -> None:
    pdf = build_scorecard_pdf(world.conn, world.round.id, generated=DAY)
    reader = PdfReader(io.BytesIO(pdf))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    expanded = _uncompressed(pdf)  # the structure tree's alt texts sit in compressed streams
    for person in world.team:
        assert not found(person.display_name, meta)
        assert person.display_name.encode("utf-16-be") not in expanded
    text = text_of(pdf)
    # one line per role with its head count, not one line per person; here every role is held by
    # one person, so all three are pooled into one "other roles" line (issue 15)
    assert re.search(r"Other roles \(held by one person each\)\s+3\s+\d+/\d+", text)
    table = text[text.rindex("Other roles") :]
    for role in ("Peer specialist", "Administrator", "Clinical staff"):
        assert not re.search(rf"{role}\s+1\s+\d+/\d+", table), role


def test_scorecard_compares_with_the_previous_round(world: World) -> None:
    scores = round_scores(world.conn, world.round.id)
    assert scores.previous_round is not None and scores.previous_official is not None
    text = text_of(build_scorecard_pdf(world.conn, world.round.id, generated=DAY))
    assert "Previous round (Autumn)" in text  # the chart's legend names the round
    overall = next(c for c in scores.changes if c.scope == OVERALL)
    assert overall.change is not None and overall.change > 0
    assert (
        f"Autumn (2025-01-01 – 2025-09-30): {fmt_score(overall.previous, 'mean')}"
        f" · Change: {fmt_change(overall.change, 'mean')}"
    ) in text
    assert fmt_change(overall.change, "mean").startswith("+")
    for change in scores.changes:  # the domain tables: previous value, then the change
        if change.change is None or change.scope == OVERALL:
            continue
        expected = (
            rf"{re.escape(fmt_score(change.previous, 'mean'))}\s+"
            rf"{re.escape(fmt_change(change.change, 'mean'))}"
        )
        assert re.search(expected, text), change


def test_no_comparison_without_an_earlier_round_of_the_same_instrument(
    conn: sqlite3.Connection, mini: Instrument, sms_oat: Instrument
) -> None:
    make_round(conn, sms_oat, 1, agency="Same agency", end=date(2025, 9, 30))
    rnd, team = make_round(conn, mini, 2, agency="Same agency")
    for person in team:
        responses.save_answer(conn, person.id, "1.1.1", "2")
    text = text_of(build_scorecard_pdf(conn, rnd.id))
    assert "Previous round" not in text and "Change" not in text


def test_every_report_speaks_spanish(world: World) -> None:
    action_plans.create_priority(world.conn, world.round.id, "domain", "1.1", goal="Meta")
    card, copy, plan, blank = (text_of(pdf) for pdf in all_reports(world, lang="es"))
    assert "Informe de resultados" in card and "Ronda anterior" in card and "DISPAR" in card
    assert "Página 1 de" in card and "Generado" in card
    assert "Copia personal de respuestas" in copy and "Respuesta:" in copy
    assert "Plan de acción" in plan and "Ciclo PDSA (en blanco" in plan
    assert "Formulario en papel" in blank and "Nombre o iniciales" in blank
    for text in (card, copy, plan, blank):
        for english in ("Overall score", "Page 1 of", "Generated", "Answer:", "Priority"):
            assert english not in text, english


def test_spanish_reports_write_decimals_with_a_comma(world: World) -> None:
    from app.reports.common import fmt_score, fmt_value

    assert (fmt_score(2.5, "mean", "es"), fmt_score(62.5, "percent", "es")) == ("2,50", "62,5%")
    assert (fmt_score(2.5, "mean"), fmt_value(1.0, 0, "es"), fmt_value(None)) == ("2.50", "1", "–")
    card_en, copy_en = (text_of(pdf) for pdf in all_reports(world, lang="en")[:2])
    card_es, copy_es = (text_of(pdf) for pdf in all_reports(world, lang="es")[:2])
    decimal_point, decimal_comma = re.compile(r"\b\d\.\d\d\b"), re.compile(r"\b\d,\d\d\b")
    for english, spanish in ((card_en, card_es), (copy_en, copy_es)):
        assert decimal_point.search(english) and not decimal_comma.search(english)
        assert decimal_comma.search(spanish) and not decimal_point.search(spanish)


def test_every_label_exists_in_every_language() -> None:
    fields = string.Formatter()
    english = labels.table("en")
    for lang in labels.LANGUAGES:
        table = labels.table(lang)
        assert set(table) == set(english), lang
        for key, text in table.items():
            assert text.strip(), (lang, key)
            want = {f[1] for f in fields.parse(english[key]) if f[1]}
            assert {f[1] for f in fields.parse(text) if f[1]} == want, (lang, key)
    assert labels.t("es", "page_of", page=2, pages=5) == "Página 2 de 5"
    with pytest.raises(ValidationError):
        labels.check_language("fr")


def test_choice_labels_are_not_numbered_twice() -> None:
    assert value_and_label(2, "Beginning") == "2 — Beginning"
    assert value_and_label(1, "1 – Little or none") == "1 – Little or none"
    assert value_and_label(1, "10 – Fully developed") == "1 — 10 – Fully developed"
    assert strip_value(10, "10 – Fully developed") == "Fully developed"
    assert strip_value(1, "10 – Fully developed") == "10 – Fully developed"
    assert strip_value(3, "3") == "3"


def test_headings_stay_with_what_follows(world: World) -> None:
    """A domain heading and its first item share a page, even before a 5,000-character comment."""
    pdf = build_respondent_pdf(world.conn, world.round.id, world.team[0].id)
    page_texts = [squash(p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages]
    assert len(page_texts) >= 2
    for domain in world.instrument.domains:
        heading = squash(f"{domain.id} {domain.title.get('en')}")
        first = squash(f"{domain.items[0].id} {domain.items[0].prompt.get('en')}")
        pages_with_heading = [n for n, text in enumerate(page_texts) if heading in text]
        assert pages_with_heading, domain.id
        assert first in page_texts[pages_with_heading[-1]], domain.id
