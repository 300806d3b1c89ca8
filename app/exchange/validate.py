"""Hand-written checks of manifest.json and round.json, mirroring the JSON Schemas in `schema/`.

The app does not depend on a JSON Schema library at run time; tests validate the same documents
with `jsonschema` against `schema/*.schema.json`, so the two cannot drift apart unnoticed. Checks
that a schema cannot express (an answer's choice must be on its item's scale, the review period
must not end before it starts) are made here too, against the instrument inside the file.
"""

from __future__ import annotations

import re
import uuid as uuidlib
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from app.core.instrument import Instrument
from app.core.instrument_loader import ID_RE, VERSION_RE
from app.core.models import IMPLEMENTATION_FIELDS, PDSA_ACTS, PLAN_FIELDS, PRIORITY_STATUSES, ROLES
from app.core.safe_json import has_visible
from app.exchange.format import (
    CLOCK_SLACK,
    EARLIEST_DAY,
    MAX_CYCLES,
    MAX_LONG_TEXT,
    MAX_PERIOD_AHEAD,
    MAX_PRIORITIES,
    MAX_RESPONDENTS,
    MAX_TEXT,
)

_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
_SOURCES = ("screen", "paper", "import")
_MAX_PROBLEMS = 50


def utc_moment(stamp: str) -> datetime:
    """An ISO 8601 timestamp as an aware UTC moment (no offset means UTC). Raises ValueError
    for text that is not a timestamp and OverflowError for a moment outside the calendar (such
    as 9999-12-31T23:59:59-23:59, whose UTC moment falls in the year 10000)."""
    moment = datetime.fromisoformat(stamp)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class Checker:
    """Collects problems as `path: what is wrong`, stopping early on a hopeless document.

    `latest` is the latest moment a timestamp may name: the file's own creation time, and never
    more than a day after now, so a forged far-future stamp cannot make a round "newer" than
    every genuine later file (see docs/exchange-format.md, Timestamps)."""

    def __init__(self, latest: datetime | None = None) -> None:
        self.problems: list[str] = []
        self.latest = latest
        self.good_stamps: set[str] = set()  # timestamps already found valid
        self.codes: dict[str, frozenset[str]] = {}  # item id -> its choice codes

    def problem(self, path: str, message: str) -> None:
        if len(self.problems) < _MAX_PROBLEMS:
            self.problems.append(f"{path}: {message}")

    def obj(
        self, path: str, value: Any, required: set[str], optional: frozenset[str] = frozenset()
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.problem(path, f"expected an object, found {_kind(value)}")
            return {}
        for key in sorted(required - value.keys()):
            self.problem(path, f"missing key '{key}'")
        for key in sorted(value.keys() - required - optional):
            self.problem(f"{path}.{key}", "unknown key")
        return value

    def string(
        self, path: str, value: Any, *, limit: int = MAX_TEXT, nonempty: bool = False
    ) -> str | None:
        if not isinstance(value, str):
            self.problem(path, f"expected a string, found {_kind(value)}")
            return None
        if len(value) > limit:
            self.problem(path, f"longer than {limit:,} characters")
            return None
        if nonempty and not has_visible(value):
            self.problem(path, "must not be empty (at least one visible character)")
            return None
        return value

    def optional_string(self, path: str, value: Any, limit: int = MAX_TEXT) -> str | None:
        return None if value is None else self.string(path, value, limit=limit)

    def boolean(self, path: str, value: Any) -> bool | None:
        if not isinstance(value, bool):
            self.problem(path, f"expected true or false, found {_kind(value)}")
            return None
        return value

    def integer(self, path: str, value: Any, lo: int, hi: int) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
            self.problem(path, f"expected a whole number from {lo} to {hi:,}")
            return None
        return value

    def uuid(self, path: str, value: Any) -> str | None:
        if isinstance(value, str) and len(value) == 36:
            try:
                if str(uuidlib.UUID(value)) == value:
                    return value
            except ValueError:
                pass
        self.problem(path, "expected a lower-case UUID such as 2f1c…-…")
        return None

    def sha256(self, path: str, value: Any) -> str | None:
        if isinstance(value, str) and _SHA256_RE.match(value):
            return value
        self.problem(path, "expected a SHA-256 as 64 lower-case hex digits")
        return None

    def day(
        self, path: str, value: Any, *, nullable: bool = False, latest: date | None = None
    ) -> date | None:
        if value is None and nullable:
            return None
        if isinstance(value, str) and len(value) == 10:
            try:
                found = date.fromisoformat(value)
            except ValueError:
                pass
            else:
                if found < EARLIEST_DAY:
                    self.problem(path, f"a date before {EARLIEST_DAY.isoformat()} is impossible")
                    return None
                if latest is not None and found > latest:
                    self.problem(path, f"a date after {latest.isoformat()} is impossible here")
                    return None
                return found
        self.problem(path, "expected a date as YYYY-MM-DD")
        return None

    def good_stamp(self, value: str) -> bool:
        """A timestamp `timestamp()` would accept, remembered; nothing is reported (the slow
        path names the problem). Real files give almost every answer its own time, so the fast
        answer check needs this rather than only the stamps seen before."""
        if value in self.good_stamps:
            return True
        if not 10 <= len(value) <= 40:
            return False
        try:
            moment = utc_moment(value)
        except (ValueError, OverflowError):
            return False
        if moment.date() < EARLIEST_DAY or (self.latest is not None and moment > self.latest):
            return False
        self.good_stamps.add(value)
        return True

    def timestamp(self, path: str, value: Any, *, nullable: bool = False) -> str | None:
        if value is None and nullable:
            return None
        if isinstance(value, str) and 10 <= len(value) <= 40:
            if value in self.good_stamps:
                return value
            try:
                moment = utc_moment(value)
            except ValueError:
                pass
            except OverflowError:
                self.problem(path, f"{value!r} is not a real moment (outside the calendar)")
                return None
            else:
                if moment.date() < EARLIEST_DAY:
                    self.problem(path, f"a time before {EARLIEST_DAY.isoformat()} is impossible")
                    return None
                if self.latest is not None and moment > self.latest:
                    self.problem(
                        path,
                        f"{value} is later than the file was made or than tomorrow "
                        f"({self.latest.isoformat(timespec='seconds')}); the sending computer's "
                        "clock may be wrong",
                    )
                    return None
                self.good_stamps.add(value)
                return value
        self.problem(path, "expected an ISO 8601 timestamp")
        return None

    def one_of(self, path: str, value: Any, allowed: tuple[str, ...]) -> str | None:
        if isinstance(value, str) and value in allowed:
            return value
        self.problem(path, f"expected one of {', '.join(repr(a) for a in allowed)}")
        return None

    def array(self, path: str, value: Any, limit: int) -> list[Any]:
        if not isinstance(value, list):
            self.problem(path, f"expected an array, found {_kind(value)}")
            return []
        if len(value) > limit:
            self.problem(path, f"more than {limit:,} entries")
            return []
        return value

    def mapping(self, path: str, value: Any, limit: int) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.problem(path, f"expected an object, found {_kind(value)}")
            return {}
        if len(value) > limit:
            self.problem(path, f"more than {limit:,} entries")
            return {}
        return value


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    return "a number" if isinstance(value, int | float) else type(value).__name__


# ----- manifest.json ----------------------------------------------------------------------------

_MANIFEST_KEYS = {
    "format",
    "format_version",
    "app_version",
    "created_at",
    "instrument",
    "agency_uuid",
    "round_uuid",
    "privacy",
    "members",
}


def latest_allowed(now: datetime | None = None) -> datetime:
    """The latest moment any timestamp of a file read now may name."""
    return (now or datetime.now(UTC)) + CLOCK_SLACK


def check_manifest(
    data: Any, allowed_members: frozenset[str], *, now: datetime | None = None
) -> list[str]:
    """Problems of a manifest whose format name and version were already accepted."""
    c = Checker(latest_allowed(now))
    top = c.obj("manifest", data, _MANIFEST_KEYS)
    c.string("manifest.app_version", top.get("app_version"), limit=50, nonempty=True)
    c.timestamp("manifest.created_at", top.get("created_at"))
    check_instrument_ref(c, "manifest.instrument", top.get("instrument"))
    c.uuid("manifest.agency_uuid", top.get("agency_uuid"))
    c.uuid("manifest.round_uuid", top.get("round_uuid"))
    privacy = c.obj("manifest.privacy", top.get("privacy"), {"names", "comments"})
    for key in ("names", "comments"):
        if key in privacy:
            c.boolean(f"manifest.privacy.{key}", privacy[key])
    members = c.mapping("manifest.members", top.get("members"), len(allowed_members))
    for name, entry in members.items():
        path = f"manifest.members[{name!r}]"
        if name not in allowed_members:
            c.problem(path, "not a member of this format")
            continue
        fields = c.obj(path, entry, {"sha256", "size"})
        c.sha256(f"{path}.sha256", fields.get("sha256"))
        c.integer(f"{path}.size", fields.get("size"), 0, 2**40)
    return c.problems


def check_instrument_ref(c: Checker, path: str, value: Any) -> None:
    ref = c.obj(path, value, {"id", "version", "hash"})
    inst_id, version = ref.get("id"), ref.get("version")
    if not isinstance(inst_id, str) or not ID_RE.fullmatch(inst_id):
        c.problem(f"{path}.id", "expected 1 to 64 lower-case ASCII letters, digits and '-'")
    if not isinstance(version, str) or not VERSION_RE.fullmatch(version):
        c.problem(f"{path}.version", "expected 1 to 32 ASCII letters, digits, '.', '+' or '-'")
    c.sha256(f"{path}.hash", ref.get("hash"))


# ----- round.json -------------------------------------------------------------------------------

_TOP = {"agency", "round", "instrument", "respondents", "consensus", "action_plan"}
_AGENCY = {"uuid", "name", "site", "region", "state_identifier"}
_ROUND = {
    "uuid",
    "name",
    "period_start",
    "period_end",
    "status",
    "show_names",
    "created_at",
    "updated_at",
    "closed_at",
}
_PERSON = {"uuid", "role", "created_at", "updated_at", "answers"}
_ANSWER = {"choice", "source", "updated_at"}
_CONSENSUS = {"choice", "rationale", "updated_at"}
_PRIORITY = {
    "uuid",
    "scope_kind",
    "scope_id",
    "goal",
    "owner",
    "start_date",
    "due_date",
    "measure_how",
    "measure_who",
    "measure_frequency",
    "status",
    "carried_from_uuid",
    "created_at",
    "updated_at",
    "cycles",
}
_CYCLE = {
    "uuid",
    "position",
    "plan",
    "do_notes",
    "study_notes",
    "act",
    "act_notes",
    "created_at",
    "updated_at",
}


def check_round(
    data: Any,
    instrument: Instrument,
    names: bool,
    comments: bool,
    *,
    created_at: datetime | None = None,
    now: datetime | None = None,
) -> list[str]:
    """Problems of a round document read against its own instrument and privacy choices.

    No timestamp may be later than `created_at` (the manifest's: when the file was made) or
    than a day after `now`."""
    latest = latest_allowed(now)
    if created_at is not None:
        latest = min(latest, created_at)
    c = Checker(latest)
    top = c.obj("round.json", data, _TOP)
    agency = c.obj("agency", top.get("agency"), _AGENCY)
    c.uuid("agency.uuid", agency.get("uuid"))
    c.string("agency.name", agency.get("name"), nonempty=True)
    for key in ("site", "region", "state_identifier"):
        c.string(f"agency.{key}", agency.get(key))
    _check_round_fields(c, top.get("round"), (c.latest or latest_allowed(now)).date())
    check_instrument_ref(c, "instrument", top.get("instrument"))
    uuids: set[str] = set()

    def unique(path: str, value: Any) -> None:
        found = c.uuid(path, value)
        if found is not None:
            if found in uuids:
                c.problem(path, "this UUID is used twice")
            uuids.add(found)

    for i, raw in enumerate(c.array("respondents", top.get("respondents"), MAX_RESPONDENTS)):
        path = f"respondents[{i}]"
        person = c.obj(path, raw, _PERSON, frozenset({"name"}))
        unique(f"{path}.uuid", person.get("uuid"))
        c.one_of(f"{path}.role", person.get("role"), ROLES)
        c.timestamp(f"{path}.created_at", person.get("created_at"))
        c.timestamp(f"{path}.updated_at", person.get("updated_at"))
        if "name" in person:
            if not names:
                c.problem(f"{path}.name", "names are present but the manifest says names: false")
            else:
                c.string(f"{path}.name", person["name"], nonempty=True)
        elif names and person:
            c.problem(path, "missing key 'name' (the manifest says names: true)")
        answers = c.mapping(f"{path}.answers", person.get("answers"), len(instrument.items))
        for item_id, entry in answers.items():
            if not _plain_answer(c, item_id, entry, instrument):  # the path only when needed
                _check_answer(
                    c, f"{path}.answers[{item_id!r}]", item_id, entry, instrument, comments
                )
    consensus = c.mapping("consensus", top.get("consensus"), len(instrument.items))
    for item_id, entry in consensus.items():
        apath = f"consensus[{item_id!r}]"
        fields = c.obj(apath, entry, _CONSENSUS)
        _check_choice(c, f"{apath}.choice", item_id, fields.get("choice"), instrument)
        c.string(f"{apath}.rationale", fields.get("rationale"), limit=MAX_LONG_TEXT)
        c.timestamp(f"{apath}.updated_at", fields.get("updated_at"))
    plan = c.obj("action_plan", top.get("action_plan"), {"priorities"})
    for i, raw in enumerate(
        c.array("action_plan.priorities", plan.get("priorities"), MAX_PRIORITIES)
    ):
        _check_priority(c, f"action_plan.priorities[{i}]", raw, instrument, unique)
    return c.problems


def _check_round_fields(c: Checker, value: Any, made: date) -> None:
    """`made`: the day the file was made. A review period usually looks back, but a round may be
    set up ahead, so its dates may lie up to a year after that day; never later."""
    rnd = c.obj("round", value, _ROUND, frozenset({"site"}))
    c.uuid("round.uuid", rnd.get("uuid"))
    if "site" in rnd:  # the site the round is for (absent: the whole agency)
        c.string("round.site", rnd["site"], nonempty=True)
    c.string("round.name", rnd.get("name"), nonempty=True)
    start = c.day("round.period_start", rnd.get("period_start"), latest=made + MAX_PERIOD_AHEAD)
    end = c.day("round.period_end", rnd.get("period_end"), latest=made + MAX_PERIOD_AHEAD)
    if start and end and end < start:
        c.problem("round.period_end", "the review period ends before it starts")
    status = c.one_of("round.status", rnd.get("status"), ("open", "closed"))
    c.boolean("round.show_names", rnd.get("show_names"))
    c.timestamp("round.created_at", rnd.get("created_at"))
    c.timestamp("round.updated_at", rnd.get("updated_at"))
    closed = c.timestamp("round.closed_at", rnd.get("closed_at"), nullable=True)
    if status == "open" and closed is not None:
        c.problem("round.closed_at", "an open round has no closing time")


def _check_choice(c: Checker, path: str, item_id: str, choice: Any, instrument: Instrument) -> None:
    item = instrument.item(item_id)
    if item is None:
        c.problem(path.rsplit(".", 1)[0], f"'{item_id[:40]}' is not an item of {instrument.id}")
        return
    if choice is None:
        return
    if not isinstance(choice, str) or item.scale.choice(choice) is None:
        codes = ", ".join(ch.code for ch in item.scale.choices)
        c.problem(path, f"not a choice on the item's scale ({codes})")


def _check_answer(
    c: Checker, path: str, item_id: str, entry: Any, instrument: Instrument, comments: bool
) -> None:
    if _plain_answer(c, item_id, entry, instrument):
        return
    fields = c.obj(path, entry, _ANSWER, frozenset({"comment"}))
    _check_choice(c, f"{path}.choice", item_id, fields.get("choice"), instrument)
    c.one_of(f"{path}.source", fields.get("source"), _SOURCES)
    c.timestamp(f"{path}.updated_at", fields.get("updated_at"))
    if "comment" in fields:
        if not comments:
            c.problem(
                f"{path}.comment", "a comment is present but the manifest says comments: false"
            )
        else:
            c.string(f"{path}.comment", fields["comment"], limit=MAX_LONG_TEXT, nonempty=True)


def _plain_answer(c: Checker, item_id: str, entry: Any, instrument: Instrument) -> bool:
    """The common case, decided fast: exactly choice, source and a valid timestamp, with the
    choice on the item's scale. Anything else takes the slow path that names the problem."""
    if type(entry) is not dict or entry.keys() != _ANSWER:
        return False
    choice, stamp, source = entry["choice"], entry["updated_at"], entry["source"]
    if type(stamp) is not str or type(source) is not str:
        return False
    if source not in _SOURCES or not c.good_stamp(stamp):
        return False
    if choice is None:
        return instrument.item(item_id) is not None
    codes = c.codes.get(item_id)
    if codes is None:
        item = instrument.item(item_id)
        if item is None:
            return False
        codes = c.codes[item_id] = frozenset(ch.code for ch in item.scale.choices)
    return type(choice) is str and choice in codes


def _check_priority(
    c: Checker,
    path: str,
    raw: Any,
    instrument: Instrument,
    unique: Callable[[str, Any], None],
) -> None:
    p = c.obj(path, raw, _PRIORITY, frozenset(IMPLEMENTATION_FIELDS))
    unique(f"{path}.uuid", p.get("uuid"))
    kind = c.one_of(f"{path}.scope_kind", p.get("scope_kind"), ("item", "domain"))
    scope = c.string(f"{path}.scope_id", p.get("scope_id"), limit=64, nonempty=True)
    if kind and scope:
        known = instrument.item(scope) if kind == "item" else instrument.domain(scope)
        if known is None:
            c.problem(f"{path}.scope_id", f"'{scope}' is not a {kind} of {instrument.id}")
    for key in ("goal", "measure_how", "measure_who", "measure_frequency"):
        c.string(f"{path}.{key}", p.get(key), limit=MAX_LONG_TEXT)
    for key in IMPLEMENTATION_FIELDS:  # optional: files written before them still import
        if key in p:
            c.string(f"{path}.{key}", p[key], limit=MAX_LONG_TEXT)
    c.string(f"{path}.owner", p.get("owner"))
    start = c.day(f"{path}.start_date", p.get("start_date"), nullable=True)
    due = c.day(f"{path}.due_date", p.get("due_date"), nullable=True)
    if start and due and due < start:
        c.problem(f"{path}.due_date", "the due date is before the start date")
    c.one_of(f"{path}.status", p.get("status"), PRIORITY_STATUSES)
    if p.get("carried_from_uuid") is not None:
        c.uuid(f"{path}.carried_from_uuid", p.get("carried_from_uuid"))
    c.timestamp(f"{path}.created_at", p.get("created_at"))
    c.timestamp(f"{path}.updated_at", p.get("updated_at"))
    positions: set[int] = set()
    for j, raw_cycle in enumerate(c.array(f"{path}.cycles", p.get("cycles"), MAX_CYCLES)):
        cpath = f"{path}.cycles[{j}]"
        cycle = c.obj(cpath, raw_cycle, _CYCLE)
        unique(f"{cpath}.uuid", cycle.get("uuid"))
        position = c.integer(f"{cpath}.position", cycle.get("position"), 1, 10_000)
        if position is not None:
            if position in positions:
                c.problem(f"{cpath}.position", "this position is used twice")
            positions.add(position)
        plan = c.obj(f"{cpath}.plan", cycle.get("plan"), set(PLAN_FIELDS))
        for key, text in plan.items():
            c.string(f"{cpath}.plan.{key}", text, limit=MAX_LONG_TEXT)
        for key in ("do_notes", "study_notes", "act_notes"):
            c.string(f"{cpath}.{key}", cycle.get(key), limit=MAX_LONG_TEXT)
        c.one_of(f"{cpath}.act", cycle.get("act"), PDSA_ACTS)
        c.timestamp(f"{cpath}.created_at", cycle.get("created_at"))
        c.timestamp(f"{cpath}.updated_at", cycle.get("updated_at"))


def check_consistency(manifest: Mapping[str, Any], document: Mapping[str, Any]) -> list[str]:
    """The manifest and round.json must describe the same agency, round and instrument."""
    problems = []
    pairs = (
        ("agency_uuid", manifest.get("agency_uuid"), document["agency"].get("uuid")),
        ("round_uuid", manifest.get("round_uuid"), document["round"].get("uuid")),
        ("instrument", manifest.get("instrument"), document.get("instrument")),
    )
    for key, declared, found in pairs:
        if declared != found:
            problems.append(f"manifest.{key}: does not match round.json")
    return problems
