"""(X, AT-SPI) What a screen reader gets from the rating screen, read through AT-SPI itself.

Qt's own QAccessible answers are not what reaches Orca: the bridge to AT-SPI drops, renames and
reorders things (a label has no text interface there; a checkable push button is a check box).
So these tests start the app with a session bus and at-spi2-core (the atspi_env fixture), and
read the live tree with the system Python and pyatspi (atspi_tree.py), as a screen reader does.
"""

from __future__ import annotations

import contextlib
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.instrument import Choice, Item
from app.db import connection, rounds
from tests.x11.conftest import (
    TABLES,
    heard,
    nodes,
    numbered_headers,
    read_tree,
    showing,
    start_listening,
    xdotool,
)

REPO = Path(__file__).resolve().parents[2]
PERSON = 1  # Alex Rivera in the demo round


class App:
    def __init__(self, process: subprocess.Popen[str], env: dict[str, str]) -> None:
        self.process = process
        self.env = env

    def tree(self, *wait_for: str, timeout: float = 10.0) -> tuple[bool, dict[str, Any]]:
        return read_tree(self.env, self.process.pid, *wait_for, timeout=timeout)


@contextlib.contextmanager
def launch(
    atspi_env: dict[str, str], db: Path, tmp_path: Path, lang: str, screen: str
) -> Iterator[App]:
    """The app on the demo round, showing SCREEN (see rating_screen.py) in LANG, on the bus."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.ini").write_text(f"[view]\nlanguage={lang}\n", encoding="utf-8")
    env = dict(atspi_env, SMSOAT_DATA_DIR=str(data))
    errors = tmp_path / "app-stderr.txt"
    with errors.open("w") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.x11.rating_screen", str(db), str(PERSON), screen],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        )
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 20
        line = ""
        while not line and time.monotonic() < deadline and process.poll() is None:
            if select.select([process.stdout], [], [], 0.2)[0]:
                line = process.stdout.readline().strip()
        assert line == "ready", (
            f"the app did not open the {screen} screen (exit {process.poll()}): "
            + errors.read_text(errors="replace")[-2000:]
        )
        yield App(process, env)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@pytest.fixture
def rating_app(
    request: pytest.FixtureRequest, atspi_env: dict[str, str], demo_db: Path, tmp_path: Path
) -> Iterator[App]:
    """Alex Rivera's rating screen (item 1.1.1); in English, or in the language given by
    indirect parametrization."""
    with launch(atspi_env, demo_db, tmp_path, getattr(request, "param", "en"), "rating") as app:
        yield app


def first_item(db: Path, lang: str = "en") -> tuple[Item, str]:
    """Item 1.1.1 of the demo round and its domain's title, from the data file."""
    conn = connection.open_database(db)
    try:
        instrument = rounds.instrument_for(conn, rounds.get(conn, 1))
    finally:
        conn.close()
    item = instrument.items[0]
    domain = instrument.domain(item.domain_id)
    assert domain is not None
    return item, domain.title.get(lang)


def choice_text(choice: Choice, lang: str = "en") -> str:
    label = choice.label.get(lang)
    return f"{label} — {choice.description.get(lang)}" if choice.description else label


@pytest.mark.timeout(60)
def test_the_rating_screen_reads_in_screen_order(rating_app: App, demo_db: Path) -> None:
    """Where you are, the question itself, its explanation, the examples, the choices, the
    comment: the order a screen reader walks the tree is the order on the screen."""
    item, domain = first_item(demo_db)
    question = item.prompt.get("en")
    found, tree = rating_app.tree(question)
    shown = [n for n in showing(tree) if n["name"].strip()]
    names = [n["name"] for n in shown]
    assert found, names
    where = f"Item {item.id}, 1 of 29, {domain}"
    wanted = [where, question, item.explanation.get("en"), "Examples (3)"]
    wanted += [choice_text(c) for c in item.scale.choices] + ["Comment"]
    positions = []
    for text in wanted:
        hits = [i for i, name in enumerate(names) if name.startswith(text)]
        assert hits, f"{text!r} is not in the tree: {names}"
        positions.append(hits[0])
    assert positions == sorted(positions), list(zip(wanted, positions, strict=True))


