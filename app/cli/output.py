"""What the command line prints: text from the data file or from imported files, made harmless.

Names come from other people's files (an imported round, an instrument, an agency). Printed raw,
an ESC starts a terminal control sequence (recolour, retitle, move the cursor), a BEL rings, a CR
overwrites the start of the line, and a line break inside a round name prints a fake line of its
own (a forged "3 file(s): imported 3, refused 0."). So:

- `shown(text)` escapes every control character (C0 including line breaks and tabs, DEL, C1) and
  the bidirectional overrides that reorder a line, as `\\x1b`, `\\n`, `\\u202e` …; every CLI print
  of a user's or a file's text goes through it (print_table does it for each cell);
- `EscapingStream` wraps stdout and stderr for the whole command as a safety net: it escapes the
  same characters except the line breaks and tabs the app itself prints, so a message that forgot
  `shown()` still cannot reach the terminal with an escape sequence in it.

JSON output needs neither (json.dump escapes control characters), and passes through unchanged.
"""

from __future__ import annotations

import contextlib
import io
import re
from typing import TextIO

# Bidirectional embeddings, overrides and isolates: they reorder what follows them on the line.
_BIDI = "\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
_CONTROLS_BUT_LINES = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: object) -> str:
    """`text` with every control character escaped, ready for one line of a terminal."""
    return _CONTROLS.sub(_escape, str(text))


def _shown_keeping_lines(text: str) -> str:
    return _CONTROLS_BUT_LINES.sub(_escape, text)


class EscapingStream(io.TextIOBase):
    """A text stream that escapes control characters (not line breaks or tabs) on the way out."""

    def __init__(self, inner: TextIO) -> None:
        super().__init__()
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(_shown_keeping_lines(text))
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def fileno(self) -> int:
        return self.inner.fileno()

    def isatty(self) -> bool:
        return self.inner.isatty()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self.inner, "encoding", "utf-8"))

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self.inner, "errors", None)


def prepare_stream(stream: TextIO) -> None:
    """Text that the terminal's encoding cannot hold is written as `\\u2014`, not a crash.

    A Windows console redirected to a file, or PYTHONIOENCODING=ascii, gives a stream that
    raised UnicodeEncodeError on the first "—" or accented name (exit 1).
    """
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None:
        return
    # a stream that cannot be reconfigured keeps its own rules
    with contextlib.suppress(ValueError, OSError, io.UnsupportedOperation):
        reconfigure(errors="backslashreplace")
