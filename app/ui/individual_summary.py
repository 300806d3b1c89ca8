"""The team summary of an individual-kind round: no meeting, no consensus.

Each person answers an individual instrument for themselves and their converted score is their
result, so the team view summarises the people's converted scores (mean, median, range and how
many fall in each band) instead of asking for an agreed answer per item.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.scoring import OVERALL
from app.services.round_scores import RoundScores
from app.ui.texts import fmt_number


def band_counts(scores: RoundScores, lang: str) -> list[tuple[str, int]]:
    """(band label, people) for every band of the instrument, over the people who count."""
    inst = scores.instrument
    counts = {band.id: 0 for band in inst.bands}
    for person in scores.team.counted:
        band = inst.band_for(scores.team.scorecards[person].overall.converted)
        if band is not None:
            counts[band.id] += 1
    return [(band.label.get(lang), counts[band.id]) for band in inst.bands]


def individual_summary(scores: RoundScores, lang: str) -> str:
    """Two or three lines for the team view's summary of an individual-kind round."""
    inst = scores.instrument
    dist = scores.team.overall.scores
    mean = scores.official.get(OVERALL)
    band = inst.band_for(mean)
    lines = [
        QCoreApplication.translate(
            "IndividualSummary",
            "Team summary: each person answers for themselves, so there is no consensus meeting.",
        ),
        QCoreApplication.translate(
            "IndividualSummary",
            "Mean converted score: {0} of 100 — {1}. Median {2}, range {3}–{4}, over {5} of {6}"
            " team members with a converted score.",
        ).format(
            fmt_number(mean, 1),
            band.label.get(lang) if band else "–",
            fmt_number(dist.median, 1),
            fmt_number(dist.min, 1),
            fmt_number(dist.max, 1),
            dist.n,
            len(scores.respondents),
        ),
        QCoreApplication.translate("IndividualSummary", "By band: {0}").format(
            " · ".join(f"{label}: {n}" for label, n in band_counts(scores, lang))
        ),
    ]
    return "\n".join(lines)
