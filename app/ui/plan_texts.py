"""How the action plan names things: a priority's status, its domain or item, why the data
suggests it.

Shared by the page, the scope dialog and the priority editor, so these words keep the
"ActionPlanPage" translation context they had when they lived in that module (the Spanish
catalogue finds them there).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.instrument import Instrument
from app.core.priorities import Suggestion
from app.ui.texts import fmt_number


def priority_status_label(status: str) -> str:
    """A status code in words, in the interface language."""
    labels = {
        "planned": QCoreApplication.translate("ActionPlanPage", "Planned"),
        "in_progress": QCoreApplication.translate("ActionPlanPage", "In progress"),
        "done": QCoreApplication.translate("ActionPlanPage", "Done"),
        "dropped": QCoreApplication.translate("ActionPlanPage", "Dropped"),
    }
    return labels.get(status, status)


def scope_label(instrument: Instrument, kind: str, scope_id: str, lang: str) -> str:
    """'Domain 1.2 Shared Decision-Making…' or 'Item 2.3 …', in the page's language."""
    if kind == "domain":
        domain = instrument.domain(scope_id)
        name = domain.title.get(lang) if domain else ""
        return (
            QCoreApplication.translate("ActionPlanPage", "Domain {0} {1}")
            .format(scope_id, name)
            .strip()
        )
    item = instrument.item(scope_id)
    name = item.prompt.get(lang) if item else ""
    return (
        QCoreApplication.translate("ActionPlanPage", "Item {0} {1}").format(scope_id, name).strip()
    )


def reason_text(instrument: Instrument, suggestion: Suggestion) -> str:
    """Why the round's data suggests this domain or item, with the score that says so."""
    score = suggestion.score
    if suggestion.reason == "lowest_domain":
        value = (
            f"{fmt_number(score, 0)} %"
            if instrument.band_metric == "percent" and score is not None
            else fmt_number(score)
        )
        return QCoreApplication.translate(
            "ActionPlanPage", "among the lowest-scoring domains ({0})"
        ).format(value)
    if suggestion.reason == "low":
        return QCoreApplication.translate(
            "ActionPlanPage", "rated low by the team (mean {0})"
        ).format(fmt_number(score))
    if suggestion.reason == "disagreement":
        return QCoreApplication.translate(
            "ActionPlanPage", "ratings differ widely (mean {0})"
        ).format(fmt_number(score))
    return QCoreApplication.translate("ActionPlanPage", "someone answered “don't know”")


def scope_key(kind: str, scope_id: str) -> str:
    """One string for a (kind, scope) pair: list entries carry it, and sets of taken scopes."""
    return f"{kind}:{scope_id}"
