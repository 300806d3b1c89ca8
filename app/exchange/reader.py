"""Reading an `.smsoat` file without trusting it: each refusal is a typed error; nothing is written.

The order of checks is deliberate. Cheap structural checks come first (size, zip directory, member
names, declared sizes), then members are read through bounded streams (a header may lie about
sizes, so the reader counts what it actually inflates), then checksums, then encodings, then the
content. Any refusal names the file and the reason in words a coordinator can act on.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from app.core.bounded_read import FileRefused, read_regular_file
from app.core.errors import InstrumentError
from app.core.instrument import Instrument
from app.core.instrument_loader import content_hash, parse_instrument
from app.core.safe_json import TooManyValuesError, UnsafeJsonError, load_json
from app.exchange import errors
from app.exchange.envelope import open_envelope
from app.exchange.format import (
    ALLOWED_MEMBERS,
    FORMAT_NAME,
    FORMAT_VERSION,
    INSTRUMENT,
    MANIFEST,
    MAX_ARCHIVE_BYTES,
    MAX_DIRECTORY_BYTES,
    MAX_JSON_VALUES,
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_TOTAL_BYTES,
    MB,
    MEMBER_LIMITS,
    RATIO_FLOOR,
    REQUIRED_MEMBERS,
    ROUND,
    SCORECARD_PDF,
    SCORES_CSV,
    UNSIGNED_VERSION,
    sha256_hex,
)
from app.exchange.validate import check_consistency, check_manifest, check_round, utc_moment

_instrument_cache: dict[str, Instrument] = {}


@dataclass(frozen=True)
class ExchangeFile:
    """A checked exchange file: everything the importer needs, nothing it must re-check."""

    name: str
    sha256: str
    manifest: dict[str, Any]
    document: dict[str, Any]
    instrument: Instrument
    members: Mapping[str, bytes]
    sealed: bool = False  # encrypted for the coordinator (age)
    signer_key: bytes | None = None  # the agency's Ed25519 public key, signature verified

    @property
    def envelope_label(self) -> str:
        """Sealed or not, signed or not, in words (the signer's name comes from the importer)."""
        seal = "sealed" if self.sealed else "not sealed"
        if self.signer_key is None:
            return f"{seal}, unsigned (older format)"
        from app.services.keys import fingerprint

        return f"{seal}, signed with key {fingerprint(self.signer_key)}"

    @property
    def names_included(self) -> bool:
        return bool(self.manifest["privacy"]["names"])

    @property
    def comments_included(self) -> bool:
        return bool(self.manifest["privacy"]["comments"])


def display_name(path: Path | str) -> str:
    """A file name as it can be shown, logged and stored: a name that is not valid UTF-8 on disk
    reaches Python with lone surrogates (`\\udcff`), which no terminal, log file or SQLite text
    accepts; each undecodable byte becomes U+FFFD."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            text = text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        except UnicodeEncodeError:  # a surrogate that does not stand for a byte
            text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def read_exchange_file(
    path: Path, *, now: datetime | None = None, identities: Sequence[Any] = ()
) -> ExchangeFile:
    """Read and check a file on disk; raises an `ExchangeFileError` subclass on any problem."""
    name = display_name(path.name)
    try:
        size = path.stat().st_size
        if size > MAX_ARCHIVE_BYTES:
            _refuse(
                errors.SizeLimitError,
                name,
                f"the file is {size / MB:.0f} MB; an exchange file is at most "
                f"{MAX_ARCHIVE_BYTES // MB} MB",
            )
        # a FIFO blocked here forever and /dev/zero was read to the limit: regular files only
        data = read_regular_file(path, MAX_ARCHIVE_BYTES)
    except OSError as exc:
        raise errors.UnreadableFileError(
            f"{name}: cannot read the file ({exc.strerror or exc})."
        ) from exc
    except FileRefused as exc:
        if path.is_file():  # grew past the limit after the size check
            _refuse(errors.SizeLimitError, name, f"larger than {MAX_ARCHIVE_BYTES // MB} MB")
        raise errors.UnreadableFileError(f"{name}: {exc}; choose an .smsoat file.") from exc
    return read_exchange_bytes(data, name, now=now, identities=identities)


def read_exchange_bytes(
    data: bytes,
    name: str = "<exchange file>",
    *,
    now: datetime | None = None,
    identities: Sequence[Any] = (),
) -> ExchangeFile:
    """Check a file already in memory. `now` is the reader's clock (tests set it): no timestamp
    may be more than a day after it. `identities`: coordinator keys that open sealed files."""
    name = display_name(name)
    if not data:
        _refuse(errors.EmptyFileError, name, "the file is empty")
    if len(data) > MAX_ARCHIVE_BYTES:
        _refuse(errors.SizeLimitError, name, f"larger than {MAX_ARCHIVE_BYTES // MB} MB")
    file_sha256 = sha256_hex(data)
    opened = open_envelope(data, identities, name)
    data = opened.archive
    if not data:
        _refuse(errors.EmptyFileError, name, "the file is empty")
    if len(data) > MAX_ARCHIVE_BYTES:
        _refuse(errors.SizeLimitError, name, f"larger than {MAX_ARCHIVE_BYTES // MB} MB")
    if not data.startswith(b"PK"):
        _refuse(
            errors.NotAZipError, name, "this is not an SMS OAT exchange file (not a zip archive)"
        )
    _check_directory_size(data, name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as exc:
        _refuse(
            errors.TruncatedFileError,
            name,
            f"the file is truncated or damaged ({exc}); ask for it to be sent again",
        )
    except (NotImplementedError, UnicodeDecodeError) as exc:
        _refuse(errors.EncodingError, name, f"a member name cannot be read ({exc})")
    with archive:
        infos = _check_directory(archive, name)
        raw = _read_members(archive, infos, name)
    manifest = _manifest(raw[MANIFEST], name, now)
    if manifest["format_version"] >= FORMAT_VERSION and opened.signer_key is None:
        _refuse(
            errors.UnsignedFormatError,
            name,
            "the file says it is signed (format version 2) but carries no signature; it was "
            "changed or damaged. Ask the agency to send it again",
        )
    _check_checksums(manifest, raw, name)
    document = _json_member(raw[ROUND], ROUND, name)
    instrument = _instrument(raw[INSTRUMENT], manifest, name)
    privacy = manifest["privacy"]
    problems = check_round(
        document,
        instrument,
        privacy["names"],
        privacy["comments"],
        created_at=utc_moment(manifest["created_at"]),
        now=now,
    )
    if not problems:
        problems = check_consistency(manifest, document)
    if problems:
        _schema(name, ROUND, problems)
    if SCORES_CSV in raw:
        _utf8(raw[SCORES_CSV], SCORES_CSV, name)
    if SCORECARD_PDF in raw and not raw[SCORECARD_PDF].startswith(b"%PDF-"):
        _schema(name, SCORECARD_PDF, [f"{SCORECARD_PDF}: not a PDF document"])
    return ExchangeFile(
        name,
        file_sha256,
        manifest,
        document,
        instrument,
        raw,
        sealed=opened.sealed,
        signer_key=opened.signer_key,
    )


def _refuse(kind: type[errors.ExchangeFileError], name: str, reason: str) -> NoReturn:
    raise kind(f"{name}: {reason}.")


def _schema(name: str, member: str, problems: list[str]) -> NoReturn:
    count = len(problems)
    raise errors.SchemaViolationError(
        f"{name}: {member} breaks the exchange format ({count} problem{'s' * (count != 1)}; "
        f"the first: {problems[0]}).",
        problems,
    )


_EOCD = struct.Struct("<4s4H2LH")  # end of central directory record
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")


def _check_directory_size(data: bytes, name: str) -> None:
    """Refuse a zip whose directory lists more members than allowed before `zipfile` builds an
    object for each entry (1.25 million entries took 664 MB). The entry counts and the
    directory's size are read from the end record (and its zip64 form); `zipfile` reads the
    directory by its size, so both must be small."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - _EOCD.size - 65535))
    if at < 0 or at + _EOCD.size > len(data):
        return  # no end record: zipfile refuses the file as damaged
    _, _, _, count, total, size, _, _ = _EOCD.unpack_from(data, at)
    locator = at - _ZIP64_LOCATOR.size
    if locator >= 0 and data[locator : locator + 4] == b"PK\x06\x07":
        offset = _ZIP64_LOCATOR.unpack_from(data, locator)[2]
        if offset + _ZIP64_EOCD.size <= len(data) and data[offset : offset + 4] == b"PK\x06\x06":
            fields = _ZIP64_EOCD.unpack_from(data, offset)
            count, total, size = max(count, fields[5]), max(total, fields[6]), max(size, fields[7])
        else:
            size = max(size, len(data))  # a zip64 locator pointing nowhere: trust nothing
    if max(count, total) > MAX_MEMBERS:
        _refuse(
            errors.SizeLimitError,
            name,
            f"{max(count, total):,} members; at most {MAX_MEMBERS} allowed",
        )
    if size > MAX_DIRECTORY_BYTES:
        _refuse(
            errors.SizeLimitError,
            name,
            f"the zip directory is {size:,} bytes, more than {MAX_MEMBERS} members need",
        )


def _check_directory(archive: zipfile.ZipFile, name: str) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        _refuse(errors.SizeLimitError, name, f"{len(infos)} members; at most {MAX_MEMBERS} allowed")
    seen: set[str] = set()
    declared_total = 0
    for info in infos:
        member = info.filename
        shown = repr(member[:80])
        parts = member.replace("\\", "/").split("/")
        if (
            "\\" in member
            or member.startswith("/")
            or ".." in parts
            or (len(member) > 1 and member[1] == ":")
            or "\x00" in member
        ):
            _refuse(errors.UnsafePathError, name, f"member {shown} points outside the archive")
        if member in seen:
            _refuse(errors.DuplicateMemberError, name, f"member {shown} appears twice")
        seen.add(member)
        if member not in ALLOWED_MEMBERS:
            _refuse(
                errors.UnexpectedMemberError,
                name,
                f"unexpected member {shown} (expected only {', '.join(sorted(ALLOWED_MEMBERS))})",
            )
        if info.flag_bits & 0x1:
            _refuse(errors.UnsupportedFormatError, name, f"member {shown} is encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            _refuse(
                errors.UnsupportedFormatError,
                name,
                f"member {shown} uses an unsupported compression method",
            )
        limit = MEMBER_LIMITS[member]
        if info.file_size > limit:
            _refuse(errors.SizeLimitError, name, f"member {shown} is larger than {limit:,} bytes")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            _refuse(
                errors.SizeLimitError,
                name,
                f"member {shown} compresses more than {MAX_RATIO}:1 (a zip bomb?)",
            )
        declared_total += info.file_size
    if declared_total > MAX_TOTAL_BYTES:
        _refuse(errors.SizeLimitError, name, "the members add up to more than the size limit")
    for member in REQUIRED_MEMBERS:
        if member not in seen:
            _refuse(errors.MissingMemberError, name, f"the member {member} is missing")
    return infos


def _read_members(
    archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], name: str
) -> dict[str, bytes]:
    """Inflate each member through a bounded stream; sizes in the headers are not trusted."""
    raw: dict[str, bytes] = {}
    total = 0
    for info in infos:
        limit = min(MEMBER_LIMITS[info.filename], MAX_TOTAL_BYTES - total)
        try:
            with archive.open(info) as stream:
                # One bounded read: zipfile inflates at most limit + 1 bytes whatever the
                # header says (one byte more than allowed is enough to refuse), and checks the
                # CRC when it reaches the member's end. A Python loop of 64 KB reads cost more.
                data = stream.read(limit + 1)
        except zipfile.BadZipFile as exc:
            kind = errors.ChecksumMismatchError if "CRC" in str(exc) else errors.TruncatedFileError
            _refuse(kind, name, f"member {info.filename!r} is damaged ({exc})")
        except zlib.error as exc:
            _refuse(
                errors.ChecksumMismatchError,
                name,
                f"member {info.filename!r} is damaged ({exc}); ask for it to be sent again",
            )
        except (EOFError, OSError, ValueError, RuntimeError) as exc:
            _refuse(
                errors.TruncatedFileError,
                name,
                f"member {info.filename!r} is truncated or damaged ({exc})",
            )
        size = len(data)
        total += size
        if size > RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1):
            _refuse(
                errors.SizeLimitError,
                name,
                f"member {info.filename!r} compresses more than {MAX_RATIO}:1 (a zip bomb?)",
            )
        if size > limit:
            _refuse(
                errors.SizeLimitError,
                name,
                f"member {info.filename!r} inflates beyond its size limit",
            )
        raw[info.filename] = data
    return raw


