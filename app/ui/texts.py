"""Translated labels for stored codes (roles, statuses): stored data stays language-neutral.

Numbers and dates shown on screen go through the helpers below, which follow the default QLocale
(set from the chosen language at start): a decimal comma in Spanish, the locale's date order.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def role_label(role: str) -> str:
    labels = {
        "clinical_staff": QCoreApplication.translate("Texts", "Clinical staff"),
        "support_staff": QCoreApplication.translate("Texts", "Support staff"),
        "peer_specialist": QCoreApplication.translate("Texts", "Peer specialist"),
        "administrator": QCoreApplication.translate("Texts", "Administrator"),
        "client_family": QCoreApplication.translate("Texts", "Client or family member"),
        "other": QCoreApplication.translate("Texts", "Other"),
    }
    return labels.get(role, role)


def status_label(status: str) -> str:
    labels = {
        "open": QCoreApplication.translate("Texts", "Open"),
        "closed": QCoreApplication.translate("Texts", "Closed"),
    }
    return labels.get(status, status)


def signed_change(change: float, digits: int) -> str:
    """A change as an arrow and a signed number, decided on the value as printed: "▲ +0.25",
    "▼ -0.40", and "= 0.00" for one that rounds to zero (never "+0.00"), never colour alone."""
    from app.core.exact import round_half_up

    rounded = round_half_up(change, digits)
    if rounded > 0:
        return f"▲ +{fmt_number(change, digits)}"
    if rounded < 0:
        return f"▼ {fmt_number(change, digits)}"
    return f"= {fmt_number(0.0, digits)}"


def fmt_number(value: float | None, digits: int = 2) -> str:
    if value is None:
        return "–"
    # Half away from zero on the exact value, as the reports round (docs/score-json.md).
    return _number_text(value, digits)


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
