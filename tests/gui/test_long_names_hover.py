"""200-character names, found on `make screenshots`' long-name pages (issue 16).

In the coordinator view the agency column sized itself to the whole name, about 1,700 px, and
pushed every score of *Against the state* out of sight behind a sideways scroll bar: a text
column now stops at about 40 characters, the cell elides and shows the whole name on hover. On a
round's page the team table cut a long name with no way to read the rest: it shows on hover.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.db.connection import open_database
from app.services.catalog import default_catalog
from app.services.demo import create_demo
from app.ui.coordinator_page import CoordinatorPage
from app.ui.lazy_table import MAX_COLUMN_CHARS
from app.ui.main_window import MainWindow
from tests.gui.helpers import add_agency, add_person, start_round

LONG = ("Riverbend Community Behavioral Health " * 6)[:200]


def test_a_long_agency_name_does_not_push_the_scores_out_of_sight(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db_path = tmp_path / "state.sqlite3"
    conn = open_database(db_path)
    result = create_demo(conn, default_catalog().get("sms-oat-bh"))
    org_id = result.round.organization_id
    conn.execute("UPDATE organizations SET name = ? WHERE id = ?", (LONG, org_id))
    page = CoordinatorPage(conn, "en", db_path)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.load()
    with qtbot.waitSignal(page.picture_shown, timeout=20_000):
        page.all_time.setChecked(True)
    cap = page.versus.fontMetrics().averageCharWidth() * MAX_COLUMN_CHARS
    for table in (page.reporting, page.versus, page.view.changes):
        assert table.rowCount() >= 1
        # (a last column that stretches to the table's edge is as wide as the room left)
        last = table.columnCount() - (1 if table.horizontalHeader().stretchLastSection() else 0)
        widths = [table.columnWidth(c) for c in range(last)]
        assert max(widths) <= cap, widths
        names = [table.item(r, 0) for r in range(table.rowCount())]
        assert any(i is not None and i.text() == LONG and i.toolTip() == LONG for i in names)
    # the agency and its overall score fit side by side in the view, no scrolling needed
    assert page.versus.columnWidth(0) + page.versus.columnWidth(1) < page.versus.viewport().width()
    conn.close()


def test_a_long_person_name_in_the_team_table_shows_whole_on_hover(
    window: MainWindow,
) -> None:
    """The round page's team table elided a 200-character name with no way to read the rest."""
    name = ("María José Fernández-Castellanos " * 7)[:200]
    add_agency(window, "Riverbend")
    start_round(window, "Spring")
    add_person(window, name, "clinical_staff")
    table = window.round_page.team
    cell = table.item(0, 0)
    assert cell is not None and cell.text() == name
    assert table.columnWidth(0) < table.fontMetrics().horizontalAdvance(name)  # it is cut
    assert cell.toolTip() == name


def test_every_cut_team_view_column_title_shows_whole_on_hover(window: MainWindow) -> None:
    """The team view's *Planned* and *Comments* titles are narrow on purpose; in Spanish
    ("Planificado", "Comentarios") they were cut with nothing on hover."""
    from app.services.catalog import default_catalog as catalog

    result = create_demo(window.conn, catalog().get("sms-oat-bh"))
    window.show_team_view(result.round.id)
    grid = window.team_view.grid
    titles = [grid.horizontalHeaderItem(c) for c in range(grid.columnCount())]
    metrics = grid.horizontalHeader().fontMetrics()
    cut = [
        t.text()
        for c, t in enumerate(titles)
        if t is not None
        and max(metrics.horizontalAdvance(line) for line in t.text().splitlines())
        > grid.columnWidth(c) - 8
        and t.toolTip() != t.text()
        and not t.toolTip()
    ]
    assert cut == []
    comments = titles[-1]
    assert comments is not None and comments.toolTip() == comments.text()
