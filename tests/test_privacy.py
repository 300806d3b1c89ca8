"""Issue 15: what leaves the laptop. Roles only means roles only; the rule for small roles."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core.instrument import Instrument
from app.core.models import Round
from app.db import action_plans, organizations, responses, rounds
from app.db.connection import open_database
from app.exchange.export import Privacy, export_round, round_document
from app.exchange.importer import import_file, preview_files
from app.reports.outputs import build_scorecard_pdf
from app.services.comment_check import identifying_reasons
from app.services.redaction import OTHER_ROLES, Redactor, merge_small_roles

TEAM = (
    ("Jordan Kim", "clinical_staff"),
    ("María González", "clinical_staff"),
    ("Priya Natarajan", "peer_specialist"),
    ("Bartholomew Okafor", "administrator"),
)


def named_round(conn: sqlite3.Connection, instrument: Instrument) -> Round:
    """A round whose members' names were typed into every free-text field there is."""
    org = organizations.create(conn, "Riverbend Health")
    rnd = rounds.create(conn, org.id, instrument, "Spring", date(2026, 1, 1), date(2026, 3, 31))
    for name, role in TEAM:
        person = rounds.add_respondent(conn, rnd.id, name, role)
        for k, item in enumerate(instrument.items):
            code = item.scale.choices[k % len(item.scale.choices)].code
            responses.save_answer(
                conn, person.id, item.id, code, comment=f"Ask {TEAM[k % 4][0]} about it"
            )
    for k, item in enumerate(instrument.items):
        code = item.scale.choices[k % 4].code
        responses.save_consensus(conn, rnd.id, item.id, code, "María and jordan kim disagreed")
    priority = action_plans.create_priority(
        conn,
        rnd.id,
        "domain",
        instrument.domains[0].id,
        goal="Okafor to sign the policy",
        owner="Jordan Kim",
        measure_how="Chart audit by Priya",
        measure_who="María González and Bartholomew Okafor",
        measure_frequency="Monthly, Jordan  Kim reports",
    )
    action_plans.add_cycle(
        conn,
        priority.id,
        plan={"what": "Priya drafts the form", "who": "González"},
        do_notes="Done by Jordan",
        study_notes="Natarajan checked",
        act_notes="Kim keeps it",
    )
    return rnd


@pytest.fixture
def named(mini: Instrument) -> Iterator[tuple[sqlite3.Connection, Round]]:
    conn = open_database(":memory:")
    yield conn, named_round(conn, mini)
    conn.close()


def every_name() -> list[str]:
    """Full names and every part of three letters or more, case-folded."""
    words = {name for name, _ in TEAM}
    words |= {part for name, _ in TEAM for part in name.split() if len(part) >= 3}
    return sorted(w.casefold() for w in words)


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def pdf_strings(data: bytes) -> list[str]:
    """Everything a PDF holds as text once decompressed: every string (title, bookmarks, a
    figure's alternative text…) and every stream that is text (page content, XMP metadata,
    structure). Compressed bytes and font programs are not text: a name found there by chance
    ("kim" in deflated data) is no leak, and the names hidden in them are found decompressed."""
    import pikepdf

    out: list[str] = []
    with pikepdf.open(io.BytesIO(data)) as doc:
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Stream):
                with contextlib.suppress(UnicodeDecodeError, pikepdf.PdfError):
                    out.append(obj.read_bytes().decode("utf-8"))
                obj = obj.stream_dict
            if isinstance(obj, pikepdf.Dictionary):
                out += [str(v) for v in obj.values() if isinstance(v, pikepdf.String)]
        out += [str(v) for v in doc.docinfo.values()]
    return out


def texts_of_member(name: str, data: bytes) -> list[str]:
    """What a person opening the member would read: raw bytes (decompressed for a PDF), decoded
    JSON, PDF text."""
    out = [] if name.endswith(".pdf") else [data.decode("utf-8", errors="replace")]
    if name.endswith(".json"):
        out.append(json.dumps(json.loads(data), ensure_ascii=False))
    if name.endswith(".pdf"):
        out.append(pdf_text(data))
        out += pdf_strings(data)
    return [" ".join(t.split()).casefold() for t in out]


