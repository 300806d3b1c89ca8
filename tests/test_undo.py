"""Undoing mistakes below the GUI: clear an answer, withdraw and reinstate a person, remove one
with answers, delete a round; the backup copy before each destructive step; the schema step."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.cli import main
from app.core.errors import NotFoundError, StorageError, ValidationError
from app.core.instrument import Instrument
from app.core.models import Respondent, Round
from app.core.scoring import OVERALL
from app.db import action_plans, changelog, migrations, organizations, responses, rounds
from app.db.connection import open_database
from app.exchange.export import export_round, round_document
from app.exchange.format import ROUND, SCORES_CSV
from app.reports.scorecard import build_scorecard_pdf
from app.services import backups, removal
from app.services.progress import rounds_overview, team_progress
from app.services.rollup import compute_rollup
from app.services.round_scores import round_scores
from app.services.score_json import round_scores_json
from tests.helpers import make_round


def answer_all(conn: sqlite3.Connection, person: Respondent, inst: Instrument, code: str) -> None:
    for item in inst.items:
        responses.save_answer(conn, person.id, item.id, code)


def team_with_a_mistake(
    conn: sqlite3.Connection, inst: Instrument
) -> tuple[Round, Respondent, Respondent]:
    """Ana rated every item 1; Wanda (a test entry) rated every item 4."""
    rnd, (ana, wanda) = make_round(conn, inst, people=2)
    ana = rounds.update_respondent(conn, ana.id, display_name="Ana Ames", role="clinical_staff")
    wanda = rounds.update_respondent(
        conn, wanda.id, display_name="Wanda Testperson", role="administrator"
    )
    answer_all(conn, ana, inst, "1")
    answer_all(conn, wanda, inst, "4")
    rounds.set_show_names(conn, rnd.id, True)
    return rnd, ana, wanda


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def actions(conn: sqlite3.Connection, rnd: Round) -> list[tuple[str, str]]:
    return [(e["action"], e["entity"]) for e in changelog.entries(conn, rnd.uuid)]


# ----- the schema step -------------------------------------------------------------------------


def test_version_2_adds_withdrawn_and_keeps_every_row(
    db_path: Path, mini: Instrument, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 1)
    old = open_database(db_path)
    org = organizations.create(old, "Old Agency")
    rnd = rounds.create(old, org.id, mini, "Spring", date(2026, 1, 1), date(2026, 3, 31))
    # version 1 knew no withdrawn_at: its rows go in as version 1 wrote them
    for n in (1, 2):
        old.execute(
            "INSERT INTO respondents (uuid, round_id, display_name, role, created_at, updated_at)"
            " VALUES (?, ?, ?, 'other', 'x', 'x')",
            (f"uuid-{n}", rnd.id, f"Person {n}"),
        )
    ana_id = old.execute("SELECT id FROM respondents WHERE uuid = 'uuid-1'").fetchone()[0]
    old.execute(
        "INSERT INTO responses (respondent_id, item_id, choice, created_at, updated_at)"
        " VALUES (?, '2.1', '3', 'x', 'x')",
        (ana_id,),
    )
    before = {t: old.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _TABLES}
    assert migrations.schema_version(old) == 1
    old.close()
    monkeypatch.undo()

    conn = open_database(db_path)
    # up to the latest version, whatever steps later work appended after this one
    assert migrations.schema_version(conn) == migrations.SCHEMA_VERSION >= 2
    after = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _TABLES}
    assert after == before and after["responses"] == 1
    assert [p.withdrawn for p in rounds.respondents(conn, rnd.id)] == [False, False]
    assert responses.choices_for_round(conn, rnd.id)[ana_id] == {"2.1": "3"}
    pattern = f"*.before-v{migrations.SCHEMA_VERSION}-*.sqlite3"
    copies = list((db_path.parent / "backups").glob(pattern))
    assert len(copies) == 1
    conn.close()


_TABLES = ("organizations", "rounds", "respondents", "responses", "change_log")


# ----- clearing an answer -------------------------------------------------------------------------


def test_clearing_an_answer_makes_the_item_unanswered(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    rnd, (ana, _) = make_round(conn, mini)
    responses.save_answer(conn, ana.id, "2.1", "3")
    responses.save_answer(conn, ana.id, "2.2", "4", comment="Seen in the audit")
    assert team_progress(conn, rnd.id)[0].answered == 2

    assert responses.clear_answer(conn, ana.id, "2.1") is None
    kept = responses.clear_answer(conn, ana.id, "2.2", source="paper")
    assert kept is not None and kept.choice is None and kept.comment == "Seen in the audit"

    assert responses.choices_for_respondent(conn, ana.id) == {}
    stored = responses.answers_for_respondent(conn, ana.id)
    assert set(stored) == {"2.2"} and stored["2.2"].comment == "Seen in the audit"
    assert team_progress(conn, rnd.id)[0].answered == 0
    clears = [
        json.loads(e["detail"]) for e in changelog.entries(conn, rnd.uuid) if e["action"] == "clear"
    ]
    assert clears == [{"item": "2.1", "was": "3"}, {"item": "2.2", "was": "4"}]


def test_clearing_nothing_changes_nothing(conn: sqlite3.Connection, mini: Instrument) -> None:
    rnd, (ana, _) = make_round(conn, mini)
    log_before = len(changelog.entries(conn))
    assert responses.clear_answer(conn, ana.id, "2.1") is None
    assert len(changelog.entries(conn)) == log_before
    with pytest.raises(ValidationError, match="not an item"):
        responses.clear_answer(conn, ana.id, "9.9")
    responses.save_answer(conn, ana.id, "2.1", "2")
    rounds.set_status(conn, rnd.id, "closed")
    with pytest.raises(ValidationError, match="closed"):
        responses.clear_answer(conn, ana.id, "2.1")
    assert responses.choices_for_respondent(conn, ana.id) == {"2.1": "2"}


# ----- withdrawing ------------------------------------------------------------------------------


def test_a_withdrawn_person_counts_nowhere_and_comes_back(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    rnd, ana, wanda = team_with_a_mistake(conn, mini)
    with_both = round_scores(conn, rnd.id).official[OVERALL]
    assert with_both == pytest.approx(2.5)

    rounds.withdraw_respondent(conn, wanda.id)
    assert [p.id for p in rounds.respondents(conn, rnd.id)] == [ana.id]
    assert [p.id for p in rounds.withdrawn_respondents(conn, rnd.id)] == [wanda.id]
    assert set(responses.choices_for_round(conn, rnd.id)) == {ana.id}
    assert [p.respondent.id for p in team_progress(conn, rnd.id)] == [ana.id]
    overview = rounds_overview(conn, rnd.organization_id)[0]
    assert (overview.respondents, overview.finished) == (1, 1)
    scores = round_scores(conn, rnd.id)
    assert scores.official[OVERALL] == pytest.approx(1.0)
    document = round_scores_json(scores)
    assert [p["uuid"] for p in document["respondents"]] == [ana.uuid]
    assert document["official"]["scores"][OVERALL] == pytest.approx(1.0)
    assert wanda.uuid not in json.dumps(document)
    # her answers are kept, untouched, for the day she is reinstated
    assert len(responses.answers_for_respondent(conn, wanda.id)) == len(mini.items)

    rounds.reinstate_respondent(conn, wanda.id)
    assert [p.id for p in rounds.respondents(conn, rnd.id)] == [ana.id, wanda.id]
    assert round_scores(conn, rnd.id).official[OVERALL] == pytest.approx(with_both)
    assert ("withdraw", "respondent") in actions(conn, rnd)
    assert ("reinstate", "respondent") in actions(conn, rnd)


def test_the_scorecard_leaves_a_withdrawn_person_out(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    rnd, _ana, wanda = team_with_a_mistake(conn, mini)
    assert "Wanda Testperson" in pdf_text(build_scorecard_pdf(conn, rnd.id))
    rounds.withdraw_respondent(conn, wanda.id)
    text = pdf_text(build_scorecard_pdf(conn, rnd.id))
    assert "Wanda Testperson" not in text and "Ana Ames" in text
    rounds.reinstate_respondent(conn, wanda.id)
    assert "Wanda Testperson" in pdf_text(build_scorecard_pdf(conn, rnd.id))


def test_the_export_and_the_rollup_leave_a_withdrawn_person_out(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    rnd, ana, wanda = team_with_a_mistake(conn, mini)
    rounds.withdraw_respondent(conn, wanda.id)
    data = export_round(conn, rnd.id, with_pdf=False)
    files = members(data)
    round_json: dict[str, Any] = json.loads(files[ROUND])
    assert [p["uuid"] for p in round_json["respondents"]] == [ana.uuid]
    assert wanda.uuid.encode() not in data and b"Wanda" not in files[ROUND]
    assert b"Wanda" not in files[SCORES_CSV]
    assert compute_rollup(conn, "mini").agencies[0].score(OVERALL) == pytest.approx(1.0)

    rounds.reinstate_respondent(conn, wanda.id)
    again = round_document(conn, rnd.id)
    assert [p["uuid"] for p in again["respondents"]] == [ana.uuid, wanda.uuid]
    assert compute_rollup(conn, "mini").agencies[0].score(OVERALL) == pytest.approx(2.5)


def test_withdrawing_is_refused_where_it_makes_no_sense(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    rnd, (ana, ben) = make_round(conn, mini)
    rounds.withdraw_respondent(conn, ben.id)
    with pytest.raises(ValidationError, match="already withdrawn"):
        rounds.withdraw_respondent(conn, ben.id)
    with pytest.raises(ValidationError, match="not withdrawn"):
        rounds.reinstate_respondent(conn, ana.id)
    with pytest.raises(ValidationError, match="withdrawn from this round") as refused:
        responses.save_answer(conn, ben.id, "2.1", "3")
    assert refused.value.code == "member_withdrawn"
    assert responses.answers_for_respondent(conn, ben.id) == {}
    rounds.set_status(conn, rnd.id, "closed")
    with pytest.raises(ValidationError, match="closed"):
        rounds.reinstate_respondent(conn, ben.id)
    with pytest.raises(NotFoundError):
        rounds.withdraw_respondent(conn, 999)


# ----- removing and deleting, each after a backup copy ------------------------------------------


def test_removing_a_person_with_answers_takes_a_copy_first(db_path: Path, mini: Instrument) -> None:
    conn = open_database(db_path)
    rnd, ana, wanda = team_with_a_mistake(conn, mini)
    with pytest.raises(ValidationError, match="cannot be removed"):
        rounds.remove_respondent(conn, wanda.id)
    done = removal.remove_member(conn, db_path, wanda.id)
    assert done.answers == len(mini.items) and done.backup is not None
    assert [p.id for p in rounds.respondents(conn, rnd.id, include_withdrawn=True)] == [ana.id]
    info = backups.describe(done.backup)
    assert (info.reason, info.subject) == ("remove-member", "Wanda Testperson")
    assert info.answers == 2 * len(mini.items)  # the copy still holds her answers
    assert info in backups.list_backups(db_path)
    entry = changelog.entries(conn, rnd.uuid)[-1]
    assert (entry["action"], json.loads(entry["detail"])["answers"]) == ("delete", len(mini.items))
    conn.close()


def test_deleting_a_round_takes_everything_in_it_after_a_copy(
    db_path: Path, mini: Instrument
) -> None:
    conn = open_database(db_path)
    rnd, _ana, _wanda = team_with_a_mistake(conn, mini)
    other, _ = make_round(conn, mini, name="Autumn")
    responses.save_consensus(conn, rnd.id, "2.1", "2")
    action_plans.create_priority(conn, rnd.id, "item", "2.1", goal="Better")
    impact = rounds.deletion_impact(conn, rnd.id)
    assert impact == rounds.RoundImpact(2, 2 * len(mini.items), 1, 1)

    done = removal.delete_round(conn, db_path, rnd.id)
    assert done.answers == impact.answers
    with pytest.raises(NotFoundError):
        rounds.get(conn, rnd.id)
    for table in ("respondents", "consensus", "priorities"):
        left = conn.execute(f"SELECT count(*) FROM {table} WHERE round_id = ?", (rnd.id,))
        assert left.fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM responses").fetchone()[0] == 0
    assert [r.id for r in rounds.list_for_organization(conn, rnd.organization_id)] == [other.id]
    assert ("delete", "round") in actions(conn, rnd)  # the log outlives the round
    assert done.backup is not None
    info = backups.describe(done.backup)
    assert (info.reason, info.subject, info.rounds) == ("delete-round", "Spring", 2)
    conn.close()


def test_restoring_the_copy_brings_a_deleted_round_back(db_path: Path, mini: Instrument) -> None:
    conn = open_database(db_path)
    rnd, ana, wanda = team_with_a_mistake(conn, mini)
    done = removal.delete_round(conn, db_path, rnd.id)
    conn.close()
    assert done.backup is not None
    backups.restore(done.backup, db_path)
    back = open_database(db_path)
    assert rounds.get(back, rnd.id).name == "Spring"
    assert [p.id for p in rounds.respondents(back, rnd.id)] == [ana.id, wanda.id]
    assert len(responses.choices_for_respondent(back, wanda.id)) == len(mini.items)
    back.close()


def test_no_copy_no_deletion(
    db_path: Path, mini: Instrument, monkeypatch: pytest.MonkeyPatch
) -> None:
    conn = open_database(db_path)
    rnd, _ana, wanda = team_with_a_mistake(conn, mini)
    before = list(conn.iterdump())

    def disk_full(_conn: object, target: Path) -> None:
        raise StorageError(f"Could not write the backup {target}: No space left on device.")

    monkeypatch.setattr(backups, "backup_to", disk_full)
    for step in (
        lambda: removal.delete_round(conn, db_path, rnd.id),
        lambda: removal.remove_member(conn, db_path, wanda.id),
        lambda: removal.delete_agency(conn, db_path, rnd.organization_id),
    ):
        with pytest.raises(StorageError, match="nothing was deleted") as failed:
            step()
        assert failed.value.code == "backup_failed"
        assert "No space left" in str(failed.value)
    assert list(conn.iterdump()) == before
    conn.close()


def test_an_unwritable_backups_folder_also_stops_the_step(db_path: Path, mini: Instrument) -> None:
    conn = open_database(db_path)
    rnd, _ = make_round(conn, mini)
    backups.backups_folder(db_path).write_text("a file where the folder should be")
    with pytest.raises(StorageError, match="nothing was deleted"):
        removal.delete_round(conn, db_path, rnd.id)
    assert rounds.get(conn, rnd.id).name == "Spring"
    conn.close()


def test_deleting_an_agency_with_rounds_takes_a_copy(db_path: Path, mini: Instrument) -> None:
    conn = open_database(db_path)
    rnd, _, _ = team_with_a_mistake(conn, mini)
    empty = organizations.create(conn, "Empty Agency")
    assert removal.delete_agency(conn, db_path, empty.id).backup is None  # nothing to keep
    done = removal.delete_agency(conn, db_path, rnd.organization_id)
    assert done.backup is not None
    assert backups.describe(done.backup).reason == "delete-agency"
    assert organizations.list_all(conn) == []
    conn.close()


def test_copies_made_before_a_step_are_listed_and_never_pruned(
    db_path: Path, mini: Instrument
) -> None:
    conn = open_database(db_path)
    make_round(conn, mini)
    first = backups.backup_before(conn, db_path, "delete-round", "Spring")
    second = backups.backup_before(conn, db_path, "delete-round", "Spring", now=None)
    assert first != second and first.exists() and second.exists()
    backups.prune(db_path)
    listed = {b.path for b in backups.list_backups(db_path)}
    assert {first, second} <= listed
    info = backups.describe(first)
    assert not info.automatic and info.created.year >= 2026
    with pytest.raises(ValueError):
        backups.backup_before(conn, db_path, "tidy-up", "x")
    conn.close()


# ----- the command line -------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_withdraw_reinstate_and_delete_round(
    db_path: Path, mini: Instrument, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = open_database(db_path)
    rnd, ana, wanda = team_with_a_mistake(conn, mini)
    conn.close()
    db = ["--db", str(db_path)]
    r, w = str(rnd.id), str(wanda.id)

    code, out, _ = run(capsys, *db, "withdraw", r, w)
    assert code == 0 and "Wanda Testperson is withdrawn" in out
    code, out, _ = run(capsys, *db, "score", r, "--json")
    assert [p["uuid"] for p in json.loads(out)["respondents"]] == [ana.uuid]
    code, out, _ = run(capsys, *db, "team", r)
    assert "withdrawn" in out and "Wanda Testperson" in out
    code, out, _ = run(capsys, *db, "reinstate", r, w)
    assert code == 0 and "counts again" in out

    code, out, err = run(capsys, *db, "delete-round", r)
    assert code == 2 and "--yes" in err and len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, *db, "delete-round", r, "--yes")
    assert code == 0 and "backup copy" in out
    check = open_database(db_path)
    assert rounds.list_all(check) == []
    assert [b.reason for b in backups.list_backups(db_path)] == ["delete-round"]
    check.close()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("withdraw", "99", "1"), "no round with id 99"),
        (("withdraw", "{round}", "99"), "no team member with id 99"),
        (("reinstate", "{round}", "{other}"), "no team member with id"),
        (("reinstate", "{round}", "{person}"), "not withdrawn"),
        (("delete-round", "99", "--yes"), "no round with id 99"),
    ],
)
def test_cli_bad_ids_give_one_line_and_exit_2(
    db_path: Path,
    mini: Instrument,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    says: str,
) -> None:
    conn = open_database(db_path)
    rnd, (person, _) = make_round(conn, mini)
    _, (other, _) = make_round(conn, mini, name="Other")
    before = list(conn.iterdump())
    conn.close()
    filled = [
        a.format(round=rnd.id, person=person.id, other=other.id) if "{" in a else a for a in args
    ]
    code, _out, err = run(capsys, "--db", str(db_path), *filled)
    assert code == 2
    assert says in err and len(err.strip().splitlines()) == 1
    check = open_database(db_path)
    assert list(check.iterdump()) == before
    check.close()


def test_cli_a_word_for_an_id_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["withdraw", "one", "1"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "invalid int value" in err and len(err.strip().splitlines()) == 1