@pytest.mark.timeout(60)
@pytest.mark.parametrize("rating_app", ["en", "es"], indirect=True)
def test_the_choices_are_a_radio_group_labelled_by_the_question(
    rating_app: App, demo_db: Path, request: pytest.FixtureRequest
) -> None:
    lang = request.node.callspec.params["rating_app"]
    item, _domain = first_item(demo_db, lang)
    question = item.prompt.get(lang)
    found, tree = rating_app.tree(question)
    assert found
    groups = [
        n
        for n in nodes(tree)
        if n["name"] == question and any(c["role"] == "radio button" for c in n["children"])
    ]
    assert len(groups) == 1, "no group named by the question holds the choices"
    group = groups[0]
    radios = [c for c in group["children"] if c["role"] == "radio button"]
    assert [r["name"] for r in radios] == [choice_text(c, lang) for c in item.scale.choices]
    assert len(radios) == 6
    assert group["relations"].get("labelled-by") == [question]
    # the key and the position are in each choice's description: "Key 1, 1 of 6"
    for position, radio in enumerate(radios, 1):
        assert f"{position} " in radio["description"] and " 6" in radio["description"], radio
    # the demo person answered every item: exactly one choice is checked
    assert sum("checked" in r["states"] for r in radios) == 1
    labels = [n for n in nodes(tree) if n["role"] == "label" and n["name"] == question]
    assert labels and labels[0]["relations"].get("label-for") == [question]


@pytest.mark.timeout(60)
def test_saving_an_answer_is_announced_and_named(rating_app: App) -> None:
    """A real key press answers; "Saved" is the status label's name, and it is announced."""
    found, tree = rating_app.tree("Rating as Alex Rivera")
    assert found
    assert not [n for n in nodes(tree) if "Saved" in n["name"]]
    window = xdotool(
        rating_app.env, "search", "--sync", "--onlyvisible", "--pid", str(rating_app.process.pid)
    )
    xdotool(rating_app.env, "windowactivate", "--sync", window.split()[0])
    listener = start_listening(rating_app.env, rating_app.process.pid, 3.0)
    xdotool(rating_app.env, "key", "--clearmodifiers", "2")  # real input (XTEST): "Beginning"
    events = heard(listener)
    found, tree = rating_app.tree("✓ Saved")
    labels = [n for n in nodes(tree) if n["role"] == "label" and n["name"].startswith("✓ Saved")]
    assert found and labels, [n["name"] for n in nodes(tree)]
    announced = [e["detail"] for e in events if e["type"] == "object:announcement"]
    assert len(announced) == 1 and announced[0].startswith("✓ Saved"), events
    radios = [n for n in nodes(tree) if n["role"] == "radio button"]
    checked = [r["name"] for r in radios if "checked" in r["states"]]
    assert len(checked) == 1 and checked[0].startswith("Beginning"), checked


@pytest.mark.timeout(90)
def test_rating_every_item_by_keyboard_announces_each_question_once(
    rating_app: App, demo_db: Path
) -> None:
    """29 items answered with real keys (a digit, then Enter) while a listener records: each new
    question is announced exactly once. The first is heard as the label of the choices when the
    screen opens (before the listener), so the announcements are items 2 to 29."""
    conn = connection.open_database(demo_db)
    try:
        items = rounds.instrument_for(conn, rounds.get(conn, 1)).items
    finally:
        conn.close()
    assert len(items) == 29
    found, _tree = rating_app.tree(items[0].prompt.get("en"))
    assert found
    env, pid = rating_app.env, rating_app.process.pid
    window = xdotool(env, "search", "--sync", "--onlyvisible", "--pid", str(pid))
    xdotool(env, "windowactivate", "--sync", window.split()[0])
    listener = start_listening(env, pid, 9.0)
    keys = ["2", "Return"] * 28 + ["2"]
    xdotool(env, "key", "--clearmodifiers", "--delay", "60", *keys)
    events = heard(listener)
    announced = [e["detail"] or "" for e in events if e["type"] == "object:announcement"]
    for item in items[1:]:
        question = item.prompt.get("en")
        count = sum(question in text for text in announced)
        assert count == 1, f"{item.id} announced {count} times: {announced}"
    assert not any(items[0].prompt.get("en") in text for text in announced)
    saved = [text for text in announced if text.startswith("✓ Saved")]
    assert len(saved) == 29, announced


@pytest.mark.timeout(60)
def test_moving_to_the_next_item_moves_the_focus_at_most_once(rating_app: App) -> None:
    """Before, the old choice buttons were deleted one by one with the focus on them: six focus
    events in 16 ms, each read out by a screen reader. Now at most one focus event per move."""
    found, _tree = rating_app.tree("Rating as Alex Rivera")
    assert found
    env, pid = rating_app.env, rating_app.process.pid
    window = xdotool(env, "search", "--sync", "--onlyvisible", "--pid", str(pid))
    xdotool(env, "windowactivate", "--sync", window.split()[0])
    listener = start_listening(env, pid, 3.0)
    xdotool(env, "key", "--clearmodifiers", "--delay", "300", "Return", "Return", "Return")
    events = heard(listener)
    focused = [e for e in events if e["type"] == "object:state-changed:focused" and e["value"]]
    questions = [e for e in events if e["type"] == "object:announcement"]
    assert len(questions) == 3, events
    assert len(focused) <= 3, focused


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "screen", ["home", "round", "team", "meeting", "action-plan", "paper", "coordinator"]
)
def test_every_focusable_object_on_a_screen_has_a_name(
    atspi_env: dict[str, str], demo_db: Path, tmp_path: Path, screen: str
) -> None:
    with launch(atspi_env, demo_db, tmp_path, "en", screen) as app:
        found, tree = app.tree("SMS OAT Studio")
    assert found
    frame = next(n for n in tree["children"] if n["role"] == "frame")
    focusable = [
        n for n in showing(frame) if "focusable" in n["states"] and n["role"] != "table cell"
    ]
    assert len(focusable) >= (2 if screen == "paper" else 4), [n["role"] for n in showing(frame)]
    unnamed = [f"{n['role']} ({n['description']})" for n in focusable if not n["name"].strip()]
    assert not unnamed, unnamed


