"""Spreadsheet cells that cannot run: the one rule shared by every CSV and XLSX the app writes.

It lives in the core because both the exchange file's `scores.csv` and the roll-up's XLSX/CSV
(a report) write cells, and neither package may import the other's internals.
"""

from __future__ import annotations

from typing import Final

CSV_DANGEROUS_PREFIXES: Final = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(text: str) -> str:
    """A text cell that a spreadsheet would run as a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(CSV_DANGEROUS_PREFIXES) else text
