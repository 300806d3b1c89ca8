"""Reads an app's live accessibility tree through AT-SPI, as Orca does, and prints it as JSON.

Run with the SYSTEM Python (/usr/bin/python3), which has pyatspi from Debian's python3-pyatspi;
the project's venv has no pyatspi, and this file imports nothing from the project. The tests in
test_screen_reader.py run it on the session bus they started; what it prints is what reaches a
screen reader, not what Qt's own QAccessible classes say.

Usage: /usr/bin/python3 atspi_tree.py --pid PID [--wait-for TEXT]... [--timeout SECONDS]

Prints {"found": bool, "tree": node} where a node is {"role", "name", "description", "states",
"text", "attributes", "relations", "table", "children"}; "table" (for a table, else None)
holds its size and the headers of its first rows and columns, as a screen reader asks for them.
It re-reads until the app is on the bus and every
--wait-for text is in some node's name or text (exit 0), or until the timeout (exit 3, with the
last tree read, so the test can say what was there instead).
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

MAX_NODES = 4000
MAX_DEPTH = 40


def _relations(acc):
    out = {}
    try:
        relations = acc.get_relation_set() or []
    except Exception:  # an object can go away while it is read
        return out
    for relation in relations:
        kind = relation.get_relation_type().value_nick
        targets = []
        for i in range(relation.get_n_targets()):
            target = relation.get_target(i)
            targets.append(_safe(target.get_name, "") if target is not None else "")
        out[kind] = targets
    return out


def _safe(call, default):
    try:
        return call()
    except Exception:  # a dying object raises GLib errors
        return default


def _text(acc):
    if "Text" not in (_safe(acc.get_interfaces, None) or []):
        return None
    count = _safe(lambda: Atspi.Text.get_character_count(acc), 0)
    return _safe(lambda: Atspi.Text.get_text(acc, 0, count), None)


def _header_name(get, acc, index):
    header = _safe(lambda: get(acc, index), None)
    return (_safe(header.get_name, "") or "") if header is not None else None


def _table(acc):
    """What a table tells a screen reader about itself: its size and, for the first rows and
    columns, the header it names (None: no header object)."""
    if "Table" not in (_safe(acc.get_interfaces, None) or []):
        return None
    rows = _safe(lambda: Atspi.Table.get_n_rows(acc), 0)
    columns = _safe(lambda: Atspi.Table.get_n_columns(acc), 0)
    return {
        "rows": rows,
        "columns": columns,
        "row_headers": [
            _header_name(Atspi.Table.get_row_header, acc, r) for r in range(min(rows, 5))
        ],
        "row_descriptions": [
            _safe(lambda r=r: Atspi.Table.get_row_description(acc, r), None)
            for r in range(min(rows, 5))
        ],
        "column_headers": [
            _header_name(Atspi.Table.get_column_header, acc, c) for c in range(min(columns, 12))
        ],
        "column_descriptions": [
            _safe(lambda c=c: Atspi.Table.get_column_description(acc, c), None)
            for c in range(min(columns, 12))
        ],
    }


def node(acc, depth, budget):
    budget[0] -= 1
    states = _safe(acc.get_state_set, None)
    state_names = sorted(s.value_nick for s in states.get_states()) if states is not None else []
    out = {
        "role": _safe(acc.get_role_name, ""),
        "name": _safe(acc.get_name, "") or "",
        "description": _safe(acc.get_description, "") or "",
        "states": state_names,
        "text": _text(acc),
        "attributes": _safe(acc.get_attributes, None) or {},
        "relations": _relations(acc),
        "table": _table(acc),
        "children": [],
    }
    if depth >= MAX_DEPTH:
        return out
    for i in range(_safe(acc.get_child_count, 0)):
        if budget[0] <= 0:
            break
        child = _safe(lambda i=i: acc.get_child_at_index(i), None)
        if child is not None:
            out["children"].append(node(child, depth + 1, budget))
    return out


def find_app(pid):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = _safe(lambda i=i: desktop.get_child_at_index(i), None)
        if app is not None and _safe(app.get_process_id, -1) == pid:
            return app
    return None


def texts(tree):
    yield tree["name"]
    if tree["text"]:
        yield tree["text"]
    for child in tree["children"]:
        yield from texts(child)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--wait-for", action="append", default=[])
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()
    deadline = time.monotonic() + args.timeout
    tree = None
    while True:
        app = find_app(args.pid)
        if app is not None:
            Atspi.Accessible.set_cache_mask(app, Atspi.Cache.NONE)
            tree = node(app, 0, [MAX_NODES])
            seen = list(texts(tree))
            windows = tree["children"]
            if windows and all(any(w in s for s in seen) for w in args.wait_for):
                print(json.dumps({"found": True, "tree": tree}))
                return 0
        if time.monotonic() > deadline:
            print(json.dumps({"found": False, "tree": tree}))
            return 3
        time.sleep(0.2)


if __name__ == "__main__":
    sys.exit(main())
