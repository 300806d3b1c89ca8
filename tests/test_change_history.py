"""The history of changes: exactly the changes of a session, by the right person, old → new."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.cli import main
from app.core.instrument import Instrument
from app.db import action_plans, changelog, organizations, responses, rounds
from app.db.connection import open_database
from app.services import change_history, privacy
from app.services.change_history import HIDDEN, Change
from tests.helpers import make_round


def _session(conn: sqlite3.Connection, mini: Instrument) -> int:
    """A scripted session: two people rate, one changes their mind, the meeting agrees, a plan."""
    rnd, (ana, ben) = make_round(conn, mini)
    responses.save_answer(conn, ana.id, "1.1.1", "2")
    responses.save_answer(conn, ana.id, "1.1.1", "3", comment="=SUM(A1)")
    responses.save_answer(conn, ben.id, "1.1.2", "1")
    responses.clear_answer(conn, ben.id, "1.1.2")
    responses.save_consensus(conn, rnd.id, "1.1.1", "2", actor="Facilitator Fay")
    responses.save_consensus(conn, rnd.id, "1.1.1", "3", actor="Facilitator Fay")
    p = action_plans.create_priority(conn, rnd.id, "item", "1.1.1", goal="Start", actor="Fay")
    action_plans.update_priority(conn, p.id, goal="Better goal", owner="Dana", actor="Fay")
    return rnd.id


def _made(rows: list[Change]) -> list[tuple[str, ...]]:
    return [(c.actor, c.kind, c.action, c.item, c.field, c.old, c.new, c.person) for c in rows]


def test_history_lists_exactly_the_session(conn: sqlite3.Connection, mini: Instrument) -> None:
    round_id = _session(conn, mini)
    rows = change_history.changes(conn, round_id)
    work = [r for r in rows if r.kind not in ("round", "team")]
    assert _made(work) == [
        ("Person 1", "answer", "answer", "1.1.1", "choice", "", "2", "Person 1"),
        ("Person 1", "answer", "answer", "1.1.1", "choice", "2", "3", "Person 1"),
        ("Person 1", "comment", "answer", "1.1.1", "comment", "", "8 characters", "Person 1"),
        ("Person 2", "answer", "answer", "1.1.2", "choice", "", "1", "Person 2"),
        ("Person 2", "answer", "clear", "1.1.2", "choice", "1", "", "Person 2"),
        ("Facilitator Fay", "consensus", "consensus", "1.1.1", "choice", "", "2", ""),
        ("Facilitator Fay", "consensus", "consensus", "1.1.1", "choice", "2", "3", ""),
        ("Fay", "plan", "create", "1.1.1", "", "", "priority", ""),
        ("Fay", "plan", "update", "1.1.1", "goal", "Start", "Better goal", ""),
        ("Fay", "plan", "update", "1.1.1", "owner", "", "Dana", ""),
    ]
    # every log entry of the round is there: nothing invented, nothing lost
    rnd = rounds.get(conn, round_id)
    assert len({r.at + r.action for r in rows}) <= len(changelog.entries(conn, rnd.uuid))
    assert [(r.old, r.new) for r in rows if r.kind == "team"] == [
        ("", "Person 1"),
        ("", "Person 2"),
    ]
    ben = rounds.respondents(conn, round_id)[1]
    rounds.withdraw_respondent(conn, ben.id, actor="Fay")
    team = change_history.changes(conn, round_id, kind="team")
    assert [(c.actor, c.old, c.new, c.person) for c in team][-1] == (
        "Fay",
        "counted",
        "withdrawn",
        "Person 2",
    )
    # filters
    assert {r.actor for r in change_history.changes(conn, round_id, person="Fay")} == {"Fay"}
    only_item = change_history.changes(conn, round_id, item="1.1.2")
    assert [r.new for r in only_item] == ["1", ""]
    assert {r.kind for r in change_history.changes(conn, round_id, kind="consensus")} == {
        "consensus"
    }
    # the comment's text never reaches the history, only its length
    assert "SUM" not in repr(rows)


def test_history_csv_round_trip_is_formula_neutral(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    round_id = _session(conn, mini)
    p = action_plans.priorities_for_round(conn, round_id)[0]
    action_plans.update_priority(conn, p.id, goal="=cmd|' /C calc'!A0", owner="-2+3")
    rows = change_history.changes(conn, round_id)
    data = change_history.to_csv(rows)
    text = data.decode("utf-8-sig")
    assert "'=cmd" in text and "'-2+3" in text
    for line in text.splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.startswith(("=", "+", "-", "@")), cell
    assert change_history.from_csv(data) == rows


def test_private_round_masks_answers_in_history(conn: sqlite3.Connection, mini: Instrument) -> None:
    org = organizations.create(conn, "Agency")
    rnd = rounds.create(
        conn, org.id, mini, "Spring", date(2026, 1, 1), date(2026, 3, 31), private=True
    )
    ana = rounds.add_respondent(conn, rnd.id, "Ana", "clinical_staff")
    responses.save_answer(conn, ana.id, "1.1.1", "3")
    hidden = change_history.changes(
        conn, rnd.id, reveal_answers=privacy.may_see_answers(conn, rnd.id)
    )
    assert [(r.old, r.new) for r in hidden if r.kind == "answer"] == [("", HIDDEN)]
    privacy.open_results(conn, rnd.id, actor="Fay", early=True)
    shown = change_history.changes(
        conn, rnd.id, reveal_answers=privacy.may_see_answers(conn, rnd.id)
    )
    assert [(r.old, r.new) for r in shown if r.kind == "answer"] == [("", "3")]
    assert [(r.actor, r.field, r.new) for r in shown if r.kind == "results"] == [
        ("Fay", "open_results", "opened early")
    ]


def test_cli_history_json_table_and_csv(
    capsys: pytest.CaptureFixture[str], db_path: Path, mini: Instrument, tmp_path: Path
) -> None:
    db_path.parent.mkdir(parents=True)
    conn = open_database(db_path)
    round_id = _session(conn, mini)
    conn.close()
    code = main(["--db", str(db_path), "history", str(round_id), "--json", "--kind", "consensus"])
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    assert data["answers_hidden"] is False
    assert [(c["actor"], c["old"], c["new"]) for c in data["changes"]] == [
        ("Facilitator Fay", "", "2"),
        ("Facilitator Fay", "2", "3"),
    ]
    assert main(["--db", str(db_path), "history", str(round_id), "--person", "Person 2"]) == 0
    out, _ = capsys.readouterr()
    assert "Person 2" in out and "Fay" not in out
    target = tmp_path / "changes.csv"
    assert main(["--db", str(db_path), "history", str(round_id), "-o", str(target)]) == 0
    capsys.readouterr()
    conn = open_database(db_path)
    assert change_history.from_csv(target.read_bytes()) == change_history.changes(conn, round_id)
    conn.close()
    # the data file itself is refused as output, with one line and exit 2
    assert main(["--db", str(db_path), "history", str(round_id), "-o", str(db_path)]) == 2
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and "Will not write" in err
    assert main(["--db", str(db_path), "history", "999"]) == 2


def test_an_import_records_the_file_it_came_from(
    conn: sqlite3.Connection, mini: Instrument, tmp_path: Path
) -> None:
    from app.exchange.export import export_round
    from app.exchange.importer import import_file

    round_id = _session(conn, mini)
    path = tmp_path / "clinic-spring.smsoat"
    path.write_bytes(export_round(conn, round_id, with_pdf=False))
    other = open_database(":memory:")
    report = import_file(other, path, [mini])
    assert report.round_id is not None
    rows = change_history.changes(other, report.round_id, kind="import")
    assert [(c.actor, c.new) for c in rows] == [
        ("import from clinic-spring.smsoat", "clinic-spring.smsoat")
    ]
    other.close()
