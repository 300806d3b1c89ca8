"""`let_go` empties containers item by item and never touches what is inside them."""

from __future__ import annotations

import pickle
import sqlite3

import pytest

from app.core.collector import let_go
from app.services.rollup import compute_rollup
from tests.test_rollup_figures import mixed  # noqa: F401  (fixture)


def test_containers_are_emptied_and_their_items_left_as_they_were() -> None:
    shared = {"kept": [1, 2, 3]}
    rows = [shared, {"a": 1}]
    by_id = {1: shared, 2: [shared]}
    ids = {1, 2, 3}
    let_go(rows, by_id, ids, "not a container", None)
    assert rows == [] and by_id == {} and ids == set()
    assert shared == {"kept": [1, 2, 3]}  # a result still refers to it: unchanged


def test_a_roll_up_is_the_same_whether_its_intermediates_are_let_go_or_not(
    mixed: sqlite3.Connection,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.services import rollup as module

    emptied = compute_rollup(mixed, "mini")
    monkeypatch.setattr(module, "let_go", lambda *containers: None)
    kept = compute_rollup(mixed, "mini")
    assert pickle.dumps(emptied) == pickle.dumps(kept)
    assert emptied.agencies and all(a.scores for a in emptied.agencies if a.comparable)
