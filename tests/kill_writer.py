"""A child process for the SIGKILL durability test and stress benchmark.

Usage: python tests/kill_writer.py DB INSTRUMENT_JSON
Adds one team member to the first round (creating agency and round on first use), then answers
items in a loop forever, printing `SAVED <respondent_id> <item_id> <choice> <seq>` only after
`save_answer` has returned, i.e. after the answer was acknowledged as saved. The parent kills it
at a random moment and checks that every acknowledged answer is in the file.
"""

from __future__ import annotations

import itertools
import sys
from datetime import date
from pathlib import Path

from app.core.instrument_loader import load_instrument
from app.db import organizations, responses, rounds
from app.db.connection import open_database


def main() -> None:
    db, instrument_file = Path(sys.argv[1]), Path(sys.argv[2])
    instrument = load_instrument(instrument_file)
    conn = open_database(db)
    listing = rounds.list_all(conn)
    if listing:
        rnd = listing[0][0]
    else:
        org = organizations.create(conn, "Kill test agency")
        rnd = rounds.create(
            conn, org.id, instrument, "Kill test", date(2026, 1, 1), date(2026, 3, 31)
        )
    person = rounds.add_respondent(conn, rnd.id, "Writer", "support_staff")
    items = [item.id for item in instrument.iter_items()]
    codes = [c.code for c in instrument.scale.choices]
    out = sys.stdout
    for seq in itertools.count():
        item = items[seq % len(items)]
        choice = codes[seq % len(codes)]
        responses.save_answer(conn, person.id, item, choice, comment=f"seq={seq}")
        out.write(f"SAVED {person.id} {item} {choice} {seq}\n")
        out.flush()


if __name__ == "__main__":
    main()
