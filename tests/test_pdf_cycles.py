"""Issue 20: a built PDF leaves its structure tree to reference counting, not to the cycle
collector (the roll-up of 1,000 agencies left ~240,000 objects in cycles, ~0.3 s for whichever
collection met them, the GUI thread's collector too)."""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Iterator

import pytest

from app.core.instrument import Instrument
from app.db.connection import open_database
from app.reports import tagging
from app.reports.rollup import build_rollup_pdf
from app.services.rollup import compute_rollup
from tests.test_exchange import filled_round


@pytest.fixture
def saved_garbage() -> Iterator[list[object]]:
    gc.collect()
    was_on = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        yield gc.garbage
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was_on:
            gc.enable()


def test_no_structure_element_is_left_in_a_cycle(
    mini: Instrument, saved_garbage: list[object]
) -> None:
    conn: sqlite3.Connection = open_database(":memory:")
    for n in range(3):
        filled_round(conn, mini, agency=f"Agency {n}", seed=n)
    rollup = compute_rollup(conn, "mini")
    gc.collect()
    saved_garbage.clear()
    pdf = build_rollup_pdf(rollup)
    assert pdf.startswith(b"%PDF-") and b"/StructTreeRoot" in pdf
    gc.collect()
    left = [o for o in saved_garbage if isinstance(o, tagging.Element)]
    # only the root stays with its Tagger, which lives in ReportLab's canvas/document cycle
    assert [e.role for e in left] in ([], ["Document"])


def test_release_unlinks_every_element() -> None:
    tagger = tagging.Tagger("en", "t")
    table = tagging.Element("Table", tagger.root)
    row = tagging.Element("TR", table)
    table.kids.append(row)
    tagger.root.kids.append(table)
    tagger.release()
    assert tagger.root.kids == [] and table.kids == [] and table.parent is None
    assert row.parent is None
