"""Writing a round as an `.smsoat` exchange file (docs/exchange-format.md).

`round_document` reads a round into the documented JSON shape, applying the privacy choices: team
members by role only unless names are asked for, individual comments in or out. The same function
serves the importer, which compares a stored round with an incoming one in exactly this shape, so
"exact duplicate" means "would export to the same data".
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from app import __version__
from app.core.exact import round_half_up
from app.core.instrument import Instrument
from app.core.models import IMPLEMENTATION_FIELDS, utc_now
from app.core.scoring import OVERALL, Distribution, ScopeStats, Summary
from app.db import action_plans, organizations, responses, rounds, sites
from app.exchange.envelope import seal, sign_archive
from app.exchange.format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    INSTRUMENT,
    MANIFEST,
    ROUND,
    SCORECARD_PDF,
    SCORES_CSV,
    UNSIGNED_VERSION,
    json_bytes,
    neutralise_cell,
    sha256_hex,
)
from app.services.redaction import Redactor
from app.services.round_scores import RoundScores, round_scores

# Members are written in this order, each with a fixed timestamp, so equal input gives equal bytes.
_ZIP_DATE = (2000, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Privacy:
    """What leaves the agency: team members' names and their comments, both off by default.

    `only_comments`, when given, narrows `comments` to the (respondent uuid, item id) pairs the
    lead ticked one by one in the export dialog; the manifest still says `comments: true`.
    """

    names: bool = False
    comments: bool = False
    only_comments: frozenset[tuple[str, str]] | None = None

    def keeps_comment(self, respondent_uuid: str, item_id: str) -> bool:
        if not self.comments:
            return False
        return self.only_comments is None or (respondent_uuid, item_id) in self.only_comments

    def as_json(self) -> dict[str, bool]:
        return {"names": self.names, "comments": self.comments}


def round_document(
    conn: sqlite3.Connection, round_id: int, privacy: Privacy = Privacy()
) -> dict[str, Any]:
    """The round's data as written to round.json: codes and ids, never translated labels."""
    rnd = rounds.get(conn, round_id)
    org = organizations.get(conn, rnd.organization_id)
    # Roles only: names typed into free text go too (app/services/redaction.py).
    text = (
        _keep
        if privacy.names
        else Redactor.for_respondents(rounds.respondents(conn, round_id, include_withdrawn=True))
    )
    people: list[dict[str, Any]] = []
    for person in rounds.respondents(conn, round_id):
        answers: dict[str, Any] = {}
        for item_id, answer in responses.answers_for_respondent(conn, person.id).items():
            entry: dict[str, Any] = {
                "choice": answer.choice,
                "source": answer.source,
                "updated_at": answer.updated_at,
            }
            if answer.comment and privacy.keeps_comment(person.uuid, item_id):
                entry["comment"] = text(answer.comment)
            answers[item_id] = entry
        record: dict[str, Any] = {
            "uuid": person.uuid,
            "role": person.role,
            "created_at": person.created_at,
            "updated_at": person.updated_at,
            "answers": answers,
        }
        if privacy.names:
            record["name"] = person.display_name
        people.append(record)
    consensus = {
        item_id: {"choice": c.choice, "rationale": text(c.rationale), "updated_at": c.updated_at}
        for item_id, c in responses.consensus_for_round(conn, round_id).items()
    }
    priorities = []
    for p in action_plans.priorities_for_round(conn, round_id):
        cycles = [
            {
                "uuid": c.uuid,
                "position": c.position,
                "plan": {k: text(v) for k, v in c.plan.items()},
                "do_notes": text(c.do_notes),
                "study_notes": text(c.study_notes),
                "act": c.act,
                "act_notes": text(c.act_notes),
                "created_at": c.created_at,
                "updated_at": c.updated_at,
            }
            for c in action_plans.cycles_for_priority(conn, p.id)
        ]
        priorities.append(
            {
                "uuid": p.uuid,
                "scope_kind": p.scope_kind,
                "scope_id": p.scope_id,
                "goal": text(p.goal),
                "owner": text(p.owner),
                "start_date": _iso(p.start_date),
                "due_date": _iso(p.due_date),
                "measure_how": text(p.measure_how),
                "measure_who": text(p.measure_who),
                "measure_frequency": text(p.measure_frequency),
                **{key: text(getattr(p, key)) for key in IMPLEMENTATION_FIELDS},
                "status": p.status,
                "carried_from_uuid": p.carried_from_uuid,
                "created_at": p.created_at,
                "updated_at": p.updated_at,
                "cycles": cycles,
            }
        )
    return {
        "agency": {
            "uuid": org.uuid,
            "name": org.name,
            "site": org.site,
            "region": org.region,
            "state_identifier": org.state_identifier,
        },
        "round": {
            "uuid": rnd.uuid,
            "name": rnd.name,
            "period_start": rnd.period_start.isoformat(),
            "period_end": rnd.period_end.isoformat(),
            "status": rnd.status,
            "show_names": rnd.show_names,
            "created_at": rnd.created_at,
            "updated_at": rnd.updated_at,
            "closed_at": rnd.closed_at,
            # only a site's round says which: a whole-agency round's file stays as before
            **({"site": site.name} if (site := sites.round_site(conn, rnd.id)) else {}),
        },
        "instrument": {
            "id": rnd.instrument_id,
            "version": rnd.instrument_version,
            "hash": rnd.instrument_hash,
        },
        "respondents": people,
        "consensus": consensus,
        "action_plan": {"priorities": priorities},
    }


