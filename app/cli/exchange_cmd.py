"""Placeholder: filled in by the exchange issue (smsoat export/import/rollup)."""

from __future__ import annotations

from typing import Any


def register(sub: Any) -> None:
    """Adds no command yet."""
