"""Records what an app announces through AT-SPI for a while, as a screen reader hears it.

Run with the SYSTEM Python (/usr/bin/python3, which has Debian's python3-pyatspi); imports nothing
from the project but atspi_tree.py beside it. Prints "listening" once the listeners are
registered, so the test can act (press keys with xdotool), then after --seconds prints a JSON
list of the events from the app with --pid: {"type", "role", "name", "detail"} where detail
is the announced text for object:announcement and the new name for a name change; an object
that took the focus is named too, with "in": the table, list or tab bar holding it (for a cell).

Usage: /usr/bin/python3 atspi_events.py --pid PID [--seconds S]
"""

from __future__ import annotations

import argparse
import json
import sys

import gi

gi.require_version("Atspi", "2.0")
from atspi_tree import _safe, find_app  # noqa: E402  (beside this file: sys.path[0])
from gi.repository import Atspi, GLib  # noqa: E402

EVENTS = (
    "object:announcement",
    "object:property-change:accessible-name",
    "object:state-changed:focused",
    "object:state-changed:checked",
)


ITEMS = ("table cell", "list item", "tree item", "page tab")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    Atspi.set_timeout(1000, 15000)  # a deleted object must not stall the recording
    app = find_app(args.pid)
    if app is None:
        print(f"no app with pid {args.pid} on the accessibility bus", file=sys.stderr)
        return 2
    raw = []

    def record(event):
        # no calls back into the app here: they would be answered late or never (dying objects)
        raw.append((event.type, event.sender, event.source, event.any_data, event.detail1))

    listener = Atspi.EventListener.new(record)
    for kind in EVENTS:
        listener.register(kind)
    loop = GLib.MainLoop()
    GLib.timeout_add(int(args.seconds * 1000), loop.quit)
    GLib.idle_add(lambda: print("listening", flush=True) and False)
    loop.run()
    seen = []
    for kind, sender, source, data, value in raw:
        if sender != app:
            continue
        named = kind in ("object:announcement", "object:property-change:accessible-name")
        # an object that took the focus is alive (one that lost it may be gone): name it, and
        # for a cell or an item, the table or list it is in
        named = named or (kind == "object:state-changed:focused" and value == 1)
        role = _safe(source.get_role_name, "") if named else ""
        parent = None
        if role in ITEMS:
            parent = _safe(source.get_parent, None)
            while parent is not None and _safe(parent.get_role_name, "") in (*ITEMS, "panel"):
                parent = _safe(parent.get_parent, None)
        seen.append(
            {
                "type": kind,
                "role": role,
                "name": (_safe(source.get_name, "") or "") if named else "",
                "detail": data if isinstance(data, str) else None,
                "value": value,
                "in": (_safe(parent.get_name, "") or "") if parent is not None else None,
            }
        )
    print(json.dumps(seen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
