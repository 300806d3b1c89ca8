"""A priority carried across rounds keeps every cycle and decision, and the chain is visible."""

from __future__ import annotations

import io
import sqlite3
from datetime import date

from pypdf import PdfReader

from app.core.instrument import Instrument
from app.db import action_plans, organizations
from app.reports.outputs import build_action_plan_pdf, build_scorecard_pdf
from app.services.priority_history import chain, chains_for_round
from app.services.round_setup import start_round


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_priority_carried_across_three_rounds_keeps_every_cycle(
    conn: sqlite3.Connection, mini: Instrument
) -> None:
    org = organizations.create(conn, "Agency")

    def new_round(name: str, month: int) -> int:
        end = date(2025, month, 28)
        return start_round(conn, org.id, mini, name, date(2025, month - 2, 1), end).round.id

    r1 = new_round("Winter", 3)
    p1 = action_plans.create_priority(conn, r1, "item", "1.1.1", goal="Written plans")
    done = action_plans.create_priority(conn, r1, "item", "2.1", goal="Done", status="done")
    action_plans.create_priority(conn, r1, "domain", "2", goal="Dropped", status="dropped")
    c1 = action_plans.add_cycle(conn, p1.id, plan={"what": "One-page form"})
    action_plans.update_cycle(conn, c1.id, study_notes="Too long", act="adapt")
    c2 = action_plans.add_cycle(conn, p1.id, plan={"what": "Half-page form"})
    action_plans.update_cycle(conn, c2.id, act="abandon")

    r2 = new_round("Spring", 6)
    (p2,) = action_plans.priorities_for_round(conn, r2)  # done and dropped stay behind
    assert p2.carried_from_uuid == p1.uuid and done.uuid not in {p2.carried_from_uuid}
    (opened,) = action_plans.cycles_for_priority(conn, p2.id)  # the new round's new cycle
    action_plans.update_cycle(conn, opened.id, plan={"what": "Checklist"}, act="adapt")

    r3 = new_round("Summer", 9)
    (p3,) = action_plans.priorities_for_round(conn, r3)
    history = chain(conn, p3.id)
    assert history.first_round_name == "Winter" and history.rounds_before == 2
    assert [(c.number, c.round_name, c.own, c.cycle.act) for c in history.cycles] == [
        (1, "Winter", False, "adapt"),
        (2, "Winter", False, "abandon"),
        (3, "Spring", False, "adapt"),
        (4, "Summer", True, ""),
    ]
    assert history.cycles[0].cycle.plan["what"] == "One-page form"
    assert history.cycles[0].cycle.study_notes == "Too long"
    assert history.last_decision == "adapt"
    assert history.summary() == "first raised in round Winter, cycles 1–4, last decision adapt"
    # the earlier rounds' own records are unchanged, and say where the priority went
    assert [c.act for c in action_plans.cycles_for_priority(conn, p1.id)] == ["adapt", "abandon"]
    assert chain(conn, p1.id).carried_on_to == "Spring"
    assert not chain(conn, p1.id).carried and chains_for_round(conn, r3)[0].carried

    # carried a fourth time once done? No: a done priority stops the chain
    action_plans.update_priority(conn, p3.id, status="done")
    r4 = new_round("Fall", 12)
    assert action_plans.priorities_for_round(conn, r4) == []

    # the action plan PDF prints the history on the priority's page
    text = _text(build_action_plan_pdf(conn, r3))
    assert "First raised in round Winter" in text
    for needle in ("One-page form", "Half-page form", "Checklist", "Spring"):
        assert needle in text
    spanish = _text(build_action_plan_pdf(conn, r3, lang="es"))
    assert "Planteada por primera vez en la ronda Winter" in spanish

    # the scorecard's priorities section says which were carried and how they ended
    card = " ".join(_text(build_scorecard_pdf(conn, r3)).split())
    assert "Priorities of this round" in card
    assert "carried from round Winter" in card and "last decision: Adapt" in card
    assert "Done" in card  # p3 ended done
    earlier = " ".join(_text(build_scorecard_pdf(conn, r1)).split())
    assert "carried on to round Spring" in earlier and "last decision: Abandon" in earlier
