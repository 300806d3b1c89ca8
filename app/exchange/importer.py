"""Importing exchange files: a preview first, then each file in its own transaction.

For each file the preview says what it holds and what importing it would do:

- `new`: a round not here yet (its agency is created or brought up to date);
- `revision`: the same round (same uuid) with different data, at least as recent as the copy
  here: importing replaces the copy, and the replaced data stays in the change log;
- `duplicate`: the copy here would export to exactly the same data: nothing is written;
- `older`: the copy here was changed after the file was made: nothing is written;
- `refused`: the file is damaged, hostile or incompatible: the reason, and nothing is written.

Beside the status, the preview names every change to what is here besides adding: the round a
revision replaces, and an agency (found by its uuid) whose name the file changes, so a file can
never rename an agency while the preview says only "add".

An agency here with another UUID but the file's state identifier (a reinstall, a second laptop)
is *proposed* for linking (`link_with`); the coordinator confirms the link afterwards
(`smsoat link-agencies`, or the coordinator view), so nothing is merged silently.

A batch never stops at a bad file; it reports it and goes on with the others.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property, partial
from pathlib import Path
from typing import Any, Literal

from app.core.instrument import Instrument
from app.core.models import Organization
from app.db import agency_links, changelog, imports, organizations, rounds
from app.db.connection import transaction
from app.exchange.errors import (
    ExchangeFileError,
    InstrumentConflictError,
    KeyChangedError,
    RoundConflictError,
)
from app.exchange.export import Privacy, round_document
from app.exchange.format import CLOCK_SLACK, EXTENSION
from app.exchange.merge import field_changes, keep_withheld
from app.exchange.reader import (
    ExchangeFile,
    display_name,
    read_exchange_bytes,
    read_exchange_file,
)
from app.exchange.reader_pool import ReaderPool, reader_count
from app.exchange.validate import utc_moment
from app.services.keys import KeyRing, Signer, fingerprint
from app.services.redaction import Redactor

log = logging.getLogger(__name__)

ImportStatus = Literal["new", "revision", "duplicate", "older", "refused"]
WRITING: frozenset[str] = frozenset({"new", "revision"})


@dataclass(frozen=True)
class Envelope:
    """How a file arrived, as codes and values, so each interface words it in its own language
    (the import dialog with self.tr; `FileReport.envelope` is the English line of the CLI).

    `trust`: "first" (the first file from this agency's key: trusted from now on), "known"
    (the key trusted here), "accepted" (a new key for the agency, accepted by the user), or ""
    when there is no key ring to check against (or the file is unsigned)."""

    sealed: bool
    signed: bool  # False: an older, unsigned file
    fingerprint: str = ""
    agency: str = ""
    first_seen: str = ""
    trust: str = ""


@dataclass(frozen=True)
class FileReport:
    """One file of a preview or an import: what it holds and what happens (or happened) to it."""

    path: Path
    status: ImportStatus
    file: ExchangeFile | None = None
    error: ExchangeFileError | None = None
    round_id: int | None = None  # the round here: existing (preview) or written (import)
    written: bool = False
    renamed_from: str | None = None  # the agency's name here, when the file changes it
    replaces: str | None = None  # the name of the round here a revision replaces
    # a revision's changes, field by field (app/exchange/merge.py)
    field_changes: tuple[str, ...] = ()
    envelope: str = ""  # sealed or not, who signed (e.g. "sealed, signed by Riverbend, key …")
    envelope_info: Envelope | None = None  # the same, as codes (translatable)
    link_with: Organization | None = None  # another record here with the file's state id

    @property
    def proposals(self) -> list[str]:
        """What the coordinator may want to do after importing (never done by the import)."""
        if self.link_with is None:
            return []
        state_id = self.file.document["agency"]["state_identifier"] if self.file else ""
        return [
            f'shares the state identifier "{state_id}" with the agency "{self.link_with.name}" '
            f"here (id {self.link_with.id}): if they are the same agency, link them "
            "(smsoat agencies; smsoat link-agencies)"
        ]

    @property
    def refused(self) -> bool:
        return self.status == "refused"

    @property
    def name(self) -> str:
        """The file's name as it can be shown (undecodable bytes as U+FFFD)."""
        return display_name(self.path.name)

    @property
    def shown_path(self) -> str:
        return display_name(self.path)

    @property
    def changes(self) -> list[str]:
        """What importing changes here besides adding, in words (empty when it only adds)."""
        found = []
        if self.replaces is not None and self.status == "revision":
            found.append(f'replaces the round "{self.replaces}" here (id {self.round_id})')
        if self.renamed_from is not None:
            found.append(f'renames the agency "{self.renamed_from}" to "{self.agency_name}"')
        return found

    @property
    def agency_name(self) -> str:
        return str(self.file.document["agency"]["name"]) if self.file else ""

    @property
    def round_name(self) -> str:
        return str(self.file.document["round"]["name"]) if self.file else ""

    @property
    def instrument_label(self) -> str:
        if self.file is None:
            return ""
        return f"{self.file.instrument.id} {self.file.instrument.version}"

    @property
    def respondent_count(self) -> int:
        return len(self.file.document["respondents"]) if self.file else 0

    @property
    def answer_count(self) -> int:
        if self.file is None:
            return 0
        return sum(len(p["answers"]) for p in self.file.document["respondents"])

    @property
    def reason(self) -> str:
        """The error message for a refused file; otherwise what importing does, in words."""
        if self.error is not None:
            return str(self.error)
        return "; ".join([_DESCRIPTIONS[self.status], *self.changes])


_DESCRIPTIONS: dict[str, str] = {
    "new": "a round not here yet",
    "revision": "a newer revision of a round already here; it replaces that round",
    "duplicate": "exactly the same as the round already here; nothing to do",
    "older": "the round here was changed after this file was made; it is kept",
    "refused": "refused",
}


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; a folder stands for the `.smsoat` files directly inside it, sorted."""
    result: list[Path] = []
    for path in paths:
        if path.is_dir():
            result += sorted(
                p for p in path.iterdir() if p.suffix.lower() == EXTENSION and p.is_file()
            )
        else:
            result.append(path)
    return result


def last_change(document: dict[str, Any], now: datetime | None = None) -> datetime:
    """The newest timestamp anywhere in a round document: how recent this revision is.

    A file's timestamps were checked on reading (none after the file was made or after tomorrow).
    The round here may predate those checks: a stamp of it that is impossible or later than
    tomorrow counts as the earliest moment, so a forged far-future revision stored earlier can
    no longer keep out every genuine later file."""
    latest = (now or datetime.now(UTC)) + CLOCK_SLACK
    stamps: list[str] = [document["round"]["created_at"], document["round"]["updated_at"]]
    if document["round"]["closed_at"]:
        stamps.append(document["round"]["closed_at"])
    for person in document["respondents"]:
        stamps += [person["created_at"], person["updated_at"]]
        stamps += [a["updated_at"] for a in person["answers"].values()]
    stamps += [c["updated_at"] for c in document["consensus"].values()]
    for p in document["action_plan"]["priorities"]:
        stamps += [p["created_at"], p["updated_at"]]
        for c in p["cycles"]:
            stamps += [c["created_at"], c["updated_at"]]
    return max(_bounded(s, latest) for s in stamps)


_EARLIEST = datetime.min.replace(tzinfo=UTC) + timedelta(days=1)


def _bounded(stamp: str, latest: datetime) -> datetime:
    try:
        moment = utc_moment(stamp)
    except (ValueError, OverflowError, TypeError):
        return _EARLIEST
    return moment if moment <= latest else _EARLIEST


def agency_rename(conn: sqlite3.Connection, document: dict[str, Any]) -> str | None:
    """The agency's current name here when the file names the same agency (by uuid) otherwise."""
    here = organizations.find_by_uuid(conn, document["agency"]["uuid"])
    if here is None or here.name == str(document["agency"]["name"]):
        return None
    return here.name


def _check_instrument(
    conn: sqlite3.Connection, instrument: Instrument, installed: Sequence[Instrument], name: str
) -> None:
    here = [
        row[0]
        for row in conn.execute(
            "SELECT hash FROM instrument_snapshots WHERE instrument_id = ? AND version = ?",
            (instrument.id, instrument.version),
        )
    ]
    here += [
        i.content_hash
        for i in installed
        if (i.id, i.version) == (instrument.id, instrument.version)
    ]
    if any(found != instrument.content_hash for found in here):
        raise InstrumentConflictError(
            f"{name}: its instrument {instrument.id} version {instrument.version} differs from "
            "the one here with the same id and version (someone edited one of them); ask the "
            "instrument's publisher for a new version number."
        )


def classify(
    conn: sqlite3.Connection, exchange: ExchangeFile, installed: Sequence[Instrument] = ()
) -> tuple[ImportStatus, int | None]:
    """What importing would do, and the id of the round here if there is one."""
    _check_instrument(conn, exchange.instrument, installed, exchange.name)
    document = exchange.document
    existing = rounds.find_by_uuid(conn, document["round"]["uuid"])
    if existing is None:
        return "new", None
    agency_uuid = conn.execute(
        "SELECT uuid FROM organizations WHERE id = ?", (existing.organization_id,)
    ).fetchone()[0]
    if agency_uuid != document["agency"]["uuid"]:
        raise RoundConflictError(
            f"{exchange.name}: a round with this id belongs to another agency here; "
            "the file was not imported."
        )
    if existing.instrument_hash != exchange.instrument.content_hash:
        raise RoundConflictError(
            f"{exchange.name}: the round here was answered with {existing.instrument_id} "
            f"{existing.instrument_version}, the file's copy with "
            f"{exchange.instrument.id} {exchange.instrument.version}; the file was not imported."
        )
    privacy = Privacy(names=exchange.names_included, comments=exchange.comments_included)
    stored = round_document(conn, existing.id, privacy)
    if stored == document:
        return "duplicate", existing.id
    if last_change(document) < last_change(stored):
        return "older", existing.id
    return "revision", existing.id


def _changes(
    conn: sqlite3.Connection, exchange: ExchangeFile, status: ImportStatus, round_id: int | None
) -> tuple[str | None, str | None]:
    """The agency's name a write would change, and the name of the round it would replace."""
    replaces = rounds.get(conn, round_id).name if status == "revision" and round_id else None
    renamed = agency_rename(conn, exchange.document) if status in WRITING else None
    return renamed, replaces


def merged_revision(
    conn: sqlite3.Connection, exchange: ExchangeFile, round_id: int
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The round here (names, comments) and the file's revision with what it withholds kept."""
    stored = round_document(conn, round_id, Privacy(names=True, comments=True))
    redact = Redactor.for_respondents(rounds.respondents(conn, round_id, include_withdrawn=True))
    merged = keep_withheld(
        stored,
        exchange.document,
        redact,
        names=exchange.names_included,
        comments=exchange.comments_included,
    )
    return stored, merged


@dataclass(frozen=True)
class Keys:
    """What opens and vouches for files here: the coordinator's keys and the trusted agency keys
    (`keys/` beside the data file), and whether a changed agency key was accepted this time."""

    ring: KeyRing | None = None
    accept_new_key: bool = False

    @cached_property
    def _identities(self) -> list[Any]:
        return self.ring.identities() if self.ring is not None else []

    def identities(self) -> list[Any]:
        """The coordinator keys, read once per import (a batch of 1,000 files reads them once)."""
        return self._identities


def keys_for(conn: sqlite3.Connection, keys: Keys | None) -> Keys:
    """The keys given, or those beside the connection's data file (none for :memory:)."""
    if keys is not None:
        return keys
    path = str(getattr(conn, "path", ""))
    if not path or path == ":memory:":
        return Keys()
    return Keys(KeyRing.for_database(Path(path)))


def _signer(exchange: ExchangeFile, keys: Keys) -> tuple[Signer | None, str, Envelope]:
    """Who signed, checked against the key trusted for the agency; refuses a changed key unless
    accepted. Returns the signer, the envelope's English label and the envelope as codes."""
    seal = "sealed" if exchange.sealed else "not sealed"
    if exchange.signer_key is None:
        return None, f"{seal}, unsigned (older format)", Envelope(exchange.sealed, False)
    agency = exchange.document["agency"]
    if keys.ring is None:
        fp = fingerprint(exchange.signer_key)
        return None, f"{seal}, signed with key {fp}", Envelope(exchange.sealed, True, fp)
    signer, changed = keys.ring.check_signer(
        str(agency["uuid"]), str(agency["name"]), exchange.signer_key
    )
    if changed and not keys.accept_new_key:
        raise KeyChangedError(
            f"{exchange.name}: WARNING: {agency['name']} now signs with another key "
            f"({signer.fingerprint}) than the one trusted here. Call the agency to check the new "
            "key's fingerprint before accepting it (smsoat import --accept-new-key); the file "
            "was not imported."
        )
    label = f"{seal}, {signer.describe()}"
    trust = "known"
    if changed:
        label += " (a NEW key for this agency, accepted)"
        trust = "accepted"
    elif signer.new:
        label += " (first file from this key: trusted from now on)"
        trust = "first"
    info = Envelope(
        exchange.sealed, True, signer.fingerprint, signer.agency, signer.first_seen, trust
    )
    return signer, label, info


def _field_changes(
    conn: sqlite3.Connection, exchange: ExchangeFile, status: ImportStatus, round_id: int | None
) -> tuple[str, ...]:
    if status != "revision" or round_id is None:
        return ()
    stored, merged = merged_revision(conn, exchange, round_id)
    return tuple(field_changes(stored, merged))


# A crafted file must never stop a batch: whatever slips past the typed checks (a bug) refuses
# that one file, with the details in the log. Database errors (a full disk, a lock) still stop
# the batch, since they are not the file's fault and the next file would meet them too.
_UNFORESEEN = (
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
    OverflowError,
    RecursionError,
    UnicodeError,
)


def _unforeseen(path: Path, exc: BaseException) -> FileReport:
    kind = getattr(exc, "kind", type(exc).__name__)  # a reader process's: the original type
    log.error("refused %s after an unexpected %s", display_name(path), kind, exc_info=exc)
    error = ExchangeFileError(
        f"{display_name(path.name)}: the file could not be read ({kind}); "
        "ask for it to be sent again, and report the problem if it persists."
    )
    return FileReport(path, "refused", error=error)


def _reading(path: Path, keys: Keys, read: Callable[[], ExchangeFile] | None) -> ExchangeFile:
    """The file's reading: the one under way (a reader process's), else done here."""
    return read() if read is not None else read_exchange_file(path, identities=keys.identities())


def preview_file(
    conn: sqlite3.Connection,
    path: Path,
    installed: Sequence[Instrument] = (),
    *,
    keys: Keys | None = None,
    read: Callable[[], ExchangeFile] | None = None,
) -> FileReport:
    """What importing one file would do. `read`: its reading, perhaps under way elsewhere."""
    keys = keys_for(conn, keys)
    try:
        exchange = _reading(path, keys, read)
        _, envelope, info = _signer(exchange, keys)
        status, round_id = classify(conn, exchange, installed)
        renamed, replaces = _changes(conn, exchange, status, round_id)
        fields = _field_changes(conn, exchange, status, round_id)
        link_with = _link_with(conn, exchange)
    except ExchangeFileError as exc:
        return FileReport(path, "refused", error=exc)
    except _UNFORESEEN as exc:
        return _unforeseen(path, exc)
    return FileReport(
        path,
        status,
        exchange,
        round_id=round_id,
        renamed_from=renamed,
        replaces=replaces,
        field_changes=fields,
        envelope=envelope,
        envelope_info=info,
        link_with=link_with,
    )


def _link_with(conn: sqlite3.Connection, exchange: ExchangeFile) -> Organization | None:
    agency = exchange.document["agency"]
    return agency_links.match_for(conn, str(agency["uuid"]), str(agency["state_identifier"]))


def preview_files(
    conn: sqlite3.Connection,
    paths: Iterable[Path],
    installed: Sequence[Instrument] = (),
    *,
    keys: Keys | None = None,
) -> list[FileReport]:
    """What importing these files would do; reads every file (a large batch in reader
    processes, as `import_files` does), writes nothing."""
    keys = keys_for(conn, keys)
    files = expand_paths(paths)
    with _readers(keys, len(files)) as pool:
        pending = pool.readings(files) if pool is not None else _in_line(files, keys)
        return [preview_file(conn, path, installed, keys=keys, read=read) for path, read in pending]


def import_file(
    conn: sqlite3.Connection,
    path: Path,
    installed: Sequence[Instrument] = (),
    *,
    actor: str = "import",
    keys: Keys | None = None,
    read: Callable[[], ExchangeFile] | None = None,
) -> FileReport:
    """Import one file in one transaction; a refused file is reported, never half-written.
    `read`: the file's reading, perhaps already under way (a batch reads ahead in processes)."""
    keys = keys_for(conn, keys)
    try:
        exchange = _reading(path, keys, read)
    except ExchangeFileError as exc:
        log.info("refused %s: %s", display_name(path), exc)
        return FileReport(path, "refused", error=exc)
    except _UNFORESEEN as exc:
        return _unforeseen(path, exc)
    return import_exchange(conn, exchange, path, installed, actor=actor, keys=keys)


def import_bytes(
    conn: sqlite3.Connection,
    data: bytes,
    name: str,
    installed: Sequence[Instrument] = (),
    *,
    actor: str = "import",
    keys: Keys | None = None,
) -> FileReport:
    """As `import_file`, for a file already in memory (a drop, a test)."""
    keys = keys_for(conn, keys)
    try:
        exchange = read_exchange_bytes(data, name, identities=keys.identities())
    except ExchangeFileError as exc:
        log.info("refused %s: %s", display_name(name), exc)
        return FileReport(Path(name), "refused", error=exc)
    return import_exchange(conn, exchange, Path(name), installed, actor=actor, keys=keys)


def import_exchange(
    conn: sqlite3.Connection,
    exchange: ExchangeFile,
    path: Path,
    installed: Sequence[Instrument] = (),
    *,
    actor: str = "import",
    keys: Keys | None = None,
) -> FileReport:
    """Classify and write a checked file in one transaction (classification is repeated inside
    it, so a preview made earlier can never lead to a wrong write)."""
    keys = keys_for(conn, keys)
    try:
        signer, envelope, info = _signer(exchange, keys)
        with transaction(conn):
            status, round_id = classify(conn, exchange, installed)
            renamed, replaces = _changes(conn, exchange, status, round_id)
            fields = _field_changes(conn, exchange, status, round_id)
            if status in WRITING:
                round_id = _write(conn, exchange, status, round_id, actor)
    except ExchangeFileError as exc:
        log.info("refused %s: %s", display_name(path), exc)
        return FileReport(path, "refused", error=exc)
    except _UNFORESEEN as exc:
        return _unforeseen(path, exc)
    if signer is not None and keys.ring is not None and status in WRITING:
        # trusted on first use, or the new key the user accepted: after the data is committed
        keys.ring.trust(signer.agency_uuid, signer.agency, exchange.signer_key or b"")
    return FileReport(
        path,
        status,
        exchange,
        round_id=round_id,
        written=status in WRITING,
        renamed_from=renamed,
        replaces=replaces,
        field_changes=fields,
        envelope=envelope,
        envelope_info=info,
        link_with=_link_with(conn, exchange),
    )


def _write(
    conn: sqlite3.Connection,
    exchange: ExchangeFile,
    status: ImportStatus,
    round_id: int | None,
    actor: str,
) -> int:
    document = exchange.document
    if actor == "import":  # the change log says which file, not only "import"
        actor = f"import from {exchange.name}"
    if round_id is not None:  # a revision: what the file withholds keeps what is here
        _, document = merged_revision(conn, exchange, round_id)
    conflicts = imports.conflicting_uuids(conn, document, round_id)
    if conflicts:
        raise RoundConflictError(
            f"{exchange.name}: {len(conflicts)} record id(s) in the file already belong to "
            f"another round here (the first: {conflicts[0]}); the file was not imported."
        )
    detail: dict[str, Any] = {
        "status": status,
        "file": exchange.name,
        "file_sha256": exchange.sha256,
        "exported_at": exchange.manifest["created_at"],
        "app_version": exchange.manifest["app_version"],
        "privacy": exchange.manifest["privacy"],
        "respondents": len(document["respondents"]),
    }
    if round_id is not None:
        # The replaced revision, complete, so nothing an import replaces is ever lost.
        detail["previous_revision"] = round_document(
            conn, round_id, Privacy(names=True, comments=True)
        )
    try:
        org_id = imports.upsert_organization(conn, document["agency"], actor=actor)
        new_id = imports.write_round(
            conn,
            document,
            exchange.instrument,
            org_id,
            names=exchange.names_included,
            replace_round_id=round_id,
        )
    except sqlite3.IntegrityError as exc:
        raise RoundConflictError(
            f"{exchange.name}: the file's data clashes with the data here ({exc}); "
            "the file was not imported."
        ) from exc
    changelog.append(
        conn,
        actor=actor,
        action="import",
        entity="round",
        entity_uuid=document["round"]["uuid"],
        round_uuid=document["round"]["uuid"],
        detail=detail,
    )
    return new_id


ProgressCallback = Callable[[int, int, FileReport], None]


# Group commit: the files of a batch are written in groups, one transaction (one fsync) per
# group and a savepoint per file, so each file stays all-or-nothing. A file counts as imported
# (progress, the returned report, its agency key trusted) only once its group is committed: an
# acknowledged file is never lost. A group ends after this many files or this long, whichever
# comes first, so progress still moves several times a second (docs/performance.md).
GROUP_FILES = 100
GROUP_SECONDS = 0.25


def import_files(
    conn: sqlite3.Connection,
    paths: Iterable[Path],
    installed: Sequence[Instrument] = (),
    *,
    actor: str = "import",
    on_progress: ProgressCallback | None = None,
    should_cancel: Callable[[], bool] | None = None,
    keys: Keys | None = None,
) -> list[FileReport]:
    """Import every file (folders expanded); each is all-or-nothing (a savepoint), files are
    committed in groups (see GROUP_FILES), so cancelling between files keeps those already
    imported and leaves the rest untouched."""
    files = expand_paths(paths)
    keys = keys_for(conn, keys)
    reports: list[FileReport] = []
    batch = keys.ring.batch() if keys.ring is not None else nullcontext()
    with batch, _readers(keys, len(files)) as pool:
        pending = pool.readings(files) if pool is not None else _in_line(files, keys)
        while len(reports) < len(files):
            group = _import_group(conn, pending, installed, actor, keys, should_cancel)
            for report in group:  # committed: now it counts
                reports.append(report)
                if on_progress is not None:
                    on_progress(len(reports), len(files), report)
            if len(group) == 0 or (should_cancel is not None and should_cancel()):
                break
    return reports


# Reading (decrypting, verifying, unzipping, parsing, validating) is about two thirds of an
# import's CPU and never touches the database: a batch of at least POOL_MIN_FILES files reads
# ahead in child processes (`app/exchange/reader_pool.py`) while this thread writes. READERS:
# how many (None: `reader_count()`, one per core but one; 0: every file read in line). Reading ahead
# on a thread instead was measured slower (docs/performance.md, "Import").
POOL_MIN_FILES = 32
READERS: int | None = None


def _readers(keys: Keys, files: int) -> AbstractContextManager[ReaderPool | None]:
    readers = reader_count() if READERS is None else READERS
    if readers == 0 or files < POOL_MIN_FILES:
        return nullcontext()
    return ReaderPool(keys.identities(), readers)


def _in_line(
    files: Sequence[Path], keys: Keys
) -> Iterator[tuple[Path, Callable[[], ExchangeFile]]]:
    """Each file with its reading, done in line when asked for."""
    identities = keys.identities()
    for path in files:
        yield path, partial(read_exchange_file, path, identities=identities)


def _import_group(
    conn: sqlite3.Connection,
    pending: Iterator[tuple[Path, Callable[[], ExchangeFile]]],
    installed: Sequence[Instrument],
    actor: str,
    keys: Keys,
    should_cancel: Callable[[], bool] | None,
) -> list[FileReport]:
    """Import files from `pending` in one transaction until the group is full, its time is up,
    the files run out or the user cancels. A storage error rolls the whole group back, and the
    agency keys it would have trusted are forgotten with it."""
    group: list[FileReport] = []
    trusted = keys.ring.trust_snapshot() if keys.ring is not None else None
    start = time.monotonic()
    try:
        with transaction(conn):
            while len(group) < GROUP_FILES and time.monotonic() - start < GROUP_SECONDS:
                if should_cancel is not None and should_cancel():
                    break
                upcoming = next(pending, None)
                if upcoming is None:
                    break
                path, read = upcoming
                group.append(import_file(conn, path, installed, actor=actor, keys=keys, read=read))
    except BaseException:
        if keys.ring is not None and trusted is not None:
            keys.ring.restore_trust(trusted)
        raise
    return group
