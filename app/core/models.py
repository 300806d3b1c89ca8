"""Plain records passed between storage, services and the interface."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal

ROLES: tuple[str, ...] = (
    "clinical_staff",
    "support_staff",
    "peer_specialist",
    "administrator",
    "client_family",
    "other",
)
ROLE_LABELS_EN: dict[str, str] = {
    "clinical_staff": "Clinical staff",
    "support_staff": "Support staff",
    "peer_specialist": "Peer specialist",
    "administrator": "Administrator",
    "client_family": "Client or family member",
    "other": "Other",
}
RoundStatus = Literal["open", "closed"]
AnswerSource = Literal["screen", "paper", "import"]


def utc_now() -> str:
    """Timestamps are stored as ISO 8601 UTC text with milliseconds: sortable and readable."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Organization:
    id: int
    uuid: str
    name: str
    site: str
    region: str
    state_identifier: str
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class Round:
    id: int
    uuid: str
    organization_id: int
    instrument_id: str
    instrument_version: str
    instrument_hash: str
    name: str
    period_start: date
    period_end: date
    status: RoundStatus
    show_names: bool
    created_at: str
    updated_at: str
    closed_at: str | None


@dataclass(frozen=True)
class Respondent:
    id: int
    uuid: str
    round_id: int
    display_name: str
    role: str
    position: str | None
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class Answer:
    respondent_id: int
    item_id: str
    choice: str | None
    comment: str
    source: AnswerSource
    updated_at: str


@dataclass(frozen=True)
class ConsensusAnswer:
    round_id: int
    item_id: str
    choice: str | None
    rationale: str
    updated_at: str
