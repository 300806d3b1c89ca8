"""Reading JSON we did not write (instrument files, exchange members) without trusting it.

Python's `json` module accepts `NaN`, `Infinity` and `1e999` (read as infinity), integers of any
length (a 400-digit one overflows the first `float()`, a 5,000-digit one raises a bare ValueError),
lone surrogates such as `"\\ud800"` (which no UTF-8 writer, SQLite or log file can store) and
millions of tiny values (31 MB of `[],` takes 860 MB as Python lists). Each of these once crashed
or exhausted a whole batch. `load_json` refuses them all with `UnsafeJsonError` (a ValueError), so
callers turn one exception into their own typed refusal; the rules are documented in
docs/exchange-format.md and docs/instrument-format.md.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from typing import Any, NoReturn

MAX_INT_DIGITS = 15  # 10^15 is far beyond any count, size or position a real file holds
MAX_NUMBER = 1_000_000.0  # scale values, level and band limits, spread: |x| <= this
# A string, or an unterminated one up to the end: every match succeeds at its first quote, so the
# scan is linear whatever the text (no backtracking from each later quote).
_STRING_RE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)', re.DOTALL)
_SURROGATE_ESCAPE_RE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
# Visible: letters, digits, punctuation and symbols; not spaces, controls, format characters
# (zero-width space, joiners, direction marks), lone combining marks or private-use code points.
_VISIBLE = ("L", "N", "P", "S")


class UnsafeJsonError(ValueError):
    """The text is not JSON this app reads; the message says why, in words."""


class TooManyValuesError(UnsafeJsonError):
    """More values than the caller allows: a size limit rather than a broken document."""


def _refuse(message: str) -> NoReturn:
    raise UnsafeJsonError(message)


def _reject_constant(token: str) -> NoReturn:
    _refuse(f"{token} is not a JSON number (only finite numbers are allowed)")


def _finite_float(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        _refuse(f"the number {token[:30]} is out of range (only finite numbers are allowed)")
    return value


def _bounded_int(token: str) -> int:
    if len(token.lstrip("-")) > MAX_INT_DIGITS:
        _refuse(f"a whole number has more than {MAX_INT_DIGITS} digits ({token[:20]}…)")
    return int(token)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON allows a key twice and keeps the last; a tampered file could hide data that way."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                _refuse(f"the key {key[:40]!r} appears twice in one object")
            seen.add(key)
    return result


def count_values(text: str, enough: int = 0) -> int:
    """An upper bound of the number of values `json.loads(text)` would build, found without
    building them: every comma and opening bracket counts. When that quick count is above
    `enough`, strings are collapsed first (their commas and brackets are not values), which is
    still linear in the text, so a hostile document is refused before it is materialised."""
    quick = text.count(",") + text.count("[") + text.count("{") + 1
    if quick <= enough:
        return quick
    bare = _STRING_RE.sub('""', text)
    return bare.count(",") + bare.count("[") + bare.count("{") + 1


def load_json(text: str, *, max_values: int, unique_keys: bool = True) -> Any:
    """Parse untrusted JSON text; raises UnsafeJsonError (or json.JSONDecodeError, also a
    ValueError, for text that is not JSON at all) instead of building something harmful."""
    found = count_values(text, enough=max_values)
    if found > max_values:
        raise TooManyValuesError(
            f"it holds about {found:,} values, more than the {max_values:,} allowed"
        )
    try:
        data = json.loads(
            text,
            object_pairs_hook=_unique_keys if unique_keys else None,
            parse_constant=_reject_constant,
            parse_float=_finite_float,
            parse_int=_bounded_int,
        )
    except RecursionError:
        _refuse("it is nested too deeply")
    if _SURROGATE_ESCAPE_RE.search(text):  # rare: only then is walking the whole tree worth it
        where = lone_surrogate_path(data)
        if where is not None:
            _refuse(f"{where}: a text holds a lone surrogate (\\ud800-\\udfff), not a character")
    return data


def lone_surrogate_path(data: Any, root: str = "$") -> str | None:
    """The JSON path of the first key or string holding a lone surrogate, or None.

    Iterative, so a deeply nested document cannot exhaust Python's recursion limit."""
    stack: list[tuple[str, Any]] = [(root, data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if _SURROGATE_RE.search(value):
                return path
        elif isinstance(value, dict):
            for key, inner in value.items():
                if isinstance(key, str) and _SURROGATE_RE.search(key):
                    return f"{path}.{key.encode('utf-8', 'replace').decode()[:40]}"
                stack.append((f"{path}.{key}", inner))
        elif isinstance(value, list):
            stack.extend((f"{path}[{i}]", inner) for i, inner in enumerate(value))
    return None


def has_visible(text: str) -> bool:
    """True when the text shows at least one character: a name of only spaces, zero-width
    spaces, joiners or direction marks would print as nothing and pass for blank."""
    return any(unicodedata.category(ch)[0] in _VISIBLE for ch in text)


def finite_number(value: Any) -> bool:
    """A JSON number (not true/false) that is finite and within ±MAX_NUMBER."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return False
    return -MAX_NUMBER <= value <= MAX_NUMBER
