"""Records what an app announces through AT-SPI for a while, as a screen reader hears it.

Run with the SYSTEM Python (/usr/bin/python3, which has Debian's python3-pyatspi); imports nothing
from the project. Prints "listening" once the listeners are registered, so the test can act
(press keys with xdotool), then after --seconds prints a JSON list of the events from the app
with --pid: {"type", "role", "name", "detail"} where detail is the announced text for
object:announcement and the new name for a name change.

Usage: /usr/bin/python3 atspi_events.py --pid PID [--seconds S]
"""

from __future__ import annotations

import argparse
import json
import sys

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

EVENTS = (
    "object:announcement",
    "object:property-change:accessible-name",
    "object:state-changed:focused",
    "object:state-changed:checked",
)


def _safe(call, default):
    try:
        return call()
    except Exception:  # an object can go away while it is read
        return default


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    seen = []

    def record(event):
        source = event.source
        app = _safe(source.get_application, None) if source is not None else None
        if app is None or _safe(app.get_process_id, -1) != args.pid:
            return
        detail = event.any_data
        seen.append(
            {
                "type": event.type,
                "role": _safe(source.get_role_name, ""),
                "name": _safe(source.get_name, "") or "",
                "detail": detail if isinstance(detail, str) else None,
                "value": event.detail1,
            }
        )

    listener = Atspi.EventListener.new(record)
    for kind in EVENTS:
        listener.register(kind)
    loop = GLib.MainLoop()
    GLib.timeout_add(int(args.seconds * 1000), loop.quit)
    GLib.idle_add(lambda: print("listening", flush=True) and False)
    loop.run()
    print(json.dumps(seen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
