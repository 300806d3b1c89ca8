"""(X, AT-SPI) Reading order and Tab order follow the screen, on every page, through AT-SPI.

For each page the visual order of its controls is written out below (top to bottom, left to
right; a left column before the right one). Two things are checked against it:
- reading order: the order a screen reader walks the live tree (depth first) lists the page's
  focusable controls in that order;
- focus order: real Tab presses (xdotool) while a listener records the focus events go round
  the page in that order. Tab cycles, so the cycle may start anywhere; "[radio button]" stands
  for the choice group (one stop), "[combo box]" for a combo box (named by its value through
  AT-SPI). A cell or an item that takes the focus counts as its table or list.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.x11.conftest import heard, showing, start_listening, xdotool
from tests.x11.test_screen_reader import launch

VISUAL = {
    "home": [
        "Import files…",
        "State coordinator view",
        "Agencies",
        "New agency…",
        "Edit…",
        "Delete…",
        "Rounds of the selected agency",
        "Start a round…",
        "Open round",
        "Export for the state…",
        "Delete round…",
    ],
    "round": [
        "← Home",
        "Team view and meeting →",
        "[combo box]",  # which site the round is for
        "Team members and their progress",
        "Add team member…",
        "Edit…",
        "Withdraw…",
        "Remove",
        "Delete this round…",
        "Rate as this person",
        "Type in a paper form",
        "This person's scores",
    ],
    "team": [
        "← Team",
        "Show names (otherwise roles only)",
        "Flagged items only",
        "[combo box]",
        "Ratings of every item by every team member",
        "Team scores by domain",
        "Consensus meeting…",
        "Action plan…",
        "Rounds over time…",
        "Print / Save PDF…",
        "Close round…",
    ],
    "meeting": ["Flagged items only", "End meeting", "[radio button]", "Rationale", "Next →"],
    "action-plan": [
        "← Back",
        "Priorities of this round",
        "Add priority…",
        "Suggested priorities from your data",
        "Add as priority",
    ],
    "paper": ["Paper form answers", "Done"],
    "coordinator": [
        "← Home",
        "[combo box]",
        "Period from",
        "Period to",
        "All time: ignore the period",
        "[combo box]",  # compare by peer group
        "Agencies, links and due…",
        "Who reported",
        "Agencies that reported in the period and those that did not",
        "Import files…",
        "Export workbook (XLSX)…",
        "Export CSV…",
        "State report (PDF)…",
    ],
    "rating": [
        "Finish…",
        "Stop for now",
        "Sections and domains with progress",
        "Examples (3) — Ctrl+E",
        "[radio button]",
        "Comment",
        "Next →",
        "Next unanswered",
    ],
}
HOLDERS = ("table", "list", "tree", "tree table", "page tab list")


def matches(expected: str | tuple[str, ...], role: str, name: str) -> bool:
    if isinstance(expected, tuple):  # a name in another language: any of its translations
        return any(matches(one, role, name) for one in expected)
    if expected.startswith("["):
        return expected == f"[{role}]"
    return name.startswith(expected)


def _plain(text: str) -> str:
    """Text as an accessible name reads it: no mnemonic "&" ("&&" is one "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _catalogue(lang: str) -> dict[str, set[str]]:
    """Each interface text of the language's catalogue by its English, mnemonics removed."""
    import xml.etree.ElementTree as ET

    path = Path(__file__).parents[2] / "resources" / "translations" / f"smsoat_{lang}.ts"
    texts: dict[str, set[str]] = {}
    for message in ET.parse(path).getroot().iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None or not (translation.text or "").strip():
            continue
        texts.setdefault(_plain(source.text or ""), set()).add(_plain(translation.text or ""))
    return texts


def in_language(expected: list[str], lang: str) -> list[str | tuple[str, ...]]:
    """The page's expected names in `lang`: each through the catalogue; a name made from a
    pattern ("Examples (3) — Ctrl+E" from "Examples ({0}) — Ctrl+E") by the pattern's
    translated start. A name the catalogue cannot give fails here, not silently."""
    if lang == "en":
        return list(expected)
    texts = _catalogue(lang)
    out: list[str | tuple[str, ...]] = []
    for name in expected:
        if name.startswith("["):
            out.append(name)
        elif name in texts:
            out.append(tuple(sorted(texts[name])))
        else:
            starts = {
                source.split("{")[0]: translations
                for source, translations in texts.items()
                if "{" in source and source.split("{")[0] and name.startswith(source.split("{")[0])
            }
            assert starts, f"no {lang} text for {name!r}"
            longest = max(starts, key=len)
            out.append(tuple(sorted(t.split("{")[0] for t in starts[longest])))
    return out


def reading_order(node: dict[str, Any], out: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The focusable controls a screen reader meets walking the tree; a table, list or tab bar
    counts once, by its own name (its cells are read inside it)."""
    states = node["states"]
    if "showing" not in states:
        return out  # nor anything inside it (another page of the window)
    if "enabled" in states:
        if node["role"] in HOLDERS or node["role"] == "page tab":
            out.append((node["role"], node["name"]))
            return out
        if "focusable" in states and node["role"] not in ("panel", "filler"):
            out.append((node["role"], node["name"]))
            if node["role"] == "combo box":
                return out  # its drop-down list is not a control of its own
    for child in node["children"]:
        reading_order(child, out)
    return out


def in_order(expected: list[str | tuple[str, ...]], seen: list[tuple[str, str]]) -> list[int]:
    """Where each expected control is first met in `seen`, in turn (-1: not after the last)."""
    found, start = [], 0
    for want in expected:
        hit = next((i for i in range(start, len(seen)) if matches(want, *seen[i])), -1)
        found.append(hit)
        start = hit + 1 if hit >= 0 else start
    return found


@pytest.mark.timeout(90)
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("screen", list(VISUAL))
def test_reading_and_tab_order_follow_the_screen(
    atspi_env: dict[str, str], demo_db: Path, tmp_path: Path, screen: str, lang: str
) -> None:
    expected = in_language(VISUAL[screen], lang)
    wait_for = [e[0] if isinstance(e, tuple) else e for e in expected]
    with launch(atspi_env, demo_db, tmp_path, lang, screen) as app:
        found, tree = app.tree(*(e for e in wait_for if not e.startswith("[")))
        frame = next(n for n in tree["children"] if n["role"] == "frame")
        read = reading_order(frame, [])
        env, pid = app.env, app.process.pid
        window = xdotool(env, "search", "--sync", "--onlyvisible", "--pid", str(pid))
        xdotool(env, "windowactivate", "--sync", window.split()[0])
        presses = 2 * len(expected) + 6  # a date edit's sections take a Tab each
        listener = start_listening(env, pid, 0.5 + presses * 0.15)
        xdotool(env, "key", "--clearmodifiers", "--delay", "120", *(["Tab"] * presses))
        events = heard(listener)
    assert found, [n["name"] for n in showing(tree)]
    # reading order: the expected controls appear in the tree in the screen's order
    positions = in_order(expected, read)
    assert -1 not in positions, f"{list(zip(expected, positions, strict=True))} in {read}"
    # focus order: the Tab cycle, from the first control on the screen, is the screen's order
    stops: list[tuple[str, str]] = []
    for event in events:
        if event["type"] == "object:state-changed:focused" and event["value"]:
            if event["in"] is not None:  # a cell or an item: its table, list or tab bar
                stop = ("holder", event["in"])
            elif event["role"] in HOLDERS:
                stop = ("holder", event["name"])
            else:
                stop = (event["role"], event["name"])
            if not stops or stops[-1] != stop:  # a date edit's sections, a table's cells
                stops.append(stop)
    first = next((i for i, s in enumerate(stops) if matches(expected[0], *s)), None)
    assert first is not None, f"Tab never reached {expected[0]!r}: {stops}"
    cycle = stops[first : first + len(expected)]
    assert len(cycle) == len(expected), f"too few Tab stops after {expected[0]!r}: {stops}"
    wrong = [
        (want, got) for want, got in zip(expected, cycle, strict=True) if not matches(want, *got)
    ]
    assert not wrong, f"Tab order {cycle} differs from the screen's {expected}"
