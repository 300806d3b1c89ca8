"""Suggested priorities for an action plan, straight from a round's data.

The SMS OAT guidance is that the most useful conversation is about items rated low by everyone
and items where ratings differ widely; teams then pick a few domains to work on. So suggestions
are: the lowest-scoring domains first, then flagged items (low before disagreement before
"don't know"), each with a reason a person can read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from app.core.instrument import Instrument
from app.core.scoring import TeamSummary

Reason = Literal["lowest_domain", "low", "disagreement", "dont_know"]
_REASON_ORDER: dict[Reason, int] = {"lowest_domain": 0, "low": 1, "disagreement": 2, "dont_know": 3}


@dataclass(frozen=True)
class Suggestion:
    """An item or domain the meeting may want to make a priority, and why (low, spread, no
    agreement).
    """

    scope_kind: Literal["item", "domain"]
    scope_id: str
    reason: Reason
    score: float | None  # the team mean in band units (domain) or scale units (item)


def suggest_priorities(
    instrument: Instrument, team: TeamSummary[Any], domains: int = 3, items: int = 8
) -> list[Suggestion]:
    """At most `domains` lowest domains and `items` flagged items, most pressing first."""
    scored_domains = []
    for domain in instrument.domains:
        scope = team.domains[domain.id]
        value = scope.means.mean if instrument.band_metric == "mean" else scope.percents.mean
        if value is not None:
            scored_domains.append((value, domain.id))
    suggestions = [
        Suggestion("domain", domain_id, "lowest_domain", value)
        for value, domain_id in sorted(scored_domains)[:domains]
    ]
    flagged: list[tuple[int, float, int, Suggestion]] = []
    order = {item.id: n for n, item in enumerate(instrument.iter_items())}
    for stats in team.items.values():
        reason: Reason | None = None
        if stats.low:
            reason = "low"
        elif stats.disagreement:
            reason = "disagreement"
        elif stats.dont_know:
            reason = "dont_know"
        if reason is None:
            continue
        mean = stats.values.mean
        suggestion = Suggestion("item", stats.item_id, reason, mean)
        flagged.append(
            (
                _REASON_ORDER[reason],
                mean if mean is not None else 0.0,
                order[stats.item_id],
                suggestion,
            )
        )
    flagged.sort(key=lambda entry: entry[:3])
    return suggestions + [entry[3] for entry in flagged[:items]]