def test_roles_only_export_carries_no_name_anywhere(
    named: tuple[sqlite3.Connection, Round],
) -> None:
    conn, rnd = named
    data = export_round(conn, rnd.id, privacy=Privacy(names=False, comments=True))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    assert {"round.json", "scorecard.pdf", "scores.csv", "manifest.json"} <= set(members)
    for member, raw in members.items():
        for text in texts_of_member(member, raw):
            for name in every_name():
                assert name not in text, f"{name!r} found in {member}"
    doc = json.loads(members["round.json"])
    [priority] = doc["action_plan"]["priorities"]
    assert priority["owner"] == "Clinical staff"
    assert priority["measure_who"] == "Clinical staff and Administrator"
    assert priority["measure_frequency"] == "Monthly, Clinical staff reports"
    assert priority["cycles"][0]["plan"]["what"] == "Peer specialist drafts the form"
    answers = doc["respondents"][0]["answers"]
    assert any(a.get("comment") == "Ask Clinical staff about it" for a in answers.values())


def test_with_names_the_text_is_left_alone(named: tuple[sqlite3.Connection, Round]) -> None:
    conn, rnd = named
    data = export_round(conn, rnd.id, privacy=Privacy(names=True), with_pdf=False)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        doc = json.loads(archive.read("round.json"))
    assert doc["action_plan"]["priorities"][0]["owner"] == "Jordan Kim"


def test_roles_only_scorecard_carries_no_name_and_pools_single_roles(
    named: tuple[sqlite3.Connection, Round],
) -> None:
    conn, rnd = named
    text = " ".join(pdf_text(build_scorecard_pdf(conn, rnd.id, show_names=False)).split())
    for name in every_name():
        assert name not in text.casefold()
    assert "Other roles (held by one person each)" in text
    # the peer specialist and the administrator are one person each: no row of their own
    people_table = text[text.rindex("Names are not shown") :]
    assert "Peer specialist" not in people_table and "Administrator" not in people_table
    assert "Clinical staff" in people_table
    named_text = pdf_text(build_scorecard_pdf(conn, rnd.id, show_names=True))
    assert "Jordan Kim" in named_text


def test_merge_small_roles_rule() -> None:
    assert merge_small_roles({"a": [1, 2], "b": [3], "c": [4]}) == {
        "a": [1, 2],
        OTHER_ROLES: [3, 4],
    }
    # one pooled person alone would still be identified: the smallest role joins the pool
    assert merge_small_roles({"a": [1, 2, 5], "b": [6, 7], "c": [3]}) == {
        "a": [1, 2, 5],
        OTHER_ROLES: [3, 6, 7],
    }
    assert merge_small_roles({"a": [1, 2]}) == {"a": [1, 2]}
    assert merge_small_roles({"a": [1]}) == {OTHER_ROLES: [1]}


def test_redactor_whole_words_only() -> None:
    redact = Redactor([("Ann Lee", "Nurse"), ("Al Kim", "Admin")])
    assert redact("Ann Lee and ann  lee, Anne, Leeds; Kim") == "Nurse and Nurse, Anne, Leeds; Admin"
    assert redact("Al said") == "Al said"  # two-letter parts are ordinary words
    assert redact.names_in("Call Lee") == ["Lee"]


# ----- comments kept home -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        ("Mr. Ortiz missed his 3/14 visit", ["date", "name"]),
        ("call (541) 555 0142", ["phone"]),
        ("wrote to ana.p@example.org", ["email"]),
        ("record 123456 is late", ["digits"]),
        ("client John said no", ["name"]),
        ("Sra. Pérez vino", ["name"]),
        ("cliente María no vino", ["name"]),
        ("seen on March 14th", ["date"]),
        ("el 14 de marzo", ["date"]),
        ("on 2026-03-14", ["date", "phone"]),
        ("We meet monthly", []),
        ("the client said policy 2.1 is 10 years old", []),
        ("1.2.3 needs work; see 4.1", []),
        ("the client. Then we stopped", []),
    ],
)
def test_comment_check(text: str, reasons: list[str]) -> None:
    assert identifying_reasons(text) == reasons