def _keep(value: str) -> str:
    return value


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# ----- scores.csv -------------------------------------------------------------------------------

SCORES_HEADER = (
    "kind",
    "id",
    "label",
    "domain",
    "unit",
    "n",
    "mean",
    "median",
    "min",
    "max",
    "consensus",
    "official",
    "flags",
    "agency_uuid",  # last, so older scripts reading columns by position still work
    "round_uuid",
)


def _num(value: float | None) -> str:
    """4 decimals, half away from zero on the exact value (docs/score-json.md, "Rounding")."""
    return "" if value is None else repr(float(round_half_up(value, 4)))


def _dist_cells(dist: Distribution) -> list[str]:
    return [str(dist.n), _num(dist.mean), _num(dist.median), _num(dist.min), _num(dist.max)]


def scores_csv(scores: RoundScores) -> bytes:
    """One row per scope and item, for people who open the file in a spreadsheet.

    UTF-8 with a BOM (so Excel reads accents), CRLF line ends, text cells that a spreadsheet would
    take for a formula prefixed with an apostrophe. Labels are English; ids are the key. Every row
    ends with the agency's and the round's permanent ids, so rows from many files pasted together
    can still be told apart.
    """
    keys = [scores.organization.uuid, scores.round.uuid]
    inst = scores.instrument
    metric = inst.band_metric
    consensus = scores.consensus

    def pick(stats: ScopeStats) -> Distribution:
        return stats.metric(metric)

    def agreed(summary: Summary | None) -> float | None:
        if summary is None:
            return None
        return summary.metric(metric)

    rows: list[list[str]] = [list(SCORES_HEADER)]
    scopes: list[tuple[str, str, str, str, ScopeStats, Summary | None]] = [
        (
            "overall",
            OVERALL,
            "Overall",
            "",
            scores.team.overall,
            consensus.overall if consensus else None,
        )
    ]
    for section in inst.sections:
        summary = consensus.sections.get(section.id) if consensus else None
        stats = scores.team.sections[section.id]
        scopes.append(("section", section.id, section.title.get("en"), "", stats, summary))
    for domain in inst.domains:
        summary = consensus.domains.get(domain.id) if consensus else None
        stats = scores.team.domains[domain.id]
        scopes.append(("domain", domain.id, domain.title.get("en"), domain.id, stats, summary))
    for kind, scope, label, domain_id, stats, summary in scopes:
        rows.append(
            [
                kind,
                scope,
                neutralise_cell(label),
                domain_id,
                metric,
                *_dist_cells(pick(stats)),
                _num(agreed(summary)),
                _num(scores.official.get(scope)),
                "",
                *keys,
            ]
        )
    complete = scores.consensus_complete
    for item in inst.iter_items():
        item_stats = scores.team.items[item.id]
        code = scores.consensus_choices.get(item.id)
        choice = item.scale.choice(code) if code is not None else None
        agreed_value = choice.value if choice is not None else None
        flags = [
            name
            for name, on in (
                ("low", item_stats.low),
                ("disagreement", item_stats.disagreement),
                ("dont_know", item_stats.dont_know > 0),
            )
            if on
        ]
        rows.append(
            [
                "item",
                item.id,
                neutralise_cell(item.prompt.get("en")),
                item.domain_id,
                "value",
                *_dist_cells(item_stats.values),
                _num(agreed_value),
                _num(agreed_value if complete else item_stats.values.mean),
                " ".join(flags),
                *keys,
            ]
        )
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


