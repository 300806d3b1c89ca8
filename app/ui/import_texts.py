"""What the import dialog says about a file beyond its status: the round a revision replaces,
the agency a file renames, the fields it changes, a proposed link, and the envelope (sealed,
signed, by whom). Words keep the "ImportDialog" translation context they had inside the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.exchange.importer import Envelope, FileReport


def changes_text(report: FileReport, done: bool) -> str:
    """The round a revision replaces and the agency a file renames, said beside the status:
    a rename must never pass as a plain "new round"."""
    parts = []
    if report.replaces is not None and report.status == "revision":
        text = (
            QCoreApplication.translate("ImportDialog", "Replaced the round “{0}” here")
            if done
            else QCoreApplication.translate("ImportDialog", "Replaces the round “{0}” here")
        )
        parts.append(text.format(report.replaces))
    if report.renamed_from is not None:
        text = (
            QCoreApplication.translate("ImportDialog", "Renamed the agency “{0}” to “{1}”")
            if done
            else QCoreApplication.translate("ImportDialog", "Renames the agency “{0}” to “{1}”")
        )
        parts.append(text.format(report.renamed_from, report.agency_name))
    if report.field_changes and not done:  # a revision, field by field (names kept here)
        shown = "; ".join(report.field_changes[:5])
        more = len(report.field_changes) - 5
        parts.append(
            QCoreApplication.translate("ImportDialog", "Changes: {0}").format(shown)
            + (
                QCoreApplication.translate("ImportDialog", " … and {0} more").format(more)
                if more > 0
                else ""
            )
        )
    if report.link_with is not None:  # proposed only: the coordinator view links
        parts.append(
            QCoreApplication.translate(
                "ImportDialog",
                "Same state identifier as the agency “{0}” here: if it is the same agency,"
                " link them in the coordinator view (Agencies, links and due…)",
            ).format(report.link_with.name)
        )
    return "".join("\n" + part for part in parts)


def envelope_text(info: Envelope) -> str:
    """ "Envelope: sealed, signed by …", built here from codes so every word is translated
    (the exchange layer's `report.envelope` is the command line's English)."""
    seal = (
        QCoreApplication.translate("ImportDialog", "sealed")
        if info.sealed
        else QCoreApplication.translate("ImportDialog", "not sealed")
    )
    if not info.signed:
        text = QCoreApplication.translate("ImportDialog", "{0}, unsigned (older format)").format(
            seal
        )
    elif not info.agency:
        text = QCoreApplication.translate("ImportDialog", "{0}, signed with key {1}").format(
            seal, info.fingerprint
        )
    else:
        text = QCoreApplication.translate(
            "ImportDialog", "{0}, signed by {1}, key {2}, first seen {3}"
        ).format(seal, info.agency, info.fingerprint, info.first_seen)
        if info.trust == "accepted":
            text += " " + QCoreApplication.translate(
                "ImportDialog", "(a NEW key for this agency, accepted)"
            )
        elif info.trust == "first":
            text += " " + QCoreApplication.translate(
                "ImportDialog", "(first file from this key: trusted from now on)"
            )
    return QCoreApplication.translate("ImportDialog", "Envelope: {0}").format(text)
