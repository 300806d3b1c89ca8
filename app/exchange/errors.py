"""Why an exchange file is refused: one typed error per reason, each with a stable `code`.

Every class subclasses `app.core.errors.ExchangeError`, so the command line and the GUI show the
message as it is (one line, naming the file) without knowing the subclasses; tests, the import
preview and other programs use `code` (stable, documented in docs/exchange-format.md).
"""

from __future__ import annotations

from app.core.errors import ExchangeError


class ExchangeFileError(ExchangeError):
    """A refused exchange file; `code` names the reason, `problems` details schema violations."""

    code = "refused"

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems: list[str] = problems or []


class UnreadableFileError(ExchangeFileError):
    """The file cannot be opened or read at all (missing, no permission, a folder)."""

    code = "unreadable"


class NotAZipError(ExchangeFileError):
    code = "not_zip"


class EmptyFileError(ExchangeFileError):
    code = "empty"


class TruncatedFileError(ExchangeFileError):
    code = "truncated"


class ChecksumMismatchError(ExchangeFileError):
    code = "checksum_mismatch"


class UnsupportedFormatError(ExchangeFileError):
    """Not our format, or a format version this app does not know."""

    code = "unsupported_format"


class NewerFormatError(UnsupportedFormatError):
    code = "newer_format"


class InstrumentConflictError(ExchangeFileError):
    """Same instrument id and version as one here, but different content."""

    code = "instrument_conflict"


class SchemaViolationError(ExchangeFileError):
    code = "schema_violation"


class SizeLimitError(ExchangeFileError):
    """Too big, too many members, or compressed suspiciously well (a zip bomb)."""

    code = "size_limit"


class UnsafePathError(ExchangeFileError):
    """A member name that could leave the archive's folder if extracted."""

    code = "unsafe_path"


class DuplicateMemberError(ExchangeFileError):
    code = "duplicate_member"


class EncodingError(ExchangeFileError):
    code = "invalid_utf8"


class UnexpectedMemberError(ExchangeFileError):
    code = "unexpected_member"


class MissingMemberError(ExchangeFileError):
    code = "missing_member"


class RoundConflictError(ExchangeFileError):
    """The file's round, team members or priorities collide with different records here."""

    code = "conflict"


class BadSignatureError(ExchangeFileError):
    """The agency's signature does not verify: the file was changed after it was signed."""

    code = "bad_signature"


class SealedForOthersError(ExchangeFileError):
    """A sealed file that no coordinator key here opens."""

    code = "not_for_this_key"


class UnsignedFormatError(ExchangeFileError):
    """A version 2 file without its signature (the app always signs version 2)."""

    code = "unsigned"


class KeyChangedError(ExchangeFileError):
    """The agency now signs with another key than the one trusted here."""

    code = "key_changed"
