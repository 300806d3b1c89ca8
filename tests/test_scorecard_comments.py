"""Issue 15: the scorecard can include team members' comments, off by default; roles only keeps
its rule there too (names replaced by roles, one-person roles shown as Other roles), and the
comments are free text, so markup characters and emoji print as typed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.core.instrument import Instrument
from app.core.models import Round
from app.db import responses, rounds
from app.db.connection import open_database
from app.reports.common import take_unprintable
from app.reports.outputs import build_scorecard_pdf
from tests.test_privacy import every_name, named_round, pdf_text

HOSTILE = "Use <b>bold</b> & <para>tags</para> 😀 like Jordan said"


def _flat(data: bytes) -> str:
    return " ".join(pdf_text(data).split())


@pytest.fixture
def commented(mini: Instrument) -> Iterator[tuple[sqlite3.Connection, Round, str]]:
    """The privacy test's round (names typed everywhere), plus one comment full of markup by
    the peer specialist, the only person in that role."""
    conn = open_database(":memory:")
    rnd = named_round(conn, mini)
    peer = next(p for p in rounds.respondents(conn, rnd.id) if p.role == "peer_specialist")
    item = mini.items[0].id
    code = mini.items[0].scale.choices[0].code
    responses.save_answer(conn, peer.id, item, code, comment=HOSTILE)
    yield conn, rnd, item
    conn.close()


def test_comments_are_left_out_by_default(
    commented: tuple[sqlite3.Connection, Round, str],
) -> None:
    conn, rnd, _ = commented
    for names in (False, True):
        text = _flat(build_scorecard_pdf(conn, rnd.id, show_names=names))
        assert "Team members' comments" not in text
        assert "about it" not in text and "bold" not in text  # no comment's words


def test_roles_only_comments_follow_the_roles_only_rule_and_print_as_typed(
    commented: tuple[sqlite3.Connection, Round, str],
) -> None:
    conn, rnd, item = commented
    take_unprintable()
    text = _flat(build_scorecard_pdf(conn, rnd.id, show_names=False, comments=True))
    section = text[text.index("Team members' comments") :]
    for name in every_name():
        assert name not in text.casefold(), name
    assert "Ask Clinical staff about it" in section  # names in the text became roles
    # the markup is text, not formatting; the names in it are replaced too
    assert "Use <b>bold</b> & <para>tags</para>" in section
    assert "like Peer specialist said" not in section  # "Jordan" is clinical staff
    assert "like Clinical staff said" in section
    # the peer specialist holds the role alone: the comment is signed "Other roles"
    assert "Other roles (held by one person each): Use <b>bold</b>" in section
    assert "Peer specialist:" not in section and "Administrator:" not in section
    # the emoji is either printed or reported as unprintable, never lost silently
    assert "😀" in section or any("U+1F600" in c for c in take_unprintable())
    assert item in section


def test_with_names_comments_are_signed_by_name_and_left_as_typed(
    commented: tuple[sqlite3.Connection, Round, str],
) -> None:
    conn, rnd, _ = commented
    text = _flat(build_scorecard_pdf(conn, rnd.id, show_names=True, comments=True))
    section = text[text.index("Team members' comments") :]
    assert "Priya Natarajan: Use <b>bold</b> & <para>tags</para>" in section
    assert "Ask Jordan Kim about it" in section
    spanish = _flat(build_scorecard_pdf(conn, rnd.id, lang="es", comments=True))
    assert "Comentarios del equipo" in spanish


def test_a_round_without_comments_says_so(mini: Instrument) -> None:
    from datetime import date

    from app.db import organizations

    conn = open_database(":memory:")
    org = organizations.create(conn, "Quiet")
    rnd = rounds.create(conn, org.id, mini, "Spring", date(2026, 1, 1), date(2026, 3, 31))
    rounds.add_respondent(conn, rnd.id, "Ana Ruiz", "clinical_staff")
    text = _flat(build_scorecard_pdf(conn, rnd.id, comments=True))
    assert "No team member wrote a comment." in text
    conn.close()


def test_cli_scorecard_comments_flag(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mini: Instrument
) -> None:
    db = tmp_path / "data.sqlite3"
    conn = open_database(db)
    rnd = named_round(conn, mini)
    conn.close()
    plain, with_comments = tmp_path / "plain.pdf", tmp_path / "comments.pdf"
    assert main(["--db", str(db), "report", "scorecard", str(rnd.id), "-o", str(plain)]) == 0
    args = ["--db", str(db), "report", "scorecard", str(rnd.id), "--roles-only", "--comments"]
    assert main([*args, "-o", str(with_comments)]) == 0
    capsys.readouterr()
    assert "Ask" not in _flat(plain.read_bytes())
    text = _flat(with_comments.read_bytes())
    assert "Ask Clinical staff about it" in text and "jordan" not in text.casefold()
