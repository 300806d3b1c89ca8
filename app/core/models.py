"""Plain records passed between storage, services and the interface.

Records are typed `NamedTuple`s: immutable, compared by value, and cheap to define. Frozen
dataclasses generate six methods per class with `exec` at import time, which cost the GUI's
cold start about 10 ms across the records it imports (models, instrument, progress).
"""

from datetime import UTC, date, datetime
from typing import Literal, NamedTuple

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
# A person's role, so person nouns ("Administrador/a", not the department "Administración").
ROLE_LABELS_ES: dict[str, str] = {
    "clinical_staff": "Personal clínico",
    "support_staff": "Personal de apoyo",
    "peer_specialist": "Especialista de apoyo entre pares",
    "administrator": "Administrador/a",
    "client_family": "Cliente o familiar",
    "other": "Otra",
}
# The one definition of the role words, for the screen and the reports alike.
ROLE_LABELS: dict[str, dict[str, str]] = {"en": ROLE_LABELS_EN, "es": ROLE_LABELS_ES}
RoundStatus = Literal["open", "closed"]
AnswerSource = Literal["screen", "paper", "import"]


def utc_now() -> str:
    """Timestamps are stored as ISO 8601 UTC text with milliseconds: sortable and readable."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Organization(NamedTuple):
    """An agency (or one of its clinics) as stored on this laptop."""

    id: int
    uuid: str
    name: str
    site: str
    region: str
    state_identifier: str
    created_at: str
    updated_at: str


class Round(NamedTuple):
    """One assessment round of an agency with one instrument version."""

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


class Respondent(NamedTuple):
    """A team member taking part in a round (withdrawn people are kept, but not counted)."""

    id: int
    uuid: str
    round_id: int
    display_name: str
    role: str
    position: str | None
    created_at: str
    updated_at: str
    withdrawn_at: str | None = None  # set while withdrawn: kept, but counted nowhere

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class Answer(NamedTuple):
    """One person's answer to one item, with its comment and where it came from."""

    respondent_id: int
    item_id: str
    choice: str | None
    comment: str
    source: AnswerSource
    updated_at: str


class ConsensusAnswer(NamedTuple):
    """The team's agreed answer to one item, with the reason recorded in the meeting."""

    round_id: int
    item_id: str
    choice: str | None
    rationale: str
    updated_at: str


PRIORITY_STATUSES: tuple[str, ...] = ("planned", "in_progress", "done", "dropped")
PDSA_ACTS: tuple[str, ...] = ("", "adopt", "adapt", "abandon")
# A priority's implementation fields (AHRQ, steps to implementing self-management support): who
# the change is for, the supports and tools chosen, the care-team roles and the training needed.
# Free text, optional; older exchange files without them still import (as empty).
IMPLEMENTATION_FIELDS: tuple[str, ...] = ("target_population", "supports", "team_roles", "training")
PLAN_FIELDS: tuple[str, ...] = ("what", "who", "when", "where", "prediction", "data", "collector")


class PdsaCycle(NamedTuple):
    """One Plan-Do-Study-Act cycle; `plan` holds the PLAN_FIELDS as free text."""

    id: int
    uuid: str
    priority_id: int
    position: int
    plan: dict[str, str]
    do_notes: str
    study_notes: str
    act: str
    act_notes: str
    created_at: str
    updated_at: str


class Priority(NamedTuple):
    """Something the team chose to improve: an item or a domain, with a SMART goal."""

    id: int
    uuid: str
    round_id: int
    scope_kind: Literal["item", "domain"]
    scope_id: str
    goal: str
    owner: str
    start_date: date | None
    due_date: date | None
    measure_how: str
    measure_who: str
    measure_frequency: str
    status: str
    carried_from_uuid: str | None
    created_at: str
    updated_at: str
    # AHRQ's steps to implementing self-management support (IMPLEMENTATION_FIELDS); the
    # measurement plan is measure_how / measure_who / measure_frequency above.
    target_population: str = ""
    supports: str = ""
    team_roles: str = ""
    training: str = ""
