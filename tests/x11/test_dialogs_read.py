"""(X, AT-SPI) Every dialog the app opens, read through AT-SPI as a screen reader reads it.

open_dialogs.py opens each dialog in turn (new agency, new round, add and edit a person, export,
import, add instrument, settings, restore, history, guide, about, the close-round question, the
action plan's "which domain or item"); for each, this test reads the live tree with the system
Python and pyatspi, writes it out as text (dialog-trees/NAME.txt beside the test's data, the
"dump" to read when something is wrong) and checks: the dialog has a title, every focusable
object in it has a name, no table reads bare numbers as its headers, and a button named OK,
Cancel, Close or No closes it (the guide had none, only Escape: found this way).
"""

from __future__ import annotations

import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.x11.conftest import nodes, numbered_headers, read_tree

REPO = Path(__file__).resolve().parents[2]
DIALOGS = 14  # as many as open_dialogs.dialogs() lists
CLOSERS = {"en": {"OK", "Cancel", "Close", "No"}, "es": {"Aceptar", "Cancelar", "Cerrar", "No"}}
ITEMS = {"table cell", "list item", "tree item"}  # named by their content, which may be empty


def dump(tree: dict[str, Any], depth: int = 0) -> list[str]:
    """One line per object: role, name, description and states, indented by depth."""
    states = ",".join(s for s in tree["states"] if s in ("focusable", "focused", "checked"))
    line = f"{'  ' * depth}{tree['role']} | {tree['name']!r}"
    if tree["description"]:
        line += f" | {tree['description']!r}"
    if states:
        line += f" [{states}]"
    lines = [line]
    for child in tree["children"]:
        lines += dump(child, depth + 1)
    return lines


def _next_line(process: subprocess.Popen[str], errors: Path, seconds: float = 20) -> str:
    assert process.stdout is not None
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        if select.select([process.stdout], [], [], 0.2)[0]:
            return process.stdout.readline().rstrip("\n")
    raise AssertionError(
        f"the app said nothing (exit {process.poll()}): "
        + errors.read_text(errors="replace")[-2000:]
    )


def problems_in(window: dict[str, Any], lang: str) -> list[str]:
    found = []
    if not window["name"].strip():
        found.append("the dialog has no title")
    shown = [n for n in nodes(window) if "showing" in n["states"]]
    for n in shown:
        if "focusable" in n["states"] and n["role"] not in ITEMS and not n["name"].strip():
            found.append(f"unnamed focusable {n['role']} ({n['description']!r})")
    found += numbered_headers(window)  # a table's hidden row numbers read as row headers
    buttons = [n for n in shown if n["role"] == "push button"]
    if not {b["name"].replace("&", "") for b in buttons} & CLOSERS[lang]:
        found.append(f"no OK/Cancel/Close/No button among {[b['name'] for b in buttons]}")
    return found


@pytest.mark.timeout(240)
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_dialog_reads_with_a_title_and_named_controls(
    atspi_env: dict[str, str], demo_db: Path, tmp_path: Path, lang: str
) -> None:
    data, out, trees = tmp_path / "data", tmp_path / "acks", tmp_path / "dialog-trees"
    for folder in (data, out, trees):
        folder.mkdir()
    (data / "settings.ini").write_text(f"[view]\nlanguage={lang}\n", encoding="utf-8")
    env = dict(atspi_env, SMSOAT_DATA_DIR=str(data))
    errors = tmp_path / "app-stderr.txt"
    with errors.open("w") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.x11.open_dialogs", str(demo_db), str(out)],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        )
    read: dict[str, list[str]] = {}
    problems: list[str] = []
    try:
        while (line := _next_line(process, errors)) != "done":
            name, _, title = line.partition("\t")
            assert title and title != "(no dialog opened)", f"{name}: {line}"
            found, tree = read_tree(env, process.pid, title)
            # the bridge adds the application's name: "New agency — SMS OAT Studio"
            windows = [w for w in tree["children"] if w["name"].startswith(title)]
            assert found and windows, (
                f"{name}: {title!r} not in {[w['name'] for w in tree['children']]}"
            )
            window = windows[-1]
            read[name] = dump(window)
            (trees / f"{name}.txt").write_text("\n".join(read[name]) + "\n", encoding="utf-8")
            problems += [f"{name} ({window['role']}): {p}" for p in problems_in(window, lang)]
            (out / f"ack-{name}").touch()
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
    assert len(read) == DIALOGS, sorted(read)
    assert not problems, "\n".join(problems) + f"\n(trees in {trees})"
