"""The documented JSON shape of `smsoat score ROUND_ID --json` (docs/score-json.md).

Stable keys, ids rather than labels (labels in English are added for readers), numbers as numbers,
null where nothing can be computed. Other programs may rely on it; additions only.
"""

from __future__ import annotations

from typing import Any

from app.core.exact import round_half_up
from app.core.models import ROLE_LABELS_EN
from app.core.scoring import OVERALL, Distribution, ItemStats, ScopeStats, Scorecard, Summary
from app.services.round_scores import RoundScores

SCORE_JSON_VERSION = 1


def _num(value: float | None) -> float | None:
    """4 decimals, half away from zero on the exact value (docs/score-json.md, "Rounding")."""
    return None if value is None else float(round_half_up(value, 4))


def summary_json(summary: Summary) -> dict[str, Any]:
    """One summary (scope) as JSON, numbers rounded as docs/score-json.md says."""
    return {
        "total_items": summary.total_items,
        "answered": summary.answered,
        "scored": summary.scored,
        "not_scored": summary.not_scored,
        "unanswered": summary.unanswered,
        "sum": _num(summary.sum),
        "max_possible": _num(summary.max_possible),
        "mean": _num(summary.mean),
        "percent": _num(summary.percent),
        "total": _num(summary.total),
        "score": _num(summary.converted),
        "band": summary.band_id,
    }


def scorecard_json(card: Scorecard) -> dict[str, Any]:
    """A scorecard's summaries by scope as JSON."""
    return {
        "overall": summary_json(card.overall),
        "sections": {k: summary_json(v) for k, v in card.sections.items()},
        "domains": {k: summary_json(v) for k, v in card.domains.items()},
    }


def distribution_json(dist: Distribution) -> dict[str, Any]:
    """A distribution as JSON."""
    return {
        "n": dist.n,
        "mean": _num(dist.mean),
        "median": _num(dist.median),
        "min": _num(dist.min),
        "max": _num(dist.max),
        "spread": _num(dist.spread),
    }


def item_json(stats: ItemStats) -> dict[str, Any]:
    """One item's statistics and flags as JSON."""
    flags = [
        name
        for name, on in (
            ("low", stats.low),
            ("disagreement", stats.disagreement),
            ("dont_know", stats.dont_know > 0),
        )
        if on
    ]
    return {
        "domain": stats.domain_id,
        **distribution_json(stats.values),
        "answered": stats.answered,
        "dont_know": stats.dont_know,
        "not_applicable": stats.not_applicable,
        "flags": flags,
    }


def scope_json(stats: ScopeStats) -> dict[str, Any]:
    """The spread of one scope over the counted people as JSON."""
    return {
        "respondent_means": distribution_json(stats.means),
        "respondent_percents": distribution_json(stats.percents),
        "respondent_totals": distribution_json(stats.totals),
        "respondent_scores": distribution_json(stats.scores),
        "band": stats.band_id,
        "low_items": stats.low_items,
        "disagreement_items": stats.disagreement_items,
    }


def round_scores_json(scores: RoundScores) -> dict[str, Any]:
    """The whole score document of a round (`smsoat score --json`, scores.json)."""
    instrument = scores.instrument
    rnd = scores.round
    team = scores.team
    overall_value = scores.official.get(OVERALL)
    overall_band = instrument.band_for(overall_value)
    return {
        "score_json_version": SCORE_JSON_VERSION,
        "round": {
            "id": rnd.id,
            "uuid": rnd.uuid,
            "name": rnd.name,
            "status": rnd.status,
            "period_start": rnd.period_start.isoformat(),
            "period_end": rnd.period_end.isoformat(),
        },
        "organization": {
            "uuid": scores.organization.uuid,
            "name": scores.organization.name,
            "site": scores.organization.site,
            "region": scores.organization.region,
            "state_identifier": scores.organization.state_identifier,
        },
        "instrument": {
            "id": instrument.id,
            "version": instrument.version,
            "hash": instrument.content_hash,
            "band_metric": instrument.band_metric,
            "official": instrument.official,
            "kind": instrument.kind,
            "disagreement_spread": instrument.disagreement_spread,
            "count_respondents_from": (
                "finished" if instrument.count_share is None else instrument.count_share
            ),
        },
        "official": {
            "source": scores.official_source,
            "metric": instrument.band_metric,
            "scores": {k: _num(v) for k, v in scores.official.items()},
            "band": overall_band.id if overall_band else None,
            "band_label": overall_band.label.get("en") if overall_band else None,
        },
        "respondents": [
            {
                "id": person.id,
                "uuid": person.uuid,
                "name": person.display_name,
                "role": person.role,
                "role_label": ROLE_LABELS_EN.get(person.role, person.role),
                "complete": team.scorecards[person.id].overall.complete,
                "counted": team.is_counted(person.id),
                **(
                    {}
                    if team.is_counted(person.id)
                    else {"not_counted_reason": team.not_counted[person.id]}
                ),
                "scores": scorecard_json(team.scorecards[person.id]),
            }
            for person in scores.respondents
        ],
        "team": {
            "counted": len(team.counted),
            "not_counted": len(team.not_counted),
            "overall": scope_json(team.overall),
            "sections": {k: scope_json(v) for k, v in team.sections.items()},
            "domains": {k: scope_json(v) for k, v in team.domains.items()},
            "items": {k: item_json(v) for k, v in team.items.items()},
        },
        "flags": {
            "low": [s.item_id for s in team.items.values() if s.low],
            "disagreement": [s.item_id for s in team.items.values() if s.disagreement],
            "dont_know": [s.item_id for s in team.items.values() if s.dont_know],
        },
        "consensus": {
            "complete": scores.consensus_complete,
            "answers": {
                item: {"choice": choice, "rationale": scores.consensus_rationales.get(item, "")}
                for item, choice in scores.consensus_choices.items()
            },
            "scores": scorecard_json(scores.consensus) if scores.consensus else None,
        },
        "comparison": comparison_json(scores),
    }


def comparison_json(scores: RoundScores) -> dict[str, Any]:
    """The change from the previous round, with the basis of each side."""
    comparison = scores.comparison
    return {
        "previous_round": (
            {"id": scores.previous_round.id, "name": scores.previous_round.name}
            if scores.previous_round
            else None
        ),
        "basis": comparison.basis if comparison else None,
        "previous_official_basis": comparison.previous_official_basis if comparison else None,
        "current_official_basis": comparison.current_official_basis if comparison else None,
        "previous_metric": comparison.previous_metric if comparison else None,
        "current_metric": comparison.current_metric if comparison else None,
        "reason": comparison.reason if comparison else None,
        "changes": [
            {
                "scope": c.scope,
                "previous": _num(c.previous),
                "current": _num(c.current),
                "change": _num(c.change),
                "reason": c.reason,
            }
            for c in scores.changes
        ],
    }
