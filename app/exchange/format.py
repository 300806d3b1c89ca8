"""The `.smsoat` exchange format, version 1: names, members, limits (docs/exchange-format.md).

A zip container with a manifest (`manifest.json`) listing the SHA-256 of every other member, the
round's data (`round.json`), the instrument it was answered with (`instrument.json`), a
spreadsheet-friendly table of scores (`scores.csv`) and the printable scorecard (`scorecard.pdf`).

Limits are generous for real files (a large round is well under 1 MB) and small enough that a
hostile file cannot exhaust memory or disk: every member is read through a bounded stream, so a
header that lies about sizes gains nothing.
"""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from typing import Any, Final

from app.core import limits
from app.core.cells import CSV_DANGEROUS_PREFIXES as CSV_DANGEROUS_PREFIXES
from app.core.cells import neutralise_cell as neutralise_cell

FORMAT_NAME: Final = "smsoat-exchange"
FORMAT_VERSION: Final = 2  # signed by the agency, maybe sealed (app/exchange/envelope.py)
UNSIGNED_VERSION: Final = 1  # the first format: no signature; still read, labelled unsigned
EXTENSION: Final = ".smsoat"

MANIFEST: Final = "manifest.json"
ROUND: Final = "round.json"
INSTRUMENT: Final = "instrument.json"
SCORES_CSV: Final = "scores.csv"
SCORECARD_PDF: Final = "scorecard.pdf"

REQUIRED_MEMBERS: Final = (MANIFEST, ROUND, INSTRUMENT)
OPTIONAL_MEMBERS: Final = (SCORES_CSV, SCORECARD_PDF)
ALLOWED_MEMBERS: Final = frozenset(REQUIRED_MEMBERS + OPTIONAL_MEMBERS)

MB: Final = 1024 * 1024
MAX_ARCHIVE_BYTES: Final = 64 * MB
MAX_TOTAL_BYTES: Final = 96 * MB
MAX_MEMBERS: Final = 16
MEMBER_LIMITS: Final[dict[str, int]] = {
    MANIFEST: 64 * 1024,
    ROUND: 32 * MB,
    INSTRUMENT: 5 * MB,
    SCORES_CSV: 8 * MB,
    SCORECARD_PDF: 48 * MB,
}
# JSON with repeated keys compresses about 10-30 times; a zip bomb a thousand times or more.
MAX_RATIO: Final = 200
RATIO_FLOOR: Final = 256 * 1024  # below this size the ratio does not matter

# round.json bounds: a real round has a few dozen people and a few hundred answers each.
MAX_RESPONDENTS: Final = 1000
MAX_PRIORITIES: Final = 1000
MAX_CYCLES: Final = 200
# Text lengths: the same numbers as at entry (app/core/limits.py), so what is typed is importable.
MAX_TEXT: Final = limits.MAX_TEXT  # names, titles, short fields
MAX_LONG_TEXT: Final = limits.MAX_LONG_TEXT  # comments, rationales, notes

# JSON values a member may hold, counted before it is parsed (31 MB of `[],` would otherwise take
# 860 MB as Python lists). A round of 1,000 people answering 200 items is about 800,000.
MAX_JSON_VALUES: Final[dict[str, int]] = {MANIFEST: 1_000, ROUND: 1_000_000, INSTRUMENT: 200_000}
# The zip's central directory: 16 members with short names need a few kilobytes.
MAX_DIRECTORY_BYTES: Final = 64 * 1024

# Timestamps and dates (docs/exchange-format.md, Timestamps): nothing before the year 2000, no
# timestamp after the file was made or more than a day after the reader's clock, and review period
# dates at most a year after the day the file was made.
EARLIEST_DAY: Final = limits.EARLIEST_DAY
CLOCK_SLACK: Final = timedelta(days=1)
MAX_PERIOD_AHEAD: Final = limits.MAX_PERIOD_AHEAD


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def json_bytes(data: Any) -> bytes:
    """JSON as written into the archive: UTF-8, keys sorted, readable, stable byte for byte."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1, allow_nan=False)
    return (text + "\n").encode("utf-8")
