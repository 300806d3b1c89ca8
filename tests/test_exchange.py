"""The exchange file: export, privacy, round trip, preview and transactional import.

Builders here (`filled_round`, `db_dump`, `members_of`) are shared by the hostile-file, roll-up and
command-line tests.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pypdf import PdfReader

from app.core import limits
from app.core.instrument import Instrument
from app.core.instrument_loader import parse_instrument
from app.core.models import Round
from app.db import action_plans, changelog, organizations, responses, rounds
from app.db.connection import open_database
from app.exchange import errors
from app.exchange.export import Privacy, export_round, round_document
from app.exchange.format import ALLOWED_MEMBERS, MANIFEST, ROUND, SCORECARD_PDF, SCORES_CSV
from app.exchange.importer import (
    expand_paths,
    import_bytes,
    import_file,
    import_files,
    last_change,
    preview_files,
)
from app.exchange.reader import read_exchange_bytes
from app.services.round_scores import official_for, round_scores

SCHEMA_DIR = Path(__file__).parent.parent / "app" / "exchange" / "schema"
NAMES = ("Zoë Ñúñez", "Alex <b>Rivera</b>", "Sam & Co")


def filled_round(
    conn: sqlite3.Connection,
    instrument: Instrument,
    *,
    agency: str = "Riverbend Health",
    name: str = "Spring 2026",
    end: date = date(2026, 3, 31),
    seed: int = 0,
    consensus: bool = True,
    people: int = 3,
) -> Round:
    """A round with every kind of data: answers (scored, don't know, not applicable, cleared),
    comments, consensus with rationales, a priority with a PDSA cycle, and a closed status."""
    org = organizations.find_by_name(conn, agency) or organizations.create(
        conn, agency, site="Main", region="North", state_identifier="ST-1"
    )
    start = date(end.year, 1, 1)
    if end <= date.today() + limits.MAX_PERIOD_AHEAD:
        rnd = rounds.create(conn, org.id, instrument, name, start, end)
    else:  # as a forged file left it before entry refused such periods (tests of the roll-up)
        rnd = rounds.create(conn, org.id, instrument, name, date(2026, 1, 1), date(2026, 3, 31))
        conn.execute(
            "UPDATE rounds SET period_start = ?, period_end = ? WHERE id = ?",
            (start.isoformat(), end.isoformat(), rnd.id),
        )
        rnd = rounds.get(conn, rnd.id)
    roles = ("clinical_staff", "peer_specialist", "administrator", "clinical_staff")
    items = instrument.items
    for p in range(people):
        person = rounds.add_respondent(conn, rnd.id, NAMES[p % len(NAMES)], roles[p % 4])
        for k, item in enumerate(items):
            codes = [c.code for c in item.scale.choices]
            code = codes[(k + p + seed) % len(codes)]
            comment = f"Comment {p}-{k} =1+1" if k % 3 == 0 else None
            responses.save_answer(conn, person.id, item.id, code, comment=comment)
        responses.save_answer(conn, person.id, items[-1].id, None)  # a cleared answer
    if consensus:
        for k, item in enumerate(items):
            code = item.scale.choices[(k + seed) % 4].code
            responses.save_consensus(conn, rnd.id, item.id, code, "We agreed" if k == 0 else "")
    priority = action_plans.create_priority(
        conn, rnd.id, "domain", instrument.domains[0].id, goal="Better goals", owner="Lead"
    )
    action_plans.add_cycle(conn, priority.id, plan={"what": "Try a form", "who": "Clinic A"})
    rounds.set_status(conn, rnd.id, "closed")
    return rounds.get(conn, rnd.id)


def db_dump(conn: sqlite3.Connection) -> list[str]:
    """Every row of every table: equal dumps mean nothing at all was written."""
    return list(conn.iterdump())


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def round_json(data: bytes) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(members_of(data)[ROUND])
    return loaded


def manifest_of(data: bytes) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(members_of(data)[MANIFEST])
    return loaded


@pytest.fixture
def source(mini: Instrument) -> Iterator[tuple[sqlite3.Connection, Round]]:
    conn = open_database(":memory:")
    rnd = filled_round(conn, mini)
    yield conn, rnd
    conn.close()


# ----- export -----------------------------------------------------------------------------------


def test_archive_members_and_manifest(source: tuple[sqlite3.Connection, Round]) -> None:
    conn, rnd = source
    data = export_round(conn, rnd.id, privacy=Privacy(comments=True))
    members = members_of(data)
    assert set(members) == ALLOWED_MEMBERS
    manifest = manifest_of(data)
    assert manifest["format"] == "smsoat-exchange" and manifest["format_version"] == 1
    assert manifest["round_uuid"] == rnd.uuid
    assert manifest["instrument"] == {
        "id": "mini",
        "version": "1.0",
        "hash": rnd.instrument_hash,
    }
    assert manifest["privacy"] == {"names": False, "comments": True}
    assert set(manifest["members"]) == ALLOWED_MEMBERS - {MANIFEST}
    import hashlib

    for name, entry in manifest["members"].items():
        assert entry["sha256"] == hashlib.sha256(members[name]).hexdigest()
        assert entry["size"] == len(members[name])
    assert members[SCORECARD_PDF].startswith(b"%PDF-")


def test_round_json_uses_codes_and_matches_schema(source: tuple[sqlite3.Connection, Round]) -> None:
    conn, rnd = source
    data = export_round(conn, rnd.id, privacy=Privacy(names=True))
    doc = round_json(data)
    schema = json.loads((SCHEMA_DIR / "exchange-round.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(doc, schema)
    manifest_schema = json.loads((SCHEMA_DIR / "exchange-manifest.schema.json").read_text("utf-8"))
    jsonschema.validate(manifest_of(data), manifest_schema)
    person = doc["respondents"][0]
    assert person["role"] == "clinical_staff"  # a code, not "Clinical staff"
    first = doc["respondents"][0]["answers"]["1.1.1"]
    assert first["choice"] in {"1", "2", "3", "4", "dk", "na"}
    assert doc["round"]["status"] == "closed" and doc["round"]["closed_at"]
    cycle = doc["action_plan"]["priorities"][0]["cycles"][0]
    assert cycle["plan"]["what"] == "Try a form"


def test_roles_only_by_default(source: tuple[sqlite3.Connection, Round]) -> None:
    conn, rnd = source
    data = export_round(conn, rnd.id)
    doc = round_json(data)
    assert all("name" not in p for p in doc["respondents"])
    everything = b"".join(members_of(data).values())
    pdf_text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(members_of(data)[SCORECARD_PDF])).pages
    )
    for name in NAMES:
        assert name.encode("utf-8") not in everything
        assert "Zoë" not in pdf_text and "Rivera" not in pdf_text
    assert "Riverbend Health" in pdf_text


def test_names_and_comments_choices(source: tuple[sqlite3.Connection, Round]) -> None:
    conn, rnd = source
    with_names = round_json(export_round(conn, rnd.id, privacy=Privacy(names=True, comments=True)))
    assert [p["name"] for p in with_names["respondents"]] == list(NAMES)
    answers = with_names["respondents"][0]["answers"]
    assert answers["1.1.1"]["comment"] == "Comment 0-0 =1+1"
    data = export_round(conn, rnd.id, privacy=Privacy(comments=False))
    assert manifest_of(data)["privacy"] == {"names": False, "comments": False}
    doc = round_json(data)
    assert not any("comment" in a for p in doc["respondents"] for a in p["answers"].values())
    assert b"Comment 0-0" not in b"".join(members_of(data).values())
    # the team's agreed rationale is the team's record, not a personal comment: it stays
    assert doc["consensus"]["1.1.1"]["rationale"] == "We agreed"


def test_scores_csv(mini_doc: dict[str, Any]) -> None:
    hostile = copy.deepcopy(mini_doc)
    hostile["sections"][0]["subsections"][0]["title"]["en"] = '=HYPERLINK("http://x")'
    hostile["sections"][0]["subsections"][0]["items"][0]["prompt"]["en"] = "-2+3 @risk"
    hostile["sections"][1]["title"]["en"] = "\tTabbed"
    instrument = parse_instrument(hostile, "hostile.json")
    conn = open_database(":memory:")
    rnd = filled_round(conn, instrument)
    data = members_of(export_round(conn, rnd.id, with_pdf=False))[SCORES_CSV]
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header = rows[0]
    assert header[:3] == ["kind", "id", "label"]
    by_id = {(r[0], r[1]): dict(zip(header, r, strict=True)) for r in rows[1:]}
    assert by_id[("domain", "1.1")]["label"] == '\'=HYPERLINK("http://x")'
    assert by_id[("item", "1.1.1")]["label"] == "'-2+3 @risk"
    assert by_id[("section", "2")]["label"] == "'\tTabbed"
    scores = round_scores(conn, rnd.id)
    assert float(by_id[("overall", "all")]["official"]) == pytest.approx(
        scores.official["all"], abs=1e-4
    )
    assert scores.official_source == "consensus"
    assert len([r for r in rows if r[0] == "item"]) == len(instrument.items)
    conn.close()


# ----- round trip -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "privacy", [Privacy(), Privacy(names=True), Privacy(names=True, comments=False)]
)
def test_round_trip(
    source: tuple[sqlite3.Connection, Round], tmp_path: Path, privacy: Privacy
) -> None:
    conn, rnd = source
    first = export_round(conn, rnd.id, privacy=privacy)
    path = tmp_path / "spring.smsoat"
    path.write_bytes(first)
    target = open_database(tmp_path / "coordinator.sqlite3")  # empty, without the instrument
    report = import_file(target, path)
    assert report.status == "new" and report.written and report.round_id is not None
    second = export_round(target, report.round_id, privacy=privacy)
    a, b = members_of(first), members_of(second)
    assert a[ROUND] == b[ROUND]
    assert a[SCORES_CSV] == b[SCORES_CSV]
    assert a["instrument.json"] == b["instrument.json"]
    ma, mb = manifest_of(first), manifest_of(second)
    for manifest in (ma, mb):
        del manifest["created_at"]
        del manifest["members"][SCORECARD_PDF]  # its footer carries the day it was made
    assert ma == mb
    original = official_for(conn, rnd)
    imported = official_for(target, rounds.get(target, report.round_id))
    assert original == imported
    assert round_scores(conn, rnd.id).team.items == round_scores(target, report.round_id).team.items
    target.close()


def test_imported_names_follow_the_privacy_choice(
    source: tuple[sqlite3.Connection, Round],
) -> None:
    conn, rnd = source
    target = open_database(":memory:")
    report = import_bytes(target, export_round(conn, rnd.id, with_pdf=False), "a.smsoat")
    assert report.round_id is not None
    names = [p.display_name for p in rounds.respondents(target, report.round_id)]
    assert names == ["Clinical staff 1", "Peer specialist 1", "Administrator 1"]
    other = open_database(":memory:")
    data = export_round(conn, rnd.id, privacy=Privacy(names=True), with_pdf=False)
    report = import_bytes(other, data, "b.smsoat")
    assert report.round_id is not None
    assert [p.display_name for p in rounds.respondents(other, report.round_id)] == list(NAMES)


def test_instrument_travels_with_the_file(
    source: tuple[sqlite3.Connection, Round], mini: Instrument
) -> None:
    conn, rnd = source
    target = open_database(":memory:")
    assert target.execute("SELECT count(*) FROM instrument_snapshots").fetchone()[0] == 0
    report = import_bytes(target, export_round(conn, rnd.id, with_pdf=False), "a.smsoat")
    assert report.written
    stored = target.execute("SELECT hash, instrument_id FROM instrument_snapshots").fetchall()
    assert [tuple(r) for r in stored] == [(mini.content_hash, "mini")]


# ----- preview and import -----------------------------------------------------------------------


def test_preview_writes_nothing(source: tuple[sqlite3.Connection, Round], tmp_path: Path) -> None:
    conn, rnd = source
    path = tmp_path / "a.smsoat"
    path.write_bytes(export_round(conn, rnd.id, with_pdf=False))
    target = open_database(":memory:")
    before = db_dump(target)
    [report] = preview_files(target, [path])
    assert report.status == "new" and not report.written
    assert report.agency_name == "Riverbend Health" and report.round_name == "Spring 2026"
    assert report.respondent_count == 3 and report.answer_count == 3 * 7
    assert report.instrument_label == "mini 1.0"
    assert db_dump(target) == before


def test_same_file_twice_changes_nothing(
    source: tuple[sqlite3.Connection, Round], tmp_path: Path
) -> None:
    conn, rnd = source
    path = tmp_path / "a.smsoat"
    path.write_bytes(export_round(conn, rnd.id, with_pdf=False))
    target = open_database(":memory:")
    assert import_file(target, path).status == "new"
    after_first = db_dump(target)
    [preview] = preview_files(target, [path])
    assert preview.status == "duplicate"
    second = import_file(target, path)
    assert second.status == "duplicate" and not second.written
    assert db_dump(target) == after_first
    # the agency's own database recognises its own export as a duplicate too
    assert import_file(conn, path).status == "duplicate"


def test_revision_replaces_and_keeps_the_old_one_in_the_log(
    source: tuple[sqlite3.Connection, Round], tmp_path: Path
) -> None:
    conn, rnd = source
    old_file = tmp_path / "old.smsoat"
    old_file.write_bytes(export_round(conn, rnd.id, with_pdf=False))
    target = open_database(":memory:")
    first = import_file(target, old_file)
    assert first.round_id is not None
    old_doc = round_document(target, first.round_id, Privacy(names=True, comments=True))

    rounds.set_status(conn, rnd.id, "open")
    person = rounds.respondents(conn, rnd.id)[0]
    responses.save_answer(conn, person.id, "1.1.1", "4")
    responses.save_consensus(conn, rnd.id, "2.2", "1", "changed our mind")
    new_file = tmp_path / "new.smsoat"
    new_file.write_bytes(export_round(conn, rnd.id, with_pdf=False))

    [preview] = preview_files(target, [new_file])
    assert preview.status == "revision" and preview.round_id == first.round_id
    report = import_file(target, new_file)
    assert report.status == "revision" and report.written
    assert report.round_id == first.round_id  # replaced in place: the id stays
    assert rounds.get(target, first.round_id).status == "open"
    imported_person = rounds.respondents(target, first.round_id)[0]
    assert responses.choices_for_respondent(target, imported_person.id)["1.1.1"] == "4"
    agreed = responses.consensus_for_round(target, first.round_id)["2.2"]
    assert (agreed.choice, agreed.rationale) == ("1", "changed our mind")
    assert target.execute("SELECT count(*) FROM rounds").fetchone()[0] == 1
    assert target.execute("SELECT count(*) FROM respondents").fetchone()[0] == 3
    log = [r for r in changelog.entries(target, rnd.uuid) if r["action"] == "import"]
    assert [json.loads(r["detail"])["status"] for r in log] == ["new", "revision"]
    assert json.loads(log[-1]["detail"])["previous_revision"] == old_doc

    # the older file arriving later is kept out: the newer data here stays
    before = db_dump(target)
    older = import_file(target, old_file)
    assert older.status == "older" and not older.written
    assert db_dump(target) == before


def test_agency_details_follow_a_revision(
    source: tuple[sqlite3.Connection, Round], tmp_path: Path
) -> None:
    conn, rnd = source
    target = open_database(":memory:")
    import_bytes(target, export_round(conn, rnd.id, with_pdf=False), "a.smsoat")
    organizations.update(conn, rnd.organization_id, name="Riverbend Health Partners", site="Main")
    report = import_bytes(target, export_round(conn, rnd.id, with_pdf=False), "b.smsoat")
    assert report.status == "revision"
    [org] = organizations.list_all(target)
    assert org.name == "Riverbend Health Partners"


def test_batch_reports_each_file_and_goes_on(
    source: tuple[sqlite3.Connection, Round], mini: Instrument, tmp_path: Path
) -> None:
    conn, rnd = source
    other = filled_round(conn, mini, agency="Lakeside Clinic", seed=1)
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "1-riverbend.smsoat").write_bytes(export_round(conn, rnd.id, with_pdf=False))
    (folder / "2-broken.smsoat").write_bytes(b"not a zip at all")
    (folder / "3-lakeside.SMSOAT").write_bytes(export_round(conn, other.id, with_pdf=False))
    (folder / "notes.txt").write_text("ignored")
    assert [p.name for p in expand_paths([folder])] == [
        "1-riverbend.smsoat",
        "2-broken.smsoat",
        "3-lakeside.SMSOAT",
    ]
    target = open_database(":memory:")
    seen: list[tuple[int, int, str]] = []
    reports = import_files(
        target, [folder], on_progress=lambda i, n, r: seen.append((i, n, r.status))
    )
    assert [r.status for r in reports] == ["new", "refused", "new"]
    assert isinstance(reports[1].error, errors.NotAZipError)
    assert "2-broken.smsoat" in reports[1].reason
    assert seen == [(1, 3, "new"), (2, 3, "refused"), (3, 3, "new")]
    assert {o.name for o in organizations.list_all(target)} == {
        "Riverbend Health",
        "Lakeside Clinic",
    }


def test_cancel_between_files(source: tuple[sqlite3.Connection, Round], tmp_path: Path) -> None:
    conn, rnd = source
    path = tmp_path / "a.smsoat"
    path.write_bytes(export_round(conn, rnd.id, with_pdf=False))
    target = open_database(":memory:")
    assert import_files(target, [path, path], should_cancel=lambda: True) == []
    assert target.execute("SELECT count(*) FROM rounds").fetchone()[0] == 0


def test_instrument_edited_under_the_same_version_is_refused(
    mini: Instrument, mini_doc: dict[str, Any], tmp_path: Path
) -> None:
    edited_doc = copy.deepcopy(mini_doc)
    edited_doc["title"]["en"] = "Mini instrument, quietly reworded"
    edited = parse_instrument(edited_doc, "edited.json")
    assert (edited.id, edited.version) == (mini.id, mini.version)
    agency = open_database(":memory:")
    data = export_round(agency, filled_round(agency, edited).id, with_pdf=False)

    here = open_database(":memory:")  # a coordinator whose rounds use the original wording
    filled_round(here, mini, agency="Other agency")
    before = db_dump(here)
    report = import_bytes(here, data, "edited.smsoat")
    assert isinstance(report.error, errors.InstrumentConflictError)
    assert "mini version 1.0" in report.reason and "edited.smsoat" in report.reason
    assert db_dump(here) == before

    empty = open_database(":memory:")  # the installed copy counts too
    report = import_bytes(empty, data, "edited.smsoat", installed=[mini])
    assert isinstance(report.error, errors.InstrumentConflictError)
    assert empty.execute("SELECT count(*) FROM rounds").fetchone()[0] == 0
    assert import_bytes(empty, data, "edited.smsoat").written  # without the installed copy: fine


def test_round_uuid_of_another_agency_is_refused(
    source: tuple[sqlite3.Connection, Round],
) -> None:
    conn, rnd = source
    data = export_round(conn, rnd.id, with_pdf=False)
    target = open_database(":memory:")
    other_org = organizations.create(target, "Someone else")
    from app.db import instrument_snapshots

    instrument = instrument_snapshots.load(conn, rnd.instrument_hash)
    rounds.create(
        target,
        other_org.id,
        instrument,
        "Theirs",
        date(2026, 1, 1),
        date(2026, 3, 31),
        round_uuid=rnd.uuid,
    )
    before = db_dump(target)
    report = import_bytes(target, data, "a.smsoat")
    assert isinstance(report.error, errors.RoundConflictError)
    assert "another agency" in report.reason
    assert db_dump(target) == before


def test_last_change_reads_every_timestamp(source: tuple[sqlite3.Connection, Round]) -> None:
    conn, rnd = source
    doc = round_document(conn, rnd.id)
    newest = last_change(doc)
    doc["respondents"][1]["answers"]["1.1.2"]["updated_at"] = "2029-01-01T00:00:00Z"
    later = datetime(2030, 1, 1, tzinfo=UTC)  # the reader's clock, after that stamp
    assert last_change(doc, now=later) > newest
    assert last_change(doc, now=later).year == 2029
    # read today, a stamp after tomorrow (stored before such files were refused) counts for
    # nothing: a forged far-future revision cannot keep genuine later files out
    assert last_change(doc) == newest
    doc["round"]["updated_at"] = "9999-12-31T23:59:59-23:59"  # outside the calendar in UTC
    assert last_change(doc) == newest


def test_reader_accepts_what_the_exporter_writes(source: tuple[sqlite3.Connection, Round]) -> None:
    conn, rnd = source
    exchange = read_exchange_bytes(export_round(conn, rnd.id), "a.smsoat")
    assert exchange.document == round_document(conn, rnd.id)
    # comments stay home unless asked for (issue 15)
    assert exchange.names_included is False and exchange.comments_included is False
    assert exchange.document == round_document(conn, rnd.id, Privacy(comments=False))
    assert exchange.instrument.content_hash == rnd.instrument_hash


def test_errors_are_typed_and_coded() -> None:
    from app.core.errors import ExchangeError, SmsOatError

    classes = [
        c
        for c in vars(errors).values()
        if isinstance(c, type) and issubclass(c, errors.ExchangeFileError)
    ]
    assert len(classes) >= 15
    codes = [c.code for c in classes]
    assert len(set(codes)) == len(codes)
    assert all(issubclass(c, ExchangeError) and issubclass(c, SmsOatError) for c in classes)


def test_round_trip_of_the_demo_round(sms_oat: Instrument, tmp_path: Path) -> None:
    """The shipped instrument and the demo's realistic answers survive export and import."""
    from app.services.demo import create_demo

    agency = open_database(tmp_path / "agency.sqlite3")
    demo = create_demo(agency, sms_oat, today=date(2026, 4, 15))
    first = export_round(agency, demo.round.id, privacy=Privacy(names=True))
    coordinator = open_database(tmp_path / "state.sqlite3")
    report = import_bytes(coordinator, first, "demo.smsoat")
    assert report.status == "new" and report.round_id is not None
    assert report.answer_count == demo.answers
    second = export_round(coordinator, report.round_id, privacy=Privacy(names=True))
    assert members_of(first)[ROUND] == members_of(second)[ROUND]
    assert members_of(first)[SCORES_CSV] == members_of(second)[SCORES_CSV]
    original = round_scores(agency, demo.round.id)
    imported = round_scores(coordinator, report.round_id)
    assert imported.official == original.official
    assert imported.team.items == original.team.items
    assert [p.display_name for p in imported.respondents] == [
        p.display_name for p in original.respondents
    ]