@pytest.mark.timeout(60)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_meetings_choices_are_the_same_radio_group(
    atspi_env: dict[str, str], demo_db: Path, tmp_path: Path, lang: str
) -> None:
    """The meeting's agreed answer is the rating screen's group: named and labelled by the
    question, six radio buttons named by the whole choice with "Key 2, 2 of 6"."""
    conn = connection.open_database(demo_db)
    try:
        items = rounds.instrument_for(conn, rounds.get(conn, 1)).items
    finally:
        conn.close()
    prompts = {item.prompt.get(lang): item for item in items}
    with launch(atspi_env, demo_db, tmp_path, lang, "meeting") as app:
        found, tree = app.tree("SMS OAT Studio")
        groups = [
            n
            for n in showing(tree)
            if n["name"] in prompts and any(c["role"] == "radio button" for c in n["children"])
        ]
    assert found and len(groups) == 1, [n["name"] for n in showing(tree)]
    group = groups[0]
    item = prompts[group["name"]]
    assert group["relations"].get("labelled-by") == [group["name"]]
    radios = [c for c in group["children"] if c["role"] == "radio button"]
    assert [r["name"] for r in radios] == [choice_text(c, lang) for c in item.scale.choices]
    count = len(item.scale.choices)
    for position, radio in enumerate(radios, 1):
        # "Key 2, 2 of 6" (the Spanish words come from the catalogue the lead merges)
        assert f"{position} " in radio["description"] and f" {count}" in radio["description"]
    assert not [
        n
        for n in showing(tree)
        if n["role"] == "check box"
        and n["name"] in [choice_text(c, lang) for c in item.scale.choices]
    ]


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "screen", ["rating", "round", "team", "action-plan", "paper", "coordinator"]
)
def test_no_table_reads_row_or_column_numbers(
    atspi_env: dict[str, str], demo_db: Path, tmp_path: Path, screen: str
) -> None:
    """Tables that hide their row numbers reported row headers "1", "2"… anyway, and the
    rating screen's navigator column headers "1" and "2". Now a row's header is what names the
    row on the screen (the person, the item, the domain), and the navigator's columns are named."""
    with launch(atspi_env, demo_db, tmp_path, "en", screen) as app:
        found, tree = app.tree("SMS OAT Studio", timeout=25)  # the team grid reads slowly
    tables = [n for n in showing(tree) if n["role"] in TABLES and n["table"]]
    assert found and tables, [n["role"] for n in showing(tree)]
    assert not numbered_headers(tree)
    rows = [t for t in tables if t["table"]["rows"] and t["table"]["row_headers"][0] is not None]
    for table in rows:
        assert all(h for h in table["table"]["row_headers"]), table["table"]


@pytest.mark.timeout(60)
def test_the_team_views_flagged_only_is_announced(
    atspi_env: dict[str, str], demo_db: Path, tmp_path: Path
) -> None:
    """Alt+G ticks "Flagged items only": a screen reader hears how many items the grid shows
    now, not only "checked"; Alt+G again, that it shows all of them."""
    with launch(atspi_env, demo_db, tmp_path, "en", "team") as app:
        found, _tree = app.tree("Flagged items only", timeout=25)
        assert found
        env, pid = app.env, app.process.pid
        window = xdotool(env, "search", "--sync", "--onlyvisible", "--pid", str(pid))
        xdotool(env, "windowactivate", "--sync", window.split()[0])
        listener = start_listening(env, pid, 3.0)
        xdotool(env, "key", "--clearmodifiers", "--delay", "800", "alt+g", "alt+g")
        events = heard(listener)
    announced = [e["detail"] or "" for e in events if e["type"] == "object:announcement"]
    assert len(announced) == 2, events
    assert announced[0].startswith("Showing the ") and announced[0].endswith(" of 29"), announced
    assert announced[1] == "Showing all 29 items"
