"""Numbers and dates follow the chosen language (the default QLocale, set at start from it), and
the default paper size follows the territory: Letter in the US and its Letter neighbours, A4
elsewhere. Screens format numbers through app/ui/texts.py, never with Python's own format specs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from app.ui.settings import PAPERS, default_language, default_paper
from app.ui.texts import date_edit_format, fmt_date, fmt_datetime, fmt_number, fmt_value

UI = Path(__file__).resolve().parents[1] / "app" / "ui"


@pytest.fixture
def locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


def test_numbers_in_spanish_and_english(locale: None) -> None:
    QLocale.setDefault(QLocale("es"))
    assert fmt_number(2.5) == "2,50"
    assert fmt_number(2.456, 1) == "2,5"
    assert fmt_number(None) == "–"
    assert fmt_value(2.5) == "2,5"
    assert fmt_value(3.0) == "3"
    assert fmt_value(1000) == "1000"
    QLocale.setDefault(QLocale("en"))
    assert fmt_number(2.5) == "2.50"
    assert fmt_value(2.5) == "2.5"
    assert fmt_value(3.0) == "3"


def test_dates_in_spanish_and_english(locale: None) -> None:
    day = date(2026, 3, 5)
    QLocale.setDefault(QLocale("es"))
    spanish = fmt_date(day)
    assert re.fullmatch(r"5/3/(20)?26", spanish), spanish  # day before month
    edit = date_edit_format()
    assert "yyyy" in edit and edit.index("d") < edit.index("M"), edit
    QLocale.setDefault(QLocale("en"))
    english = fmt_date(day)
    assert re.fullmatch(r"3/5/(20)?26", english), english  # month before day
    edit = date_edit_format()
    assert "yyyy" in edit and edit.index("M") < edit.index("d"), edit
    assert fmt_date(None) == ""
    moment = datetime(2026, 3, 5, 14, 30, tzinfo=UTC)
    assert fmt_datetime(moment) != ""
    QLocale.setDefault(QLocale("es"))
    local = moment.astimezone()
    assert fmt_datetime(moment).startswith(f"{local.day}/{local.month}/")


@pytest.mark.parametrize(
    ("name", "paper"),
    [
        ("en_US", "letter"),
        ("es_US", "letter"),
        ("en_CA", "letter"),
        ("fr_CA", "letter"),
        ("es_MX", "letter"),
        ("es_CO", "letter"),
        ("en_PH", "letter"),
        ("es_ES", "a4"),
        ("de_DE", "a4"),
        ("en_GB", "a4"),
        ("es_AR", "a4"),
        ("fr_FR", "a4"),
    ],
)
def test_the_default_paper_follows_the_territory(name: str, paper: str) -> None:
    assert default_paper(QLocale(name)) == paper


def test_defaults_without_a_locale_use_the_system() -> None:
    assert default_paper() in PAPERS
    assert default_paper() == default_paper(QLocale.system())
    assert default_language(QLocale("es_MX")) == "es"
    assert default_language(QLocale("en_US")) == "en"


def test_screens_format_numbers_through_the_locale() -> None:
    """No f"{x:.2f}" or f"{x:g}" in app/ui: those always print a decimal point."""
    spec = re.compile(r"\{[^{}]*:[^{}]*(?:\.\d+f|g|,)\}")
    found = [
        f"{path.name}:{n}: {line.strip()}"
        for path in sorted(UI.glob("*.py"))
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if spec.search(line) and "strftime" not in line
    ]
    assert found == []
