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


# xlsxwriter's workbook options for every XLSX the app writes: in memory, and every text stays
# text (never turned into a formula, a link or a number), so "=HYPERLINK(…)" as an agency's
# name is written as the name it is.
XLSX_WORKBOOK_OPTIONS: Final = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