def _utf8(data: bytes, member: str, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        _refuse(
            errors.EncodingError,
            name,
            f"{member} is not valid UTF-8 (bad byte at position {exc.start})",
        )


def _json_member(data: bytes, member: str, name: str) -> Any:
    """A JSON member read by app.core.safe_json's rules: no duplicate keys, only finite numbers
    and whole numbers of at most 15 digits, no lone surrogates, a bounded number of values."""
    text = _utf8(data, member, name)
    try:
        return load_json(text, max_values=MAX_JSON_VALUES[member])
    except json.JSONDecodeError as exc:
        _schema(name, member, [f"{member}: not valid JSON at line {exc.lineno}: {exc.msg}"])
    except TooManyValuesError as exc:
        _refuse(errors.SizeLimitError, name, f"{member}: {exc}")
    except UnsafeJsonError as exc:
        _schema(name, member, [f"{member}: {exc}"])
    except (ValueError, RecursionError) as exc:
        _schema(name, member, [f"{member}: {exc}"])


def _manifest(data: bytes, name: str, now: datetime | None) -> dict[str, Any]:
    manifest = _json_member(data, MANIFEST, name)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        _refuse(errors.UnsupportedFormatError, name, "this is not an SMS OAT exchange file")
    version = manifest.get("format_version")
    if type(version) is int and version > FORMAT_VERSION:
        _refuse(
            errors.NewerFormatError,
            name,
            f"written in exchange format version {version}, newer than this app reads "
            f"({FORMAT_VERSION}); install the newer version of SMS OAT Studio",
        )
    if type(version) is not int or version not in (UNSIGNED_VERSION, FORMAT_VERSION):  # not 1.0
        _refuse(
            errors.UnsupportedFormatError,
            name,
            f"unknown exchange format version {str(version)[:20]!r} (this app reads "
            f"{FORMAT_VERSION})",
        )
    problems = check_manifest(manifest, ALLOWED_MEMBERS - {MANIFEST}, now=now)
    if problems:
        _schema(name, MANIFEST, problems)
    return manifest


def _check_checksums(manifest: dict[str, Any], raw: dict[str, bytes], name: str) -> None:
    listed: dict[str, dict[str, Any]] = manifest["members"]
    for member in sorted(raw):
        if member != MANIFEST and member not in listed:
            _refuse(errors.UnexpectedMemberError, name, f"member {member!r} is not in the manifest")
    for member, entry in sorted(listed.items()):
        data = raw.get(member)
        if data is None:
            _refuse(
                errors.MissingMemberError, name, f"the manifest lists {member}, which is missing"
            )
        if len(data) != entry["size"] or sha256_hex(data) != entry["sha256"]:
            _refuse(
                errors.ChecksumMismatchError,
                name,
                f"{member} does not match its checksum in the manifest; the file was damaged "
                "or changed after it was written",
            )


def _instrument(data: bytes, manifest: dict[str, Any], name: str) -> Instrument:
    declared = manifest["instrument"]
    # Most files of a batch carry the same instrument: its bytes' checksum (already verified
    # against the manifest) finds the parsed, validated copy without parsing it again.
    raw_hash = manifest["members"][INSTRUMENT]["sha256"]
    instrument = _instrument_cache.get(raw_hash)
    if instrument is None:
        source = _json_member(data, INSTRUMENT, name)
        try:
            found_hash = content_hash(source)
        except (ValueError, RecursionError) as exc:
            _schema(name, INSTRUMENT, [f"{INSTRUMENT}: {exc}"])
        if found_hash != declared["hash"]:
            _refuse(
                errors.ChecksumMismatchError,
                name,
                f"{INSTRUMENT} does not match the instrument hash in the manifest",
            )
        try:
            instrument = parse_instrument(source, f"{name}/{INSTRUMENT}")
        except InstrumentError as exc:
            raise errors.SchemaViolationError(
                f"{name}: {INSTRUMENT} is not a valid instrument ({exc}).", exc.problems
            ) from exc
        if len(_instrument_cache) > 64:
            _instrument_cache.clear()
        _instrument_cache[raw_hash] = instrument
    elif instrument.content_hash != declared["hash"]:
        _refuse(
            errors.ChecksumMismatchError,
            name,
            f"{INSTRUMENT} does not match the instrument hash in the manifest",
        )
    if instrument.id != declared["id"] or instrument.version != declared["version"]:
        _refuse(
            errors.SchemaViolationError,
            name,
            f"{INSTRUMENT} is {instrument.id} {instrument.version}, but the manifest says "
            f"{declared['id']} {declared['version']}",
        )
    return instrument
