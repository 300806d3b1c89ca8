"""Issue 15: text that may still name a team member after roles-only redaction (nicknames, short
forms, people not on the team list) is found before the file leaves; the instrument's own words,
sentence starts, acronyms and role labels are not."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.instrument import Instrument
from app.core.models import Round
from app.db import action_plans, responses, rounds
from app.db.connection import open_database
from app.exchange.export import Privacy, round_document
from app.services.name_leaks import (
    CAPITALISED,
    NAME_PREFIX,
    NameFinder,
    find_leaks,
    fold,
    known_words,
    round_vocabulary,
    team_names,
)
from tests.test_privacy import TEAM, named_round

NAMES = [name for name, _ in TEAM]


@pytest.fixture
def nicknamed(mini: Instrument) -> Iterator[tuple[sqlite3.Connection, Round]]:
    """The privacy test's round (full names typed everywhere, which redaction replaces), plus
    nicknames and a name not on the team, which it cannot know."""
    conn = open_database(":memory:")
    rnd = named_round(conn, mini)
    item = mini.items[0]
    responses.save_consensus(
        conn, rnd.id, item.id, item.scale.choices[0].code, "We asked Jordy and Dave."
    )
    priority = action_plans.priorities_for_round(conn, rnd.id)[0]
    action_plans.update_priority(conn, priority.id, owner="Barty")
    person = rounds.respondents(conn, rnd.id)[0]
    responses.save_answer(
        conn, person.id, mini.items[1].id, item.scale.choices[0].code, comment="mari knows"
    )
    yield conn, rnd
    conn.close()


def _leaks(conn: sqlite3.Connection, rnd: Round) -> dict[tuple[str, str], tuple[str, ...]]:
    document = round_document(conn, rnd.id, Privacy(names=False, comments=True))
    found = find_leaks(document, team_names(conn, rnd.id), round_vocabulary(conn, rnd.id))
    return {(leak.field, leak.where): leak.words for leak in found}


def test_nicknames_and_unknown_names_are_found_where_they_are(
    nicknamed: tuple[sqlite3.Connection, Round], mini: Instrument
) -> None:
    conn, rnd = nicknamed
    leaks = _leaks(conn, rnd)
    assert leaks[("rationale", mini.items[0].id)] == ("Jordy", "Dave")
    assert leaks[("owner", "1")] == ("Barty",)
    assert leaks[("comment", mini.items[1].id)] == ("mari",)
    # everything else was redacted to role labels ("Ask Clinical staff about it", "Chart audit
    # by Peer specialist", "Monthly, Clinical staff reports"): nothing to report there
    assert set(leaks) == {
        ("rationale", mini.items[0].id),
        ("owner", "1"),
        ("comment", mini.items[1].id),
    }


def test_a_round_redaction_fully_covers_has_nothing_to_list(mini: Instrument) -> None:
    conn = open_database(":memory:")
    rnd = named_round(conn, mini)
    assert _leaks(conn, rnd) == {}
    conn.close()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We called Dave today.", [("Dave", CAPITALISED)]),
        ("Dave called. Sam did.", []),  # sentence starts
        ("Dave called. Then Sam did.", [("Sam", CAPITALISED)]),
        ("Notes: Dave called", []),
        ("Ask Jordy", [("Jordy", NAME_PREFIX)]),
        ("ask jord about it", [("jord", NAME_PREFIX)]),
        ("ask Maria", [("Maria", NAME_PREFIX)]),  # María, accents ignored
        ("the PDSA form and the CEO", []),  # acronyms are not names
        ("due in March, then Monday", []),  # calendar words
        ("the team used Level 2 and Level 3", []),  # the instrument's own words
        ("the Clinical staff and the Peer specialist", []),  # role labels
        ("¿Dave vino? “Sam called.”", []),  # a question, a quotation: sentence starts
        ("we met (Dave) today", [("Dave", CAPITALISED)]),
        ("", []),
    ],
)
def test_the_two_rules(text: str, expected: list[tuple[str, str]]) -> None:
    finder = NameFinder(["Jordan Kim", "María González", "Al Bo"], known_words({"a": "Level"}))
    assert finder.find(text) == expected


def test_short_name_parts_and_name_parts_that_are_instrument_words_give_no_prefix() -> None:
    finder = NameFinder(["Al Policy"], known_words("Policy"))
    assert finder.prefixes == frozenset()
    assert finder.find("the policy and Alberto") == [("Alberto", CAPITALISED)]


def test_fold_ignores_case_and_accents() -> None:
    assert fold("MARÍA") == fold("maria") == "maria"
    assert fold("Ñandú") == "nandu"


def test_cli_export_roles_only_warns_of_names_left(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mini: Instrument
) -> None:
    from app.cli import main

    db = tmp_path / "data.sqlite3"
    conn = open_database(db)
    rnd = named_round(conn, mini)
    priority = action_plans.priorities_for_round(conn, rnd.id)[0]
    conn.close()
    out = tmp_path / "out.smsoat"
    assert main(["--db", str(db), "export", str(rnd.id), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "may still name" not in err  # redaction covered every name
    conn = open_database(db)
    action_plans.update_priority(conn, priority.id, owner="Barty")
    conn.close()
    assert main(["--db", str(db), "export", str(rnd.id), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "1 text(s) in the file may still name a team member" in err
    assert "  owner 1: Barty" in err
    assert main(["--db", str(db), "export", str(rnd.id), "--names", "-o", str(out)]) == 0
    assert "may still name" not in capsys.readouterr().err  # names leave anyway
