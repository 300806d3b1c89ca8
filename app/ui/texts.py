"""Translated labels for stored codes (roles, statuses): stored data stays language-neutral.

Numbers and dates shown on screen go through the helpers below, which follow the default QLocale
(set from the chosen language at start): a decimal comma in Spanish, the locale's date order.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def role_label(role: str) -> str:
    """A person's role in the screen's language, from the one table the reports use too
    (app.core.models.ROLE_LABELS), so a role reads the same on screen and on paper."""
    from PySide6.QtCore import QLocale

    from app.core.models import ROLE_LABELS, ROLE_LABELS_EN

    lang = QLocale().name().split("_")[0]
    return ROLE_LABELS.get(lang, ROLE_LABELS_EN).get(role, role)


def status_label(status: str) -> str:
    labels = {
        "open": QCoreApplication.translate("Texts", "Open"),
        "closed": QCoreApplication.translate("Texts", "Closed"),
    }
    return labels.get(status, status)


def fmt_number(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "–"
    # Half away from zero on the exact value, as the reports round (docs/score-json.md).
    return _number_text(value, digits)


def fmt_score(value: float | None, percent: bool) -> str:
    """A score as every screen shows it: a whole percent ("75 %") or two decimals; "–" for none."""
    if value is None:
        return "–"
    return f"{_number_text(value, 0)} %" if percent else _number_text(value, 2)


def _number_text(value: float, digits: int) -> str:
    # Imported on first use (not at start), then bound here: an import statement inside a
    # function costs ~10 µs under PySide6's import hook, and the coordinator view formats tens
    # of thousands of numbers.
    global _number_text
    from PySide6.QtCore import QLocale

    from app.core.exact import round_half_up

    def number_text(value: float, digits: int) -> str:
        return QLocale().toString(float(round_half_up(value, digits)), "f", digits)

    _number_text = number_text
    return number_text(value, digits)


def fmt_value(value: float | None) -> str:
    """A scale value or range end as short as it goes (3, 2,5 in Spanish), never 3.0."""
    from PySide6.QtCore import QLocale

    if value is None:
        return "–"
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(float(value), "g", 6)


def date_edit_format() -> str:
    """The locale's short date order with a four-digit year (a typed "26" is ambiguous)."""
    import re

    from PySide6.QtCore import QLocale

    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return re.sub(r"y+", "yyyy", pattern)


def fmt_datetime(moment: object) -> str:
    """A local date and time (a backup's creation) in the locale's short form."""
    from datetime import datetime

    from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

    if not isinstance(moment, datetime):
        return ""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    when = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return QLocale().toString(when, QLocale.FormatType.ShortFormat)


def fmt_date(day: object) -> str:
    from datetime import date

    from PySide6.QtCore import QDate, QLocale

    if not isinstance(day, date):
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def counted(noun: str, n: int | None) -> str:
    """ "1 round", "2 rounds": a count with its noun, through Qt's plural forms (`%n`), one
    catalogue entry per noun for every sentence that needs it. A sentence with one count says
    `%n` itself (tr("… %n item(s) …", "", n)); one with several counts builds them here, since a
    message has only one `%n`. English takes the forms from smsoat_en.ts (docs/translations.md).
    An unknown count (a backup that could not be read) shows "?" with the plural noun."""
    if n is None:
        return counted(noun, 2).replace("2", "?", 1)
    translate = QCoreApplication.translate
    forms = {
        "agency": lambda: translate("Counts", "%n agencies", "", n),
        "round": lambda: translate("Counts", "%n round(s)", "", n),
        "file": lambda: translate("Counts", "%n file(s)", "", n),
        "team_member": lambda: translate("Counts", "%n team member(s)", "", n),
        "answer": lambda: translate("Counts", "%n answer(s)", "", n),
        "saved_answer": lambda: translate("Counts", "%n saved answer(s)", "", n),
        "agreed_answer": lambda: translate("Counts", "%n agreed answer(s)", "", n),
        "priority": lambda: translate("Counts", "%n action-plan priorities", "", n),
        "section": lambda: translate("Counts", "%n section(s)", "", n),
        "domain": lambda: translate("Counts", "%n domain(s)", "", n),
        "item": lambda: translate("Counts", "%n item(s)", "", n),
        "refused": lambda: translate("Counts", "%n refused", "", n),
    }
    return forms[noun]()


def fmt_change(change: float | None, percent: bool, same: str) -> str:
    """A difference as an arrow and a signed number, "▲ +0.25", "▼ -0.40" (never colour alone),
    or `same` ("no change", "at the median") when it rounds to zero: "2.24 = 0.00" read as a
    false sum and "+0.00" as a rise. Rounded half away from zero as the reports round. A percent
    of maximum changes by percentage points, never by "%". None (no comparison): ""."""
    from app.core.exact import round_half_up

    if change is None:
        return ""
    digits = 1 if percent else 2
    rounded = float(round_half_up(change, digits))
    if rounded == 0:
        return same
    number = fmt_number(abs(rounded), digits)
    text = f"▲ +{number}" if rounded > 0 else f"▼ -{number}"
    if percent:
        text += " " + QCoreApplication.translate("Texts", "points")
    return text
