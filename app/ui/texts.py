"""Translated labels for stored codes (roles, statuses): stored data stays language-neutral."""

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


def fmt_number(value: float | None, digits: int = 2) -> str:
    from PySide6.QtCore import QLocale

    if value is None:
        return "–"
    return QLocale().toString(float(value), "f", digits)


def fmt_date(day: object) -> str:
    from datetime import date

    from PySide6.QtCore import QDate, QLocale

    if not isinstance(day, date):
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)