# ----- the archive ------------------------------------------------------------------------------


def build_manifest(
    document: Mapping[str, Any],
    members: Mapping[str, bytes],
    privacy: Privacy,
    *,
    created_at: str | None = None,
    format_version: int = FORMAT_VERSION,
) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "format_version": format_version,
        "app_version": __version__,
        "created_at": created_at or utc_now(),
        "instrument": dict(document["instrument"]),
        "agency_uuid": document["agency"]["uuid"],
        "round_uuid": document["round"]["uuid"],
        "privacy": privacy.as_json(),
        "members": {
            name: {"sha256": sha256_hex(data), "size": len(data)}
            for name, data in sorted(members.items())
        },
    }


def pack(
    document: Mapping[str, Any],
    instrument: Instrument,
    privacy: Privacy,
    *,
    scores_csv_bytes: bytes | None = None,
    scorecard_pdf: bytes | None = None,
    created_at: str | None = None,
    signing_key: Any = None,
    recipients: Sequence[str] = (),
) -> bytes:
    """Zip the members with their manifest; the manifest comes first so readers find it fast.

    With the agency's `signing_key` the file is format version 2, signed; with coordinator
    `recipients` it is also sealed for them (app/exchange/envelope.py). Without a key it is the
    unsigned version 1 (tests and tools; the app always signs)."""
    members: dict[str, bytes] = {
        ROUND: json_bytes(document),
        INSTRUMENT: instrument_bytes(instrument),
    }
    if scores_csv_bytes is not None:
        members[SCORES_CSV] = scores_csv_bytes
    if scorecard_pdf is not None:
        members[SCORECARD_PDF] = scorecard_pdf
    version = FORMAT_VERSION if signing_key is not None else UNSIGNED_VERSION
    manifest = build_manifest(
        document, members, privacy, created_at=created_at, format_version=version
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in [(MANIFEST, json_bytes(manifest)), *members.items()]:
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            # PDFs are already compressed; deflating them again costs time for nothing.
            info.compress_type = (
                zipfile.ZIP_STORED if name == SCORECARD_PDF else zipfile.ZIP_DEFLATED
            )
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    out = buffer.getvalue()
    if signing_key is not None:
        out = sign_archive(out, signing_key)
    if recipients:
        if signing_key is None:
            raise ValueError("a sealed file is always signed: give the agency's signing key")
        out = seal(out, recipients)
    return out


def instrument_bytes(instrument: Instrument) -> bytes:
    """The instrument's stored content; any JSON formatting keeps its content hash."""
    return json_bytes(json.loads(json.dumps(instrument.source)))


def export_round(
    conn: sqlite3.Connection,
    round_id: int,
    *,
    privacy: Privacy = Privacy(),
    with_pdf: bool = True,
    created_at: str | None = None,
    generated: date | None = None,
    signing_key: Any = None,
    recipients: Sequence[str] = (),
) -> bytes:
    """The `.smsoat` file of one round, as bytes (the caller writes them atomically); signed and
    sealed when given the keys (see `pack`)."""
    document = round_document(conn, round_id, privacy)
    scores = round_scores(conn, round_id)
    pdf = None
    if with_pdf:
        from app.reports.outputs import build_scorecard_pdf

        # the scores computed above, not a second time
        pdf = build_scorecard_pdf(
            conn, round_id, show_names=privacy.names, generated=generated, scores=scores
        )
    return pack(
        document,
        scores.instrument,
        privacy,
        scores_csv_bytes=scores_csv(scores),
        scorecard_pdf=pdf,
        created_at=created_at,
        signing_key=signing_key,
        recipients=recipients,
    )