def test_comments_stay_home_unless_asked(named: tuple[sqlite3.Connection, Round]) -> None:
    conn, rnd = named

    def comments(privacy: Privacy) -> dict[tuple[str, str], str]:
        data = export_round(conn, rnd.id, privacy=privacy, with_pdf=False)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            doc = json.loads(archive.read("round.json"))
        return {
            (p["uuid"], item): a["comment"]
            for p in doc["respondents"]
            for item, a in p["answers"].items()
            if "comment" in a
        }

    assert comments(Privacy()) == {}
    everything = comments(Privacy(comments=True))
    assert len(everything) == 4 * len(rnd_items(conn, rnd))
    chosen = frozenset(sorted(everything)[:2])
    assert set(comments(Privacy(comments=True, only_comments=chosen))) == chosen


def rnd_items(conn: sqlite3.Connection, rnd: Round) -> list[str]:
    return [item.id for item in rounds.instrument_for(conn, rnd).iter_items()]


# ----- a revision never loses data ----------------------------------------------------------


def test_roles_only_round_trip_keeps_every_name_and_comment(
    named: tuple[sqlite3.Connection, Round], tmp_path: Path
) -> None:
    """Export roles only without comments, edit on another laptop, import back: nothing lost."""
    conn, rnd = named
    before = round_document(conn, rnd.id, Privacy(names=True, comments=True))
    sent = tmp_path / "sent.smsoat"
    sent.write_bytes(export_round(conn, rnd.id, with_pdf=False))
    laptop = open_database(":memory:")
    there = import_file(laptop, sent)
    assert there.round_id is not None
    # on the other laptop: one answer changed, the owner typed anew
    person = rounds.respondents(laptop, there.round_id)[0]
    item_id = rounds.instrument_for(laptop, rounds.get(laptop, there.round_id)).items[0].id
    old_choice = responses.choices_for_respondent(laptop, person.id)[item_id]
    new_choice = "1" if old_choice != "1" else "2"
    responses.save_answer(laptop, person.id, item_id, new_choice)
    [priority] = action_plans.priorities_for_round(laptop, there.round_id)
    action_plans.update_priority(laptop, priority.id, measure_how="Chart audit, twice")
    back = tmp_path / "back.smsoat"
    back.write_bytes(export_round(laptop, there.round_id, with_pdf=False))

    [preview] = preview_files(conn, [back])
    assert preview.status == "revision"
    assert f"answer {item_id} of Jordan Kim: {old_choice} → {new_choice}" in preview.field_changes
    assert any(c.startswith("priority ") and "measure_how" in c for c in preview.field_changes)
    assert not any("name of" in c or "owner" in c for c in preview.field_changes), (
        preview.field_changes
    )
    report = import_file(conn, back)
    assert report.status == "revision" and report.written
    after = round_document(conn, rnd.id, Privacy(names=True, comments=True))
    assert [p["name"] for p in after["respondents"]] == [name for name, _ in TEAM]
    [p_after] = after["action_plan"]["priorities"]
    [p_before] = before["action_plan"]["priorities"]
    assert p_after["owner"] == "Jordan Kim"
    assert p_after["measure_who"] == "María González and Bartholomew Okafor"
    assert p_after["measure_how"] == "Chart audit, twice"  # the real edit arrived
    assert p_after["cycles"][0]["plan"] == p_before["cycles"][0]["plan"]
    assert after["consensus"] == before["consensus"]
    for p_old, p_new in zip(before["respondents"], after["respondents"], strict=True):
        for key, answer in p_old["answers"].items():
            assert p_new["answers"][key].get("comment") == answer.get("comment")
    first = after["respondents"][0]["answers"][item_id]
    assert first["choice"] == new_choice
