"""Tables of one shape share their prepared cell styles (app/reports/plain_table.styled_table):
the reports are byte for byte what fresh styles give, and nothing changes the shared ones."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab import rl_config
from reportlab.platypus import TableStyle

from app.reports import plain_table
from app.reports.common import FONT, FONT_BOLD, data_table, register_fonts
from app.reports.plain_table import styled_table
from tests.test_reports import DAY, World, all_reports, world  # noqa: F401  (fixture)

COMMANDS = [("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 8.5)]


def _fonts(table: plain_table.PlainTable) -> list[list[str]]:
    return [[style.fontname for style in row] for row in table._cellStyles]


def test_a_second_table_of_a_shape_shares_the_first_ones_styles() -> None:
    plain_table._PREPARED.clear()
    first = styled_table([["a", "b"], ["c", "d"]], [50, 50], COMMANDS)
    second = styled_table([["e", "f"], ["g", "h"]], [60, 40], COMMANDS)
    assert second._cellStyles is first._cellStyles
    assert second._cellvalues == [["e", "f"], ["g", "h"]]
    other = styled_table([["e", "f"]], [60, 40], COMMANDS)  # another shape: its own
    assert other._cellStyles is not first._cellStyles


def test_set_style_on_a_sharing_table_changes_only_that_table() -> None:
    register_fonts()
    plain_table._PREPARED.clear()
    first = styled_table([["a", "b"], ["c", "d"]], [50, 50], COMMANDS)
    second = styled_table([["e", "f"], ["g", "h"]], [50, 50], COMMANDS)
    second.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, 0), FONT_BOLD)]))
    assert _fonts(second) == [[FONT_BOLD, FONT_BOLD], [FONT, FONT]]
    assert _fonts(first) == [[FONT, FONT], [FONT, FONT]]
    first.setStyle(TableStyle([("FONTNAME", (0, 1), (-1, 1), FONT_BOLD)]))  # the first one too
    third = styled_table([["i", "j"], ["k", "l"]], [50, 50], COMMANDS)
    assert _fonts(third) == [[FONT, FONT], [FONT, FONT]]


def test_splitting_a_long_sharing_table_leaves_the_prepared_styles_as_they_were() -> None:
    register_fonts()
    plain_table._PREPARED.clear()
    rows = [["Head", "Value"]] + [[f"row {n}", str(n)] for n in range(120)]
    data_table(rows, [200, 100], extra=[("FONTNAME", (0, 5), (-1, 5), FONT_BOLD)])
    table = data_table(rows, [200, 100], extra=[("FONTNAME", (0, 5), (-1, 5), FONT_BOLD)])
    before = _fonts(table)
    table.wrap(300, 10_000)
    parts = table.split(300, 400)
    assert len(parts) == 2
    for part in parts:
        part.wrap(300, 10_000)
        part.split(300, 200)
    fresh = data_table(rows, [200, 100], extra=[("FONTNAME", (0, 5), (-1, 5), FONT_BOLD)])
    assert _fonts(fresh) == before
    assert before[5] == [FONT_BOLD, FONT_BOLD] and before[6] == [FONT, FONT]


def test_reports_are_byte_identical_with_fresh_and_shared_styles(
    world: World,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rl_config, "invariant", 1)
    plain_table._PREPARED.clear()
    fresh = all_reports(world, generated=DAY)
    assert plain_table._PREPARED  # the builds above prepared styles
    shared = all_reports(world, generated=DAY)
    assert shared == fresh
    monkeypatch.setattr(plain_table, "_PREPARED_MAX", 0)  # nothing kept: styles made every time
    plain_table._PREPARED.clear()
    assert all_reports(world, generated=DAY) == fresh


def test_a_roll_up_is_byte_identical_with_fresh_and_shared_styles(
    world: World,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.reports.rollup import build_rollup_pdf
    from app.services.rollup import compute_rollup

    monkeypatch.setattr(rl_config, "invariant", 1)
    rollup = compute_rollup(world.conn, world.instrument.id)
    monkeypatch.setattr(plain_table, "_PREPARED_MAX", 0)
    plain_table._PREPARED.clear()
    fresh = build_rollup_pdf(rollup, generated=date(2026, 1, 2))
    monkeypatch.setattr(plain_table, "_PREPARED_MAX", 256)
    build_rollup_pdf(rollup, generated=date(2026, 1, 2))  # prepares
    assert build_rollup_pdf(rollup, generated=date(2026, 1, 2)) == fresh
